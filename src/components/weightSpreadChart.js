import * as Plot from "npm:@observablehq/plot";
import {sideColor} from "./classColors.js";

/**
 * Draws the chosen weight of each indicator (dot) with a bar of ± 2 standard deviations of the
 * Monte Carlo draws, clipped to [0, 1], labelled by side. `spread` is lib's weightSpread;
 * `names` maps an indicator id to its label in `lang` ("en" or "zh"), which sets the other
 * texts.
 */
export function weightSpreadChart(spread, {names, width: requestedWidth, lang = "en"} = {}) {
  const zh = lang === "zh";
  // A chart narrower than its margins would draw with a negative range.
  const width = Math.max(requestedWidth ?? 640, 320);
  const rows = spread.map((row) => ({
    ...row,
    name: `${row.side.toUpperCase()} · ${names[row.indicator] ?? row.indicator}`,
    low: Math.max(0, row.weight - 2 * row.sd),
    high: Math.min(1, row.weight + 2 * row.sd)
  }));
  const top = Math.min(1, Math.max(...rows.map((r) => r.high)) * 1.05);
  const color = (r) => sideColor[r.side];

  return Plot.plot({
    width,
    height: rows.length * 20 + 70,
    marginLeft: Math.min(200, width * 0.4),
    ariaLabel: zh
      ? `${rows.length} 个指标的所选权重及抽样权重 ± 2 个标准差的范围`
      : `Chosen weight of ${rows.length} indicators with ± 2 standard deviations of the draws`,
    x: {label: zh ? "侧内权重 →" : "Weight within side →", grid: true, domain: [0, top]},
    y: {domain: rows.map((r) => r.name), label: null},
    marks: [
      Plot.ruleY(rows, {
        y: "name",
        x1: "low",
        x2: "high",
        stroke: color,
        strokeWidth: 3,
        strokeOpacity: 0.4
      }),
      Plot.dot(rows, {
        y: "name",
        x: "weight",
        fill: color,
        r: 4,
        tip: true,
        title: (r) =>
          zh
            ? `${r.name}\n权重 ${r.weight.toFixed(4)}，抽样标准差 ${r.sd.toFixed(4)}`
            : `${r.name}\nweight ${r.weight.toFixed(4)}, sd of draws ${r.sd.toFixed(4)}`
      })
    ]
  });
}
