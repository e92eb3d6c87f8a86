import {html} from "npm:htl";

const actions = {drop: "drop the rows", missing: "set missing", replace: "replace with"};

/**
 * Builds the input for handling a table's problem cells, whose value is
 * {decisions, fallback} for lib's buildUserCase. A group of cells shares one column and one
 * value (lib's groupProblems). Each group shows its file lines, what would be valid and how
 * many cells it has. For each, the reader chooses to drop the rows, set the cells missing or
 * replace them with a value. Two buttons set every group at once. It dispatches "input" on
 * every change.
 */
export function problemActions(groups, {shown = 200} = {}) {
  const decisions = {};
  let fallback = {action: "drop"};
  const rows = groups.slice(0, shown).map((group) => {
    const select = html`<select aria-label=${`handling of ${group.column} = ${group.value}`}>
      ${Object.entries(actions).map(
        ([value, text]) => html`<option value=${value}>${text}</option>`
      )}
    </select>`;
    select.dataset.key = group.key;
    const replacement = html`<input type="text" inputmode="decimal" placeholder="value" hidden>`;
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
    const lines = group.lines.map((line, k) => `line ${line} (${group.rows[k]})`).join(", ");
    const more = group.count > group.lines.length ? `, … ${group.count} in all` : "";
    const row = html`<tr data-key=${group.key}>
      <th>${group.column}</th><td>"${group.value}"</td>
      <td>${group.count.toLocaleString("en-US")}</td>
      <td>${group.reason}</td><td class="muted">${lines}${more}</td>
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
  const dropAll = html`<button type="button">Drop every problem row</button>`;
  const missingAll = html`<button type="button">Set every problem cell missing</button>`;
  dropAll.onclick = () => setAll("drop");
  missingAll.onclick = () => setAll("missing");

  const hidden = groups.length - rows.length;
  const element = html`<div class="problem-groups">
    <div class="download-row">${dropAll} ${missingAll}</div>
    <div class="table-scroll"><table>
      <thead><tr><th>Column</th><th>Value</th><th>Cells</th><th>Problem</th><th>Where</th>
        <th>Handling</th></tr></thead>
      <tbody>${rows.map((r) => r.row)}</tbody>
    </table></div>
    ${hidden > 0 ? html`<p class="muted">${hidden} more groups follow the buttons above.</p>` : ""}
  </div>`;

  function changed() {
    element.value = {decisions: {...decisions}, fallback};
    element.dispatchEvent(new Event("input", {bubbles: true}));
  }
  element.value = {decisions: {...decisions}, fallback};
  return element;
}
