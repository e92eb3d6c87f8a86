import {html} from "npm:htl";

/**
 * A contingency table of class against one profile variable: counts, with the expected count
 * under independence in each cell's tooltip and cells whose expected count is below 5
 * highlighted. `association` is one entry of lib's classAssociations; `className` maps a
 * class id to its label.
 */
export function contingencyTable(association, {className}) {
  const expected = association.result?.expected;
  const cell = (count, r, c) => {
    const e = expected?.[r][c];
    const title = e === undefined ? "" : `expected ${e.toFixed(2)}`;
    const style = e !== undefined && e < 5 ? "background: #fff3cd" : "";
    return html`<td title=${title} style=${style}>${count.toLocaleString("en-US")}</td>`;
  };
  return html`<div class="stat-table-wrap"><table class="stat-table">
    <thead><tr>
      <th class="left">Class</th>${association.categories.map((c) => html`<th>${c}</th>`)}
    </tr></thead>
    <tbody>${association.classes.map((id, r) => html`<tr>
      <td class="left">${className(id)}</td>
      ${association.counts[r].map((count, c) => cell(count, r, c))}
    </tr>`)}</tbody>
  </table></div>`;
}
