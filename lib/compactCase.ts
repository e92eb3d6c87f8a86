import type {CaseData, ProfileVariable} from "./caseData.js";

// A column layout of CaseData for large case files. It stores one array per indicator, not
// one per row. Numbers become integers with a fixed number of decimals, profile variables
// codes into a list of levels, and consecutive integer ids runs. Decoding gives back the
// CaseData that the row layout gives after a trip through JSON.

/** Format tag of a case file in the column layout. A file without one is a plain CaseData. */
export const compactCaseFormat = "compact-case/1";

/** Maximum number of decimals tried when a column is stored as integers. */
const maxDecimals = 6;

/**
 * One column of numbers. With `decimals` d, the stored integers k give the values k / 10^d
 * (a string contains integers 0–9 as one digit each). With `decimals` null, `values` contains
 * the numbers themselves.
 */
export interface CompactColumn {
  decimals: number | null;
  values: number[] | string;
}

/** A profile variable as codes into `levels` (a string contains codes 0–9 as digits). */
export interface CompactProfileVariable {
  name: string;
  label: ProfileVariable["label"];
  levels: (string | null)[];
  codes: number[] | string;
}

/**
 * Row ids: runs of consecutive integers `[first, count]` when every id is an integer written
 * in the usual decimal form, else the ids themselves.
 */
export type CompactIds = {runs: [number, number][]} | string[];

/** A CaseData in the column layout. `rows` is the number of kept rows. */
export interface CompactCase extends Omit<CaseData, "ids" | "values" | "profile"> {
  format: typeof compactCaseFormat;
  rows: number;
  ids: CompactIds;
  columns: CompactColumn[];
  profile: CompactProfileVariable[];
}

/** Packs integers 0–9 into a string of digits and returns other integers as they are. */
function packIntegers(values: number[]): number[] | string {
  return values.every((v) => v >= 0 && v <= 9) ? values.join("") : values;
}

function unpackIntegers(packed: number[] | string, where: string): number[] {
  if (typeof packed !== "string") return packed;
  const values = new Array<number>(packed.length);
  for (let i = 0; i < packed.length; i++) {
    const digit = packed.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) {
      throw new Error(`${where}: character ${i + 1} "${packed[i]}" is not a digit 0–9`);
    }
    values[i] = digit;
  }
  return values;
}

/** Finds the minimum d ≤ 6 for which every value equals round(v·10^d) / 10^d, or null. */
function columnDecimals(values: number[]): number | null {
  for (let d = 0; d <= maxDecimals; d++) {
    const scale = 10 ** d;
    const exact = values.every((v) => {
      const k = Math.round(v * scale);
      return Number.isSafeInteger(k) && k / scale === v;
    });
    if (exact) return d;
  }
  return null;
}

function encodeColumn(values: number[]): CompactColumn {
  const decimals = columnDecimals(values);
  if (decimals === null) return {decimals, values};
  const scale = 10 ** decimals;
  return {decimals, values: packIntegers(values.map((v) => Math.round(v * scale)))};
}

function encodeIds(ids: string[]): CompactIds {
  if (!ids.every((id) => /^(0|-?[1-9]\d{0,14})$/.test(id))) return ids;
  const runs: [number, number][] = [];
  for (const id of ids) {
    const value = Number(id);
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === value) last[1]++;
    else runs.push([value, 1]);
  }
  return {runs};
}

function encodeProfile(variable: ProfileVariable): CompactProfileVariable {
  const index = new Map<string | null, number>();
  const codes = variable.values.map((value) => {
    if (!index.has(value)) index.set(value, index.size);
    return index.get(value)!;
  });
  return {
    name: variable.name,
    label: variable.label,
    levels: [...index.keys()],
    codes: packIntegers(codes)
  };
}

/**
 * Encodes a case in the column layout (see `CompactCase`). A column of numbers is stored as
 * integers k with the minimum d ≤ 6 for which k / 10^d gives back every value exactly, or as
 * the numbers themselves when no such d exists. A profile variable becomes codes into its
 * levels in order of first appearance, and ids "2", "3", "4", "7" the runs [[2, 3], [7, 1]].
 * Items, experts, system and audit are kept as they are. `decodeCase` reverses it.
 *
 * @throws Error naming the row and column of a value that is not a finite number, or a row
 *   whose length differs from the number of indicators
 * @example
 * encodeCase(data).columns[0] // {decimals: 2, values: [7500, 19600, …]} for revenue in EUR
 */
export function encodeCase(data: CaseData): CompactCase {
  const width = data.system.indicators.length;
  data.values.forEach((row, i) => {
    if (row.length !== width) {
      throw new Error(`case ${data.id} row ${i + 1} has ${row.length} values; expected ${width}`);
    }
    const j = row.findIndex((v) => typeof v !== "number" || !Number.isFinite(v));
    if (j >= 0) {
      const column = data.system.indicators[j].id;
      throw new Error(`case ${data.id} row ${i + 1}, column ${column}: ${row[j]} is not a number`);
    }
  });

  const {ids, values, profile, ...rest} = data;
  const columns = data.system.indicators.map((_, j) => encodeColumn(values.map((row) => row[j])));
  return {
    ...rest,
    format: compactCaseFormat,
    rows: values.length,
    ids: encodeIds(ids),
    columns,
    profile: profile.map(encodeProfile)
  };
}

function checkLength(length: number, rows: number, where: string): void {
  if (length !== rows) throw new Error(`${where} has ${length} entries; expected ${rows} rows`);
}

function decodeIds(ids: CompactIds, rows: number, where: string): string[] {
  if (Array.isArray(ids)) {
    checkLength(ids.length, rows, where);
    return ids;
  }
  const result: string[] = [];
  for (const [first, count] of ids.runs) {
    for (let k = 0; k < count; k++) result.push(String(first + k));
  }
  checkLength(result.length, rows, where);
  return result;
}

function decodeColumn(column: CompactColumn, rows: number, where: string): number[] {
  const {decimals} = column;
  if (decimals !== null && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 15)) {
    throw new Error(`${where}: decimals ${decimals} is invalid; expected null or 0–15`);
  }
  const stored = unpackIntegers(column.values, where);
  checkLength(stored.length, rows, where);
  const bad = stored.findIndex((v) => typeof v !== "number" || !Number.isFinite(v));
  if (bad >= 0) throw new Error(`${where} row ${bad + 1}: ${stored[bad]} is not a number`);
  if (decimals === null) return stored;
  const scale = 10 ** decimals;
  return decimals === 0 ? stored : stored.map((k) => k / scale);
}

function decodeProfile(variable: CompactProfileVariable, rows: number, where: string) {
  const codes = unpackIntegers(variable.codes, where);
  checkLength(codes.length, rows, where);
  const values = codes.map((code, i) => {
    if (!(Number.isInteger(code) && code >= 0 && code < variable.levels.length)) {
      throw new Error(
        `${where} row ${i + 1}: code ${code} is outside the ${variable.levels.length} levels`
      );
    }
    return variable.levels[code];
  });
  return {name: variable.name, label: variable.label, values};
}

/**
 * Decodes a case in the column layout back into CaseData, the inverse of `encodeCase`. It
 * gives `values` as rows × indicators, ids as strings and profile variables as level texts.
 *
 * @throws Error naming the case and the part (ids, a column, a profile variable) whose length
 *   differs from `rows`, a code outside the levels, a digit string with another character,
 *   or a `format` other than `compactCaseFormat`
 * @example
 * decodeCase(encodeCase(data)) // equal to JSON.parse(JSON.stringify(data))
 */
export function decodeCase(compact: CompactCase): CaseData {
  const {format, rows, ids, columns, profile, ...rest} = compact;
  const name = `case ${compact.id}`;
  if (format !== compactCaseFormat) {
    throw new Error(`${name} has format "${format}"; expected "${compactCaseFormat}"`);
  }
  const indicators = compact.system.indicators;
  if (columns.length !== indicators.length) {
    throw new Error(`${name} has ${columns.length} columns; expected ${indicators.length}`);
  }

  const decoded = columns.map((column, j) =>
    decodeColumn(column, rows, `${name} column ${indicators[j].id}`)
  );
  const values = Array.from({length: rows}, (_, i) => decoded.map((column) => column[i]));
  return {
    ...rest,
    ids: decodeIds(ids, rows, `${name} ids`),
    values,
    profile: profile.map((v) => decodeProfile(v, rows, `${name} profile ${v.name}`))
  };
}

/**
 * Converts the parsed JSON of a case file into CaseData. It decodes a file in the column
 * layout (one with `format: "compact-case/1"`) and returns any other object as it is.
 *
 * @throws Error when the value is not an object, or as `decodeCase`
 * @example
 * readCaseFile(JSON.parse(text)).values.length // 118558 for the bookings case
 */
export function readCaseFile(parsed: unknown): CaseData {
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    const found = Array.isArray(parsed) ? "an array" : String(parsed);
    throw new Error(`a case file must hold a JSON object; found ${found}`);
  }
  if ("format" in parsed) return decodeCase(parsed as CompactCase);
  return parsed as CaseData;
}
