import * as Plot from "npm:@observablehq/plot";

/**
 * Draws the local weights of one node of the hierarchy as labelled horizontal bars, largest
 * first. `rows` is a list of {name, weight}; the axis label is in `lang` ("en" or "zh").
 */
export function priorityBars(rows, {width, color = "#4e79a7", lang = "en"} = {}) {
  return Plot.plot({
    width,
    height: rows.length * 30 + 40,
    marginLeft: 170,
    x: {domain: [0, 1], label: lang === "zh" ? "局部权重 →" : "Local weight →", grid: true},
    y: {label: null, domain: [...rows].sort((a, b) => b.weight - a.weight).map((d) => d.name)},
    marks: [
      Plot.barX(rows, {x: "weight", y: "name", fill: color}),
      Plot.text(rows, {
        x: "weight",
        y: "name",
        text: (d) => d.weight.toFixed(3),
        dx: 4,
        textAnchor: "start"
      }),
      Plot.ruleX([0])
    ]
  });
}
