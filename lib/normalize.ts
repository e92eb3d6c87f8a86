import {extent, mean, sumNthPowerDeviations} from "simple-statistics";
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
  const indexes = directions.map((_, j) => j);
  return readColumns(data, indexes, name, true);
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
    if (!Array.isArray(row)) {
      throw new Error(`${name}[${i}] is ${describeValue(row)}; expected an array of numbers`);
    }
    if (wholeRows && row.length !== columnCount) {
      throw new Error(
        `${name}[${i}] has ${row.length} values but directions has ${columnCount} entries`
      );
    }
    for (let k = 0; k < columnCount; k++) {
      const value = wholeRows ? row[k] : row[indexes[k]];
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new Error(
          `${name}[${i}][${k}] is ${describeValue(value)}; expected a finite number`
        );
      }
      columns[k][i] = value;
    }
  }
  return columns;
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
