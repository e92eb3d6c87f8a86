import {html} from "npm:htl";
import {hierarchyNodes} from "../lib/hierarchy.js";
import {setWeight} from "../lib/weightsEdit.js";
import {bi} from "./i18n.js";
import {localize} from "./localize.js";

const format = (x) => x.toFixed(3);

function sliderRow(node, id, k, name) {
  const input = html`<input type="range" min="0" max="1" step="0.001" value="0"
    data-node=${node} data-element=${id} data-index=${k}>`;
  localize(input, {"aria-label": {en: `${name.en} weight`, zh: `${name.zh}的权重`}});
  const output = html`<output>0.000</output>`;
  const method = html`<span class="muted method-weight"></span>`;
  const row = html`<div class="weight-slider">
    <label title=${id}>${bi(name.en, name.zh)}</label>${input}${output}${method}
  </div>`;
  return {row, input, output, method};
}

/**
 * Builds sliders for the local weights of every side (its dimensions) and every dimension (its
 * indicators) of an index system, bound to a configState. Moving one slider sets that weight
 * and rescales its siblings proportionally so that they still sum to 1 (lib's setWeight,
 * applied to the weights as they were when the drag started). A node set by hand is marked
 * and can go back to the method's weights. Nodes with one element have no slider.
 *
 * The sliders are made once. `element.update(analysis)` moves them to the weights of a
 * reweighted analysis, except on the node being dragged. `labelOf(id)` gives an element's
 * label as {en, zh}; every text follows the report language.
 */
export function weightSliders(state, system, {labelOf = (id) => ({en: id, zh: id})} = {}) {
  const blocks = new Map();
  const sides = [];
  for (const {node, order} of hierarchyNodes(system)) {
    if (node === "goal") continue;
    const isSide = node === "crv" || node === "hrv";
    const rows = order.map((id, k) => sliderRow(node, id, k, labelOf(id)));
    const badge = html`<span class="badge badge-warning" hidden>${bi(
      "set by hand",
      "手动设置"
    )}</span>`;
    const back = html`<button type="button" class="link-button" hidden>${bi(
      "use method weights",
      "使用方法权重"
    )}</button>`;
    back.onclick = () => state.setWeights(node, null);
    const name = labelOf(node);
    const title = isSide
      ? bi(`${name.en}: dimensions`, `${name.zh}：维度`)
      : bi(`${name.en}: indicators`, `${name.zh}：指标`);
    const single = isSide
      ? bi("One dimension, weight 1.", "只有一个维度，权重为 1。")
      : bi("One indicator, weight 1.", "只有一个指标，权重为 1。");
    const body = order.length > 1 ? rows.map((r) => r.row) : html`<p class="muted">${single}</p>`;
    const element = html`<div class="weight-node" data-node=${node}>
      <h3>${title} ${badge} ${back}</h3>${body}</div>`;
    const values = order.map(() => 1 / order.length);
    const block = {node, order, rows, badge, back, element, values, start: null};
    blocks.set(node, block);
    if (isSide) sides.push({side: node, block, dimensions: []});
  }
  for (const dimension of system.dimensions) {
    const block = blocks.get(dimension.id);
    const side = sides.find((entry) => entry.side === dimension.side);
    if (block && side) side.dimensions.push(block);
  }

  for (const block of blocks.values()) {
    if (block.order.length < 2) continue;
    block.rows.forEach(({input}, k) => {
      input.addEventListener("input", () => {
        block.start ??= block.values.slice();
        block.values = setWeight(block.start, k, input.valueAsNumber);
        show(block, k);
        const weights = Object.fromEntries(block.order.map((id, j) => [id, block.values[j]]));
        state.setWeights(block.node, weights);
      });
      input.addEventListener("change", () => (block.start = null));
    });
  }

  // Moves the sliders and outputs of a node to its values, except the slider being dragged.
  function show(block, dragged) {
    block.rows.forEach(({input, output}, k) => {
      if (k !== dragged) input.value = block.values[k];
      output.value = format(block.values[k]);
    });
  }

  const element = html`<div class="weight-sliders">${sides.map(
    ({side, block, dimensions}) => html`<section class="card weight-side" data-side=${side}>
      ${block.element}${dimensions.map((d) => d.element)}</section>`
  )}</div>`;

  element.update = (analysis) => {
    for (const block of blocks.values()) {
      const local = analysis.local[block.node];
      const method = analysis.methodLocal[block.node];
      if (!local || !method) continue;
      const handSet = state.config.weights[block.node] !== undefined;
      block.badge.hidden = !handSet;
      block.back.hidden = !handSet;
      block.rows.forEach(({method: text}, k) => {
        const weight = handSet ? format(method[block.order[k]]) : null;
        localize(text, {
          text: weight === null ? {en: "", zh: ""} : {en: `method ${weight}`, zh: `方法 ${weight}`}
        });
      });
      if (block.start !== null) continue;
      block.values = block.order.map((id) => local[id]);
      show(block, -1);
    }
  };
  return element;
}
