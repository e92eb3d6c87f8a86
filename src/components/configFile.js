import {html} from "npm:htl";
import {configFromJson, configToJson} from "../lib/config.js";
import {saveText} from "./saveFile.js";

/**
 * Saves the configuration of a configState as a JSON file and loads one back. A file is
 * checked against the case (lib's configFromJson) before it replaces anything, and every
 * problem it has is listed with the field it concerns. The page's address also carries the
 * configuration, so it can be copied as a link.
 */
export function configFile(state) {
  const save = html`<button type="button">Save configuration (JSON)</button>`;
  save.onclick = () => {
    const text = configToJson(state.config, state.caseId);
    saveText(text, `configuration-${state.caseId}.json`, "application/json");
  };

  const picker = html`<input type="file" accept=".json,application/json">`;
  const message = html`<div class="config-file-message"></div>`;
  picker.onchange = async () => {
    const file = picker.files[0];
    if (!file) return;
    message.replaceChildren();
    try {
      const config = configFromJson(await file.text(), state.system, state.caseId, file.name);
      state.replace(config);
      message.append(html`<p class="config-loaded">Loaded ${file.name}.</p>`);
    } catch (error) {
      const problems = error.problems ?? [error.message];
      message.append(html`<div class="warning config-error" label=${`${file.name} was not loaded`}>
        <ul>${problems.map((problem) => html`<li>${problem}</li>`)}</ul></div>`);
    }
    picker.value = "";
  };

  const link = html`<button type="button">Show link</button>`;
  const field = html`<input type="text" readonly class="config-link" hidden>`;
  link.onclick = () => {
    state.writeNow();
    field.hidden = false;
    field.value = location.href;
    field.select();
  };
  return html`<div class="config-file">
    <div class="download-row">${save} <label>Load configuration: ${picker}</label> ${link}</div>
    ${field}${message}
  </div>`;
}
