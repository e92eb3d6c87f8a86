import * as Plot from "npm:@observablehq/plot";

const noAnswer = "(no answer)";
const grey = "#bbb";

function byCategory(a, b) {
  if (a === noAnswer) return 1;
  if (b === noAnswer) return -1;
  return a.localeCompare(b, "en", {numeric: true});
}

/**
 * Horizontal bars of one categorical profile variable: customers per category, with count
 * and share as labels. Missing answers get their own grey bar, so the bars add up to the
 * sample. Categories are in numeric-aware order.
 */
export function profileChart(variable, {width: requestedWidth, color = "#4e79a7"} = {}) {
  // A chart narrower than its margins would draw bars of negative width.
  const width = Math.max(requestedWidth ?? 640, 320);
  const values = variable.values.map((value) => value ?? noAnswer);
  const categories = [...new Set(values)].sort(byCategory);
  const n = values.length;
  const label = (group) =>
    `${group.length.toLocaleString("en-US")} (${((100 * group.length) / n).toFixed(1)}%)`;

  return Plot.plot({
    width,
    height: categories.length * 24 + 40,
    marginLeft: 130,
    marginRight: 90,
    x: {label: "Customers →", grid: true},
    y: {domain: categories, label: null},
    marks: [
      Plot.barX(
        values,
        Plot.groupY({x: "count"}, {y: Plot.identity, fill: (d) => (d === noAnswer ? grey : color)})
      ),
      Plot.text(
        values,
        Plot.groupY({x: "count", text: label}, {y: Plot.identity, textAnchor: "start", dx: 4})
      ),
      Plot.ruleX([0])
    ]
  });
}
