import * as Plot from "npm:@observablehq/plot";

/**
 * Draws a histogram of one score in [0, 1] in 40 bins, so it costs the same for any sample
 * size. `rules` adds dashed vertical lines, e.g. a class threshold, as [{value, label}].
 */
export function distributionChart(
  values,
  {label, width, height = 220, color = "steelblue", rules = []} = {}
) {
  return Plot.plot({
    width,
    height,
    x: {label, domain: [0, 1]},
    y: {label: "Customers", grid: true},
    marks: [
      Plot.rectY(
        Array.from(values),
        Plot.binX(
          {y: "count"},
          {x: Plot.identity, fill: color, thresholds: 40, domain: [0, 1], tip: true}
        )
      ),
      Plot.ruleY([0]),
      Plot.ruleX(rules, {x: "value", stroke: "currentColor", strokeDasharray: "4 3"}),
      Plot.text(rules, {x: "value", text: "label", frameAnchor: "top", dx: 4, textAnchor: "start"})
    ]
  });
}
