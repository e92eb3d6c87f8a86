import {html} from "npm:htl";
import {ownIndicatorRole} from "../lib/userData.js";
import {libText} from "./analysisText.js";
import {bi, currentLang, onLangChange} from "./i18n.js";
import {localize} from "./localize.js";

function roleValue(role) {
  if (role.kind === "item") return `item:${role.item}`;
  if (role.kind === "indicator") return `own:${role.dimension}`;
  return role.kind;
}

function describeCells(summary) {
  if (!summary) return "";
  const en = [];
  const zh = [];
  if (summary.numbers > 0) {
    const {min, max} = summary;
    const range = min === max ? `${min}` : `${min}–${max}`;
    en.push(`${summary.numbers} numbers (${range})`);
    zh.push(`${summary.numbers} 个数字（${range}）`);
  }
  if (summary.labels > 0) {
    en.push(`${summary.labels} answer labels`);
    zh.push(`${summary.labels} 个作答标签`);
  }
  if (summary.text > 0) {
    en.push(`${summary.text} other text`);
    zh.push(`${summary.text} 个其他文本`);
  }
  if (summary.missing > 0) {
    en.push(`${summary.missing} missing`);
    zh.push(`${summary.missing} 个缺失`);
  }
  return bi(en.join(", "), zh.join("，"));
}

// An option whose text follows the report language.
function option(value, en, zh) {
  return localize(html`<option value=${value}></option>`, {text: {en, zh}});
}

function roleSelect(system, sideNames) {
  const groups = system.dimensions.map((dimension) => {
    const items = system.indicators
      .filter((indicator) => indicator.dimension === dimension.id)
      .flatMap((indicator) =>
        indicator.items.map((item, k) => {
          const count = indicator.items.length;
          const partEn = count > 1 ? ` (${k + 1} of ${count})` : "";
          const partZh = count > 1 ? `（${count} 之 ${k + 1}）` : "";
          const en = `${item} · ${indicator.label.en}${partEn}`;
          const zh = `${item} · ${indicator.label.zh}${partZh}`;
          return option(`item:${item}`, en, zh);
        })
      );
    const side = sideNames[dimension.side];
    const group = html`<optgroup>
      ${items}${option(
        `own:${dimension.id}`,
        `own indicator in ${dimension.label.en}`,
        `${dimension.label.zh}中的自定义指标`
      )}
    </optgroup>`;
    return localize(group, {
      label: {en: `${dimension.label.en} (${side.en})`, zh: `${dimension.label.zh}（${side.zh}）`}
    });
  });
  return html`<select>
    ${option("unused", "not used", "不使用")}
    ${option("profile", "profile (kept as text)", "背景变量（保留为文本）")}
    ${groups}
  </select>`;
}

// Rows made in one go before the page gets a turn. A file of up to this many columns gets
// its table at once. A wider one is made in batches, so that clicks and typing are handled
// between them. Its table is shown once complete, because every change of the shown page
// makes the browser lay it out again and the site's accessibility script scan it.
const rowsPerBatch = 25;

// The role select of every column has the same options, about 60 with the default system.
// One select is made with them and copied for each column, because making each option anew
// took most of the time for a wide file. A copy made after a language change needs the
// options in the new language, so the model is made again then.
function roleSelectFactory(system, sides) {
  let model = null;
  let modelLang = null;
  return () => {
    const lang = currentLang();
    if (model === null || modelLang !== lang) {
      model = roleSelect(system, sides);
      modelLang = lang;
    }
    return model.cloneNode(true);
  };
}

// Above this many columns, a column's select holds only "not used", "profile" and its
// current use until it is focused or pressed, when it gets every option. A file of 400
// columns would otherwise put some 24,000 options on the page, and laying them out again
// after a language change took seconds.
const fullSelectColumns = 60;

function compactRoleSelect(full, value) {
  const select = full.cloneNode(false);
  const keep = new Set(["unused", "profile", value]);
  for (const option of full.querySelectorAll("option")) {
    if (keep.has(option.value)) select.append(option.cloneNode(true));
  }
  return select;
}

/**
 * The settings for reading a user's table, as one input whose value is
 * {idColumn, scale, roles, reverse, delimiter, decimalSeparator} for lib's readUserTable. It
 * starts from the suggestions of an inspection (lib's inspectTable). Per column it shows what
 * the first rows hold and lets the reader choose its use: an item of `system` (matched by
 * name at first), an indicator of its own in a dimension (with its direction and whether it
 * is read on the answer scale), a profile variable, or nothing. Columns on the scale can be
 * marked reverse-coded. It dispatches "input" on every change. Its texts follow the report
 * language without the mapper being made again; `sideNames` gives each side's name as
 * {en, zh}. Its value is complete at once, but the rows of a wide file are made in batches
 * of 25 between turns of the page, with a status line counting them. `data-built` and
 * `data-total` on the element count the rows made and the columns.
 */
export function columnMapper(inspection, system, {sideNames} = {}) {
  const sides = sideNames ?? {
    crv: {en: "CRV", zh: "顾客感知价值"},
    hrv: {en: "HRV", zh: "酒店获得价值"}
  };
  const summaries = new Map(inspection.summaries.map((summary) => [summary.column, summary]));
  const surveyItems = new Set(
    system.indicators.filter((indicator) => indicator.scale).flatMap((indicator) => indicator.items)
  );
  const roles = structuredClone(inspection.roles);
  const reverse = new Set();
  let scale = [...inspection.scale];
  let idColumn = inspection.idColumn;

  const idSelect = html`<select>
    ${option("", "none: rows are named by their line", "无：各行以行号命名")}
    ${inspection.columns.map(
      (column) => html`<option value=${column} selected=${column === idColumn}>${column}</option>`
    )}
  </select>`;
  const scaleSelect = html`<select>
    <option value="1,5">1–5</option>
    <option value="1,7">1–7</option>
    ${option("custom", "other", "其他")}
  </select>`;
  const low = html`<input type="number" step="1" value=${scale[0]} style="width: 4rem">`;
  const high = html`<input type="number" step="1" value=${scale[1]} style="width: 4rem">`;
  localize(low, {"aria-label": {en: "lowest answer of the scale", zh: "量表的最低作答"}});
  localize(high, {"aria-label": {en: "highest answer of the scale", zh: "量表的最高作答"}});
  const custom = html`<span>${bi("from", "从")} ${low} ${bi("to", "到")} ${high}</span>`;

  const newRoleSelect = roleSelectFactory(system, sides);
  const compact = inspection.columns.length > fullSelectColumns;
  const makeRow = (column) => {
    const summary = summaries.get(column);
    let select;
    let expand = () => {};
    if (compact) {
      select = compactRoleSelect(newRoleSelect(), roleValue(roles[column] ?? {kind: "unused"}));
      expand = () => {
        if (select.dataset.compact === undefined) return;
        delete select.dataset.compact;
        const value = select.value;
        select.replaceChildren(...newRoleSelect().childNodes);
        select.value = value;
      };
      select.dataset.compact = "";
      for (const type of ["focus", "pointerdown", "mousedown", "keydown"]) {
        select.addEventListener(type, expand);
      }
    } else {
      select = newRoleSelect();
    }
    localize(select, {"aria-label": {en: `use of column ${column}`, zh: `列 ${column} 的用途`}});
    select.dataset.column = column;
    const direction = html`<select>
      ${option("benefit", "benefit ↑", "效益型 ↑")}${option("cost", "cost ↓", "成本型 ↓")}
    </select>`;
    localize(direction, {"aria-label": {en: `direction of ${column}`, zh: `${column} 的方向`}});
    const scaled = html`<input type="checkbox">`;
    localize(scaled, {
      "aria-label": {en: `${column} is on the answer scale`, zh: `${column} 按作答量表读取`}
    });
    const reversed = html`<input type="checkbox">`;
    localize(reversed, {
      "aria-label": {en: `${column} is reverse-coded`, zh: `${column} 为反向题`}
    });
    reversed.dataset.column = column;
    const own = html`<span class="own-settings">
      ${direction} <label>${scaled} ${bi("on scale", "按量表")}</label></span>`;
    const reverseCell = html`<label>${reversed} ${bi("reverse", "反向")}</label>`;
    const idNote = html`<span class="muted">${bi("id column", "编号列")}</span>`;
    const row = html`<tr data-column=${column}>
      <th scope="row">${column}</th><td>${describeCells(summary)}</td>
      <td class="muted">${summary?.examples.slice(0, 2).join(", ") ?? ""}</td>
      <td>${select}${idNote}</td><td>${own}</td><td>${reverseCell}</td></tr>`;

    const show = () => {
      const role = roles[column] ?? {kind: "unused"};
      const isId = column === idColumn;
      select.hidden = isId;
      idNote.hidden = !isId;
      if (!isId) {
        const value = roleValue(role);
        if (![...select.options].some((o) => o.value === value)) expand();
        select.value = value;
      }
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
      else if (kind === "own") {
        roles[column] = ownIndicatorRole(system, target, summary, scale);
      }
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
  };
  const rows = [];

  const suggested = inspection.scale.join("–");
  const sampled = inspection.sampledRows.toLocaleString("en-US");
  const reasonZh = libText(inspection.scaleReason, "zh");
  const element = html`<div class="column-mapping">
    <div class="column-settings">
      <label>${bi("Id column:", "编号列：")} ${idSelect}</label>
      <label>${bi("Answer scale:", "作答量表：")} ${scaleSelect}</label> ${custom}
      <p class="muted">
        <span lang="en">Suggested scale ${suggested}: ${inspection.scaleReason}.</span>
        <span lang="zh-CN">建议的量表为 ${suggested}：${reasonZh}。</span></p>
    </div>
    <div class="table-scroll"><table>
      <caption class="visually-hidden">${bi(
        "The file's columns and what each is used as",
        "文件的各列及其用途"
      )}</caption>
      <thead><tr><th scope="col">${bi("Column", "列")}</th>
        <th scope="col">${bi(`First ${sampled} rows`, `前 ${sampled} 行`)}</th>
        <th scope="col">${bi("Examples", "示例")}</th><th scope="col">${bi("Use as", "用作")}</th>
        <th scope="col">${bi("Own indicator", "自定义指标")}</th>
        <th scope="col">${bi("Coding", "编码")}</th></tr></thead>
      <tbody></tbody>
    </table></div>
    <p class="muted mapping-progress" role="status"></p>
  </div>`;
  const body = element.querySelector("tbody");
  const status = element.querySelector(".mapping-progress");
  const total = inspection.columns.length;
  element.dataset.total = String(total);
  const tableBox = element.querySelector(".table-scroll");
  const placeholder = document.createComment("");
  tableBox.replaceWith(placeholder);
  // Texts of rows made before a language change follow it only once they are on the page.
  let languageChanged = false;
  const stopListening = onLangChange(() => (languageChanged = true));

  function showTable() {
    placeholder.replaceWith(tableBox);
    stopListening();
    if (!languageChanged) return;
    for (const marked of tableBox.querySelectorAll("[data-local-texts]")) {
      localize(marked, JSON.parse(marked.getAttribute("data-local-texts")));
    }
  }

  function addRows(count) {
    const batch = inspection.columns.slice(rows.length, rows.length + count).map(makeRow);
    for (const row of batch) row.show();
    body.append(...batch.map((r) => r.row));
    rows.push(...batch);
    element.dataset.built = String(rows.length);
    const shown = rows.length.toLocaleString("en-US");
    const all = total.toLocaleString("en-US");
    status.hidden = rows.length === total;
    if (rows.length === total) showTable();
    localize(status, {
      text: {
        en: `Preparing the table: ${shown} of ${all} columns…`,
        zh: `正在准备表格：已完成 ${all} 列中的 ${shown} 列……`
      }
    });
  }

  function addRemainingRows() {
    addRows(rowsPerBatch);
    if (rows.length < total) setTimeout(addRemainingRows, 0);
  }

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
  addRows(rowsPerBatch);
  update();
  if (rows.length < total) setTimeout(addRemainingRows, 0);
  return element;
}
