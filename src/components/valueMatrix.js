import * as Plot from "npm:@observablehq/plot";
import {quantileSorted} from "simple-statistics";
import {classScale} from "./classColors.js";

const corner = {
  partners: "top-right",
  growers: "bottom-right",
  atRisk: "top-left",
  transactional: "bottom-left"
};

const texts = {
  en: {
    title: "Value matrix",
    describe: (n, x, y, form, counts) =>
      `${n} customers, ${x} across, ${y} up, drawn as ${form}.` +
      (counts ? ` Customers per class: ${counts}.` : ""),
    forms: {binned: "hexagonal bins", stacked: "dots sized by customers", dots: "one dot each"}
  },
  zh: {
    title: "价值矩阵",
    describe: (n, x, y, form, counts) =>
      `${n} 位客户，横轴 ${x}，纵轴 ${y}，以${form}绘制。` + (counts ? `各类别客户数：${counts}。` : ""),
    forms: {binned: "六边形分箱", stacked: "按客户数缩放的点", dots: "每位客户一个点"}
  }
};

/**
 * Returns the 0.5th and 99.5th percentiles of the values (simple-statistics' quantileSorted),
 * widened to include the threshold.
 */
function central(values, threshold) {
  const sorted = Float64Array.from(values).sort();
  const low = quantileSorted(sorted, 0.005);
  const high = quantileSorted(sorted, 0.995);
  return threshold === undefined
    ? [low, high]
    : [Math.min(low, threshold), Math.max(high, threshold)];
}

/**
 * Draws the value matrix: customers on two scores in [0, 1], split at the class thresholds,
 * each quadrant labelled with its class and count. Colour shows the class (`color: "class"`) or a
 * continuous value such as D (`color: "value"`). Samples above `maxDots` customers are drawn
 * as hexagonal bins (size = customers, colour = most common class or mean value) instead of
 * one SVG dot per customer; points shared by many customers (scores on a lattice) are drawn
 * once, sized by their customers. With `zoom` each axis spans the central 99% of the customers
 * and the threshold instead of [0, 1]. A few extreme customers then no longer squeeze the rest
 * into a corner, and the customers outside are clipped. Class names and the chart's accessible
 * description are in `lang` ("en" or "zh"); `xLabel` and `yLabel` come in that language.
 */
export function valueMatrix(
  {x, y, labels, value, thresholds, counts},
  {
    width,
    height,
    classes,
    color = "class",
    xLabel,
    yLabel,
    valueLabel = "D",
    maxDots = 10000,
    zoom = false,
    lang = "en"
  } = {}
) {
  const text = texts[lang] ?? texts.en;
  const className = (info) => (lang === "zh" ? info.label.zh : info.label.en);
  const index = Array.from(x, (_, i) => i);
  const fill = color === "class" ? Array.from(labels) : Array.from(value);
  const binned = index.length > maxDots;
  // Survey scores often sit on a lattice (one 5-point item gives five values), where dots
  // would hide each other. Such points are drawn once and sized by their customers.
  const distinct = new Set(index.map((i) => `${x[i]},${y[i]}`)).size;
  const stacked = !binned && distinct <= index.length / 2;
  const colorScale =
    color === "class"
      ? classScale(classes, {legend: true, lang})
      : {type: "linear", scheme: "viridis", domain: [0, 1], legend: true, label: valueLabel};
  const points = binned
    ? Plot.dot(
        index,
        Plot.hexbin(
          {fill: color === "class" ? "mode" : "mean", r: "count", title: "count"},
          {x, y, fill, binWidth: 9, clip: true, tip: true}
        )
      )
    : stacked
      ? Plot.dot(
          index,
          Plot.group(
            {fill: color === "class" ? "mode" : "mean", r: "count", title: "count"},
            {x, y, fill, fillOpacity: 0.85, clip: true, tip: true}
          )
        )
      : Plot.dot(index, {x, y, fill, r: 2.5, fillOpacity: 0.75, clip: true, tip: true});
  // Narrow charts label the quadrants with counts only; the legend names the classes.
  const compact = width < 480;
  const quadrants = thresholds
    ? classes.map((info) => {
        const count = counts ? counts[info.id].toLocaleString("en-US") : "";
        const label = compact ? count : `${className(info)}${count ? ` · ${count}` : ""}`;
        return {frameAnchor: corner[info.id], text: label};
      })
    : [];
  const countText = counts
    ? classes.map((info) => `${className(info)} ${counts[info.id].toLocaleString("en-US")}`)
    : null;
  let form = "dots";
  if (binned) form = "binned";
  else if (stacked) form = "stacked";
  return Plot.plot({
    width,
    height: height ?? Math.min(width, 520),
    ariaLabel: text.title,
    ariaDescription: text.describe(
      index.length.toLocaleString("en-US"),
      xLabel,
      yLabel,
      text.forms[form],
      countText?.join(lang === "zh" ? "，" : ", ")
    ),
    x: {domain: zoom ? central(x, thresholds?.x) : [0, 1], nice: zoom, label: xLabel, grid: true},
    y: {domain: zoom ? central(y, thresholds?.y) : [0, 1], nice: zoom, label: yLabel, grid: true},
    r: binned ? {range: [1, 5.5]} : stacked ? {range: [0, 11]} : undefined,
    color: colorScale,
    marks: [
      Plot.frame({stroke: "#ddd"}),
      points,
      thresholds ? Plot.ruleX([thresholds.x], {strokeDasharray: "5 3"}) : null,
      thresholds ? Plot.ruleY([thresholds.y], {strokeDasharray: "5 3"}) : null,
      ...quadrants.map((q) =>
        Plot.text([q.text], {
          frameAnchor: q.frameAnchor,
          text: Plot.identity,
          dx: q.frameAnchor.endsWith("left") ? 6 : -6,
          dy: q.frameAnchor.startsWith("top") ? 6 : -6,
          fontWeight: "bold",
          fill: "currentColor",
          stroke: "white",
          strokeWidth: 3,
          paintOrder: "stroke"
        })
      )
    ]
  });
}
