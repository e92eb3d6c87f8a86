import {csvFormatRows, dsvFormat} from "d3-dsv";
import {strToU8, zipSync} from "fflate";
import {indicatorsBySide} from "./indexSystem.js";
import {syntheticCase} from "./synthetic.js";

/** A table of text cells with its header, as written to a sample file. */
export interface SampleTable {
  header: string[];
  rows: string[][];
}

/** Options of `sampleSurveyTable`. */
export interface SampleSurveyOptions {
  /** Respondents before the synthetic duplicates are added. */
  n?: number;
  seed?: number;
  /** Answers as numbers 1–5, or as English or Chinese agreement labels. */
  answers?: "numbers" | "en" | "zh";
  /** Column names: item names (F1, R3, revenue) or Chinese labels (客房质量1, 年度收入). */
  headers?: "items" | "zh";
}

const agreement = {
  en: ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"],
  zh: ["非常不同意", "不同意", "一般", "同意", "非常同意"]
};

const profileHeaders = {
  items: {id: "id", gender: "gender", channel: "channel"},
  zh: {id: "编号", gender: "性别", channel: "预订渠道"}
};

const genderNames = {
  items: {female: "female", male: "male", "not stated": "not stated"},
  zh: {female: "女", male: "男", "not stated": "未说明"}
} as const;

function formatAnswer(value: number | null, answers: "numbers" | "en" | "zh"): string {
  if (value === null) return "";
  if (answers === "numbers" || !Number.isInteger(value) || value < 1 || value > 5) {
    return String(value);
  }
  return agreement[answers][value - 1];
}

/**
 * Builds a sample survey export from the synthetic teaching case (see `syntheticCase`): an
 * id, gender and booking channel, the answers to every survey item of the default index
 * system, and the customer's stay records. The synthetic defects stay in: duplicated
 * respondents, missing answers, answers outside 1–5 and careless respondents. Items E4 and P2
 * are worded in reverse, so a reader must declare them reverse-coded. Chinese headers name
 * each column after its indicator's label, with the item's number for multi-item
 * indicators (客房质量1), which `matchColumns` maps back to the items.
 *
 * @example sampleSurveyTable({n: 10}).header.slice(0, 4) // ["id", "gender", "channel", "F1"]
 */
export function sampleSurveyTable(options: SampleSurveyOptions = {}): SampleTable {
  const {n = 300, seed = 2026, answers = "numbers", headers = "items"} = options;
  const data = syntheticCase({n, seed, duplicates: 3, incomplete: 6, outOfRange: 4});
  const system = data.system;
  const surveyIndicators = [...indicatorsBySide(system, "crv"), ...indicatorsBySide(system, "hrv")]
    .filter((indicator) => indicator.scale !== undefined);
  const items = surveyIndicators.flatMap((indicator) => indicator.items);
  const records = data.records.columns;
  const nameOf = new Map<string, string>();
  for (const indicator of system.indicators) {
    indicator.items.forEach((item, k) => {
      const suffix = indicator.items.length > 1 ? String(k + 1) : "";
      nameOf.set(item, headers === "zh" ? indicator.label.zh + suffix : item);
    });
  }

  const columnIndex = new Map(data.survey.columns.map((column, j) => [column, j]));
  const profile = (column: string, row: (number | null)[]) => {
    const definition = data.profile.find((entry) => entry.column === column)!;
    const code = row[columnIndex.get(column)!];
    return code === null ? "" : definition.codes[code];
  };
  const recordsById = new Map(data.records.ids.map((id, i) => [id, data.records.values[i]]));
  const names = profileHeaders[headers];
  const header = [names.id, names.gender, names.channel, ...items.map((item) => nameOf.get(item)!)];
  header.push(...records.map((field) => nameOf.get(field)!));

  const rows = data.survey.values.map((row, i) => {
    const id = data.survey.ids[i];
    const gender = profile("gender", row) as keyof (typeof genderNames)["items"];
    const cells = [id, gender === undefined ? "" : genderNames[headers][gender] ?? gender];
    cells.push(profile("channel", row));
    for (const item of items) cells.push(formatAnswer(row[columnIndex.get(item)!], answers));
    const stays = recordsById.get(id) ?? records.map(() => null);
    for (const value of stays) cells.push(value === null ? "" : String(value));
    return cells;
  });
  return {header, rows};
}

/**
 * Builds a sample of stay records from the synthetic teaching case: an id and every record
 * field of the default index system (revenue, room nights, …, no-shows) per customer.
 *
 * @example sampleRecordsTable({n: 10}).rows.length // 10
 */
export function sampleRecordsTable({n = 300, seed = 2026} = {}): SampleTable {
  const data = syntheticCase({n, seed});
  return {
    header: ["id", ...data.records.columns],
    rows: data.records.values.map((row, i) => [data.records.ids[i], ...row.map(String)])
  };
}

/**
 * Writes a sample table as delimited text. With a decimal comma, numbers such as "12.5"
 * become "12,5", as spreadsheets in many European locales write them, which needs a
 * delimiter other than the comma.
 *
 * @throws Error when a decimal comma is asked for with a comma delimiter
 * @example formatTable({header: ["a"], rows: [["1.5"]]}, {delimiter: ";", decimalComma: true})
 * // "a\n1,5\n"
 */
export function formatTable(
  table: SampleTable,
  {delimiter = ",", decimalComma = false}: {delimiter?: string; decimalComma?: boolean} = {}
): string {
  if (decimalComma && delimiter === ",") {
    throw new Error("a decimal comma needs a delimiter other than the comma, such as ';'");
  }
  const rows = decimalComma
    ? table.rows.map((row) =>
        row.map((cell) => (/^-?\d+\.\d+$/.test(cell) ? cell.replace(".", ",") : cell))
      )
    : table.rows;
  const all = [table.header, ...rows];
  const text = delimiter === "," ? csvFormatRows(all) : dsvFormat(delimiter).formatRows(all);
  return text + "\n";
}

let gbkTable: Map<string, number> | null = null;

// Decodes every two-byte GBK sequence once and inverts the result.
function gbkCodes(): Map<string, number> {
  if (gbkTable !== null) return gbkTable;
  const decoder = new TextDecoder("gbk", {fatal: true});
  const codes = new Map<string, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let text: string;
      try {
        text = decoder.decode(pair);
      } catch {
        continue;
      }
      if (text.length === 1 && !codes.has(text)) codes.set(text, (lead << 8) | trail);
    }
  }
  gbkTable = codes;
  return codes;
}

/**
 * Encodes text as GBK, the encoding of Chinese-locale spreadsheet exports: ASCII as one byte,
 * other characters as the two bytes that `TextDecoder("gbk")` decodes to them.
 *
 * @throws Error naming the first character GBK cannot encode
 * @example encodeGbk("编号,F1") // Uint8Array [177, 224, 186, 197, 44, 70, 49]
 */
export function encodeGbk(text: string): Uint8Array {
  const codes = gbkCodes();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = codes.get(char);
    if (pair === undefined) {
      throw new Error(`character "${char}" (U+${code.toString(16).toUpperCase()}) is not in GBK`);
    }
    bytes.push(pair >> 8, pair & 0xff);
  }
  return Uint8Array.from(bytes);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function columnName(index: number): string {
  let name = "";
  for (let k = index + 1; k > 0; k = Math.floor((k - 1) / 26)) {
    name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  }
  return name;
}

function sheetXml(table: SampleTable): string {
  const rows = [table.header, ...table.rows].map((row, i) => {
    const cells = row.map((cell, j) => {
      const ref = `${columnName(j)}${i + 1}`;
      if (cell === "") return "";
      if (/^-?\d+(\.\d+)?$/.test(cell)) return `<c r="${ref}"><v>${cell}</v></c>`;
      return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(cell)}</t></is></c>`;
    });
    return `<row r="${i + 1}">${cells.join("")}</row>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<sheetData>${rows.join("")}</sheetData></worksheet>`
  );
}

const relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

/**
 * Writes a sample table as an XLSX workbook of one sheet named `sheet`: the smallest set of
 * Office Open XML parts (content types, relationships, workbook, worksheet), numbers as
 * numeric cells and other text as inline strings, zipped with fflate.
 *
 * @example writeXlsx({header: ["id", "F1"], rows: [["1", "4"]]}) // Uint8Array starting "PK"
 */
export function writeXlsx(table: SampleTable, sheet = "Responses"): Uint8Array {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ' +
      'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/' +
      'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/' +
      'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels":
      `${xml}<Relationships xmlns="${packageRelationships}">` +
      `<Relationship Id="rId1" Type="${relationships}/officeDocument" ` +
      'Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml":
      `${xml}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
      `xmlns:r="${relationships}"><sheets>` +
      `<sheet name="${escapeXml(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `${xml}<Relationships xmlns="${packageRelationships}">` +
      `<Relationship Id="rId1" Type="${relationships}/worksheet" ` +
      'Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": sheetXml(table)
  };
  const files = Object.fromEntries(
    Object.entries(parts).map(([name, text]) => [name, strToU8(text)])
  );
  // A fixed date keeps the bytes the same on every build.
  return zipSync(files, {level: 6, mtime: new Date(Date.UTC(2026, 0, 1))});
}
