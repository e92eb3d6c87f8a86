import type {ItemTable} from "./caseData.js";
import {describe, listwise, type Description} from "./describe.js";
import type {IndexSystem} from "./indexSystem.js";
import type {Direction, Label, Side} from "./types.js";

/**
 * How missing answers are handled. `listwise` keeps only the rows that answered every item
 * of the table. `pairwise` lets each statistic use every row that answered what it needs:
 * one item for descriptives, two for a correlation, and all of its own items for α, KMO and
 * PCA, which need complete rows.
 */
export type MissingHandling = "listwise" | "pairwise";

/** The place of a survey item in the index system. */
export interface ItemRole {
  column: string;
  label: Label;
  /** Column index in the item table. */
  index: number;
  indicator: string;
  dimension: string;
  side: Side;
  direction: Direction;
  /** True when the indicator declares the item reverse-worded. */
  reverse: boolean;
}

/** The items of a table placed in the index system, and the columns no indicator uses. */
export interface ItemRoles {
  /** Items in index-system order: by dimension, then indicator, then the indicator's items. */
  items: ItemRole[];
  /** Table columns that belong to no indicator of the system. */
  unassigned: string[];
}

/**
 * Places each column of an item table in the index system: its indicator, dimension, side,
 * direction and whether it is reverse-worded. Items come in index-system order, the order
 * the loadings and reliability tables follow. An item used by two indicators keeps the
 * first. Record fields of the system (not columns of the table) are skipped.
 *
 * @throws Error when an indicator's dimension is not in the system
 * @example
 * itemRoles(system, {columns: ["F2", "F1"], …}).items.map((r) => r.column) // ["F1", "F2"]
 */
export function itemRoles(system: IndexSystem, table: ItemTable): ItemRoles {
  const sideOf = new Map(system.dimensions.map((dimension) => [dimension.id, dimension.side]));
  const indexOf = new Map(table.columns.map((column, j) => [column, j]));
  const placed = new Set<string>();
  const items: ItemRole[] = [];

  for (const dimension of system.dimensions) {
    for (const indicator of system.indicators) {
      if (indicator.dimension !== dimension.id) continue;
      for (const column of indicator.items) {
        const index = indexOf.get(column);
        if (index === undefined || placed.has(column)) continue;
        placed.add(column);
        items.push({
          column,
          label: table.labels[index],
          index,
          indicator: indicator.id,
          dimension: dimension.id,
          side: dimension.side,
          direction: indicator.direction,
          reverse: indicator.reverse?.includes(column) ?? false
        });
      }
    }
  }
  for (const indicator of system.indicators) {
    if (!sideOf.has(indicator.dimension)) {
      throw new Error(
        `indicator "${indicator.id}" names dimension "${indicator.dimension}", which index ` +
          `system ${system.id} does not have`
      );
    }
  }
  return {items, unassigned: table.columns.filter((column) => !placed.has(column))};
}

/**
 * Selects columns of an item table and recodes some of them as min + max − x on the table's
 * scale (reverse coding); missing answers stay null.
 *
 * @param columns - column indexes to keep, in output order
 * @param recode - column indexes (of the table) to reverse
 * @throws Error naming row, column and value when a recoded answer lies outside the scale
 * @example
 * selectItems({columns: ["A", "B"], scale: [1, 5], values: [[1, 4]], …}, [0, 1], [1])
 * // [[1, 2]]
 */
export function selectItems(
  table: ItemTable,
  columns: readonly number[],
  recode: readonly number[] = []
): (number | null)[][] {
  const [min, max] = table.scale;
  const reversed = new Set(recode);

  return table.values.map((row, i) =>
    columns.map((j) => {
      const value = row[j];
      if (value === null || !reversed.has(j)) return value;
      if (value < min || value > max) {
        throw new Error(
          `item table row ${i}, column ${table.columns[j]}: answer ${value} is outside the ` +
            `${min}–${max} scale, so it cannot be reverse-coded`
        );
      }
      return min + max - value;
    })
  );
}

/** Descriptive statistics of one item under a missing-data handling. */
export interface ItemDescription {
  column: string;
  label: Label;
  /** Answers used. */
  n: number;
  /** Rows of the table left out: unanswered here (pairwise) or incomplete (listwise). */
  excluded: number;
  /** Statistics of the answers, or null when no answer is left (see `reason`). */
  description: Description | null;
  reason: string | null;
}

/** Item descriptives with the handling used and the number of rows it kept. */
export interface ItemDescriptives {
  handling: MissingHandling;
  /** Rows of the table. */
  rows: number;
  /** Rows that answered every item (the rows listwise deletion keeps). */
  completeRows: number;
  items: ItemDescription[];
}

/** Answers of every column under a missing-data handling, with the row count each used. */
function itemAnswers(table: ItemTable, handling: MissingHandling): number[][] {
  checkMissingHandling(handling);
  if (handling === "listwise") {
    const complete = listwise(table.values).rows;
    return table.columns.map((_, j) => complete.map((row) => row[j]));
  }
  return table.columns.map((_, j) =>
    table.values.flatMap((row) => (row[j] === null ? [] : [row[j] as number]))
  );
}

/**
 * Describes each item of a table (n, mean, sample sd, quartiles, adjusted skewness G1 and
 * excess kurtosis G2, see `describe`) under listwise or pairwise handling of missing answers.
 * An item with no answer left gets `description: null` and a reason; skewness and kurtosis
 * are null where `describe` leaves them undefined (constant answers, n < 3 or n < 4).
 *
 * @throws Error for an unknown handling or a value that is not a finite number or null
 * @example
 * itemDescriptives({columns: ["A", "B"], values: [[1, 2], [3, null], [5, 4]], …}, "pairwise")
 * // items: A n 3, mean 3; B n 2, mean 3 (listwise: both n 2)
 */
export function itemDescriptives(table: ItemTable, handling: MissingHandling): ItemDescriptives {
  const answers = itemAnswers(table, handling);
  const completeRows = listwise(table.values).rows.length;

  const items = table.columns.map((column, j): ItemDescription => {
    const values = answers[j];
    const reason =
      values.length > 0
        ? null
        : handling === "listwise"
          ? "no row answered every item, so listwise deletion leaves nothing"
          : "no row answered this item";
    return {
      column,
      label: table.labels[j],
      n: values.length,
      excluded: table.values.length - values.length,
      description: values.length > 0 ? describe(values) : null,
      reason
    };
  });
  return {handling, rows: table.values.length, completeRows, items};
}

/** How often each answer of the scale was given to one item. */
export interface LevelCounts {
  column: string;
  label: Label;
  /** The answers of the scale, min…max. */
  levels: number[];
  counts: number[];
  /** counts / n, or all null when n = 0. */
  shares: (number | null)[];
  n: number;
}

/**
 * Counts each answer of the scale per item, under listwise or pairwise handling of missing
 * answers, for Likert bar charts. Shares are counts divided by the answers used.
 *
 * @throws Error for a non-integer scale, and naming row, column and value for an answer that
 *   is not an integer of the scale
 * @example
 * likertCounts({columns: ["A"], scale: [1, 3], values: [[1], [3], [3], [null]], …}, "pairwise")
 * // [{levels: [1, 2, 3], counts: [1, 0, 2], shares: [1/3, 0, 2/3], n: 3, …}]
 */
export function likertCounts(table: ItemTable, handling: MissingHandling): LevelCounts[] {
  const [min, max] = table.scale;
  if (!Number.isInteger(min) || !Number.isInteger(max) || !(min < max)) {
    throw new Error(
      `invalid item scale ${JSON.stringify(table.scale)}: expected integers min < max`
    );
  }
  checkMissingHandling(handling);
  const levels = Array.from({length: max - min + 1}, (_, k) => min + k);
  const complete = new Set(listwise(table.values).kept);

  return table.columns.map((column, j) => {
    const counts = new Array<number>(levels.length).fill(0);
    let n = 0;
    table.values.forEach((row, i) => {
      const value = row[j];
      if (value === null || (handling === "listwise" && !complete.has(i))) return;
      if (!Number.isInteger(value) || value < min || value > max) {
        throw new Error(
          `item table row ${i}, column ${column}: answer ${value} is not an integer ` +
            `from ${min} to ${max}`
        );
      }
      counts[value - min]++;
      n++;
    });
    return {
      column,
      label: table.labels[j],
      levels,
      counts,
      shares: counts.map((count) => (n === 0 ? null : count / n)),
      n
    };
  });
}

/**
 * Checks a missing-data handling option.
 *
 * @throws Error unless `handling` is "listwise" or "pairwise"
 */
export function checkMissingHandling(handling: string): void {
  if (handling !== "listwise" && handling !== "pairwise") {
    throw new Error(`invalid missing-data handling "${handling}": expected listwise or pairwise`);
  }
}
