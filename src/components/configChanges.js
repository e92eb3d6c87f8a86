import {html} from "npm:htl";
import {configDifferences} from "../lib/config.js";

/**
 * Lists what differs from the published defaults in a configuration, with a button that
 * resets a configState to the defaults. At the defaults it shows a note instead. `nameOf(id)`
 * turns node ids in field names ("weights.crv") into labels.
 */
export function configChanges(state, config, {nameOf = (id) => id} = {}) {
  const differences = configDifferences(config);
  const atDefaults = differences.length === 0;
  const reset = html`<button type="button" class="reset-defaults" disabled=${atDefaults}>
    Reset to published defaults</button>`;
  reset.onclick = () => state.reset();
  const label = (field) => {
    const [head, node] = field.split(".");
    if (head === "weights") return `weights within ${nameOf(node)}`;
    if (head === "judgments") return `AHP judgments of ${nameOf(node)}`;
    return field;
  };
  const list =
    differences.length === 0
      ? html`<p class="muted config-same">Everything is at the published defaults.</p>`
      : html`<ul class="config-differences">${differences.map(
          (d) => html`<li><strong>${label(d.field)}</strong>: ${d.value}
            <span class="muted">(default: ${d.default})</span></li>`
        )}</ul>`;
  return html`<div class="config-changes">${list}${reset}</div>`;
}
