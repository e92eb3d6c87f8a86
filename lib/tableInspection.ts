import {csvFormatRows} from "d3-dsv";
import {decodeText, type TextEncoding} from "./encoding.js";
import type {IndexSystem} from "./indexSystem.js";
import {foldLabel, likertValue} from "./likert.js";
import {matchColumns, readSurvey, type ReadProblem, type SurveyTable} from "./read.js";
import {shortenText} from "./quote.js";
import type {ColumnRole} from "./userData.js";

/** Counts of the kinds of cell in the first rows of a column, from `inspectTable`. */
export interface ColumnSummary {
  column: string;
  /** Cells read as numbers. */
  numbers: number;
  /** Cells that are answer labels of a 5- or 7-point Likert scale, such as "Agree" or "同意". */
  labels: number;
  /** Other text cells. */
  text: number;
  missing: number;
  min: number | null;
  max: number | null;
  /** Numbers above 5, which a 5-point scale does not allow. */
  aboveFive: number;
  /** Largest value of the answer labels read on a 1–5 scale (1–7 for 7-point labels). */
  labelMax: number | null;
  /** Up to three distinct texts that are not numbers, each cut to 40 characters. */
  examples: string[];
}

/** The layout of a user's table and suggested settings, from its first rows. */
export interface TableInspection {
  file: string;
  encoding: TextEncoding;
  delimiter: string;
  decimalSeparator: "." | ",";
  /** Every column of the header, in file order. */
  columns: string[];
  /** Data rows in the file (lines after the header that are not blank). */
  rowCount: number;
  /** Data rows the summaries are based on. */
  sampledRows: number;
  summaries: ColumnSummary[];
  /** Suggested id column, or null when rows are to be identified by line. */
  idColumn: string | null;
  /** Suggested role of every column except the id column. */
  roles: Record<string, ColumnRole>;
  /** Suggested answer scale and why. */
  scale: [number, number];
  scaleReason: string;
  /** Things the suggestion could not settle, such as two columns claiming one item. */
  notes: string[];
}

const idNames = new Set(
  ["id", "respondent", "respondentid", "customer", "customerid", "guestid", "编号", "序号",
    "客户编号", "受访者编号", "样本编号"].map(foldLabel)
);

/**
 * Picks the id column of a table by its name. It is the first column called "id",
 * "respondent", "customer id", "编号", "序号", "客户编号" and the like, ignoring letter case,
 * spaces and punctuation. Null means there is none, so rows are identified by line.
 *
 * @example suggestIdColumn(["编号", "F1"]) // "编号"
 */
export function suggestIdColumn(columns: readonly string[]): string | null {
  return columns.find((column) => idNames.has(foldLabel(column))) ?? null;
}

const sampleRowsDefault = 2000;

function describeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).replace(/[\r\n]+/g, " ");
}

/**
 * Writes the rows of a spreadsheet, as an XLSX reader returns them (arrays of numbers,
 * strings, booleans, dates and nulls), as CSV text that `readSurvey` reads. Numbers keep
 * JavaScript's shortest exact form, dates become ISO dates, line breaks inside a cell become
 * spaces (so each row stays one line and problem line numbers are sheet row numbers), and
 * short rows are padded. Trailing empty rows are dropped.
 *
 * @throws Error when the sheet has no rows
 * @example sheetToCsv([["id", "Q1"], [1, 3.5], [2, null]]) // "id,Q1\n1,3.5\n2,\n"
 */
export function sheetToCsv(rows: readonly (readonly unknown[])[]): string {
  const cells = rows.map((row) => row.map(describeCell));
  while (cells.length > 0 && cells[cells.length - 1].every((cell) => cell === "")) cells.pop();
  if (cells.length === 0) {
    throw new Error("the sheet is empty; expected a header row and data rows");
  }

  const width = Math.max(...cells.map((row) => row.length));
  const padded = cells.map((row) => [...row, ...new Array<string>(width - row.length).fill("")]);
  return csvFormatRows(padded) + "\n";
}

function cutLines(text: string, lines: number): {text: string; truncated: boolean} {
  let index = -1;
  for (let k = 0; k < lines; k++) {
    index = text.indexOf("\n", index + 1);
    if (index < 0) return {text, truncated: false};
  }
  return {text: text.slice(0, index + 1), truncated: index + 1 < text.length};
}

function countRows(text: string): number {
  let rows = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (line.trim() !== "") rows++;
    if (end < 0) break;
    start = end + 1;
  }
  return Math.max(0, rows - 1);
}

function summarize(table: SurveyTable): ColumnSummary[] {
  const byColumn = new Map<string, ReadProblem[]>();
  for (const problem of table.problems) {
    byColumn.set(problem.column, [...(byColumn.get(problem.column) ?? []), problem]);
  }
  return table.columns.map((column, j) => {
    let numbers = 0;
    let aboveFive = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const row of table.values) {
      const value = row[j];
      if (value === null) continue;
      numbers++;
      if (value > 5) aboveFive++;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    const texts = (byColumn.get(column) ?? []).map((problem) => problem.value.trim());
    // Examples are shown beside the column, so a cell of megabytes is cut.
    const examples = [...new Set(texts)].slice(0, 3).map((text) => shortenText(text));
    const isLabel = (text: string) =>
      likertValue(text, [1, 5]) !== undefined || likertValue(text, [1, 7]) !== undefined;
    const labels = texts.filter(isLabel).length;
    const labelValues = texts
      .map((text) => likertValue(text, [1, 5]) ?? likertValue(text, [1, 7]))
      .filter((value): value is number => value !== undefined);
    return {
      column,
      numbers,
      labels,
      text: texts.length - labels,
      missing: table.missing[j],
      min: numbers > 0 ? min : null,
      max: numbers > 0 ? max : null,
      aboveFive,
      labelMax: labelValues.length > 0 ? Math.max(...labelValues) : null,
      examples
    };
  });
}

// Labels that only the 7-point tables know, such as "mostly agree" or "有些同意".
function sevenPointOnly(text: string): boolean {
  return likertValue(text, [1, 7]) !== undefined && likertValue(text, [1, 5]) === undefined;
}

// Share of a survey's answers that may lie above 5 before the file counts as a
// 7-point survey rather than a 5-point one with data-entry errors.
const errorShare = 0.02;

function suggestScale(
  summaries: ColumnSummary[],
  surveyColumns: Set<string>,
  examples: string[]
): {scale: [number, number]; reason: string} {
  const answered = summaries.filter((summary) => surveyColumns.has(summary.column));
  // Answer labels count as answers within 1–5, unless they are 7-point labels.
  const numbers = answered.reduce((sum, summary) => sum + summary.numbers + summary.labels, 0);
  const above = answered.reduce((sum, summary) => sum + summary.aboveFive, 0);
  // Labels count as answers too, so a file of "Strongly agree" has 5 as its largest answer.
  const max = Math.max(
    0,
    ...answered.map((summary) => Math.max(summary.max ?? 0, summary.labelMax ?? 0))
  );
  if (examples.some(sevenPointOnly)) {
    return {scale: [1, 7], reason: "answer labels of a 7-point scale were found"};
  }
  if (numbers === 0) {
    return {
      scale: [1, 5],
      reason: "no matched survey item has answers, and 1–5 is the most common scale"
    };
  }
  if (above > errorShare * numbers && max <= 7) {
    return {
      scale: [1, 7],
      reason: `${above} of ${numbers} answers to matched survey items are above 5`
    };
  }
  if (above > 0) {
    return {
      scale: [1, 5],
      reason:
        `only ${above} of ${numbers} answers to matched survey items are above 5 ` +
        `(up to ${max}), which looks like data-entry errors; they are listed as problems`
    };
  }
  return {scale: [1, 5], reason: `the largest answer to a matched survey item is ${max}`};
}

/**
 * Reads the first rows of a user's table (default 2,000) to show its layout and suggest how
 * to read it. The encoding, delimiter and decimal separator are detected as `readSurvey`
 * does. Each column is summarized by how many cells are numbers, Likert answer labels, other
 * text or missing. The suggestion names as id column a column called "id", "respondent",
 * "编号" and the like; columns named after items of `system` (see `matchColumns`) become
 * items; columns of mostly other text become profile variables; the rest stay unused. The
 * scale is 1–7 when matched items hold answers above 5 or 7-point labels, else 1–5.
 *
 * @throws Error as `decodeText` and `readSurvey` do when the bytes are not a table
 * @example inspectTable(bytes, "s.csv", defaultIndexSystem).roles.F1 // {kind: "item", item: "F1"}
 */
export function inspectTable(
  bytes: Uint8Array,
  file: string,
  system: IndexSystem,
  {sampleRows = sampleRowsDefault}: {sampleRows?: number} = {}
): TableInspection {
  const {text, encoding} = decodeText(bytes, file);
  let sample = cutLines(text, sampleRows + 1);
  let table: SurveyTable;
  try {
    table = readSurvey(new TextEncoder().encode(sample.text), {file});
  } catch (error) {
    // The cut may fall inside a quoted field that spans lines; a shorter sample avoids it.
    if (!sample.truncated) throw error;
    sample = cutLines(text, Math.max(2, Math.floor(sampleRows / 2)));
    table = readSurvey(new TextEncoder().encode(sample.text), {file});
  }

  const summaries = summarize(table);
  const idColumn = suggestIdColumn(table.columns);
  const valueColumns = table.columns.filter((column) => column !== idColumn);
  const notes: string[] = [];
  let mapping: Record<string, string> = {};
  try {
    mapping = matchColumns(valueColumns, system).mapping;
  } catch (error) {
    notes.push(`${(error as Error).message}; no column was matched to an item`);
  }

  const surveyItems = new Set(
    system.indicators.filter((x) => x.scale !== undefined).flatMap((x) => x.items)
  );
  const surveyColumns = new Set<string>();
  const roles: Record<string, ColumnRole> = {};
  const examples: string[] = [];
  for (const summary of summaries) {
    if (summary.column === idColumn) continue;
    const item = mapping[summary.column];
    const filled = summary.numbers + summary.labels + summary.text;
    if (item !== undefined) {
      roles[summary.column] = {kind: "item", item};
      if (surveyItems.has(item)) {
        surveyColumns.add(summary.column);
        examples.push(...summary.examples);
      }
    } else if (filled > 0 && summary.text / filled > 0.5) {
      roles[summary.column] = {kind: "profile"};
    } else {
      roles[summary.column] = {kind: "unused"};
    }
  }
  const {scale, reason} = suggestScale(summaries, surveyColumns, examples);
  return {
    file,
    encoding,
    delimiter: table.delimiter,
    decimalSeparator: table.decimalSeparator,
    columns: table.columns,
    rowCount: countRows(text),
    sampledRows: table.ids.length,
    summaries,
    idColumn,
    roles,
    scale,
    scaleReason: reason,
    notes
  };
}
