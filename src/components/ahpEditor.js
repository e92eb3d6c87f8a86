import * as Inputs from "npm:@observablehq/inputs";
import {html} from "npm:htl";
import {ahp, inconsistentJudgments, SAATY_SCALE} from "../lib/ahp.js";
import {explainConsistency} from "../lib/explain.js";
import {ahpHierarchy} from "../lib/hierarchy.js";
import {formatJudgment} from "./ahpMatrix.js";
import {explain} from "./explain.js";
import {bi, currentLang, localizedSelect, onLangChange} from "./i18n.js";
import {choiceNames} from "./methodControls.js";

const fixed3 = (x) => x.toFixed(3).replace(/^-(0\.0+)$/, "$1");
const sameValue = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
const onScale = (value) => SAATY_SCALE.some((x) => sameValue(x, value));

function allOnes(n) {
  return Array.from({length: n}, () => new Array(n).fill(1));
}

function copy(matrices) {
  return matrices.map((matrix) => matrix.map((row) => [...row]));
}

function sameMatrices(a, b) {
  return (
    a.length === b.length &&
    a.every((matrix, k) => matrix.every((row, i) => row.every((x, j) => sameValue(x, b[k][i][j]))))
  );
}

// A select of Saaty's scale for the judgment a[i][j]. A value off the scale (e.g. from a
// case file) keeps an option of its own, so it is shown as given until changed.
function judgmentSelect(value) {
  const values = onScale(value) ? [...SAATY_SCALE] : [...SAATY_SCALE, value].sort((a, b) => a - b);
  const select = html`<select>${values.map(
    (x) => html`<option value=${x} selected=${sameValue(x, value)}>${formatJudgment(x)}</option>`
  )}</select>`;
  return select;
}

/**
 * Builds an editor of the pairwise comparison matrices of one hierarchy node, bound to a
 * configState. Each expert's upper triangle is a row of selects on Saaty's scale (1/9 … 9);
 * the lower triangle shows the reciprocals. For the expert shown it gives the weights, λmax,
 * CI and CR, highlights the judgments that depart most from the weights, and offers the
 * nearest scale value each (lib's inconsistentJudgments) with a button to apply it. Experts
 * can be added (a copy of the one shown) and removed, and the group result follows the
 * chosen aggregation (AIJ or AIP), with every expert's CR.
 *
 * It starts from the state's edited judgments of the node, else the case's `judgments`
 * (matrices), else one expert with all judgments 1. Every edit is written to the state;
 * matrices equal to the case's remove the node from the state.
 *
 * `labels` are the elements' names as {en, zh}. The editor follows the report language
 * without being made again, and a judgment changed by keyboard keeps the focus on its
 * select although the table is drawn anew.
 */
export function ahpEditor(state, {system, node, order, labels, judgments = []}) {
  const n = order.length;
  let zh = currentLang() === "zh";
  let names = labels.map((label) => (zh ? label.zh : label.en));
  const caseMatrices = judgments.length > 0 ? copy(judgments) : [allOnes(n)];
  let matrices = copy(state.config.judgments[node]?.matrices ?? caseMatrices);
  let active = 0;

  const tabs = html`<div class="expert-tabs"></div>`;
  const table = html`<table class="ahp-editor"></table>`;
  const expertSummary = html`<div class="expert-summary"></div>`;
  const suggestions = html`<div class="suggestions"></div>`;
  const group = html`<div class="group-result"></div>`;
  const methodInput = localizedSelect(["eigenvector", "geometric", "column-mean"], {
    label: bi("Priorities", "排序方法"),
    value: state.config.ahpMethod,
    format: (m, lang) => choiceNames.ahpMethod[m][lang] ?? choiceNames.ahpMethod[m].en
  });
  const aggregationInput = Inputs.radio(["aij", "aip"], {
    label: bi("Experts", "专家意见集结"),
    value: state.config.aggregation,
    format: (a) => bi(choiceNames.aggregation[a].en, choiceNames.aggregation[a].zh)
  });
  methodInput.addEventListener("input", () => state.set({ahpMethod: methodInput.value}));
  aggregationInput.addEventListener("input", () => {
    state.set({aggregation: aggregationInput.value});
  });

  const reset = html`<button type="button">${bi(
    "Use the case's judgments",
    "使用案例的判断矩阵"
  )}</button>`;
  reset.onclick = () => {
    matrices = copy(caseMatrices);
    active = Math.min(active, matrices.length - 1);
    state.setJudgments(node, null);
    renderAll();
  };

  function save() {
    if (sameMatrices(matrices, caseMatrices)) state.setJudgments(node, null);
    else state.setJudgments(node, {order: [...order], matrices: copy(matrices)});
  }

  // Draws the table anew, then gives the focus back to the select of the same judgment, so
  // that a keyboard user can keep changing it with the arrow keys.
  function redrawKeepingFocus(draw) {
    const focused = table.contains(document.activeElement) ? document.activeElement.dataset : null;
    draw();
    if (focused?.i === undefined) return;
    table.querySelector(`select[data-i="${focused.i}"][data-j="${focused.j}"]`)?.focus();
  }

  function setJudgment(i, j, value) {
    matrices[active][i][j] = value;
    matrices[active][j][i] = 1 / value;
    save();
    redrawKeepingFocus(() => {
      renderTable();
      renderResults();
    });
  }

  function renderTabs() {
    const buttons = matrices.map((_, k) => {
      const button = html`<button type="button" aria-pressed=${k === active}>
        ${zh ? `专家 ${k + 1}` : `Expert ${k + 1}`}</button>`;
      button.onclick = () => {
        active = k;
        renderAll();
      };
      return button;
    });
    const add = html`<button type="button" class="add-expert">
      ${zh ? "添加专家" : "Add expert"}</button>`;
    add.onclick = () => {
      matrices.push(copy([matrices[active]])[0]);
      active = matrices.length - 1;
      save();
      renderAll();
    };
    const remove = html`<button type="button" class="remove-expert" disabled=${matrices.length < 2}>
      ${zh ? `删除专家 ${active + 1}` : `Remove expert ${active + 1}`}</button>`;
    remove.onclick = () => {
      matrices.splice(active, 1);
      active = Math.min(active, matrices.length - 1);
      save();
      renderAll();
    };
    tabs.replaceChildren(...buttons, add, remove);
  }

  function renderTable() {
    const matrix = matrices[active];
    const result = ahp(matrix, {method: state.config.ahpMethod});
    const flagged = new Set(
      worstJudgments(matrix).flatMap(({i, j}) => [`${i},${j}`, `${j},${i}`])
    );
    const columns = order.map((_, k) => html`<th scope="col" title=${names[k]}>${k + 1}</th>`);
    const weightHead = zh ? "权重" : "weight";
    const head = html`<thead><tr>
      <th></th>${columns}<th scope="col">${weightHead}</th>
    </tr></thead>`;
    const rows = matrix.map((row, i) => html`<tr>
      <th class="row-name" scope="row">${i + 1} ${names[i]}</th>${row.map((value, j) => {
        const mark = flagged.has(`${i},${j}`) ? "flagged" : "";
        if (i === j) return html`<td class="diagonal">1</td>`;
        if (j < i) return html`<td class=${`reciprocal ${mark}`}>${formatJudgment(value)}</td>`;
        const select = judgmentSelect(value);
        const question = zh
          ? `${names[i]}相对于${names[j]}的重要程度`
          : `${names[i]} compared with ${names[j]}`;
        select.setAttribute("aria-label", question);
        select.dataset.i = i;
        select.dataset.j = j;
        select.onchange = () => setJudgment(i, j, Number(select.value));
        return html`<td class=${mark}>${select}</td>`;
      })}<td class="weight">${result.weights[i].toFixed(3)}</td></tr>`);
    table.replaceChildren(head, html`<tbody>${rows}</tbody>`);
  }

  // Judgments worth revising: the three that depart most from the weights, when the nearest
  // scale value differs from the judgment as given.
  function worstJudgments(matrix) {
    if (n < 3) return [];
    return inconsistentJudgments(matrix)
      .slice(0, 3)
      .filter((judgment) => !sameValue(judgment.suggested, judgment.value));
  }

  function renderResults() {
    const matrix = matrices[active];
    const result = ahp(matrix, {method: state.config.ahpMethod});
    const warn = result.cr > 0.1 ? html`<span class="badge badge-warning">CR > 0.10</span>` : "";
    const expert = zh ? `专家 ${active + 1}：` : `Expert ${active + 1}: `;
    expertSummary.replaceChildren(html`<p class="expert-consistency" data-cr=${result.cr}>
      ${expert}λmax = ${result.lambdaMax.toFixed(3)} · CI = ${fixed3(result.ci)} ·
      RI = ${result.ri.toFixed(2)} · <strong>CR = ${explain(fixed3(result.cr),
      () => explainConsistency(result, matrix.length), {kind: "cr"})}</strong> ${warn}</p>`);

    const worst = worstJudgments(matrix);
    suggestions.replaceChildren(
      n < 3
        ? html`<p class="muted">${zh
            ? "两个元素总是一致的。"
            : "Two elements are always consistent."}</p>`
        : worst.length === 0
          ? html`<p class="muted">${zh
              ? "每个判断都已是最接近权重所隐含比值的标度值。"
              : "Every judgment is the scale value nearest to what the weights imply."}</p>`
          : html`<p>${zh
              ? "与权重偏离最大的判断（从最严重的开始）："
              : "Judgments that depart most from the weights, worst first:"}</p>
            <ol class="suggestion-list">${worst.map(suggestion)}</ol>`
    );

    const pooled = ahpHierarchy(system, [{node, order, matrices}], {
      method: state.config.ahpMethod,
      aggregation: state.config.aggregation
    }).nodes.find((entry) => entry.node === node);
    const experts = matrices.map((m) => ahp(m, {method: state.config.ahpMethod}));
    const aij = state.config.aggregation === "aij";
    const rule = zh
      ? aij
        ? "判断矩阵逐元素几何平均后求得的权重（AIJ）"
        : "各专家权重的几何平均（AIP）"
      : aij
        ? "weights of the element-wise geometric mean of the judgments (AIJ)"
        : "geometric mean of each expert's weights (AIP)";
    const lambda = pooled.lambdaMax.toFixed(3);
    const note = zh
      ? `群体：${rule}。其 CR 为几何平均矩阵的 CR（λmax = ${lambda}）。`
      : `Group: ${rule}. Its CR is that of the geometric-mean matrix (λmax = ${lambda}).`;
    const expertName = (k) => (zh ? `专家 ${k + 1}` : `Expert ${k + 1}`);
    group.replaceChildren(html`<table class="group-table">
      <caption>${zh
        ? "各专家与群体的权重及一致性比率"
        : "Weights and CR of each expert and the group"}</caption>
      <thead><tr><th></th>${names.map((name) => html`<th scope="col">${name}</th>`)}
        <th scope="col">CR</th></tr></thead>
      <tbody>${experts.map((result, k) => html`<tr><th scope="row">${expertName(k)}</th>
        ${result.weights.map((w) => html`<td>${w.toFixed(3)}</td>`)}
        <td class=${result.cr > 0.1 ? "flagged" : ""}>${fixed3(result.cr)}</td></tr>`)}
      <tr class="group-row"><th scope="row">${zh ? "群体" : "Group"}</th>
        ${pooled.weights.map((w) => html`<td>${w.toFixed(3)}</td>`)}
        <td>${fixed3(pooled.cr)}</td></tr></tbody></table>
      <p class="muted">${note}</p>`);
  }

  function suggestion(judgment) {
    const suggested = formatJudgment(judgment.suggested);
    const apply = html`<button type="button" class="apply-suggestion">
      ${zh ? `采用 ${suggested}` : `Apply ${suggested}`}</button>`;
    apply.onclick = () => setJudgment(judgment.i, judgment.j, judgment.suggested);
    const pair = `${names[judgment.i]} vs ${names[judgment.j]}`;
    const given = formatJudgment(judgment.value);
    const implied = formatJudgment(judgment.implied);
    const factor = judgment.deviation.toFixed(2);
    return zh
      ? html`<li>${pair}：给定 ${given}，权重隐含 ${implied}（相差 ${factor} 倍）；
          最接近的标度值为 ${suggested} ${apply}</li>`
      : html`<li>${pair}: given ${given}, the weights imply ${implied}
          (off by a factor ${factor}); nearest scale value ${suggested} ${apply}</li>`;
  }

  function renderAll() {
    renderTabs();
    renderTable();
    renderResults();
  }

  // Follows changes made elsewhere: a reset, a loaded file or the method inputs. The editor's
  // own edits are already drawn, and drawing them again would take the focus off a select.
  let shown = {ahpMethod: state.config.ahpMethod, aggregation: state.config.aggregation};
  const unsubscribe = state.subscribe((next) => {
    let changed = next.ahpMethod !== shown.ahpMethod || next.aggregation !== shown.aggregation;
    shown = {ahpMethod: next.ahpMethod, aggregation: next.aggregation};
    methodInput.value = next.ahpMethod;
    aggregationInput.value = next.aggregation;
    const edited = next.judgments[node]?.matrices;
    if (edited === undefined && !sameMatrices(matrices, caseMatrices)) {
      matrices = copy(caseMatrices);
      changed = true;
    } else if (edited !== undefined && !sameMatrices(matrices, edited)) {
      matrices = copy(edited);
      changed = true;
    }
    if (!changed) return;
    active = Math.min(active, matrices.length - 1);
    renderAll();
  });
  renderAll();
  // The listener stays for the page's life; an editor no longer on the page is skipped.
  onLangChange((lang) => {
    if (!table.isConnected) return;
    zh = lang === "zh";
    names = labels.map((label) => (zh ? label.zh : label.en));
    redrawKeepingFocus(renderAll);
  });

  const element = html`<div class="ahp-editor-panel">
    ${tabs}
    <div class="ahp-editor-scroll">${table}</div>
    ${expertSummary}${suggestions}
    <h3>${bi("All experts", "全部专家")}</h3>${methodInput}${aggregationInput}
    <div class="ahp-editor-scroll">${group}</div>
    <div class="download-row">${reset}</div>
  </div>`;
  element.dispose = unsubscribe;
  return element;
}
