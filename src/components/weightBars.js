import * as Plot from "npm:@observablehq/plot";

const texts = {
  en: {
    axis: "Weight within side →",
    title: "Indicator weights by method",
    describe: (n, methods, top) =>
      `Weights of ${n} indicators by ${methods}. Largest ${top.method} weight: ${top.name} ` +
      `(${top.weight}).`
  },
  zh: {
    axis: "侧内权重 →",
    title: "各方法的指标权重",
    describe: (n, methods, top) =>
      `${n} 个指标在 ${methods} 下的权重。${top.method} 权重最大的是${top.name}（${top.weight}）。`
  }
};

/**
 * Draws grouped horizontal bars of indicator weights by method. `methods` is a list of
 * {name, weights} with one weight per indicator of `system`, in system order. Indicator names
 * and the axis are in `lang` ("en" or "zh"); method names are shown as given. The accessible
 * description names the largest weight of the last method (usually the combined one).
 */
export function weightBars(system, methods, {width, sideOf, lang = "en"} = {}) {
  const text = texts[lang] ?? texts.en;
  const name = (item) => (lang === "zh" ? item.label.zh : item.label.en);
  const rows = methods.flatMap(({name: method, weights}) =>
    system.indicators.map((item, j) => ({
      indicator: name(item),
      side: sideOf?.(item.dimension)?.toUpperCase() ?? "",
      method,
      weight: weights[j]
    }))
  );
  const names = methods.map((method) => method.name);
  const last = methods[methods.length - 1];
  let top = 0;
  for (let j = 1; j < system.indicators.length; j++) {
    if (last.weights[j] > last.weights[top]) top = j;
  }
  // The left margin holds the indicator names; on narrow cards it shrinks with the chart so
  // that the bars keep a positive width.
  const plotWidth = Math.max(width ?? 640, 240);
  return Plot.plot({
    width: plotWidth,
    height: system.indicators.length * (methods.length * 7 + 8) + 60,
    marginLeft: Math.min(170, Math.round(plotWidth * 0.4)),
    ariaLabel: text.title,
    ariaDescription: text.describe(system.indicators.length, names.join(", "), {
      method: last.name,
      name: name(system.indicators[top]),
      weight: last.weights[top].toFixed(3)
    }),
    x: {label: text.axis, grid: true},
    y: {axis: null, domain: names},
    fy: {label: null, domain: system.indicators.map(name)},
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
