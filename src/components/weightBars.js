import * as Plot from "npm:@observablehq/plot";

/**
 * Draws grouped horizontal bars of indicator weights by method. `methods` is a list of
 * {name, weights} with one weight per indicator of `system`, in system order.
 */
export function weightBars(system, methods, {width, sideOf} = {}) {
  const rows = methods.flatMap(({name, weights}) =>
    system.indicators.map((item, j) => ({
      indicator: item.label.en,
      side: sideOf?.(item.dimension)?.toUpperCase() ?? "",
      method: name,
      weight: weights[j]
    }))
  );
  const names = methods.map((method) => method.name);
  return Plot.plot({
    width,
    height: system.indicators.length * (methods.length * 7 + 8) + 60,
    marginLeft: 170,
    x: {label: "Weight within side →", grid: true},
    y: {axis: null, domain: names},
    fy: {label: null, domain: system.indicators.map((item) => item.label.en)},
    color: {legend: true, domain: names, scheme: "tableau10"},
    marks: [
      Plot.barX(rows, {
        x: "weight",
        y: "method",
        fy: "indicator",
        fill: "method",
        tip: true,
        title: (d) => `${d.indicator} (${d.side})\n${d.method}: ${d.weight.toFixed(4)}`
      }),
      Plot.ruleX([0])
    ]
  });
}
