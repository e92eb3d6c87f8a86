import * as Plot from "npm:@observablehq/plot";

/**
 * Draws a histogram of per-draw values (e.g. the share of customers keeping their class), with its
 * median marked. The x domain follows the data unless `domain` is given. `label` is the x
 * axis label and `ariaLabel` the chart's text alternative; `lang` ("en" or "zh") sets the
 * y axis and the median label.
 */
export function histogramChart(values, options = {}) {
  const {label, median, domain, width: requestedWidth, height = 220, color = "#4e79a7"} = options;
  const {ariaLabel, lang = "en"} = options;
  const zh = lang === "zh";
  // A chart narrower than its margins would draw with a negative range.
  const width = Math.max(requestedWidth ?? 640, 280);
  const marked = median === undefined || median === null ? [] : [median];

  return Plot.plot({
    width,
    height,
    ariaLabel,
    x: {label, domain, nice: !domain},
    y: {label: zh ? "↑ 抽样次数" : "↑ Draws", grid: true},
    marks: [
      Plot.rectY(
        Array.from(values),
        Plot.binX({y: "count"}, {x: Plot.identity, fill: color, thresholds: 30, tip: true})
      ),
      Plot.ruleY([0]),
      Plot.ruleX(marked, {stroke: "currentColor", strokeDasharray: "4 3"}),
      Plot.text(marked, {
        x: Plot.identity,
        text: (m) => `${zh ? "中位数" : "median"} ${m.toFixed(3)}`,
        frameAnchor: "top",
        dx: 4,
        textAnchor: "start"
      })
    ]
  });
}
