import {html} from "npm:htl";
import {bi} from "./i18n.js";

/** Formats a judgment on Saaty's scale: integers as is, reciprocals as 1/k, others rounded. */
export function formatJudgment(value) {
  const round = (x) => Math.abs(x - Math.round(x)) < 1e-6;
  if (round(value)) return String(Math.round(value));
  if (value < 1 && round(1 / value)) return `1/${Math.round(1 / value)}`;
  return value >= 1 ? value.toFixed(2) : `1/${(1 / value).toFixed(2)}`;
}

/**
 * Renders a pairwise comparison matrix as a table, with the node's priorities in the last
 * column. Rows are labelled "k name" and columns by k alone, so that wide names fit in a card.
 * Entry (i, j) is how many times more row i matters than column j. The judgments listed in
 * `flagged` ({i, j} pairs, 0-based) are highlighted on both sides of the diagonal. Names come
 * in the page's language; the table's own words show in both (the page's shows).
 */
export function ahpMatrix(matrix, {names, weights, flagged = []} = {}) {
  const marked = new Set(flagged.flatMap(({i, j}) => [`${i},${j}`, `${j},${i}`]));
  return html`<table class="ahp-matrix">
    <thead>
      <tr>
        <th scope="col">${bi("Element", "元素")}</th>
        ${names.map((name, k) => html`<th scope="col" title=${name}>${k + 1}</th>`)}
        ${weights ? html`<th scope="col">${bi("weight", "权重")}</th>` : ""}
      </tr>
    </thead>
    <tbody>
      ${matrix.map(
        (row, i) =>
          html`<tr>
            <th scope="row" class="row-name">${i + 1} ${names[i]}</th>
            ${row.map(
              (value, j) =>
                html`<td class=${i === j ? "diagonal" : marked.has(`${i},${j}`) ? "flagged" : ""}>
                  ${formatJudgment(value)}
                </td>`
            )}${weights ? html`<td class="weight">${weights[i].toFixed(3)}</td>` : ""}
          </tr>`
      )}
    </tbody>
  </table>`;
}
