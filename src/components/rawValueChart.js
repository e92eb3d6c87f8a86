import * as Plot from "npm:@observablehq/plot";

/**
 * Draws the distribution of one indicator's raw values as a histogram, with the followed
 * customer's value, the minimum and the maximum marked. `normalised` is that customer's
 * min–max score, written beside the mark. The chart's own texts are in `lang` ("en" or "zh").
 */
export function rawValueChart(
  values,
  {value, normalised, label, width, height = 200, lang = "en"}
) {
  const zh = lang === "zh";
  const [min, max] = [Math.min(...values), Math.max(...values)];
  return Plot.plot({
    width,
    height,
    x: {label: `${label} →`},
    y: {label: zh ? "↑ 客户数" : "↑ Customers", grid: true},
    marks: [
      Plot.rectY(values, Plot.binX({y: "count"}, {x: (d) => d, fill: "#bbb", thresholds: 30})),
      Plot.ruleY([0]),
      Plot.ruleX([min, max], {stroke: "#777", strokeDasharray: "3 3"}),
      Plot.text([min], {
        x: (d) => d,
        frameAnchor: "top",
        text: (d) => `${zh ? "最小值" : "min"} ${d}`,
        textAnchor: "start",
        dx: 4,
        dy: 4
      }),
      Plot.text([max], {
        x: (d) => d,
        frameAnchor: "top",
        text: (d) => `${zh ? "最大值" : "max"} ${d}`,
        textAnchor: "end",
        dx: -4,
        dy: 4
      }),
      Plot.ruleX([value], {stroke: "currentColor", strokeWidth: 2.5}),
      Plot.text([value], {
        x: (d) => d,
        frameAnchor: "top",
        dy: 22,
        dx: value < (min + max) / 2 ? 6 : -6,
        textAnchor: value < (min + max) / 2 ? "start" : "end",
        text: () => `${zh ? "该客户" : "this customer"}: x′ = ${normalised.toFixed(3)}`,
        fill: "currentColor",
        fontWeight: "bold",
        stroke: "var(--theme-background-alt)",
        strokeWidth: 4,
        paintOrder: "stroke"
      })
    ]
  });
}
