import * as d3 from "npm:d3";
import {html} from "npm:htl";

/**
 * Creates a button that saves `rows` (an array of flat objects) as a CSV file. The CSV is written
 * when the button is pressed, so large tables cost nothing until then.
 */
export function downloadCsv(rows, {filename = "table.csv", label = "Download CSV"} = {}) {
  const button = html`<button type="button" class="download">${label}</button>`;
  button.onclick = () => {
    const blob = new Blob([d3.csvFormat(rows)], {type: "text/csv;charset=utf-8"});
    const url = URL.createObjectURL(blob);
    const a = html`<a href=${url} download=${filename} hidden></a>`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return html`<div class="download-row">
    ${button} <span class="muted">${rows.length.toLocaleString("en-US")} rows · ${filename}</span>
  </div>`;
}
