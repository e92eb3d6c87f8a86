import * as Plot from "npm:@observablehq/plot";

const kaiserColor = "#d1495b";
const lineColor = "#4e79a7";

/**
 * A scree plot: eigenvalues of the correlation matrix in decreasing order, the Kaiser line at
 * 1 and the kept components filled. `eigenvalues` and `kept` (the number of kept components)
 * come from lib's pca.
 */
export function screePlot(eigenvalues, {kept, width: requestedWidth, height = 260} = {}) {
  // A chart narrower than its margins would draw with a negative range.
  const width = Math.max(requestedWidth ?? 640, 280);
  const rows = eigenvalues.map((value, c) => ({component: c + 1, value, kept: c < kept}));
  const ticks = rows.length <= 20 ? rows.map((r) => r.component) : undefined;

  return Plot.plot({
    width,
    height,
    x: {label: "Component →", ticks, tickFormat: "d"},
    y: {label: "↑ Eigenvalue", grid: true, zero: true},
    marks: [
      Plot.ruleY([1], {stroke: kaiserColor, strokeDasharray: "5 3"}),
      Plot.text([1], {
        y: Plot.identity,
        text: () => "Kaiser: eigenvalue 1",
        frameAnchor: "right",
        dy: -7,
        fill: kaiserColor
      }),
      Plot.line(rows, {x: "component", y: "value", stroke: lineColor}),
      Plot.dot(rows, {
        x: "component",
        y: "value",
        r: 4,
        stroke: lineColor,
        fill: (r) => (r.kept ? lineColor : "white"),
        tip: true,
        title: (r) => {
          const kept = r.kept ? "\nkept" : "";
          return `component ${r.component}\neigenvalue ${r.value.toFixed(3)}${kept}`;
        }
      }),
      Plot.ruleY([0])
    ]
  });
}
