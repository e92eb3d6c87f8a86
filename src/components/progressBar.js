import {html} from "npm:htl";

const count = (n) => n.toLocaleString("en-US");

/**
 * A progress panel for sensitivity runs: a progress bar with a cancel button while a run
 * goes on, and a one-line summary once it has finished, failed or been cancelled. The panel
 * is made once and changed in place by `panel.update(state)`, with `state` from
 * runSensitivity plus a `cancel` function, so the cancel button stays put under the pointer
 * while progress messages arrive.
 */
export function progressBar() {
  const bar = html`<progress value="0" max="1"></progress>`;
  const badge = html`<span class="badge"></span>`;
  const text = html`<span></span>`;
  const button = html`<button type="button">Cancel</button>`;
  const message = html`<div class="warning" label="Sensitivity run failed" hidden></div>`;
  const panel = html`<div>
    <div class="sensitivity-progress" role="status">${bar}${badge}${text}${button}</div>
    ${message}
  </div>`;
  let cancel = null;
  button.onclick = () => cancel?.();

  panel.update = (state) => {
    const running = state.status === "running";
    cancel = running ? state.cancel : null;
    bar.hidden = !running;
    button.hidden = !running;
    badge.hidden = running;
    message.hidden = state.status !== "error";
    if (running) {
      bar.max = state.total;
      bar.value = state.done;
      text.textContent = `${count(state.done)} of ${count(state.total)} draws`;
    } else if (state.status === "cancelled") {
      badge.className = "badge badge-warning";
      badge.textContent = "Cancelled";
      text.textContent =
        `after ${count(state.done)} of ${count(state.total)} draws; press "Run again" or ` +
        "change a setting to start a new run.";
    } else if (state.status === "error") {
      badge.className = "badge badge-warning";
      badge.textContent = "Failed";
      text.textContent = "";
      message.textContent = state.message;
    } else {
      badge.className = "badge badge-real";
      badge.textContent = "Done";
      const seconds = (state.elapsed / 1000).toFixed(1);
      text.textContent = `${count(state.result.draws)} draws in ${seconds} s, in a background worker.`;
    }
  };
  return panel;
}
