import {html} from "npm:htl";
import {currentLang, onLangChange} from "./i18n.js";

// Chinese names of the stages that the analysis worker reports, and of the endings of a run.
const stagesZh = {
  reading: "读取",
  cleaning: "清洗",
  "weights and scores": "权重与得分",
  reliability: "信度",
  results: "结果",
  done: "完成",
  failed: "失败",
  "replaced by newer settings": "已被更新的设置取代"
};

/**
 * Builds a progress bar with the current stage and the time since it started, for work done
 * in a Web Worker. `label` is {en, zh}. `element.update({stage, fraction})` moves it;
 * `element.finish(text)` shows the total time. Its text follows the report language.
 */
export function runProgress(label = {en: "Working", zh: "处理中"}) {
  const started = performance.now();
  const bar = html`<progress class="analysis-progress" max="1" value="0"></progress>`;
  const text = html`<span class="muted" role="status"></span>`;
  const element = html`<div class="run-progress">${bar} ${text}</div>`;
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  // What the text shows: a stage with its time so far, or the ending with the total time.
  let shown = {stage: null, done: null, seconds: null};

  function draw(lang) {
    const zh = lang === "zh";
    const name = zh ? label.zh : label.en;
    const stage = (x) => (zh ? stagesZh[x] ?? x : x);
    bar.setAttribute("aria-label", name);
    if (shown.done !== null) {
      text.textContent = zh
        ? `${name}：${stage(shown.done)}，用时 ${shown.seconds} 秒`
        : `${name}: ${shown.done} in ${shown.seconds} s`;
    } else if (shown.stage !== null) {
      text.textContent = zh
        ? `${name}：${stage(shown.stage)}… ${shown.seconds} 秒`
        : `${name}: ${shown.stage}… ${shown.seconds} s`;
    } else {
      text.textContent = `${name}…`;
    }
  }

  element.update = ({stage, fraction}) => {
    bar.value = fraction;
    shown = {stage, done: null, seconds: seconds()};
    draw(currentLang());
  };
  element.finish = (done = "done") => {
    bar.value = 1;
    shown = {stage: null, done, seconds: seconds()};
    draw(currentLang());
  };
  // The listener stays for the page's life; a bar no longer on the page is skipped.
  onLangChange((lang) => {
    if (element.isConnected) draw(lang);
  });
  draw(currentLang());
  return element;
}
