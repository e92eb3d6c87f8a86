import {html} from "npm:htl";
import {configDifferences, configFromQuery} from "../lib/config.js";
import {analyzeWithConfig, withJudgments} from "../lib/reweight.js";
import {choiceNames, thresholdRules} from "./methodControls.js";

/**
 * Runs a case with the configuration in the page's address, the one the interactive pages
 * (Explore weights, AHP editor) write, so that the tour shows the reader's own settings.
 * Returns the configuration, the parameters skipped because they do not fit the case, the
 * analysis and the context that exercises are drawn from.
 */
export function tourAnalysis(data) {
  const {config, problems} = configFromQuery(location.search, data.system);
  const analysis = analyzeWithConfig(data, config);
  const judged = withJudgments(data, config.judgments);
  return {
    config,
    problems,
    analysis,
    context: {data: judged, analysis, threshold: config.threshold}
  };
}

// Chinese names of the settings that configDifferences lists by their field names.
const fieldNamesZh = {
  weighting: "权重",
  objective: "客观赋权法",
  ahpMethod: "AHP 排序方法",
  aggregation: "专家意见集结",
  combination: "组合方式",
  alpha: "α（AHP 占比）",
  model: "关系价值模型",
  sideAlpha: "横轴在关系价值中的权重",
  "threshold.x": "横轴阈值",
  "threshold.y": "纵轴阈值"
};

function fieldZh(field, nameOf) {
  const [head, node] = field.split(".");
  if (head === "weights") return `${nameOf(node)}内的权重`;
  if (head === "judgments") return `${nameOf(node)}的 AHP 判断矩阵`;
  return fieldNamesZh[field] ?? field;
}

function valueZh(field, value) {
  const choice = choiceNames[field]?.[value] ?? thresholdRules[value];
  if (choice) return choice.zh;
  const edited = /^edited \((\d+) experts?\)$/.exec(value);
  if (edited) return `已修改（${edited[1]} 位专家）`;
  return value;
}

/**
 * Says, in `lang` ("en" or "zh"), whether the tour runs on the published defaults or on
 * settings from the address. `nameOf(id)` names the nodes of hand-set weights and judgments.
 * The language is not a method setting, so it is left out.
 */
export function settingsNote({config, problems}, lang = "en", nameOf = (id) => id) {
  const zh = lang === "zh";
  const differences = configDifferences(config).filter((d) => d.field !== "lang");
  const skipped =
    problems.length > 0
      ? html`<p class="muted">
          ${zh ? "地址中未采用的参数：" : "Skipped from the address: "}${problems.join("; ")}${zh
            ? "。"
            : "."}
        </p>`
      : "";
  if (differences.length === 0) {
    return html`<div class="tour-settings muted">
      ${zh
        ? "本页的数字采用发布时的默认设置。"
        : "Numbers on this page use the published defaults."}
      ${skipped}
    </div>`;
  }
  const items = differences.map((d, k) =>
    zh
      ? html`${k > 0 ? "；" : ""}<strong>${fieldZh(d.field, nameOf)}</strong>：${valueZh(
            d.field,
            d.value
          )}`
      : html`${k > 0 ? "; " : ""}<strong>${d.field}</strong> ${d.value}`
  );
  return html`<div class="tour-settings">
    ${zh
      ? "本页的数字采用你在地址中设置的参数："
      : "Numbers on this page use your settings from the address:"}
    ${items}${zh ? "。" : "."} ${skipped}
  </div>`;
}
