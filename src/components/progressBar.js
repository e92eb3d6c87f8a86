import {html} from "npm:htl";
import {currentLang, onLangChange} from "./i18n.js";

const count = (n) => n.toLocaleString("en-US");

const texts = {
  en: {
    cancel: "Cancel",
    progress: "Monte Carlo draws done",
    failed: "Sensitivity run failed",
    running: (s) => `${count(s.done)} of ${count(s.total)} draws`,
    cancelled: "Cancelled",
    cancelledText: (s) =>
      `after ${count(s.done)} of ${count(s.total)} draws; press "Run again" or ` +
      "change a setting to start a new run.",
    failedBadge: "Failed",
    done: "Done",
    doneText: (s, seconds) =>
      `${count(s.result.draws)} draws in ${seconds} s, in a background worker.`
  },
  zh: {
    cancel: "取消",
    progress: "已完成的蒙特卡洛抽样",
    failed: "敏感性分析运行失败",
    running: (s) => `已完成 ${count(s.done)} / ${count(s.total)} 次抽样`,
    cancelled: "已取消",
    cancelledText: (s) =>
      `在 ${count(s.total)} 次抽样中完成 ${count(s.done)} 次后取消；` +
      "按“重新运行”或修改任一设置即可开始新的运行。",
    failedBadge: "失败",
    done: "完成",
    doneText: (s, seconds) =>
      `在后台线程中完成 ${count(s.result.draws)} 次抽样，用时 ${seconds} 秒。`
  }
};

/**
 * Builds a progress panel for sensitivity runs: a progress bar with a cancel button while a run
 * goes on, and a one-line summary once it has finished, failed or been cancelled. The panel
 * is made once and changed in place by `panel.update(state)`, with `state` from
 * runSensitivity plus a `cancel` function, so the cancel button stays put under the pointer
 * while progress messages arrive. Its texts follow the report language; a worker's error
 * message stays in English.
 */
export function progressBar() {
  const bar = html`<progress value="0" max="1"></progress>`;
  const badge = html`<span class="badge"></span>`;
  const text = html`<span></span>`;
  const button = html`<button type="button"></button>`;
  const message = html`<div class="warning" hidden></div>`;
  const panel = html`<div>
    <div class="sensitivity-progress" role="status">${bar}${badge}${text}${button}</div>
    ${message}
  </div>`;
  let cancel = null;
  let last = null;
  button.onclick = () => cancel?.();

  function draw(state, lang) {
    const words = texts[lang] ?? texts.en;
    button.textContent = words.cancel;
    bar.setAttribute("aria-label", words.progress);
    message.setAttribute("label", words.failed);
    if (state === null) return;
    const running = state.status === "running";
    cancel = running ? state.cancel : null;
    bar.hidden = !running;
    button.hidden = !running;
    badge.hidden = running;
    message.hidden = state.status !== "error";
    if (running) {
      bar.max = state.total;
      bar.value = state.done;
      text.textContent = words.running(state);
    } else if (state.status === "cancelled") {
      badge.className = "badge badge-warning";
      badge.textContent = words.cancelled;
      text.textContent = words.cancelledText(state);
    } else if (state.status === "error") {
      badge.className = "badge badge-warning";
      badge.textContent = words.failedBadge;
      text.textContent = "";
      message.replaceChildren(html`<span lang="en-GB">${state.message}</span>`);
    } else {
      badge.className = "badge badge-real";
      badge.textContent = words.done;
      const seconds = (state.elapsed / 1000).toFixed(1);
      text.textContent = words.doneText(state, seconds);
    }
  }

  panel.update = (state) => {
    last = state;
    draw(state, currentLang());
  };
  // The listener stays for the page's life; a panel no longer on the page is skipped.
  onLangChange((lang) => {
    if (panel.isConnected) draw(last, lang);
  });
  draw(null, currentLang());
  return panel;
}
