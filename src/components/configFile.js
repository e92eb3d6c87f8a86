import {html} from "npm:htl";
import {configFromJson, configToJson} from "../lib/config.js";
import {bi, currentLang} from "./i18n.js";
import {saveText} from "./saveFile.js";

/**
 * Saves the configuration of a configState as a JSON file and loads one back. A file is
 * checked against the case (lib's configFromJson) before it replaces anything, and every
 * problem it has is listed with the field it concerns, in the library's English. The page's
 * address also carries the configuration, so it can be copied as a link. Buttons and
 * messages follow the report language. The file picker is a button of its own, so that it
 * reads in the page's language rather than the browser's, and it is reached by keyboard.
 */
export function configFile(state) {
  const save = html`<button type="button">${bi(
    "Save configuration (JSON)",
    "保存配置（JSON）"
  )}</button>`;
  save.onclick = () => {
    const text = configToJson(state.config, state.caseId);
    saveText(text, `configuration-${state.caseId}.json`, "application/json");
  };

  const picker = html`<input type="file" accept=".json,application/json" hidden>`;
  const load = html`<button type="button">${bi(
    "Load configuration (JSON)…",
    "载入配置（JSON）…"
  )}</button>`;
  load.onclick = () => picker.click();
  const message = html`<div class="config-file-message" role="status"></div>`;
  picker.onchange = async () => {
    const file = picker.files[0];
    if (!file) return;
    const zh = currentLang() === "zh";
    message.replaceChildren();
    try {
      const config = configFromJson(await file.text(), state.system, state.caseId, file.name);
      state.replace(config);
      message.append(html`<p class="config-loaded">${zh
        ? `已载入 ${file.name}。`
        : `Loaded ${file.name}.`}</p>`);
    } catch (error) {
      const problems = error.problems ?? [error.message];
      const title = zh ? `未载入 ${file.name}` : `${file.name} was not loaded`;
      message.append(html`<div class="warning config-error" label=${title}>
        <ul lang="en-GB">${problems.map((problem) => html`<li>${problem}</li>`)}</ul></div>`);
    }
    picker.value = "";
  };

  const link = html`<button type="button">${bi("Show link", "显示链接")}</button>`;
  const field = html`<input type="text" readonly class="config-link" hidden>`;
  field.setAttribute("aria-label", "Link to this view · 当前视图的链接");
  link.onclick = () => {
    state.writeNow();
    field.hidden = false;
    field.value = location.href;
    field.select();
  };
  return html`<div class="config-file">
    <div class="download-row">${save} ${load}${picker} ${link}</div>
    ${field}${message}
  </div>`;
}
