import * as Plot from "npm:@observablehq/plot";
import {classScale} from "./classColors.js";
import {bi} from "./i18n.js";

/**
 * Draws the value matrix with one customer picked out: every customer as a small dot in the
 * colour of its class, the thresholds as dashed rules and the followed customer as a ring
 * with its id. `x`, `y` are the two axis scores, `labels` the classes, `focus` the row. Above
 * `maxDots` customers the dots become hexagonal bins of all customers (size = customers,
 * colour = most common class), and a caption states it. The legend names the classes in
 * `lang` ("en" or "zh").
 */
export function focusMatrix(
  {x, y, labels, thresholds, focus, id},
  {width, height, classes, xLabel, yLabel, maxDots = 10000, lang = "en"} = {}
) {
  const index = Array.from(x, (_, i) => i);
  const point = [{x: x[focus], y: y[focus], id}];
  const channels = {x: (i) => x[i], y: (i) => y[i], fill: (i) => labels[i]};
  const binned = index.length > maxDots;
  const customers = binned
    ? Plot.dot(index, Plot.hexbin({fill: "mode", r: "count"}, {...channels, binWidth: 9}))
    : Plot.dot(index, {...channels, r: 1.6, fillOpacity: 0.5});
  const count = index.length.toLocaleString("en-US");
  return Plot.plot({
    width,
    height: height ?? Math.min(width, 420),
    caption: binned
      ? bi(
          `All ${count} customers in hexagonal bins: size = customers, colour = most common class.`,
          `全部 ${count} 位客户按六边形分箱绘制：大小 = 客户数，颜色 = 最常见的类别。`
        )
      : undefined,
    x: {domain: [0, 1], label: xLabel, grid: true},
    y: {domain: [0, 1], label: yLabel, grid: true},
    r: binned ? {range: [1, 5.5]} : undefined,
    color: classScale(classes, {legend: true, lang}),
    marks: [
      Plot.frame({stroke: "#ddd"}),
      customers,
      Plot.ruleX([thresholds.x], {strokeDasharray: "5 3"}),
      Plot.ruleY([thresholds.y], {strokeDasharray: "5 3"}),
      Plot.dot(point, {x: "x", y: "y", r: 7, stroke: "currentColor", strokeWidth: 2.5}),
      Plot.text(point, {
        x: "x",
        y: "y",
        text: "id",
        dy: -14,
        fontWeight: "bold",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke"
      })
    ]
  });
}
