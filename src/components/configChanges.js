import {html} from "npm:htl";
import {configDifferences} from "../lib/config.js";
import {choiceNames, thresholdRules} from "./methodControls.js";

const fieldNames = {
  weighting: {en: "weighting", zh: "权重"},
  objective: {en: "objective", zh: "客观赋权法"},
  ahpMethod: {en: "ahpMethod", zh: "AHP 排序方法"},
  aggregation: {en: "aggregation", zh: "专家意见集结"},
  combination: {en: "combination", zh: "组合方式"},
  alpha: {en: "alpha", zh: "α（AHP 占比）"},
  model: {en: "model", zh: "关系价值模型"},
  sideAlpha: {en: "sideAlpha", zh: "横轴在关系价值中的权重"},
  "threshold.x": {en: "threshold.x", zh: "横轴阈值"},
  "threshold.y": {en: "threshold.y", zh: "纵轴阈值"}
};

// Chinese for the value texts of lib's configDifferences.
function valueZh(field, value) {
  const choice = choiceNames[field]?.[value] ?? thresholdRules[value];
  if (choice) return choice.zh;
  if (value === "from the weighting method") return "由赋权方法得出";
  if (value === "the case's judgments") return "案例的判断矩阵";
  const edited = /^edited \((\d+) experts?\)$/.exec(value);
  if (edited) return `已修改（${edited[1]} 位专家）`;
  return value;
}

/**
 * Lists what differs from the published defaults in a configuration, with a button that
 * resets a configState to the defaults. At the defaults it shows a note instead. The language
 * is left out, because it is not a method setting. `nameOf(id)` turns node ids in field names
 * ("weights.crv") into labels in `lang` ("en" or "zh"), which sets the other texts.
 */
export function configChanges(state, config, {nameOf = (id) => id, lang = "en"} = {}) {
  const zh = lang === "zh";
  const differences = configDifferences(config).filter((d) => d.field !== "lang");
  const atDefaults = differences.length === 0;
  const reset = html`<button type="button" class="reset-defaults" disabled=${atDefaults}>
    ${zh ? "恢复为发布时的默认设置" : "Reset to published defaults"}</button>`;
  reset.onclick = () => state.reset();
  const label = (field) => {
    const [head, node] = field.split(".");
    if (head === "weights") {
      return zh ? `${nameOf(node)}内的权重` : `weights within ${nameOf(node)}`;
    }
    if (head === "judgments") {
      return zh ? `${nameOf(node)}的 AHP 判断矩阵` : `AHP judgments of ${nameOf(node)}`;
    }
    return zh ? fieldNames[field]?.zh ?? field : field;
  };
  const value = (field, text) => (zh ? valueZh(field, text) : text);
  const list =
    differences.length === 0
      ? html`<p class="muted config-same">${zh
          ? "所有设置都是发布时的默认值。"
          : "Everything is at the published defaults."}</p>`
      : html`<ul class="config-differences">${differences.map(
          (d) => html`<li>
            <strong>${label(d.field)}</strong>${zh ? "：" : ": "}${value(d.field, d.value)}
            <span class="muted">${zh ? "（默认：" : "(default: "}${value(d.field, d.default)}${
              zh ? "）" : ")"
            }</span>
          </li>`
        )}</ul>`;
  return html`<div class="config-changes">${list}${reset}</div>`;
}
