import {extent, mean, sumNthPowerDeviations} from "simple-statistics";
import {addBlockProducts} from "./blockProducts.js";
import {centredCrossProducts} from "./correlation.js";
import type {Direction, Matrix} from "./types.js";

/** Normalisation method: min–max to [0, 1] or z-score (x − mean) / sd. */
export type NormalizeMethod = "minmax" | "zscore";

/** Options of {@link normalize}. */
export interface NormalizeOptions {
  /** Normalisation method; default `"minmax"`. */
  method?: NormalizeMethod;
  /** Delta degrees of freedom of the z-score sd: 1 (sample, default) or 0 (population). */
  ddof?: 0 | 1;
  /** Z-score only: multiply cost columns by −1 so that higher is better; default false. */
  directional?: boolean;
}

/** Normalised data with the column statistics that produced it. */
export interface NormalizeResult {
  /** Normalised values, rows × columns like the input. */
  data: number[][];
  /** 0-based indices of constant columns (max = min), which are set to 0 everywhere. */
  degenerateColumns: number[];
  method: NormalizeMethod;
  /** Column minima and maxima (min–max). */
  min?: number[];
  max?: number[];
  /** Column means and sds with the chosen ddof (z-score). */
  mean?: number[];
  sd?: number[];
}

/** Min–max normalised columns of a decision matrix. */
export interface MinMaxColumns {
  /** `columns[j][i]` is the normalised value of row i in column j. */
  columns: number[][];
  min: number[];
  max: number[];
  /** 0-based indices of constant columns, which are 0 everywhere. */
  degenerateColumns: number[];
}

/** Min–max normalised columns as Float64Arrays, from {@link typedMinMaxColumns}. */
export interface TypedMinMaxColumns {
  /** `columns[j][i]` is the normalised value of row i in column j. */
  columns: Float64Array[];
  min: number[];
  max: number[];
  /** 0-based indices of constant columns, which are 0 everywhere. */
  degenerateColumns: number[];
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "an array";
  return String(value);
}

/**
 * Validates a decision matrix and returns it as columns: `columns[j][i]` is row i of
 * column j. Rows are alternatives or customers and columns are criteria (indicators).
 * `directions[j]` is "benefit" when more of column j is better and "cost" when it is worse.
 *
 * Throws an Error naming the 0-based place and the value when the matrix has no rows,
 * a row is not an array or has another length than `directions`, a cell is not a finite
 * number (null, NaN, ±Infinity, a string), or a direction is not "benefit" or "cost".
 *
 * @example decisionColumns([[1, 2], [3, 4]], ["benefit", "cost"]) // [[1, 3], [2, 4]]
 */
export function decisionColumns(
  data: Matrix,
  directions: readonly Direction[],
  name = "data"
): number[][] {
  return typedDecisionColumns(data, directions, name).map((column) => Array.from(column));
}

/**
 * Validates a decision matrix as {@link decisionColumns} does and returns its columns as
 * Float64Arrays, which take 8 bytes a value outside the JavaScript heap. Throws the same
 * errors.
 *
 * @example typedDecisionColumns([[1, 2], [3, 4]], ["benefit", "cost"])
 * // [Float64Array [1, 3], Float64Array [2, 4]]
 */
export function typedDecisionColumns(
  data: Matrix,
  directions: readonly Direction[],
  name = "data"
): Float64Array[] {
  checkDirections(directions);
  const count = directions.length;
  const columns: Float64Array[] = [];
  const rows = Array.isArray(data) ? data.length : 0;
  for (let k = 0; k < count; k++) columns.push(new Float64Array(rows));
  // Rows go through the block buffer, which spreads its columns over the cache, and each
  // column of a block is then copied in one piece.
  forEachRowBlock(
    data,
    count,
    (block, start, length) => {
      for (let k = 0; k < count; k++) columns[k].set(block[k].subarray(0, length), start);
    },
    {name}
  );
  return columns;
}

/**
 * Validates and reads some columns of a decision matrix into Float64Arrays, as
 * {@link typedDecisionColumns} would on the rows cut down to those columns:
 * `result[k][i]` is `data[i][indexes[k]]`, `directions[k]` its direction, and errors name
 * a cell by its place among the chosen columns (`data[i][k]`). Rows may have more values
 * than the chosen columns need; a missing value is reported as undefined.
 *
 * @example selectedDecisionColumns([[1, 2, 3], [4, 5, 6]], [2, 0], ["cost", "benefit"])
 * // [Float64Array [3, 6], Float64Array [1, 4]]
 */
export function selectedDecisionColumns(
  data: Matrix,
  indexes: readonly number[],
  directions: readonly Direction[],
  name = "data"
): Float64Array[] {
  checkDirections(directions);
  if (indexes.length !== directions.length) {
    throw new Error(
      `got ${indexes.length} column indexes but directions has ${directions.length} entries`
    );
  }
  return readColumns(data, indexes, name, false);
}

function readColumns(
  data: Matrix,
  indexes: readonly number[],
  name: string,
  wholeRows: boolean
): Float64Array[] {
  if (!Array.isArray(data) || data.length === 0) {
    throw new Error(`${name} has no rows; expected at least one row of numbers`);
  }

  const rowCount = data.length;
  const columnCount = indexes.length;
  const columns: Float64Array[] = [];
  for (let k = 0; k < columnCount; k++) columns.push(new Float64Array(rowCount));
  for (let i = 0; i < rowCount; i++) {
    const row = data[i];
    if (!Array.isArray(row) || (wholeRows && row.length !== columnCount)) {
      throw rowError(row, i, columnCount, name);
    }
    for (let k = 0; k < columnCount; k++) {
      const value = wholeRows ? row[k] : row[indexes[k]];
      // For a number, x − x is 0 unless x is NaN or ±Infinity.
      if (typeof value !== "number" || value - value !== 0) {
        throw new Error(
          `${name}[${i}][${k}] is ${describeValue(value)}; expected a finite number`
        );
      }
      columns[k][i] = value;
    }
  }
  return columns;
}

/** Rows per block of {@link forEachRowBlock}, also the block of the cross-product sums. */
export const rowBlockSize = 2048;

// Columns of a block lie rowBlockSize + 8 values apart in one buffer: 2048 values are a
// multiple of 4 KB, so columns exactly 2048 apart would compete for the same cache sets.
const blockStride = rowBlockSize + 8;

/**
 * Reads a decision matrix in blocks of up to {@link rowBlockSize} rows and calls
 * `visit(block, start, length)` for each, in row order: `block[k][r]` is `data[start + r][k]`
 * for r < length. The block's arrays are reused from call to call, so `visit` must copy what
 * it keeps. This spares a large matrix the copy into whole columns when a method only needs
 * sums over the rows. With `check` (default) the matrix is validated as
 * {@link typedDecisionColumns} validates it, with the same errors; without it, a matrix that
 * an earlier call validated is read as it is.
 *
 * @example
 * forEachRowBlock([[1, 2], [3, 4]], 2, (block, start, length) => console.log(block[1][1]))
 * // logs 4 (row 1, column 1 of the only block)
 */
export function forEachRowBlock(
  data: Matrix,
  columnCount: number,
  visit: (block: readonly Float64Array[], start: number, length: number) => void,
  {check = true, name = "data"}: {check?: boolean; name?: string} = {}
): void {
  if (!Array.isArray(data) || data.length === 0) {
    throw new Error(`${name} has no rows; expected at least one row of numbers`);
  }

  // Columns past columnCount, up to a multiple of 4, stay 0 for the product kernel.
  const buffer = new Float64Array(blockStride * paddedCount(columnCount));
  const block: Float64Array[] = [];
  for (let k = 0; k < columnCount; k++) {
    block.push(buffer.subarray(k * blockStride, k * blockStride + rowBlockSize));
  }
  for (let start = 0; start < data.length; start += rowBlockSize) {
    const length = Math.min(rowBlockSize, data.length - start);
    if (check) readCheckedBlock(data, start, length, buffer, columnCount, name);
    else readBlock(data, start, length, buffer, columnCount);
    visit(block, start, length);
  }
}

/** Rounds the column count up to a multiple of 4. */
function paddedCount(columnCount: number): number {
  return Math.ceil(columnCount / 4) * 4;
}

/** Builds the error for row i when it is not an array or has another length than expected. */
function rowError(row: unknown, i: number, columnCount: number, name: string): Error {
  if (!Array.isArray(row)) {
    return new Error(`${name}[${i}] is ${describeValue(row)}; expected an array of numbers`);
  }
  return new Error(
    `${name}[${i}] has ${row.length} values but directions has ${columnCount} entries`
  );
}

/** Copies rows start … start + length − 1 into the block buffer, validating each. */
function readCheckedBlock(
  data: Matrix,
  start: number,
  length: number,
  buffer: Float64Array,
  columnCount: number,
  name: string
): void {
  for (let r = 0; r < length; r++) {
    const row = data[start + r];
    if (!Array.isArray(row) || row.length !== columnCount) {
      throw rowError(row, start + r, columnCount, name);
    }
    for (let k = 0; k < columnCount; k++) {
      const value = row[k];
      // For a number, x − x is 0 unless x is NaN or ±Infinity.
      if (typeof value !== "number" || value - value !== 0) {
        throw new Error(
          `${name}[${start + r}][${k}] is ${describeValue(value)}; expected a finite number`
        );
      }
      buffer[k * blockStride + r] = value;
    }
  }
}

/** Copies rows start … start + length − 1 of a validated matrix into the block buffer. */
function readBlock(
  data: Matrix,
  start: number,
  length: number,
  buffer: Float64Array,
  columnCount: number
): void {
  for (let r = 0; r < length; r++) {
    const row = data[start + r] as number[];
    for (let k = 0; k < columnCount; k++) buffer[k * blockStride + r] = row[k];
  }
}

/** Column minima and maxima of a decision matrix. */
export interface ColumnRanges {
  rows: number;
  min: Float64Array;
  max: Float64Array;
}

/**
 * Validates a decision matrix as {@link typedDecisionColumns} does, with the same errors,
 * and returns the minimum and maximum of each column, reading the rows in blocks.
 *
 * @example Array.from(columnRanges([[1, 5], [3, 2]], ["benefit", "cost"]).max) // [3, 5]
 */
export function columnRanges(
  data: Matrix,
  directions: readonly Direction[],
  name = "data"
): ColumnRanges {
  checkDirections(directions);
  const count = directions.length;
  const min = new Float64Array(count).fill(Infinity);
  const max = new Float64Array(count).fill(-Infinity);
  forEachRowBlock(
    data,
    count,
    (block, _, length) => {
      for (let k = 0; k < count; k++) widenRange(block[k], 0, length, min, max, k);
    },
    {name}
  );
  return {rows: data.length, min, max};
}

/** Widens min[k] … max[k] to cover values from … to − 1. */
export function widenRange(
  values: ArrayLike<number>,
  from: number,
  to: number,
  min: Float64Array,
  max: Float64Array,
  k: number
): void {
  let low = min[k];
  let high = max[k];
  for (let i = from; i < to; i++) {
    const value = values[i];
    if (value < low) low = value;
    if (value > high) high = value;
  }
  min[k] = low;
  max[k] = high;
}

/** Ranges, means and centred cross-products of the columns of a decision matrix. */
export interface ColumnMoments extends ColumnRanges {
  means: number[];
  /** products[a][b] = Σ_i (x_ai − x̄_a)(x_bi − x̄_b), symmetric. */
  products: number[][];
}

/**
 * Validates a decision matrix as {@link typedDecisionColumns} does, with the same errors,
 * and returns each column's range and mean and the centred cross-products of the columns,
 * in one pass over the rows without copying them. Each block of 2048 rows is centred on
 * its own means, and the blocks are merged with the pairwise update of centred sums: with
 * δ the difference of two parts' means, S = S_A + S_B + δδᵀ·n_A·n_B/(n_A + n_B).
 *
 * @example rowMoments([[1, 2], [2, 4], [3, 9]], ["benefit", "cost"]).products
 * // [[2, 7], [7, 26]]
 */
export function rowMoments(
  data: Matrix,
  directions: readonly Direction[],
  name = "data"
): ColumnMoments {
  checkDirections(directions);
  const moments = new MomentSums(directions.length);
  forEachRowBlock(
    data,
    directions.length,
    (block, _, length) => moments.add(block[0].buffer as ArrayBuffer, length),
    {name}
  );
  return moments.result();
}

/**
 * Computes {@link rowMoments} of validated columns (`columns[j][i]`, arrays or typed
 * arrays), copying one block of rows at a time.
 *
 * @example columnMoments([[1, 2, 3], [2, 4, 9]]).means // [2, 5]
 */
export function columnMoments(columns: readonly ArrayLike<number>[]): ColumnMoments {
  const count = columns.length;
  const rows = count === 0 ? 0 : columns[0].length;
  const moments = new MomentSums(count);
  const buffer = new Float64Array(blockStride * paddedCount(count));
  for (let start = 0; start < rows; start += rowBlockSize) {
    const length = Math.min(rowBlockSize, rows - start);
    for (let k = 0; k < count; k++) {
      copyInto(columns[k], start, length, buffer, k * blockStride);
    }
    moments.add(buffer.buffer, length);
  }
  return moments.result();
}

/** Copies values start … start + length − 1 to target[offset …]. */
function copyInto(
  values: ArrayLike<number>,
  start: number,
  length: number,
  target: Float64Array,
  offset: number
): void {
  for (let r = 0; r < length; r++) target[offset + r] = values[start + r];
}

/**
 * Running ranges, means and centred cross-products of the columns of consecutive blocks.
 * Each block is centred on its own means and its products are added with the pairwise
 * update of centred sums.
 */
class MomentSums {
  private readonly count: number;
  private readonly padded: number;
  private rows = 0;
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  private readonly means: Float64Array;
  private readonly products: Float64Array;
  private readonly blockMeans: Float64Array;
  private readonly blockProducts: Float64Array;

  constructor(count: number) {
    this.count = count;
    this.padded = paddedCount(count);
    this.min = new Float64Array(count).fill(Infinity);
    this.max = new Float64Array(count).fill(-Infinity);
    this.means = new Float64Array(count);
    this.products = new Float64Array(count * count);
    this.blockMeans = new Float64Array(count);
    this.blockProducts = new Float64Array(this.padded * this.padded);
  }

  /**
   * Adds the first `length` rows of a block buffer (column k at k × blockStride, padded
   * columns 0), which it centres in place.
   */
  add(buffer: ArrayBuffer, length: number): void {
    const {count, padded, blockMeans, blockProducts} = this;
    const block = new Float64Array(buffer);
    for (let k = 0; k < count; k++) {
      scanColumn(block, k * blockStride, length, this.min, this.max, blockMeans, k);
      subtract(block, k * blockStride, length, blockMeans[k]);
    }
    blockProducts.fill(0);
    for (let a = 0; a < count; a += 2) {
      for (let b = a - (a % 4); b < padded; b += 4) {
        addBlockProducts(block, blockStride, a, b, length, blockProducts, padded);
      }
    }
    mergeMoments(this.means, this.products, this.rows, blockMeans, blockProducts, padded, length);
    this.rows += length;
  }

  result(): ColumnMoments {
    const {count, products} = this;
    const rows: number[][] = [];
    for (let a = 0; a < count; a++) {
      rows.push(Array.from(products.subarray(a * count, (a + 1) * count)));
    }
    return {
      rows: this.rows,
      min: this.min,
      max: this.max,
      means: Array.from(this.means),
      products: rows
    };
  }
}

/**
 * Widens min[k] … max[k] to cover values[offset … offset + length − 1] and sets means[k] to
 * their mean. Four partial sums run side by side, so the additions need not wait for
 * each other.
 */
function scanColumn(
  values: Float64Array,
  offset: number,
  length: number,
  min: Float64Array,
  max: Float64Array,
  means: Float64Array,
  k: number
): void {
  let low = min[k];
  let high = max[k];
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const end = offset + length;
  let i = offset;
  for (; i + 3 < end; i += 4) {
    const v0 = values[i];
    const v1 = values[i + 1];
    const v2 = values[i + 2];
    const v3 = values[i + 3];
    s0 += v0;
    s1 += v1;
    s2 += v2;
    s3 += v3;
    low = Math.min(low, v0, v1, v2, v3);
    high = Math.max(high, v0, v1, v2, v3);
  }
  for (; i < end; i++) {
    s0 += values[i];
    low = Math.min(low, values[i]);
    high = Math.max(high, values[i]);
  }
  min[k] = low;
  max[k] = high;
  means[k] = (s0 + s1 + (s2 + s3)) / length;
}

/** Subtracts `amount` from values[offset … offset + length − 1]. */
function subtract(values: Float64Array, offset: number, length: number, amount: number): void {
  for (let i = offset; i < offset + length; i++) values[i] -= amount;
}

/**
 * Adds a part of `size` rows (its means and its centred products, entries a ≤ b of a
 * padded × padded array) to the moments of the first `rows` rows, in place.
 */
function mergeMoments(
  means: Float64Array,
  products: Float64Array,
  rows: number,
  partMeans: Float64Array,
  partProducts: Float64Array,
  padded: number,
  size: number
): void {
  const count = means.length;
  const total = rows + size;
  const factor = (rows * size) / total;
  for (let a = 0; a < count; a++) {
    const deltaA = partMeans[a] - means[a];
    for (let b = a; b < count; b++) {
      const delta = deltaA * (partMeans[b] - means[b]) * factor;
      const sum = products[a * count + b] + partProducts[a * padded + b] + delta;
      products[a * count + b] = sum;
      products[b * count + a] = sum;
    }
  }
  for (let k = 0; k < count; k++) means[k] += ((partMeans[k] - means[k]) * size) / total;
}

/**
 * Validates columns of a decision matrix (`columns[j][i]` is row i of column j, arrays or
 * typed arrays) against their directions and returns them as Float64Arrays, copying only
 * columns that are not Float64Arrays already. Throws, naming the 0-based place and the
 * value, when there are no columns or rows, the count differs from `directions`, the
 * lengths differ, a value is not a finite number, or a direction is invalid.
 *
 * @example checkedColumns([[1, 3], new Float64Array([2, 4])], ["benefit", "cost"])
 * // [Float64Array [1, 3], Float64Array [2, 4]]
 */
export function checkedColumns(
  columns: readonly ArrayLike<number>[],
  directions: readonly Direction[],
  name = "columns"
): Float64Array[] {
  checkDirections(directions);
  if (!Array.isArray(columns) || columns.length !== directions.length) {
    const count = Array.isArray(columns) ? columns.length : 0;
    throw new Error(
      `${name} has ${count} columns but directions has ${directions.length} entries`
    );
  }
  const rowCount = columns[0]?.length ?? 0;
  if (rowCount === 0) {
    throw new Error(`${name} has no rows; expected at least one row of numbers`);
  }

  return columns.map((column, j) => {
    if (column?.length !== rowCount) {
      throw new Error(
        `${name}[${j}] has ${column?.length} values but ${name}[0] has ${rowCount}`
      );
    }
    for (let i = 0; i < rowCount; i++) {
      const value: unknown = column[i];
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new Error(
          `${name}[${j}][${i}] (row ${i}) is ${describeValue(value)}; expected a finite number`
        );
      }
    }
    return column instanceof Float64Array ? column : Float64Array.from(column);
  });
}

function checkDirections(directions: readonly Direction[]): void {
  if (!Array.isArray(directions) || directions.length === 0) {
    throw new Error("directions is empty; expected one direction per column");
  }
  for (let j = 0; j < directions.length; j++) {
    if (directions[j] !== "benefit" && directions[j] !== "cost") {
      throw new Error(
        `directions[${j}] is ${describeValue(directions[j])}; expected "benefit" or "cost"`
      );
    }
  }
}

/** Transposes columns (`columns[j][i]`) back into rows (`rows[i][j]`). */
export function columnsToRows(columns: readonly ArrayLike<number>[]): number[][] {
  const rowCount = columns.length === 0 ? 0 : columns[0].length;
  const rows: number[][] = new Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    const row = new Array<number>(columns.length);
    for (let j = 0; j < columns.length; j++) row[j] = columns[j][i];
    rows[i] = row;
  }
  return rows;
}

/**
 * Min–max normalises validated columns with their directions: benefit
 * x' = (x − min)/(max − min), cost x' = (max − x)/(max − min), so every value is in [0, 1]
 * and 1 is the best. A constant column (max = min exactly) becomes 0 in every row and is
 * listed in `degenerateColumns`; it is not an error.
 *
 * @example minMaxColumns([[1, 3, 2]], ["cost"]).columns // [[1, 0, 0.5]]
 */
export function minMaxColumns(
  columns: number[][],
  directions: readonly Direction[]
): MinMaxColumns {
  const scaled = typedMinMaxColumns(columns, directions);
  return {...scaled, columns: scaled.columns.map((column) => Array.from(column))};
}

/**
 * Min–max normalises columns as {@link minMaxColumns} does, into Float64Arrays. Arrays and
 * typed arrays are read alike; the input is not changed.
 *
 * @example Array.from(typedMinMaxColumns([new Float64Array([1, 3, 2])], ["cost"]).columns[0])
 * // [1, 0, 0.5]
 */
export function typedMinMaxColumns(
  columns: readonly ArrayLike<number>[],
  directions: readonly Direction[]
): TypedMinMaxColumns {
  const result: TypedMinMaxColumns = {columns: [], min: [], max: [], degenerateColumns: []};
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j];
    if (column.length === 0) throw new Error(`column ${j} has no values; expected at least one`);
    let min = column[0];
    let max = column[0];
    for (let i = 1; i < column.length; i++) {
      const value = column[i];
      if (value < min) min = value;
      if (value > max) max = value;
    }
    const range = max - min;
    const scaled = new Float64Array(column.length);
    if (range === 0) {
      result.degenerateColumns.push(j);
    } else if (directions[j] === "cost") {
      for (let i = 0; i < column.length; i++) scaled[i] = (max - column[i]) / range;
    } else {
      for (let i = 0; i < column.length; i++) scaled[i] = (column[i] - min) / range;
    }
    result.columns.push(scaled);
    result.min.push(min);
    result.max.push(max);
  }
  return result;
}

/**
 * Validates a decision matrix as {@link typedDecisionColumns} does, with the same errors,
 * and min–max normalises its columns as {@link typedMinMaxColumns} does, to the same values,
 * without keeping a copy of the raw columns: the rows are read in blocks twice, for the
 * ranges and then for the normalised values.
 *
 * @example Array.from(minMaxDecisionColumns([[1], [3], [2]], ["cost"]).columns[0])
 * // [1, 0, 0.5]
 */
export function minMaxDecisionColumns(
  data: Matrix,
  directions: readonly Direction[],
  name = "data"
): TypedMinMaxColumns {
  const {rows, min, max} = columnRanges(data, directions, name);
  const count = directions.length;
  const columns = directions.map(() => new Float64Array(rows));
  const degenerateColumns: number[] = [];
  for (let k = 0; k < count; k++) if (min[k] === max[k]) degenerateColumns.push(k);
  forEachRowBlock(
    data,
    count,
    (block, start, length) => {
      for (let k = 0; k < count; k++) {
        if (min[k] === max[k]) continue;
        scaleInto(block[k], length, min[k], max[k], directions[k], columns[k], start);
      }
    },
    {check: false}
  );
  return {columns, min: Array.from(min), max: Array.from(max), degenerateColumns};
}

/**
 * Writes the min–max normalised values[0 … length − 1] to target[start …], with the
 * arithmetic of typedMinMaxColumns.
 */
function scaleInto(
  values: Float64Array,
  length: number,
  min: number,
  max: number,
  direction: Direction,
  target: Float64Array,
  start: number
): void {
  const range = max - min;
  if (direction === "cost") {
    for (let r = 0; r < length; r++) target[start + r] = (max - values[r]) / range;
  } else {
    for (let r = 0; r < length; r++) target[start + r] = (values[r] - min) / range;
  }
}

/**
 * Computes the Pearson correlation matrix of columns (`columns[j][i]`, arrays or typed
 * arrays): r_jk = S_jk / √(S_jj·S_kk) with S the centred cross-products of
 * `centredCrossProducts`, which equals cov(x_j, x_k)/(s_j·s_k). The diagonal is exactly 1.
 * Every column must have at least 2 values and a non-zero spread, or the result contains NaN.
 *
 * @example correlationOfColumns([[1, 2, 3], [3, 2, 1]]) // [[1, -1], [-1, 1]]
 */
export function correlationOfColumns(columns: readonly ArrayLike<number>[]): number[][] {
  const count = columns.length;
  const {products} = centredCrossProducts(columns);
  const r: number[][] = [];
  for (let j = 0; j < count; j++) r.push(new Array<number>(count).fill(1));
  for (let j = 0; j < count; j++) {
    for (let k = j + 1; k < count; k++) {
      r[j][k] = r[k][j] = products[j][k] / Math.sqrt(products[j][j] * products[k][k]);
    }
  }
  return r;
}

function zScoreColumns(
  columns: number[][],
  directions: readonly Direction[],
  ddof: number,
  directional: boolean
): {means: number[]; sds: number[]; degenerateColumns: number[]} {
  const rowCount = columns[0].length;
  const means: number[] = [];
  const sds: number[] = [];
  const degenerateColumns: number[] = [];
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j];
    const [min, max] = extent(column);
    const columnMean = mean(column);
    const sd = Math.sqrt(sumNthPowerDeviations(column, 2) / (rowCount - ddof));
    means.push(columnMean);
    sds.push(sd);

    // Degeneracy is decided on the range: the sd of a constant column can come out as
    // a rounding residue instead of 0, and dividing by it would blow the column up.
    if (max === min) {
      column.fill(0);
      degenerateColumns.push(j);
      continue;
    }
    const sign = directional && directions[j] === "cost" ? -1 : 1;
    for (let i = 0; i < rowCount; i++) column[i] = (sign * (column[i] - columnMean)) / sd;
  }
  return {means, sds, degenerateColumns};
}

/**
 * Normalises each column of a decision matrix (rows × columns).
 *
 * - `"minmax"` (default): benefit x' = (x − min)/(max − min), cost x' = (max − x)/(max −
 *   min); values in [0, 1], 1 is best.
 * - `"zscore"`: z = (x − mean)/sd with the sample sd (`ddof` 1, default) or the population
 *   sd (`ddof` 0). Directions are ignored unless `directional` is true, which multiplies
 *   the z-scores of cost columns by −1.
 *
 * A constant column (max = min) is not an error: it becomes 0 in every row and its 0-based
 * index is listed in `degenerateColumns`, which callers should show as a warning.
 *
 * Throws (see {@link decisionColumns}) on an empty or ragged matrix, a cell that is not a
 * finite number, or a direction other than "benefit"/"cost"; also on z-scores of a single
 * row, an unknown method or a ddof other than 0 or 1. Messages give 0-based indices.
 *
 * @example normalize([[1], [3], [2]], ["cost"]).data // [[1], [0], [0.5]]
 */
export function normalize(
  data: Matrix,
  directions: readonly Direction[],
  options: NormalizeOptions = {}
): NormalizeResult {
  const {method = "minmax", ddof = 1, directional = false} = options;
  if (method !== "minmax" && method !== "zscore") {
    throw new Error(
      `unknown normalisation method ${describeValue(method)}; expected "minmax" or "zscore"`
    );
  }
  if (ddof !== 0 && ddof !== 1) {
    throw new Error(`invalid ddof ${describeValue(ddof)}; expected 0 or 1`);
  }
  if (method === "minmax") {
    const scaled = typedMinMaxColumns(typedDecisionColumns(data, directions), directions);
    return {
      data: columnsToRows(scaled.columns),
      degenerateColumns: scaled.degenerateColumns,
      method,
      min: scaled.min,
      max: scaled.max
    };
  }

  const columns = decisionColumns(data, directions);
  if (data.length < 2) {
    throw new Error("z-scores need at least 2 rows; data has 1 row");
  }
  const {means, sds, degenerateColumns} = zScoreColumns(columns, directions, ddof, directional);
  return {data: columnsToRows(columns), degenerateColumns, method, mean: means, sd: sds};
}
