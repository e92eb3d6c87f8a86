import * as Plot from "npm:@observablehq/plot";
import {sideColor} from "./classColors.js";

const muted = "#9a9a9a";

const texts = {
  en: {
    notMeasured: " — not measured",
    direction: {benefit: "benefit", cost: "cost"},
    from: "from",
    title: "Index system hierarchy",
    describe: (indicators, dimensions, missing) =>
      `Goal, two sides, ${dimensions} dimensions and ${indicators} indicators` +
      (missing.length > 0 ? `; not measured: ${missing.join(", ")}.` : "; all measured.")
  },
  zh: {
    notMeasured: "（未测量）",
    direction: {benefit: "效益型", cost: "成本型"},
    from: "来源",
    title: "指标体系层级",
    describe: (indicators, dimensions, missing) =>
      `目标、两侧、${dimensions} 个维度、${indicators} 个指标` +
      (missing.length > 0 ? `；未测量：${missing.join("、")}。` : "；全部已测量。")
  }
};

/**
 * Draws the index system as an indented tree: goal → side → dimension → indicator. Arrows give
 * each indicator's direction (↑ benefit, ↓ cost). `reference` is the full system; its
 * dimensions that `system` does not measure are drawn grey and marked "not measured". Names
 * are in `lang` ("en" or "zh"); hovering an indicator shows the other language's name too.
 */
export function hierarchyChart(system, {reference, sideLabels, width, lang = "en"} = {}) {
  const text = texts[lang] ?? texts.en;
  const name = (label) => (lang === "zh" ? label.zh : label.en);
  const other = (label) => (lang === "zh" ? label.en : label.zh);
  const nodes = [];
  const add = (node) => (nodes.push({...node, row: nodes.length}), nodes[nodes.length - 1]);
  const goal = add({depth: 0, text: name(sideLabels.goal), color: "currentColor"});
  const measured = new Set(system.indicators.map((item) => item.dimension));
  const missing = [];
  for (const side of ["crv", "hrv"]) {
    const dims = reference.dimensions.filter((d) => d.side === side);
    const sideMeasured = dims.some((d) => measured.has(d.id));
    const sideNode = add({
      depth: 1,
      parent: goal,
      text: `${name(sideLabels[side])} (${side.toUpperCase()})${sideMeasured ? "" : text.notMeasured}`,
      color: sideMeasured ? sideColor[side] : muted
    });
    for (const dimension of dims) {
      const own = system.dimensions.find((d) => d.id === dimension.id) ?? dimension;
      const isMeasured = measured.has(dimension.id);
      if (!isMeasured) missing.push(name(own.label));
      const dimNode = add({
        depth: 2,
        parent: sideNode,
        text: `${name(own.label)}${isMeasured ? "" : text.notMeasured}`,
        color: isMeasured ? sideColor[side] : muted
      });
      for (const item of system.indicators.filter((i) => i.dimension === dimension.id)) {
        add({
          depth: 3,
          parent: dimNode,
          text: `${item.direction === "cost" ? "↓" : "↑"} ${name(item.label)}`,
          title:
            `${name(item.label)} (${other(item.label)})\n${text.direction[item.direction]}` +
            `${item.unit ? `, ${item.unit}` : ""}\n${text.from}: ${item.items.join(", ")}`,
          color: "currentColor"
        });
      }
    }
  }
  const links = nodes.filter((node) => node.parent);
  const step = 22;
  return Plot.plot({
    width,
    height: nodes.length * 20 + 20,
    marginLeft: 10,
    marginRight: 10,
    ariaLabel: text.title,
    ariaDescription: text.describe(system.indicators.length, system.dimensions.length, missing),
    x: {axis: null, domain: [0, 1], range: [10, 10 + step]},
    y: {axis: null, domain: [-0.5, nodes.length - 0.5], reverse: true},
    marks: [
      Plot.link(links, {
        x1: (d) => d.parent.depth,
        y1: (d) => d.parent.row,
        x2: "depth",
        y2: (d) => d.row,
        curve: "step-before",
        stroke: "#c4c4c4"
      }),
      Plot.dot(nodes, {x: "depth", y: "row", r: 3, fill: "color"}),
      Plot.text(nodes, {
        filter: (d) => d.depth < 3,
        x: "depth",
        y: "row",
        text: "text",
        fill: "color",
        textAnchor: "start",
        dx: 8,
        fontWeight: "bold"
      }),
      Plot.text(nodes, {
        filter: (d) => d.depth === 3,
        x: "depth",
        y: "row",
        text: "text",
        fill: "color",
        textAnchor: "start",
        dx: 8,
        title: "title"
      })
    ]
  });
}
