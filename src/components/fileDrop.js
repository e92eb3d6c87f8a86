import {html} from "npm:htl";
import {bi} from "./i18n.js";
import {localize} from "./localize.js";

/**
 * Builds a drop zone with a file button whose value is the chosen File (null until one is
 * chosen). It dispatches "input" when a file is dropped or picked, so `view()` follows it, and
 * `element.choose(file)` sets a file from code. The button opens the browser's file picker
 * and is reached by keyboard; its text and the zone's follow the report language. The file
 * is only read by the page; nothing is uploaded.
 */
export function fileDrop({accept = ".csv,.tsv,.txt,.xlsx"} = {}) {
  // The input itself is hidden because its own button reads in the browser's language.
  const picker = html`<input type="file" accept=${accept} hidden>`;
  const button = html`<button type="button" class="file-button">${bi(
    "Choose a file…",
    "选择文件…"
  )}</button>`;
  button.onclick = () => picker.click();
  const name = localize(html`<span class="muted file-name" role="status"></span>`, {
    text: {en: "No file chosen.", zh: "尚未选择文件。"}
  });
  const zone = html`<div class="drop-zone" role="group">
    <p>${bi(
      "Drop a CSV, TSV, TXT or XLSX file here, or",
      "把 CSV、TSV、TXT 或 XLSX 文件拖到这里，或"
    )} ${button}${picker}</p>
    <div>${name}</div>
  </div>`;
  localize(zone, {"aria-label": {en: "Your file", zh: "你的文件"}});
  zone.value = null;

  const choose = (file) => {
    if (!file) return;
    zone.value = file;
    const size = file.size.toLocaleString("en-US");
    localize(name, {
      text: {en: `${file.name} (${size} bytes)`, zh: `${file.name}（${size} 字节）`}
    });
    zone.dispatchEvent(new Event("input", {bubbles: true}));
  };
  zone.choose = choose;
  picker.onchange = () => choose(picker.files[0]);
  zone.ondragover = (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  };
  zone.ondragleave = () => zone.classList.remove("dragging");
  zone.ondrop = (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    choose(event.dataTransfer.files[0]);
  };
  return zone;
}
