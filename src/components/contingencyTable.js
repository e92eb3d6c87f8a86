import {html} from "npm:htl";

/**
 * Builds a contingency table of class against one profile variable: counts, with the expected count
 * under independence in each cell's tooltip and cells whose expected count is below 5
 * highlighted. `association` is one entry of lib's classAssociations; `className` maps a
 * class id to its label, and `lang` ("en" or "zh") sets the header and tooltips.
 */
export function contingencyTable(association, {className, lang = "en"}) {
  const zh = lang === "zh";
  const expected = association.result?.expected;
  const cell = (count, r, c) => {
    const e = expected?.[r][c];
    const title = e === undefined ? "" : `${zh ? "期望频数" : "expected"} ${e.toFixed(2)}`;
    const style = e !== undefined && e < 5 ? "background: #fff3cd" : "";
    return html`<td title=${title} style=${style}>${count.toLocaleString("en-US")}</td>`;
  };
  const name = zh ? association.label.zh : association.label.en;
  const caption = zh ? `类别 × ${name}（频数）` : `Class × ${name} (counts)`;
  return html`<div class="stat-table-wrap" tabindex="0" role="region" aria-label=${caption}>
    <table class="stat-table">
    <caption>${caption}</caption>
    <thead><tr>
      <th class="left" scope="col">${zh ? "类别" : "Class"}</th>${association.categories.map(
        (c) => html`<th scope="col">${c}</th>`
      )}
    </tr></thead>
    <tbody>${association.classes.map((id, r) => html`<tr>
      <th class="left" scope="row">${className(id)}</th>
      ${association.counts[r].map((count, c) => cell(count, r, c))}
    </tr>`)}</tbody>
  </table></div>`;
}
