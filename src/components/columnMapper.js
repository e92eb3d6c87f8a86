import {html} from "npm:htl";
import {ownIndicatorRole} from "../lib/userData.js";

function roleValue(role) {
  if (role.kind === "item") return `item:${role.item}`;
  if (role.kind === "indicator") return `own:${role.dimension}`;
  return role.kind;
}

function describeCells(summary) {
  if (!summary) return "";
  const parts = [];
  if (summary.numbers > 0) {
    const {min, max} = summary;
    const range = min === max ? `${min}` : `${min}–${max}`;
    parts.push(`${summary.numbers} numbers (${range})`);
  }
  if (summary.labels > 0) parts.push(`${summary.labels} answer labels`);
  if (summary.text > 0) parts.push(`${summary.text} other text`);
  if (summary.missing > 0) parts.push(`${summary.missing} missing`);
  return parts.join(", ");
}

function roleSelect(system, sideNames) {
  const groups = system.dimensions.map((dimension) => {
    const items = system.indicators
      .filter((indicator) => indicator.dimension === dimension.id)
      .flatMap((indicator) =>
        indicator.items.map((item, k) => {
          const part = indicator.items.length > 1 ? ` (${k + 1} of ${indicator.items.length})` : "";
          const text = `${item} · ${indicator.label.en}${part}`;
          return html`<option value=${`item:${item}`}>${text}</option>`;
        })
      );
    return html`<optgroup label=${`${dimension.label.en} (${sideNames[dimension.side]})`}>
      ${items}<option value=${`own:${dimension.id}`}>own indicator in ${dimension.label.en}</option>
    </optgroup>`;
  });
  return html`<select>
    <option value="unused">not used</option>
    <option value="profile">profile (kept as text)</option>
    ${groups}
  </select>`;
}

/**
 * The settings for reading a user's table, as one input whose value is
 * {idColumn, scale, roles, reverse, delimiter, decimalSeparator} for lib's readUserTable. It
 * starts from the suggestions of an inspection (lib's inspectTable). Per column it shows what
 * the first rows hold and lets the reader choose its use: an item of `system` (matched by
 * name at first), an indicator of its own in a dimension (with its direction and whether it
 * is read on the answer scale), a profile variable, or nothing. Columns on the scale can be
 * marked reverse-coded. It dispatches "input" on every change.
 */
export function columnMapper(inspection, system, {sideNames = {crv: "CRV", hrv: "HRV"}} = {}) {
  const summaries = new Map(inspection.summaries.map((summary) => [summary.column, summary]));
  const surveyItems = new Set(
    system.indicators.filter((indicator) => indicator.scale).flatMap((indicator) => indicator.items)
  );
  const roles = structuredClone(inspection.roles);
  const reverse = new Set();
  let scale = [...inspection.scale];
  let idColumn = inspection.idColumn;

  const idSelect = html`<select>
    <option value="">none: rows are named by their line</option>
    ${inspection.columns.map(
      (column) => html`<option value=${column} selected=${column === idColumn}>${column}</option>`
    )}
  </select>`;
  const scaleSelect = html`<select>
    <option value="1,5">1–5</option>
    <option value="1,7">1–7</option>
    <option value="custom">other</option>
  </select>`;
  const low = html`<input type="number" step="1" value=${scale[0]} style="width: 4rem">`;
  const high = html`<input type="number" step="1" value=${scale[1]} style="width: 4rem">`;
  const custom = html`<span>from ${low} to ${high}</span>`;

  const rows = inspection.columns.map((column) => {
    const summary = summaries.get(column);
    const select = roleSelect(system, sideNames);
    select.setAttribute("aria-label", `use of column ${column}`);
    select.dataset.column = column;
    const direction = html`<select aria-label=${`direction of ${column}`}>
      <option value="benefit">benefit ↑</option><option value="cost">cost ↓</option></select>`;
    const scaled = html`<input type="checkbox" aria-label=${`${column} is on the answer scale`}>`;
    const reversed = html`<input type="checkbox" aria-label=${`${column} is reverse-coded`}>`;
    reversed.dataset.column = column;
    const own = html`<span class="own-settings">
      ${direction} <label>${scaled} on scale</label></span>`;
    const reverseCell = html`<label>${reversed} reverse</label>`;
    const idNote = html`<span class="muted">id column</span>`;
    const row = html`<tr data-column=${column}>
      <th>${column}</th><td>${describeCells(summary)}</td>
      <td class="muted">${summary?.examples.slice(0, 2).join(", ") ?? ""}</td>
      <td>${select}${idNote}</td><td>${own}</td><td>${reverseCell}</td></tr>`;

    const show = () => {
      const role = roles[column] ?? {kind: "unused"};
      const isId = column === idColumn;
      select.hidden = isId;
      idNote.hidden = !isId;
      if (!isId) select.value = roleValue(role);
      own.hidden = isId || role.kind !== "indicator";
      if (role.kind === "indicator") {
        direction.value = role.direction;
        scaled.checked = role.scaled;
      }
      const onScale =
        !isId &&
        ((role.kind === "item" && surveyItems.has(role.item)) ||
          (role.kind === "indicator" && role.scaled));
      reverseCell.hidden = !onScale;
      if (!onScale) reverse.delete(column);
      reversed.checked = reverse.has(column);
    };
    select.onchange = () => {
      const [kind, target] = select.value.split(":");
      if (kind === "item") roles[column] = {kind: "item", item: target};
      else if (kind === "own") roles[column] = ownIndicatorRole(system, target, summary, scale);
      else roles[column] = {kind};
      changed();
    };
    direction.onchange = () => {
      roles[column] = {...roles[column], direction: direction.value};
      changed();
    };
    scaled.onchange = () => {
      roles[column] = {...roles[column], scaled: scaled.checked};
      changed();
    };
    reversed.onchange = () => {
      if (reversed.checked) reverse.add(column);
      else reverse.delete(column);
      changed();
    };
    return {row, show};
  });

  const element = html`<div class="column-mapping">
    <div class="column-settings">
      <label>Id column: ${idSelect}</label>
      <label>Answer scale: ${scaleSelect}</label> ${custom}
      <p class="muted">
        Suggested scale ${inspection.scale.join("–")}: ${inspection.scaleReason}.</p>
    </div>
    <div class="table-scroll"><table>
      <thead><tr><th>Column</th>
        <th>First ${inspection.sampledRows.toLocaleString("en-US")} rows</th>
        <th>Examples</th><th>Use as</th><th>Own indicator</th><th>Coding</th></tr></thead>
      <tbody>${rows.map((r) => r.row)}</tbody>
    </table></div>
  </div>`;

  function readScale() {
    if (scaleSelect.value !== "custom") return scaleSelect.value.split(",").map(Number);
    return [Number(low.value), Number(high.value)];
  }

  function update() {
    custom.hidden = scaleSelect.value !== "custom";
    for (const row of rows) row.show();
    element.value = {
      idColumn,
      scale,
      roles: Object.fromEntries(
        Object.entries(roles).filter(([column]) => column !== idColumn)
      ),
      reverse: [...reverse],
      delimiter: inspection.delimiter,
      decimalSeparator: inspection.decimalSeparator
    };
  }

  function changed() {
    update();
    element.dispatchEvent(new Event("input", {bubbles: true}));
  }

  idSelect.onchange = () => {
    const previous = idColumn;
    idColumn = idSelect.value === "" ? null : idSelect.value;
    if (previous !== null && roles[previous] === undefined) roles[previous] = {kind: "profile"};
    changed();
  };
  for (const input of [scaleSelect, low, high]) {
    input.onchange = () => {
      scale = readScale();
      changed();
    };
  }
  scaleSelect.value = ["1,5", "1,7"].includes(scale.join(",")) ? scale.join(",") : "custom";
  update();
  return element;
}
