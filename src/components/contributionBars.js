import * as Plot from "npm:@observablehq/plot";

/**
 * Draws how one customer's side score is built: for each indicator a light bar of its weight
 * w_j (the most it can add) and a dark bar of what it adds, w_j·x′_j. The dark bars add up to
 * the side score. `rows` is a list of {name, dimension, weight, value}; the chart's own texts
 * are in `lang` ("en" or "zh").
 */
export function contributionBars(rows, {width, color = "#4e79a7", lang = "en"} = {}) {
  const zh = lang === "zh";
  const data = rows.map((row) => ({...row, contribution: row.weight * row.value}));
  return Plot.plot({
    width,
    height: rows.length * 24 + 50,
    marginLeft: 190,
    x: {label: zh ? "占价值方得分的份额 →" : "Share of the side score →", grid: true},
    y: {label: null, domain: rows.map((row) => row.name)},
    marks: [
      Plot.barX(data, {x: "weight", y: "name", fill: color, fillOpacity: 0.2}),
      Plot.barX(data, {
        x: "contribution",
        y: "name",
        fill: color,
        title: (d) =>
          `${d.name} (${d.dimension})\nw = ${d.weight.toFixed(4)}, x′ = ${d.value.toFixed(4)}\n` +
          `${zh ? "贡献" : "adds"} ${d.contribution.toFixed(4)}`,
        tip: true
      }),
      Plot.ruleX([0])
    ]
  });
}
