import * as Plot from "npm:@observablehq/plot";
import {classScale} from "./classColors.js";

/**
 * Draws the value matrix with one customer picked out: every customer as a small dot in the
 * colour of its class, the thresholds as dashed rules and the followed customer as a ring
 * with its id. `x`, `y` are the two axis scores, `labels` the classes, `focus` the row.
 */
export function focusMatrix(
  {x, y, labels, thresholds, focus, id},
  {width, height, classes, xLabel, yLabel} = {}
) {
  const index = Array.from(x, (_, i) => i);
  const point = [{x: x[focus], y: y[focus], id}];
  return Plot.plot({
    width,
    height: height ?? Math.min(width, 420),
    x: {domain: [0, 1], label: xLabel, grid: true},
    y: {domain: [0, 1], label: yLabel, grid: true},
    color: classScale(classes, {legend: true}),
    marks: [
      Plot.frame({stroke: "#ddd"}),
      Plot.dot(index, {
        x: (i) => x[i],
        y: (i) => y[i],
        fill: (i) => labels[i],
        r: 1.6,
        fillOpacity: 0.5
      }),
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
