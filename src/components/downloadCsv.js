import {csvFormat} from "npm:d3-dsv";
import {html} from "npm:htl";
import {bi} from "./i18n.js";

/**
 * Creates a button that saves `rows` (an array of flat objects) as a CSV file. The CSV is written
 * when the button is pressed, so large tables cost nothing until then. The button text and the
 * row count show in the page's language; `label` replaces the button text (a string, or
 * `bi(en, zh)` for both languages). Column names stay as given, so files read the same in
 * either language.
 */
export function downloadCsv(rows, {filename = "table.csv", label} = {}) {
  const text = label ?? bi("Download CSV", "下载 CSV");
  const button = html`<button type="button" class="download">${text}</button>`;
  button.onclick = () => {
    const blob = new Blob([csvFormat(rows)], {type: "text/csv;charset=utf-8"});
    const url = URL.createObjectURL(blob);
    const a = html`<a href=${url} download=${filename} hidden></a>`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const count = rows.length.toLocaleString("en-US");
  return html`<div class="download-row">
    ${button} <span class="muted">${bi(`${count} ${rows.length === 1 ? "row" : "rows"}`,
      `${count} 行`)} · ${filename}</span>
  </div>`;
}
