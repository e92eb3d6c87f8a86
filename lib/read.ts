import {dsvFormat} from "d3-dsv";
import {decodeText, type TextEncoding} from "./encoding.js";
import type {ValueRange} from "./clean.js";
import {describeRange, type IndexSystem} from "./indexSystem.js";
import {foldLabel, likertExamples, likertValue} from "./likert.js";
import {quoteText, shortenText} from "./quote.js";

/** Options of `readSurvey`. Every column named in an option must exist in the file. */
export interface ReadOptions {
  /** File name used in messages; "input" by default. */
  file?: string;
  /** Answer scale [min, max] of every value column, or of the named columns only. */
  scale?: [number, number] | Record<string, [number, number]>;
  /** Answer labels and their values, which take precedence over the built-in Likert labels. */
  labels?: Record<string, number>;
  /**
   * Valid values of columns without a scale, such as record fields: a value outside its
   * range (below min, above max, or not whole when it must be) becomes a problem.
   */
  ranges?: Record<string, ValueRange>;
  /** Reverse-coded columns: x' = min + max − x. Each needs a scale. */
  reverse?: string[];
  /** Column holding the respondent or customer id. */
  idColumn?: string;
  /** Columns kept as text (gender, channel, …) instead of being read as numbers. */
  textColumns?: string[];
  /** Field delimiter, detected among comma, semicolon and tab when absent. */
  delimiter?: string;
  /** Decimal separator, detected when absent (comma only with a semicolon or tab delimiter). */
  decimalSeparator?: "." | ",";
}

/** A cell that could not be used, with its place and the reason. */
export interface ReadProblem {
  /** Id of the row: the id column's value, or "line N" for files without one. */
  row: string;
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  column: string;
  value: string;
  message: string;
}

/** A table read by `readSurvey`. */
export interface SurveyTable {
  file: string;
  /** Value columns in file order, without the id column and the text columns. */
  columns: string[];
  /** One id per row: the id column's value, or "line N" (N = the row's line in the file). */
  ids: string[];
  /** 1-based line of the file where each row starts. */
  lines: number[];
  /** Rows × columns. `null` is a missing answer or a cell listed in `problems`. */
  values: (number | null)[][];
  /** Text columns by name: trimmed values, `null` for a missing cell. */
  text: Record<string, (string | null)[]>;
  /** Missing answers per value column, in `columns` order. Problem cells are not counted. */
  missing: number[];
  encoding: TextEncoding;
  delimiter: string;
  decimalSeparator: "." | ",";
  problems: ReadProblem[];
}

/** Cell texts read as a missing answer, compared after trimming and upper-casing. */
export const missingTokens: ReadonlySet<string> = new Set([
  "",
  "NA",
  "N/A",
  "#N/A",
  "NAN",
  "NULL",
  ".",
  "-",
  "缺失"
]);

const delimiterCandidates = [",", ";", "\t"];
const sampleLength = 1 << 16;

/**
 * Reads a delimited text table (CSV, semicolon-separated or tab-separated) of survey answers
 * or customer records into numbers. The encoding (UTF-8 with or without a byte order mark,
 * UTF-16 with one, else GB18030/GBK), the delimiter and the decimal separator are detected.
 *
 * Each value cell is read as a number with the file's decimal separator, as a missing answer
 * (one of `missingTokens`, which becomes `null` and is counted in `missing`), as a label from
 * `labels`, or as a built-in 5- or 7-point Likert label in English or Chinese mapped onto the
 * column's scale by `likertValue`. Anything else becomes `null` and a problem. A value
 * outside the column's scale also becomes `null` and a problem, and so does a value between
 * two of its points (2.5 on a 1–5 scale), because a scale's answers are min, min + 1, …, max.
 * Values of `reverse` columns on the scale are reverse-coded as min + max − x. A repeated or
 * empty id is a problem too, and its row is kept.
 * Problem messages read like `survey.csv line 17, column Q4: "6" is outside the 1–5 scale`,
 * and quote a cell of more than 40 characters by its start and its length (see `quoteText`).
 *
 * @param bytes - the file's content
 * @throws Error naming the file and line when the bytes are not a table: no text, a header
 *   without data rows, an empty or repeated column name, or a row whose number of fields
 *   differs from the header's. Throws also on misuse: a column named in an option that is
 *   not in the file, an invalid scale, or a reverse-coded column without a scale.
 * @example
 * const bytes = new TextEncoder().encode("id;Q1;Q2\nA;3,5;Agree\nB;NA;9\n");
 * readSurvey(bytes, {file: "s.csv", idColumn: "id", scale: {Q2: [1, 5]}})
 * // {columns: ["Q1", "Q2"], ids: ["A", "B"], values: [[3.5, 4], [null, null]],
 * //  missing: [1, 0], delimiter: ";", decimalSeparator: ",", encoding: "utf-8", problems:
 * //  [{row: "B", line: 3, column: "Q2", value: "9",
 * //    message: 's.csv line 3 (id B), column Q2: "9" is outside the 1–5 scale'}], …}
 */
export function readSurvey(bytes: Uint8Array, options: ReadOptions = {}): SurveyTable {
  const file = options.file ?? "input";
  const {text, encoding} = decodeText(bytes, file);
  if (text.trim() === "") {
    throw new Error(`${file} is empty; expected a header line of column names and data rows`);
  }
  const delimiter = options.delimiter ?? detectDelimiter(text);
  checkDelimiter(delimiter);
  const decimalSeparator = options.decimalSeparator ?? detectDecimalSeparator(text, delimiter);
  if (decimalSeparator !== "." && decimalSeparator !== ",") {
    throw new Error(
      `invalid decimalSeparator ${quoteText(String(decimalSeparator))}: expected "." or ","`
    );
  }

  const reader = new TableReader(file, delimiter, decimalSeparator === ",", options);
  const hasQuotes = text.includes('"');
  let line = 1;
  dsvFormat(delimiter).parseRows(text, (row, index) => {
    const start = line;
    line += 1 + (hasQuotes ? countQuotedLineBreaks(row) : 0);
    if (index === 0) reader.readHeader(row);
    else reader.readRow(row, start);
    return null;
  });

  return reader.finish(encoding, delimiter, decimalSeparator);
}

type CellValue = number | null | false;

class TableReader {
  private header: string[] = [];
  private idIndex = -1;
  private valueIndexes: number[] = [];
  private textIndexes: number[] = [];
  private scales: ([number, number] | undefined)[] = [];
  private reversed: boolean[] = [];
  private ranges: (ValueRange | undefined)[] = [];
  private caches: Map<string, CellValue>[] = [];
  private labels = new Map<string, number>();
  private pendingBlankLines: number[] = [];
  private firstLineOfId = new Map<string, number>();

  private readonly ids: string[] = [];
  private readonly lines: number[] = [];
  private readonly values: (number | null)[][] = [];
  private readonly textValues: (string | null)[][] = [];
  private missing: number[] = [];
  private readonly problems: ReadProblem[] = [];

  constructor(
    private readonly file: string,
    private readonly delimiter: string,
    private readonly decimalComma: boolean,
    private readonly options: ReadOptions
  ) {
    for (const [label, value] of Object.entries(options.labels ?? {})) {
      if (!Number.isFinite(value)) {
        throw new Error(
          `invalid value ${value} for label ${quoteText(label)}: expected a finite number`
        );
      }
      this.labels.set(foldLabel(label), value);
    }
  }

  readHeader(row: string[]): void {
    const names = row.map((name) => name.trim());
    if (names.length === 1 && names[0] === "") {
      throw new Error(`${this.file} line 1 is empty; expected the header line of column names`);
    }
    const seen = new Map<string, number>();
    names.forEach((name, index) => {
      if (name === "") {
        throw new Error(
          `${this.file} line 1: column ${index + 1} has no name; ` +
            `every column needs a unique, non-empty name`
        );
      }
      const previous = seen.get(name);
      if (previous !== undefined) {
        throw new Error(
          `${this.file} line 1: column name ${quoteText(name)} appears twice (columns ` +
            `${previous + 1} and ${index + 1}); column names must be unique`
        );
      }
      seen.set(name, index);
    });
    this.header = names;
    this.planColumns(seen);
  }

  private planColumns(indexOf: Map<string, number>): void {
    const {idColumn, textColumns = [], reverse = [], scale} = this.options;
    if (idColumn !== undefined) this.idIndex = this.requireColumn(idColumn, "idColumn", indexOf);
    const textIndexes = new Set(
      textColumns.map((name) => this.requireColumn(name, "textColumns", indexOf))
    );
    this.textIndexes = [...textIndexes].sort((a, b) => a - b);
    this.valueIndexes = this.header
      .map((_, index) => index)
      .filter((index) => index !== this.idIndex && !textIndexes.has(index));

    const valueNames = new Set(this.valueIndexes.map((index) => this.header[index]));
    const scaleOf = (name: string): [number, number] | undefined => {
      if (scale === undefined) return undefined;
      return Array.isArray(scale) ? scale : scale[name];
    };
    if (scale !== undefined && !Array.isArray(scale)) {
      for (const name of Object.keys(scale)) this.requireValueColumn(name, "scale", valueNames);
    }
    for (const name of reverse) {
      this.requireValueColumn(name, "reverse", valueNames);
      if (scaleOf(name) === undefined) {
        throw new Error(
          `reverse-coded column ${quoteText(name)} needs a scale; pass scale: [min, max]`
        );
      }
    }

    const reversed = new Set(reverse);
    for (const index of this.valueIndexes) {
      const name = this.header[index];
      const columnScale = scaleOf(name);
      if (columnScale !== undefined) checkScale(columnScale, name);
      this.scales.push(columnScale);
      this.ranges.push(this.options.ranges?.[name]);
      this.reversed.push(reversed.has(name));
      this.caches.push(new Map());
    }
    this.missing = this.valueIndexes.map(() => 0);
    this.textValues.push(...this.textIndexes.map(() => []));
  }

  private requireColumn(name: string, option: string, indexOf: Map<string, number>): number {
    const index = indexOf.get(name);
    if (index === undefined) {
      throw new Error(
        `${option} names column ${quoteText(name)}, which is not in ${this.file}; ` +
          `its columns are ${this.header.map((column) => quoteText(column)).join(", ")}`
      );
    }
    return index;
  }

  private requireValueColumn(name: string, option: string, valueNames: Set<string>): void {
    if (!valueNames.has(name)) {
      throw new Error(
        `${option} names column ${quoteText(name)}, which is not a value column of ` +
          `${this.file}; value columns are the columns other than the id column and the text columns`
      );
    }
  }

  readRow(row: string[], line: number): void {
    if (row.length === 1 && row[0] === "") {
      this.pendingBlankLines.push(line);
      return;
    }
    // Blank lines are only allowed at the end, except in a one-column file where they are
    // missing answers.
    for (const blankLine of this.pendingBlankLines) this.readFields([""], blankLine);
    this.pendingBlankLines = [];
    this.readFields(row, line);
  }

  private readFields(row: string[], line: number): void {
    const width = this.header.length;
    if (row.length !== width) {
      const what = row.length === 1 && row[0] === "" ? "is empty" : `has ${row.length} fields`;
      throw new Error(
        `${this.file} line ${line} ${what} but the header has ${width}; every row needs ` +
          `${width} fields separated by ${describeDelimiter(this.delimiter)}, with quotes ` +
          `around values that contain the delimiter`
      );
    }

    const id = this.readId(row, line);
    this.ids.push(id);
    this.lines.push(line);
    this.textIndexes.forEach((index, k) => {
      const cell = row[index].trim();
      this.textValues[k].push(missingTokens.has(cell.toUpperCase()) ? null : cell);
    });

    const count = this.valueIndexes.length;
    const values: (number | null)[] = new Array(count);
    for (let k = 0; k < count; k++) {
      const cell = row[this.valueIndexes[k]];
      let value: CellValue = parseNumber(cell, this.decimalComma);
      if (value !== value) value = this.readText(cell, k);
      if (value === null) {
        this.missing[k]++;
      } else if (value === false) {
        this.report(id, line, k, cell, this.unreadableMessage(cell, k));
        value = null;
      } else {
        value = this.applyScale(value, id, line, k, cell);
      }
      values[k] = value;
    }
    this.values.push(values);
  }

  private readId(row: string[], line: number): string {
    if (this.idIndex < 0) return `line ${line}`;
    const column = this.header[this.idIndex];
    const id = row[this.idIndex].trim();
    if (id === "") {
      const fallback = `line ${line}`;
      this.problems.push({
        row: fallback,
        line,
        column,
        value: "",
        message:
          `${this.file} line ${line}, column ${shortenText(column)}: the id is empty, so ` +
          `the row's id is "${fallback}"`
      });
      return fallback;
    }
    const first = this.firstLineOfId.get(id);
    if (first === undefined) {
      this.firstLineOfId.set(id, line);
    } else {
      this.problems.push({
        row: id,
        line,
        column,
        value: id,
        message: `${this.place(id, line)}, column ${shortenText(column)}: id ` +
          `${quoteText(id)} repeats the id of line ${first}`
      });
    }
    return id;
  }

  private readText(cell: string, k: number): CellValue {
    const cache = this.caches[k];
    const cached = cache.get(cell);
    if (cached !== undefined) return cached;

    const trimmed = cell.trim();
    let value: CellValue = false;
    if (missingTokens.has(trimmed.toUpperCase())) {
      value = null;
    } else {
      const number = parseNumber(trimmed, this.decimalComma);
      if (number === number) value = number;
      else value = this.labels.get(foldLabel(trimmed)) ?? this.builtInLabel(trimmed, k);
    }
    cache.set(cell, value);
    return value;
  }

  private builtInLabel(text: string, k: number): number | false {
    const scale = this.scales[k];
    return (scale && likertValue(text, scale)) ?? false;
  }

  // A scale's answers are its points min, min + 1, …, max: a value between two points, such
  // as 2.5 on 1–5, is a problem like a value outside the scale.
  private applyScale(value: number, id: string, line: number, k: number, cell: string) {
    const scale = this.scales[k];
    if (scale === undefined) return this.applyRange(value, id, line, k, cell);
    const [min, max] = scale;
    if (value < min || value > max) {
      this.report(id, line, k, cell, `${quoteText(cell)} is outside the ${min}–${max} scale`);
      return null;
    }
    if (!Number.isInteger(value - min)) {
      const reason =
        `${quoteText(cell)} is not a whole number, so it is not an answer of the ` +
        `${min}–${max} scale`;
      this.report(id, line, k, cell, reason);
      return null;
    }
    return this.reversed[k] ? min + max - value : value;
  }

  private applyRange(value: number, id: string, line: number, k: number, cell: string) {
    const range = this.ranges[k];
    if (range === undefined) return value;
    const outside = value < range.min || value > range.max;
    if (outside || (range.integer === true && !Number.isInteger(value))) {
      const reason = `${quoteText(cell)} is not a valid value; expected ${describeRange(range)}`;
      this.report(id, line, k, cell, reason);
      return null;
    }
    return value;
  }

  private unreadableMessage(cell: string, k: number): string {
    const scale = this.scales[k];
    const quoted = quoteText(cell);
    if (this.decimalComma && /^\s*[+-]?\d*\.\d+\s*$/.test(cell)) {
      return `${quoted} is not a number in this file, whose decimal separator is ","`;
    }
    if (scale !== undefined) {
      const labels = likertExamples(scale);
      const valid = labels.length > 0 ? ` or one of the labels ${labels.join(", ")}` : "";
      return `${quoted} is not a number or a known answer label; valid answers are the whole ` +
        `numbers ${scale[0]} to ${scale[1]}${valid}`;
    }
    if (this.labels.size > 0) return `${quoted} is neither a number nor one of the given labels`;
    return `${quoted} is not a number`;
  }

  private place(id: string, line: number): string {
    if (this.idIndex < 0) return `${this.file} ${id}`;
    return `${this.file} line ${line} (id ${shortenText(id)})`;
  }

  private report(id: string, line: number, k: number, cell: string, reason: string): void {
    const column = this.header[this.valueIndexes[k]];
    const message = `${this.place(id, line)}, column ${shortenText(column)}: ${reason}`;
    this.problems.push({row: id, line, column, value: cell, message});
  }

  finish(encoding: TextEncoding, delimiter: string, decimalSeparator: "." | ","): SurveyTable {
    if (this.values.length === 0) {
      throw new Error(
        `${this.file} has a header but no data rows; expected at least one row below line 1`
      );
    }
    const text: Record<string, (string | null)[]> = {};
    this.textIndexes.forEach((index, k) => (text[this.header[index]] = this.textValues[k]));
    return {
      file: this.file,
      columns: this.valueIndexes.map((index) => this.header[index]),
      ids: this.ids,
      lines: this.lines,
      values: this.values,
      text,
      missing: this.missing,
      encoding,
      delimiter,
      decimalSeparator,
      problems: this.problems
    };
  }
}

/**
 * Parses a plain decimal number such as "3", "-2.5", "1e3", " 4 ", or "3,5" when `decimalComma`.
 * Returns NaN for anything else. A character scan before `Number` keeps out what `Number`
 * would accept but a table should not ("0x10", "Infinity", "").
 */
function parseNumber(text: string, decimalComma: boolean): number {
  let digits = false;
  let comma = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits = true;
    else if (code === 46) {
      if (decimalComma) return NaN;
    } else if (code === 44) {
      if (!decimalComma) return NaN;
      comma = true;
    } else if (code !== 45 && code !== 43 && code !== 101 && code !== 69 && code !== 32) {
      return NaN;
    }
  }
  if (!digits) return NaN;
  const value = Number(comma ? text.replace(",", ".") : text);
  return Number.isFinite(value) ? value : NaN;
}

function countQuotedLineBreaks(row: string[]): number {
  let breaks = 0;
  for (const field of row) {
    if (field.indexOf("\n") < 0 && field.indexOf("\r") < 0) continue;
    for (let i = 0; i < field.length; i++) {
      const code = field.charCodeAt(i);
      if (code === 10 || (code === 13 && field.charCodeAt(i + 1) !== 10)) breaks++;
    }
  }
  return breaks;
}

/**
 * Picks the delimiter among comma, semicolon and tab that splits the start of the text into
 * the most columns with the same number of fields on every line. Quoted fields are parsed,
 * so delimiters inside quotes do not count. Ties go to the earlier of comma, semicolon, tab.
 */
function detectDelimiter(text: string): string {
  let sample = text;
  let truncated = false;
  if (text.length > sampleLength) {
    sample = text.slice(0, text.lastIndexOf("\n", sampleLength) + 1 || sampleLength);
    truncated = true;
  }

  let best = {delimiter: ",", width: 1, consistent: false};
  for (const delimiter of delimiterCandidates) {
    const rows = dsvFormat(delimiter)
      .parseRows(sample)
      .filter((row) => row.length > 1 || row[0] !== "");
    // The cut may fall inside a quoted field, so the last row of a sample may be partial.
    if (truncated && rows.length > 2) rows.pop();
    const width = rows[0]?.length ?? 1;
    const consistent = rows.every((row) => row.length === width);
    const better =
      consistent === best.consistent ? width > best.width : consistent && width > 1;
    if (better) best = {delimiter, width, consistent};
  }
  return best.delimiter;
}

/**
 * Detects a decimal comma: with a semicolon or tab delimiter, a file whose unquoted fields
 * look like "3,5" more often than like "3.5" uses a comma. A comma-delimited file keeps ".".
 * NOTE: thousands separators are not recognised, so "1,234" in such a file reads as 1.234.
 */
function detectDecimalSeparator(text: string, delimiter: string): "." | "," {
  if (delimiter === ",") return ".";
  const field = (separator: string) => {
    const d = delimiter.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
    const pattern = `(?:^|${d}) *[+-]?\\d*${separator}\\d+ *(?=${d}|\\r|\\n|$)`;
    return new RegExp(pattern, "gm");
  };
  const commaPattern = field(",");
  if (!commaPattern.test(text)) return ".";
  const dotPattern = field("\\.");
  if (!dotPattern.test(text)) return ",";
  // NOTE: when both forms occur, the more frequent one wins and cells of the other become
  // problems.
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  return count(commaPattern) > count(dotPattern) ? "," : ".";
}

function checkDelimiter(delimiter: string): void {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw new Error(
      `invalid delimiter ${JSON.stringify(delimiter)}: expected one character other than a ` +
        `quote or a line break, such as "," ";" or "\\t"`
    );
  }
}

function checkScale(scale: [number, number], column: string): void {
  const valid =
    Array.isArray(scale) &&
    scale.length === 2 &&
    Number.isFinite(scale[0]) &&
    Number.isFinite(scale[1]) &&
    scale[0] < scale[1];
  if (!valid) {
    throw new Error(
      `invalid scale ${JSON.stringify(scale)} for column ${quoteText(column)}: ` +
        `expected [min, max] with finite min < max, such as [1, 5]`
    );
  }
}

function describeDelimiter(delimiter: string): string {
  const names: Record<string, string> = {",": "commas", ";": "semicolons", "\t": "tabs"};
  return names[delimiter] ?? `"${delimiter}"`;
}

/** Result of `matchColumns`: file columns paired with the items of an index system. */
export interface ColumnMatch {
  /** File column → item name. */
  mapping: Record<string, string>;
  /** File columns that match no item, in file order. */
  unmatchedColumns: string[];
  /** Items of the system that no column matches, in system order. */
  unmatchedItems: string[];
}

/**
 * Maps the columns of a file to the items of an index system by name. Names are compared
 * after `foldLabel`, which ignores case, spaces and punctuation. A column matches an item
 * when it has the item's name. Otherwise it may match the only item of a single-item
 * indicator by the indicator's id or its English or Chinese label, or the k-th item of a
 * multi-item indicator by id or label followed by k ("Room quality 2" → F2). An item name
 * beats a label, and a column beaten for its item stays unmatched.
 *
 * @throws Error when two columns match the same item equally well, or when one column
 *   matches the labels of two different items
 * @example
 * matchColumns(["f 1", "客房质量2", "Revenue per year", "age"], defaultIndexSystem)
 * // {mapping: {"f 1": "F1", "客房质量2": "F2", "Revenue per year": "revenue"},
 * //  unmatchedColumns: ["age"], unmatchedItems: ["F3", "F4", …]}
 */
export function matchColumns(columns: string[], system: IndexSystem): ColumnMatch {
  const keys = itemKeys(system);

  const best = new Map<string, {column: string; rank: number}>();
  const unmatched = new Set<string>();
  for (const column of columns) {
    const key = keys.get(foldLabel(column));
    if (key === undefined) {
      unmatched.add(column);
      continue;
    }
    if (key.items.length > 1) {
      throw new Error(
        `column ${quoteText(column)} matches items ` +
          `${key.items.map((item) => `"${item}"`).join(" and ")}` +
          ` of index system ${system.id}; rename the column to one item name`
      );
    }
    const item = key.items[0];
    const current = best.get(item);
    if (current === undefined || key.rank < current.rank) {
      if (current) unmatched.add(current.column);
      best.set(item, {column, rank: key.rank});
    } else if (key.rank === current.rank) {
      throw new Error(
        `columns ${quoteText(current.column)} and ${quoteText(column)} both match item ` +
          `"${item}" of index system ${system.id}; rename or remove one of them`
      );
    } else {
      unmatched.add(column);
    }
  }

  const mapping: Record<string, string> = {};
  for (const [item, {column}] of best) mapping[column] = item;
  return {
    mapping,
    unmatchedColumns: columns.filter((column) => unmatched.has(column)),
    unmatchedItems: system.indicators.flatMap((x) => x.items).filter((item) => !best.has(item))
  };
}

/** Folded names of each item: rank 0 for the item's own name, rank 1 for label-based ones. */
function itemKeys(system: IndexSystem): Map<string, {items: string[]; rank: number}> {
  const keys = new Map<string, {items: string[]; rank: number}>();
  const add = (name: string, item: string, rank: number) => {
    const key = foldLabel(name);
    const entry = keys.get(key);
    if (entry === undefined || rank < entry.rank) keys.set(key, {items: [item], rank});
    else if (rank === entry.rank && !entry.items.includes(item)) entry.items.push(item);
  };

  for (const indicator of system.indicators) {
    for (const item of indicator.items) add(item, item, 0);
  }
  for (const indicator of system.indicators) {
    const names = [indicator.id, indicator.label.en, indicator.label.zh];
    indicator.items.forEach((item, k) => {
      const suffix = indicator.items.length === 1 ? "" : String(k + 1);
      for (const name of names) add(name + suffix, item, 1);
    });
  }
  return keys;
}
