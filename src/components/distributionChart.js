import * as Plot from "npm:@observablehq/plot";
import {max, median, min} from "simple-statistics";

const texts = {
  en: {
    customers: "Customers",
    describe: (label, s) =>
      `Histogram of ${label} over ${s.n} customers in 40 bins on [0, 1]: ` +
      `minimum ${s.min}, median ${s.median}, maximum ${s.max}.`
  },
  zh: {
    customers: "客户数",
    describe: (label, s) =>
      `${label} 的直方图，共 ${s.n} 位客户，[0, 1] 分为 40 组：` +
      `最小值 ${s.min}，中位数 ${s.median}，最大值 ${s.max}。`
  }
};

/**
 * Draws a histogram of one score in [0, 1] in 40 bins, so it costs the same for any sample
 * size. `rules` adds dashed vertical lines, e.g. a class threshold, as [{value, label}]. The
 * chart's accessible description, in `lang` ("en" or "zh"), gives the minimum, median and
 * maximum.
 */
export function distributionChart(
  values,
  {label, width, height = 220, color = "steelblue", rules = [], lang = "en"} = {}
) {
  const text = texts[lang] ?? texts.en;
  const data = Array.from(values);
  const format = (statistic) => (data.length === 0 ? "–" : statistic(data).toFixed(3));
  const summary = {
    n: data.length.toLocaleString("en-US"),
    min: format(min),
    median: format(median),
    max: format(max)
  };
  return Plot.plot({
    width,
    height,
    ariaLabel: label,
    ariaDescription: text.describe(label, summary),
    x: {label, domain: [0, 1]},
    y: {label: text.customers, grid: true},
    marks: [
      Plot.rectY(
        data,
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
