import * as Plot from "npm:@observablehq/plot";
import {sideColor} from "./classColors.js";

const muted = "#9a9a9a";

/**
 * Draws the index system as an indented tree: goal → side → dimension → indicator. Arrows give
 * each indicator's direction (↑ benefit, ↓ cost). `reference` is the full system; its
 * dimensions that `system` does not measure are drawn grey and marked "not measured".
 */
export function hierarchyChart(system, {reference, sideLabels, width} = {}) {
  const nodes = [];
  const add = (node) => (nodes.push({...node, row: nodes.length}), nodes[nodes.length - 1]);
  const goal = add({depth: 0, text: sideLabels.goal.en, color: "currentColor"});
  const measured = new Set(system.indicators.map((item) => item.dimension));
  for (const side of ["crv", "hrv"]) {
    const dims = reference.dimensions.filter((d) => d.side === side);
    const sideMeasured = dims.some((d) => measured.has(d.id));
    const sideNode = add({
      depth: 1,
      parent: goal,
      text: `${sideLabels[side].en} (${side.toUpperCase()})${sideMeasured ? "" : " — not measured"}`,
      color: sideMeasured ? sideColor[side] : muted
    });
    for (const dimension of dims) {
      const own = system.dimensions.find((d) => d.id === dimension.id) ?? dimension;
      const isMeasured = measured.has(dimension.id);
      const dimNode = add({
        depth: 2,
        parent: sideNode,
        text: `${own.label.en}${isMeasured ? "" : " — not measured"}`,
        color: isMeasured ? sideColor[side] : muted
      });
      for (const item of system.indicators.filter((i) => i.dimension === dimension.id)) {
        add({
          depth: 3,
          parent: dimNode,
          text: `${item.direction === "cost" ? "↓" : "↑"} ${item.label.en}`,
          title:
            `${item.label.en} (${item.label.zh})\n${item.direction}` +
            `${item.unit ? `, ${item.unit}` : ""}\nfrom: ${item.items.join(", ")}`,
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
