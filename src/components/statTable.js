import {html} from "npm:htl";

/**
 * Builds a read-only HTML table whose cells wrap, for tables of statistics that are read, not
 * sorted. `columns` lists {key, label, format?, align?, title?, minWidth?}; `format(value,
 * row)` returns text or a node, and `minWidth` (CSS, e.g. "16rem") keeps a text column
 * readable on a narrow screen, where the table then scrolls sideways. `rowClass(row)` may
 * give a row a CSS class, e.g. to mark a flagged item. The scrolling box takes the keyboard
 * focus, so that a keyboard user can scroll it too, and is named after the caption.
 */
export function statTable(rows, columns, {rowClass = () => "", caption} = {}) {
  const side = (column) => (column.align === "left" ? "left" : "");
  const style = (column) => (column.minWidth ? `min-width: ${column.minWidth}` : "");
  const header = columns.map(
    (c) => html`<th class=${side(c)} style=${style(c)} title=${c.title ?? ""} scope="col">
      ${c.label}</th>`
  );
  const cell = (row, column) => {
    const value = row[column.key];
    const shown = column.format ? column.format(value, row) : value;
    return html`<td class=${side(column)}>${shown ?? ""}</td>`;
  };
  return html`<div class="stat-table-wrap" tabindex="0" role=${caption ? "region" : null}
    aria-label=${caption ?? null}><table class="stat-table">
    ${caption ? html`<caption>${caption}</caption>` : ""}
    <thead><tr>${header}</tr></thead>
    <tbody>${rows.map(
      (row) => html`<tr class=${rowClass(row)}>${columns.map((c) => cell(row, c))}</tr>`
    )}</tbody>
  </table></div>`;
}
