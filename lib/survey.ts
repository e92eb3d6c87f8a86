import type {CaseData, ItemTable} from "./caseData.js";
import {
  attentionCheckRows,
  buildAudit,
  checkAudit,
  defaultStraightLiningMinItems,
  duplicateIdRows,
  flagRows,
  incompleteRows,
  outOfRangeRows,
  straightLiningRows,
  type AttentionCheck,
  type Audit,
  type ResponseTable,
  type RuleResult,
  type ValueRange
} from "./clean.js";
import type {TextEncoding} from "./encoding.js";
import {
  recordRange,
  unmeasuredDimensions,
  validateIndexSystem,
  type Dimension,
  type IndexSystem,
  type Indicator
} from "./indexSystem.js";
import {matchColumns, readSurvey, type ReadProblem} from "./read.js";
import type {Label} from "./types.js";
import {quoteText, shortenText} from "./quote.js";

/** An indicator that a file does not measure, with the items its columns lack. */
export interface UnmeasuredIndicator {
  id: string;
  dimension: string;
  missingItems: string[];
}

/** Coverage of an index system by the columns of one file (see `measuredSystem`). */
export interface Coverage {
  /** The measured part: indicators with every item present, and the dimensions they fill. */
  system: IndexSystem;
  /** File column → item name, for the items of the measured indicators. */
  mapping: Record<string, string>;
  unmeasuredDimensions: Dimension[];
  unmeasuredIndicators: UnmeasuredIndicator[];
  /** File columns that no measured indicator uses, in file order. */
  unusedColumns: string[];
}

function distinctItems(indicators: Indicator[]): string[] {
  return [...new Set(indicators.flatMap((indicator) => indicator.items))];
}

function listNames(names: string[], max = 8): string {
  const shown = names
    .slice(0, max)
    .map((name) => shortenText(name))
    .join(", ");
  return names.length > max ? `${shown}, … (${names.length} in all)` : shown;
}

/**
 * Keeps the part of an index system that a file's columns measure. Columns are paired with
 * items by `matchColumns`. An indicator is measured when every one of its items has a column;
 * a dimension is measured when at least one of its indicators is. The rest is reported as
 * not measured, never filled in.
 *
 * @param columns - the value columns of the file (without the id column)
 * @param file - the file name used in error messages
 * @throws Error when no indicator is measured, naming the file, its columns and some of the
 *   expected item names. Throws as `matchColumns` does when two columns claim one item.
 * @example
 * measuredSystem(defaultIndexSystem, ["F1", "F2", "F3", "age"], "s.csv").system.indicators
 * // [room_quality] (F1, F2); location lacks F4, so it is not measured
 */
export function measuredSystem(system: IndexSystem, columns: string[], file: string): Coverage {
  const match = matchColumns(columns, system);
  const columnOf = new Map(Object.entries(match.mapping).map(([column, item]) => [item, column]));

  const indicators = system.indicators.filter((indicator) =>
    indicator.items.every((item) => columnOf.has(item))
  );
  if (indicators.length === 0) {
    throw new Error(
      `${file} has no columns that measure an indicator of index system ${system.id}: ` +
        `expected columns named after its items, such as ` +
        `${listNames(distinctItems(system.indicators))}; the file's columns are ` +
        listNames(columns)
    );
  }

  const used = new Set(distinctItems(indicators));
  const mapping: Record<string, string> = {};
  for (const [column, item] of Object.entries(match.mapping)) {
    if (used.has(item)) mapping[column] = item;
  }
  const measured = new Set(indicators.map((indicator) => indicator.dimension));
  const part: IndexSystem = {
    ...system,
    dimensions: system.dimensions.filter((dimension) => measured.has(dimension.id)),
    indicators
  };
  return {
    system: part,
    mapping,
    unmeasuredDimensions: unmeasuredDimensions(part, system),
    unmeasuredIndicators: system.indicators
      .filter((indicator) => !indicators.includes(indicator))
      .map((indicator) => ({
        id: indicator.id,
        dimension: indicator.dimension,
        missingItems: indicator.items.filter((item) => !columnOf.has(item))
      })),
    unusedColumns: columns.filter((column) => mapping[column] === undefined)
  };
}

/**
 * Sets the answer scale of every indicator that has one (the survey indicators) to `scale`,
 * e.g. to analyse a 7-point questionnaire with the default system. Record indicators, which
 * have no scale, are unchanged.
 *
 * @throws Error unless `scale` is [min, max] with integers min < max
 * @example
 * setItemScale(defaultIndexSystem, [1, 7]).indicators[0].scale // [1, 7]
 */
export function setItemScale(system: IndexSystem, scale: [number, number]): IndexSystem {
  const [min, max] = scale;
  if (!Number.isInteger(min) || !Number.isInteger(max) || !(min < max)) {
    throw new Error(
      `invalid answer scale ${JSON.stringify(scale)}: expected [min, max] with integers ` +
        "min < max, such as [1, 5] or [1, 7]"
    );
  }
  const indicators = system.indicators.map((indicator) =>
    indicator.scale === undefined
      ? indicator
      : {...indicator, scale: [min, max] as [number, number], unit: `Likert ${min}–${max}`}
  );
  return {...system, indicators};
}

/**
 * Marks `items` reverse-coded (x' = min + max − x) in every survey indicator that has them,
 * in addition to the items the system already marks. Use it for questions worded in
 * reverse, such as "The price was too high" in a battery where agreement is good.
 *
 * @throws Error naming the items that no survey indicator of the system has (record fields
 *   have no scale, so they cannot be reverse-coded)
 * @example
 * reverseItems(defaultIndexSystem, ["E4"]).indicators.find((x) => x.id === "trust").reverse
 * // ["E4"]
 */
export function reverseItems(system: IndexSystem, items: string[]): IndexSystem {
  const surveyItems = new Set(
    system.indicators.filter((x) => x.scale !== undefined).flatMap((x) => x.items)
  );
  const unknown = items.filter((item) => !surveyItems.has(item));
  if (unknown.length > 0) {
    throw new Error(
      `cannot reverse-code ${unknown.map((item) => quoteText(item)).join(", ")}: not a ` +
        `survey item of index system ${system.id}; its survey items are ` +
        listNames([...surveyItems])
    );
  }

  const indicators = system.indicators.map((indicator) => {
    const added = indicator.items.filter((item) => items.includes(item));
    if (added.length === 0) return indicator;
    return {...indicator, reverse: [...new Set([...(indicator.reverse ?? []), ...added])]};
  });
  return {...system, indicators};
}

/** Answer scale of each item of a survey indicator, checked for agreement between indicators. */
function itemScales(system: IndexSystem): Map<string, [number, number]> {
  const scales = new Map<string, [number, number]>();
  const owner = new Map<string, string>();
  for (const indicator of system.indicators) {
    if (indicator.scale === undefined) continue;
    for (const item of indicator.items) {
      const known = scales.get(item);
      if (known && (known[0] !== indicator.scale[0] || known[1] !== indicator.scale[1])) {
        throw new Error(
          `index system ${system.id}: item "${item}" has scale ${known.join("–")} in ` +
            `indicator "${owner.get(item)}" but ${indicator.scale.join("–")} in ` +
            `"${indicator.id}"; give it one scale`
        );
      }
      scales.set(item, indicator.scale);
      owner.set(item, indicator.id);
    }
  }
  return scales;
}

/**
 * Valid range of each record item (see `recordRange`). An item of two indicators keeps the
 * narrower range, so a value is valid only when both indicators accept it.
 */
function itemRanges(system: IndexSystem): Map<string, ValueRange> {
  const ranges = new Map<string, ValueRange>();
  for (const indicator of system.indicators) {
    const range = recordRange(indicator);
    if (range === null) continue;
    for (const item of indicator.items) {
      const known = ranges.get(item);
      ranges.set(
        item,
        known === undefined
          ? range
          : {
            min: Math.max(known.min, range.min),
            max: Math.min(known.max, range.max),
            integer: known.integer === true || range.integer === true
          }
      );
    }
  }
  return ranges;
}

/** Everything besides the table that `buildTableCase` needs. */
export interface TableCaseOptions {
  id: string;
  title: Label;
  source: CaseData["source"];
  /** Respondent or customer id column of the file, or null when ids are line numbers. */
  idColumn: string | null;
  /** AHP judgments; none by default, so AHP gives equal weights at every node. */
  experts?: CaseData["experts"];
  attentionCheck?: AttentionCheck | null;
  /** Minimum number of answered survey items for the straight-lining rule (default 5). */
  straightLiningMinItems?: number;
  /** False switches the straight-lining rule off; it then flags no row and says so. */
  straightLining?: boolean;
}

/**
 * A case built from one table. `items` contains the survey items of the kept rows when they
 * all share one scale, and is absent otherwise (records only, or mixed scales).
 */
export interface TableCaseData extends CaseData {
  audit: Audit;
}

const noExperts: CaseData["experts"] = {
  names: [],
  judgments: [],
  note: "No AHP judgments were given, so every node of the hierarchy has equal weights."
};

/**
 * Builds a case for any index system from a table whose columns are named after the
 * system's items. Cleaning follows the survey loaders, and a row is dropped by the first
 * rule that flags it. The rules, in order: an answer outside its item's scale (survey items
 * only, because record fields have no range), a repeated id, a failed attention check (when
 * one is given), straight-lining over the survey items, and a missing value in any item
 * (listwise). An indicator is the mean of its items after reverse coding
 * (x' = min + max − x). The case is a survey when the system has survey items and records
 * otherwise.
 *
 * @throws Error when the system is invalid (see `validateIndexSystem`), when an item has two
 *   scales, and when an item, the attention-check item or a straight-lining option does not
 *   fit the table (the cleaning rules name the missing column)
 * @example
 * const table = {file: "s.csv", ids: ["1", "2"], columns: ["F1", "F2"],
 *   values: [[4, 2], [5, null]]};
 * buildTableCase(system, table, {id: "s", title, source, idColumn: "id"}).values // [[3]]
 */
export function buildTableCase(
  system: IndexSystem,
  table: ResponseTable,
  options: TableCaseOptions
): TableCaseData {
  validateIndexSystem(system);
  const items = distinctItems(system.indicators);
  const scales = itemScales(system);
  const surveyItems = items.filter((item) => scales.has(item));
  const ranges: Record<string, ValueRange> = {};
  for (const item of surveyItems) {
    const [min, max] = scales.get(item)!;
    ranges[item] = {min, max};
  }

  const rules = [
    outOfRangeRows(table, ranges),
    duplicateIdRows(table.ids, options.idColumn),
    attentionCheckRows(table, options.attentionCheck ?? null),
    straightLiningRule(table, surveyItems, options),
    incompleteRows(table, items)
  ];
  const indexes = items.map((item) => table.columns.indexOf(item));
  const emptyCells = table.values.reduce(
    (sum, row) => sum + indexes.filter((j) => row[j] === null).length,
    0
  );
  const {audit, kept} = buildAudit(table.file, table.ids, rules, [
    {rule: "empty cell → missing answer", count: emptyCells}
  ]);

  const column = new Map(items.map((item, k) => [item, indexes[k]]));
  const values = kept.map((i) =>
    system.indicators.map((indicator) => {
      const [low, high] = indicator.scale ?? [0, 0];
      let sum = 0;
      for (const item of indicator.items) {
        const x = table.values[i][column.get(item)!] as number;
        sum += indicator.reverse?.includes(item) ? low + high - x : x;
      }
      return sum / indicator.items.length;
    })
  );

  const data: TableCaseData = {
    id: options.id,
    title: options.title,
    kind: surveyItems.length > 0 ? "survey" : "records",
    synthetic: false,
    source: options.source,
    system,
    ids: kept.map((i) => table.ids[i]),
    values,
    profile: [],
    experts: options.experts ?? noExperts,
    audit
  };
  const itemTable = surveyItemTable(system, surveyItems, scales, table, kept);
  if (itemTable) data.items = itemTable;
  return data;
}

function straightLiningRule(
  table: ResponseTable,
  surveyItems: string[],
  options: TableCaseOptions
): RuleResult {
  const minItems = options.straightLiningMinItems ?? defaultStraightLiningMinItems;
  const result = straightLiningRows(table, surveyItems, minItems);
  if (options.straightLining !== false) return result;
  return {...result, rows: [], details: [], note: "the rule was switched off"};
}

/**
 * Builds a table case as `buildTableCase` does after a rule of the caller's has dropped
 * rows first, with one audit from the table's rows to the kept ones: the first rule's drops
 * come first, then those of the cleaning rules, then `recoded` and the recodings of
 * `buildTableCase`. A row dropped by the first rule is named as in the table it was given.
 *
 * @throws Error when the first rule drops every row, and as `buildTableCase` does
 * @example
 * const rule = flagRows("problem cell", label, 2, (i) => (i === 0 ? "F1 = x" : null));
 * buildTableCaseAfter(system, table, rule, options).audit.dropped[0].rows // ["1"]
 */
export function buildTableCaseAfter(
  system: IndexSystem,
  table: ResponseTable,
  first: RuleResult,
  options: TableCaseOptions,
  recoded: Audit["recoded"] = []
): TableCaseData {
  const before = buildAudit(table.file, table.ids, [first]);
  const kept = before.kept;
  if (kept.length === 0) {
    const detail = first.details[0] ? ` (first: ${first.details[0]})` : "";
    const rows = table.ids.length === 1 ? "its only row is" : `all ${table.ids.length} rows are`;
    throw new Error(`${table.file}: ${rows} dropped for "${first.reason}"${detail}`);
  }

  const rest: ResponseTable = {
    file: table.file,
    ids: kept.map((i) => table.ids[i]),
    columns: table.columns,
    values: kept.map((i) => table.values[i])
  };
  const data = buildTableCase(system, rest, options);
  const audit: Audit = {
    file: table.file,
    rawRows: table.ids.length,
    keptRows: data.audit.keptRows,
    dropped: [before.audit.dropped[0], ...renumberDrops(data.audit, kept, rest.ids)],
    recoded: [...recoded, ...data.audit.recoded]
  };
  checkAudit(audit);
  return {...data, audit};
}

// buildAudit names a row whose id repeats as "id (row N)", N counted in the table it was
// given. The case is built from the rows left after the first rule, so N is mapped back to
// the row of the whole table.
function renumberDrops(audit: Audit, kept: number[], ids: string[]): Audit["dropped"] {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const rename = new Map<string, string>();
  ids.forEach((id, k) => {
    if (counts.get(id)! > 1) rename.set(`${id} (row ${k + 1})`, `${id} (row ${kept[k] + 1})`);
  });
  return audit.dropped.map((drop) => ({
    ...drop,
    rows: drop.rows.map((row) => rename.get(row) ?? row)
  }));
}

function surveyItemTable(
  system: IndexSystem,
  surveyItems: string[],
  scales: Map<string, [number, number]>,
  table: ResponseTable,
  kept: number[]
): ItemTable | null {
  if (surveyItems.length === 0) return null;
  const scale = scales.get(surveyItems[0])!;
  const oneScale = surveyItems.every((item) => {
    const other = scales.get(item)!;
    return other[0] === scale[0] && other[1] === scale[1];
  });
  if (!oneScale) return null;

  const labelOf = new Map<string, Label>();
  for (const indicator of system.indicators) {
    indicator.items.forEach((item, k) => {
      const suffix = indicator.items.length > 1 ? ` (${k + 1})` : "";
      const {en, zh} = indicator.label;
      if (!labelOf.has(item)) labelOf.set(item, {en: en + suffix, zh: zh + suffix});
    });
  }
  const indexes = surveyItems.map((item) => table.columns.indexOf(item));
  return {
    columns: surveyItems,
    labels: surveyItems.map((item) => labelOf.get(item)!),
    scale,
    values: kept.map((i) => indexes.map((j) => table.values[i][j]))
  };
}

/** Options of `readTableCase`. */
export interface ReadTableCaseOptions extends Omit<TableCaseOptions, "idColumn"> {
  /**
   * Id column of the file. When absent, a column named "id" (any letter case) is the id
   * column if there is one; otherwise rows are identified by their line number.
   */
  idColumn?: string;
  /**
   * Handling of the problem cells of the used columns: unreadable, outside the scale, between
   * two of its points, or a record value outside its range such as −3 nights. "stop" (the
   * default) throws naming the first. "drop" drops their rows, which the audit lists under
   * "problem cell" with each cell's column and reason.
   */
  problemCells?: "stop" | "drop";
}

/** Label of the audit entry of rows dropped for problem cells. */
export const problemCellLabel: Label = {
  en: "Unreadable, out-of-scale or invalid value",
  zh: "无法读取、超出量表或无效的取值"
};

/** Kind of a problem cell, recognised by the reason in the message of `readSurvey`. */
type ProblemKind = "outside scale" | "between points" | "invalid record" | "unreadable";

function problemKind(problem: ReadProblem): ProblemKind {
  const marker = `column ${shortenText(problem.column)}: ${quoteText(problem.value)}`;
  const rest = problem.message.slice(problem.message.indexOf(marker) + marker.length);
  if (/^ is outside the \S+ scale$/.test(rest)) return "outside scale";
  if (rest.startsWith(" is not a whole number, so it is not an answer of")) {
    return "between points";
  }
  if (rest.startsWith(" is not a valid value; expected")) return "invalid record";
  return "unreadable";
}

/** Builds the error for the first problem cell, with the count of further cells of its kind. */
function firstProblemError(problems: ReadProblem[]): Error {
  const kind = problemKind(problems[0]);
  const same = problems.filter((problem) => problemKind(problem) === kind).length;
  const more = same > 1 ? ` (and ${same - 1} more such cells)` : "";
  return new Error(problems[0].message + more);
}

/** A case read from a file, with how its columns cover the system and how it was read. */
export interface ReadTableCase {
  data: TableCaseData;
  coverage: Coverage;
  read: {
    encoding: TextEncoding;
    delimiter: string;
    decimalSeparator: "." | ",";
    idColumn: string | null;
  };
}

/**
 * Reads a survey or records table in any layout that `readSurvey` detects: UTF-8, UTF-16
 * or GB18030, comma, semicolon or tab, decimal point or comma. Then it keeps the part of the
 * index system that the columns measure (see `measuredSystem`) and builds the case (see
 * `buildTableCase`). Survey columns are read on their item's scale, so Likert labels such as
 * "Agree" or "同意" become numbers.
 *
 * Record columns are read with their valid range (see `recordRange`), so −3 room nights,
 * 2.5 nights or a negative amount is a problem cell too.
 *
 * Unlike the survey loaders, which drop a row with an answer outside the scale, a problem
 * cell (unreadable, outside the scale, between two points of it such as 2.5 on 1–5, or an
 * impossible record) stops the reading by default. In a file of unknown layout it more
 * often means that the scale is wrong than that one respondent erred. With
 * `problemCells: "drop"` their rows are dropped instead, first of all rules, and the audit
 * lists them under "problem cell" with the column and reason of each cell.
 *
 * @param bytes - the file's content
 * @param file - the file name used in error messages
 * @throws Error naming file, line, column, value and valid values of the first problem cell
 *   of a used column, with the number of further cells of its kind. With `problemCells`
 *   "drop" it throws only when every row has one. Also throws as `readSurvey`,
 *   `measuredSystem` and `buildTableCase` do.
 * @example
 * const bytes = new TextEncoder().encode("id,F1,F2\n1,4,Agree\n2,2,3\n");
 * readTableCase(bytes, "s.csv", defaultIndexSystem, options).data.values // [[4], [2.5]]
 */
export function readTableCase(
  bytes: Uint8Array,
  file: string,
  system: IndexSystem,
  options: ReadTableCaseOptions
): ReadTableCase {
  validateIndexSystem(system);
  const header = readSurvey(bytes, {file});
  if (options.idColumn !== undefined && !header.columns.includes(options.idColumn)) {
    throw new Error(
      `${file} has no id column ${quoteText(options.idColumn)}; its columns are ` +
        listNames(header.columns, 20)
    );
  }
  const idColumn =
    options.idColumn ?? header.columns.find((column) => column.toLowerCase() === "id") ?? null;
  const columns = header.columns.filter((column) => column !== idColumn);
  const coverage = measuredSystem(system, columns, file);

  // The first pass only finds the columns; the second reads the used ones on their scales.
  const scales = itemScales(coverage.system);
  const ranges = itemRanges(coverage.system);
  const columnScales: Record<string, [number, number]> = {};
  const columnRanges: Record<string, ValueRange> = {};
  for (const [column, item] of Object.entries(coverage.mapping)) {
    const scale = scales.get(item);
    const range = ranges.get(item);
    if (scale) columnScales[column] = scale;
    else if (range) columnRanges[column] = range;
  }
  const table = readSurvey(bytes, {
    file,
    delimiter: header.delimiter,
    decimalSeparator: header.decimalSeparator,
    scale: columnScales,
    ranges: columnRanges,
    ...(idColumn === null ? {} : {idColumn})
  });

  const problems = table.problems.filter((problem) => coverage.mapping[problem.column]);
  const dropProblems = options.problemCells === "drop";
  if (problems.length > 0 && !dropProblems) throw firstProblemError(problems);

  const usedColumns = Object.keys(coverage.mapping);
  const indexes = usedColumns.map((column) => table.columns.indexOf(column));
  const response: ResponseTable = {
    file,
    ids: table.ids,
    columns: usedColumns.map((column) => coverage.mapping[column]),
    values: table.values.map((row) => indexes.map((j) => row[j]))
  };
  const caseOptions = {...options, idColumn};
  return {
    data: dropProblems
      ? buildTableCaseAfter(coverage.system, response, problemRows(table, problems), caseOptions)
      : buildTableCase(coverage.system, response, caseOptions),
    coverage,
    read: {
      encoding: table.encoding,
      delimiter: table.delimiter,
      decimalSeparator: table.decimalSeparator,
      idColumn
    }
  };
}

/** Flags the rows that have problem cells; a row's detail lists each cell's column and reason. */
function problemRows(table: {lines: number[]}, problems: ReadProblem[]): RuleResult {
  const byLine = new Map<number, string[]>();
  for (const problem of problems) {
    const marker = `column ${shortenText(problem.column)}: `;
    const reason = problem.message.slice(problem.message.indexOf(marker));
    byLine.set(problem.line, [...(byLine.get(problem.line) ?? []), reason]);
  }
  return flagRows("problem cell", problemCellLabel, table.lines.length, (i) => {
    return byLine.get(table.lines[i])?.join("; ") ?? null;
  });
}
