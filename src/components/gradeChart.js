import * as Plot from "npm:@observablehq/plot";

/** Draws customers per coordination grade of D (0–9), every grade shown even when empty. */
export function gradeChart(grades, {gradeLabels, width, height = 260} = {}) {
  const names = gradeLabels.map((label, k) => `${k} ${label.en}`);
  const rows = Array.from(grades, (grade) => names[grade]);
  return Plot.plot({
    width,
    height,
    marginBottom: 80,
    x: {domain: names, label: null, tickRotate: -35},
    y: {label: "Customers", grid: true},
    color: {type: "ordinal", domain: names, scheme: "RdYlGn"},
    marks: [
      Plot.barY(
        rows,
        Plot.groupX({y: "count"}, {x: Plot.identity, fill: Plot.identity, tip: true})
      ),
      Plot.ruleY([0])
    ]
  });
}
