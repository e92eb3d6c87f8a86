import * as Plot from "npm:@observablehq/plot";

const grey = "#bbb";

const texts = {
  en: {
    noAnswer: "(no answer)",
    axis: "Customers →",
    aria: (name, n) => `${name}: ${n} customers by category`
  },
  zh: {
    noAnswer: "（未作答）",
    axis: "客户数 →",
    aria: (name, n) => `${name}：${n} 位客户的类别分布`
  }
};

/**
 * Horizontal bars of one categorical profile variable: customers per category, with count
 * and share as labels. Missing answers get their own grey bar, so the bars add up to the
 * sample. Categories are in numeric-aware order. `lang` ("en" or "zh") sets the language of
 * the axis, the missing-answer bar and the chart's aria-label.
 */
export function profileChart(variable, options = {}) {
  const {width: requestedWidth, color = "#4e79a7", lang = "en"} = options;
  // A chart narrower than its margins would draw bars of negative width.
  const width = Math.max(requestedWidth ?? 640, 320);
  const words = texts[lang] ?? texts.en;
  const noAnswer = words.noAnswer;
  const values = variable.values.map((value) => value ?? noAnswer);
  const byCategory = (a, b) => {
    if (a === noAnswer) return 1;
    if (b === noAnswer) return -1;
    return a.localeCompare(b, "en", {numeric: true});
  };
  const categories = [...new Set(values)].sort(byCategory);
  const n = values.length;
  const label = (group) =>
    `${group.length.toLocaleString("en-US")} (${((100 * group.length) / n).toFixed(1)}%)`;
  const name = lang === "zh" ? variable.label.zh : variable.label.en;

  return Plot.plot({
    width,
    height: categories.length * 24 + 40,
    marginLeft: 130,
    marginRight: 90,
    ariaLabel: words.aria(name, n.toLocaleString("en-US")),
    x: {label: words.axis, grid: true},
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
