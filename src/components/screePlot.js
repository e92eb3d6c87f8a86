import * as Plot from "npm:@observablehq/plot";

// Dark enough for its label to keep 4.5:1 contrast on white.
const kaiserColor = "#b8323a";
const lineColor = "#4e79a7";

const texts = {
  en: {
    x: "Component →",
    y: "↑ Eigenvalue",
    kaiser: "Kaiser: eigenvalue 1",
    tip: (r) =>
      `component ${r.component}\neigenvalue ${r.value.toFixed(3)}${r.kept ? "\nkept" : ""}`,
    aria: (p, kept) => `Scree plot of ${p} eigenvalues; the first ${kept} components are kept`
  },
  zh: {
    x: "成分 →",
    y: "↑ 特征值",
    kaiser: "Kaiser 准则：特征值 1",
    tip: (r) => `成分 ${r.component}\n特征值 ${r.value.toFixed(3)}${r.kept ? "\n保留" : ""}`,
    aria: (p, kept) => `${p} 个特征值的碎石图；保留前 ${kept} 个成分`
  }
};

/**
 * A scree plot: eigenvalues of the correlation matrix in decreasing order, the Kaiser line at
 * 1 and the kept components filled. `eigenvalues` and `kept` (the number of kept components)
 * come from lib's pca; `lang` ("en" or "zh") sets the language of labels and aria-label.
 */
export function screePlot(eigenvalues, options = {}) {
  const {kept, width: requestedWidth, height = 260, lang = "en"} = options;
  const words = texts[lang] ?? texts.en;
  // A chart narrower than its margins would draw with a negative range.
  const width = Math.max(requestedWidth ?? 640, 280);
  const rows = eigenvalues.map((value, c) => ({component: c + 1, value, kept: c < kept}));
  const ticks = rows.length <= 20 ? rows.map((r) => r.component) : undefined;

  return Plot.plot({
    width,
    height,
    ariaLabel: words.aria(rows.length, kept),
    x: {label: words.x, ticks, tickFormat: "d"},
    y: {label: words.y, grid: true, zero: true},
    marks: [
      Plot.ruleY([1], {stroke: kaiserColor, strokeDasharray: "5 3"}),
      Plot.text([1], {
        y: Plot.identity,
        text: () => words.kaiser,
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
        title: words.tip
      }),
      Plot.ruleY([0])
    ]
  });
}
