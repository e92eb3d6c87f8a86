import * as Plot from "npm:@observablehq/plot";
import {couplingCoordination} from "../lib/coupling.js";

/**
 * Draws the coupling coordination degree D over every pair of side scores (U₁ across, U₂ up)
 * as a shaded map with contour lines every 0.1, and marks one customer. D comes from lib's
 * couplingCoordination on a 101 × 101 grid, with the weight α of U₁ in T.
 */
export function couplingMap({u1, u2, alpha = 0.5, id}, {width, height} = {}) {
  const steps = 101;
  const a = [];
  const b = [];
  for (let row = 0; row < steps; row++) {
    for (let column = 0; column < steps; column++) {
      a.push(column / (steps - 1));
      b.push(row / (steps - 1));
    }
  }
  const d = couplingCoordination(a, b, {alpha}).d;
  const size = Math.min(width, 460);
  const point = [{u1, u2, id}];
  return Plot.plot({
    width: size,
    height: height ?? size,
    x: {domain: [0, 1], label: "U₁ (CRV) →"},
    y: {domain: [0, 1], label: "↑ U₂ (HRV)"},
    color: {type: "linear", scheme: "viridis", domain: [0, 1], legend: true, label: "D"},
    marks: [
      Plot.raster(d, {
        width: steps,
        height: steps,
        x1: 0,
        x2: 1,
        y1: 0,
        y2: 1,
        imageRendering: "auto"
      }),
      Plot.contour(d, {
        width: steps,
        height: steps,
        x1: 0,
        x2: 1,
        y1: 0,
        y2: 1,
        thresholds: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
        stroke: "white",
        strokeOpacity: 0.6,
        fill: null
      }),
      Plot.dot(point, {x: "u1", y: "u2", r: 7, stroke: "white", strokeWidth: 2.5, fill: "black"}),
      Plot.text(point, {x: "u1", y: "u2", text: "id", dy: -14, fill: "white", fontWeight: "bold"})
    ]
  });
}
