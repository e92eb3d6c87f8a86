import {html} from "npm:htl";

/**
 * Builds a progress bar with the current stage and the time since it started, for work done in a
 * Web Worker. `element.update({stage, fraction})` moves it; `element.finish(text)` shows the
 * total time.
 */
export function runProgress(label = "Working") {
  const started = performance.now();
  const bar = html`<progress class="analysis-progress" max="1" value="0"></progress>`;
  const text = html`<span class="muted">${label}…</span>`;
  const element = html`<div class="run-progress">${bar} ${text}</div>`;
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  element.update = ({stage, fraction}) => {
    bar.value = fraction;
    text.textContent = `${label}: ${stage}… ${seconds()} s`;
  };
  element.finish = (done = "done") => {
    bar.value = 1;
    text.textContent = `${label}: ${done} in ${seconds()} s`;
  };
  return element;
}
