import type {Recode} from "./caseData.js";
import {flagRows, type ResponseTable, type ValueRange} from "./clean.js";
import {
  recordRange,
  validateIndexSystem,
  type IndexSystem,
  type Indicator
} from "./indexSystem.js";
import {foldLabel} from "./likert.js";
import {readSurvey, type ReadProblem, type SurveyTable} from "./read.js";
import {cronbachAlpha} from "./reliability.js";
import {
  buildTableCaseAfter,
  setItemScale,
  type TableCaseData,
  type UnmeasuredIndicator
} from "./survey.js";
import type {ColumnSummary} from "./tableInspection.js";
import type {Direction} from "./types.js";
import {quoteText, shortenText} from "./quote.js";

/**
 * How one column of a user's file is used: as an item of the index system, as an indicator
 * of its own in a dimension (read on the answer scale when `scaled`, else as a number), as a
 * profile variable kept as text, or not at all. The id column is chosen apart.
 */
export type ColumnRole =
  | {kind: "item"; item: string}
  | {kind: "indicator"; dimension: string; direction: Direction; scaled: boolean}
  | {kind: "profile"}
  | {kind: "unused"};

/** The index system a user's column roles make, and where each item is read from. */
export interface UserSystem {
  /** Measured indicators of the base system (on the chosen scale) and the user's own. */
  system: IndexSystem;
  /** Item name → file column, for every item of `system`. */
  columnOf: Record<string, string>;
  /** Indicators of the base system that some but not all of their items' columns map to. */
  unmeasured: UnmeasuredIndicator[];
  /** File columns read on the answer scale. */
  scaledColumns: string[];
}

/** Options of `readUserTable`. */
export interface UserTableOptions {
  file: string;
  delimiter?: string;
  decimalSeparator?: "." | ",";
  idColumn: string | null;
  roles: Record<string, ColumnRole>;
  scale: [number, number];
  /** Columns whose answers are reverse-coded (x' = min + max − x); they must be scaled. */
  reverse: string[];
}

/** A user's table as read for the analysis, with the cells that could not be used. */
export interface UserTable {
  table: SurveyTable;
  user: UserSystem;
  /** Unreadable or out-of-scale cells of the used columns. */
  problems: ReadProblem[];
  options: UserTableOptions;
}

/** Problems of one column that share a value and a reason, such as every "6" in Q4. */
export interface ProblemGroup {
  key: string;
  column: string;
  value: string;
  reason: string;
  count: number;
  /** Ids and file lines of the first rows, for display. */
  rows: string[];
  lines: number[];
}

/**
 * The handling of the cells of a problem group. "drop" drops their rows. "missing" treats
 * them as missing answers, so the completeness rule drops their rows when the column is used.
 * "replace" puts in a value given on the file's scale, to which reverse coding is applied.
 */
export type ProblemAction =
  | {action: "drop"}
  | {action: "missing"}
  | {action: "replace"; value: number};

/** Reliability of one dimension's survey items, or why it could not be computed. */
export interface DimensionReliability {
  dimension: string;
  items: string[];
  alpha: number | null;
  message: string | null;
}

function defaultDirection(dimension: string): Direction {
  // Perceived sacrifice and relationship cost are measured by cost indicators.
  return dimension === "sacrifice" || dimension === "cost" ? "cost" : "benefit";
}

/**
 * Suggests the role of a column that the user makes an indicator of its own in `dimension`.
 * Its direction is cost in perceived sacrifice and relationship cost, else benefit. It is
 * read on the answer scale when it holds answer labels or its numbers fit the scale.
 *
 * @example ownIndicatorRole(system, "service", summary, [1, 5]).direction // "benefit"
 */
export function ownIndicatorRole(
  system: IndexSystem,
  dimension: string,
  summary: ColumnSummary | undefined,
  scale: [number, number]
): ColumnRole {
  const fits =
    summary === undefined ||
    summary.labels > 0 ||
    (summary.min !== null && summary.min >= scale[0] && (summary.max ?? 0) <= scale[1]);
  return {kind: "indicator", dimension, direction: defaultDirection(dimension), scaled: fits};
}

/**
 * Builds the index system that a user's column roles measure. An indicator of `base` is kept
 * when a column is mapped to every one of its items, and is listed in `unmeasured` when only
 * some are. A column made an indicator of its own becomes a one-item indicator named after
 * the column in the chosen dimension. Survey indicators are put on `scale`. Dimensions
 * without indicators are left out.
 *
 * @throws Error when two columns are mapped to one item, a role names an unknown item or
 *   dimension, no column measures an indicator, or the system is invalid
 * @example
 * userIndexSystem(defaultIndexSystem, {A: {kind: "item", item: "F1"},
 *   B: {kind: "item", item: "F2"}}, [1, 5]).system.indicators[0].id // "room_quality"
 */
export function userIndexSystem(
  base: IndexSystem,
  roles: Record<string, ColumnRole>,
  scale: [number, number]
): UserSystem {
  const scaled = setItemScale(base, scale);
  const knownItems = new Set(scaled.indicators.flatMap((indicator) => indicator.items));
  const dimensionIds = new Set(scaled.dimensions.map((dimension) => dimension.id));
  const columnOf: Record<string, string> = {};
  for (const [column, role] of Object.entries(roles)) {
    if (role.kind === "item") {
      if (!knownItems.has(role.item)) {
        throw new Error(
          `column ${quoteText(column)} is mapped to item ${quoteText(role.item)}, which ` +
            `index system ${base.id} does not have`
        );
      }
      if (columnOf[role.item] !== undefined) {
        throw new Error(
          `columns ${quoteText(columnOf[role.item])} and ${quoteText(column)} are both ` +
            `mapped to item "${role.item}"; map one of them to another item or leave it unused`
        );
      }
      columnOf[role.item] = column;
    } else if (role.kind === "indicator" && !dimensionIds.has(role.dimension)) {
      throw new Error(
        `column ${quoteText(column)} is made an indicator of dimension ` +
          `${quoteText(role.dimension)}, which index system ${base.id} does not have`
      );
    }
  }

  const indicators: Indicator[] = scaled.indicators.filter((indicator) =>
    indicator.items.every((item) => columnOf[item] !== undefined)
  );
  const unmeasured = scaled.indicators
    .filter((indicator) => !indicators.includes(indicator))
    .filter((indicator) => indicator.items.some((item) => columnOf[item] !== undefined))
    .map((indicator) => ({
      id: indicator.id,
      dimension: indicator.dimension,
      missingItems: indicator.items.filter((item) => columnOf[item] === undefined)
    }));
  const measuredItems = new Set(indicators.flatMap((indicator) => indicator.items));
  for (const item of Object.keys(columnOf)) {
    if (!measuredItems.has(item)) delete columnOf[item];
  }

  const usedIds = new Set(scaled.indicators.map((indicator) => indicator.id));
  const scaledColumns = indicators
    .filter((indicator) => indicator.scale !== undefined)
    .flatMap((indicator) => indicator.items.map((item) => columnOf[item]));
  for (const [column, role] of Object.entries(roles)) {
    if (role.kind !== "indicator") continue;
    let item = column;
    while (knownItems.has(item) || columnOf[item] !== undefined) item = `${item} (own)`;
    let id = `own_${foldLabel(column) || "column"}`;
    while (usedIds.has(id)) id = `${id}_`;
    usedIds.add(id);
    columnOf[item] = column;
    indicators.push({
      id,
      dimension: role.dimension,
      label: {en: column, zh: column},
      direction: role.direction,
      items: [item],
      ...(role.scaled ? {scale, unit: `Likert ${scale[0]}–${scale[1]}`} : {})
    });
    if (role.scaled) scaledColumns.push(column);
  }
  if (indicators.length === 0) {
    throw new Error(
      "no column measures an indicator: map columns to items of the index system (every " +
        "item of an indicator needs a column) or make columns indicators of a dimension"
    );
  }

  const measured = new Set(indicators.map((indicator) => indicator.dimension));
  const order = new Map(scaled.dimensions.map((dimension, k) => [dimension.id, k]));
  indicators.sort((a, b) => order.get(a.dimension)! - order.get(b.dimension)!);
  const system: IndexSystem = {
    ...scaled,
    id: `${base.id}-user`,
    dimensions: scaled.dimensions.filter((dimension) => measured.has(dimension.id)),
    indicators
  };
  validateIndexSystem(system);
  return {system, columnOf, unmeasured, scaledColumns};
}

/**
 * Reads a user's whole table for the analysis with the roles chosen for its columns. The id
 * column, profile columns and unused columns are read as text. Items and own indicators are
 * read as numbers, on the answer scale when scaled, with Likert labels read and
 * reverse-coded columns recoded. Unreadable and out-of-scale cells of the used columns, and
 * record values outside their range (see `recordRange`), are returned as `problems`, and
 * their cells are null. Repeated ids are not problems here,
 * because the cleaning rule for duplicate ids drops them with a reason.
 *
 * @throws Error when a reverse-coded column is not read on the scale, and as
 *   `userIndexSystem` and `readSurvey` do
 * @example readUserTable(bytes, defaultIndexSystem, options).problems[0].message
 * // 's.csv line 4 (id r3), column F2: "6" is outside the 1–5 scale'
 */
export function readUserTable(
  bytes: Uint8Array,
  base: IndexSystem,
  options: UserTableOptions
): UserTable {
  const user = userIndexSystem(base, options.roles, options.scale);
  const used = new Set(Object.values(user.columnOf));
  const scaled = new Set(user.scaledColumns);
  for (const column of options.reverse) {
    if (!scaled.has(column)) {
      throw new Error(
        `column ${quoteText(column)} is marked reverse-coded but is not read on the answer ` +
          "scale; only survey items on the scale can be reverse-coded"
      );
    }
  }
  const textColumns = Object.keys(options.roles).filter(
    (column) => column !== options.idColumn && !used.has(column)
  );
  const scale: Record<string, [number, number]> = {};
  for (const column of scaled) scale[column] = options.scale;
  // Record fields off the scale keep their valid range, so −3 room nights is a problem.
  const ranges: Record<string, ValueRange> = {};
  for (const indicator of user.system.indicators) {
    const range = recordRange(indicator);
    if (range === null) continue;
    for (const item of indicator.items) {
      const column = user.columnOf[item];
      if (column !== undefined && !scaled.has(column)) ranges[column] = range;
    }
  }

  const table = readSurvey(bytes, {
    file: options.file,
    ...(options.idColumn === null ? {} : {idColumn: options.idColumn}),
    textColumns,
    scale,
    ranges,
    reverse: options.reverse,
    ...(options.delimiter === undefined ? {} : {delimiter: options.delimiter}),
    ...(options.decimalSeparator === undefined ? {} : {decimalSeparator: options.decimalSeparator})
  });
  const problems = table.problems.filter((problem) => used.has(problem.column));
  return {table, user, problems, options};
}

function reasonOf(problem: ReadProblem): string {
  const marker = `column ${shortenText(problem.column)}: `;
  const at = problem.message.indexOf(marker);
  return at < 0 ? problem.message : problem.message.slice(at + marker.length);
}

/** Key of the problem group of a cell: its column and its value as written. */
export function problemKey(problem: Pick<ReadProblem, "column" | "value">): string {
  return `${problem.column}\u0000${problem.value.trim()}`;
}

/**
 * Groups problems by column and value, so that every "6" of one column can be handled at
 * once. Groups keep the order of their first cell; each lists its first five rows.
 *
 * @example groupProblems(problems)[0] // {column: "F2", value: "6", count: 12, reason: …}
 */
export function groupProblems(problems: readonly ReadProblem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    const key = problemKey(problem);
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        key,
        column: problem.column,
        value: problem.value.trim(),
        reason: reasonOf(problem),
        count: 0,
        rows: [],
        lines: []
      };
      groups.set(key, group);
    }
    group.count++;
    if (group.rows.length < 5) {
      group.rows.push(problem.row);
      group.lines.push(problem.line);
    }
  }
  return [...groups.values()];
}

/**
 * Builds the case of a user's table after the problems are handled, with one audit from
 * raw rows to kept rows. Each problem group gets its action from `decisions` (by group key)
 * or `fallback`. Rows of "drop" groups are dropped first, with the reason "problem cell" and
 * the cell's message. "missing" cells stay empty answers. "replace" cells take the value,
 * recoded like the column. Then the cleaning rules of `buildTableCase` run (out of range,
 * duplicate id, straight-lining, incomplete). The audit records the dropped rows of every
 * rule and the recoded cells, and rawRows = keptRows + Σ dropped holds.
 *
 * @throws Error naming the group when a replacement is not a finite number, or not a whole
 *   number of the column's scale for a scaled column, when no row is left, and as
 *   `buildTableCase` does
 * @example buildUserCase(read, {}, {action: "drop"}).audit.rawRows // every data row
 */
export function buildUserCase(
  read: UserTable,
  decisions: Record<string, ProblemAction>,
  fallback: ProblemAction = {action: "drop"}
): TableCaseData {
  const {table, user, problems, options} = read;
  const scaled = new Set(user.scaledColumns);
  const reversed = new Set(options.reverse);
  const columnIndex = new Map(table.columns.map((column, j) => [column, j]));
  const [low, high] = options.scale;

  const dropDetail = new Map<number, string>();
  const edits: {i: number; j: number; value: number}[] = [];
  const counts = {missing: 0, replaced: 0};
  const rowOf = new Map(table.lines.map((line, i) => [line, i]));
  for (const problem of problems) {
    const i = rowOf.get(problem.line)!;
    const decision = decisions[problemKey(problem)] ?? fallback;
    if (decision.action === "drop") {
      if (!dropDetail.has(i)) dropDetail.set(i, reasonOf(problem));
    } else if (decision.action === "missing") {
      counts.missing++;
    } else {
      const value = decision.value;
      const inScale =
        !scaled.has(problem.column) ||
        (value >= low && value <= high && Number.isInteger(value - low));
      if (typeof value !== "number" || !Number.isFinite(value) || !inScale) {
        const expected = scaled.has(problem.column)
          ? `a whole number from ${low} to ${high}`
          : "a finite number";
        throw new Error(
          `replacement for ${quoteText(problem.value)} in column ` +
            `${shortenText(problem.column)} is ${shortenText(String(value))}; ` +
            `expected ${expected}`
        );
      }
      const recoded = reversed.has(problem.column) ? low + high - value : value;
      edits.push({i, j: columnIndex.get(problem.column)!, value: recoded});
      counts.replaced++;
    }
  }

  const userRule = flagRows(
    "problem cell",
    {
      en: "Unreadable or out-of-scale answer (dropped as chosen)",
      zh: "无法读取或超出量表的作答（按选择删除）"
    },
    table.ids.length,
    (i) => dropDetail.get(i) ?? null
  );
  const values = table.values.map((row) => row);
  for (const {i, j, value} of edits) {
    if (values[i] === table.values[i]) values[i] = [...table.values[i]];
    values[i][j] = value;
  }
  const itemColumns = Object.entries(user.columnOf);
  const indexes = itemColumns.map(([, column]) => columnIndex.get(column)!);
  const response: ResponseTable = {
    file: options.file,
    ids: table.ids,
    columns: itemColumns.map(([item]) => item),
    values: values.map((row) => indexes.map((j) => row[j]))
  };

  const recoded: Recode[] = [];
  if (counts.missing > 0) {
    recoded.push({rule: "problem cell → missing answer", count: counts.missing});
  }
  if (counts.replaced > 0) {
    recoded.push({rule: "problem cell → value given", count: counts.replaced});
  }
  const caseOptions = {
    id: "your-data",
    title: {en: `Your data: ${options.file}`, zh: `您的数据：${options.file}`},
    source: {citation: `${options.file}, read in the browser`, licence: "the user's own data"},
    idColumn: options.idColumn
  };
  return buildTableCaseAfter(user.system, response, userRule, caseOptions, recoded);
}

/**
 * Computes Cronbach's α of each dimension from the survey items of its indicators, over the
 * kept rows (see `cronbachAlpha`). A dimension with fewer than two survey items, or whose
 * items cannot give α (such as a total score that is the same for everyone), gets a message
 * instead.
 *
 * @example dimensionReliability(data)[0] // {dimension: "functional", alpha: 0.83, …}
 */
export function dimensionReliability(data: TableCaseData): DimensionReliability[] {
  const items = data.items;
  return data.system.dimensions.map((dimension) => {
    const names = [
      ...new Set(
        data.system.indicators
          .filter((indicator) => indicator.dimension === dimension.id && indicator.scale)
          .flatMap((indicator) => indicator.items)
      )
    ];
    if (names.length < 2 || items === undefined) {
      const plural = names.length === 1 ? "" : "s";
      const message =
        names.length < 2
          ? `${names.length} survey item${plural}; α needs at least 2`
          : "the items are on different scales";
      return {dimension: dimension.id, items: names, alpha: null, message};
    }

    const indexes = names.map((name) => items.columns.indexOf(name));
    const rows = items.values.map((row) => indexes.map((j) => row[j] as number));
    try {
      const {alpha} = cronbachAlpha(rows);
      return {dimension: dimension.id, items: names, alpha, message: null};
    } catch (error) {
      const message = (error as Error).message;
      return {dimension: dimension.id, items: names, alpha: null, message};
    }
  });
}
