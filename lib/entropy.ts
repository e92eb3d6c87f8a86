import {
  checkedColumns,
  columnRanges,
  columnsToRows,
  forEachRowBlock,
  widenRange,
  typedDecisionColumns,
  typedMinMaxColumns
} from "./normalize.js";
import type {Direction, Matrix} from "./types.js";

/**
 * Entropy method variant, named after how it turns data into proportions p_ij:
 * - `"minmax"`: min–max normalise with directions, then p_ij = x'_ij / Σ_i x'_ij;
 * - `"minmax-shift"`: as `"minmax"` after adding a small shift (default 0.0001) to every
 *   normalised value, so that no p is 0;
 * - `"ratio"`: p_ij = x_ij / Σ_i x_ij on the raw data (benefit columns, values ≥ 0 only).
 */
export type EntropyVariant = "minmax" | "minmax-shift" | "ratio";

/** Options of {@link entropyWeights}. */
export interface EntropyOptions {
  /** Variant; default `"minmax"`. */
  variant?: EntropyVariant;
  /** Shift added to every normalised value by `"minmax-shift"`; default 0.0001. */
  shift?: number;
  /** Also return the normalised values and the proportions (rows × columns); default false. */
  keepIntermediate?: boolean;
}

/** Entropy weights with the quantities that produced them, one entry per column. */
export interface EntropyResult {
  /** Weights w_j = d_j / Σ d, non-negative, sum 1. */
  weights: number[];
  /** Entropy e_j in [0, 1]; 1 for a constant column. */
  entropy: number[];
  /** Divergence d_j = 1 − e_j. */
  divergence: number[];
  /** 0-based indices of constant columns, whose weight is 0. */
  degenerateColumns: number[];
  variant: EntropyVariant;
  /** Values the proportions were computed from, with `keepIntermediate`. */
  normalized?: number[][];
  /** Proportions p_ij, with `keepIntermediate`. */
  proportions?: number[][];
}

/**
 * Throws the first error of the ratio variant, column by column: a cost column, or the first
 * negative value of a benefit column.
 */
function checkRatioColumns(
  m: number,
  sums: ColumnSums,
  directions: readonly Direction[]
): void {
  const count = directions.length;
  const firstNegative = new Float64Array(count).fill(m);
  const negativeValue = new Float64Array(count);
  sums((columns, from, to, firstRow) => {
    for (let j = 0; j < count; j++) {
      if (directions[j] === "cost" || firstNegative[j] < m) continue;
      const column = columns[j];
      for (let i = from; i < to; i++) {
        if (column[i] < 0) {
          firstNegative[j] = firstRow + i - from;
          negativeValue[j] = column[i];
          break;
        }
      }
    }
  });

  for (let j = 0; j < count; j++) {
    if (directions[j] === "cost") {
      throw new Error(
        `column ${j} is a cost column; the ratio variant of the entropy method takes ` +
          'benefit columns only, so use the "minmax" variant or reverse the column first'
      );
    }
    if (firstNegative[j] < m) {
      throw new Error(
        `data[${firstNegative[j]}][${j}] is ${negativeValue[j]}; the ratio variant of the ` +
          "entropy method needs values ≥ 0"
      );
    }
  }
}

/**
 * Computes entropy weights of the columns of a decision matrix (rows × columns).
 *
 * p_ij = x'_ij / Σ_i x'_ij (x' from `variant`, see {@link EntropyVariant});
 * e_j = −(1/ln m) Σ_i p_ij ln p_ij with p ln p = 0 when p = 0; d_j = 1 − e_j;
 * w_j = d_j / Σ_k d_k. A constant column is not an error: its p_ij are 1/m, so e_j = 1,
 * d_j = 0 and its weight is 0, and it is listed in `degenerateColumns`.
 *
 * Throws an Error (0-based indices) on the input errors of `decisionColumns` (empty or
 * ragged matrix, a cell that is not a finite number, an invalid direction), on fewer than
 * 2 rows, when every column is constant (Σ d = 0), on an unknown variant or an invalid
 * shift, and for `"ratio"` on a cost column or a negative value.
 *
 * @example entropyWeights([[1, 5], [2, 5], [3, 5]], ["benefit", "benefit"]).weights // [1, 0]
 */
export function entropyWeights(
  data: Matrix,
  directions: readonly Direction[],
  options: EntropyOptions = {}
): EntropyResult {
  checkOptions(options);
  if (options.keepIntermediate) {
    return entropyOfColumns(typedDecisionColumns(data, directions), directions, options);
  }

  // Without intermediates only sums over the rows are needed, so the rows are read in blocks
  // twice (ranges, then sums) instead of being copied into columns.
  const {rows, min, max} = columnRanges(data, directions);
  const sums: ColumnSums = (visit) => {
    const visitBlock = (block: readonly Float64Array[], start: number, length: number) =>
      visit(block, 0, length, start);
    forEachRowBlock(data, directions.length, visitBlock, {check: false});
  };
  return entropyOfSums(rows, min, max, sums, directions, options);
}

/**
 * Computes entropy weights as {@link entropyWeights} does, from the columns of a decision
 * matrix (`columns[j][i]` is row i of column j, arrays or Float64Arrays), which saves the
 * copy of a large matrix into rows. Throws as `entropyWeights` does, with the input errors
 * of `checkedColumns`.
 *
 * @example entropyWeightsOfColumns([[1, 2, 3], [5, 5, 5]], ["benefit", "benefit"]).weights
 * // [1, 0]
 */
export function entropyWeightsOfColumns(
  columns: readonly ArrayLike<number>[],
  directions: readonly Direction[],
  options: EntropyOptions = {}
): EntropyResult {
  checkOptions(options);
  return entropyOfColumns(checkedColumns(columns, directions), directions, options);
}

function checkOptions({variant = "minmax", shift = 0.0001}: EntropyOptions): void {
  if (variant !== "minmax" && variant !== "minmax-shift" && variant !== "ratio") {
    throw new Error(
      `unknown entropy variant ${JSON.stringify(variant)}; ` +
        'expected "minmax", "minmax-shift" or "ratio"'
    );
  }
  if (typeof shift !== "number" || !Number.isFinite(shift) || shift <= 0) {
    throw new Error(`invalid shift ${String(shift)}; expected a finite number > 0`);
  }
}

/** Entropy weights of validated columns; the options are checked. */
function entropyOfColumns(
  columns: Float64Array[],
  directions: readonly Direction[],
  options: EntropyOptions
): EntropyResult {
  const {variant = "minmax", shift = 0.0001, keepIntermediate = false} = options;
  const m = columns[0].length;
  if (m < 2) {
    throw new Error("entropy weights need at least 2 rows; data has 1 row");
  }
  const min = new Float64Array(columns.length).fill(Infinity);
  const max = new Float64Array(columns.length).fill(-Infinity);
  columns.forEach((column, j) => widenRange(column, 0, m, min, max, j));
  const sums: ColumnSums = (visit) => visit(columns, 0, m, 0);
  const result = entropyOfSums(m, min, max, sums, directions, options);
  if (keepIntermediate) {
    const {degenerateColumns} = result;
    const values =
      variant === "ratio" ? columns : typedMinMaxColumns(columns, directions).columns;
    if (variant === "minmax-shift") {
      for (const column of values) for (let i = 0; i < m; i++) column[i] += shift;
    }
    const proportions = values.map((column, j) =>
      proportionsOf(column, degenerateColumns.includes(j))
    );
    result.normalized = columnsToRows(values);
    result.proportions = columnsToRows(proportions);
  }
  return result;
}

/**
 * Calls `visit(columns, from, to, firstRow)` on consecutive stretches of the rows, in row
 * order: rows firstRow … firstRow + to − from − 1 are columns[j][from … to − 1].
 */
type ColumnSums = (
  visit: (columns: readonly Float64Array[], from: number, to: number, firstRow: number) => void
) => void;

/** Entropy weights from the column ranges and the rows, which `sums` supplies. */
function entropyOfSums(
  m: number,
  min: Float64Array,
  max: Float64Array,
  sums: ColumnSums,
  directions: readonly Direction[],
  {variant = "minmax", shift = 0.0001}: EntropyOptions
): EntropyResult {
  const count = directions.length;
  if (m < 2) {
    throw new Error("entropy weights need at least 2 rows; data has 1 row");
  }
  if (variant === "ratio") checkRatioColumns(m, sums, directions);

  // Σ x' and Σ x' ln x' of each non-constant column, added up stretch by stretch in row order.
  const degenerateColumns: number[] = [];
  const scales: Scale[] = [];
  for (let j = 0; j < count; j++) {
    if (min[j] === max[j]) degenerateColumns.push(j);
    const kind = variant === "ratio" ? "raw" : directions[j];
    const added = variant === "minmax-shift" ? shift : 0;
    scales.push({kind, min: min[j], max: max[j], shift: added});
  }
  const totals = new Float64Array(count);
  const xLogX = new Float64Array(count);
  sums((columns, from, to) => {
    for (let j = 0; j < count; j++) {
      if (min[j] !== max[j]) addXLogX(columns[j], from, to, scales[j], totals, xLogX, j);
    }
  });

  // Σ p ln p = (Σ x' ln x') / T − ln T with T = Σ x'.
  const logM = Math.log(m);
  const entropy = new Array<number>(count);
  for (let j = 0; j < count; j++) {
    entropy[j] =
      min[j] === max[j] ? 1 : -(xLogX[j] / totals[j] - Math.log(totals[j])) / logM;
  }

  const divergence = entropy.map((e) => 1 - e);
  const totalDivergence = divergence.reduce((sum, d) => sum + d, 0);
  if (!(totalDivergence > 0)) {
    throw new Error(
      "every column is constant, so all divergences are 0 and entropy weights are undefined"
    );
  }
  const weights = divergence.map((d) => d / totalDivergence);
  return {weights, entropy, divergence, degenerateColumns, variant};
}

/** How a raw column becomes the values x' that the proportions are taken of. */
interface Scale {
  /** "raw": x' = x; "benefit": (x − min)/(max − min); "cost": (max − x)/(max − min). */
  kind: "raw" | Direction;
  min: number;
  max: number;
  /** Added to every x' of the min–max kinds. */
  shift: number;
}

/**
 * Adds x'_i to totals[j] and x'_i ln x'_i to xLogX[j] for the values from … to − 1 of one
 * non-constant column, where x' follows from `scale`. Terms with x' = 0 add 0.
 */
function addXLogX(
  column: Float64Array,
  from: number,
  to: number,
  {kind, min, max, shift}: Scale,
  totals: Float64Array,
  xLogX: Float64Array,
  j: number
): void {
  const range = max - min;
  let total = totals[j];
  let sum = xLogX[j];
  for (let i = from; i < to; i++) {
    const x = column[i];
    let value = x;
    if (kind === "benefit") value = (x - min) / range + shift;
    else if (kind === "cost") value = (max - x) / range + shift;
    total += value;
    if (value > 0) sum += value * Math.log(value);
  }
  totals[j] = total;
  xLogX[j] = sum;
}

/** p_ij of one column: x_ij / Σ x, or 1/m for a constant column. */
function proportionsOf(column: Float64Array, degenerate: boolean): Float64Array {
  const m = column.length;
  let total = 0;
  for (let i = 0; i < m; i++) total += column[i];
  const p = new Float64Array(m);
  for (let i = 0; i < m; i++) p[i] = degenerate ? 1 / m : column[i] / total;
  return p;
}

function isConstant(column: Float64Array): boolean {
  for (let i = 1; i < column.length; i++) if (column[i] !== column[0]) return false;
  return true;
}
