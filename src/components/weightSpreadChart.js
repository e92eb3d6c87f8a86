import * as Plot from "npm:@observablehq/plot";
import {sideColor} from "./classColors.js";

/**
 * The chosen weight of each indicator (dot) with a bar of ± 2 standard deviations of the
 * Monte Carlo draws, clipped to [0, 1], labelled by side. `spread` is lib's weightSpread;
 * `names` maps an indicator id to its label.
 */
export function weightSpreadChart(spread, {names, width: requestedWidth} = {}) {
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
    x: {label: "Weight within side →", grid: true, domain: [0, top]},
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
        title: (r) => `${r.name}\nweight ${r.weight.toFixed(4)}, sd of draws ${r.sd.toFixed(4)}`
      })
    ]
  });
}
