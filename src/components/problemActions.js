import {html} from "npm:htl";
import {shortenText} from "../lib/quote.js";
import {libText} from "./analysisText.js";
import {bi} from "./i18n.js";
import {localize} from "./localize.js";

const actions = {
  drop: {en: "drop the rows", zh: "剔除这些行"},
  missing: {en: "set missing", zh: "设为缺失"},
  replace: {en: "replace with", zh: "替换为"}
};

/**
 * Builds the input for handling a table's problem cells, whose value is
 * {decisions, fallback} for lib's buildUserCase. A group of cells shares one column and one
 * value (lib's groupProblems). Each group shows its file lines, what would be valid and how
 * many cells it has. For each, the reader chooses to drop the rows, set the cells missing or
 * replace them with a value. Two buttons set every group at once. It dispatches "input" on
 * every change. Its texts follow the report language without the input being made again.
 */
export function problemActions(groups, {shown = 200} = {}) {
  const decisions = {};
  let fallback = {action: "drop"};
  const rows = groups.slice(0, shown).map((full) => {
    // A cell of megabytes would fill labels and the table: its start and length are shown.
    const group = {
      ...full,
      column: shortenText(full.column),
      value: shortenText(full.value),
      rows: full.rows.map((row) => shortenText(row))
    };
    const select = html`<select>
      ${Object.entries(actions).map(([value, text]) =>
        localize(html`<option value=${value}></option>`, {text})
      )}
    </select>`;
    localize(select, {
      "aria-label": {
        en: `handling of ${group.column} = ${group.value}`,
        zh: `${group.column} = ${group.value} 的处理方式`
      }
    });
    select.dataset.key = group.key;
    const replacement = html`<input type="text" inputmode="decimal" hidden>`;
    localize(replacement, {
      placeholder: {en: "value", zh: "值"},
      "aria-label": {
        en: `replacement for ${group.column} = ${group.value}`,
        zh: `${group.column} = ${group.value} 的替换值`
      }
    });
    const read = () => {
      replacement.hidden = select.value !== "replace";
      if (select.value === "replace") {
        const text = replacement.value.trim().replace(",", ".");
        decisions[group.key] = {action: "replace", value: text === "" ? NaN : Number(text)};
      } else {
        decisions[group.key] = {action: select.value};
      }
    };
    select.onchange = () => {
      read();
      changed();
    };
    replacement.onchange = () => {
      read();
      changed();
    };
    const more = group.count > group.lines.length;
    const lines = bi(
      group.lines.map((line, k) => `line ${line} (${group.rows[k]})`).join(", ") +
        (more ? `, … ${group.count} in all` : ""),
      group.lines.map((line, k) => `第 ${line} 行（${group.rows[k]}）`).join("，") +
        (more ? `，… 共 ${group.count} 处` : "")
    );
    const row = html`<tr data-key=${group.key}>
      <th scope="row">${group.column}</th><td>"${group.value}"</td>
      <td>${group.count.toLocaleString("en-US")}</td>
      <td>${bi(group.reason, libText(group.reason, "zh"))}</td><td class="muted">${lines}</td>
      <td>${select} ${replacement}</td></tr>`;
    read();
    return {row, select, read};
  });

  const setAll = (action) => {
    for (const {select, read} of rows) {
      select.value = action;
      read();
    }
    fallback = {action};
    changed();
  };
  const dropAll = html`<button type="button">${bi(
    "Drop every problem row",
    "剔除所有有问题的行"
  )}</button>`;
  const missingAll = html`<button type="button">${bi(
    "Set every problem cell missing",
    "把所有有问题的单元格设为缺失"
  )}</button>`;
  dropAll.onclick = () => setAll("drop");
  missingAll.onclick = () => setAll("missing");

  const hidden = groups.length - rows.length;
  const element = html`<div class="problem-groups">
    <div class="download-row">${dropAll} ${missingAll}</div>
    <div class="table-scroll"><table>
      <thead><tr><th scope="col">${bi("Column", "列")}</th><th scope="col">${bi("Value", "值")}</th>
        <th scope="col">${bi("Cells", "单元格数")}</th><th scope="col">${bi("Problem", "问题")}</th>
        <th scope="col">${bi("Where", "位置")}</th><th scope="col">${bi("Handling", "处理")}</th>
      </tr></thead>
      <tbody>${rows.map((r) => r.row)}</tbody>
    </table></div>
    ${hidden > 0
      ? html`<p class="muted">${bi(
          `${hidden} more groups follow the buttons above.`,
          `另有 ${hidden} 组问题按上面按钮的选择处理。`
        )}</p>`
      : ""}
  </div>`;

  function changed() {
    element.value = {decisions: {...decisions}, fallback};
    element.dispatchEvent(new Event("input", {bubbles: true}));
  }
  element.value = {decisions: {...decisions}, fallback};
  return element;
}
