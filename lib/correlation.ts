import {sampleCorrelation} from "simple-statistics";
import {addBlockProducts} from "./blockProducts.js";
import {assertCompleteRows, assertFiniteValues} from "./describe.js";
import {pValueT, rankWithTies} from "./inference.js";

/** A correlation coefficient with its sample size and two-sided p-value. */
export interface PearsonResult {
  r: number;
  n: number;
  /** Two-sided p-value from t = r·sqrt((n − 2)/(1 − r²)) with n − 2 df, or null when n = 2. */
  p: number | null;
}

/** Spearman's rank correlation with its sample size and two-sided p-value. */
export interface SpearmanResult {
  rho: number;
  n: number;
  /** Two-sided p-value from the t approximation with n − 2 df, or null when n = 2. */
  p: number | null;
}

/** Correlation method: Pearson's r, or Spearman's ρ (Pearson's r of average ranks). */
export type CorrelationMethod = "pearson" | "spearman";

/**
 * Computes Pearson's correlation r of two paired samples (simple-statistics'
 * `sampleCorrelation`) and its two-sided p-value from Student's t with n − 2 df.
 *
 * @throws Error if the lengths differ, n < 2, a value is not finite or a sample is
 *   constant (r is undefined)
 * @example
 * pearson([1, 2, 3, 4], [2, 4, 5, 9]); // {r: 0.9648…, n: 4, p: 0.0352…}
 */
export function pearson(x: readonly number[], y: readonly number[]): PearsonResult {
  checkPairs(x, y, "pearson");

  const r = clampCorrelation(sampleCorrelation(x as number[], y as number[]));
  return {r, n: x.length, p: correlationPValue(r, x.length)};
}

/**
 * Computes Spearman's rank correlation ρ: Pearson's r (simple-statistics'
 * `sampleCorrelation`) of the average ranks, where tied values share the mean of their
 * ranks. The shortcut 1 − 6Σd²/(n(n² − 1)) is not used because it is wrong with ties. The two-sided
 * p-value uses t = ρ·sqrt((n − 2)/(1 − ρ²)) with n − 2 df (an approximation for small n).
 *
 * @throws Error if the lengths differ, n < 2, a value is not finite or a sample is
 *   constant (ρ is undefined)
 * @example
 * spearman([1, 2, 2, 3, 4, 4, 4, 5], [2, 1, 3, 3, 5, 4, 4, 5]);
 * // {rho: 0.9063…, n: 8, p: 0.00191…}
 */
export function spearman(x: readonly number[], y: readonly number[]): SpearmanResult {
  checkPairs(x, y, "spearman");

  const rx = Array.from(rankWithTies(x).ranks);
  const ry = Array.from(rankWithTies(y).ranks);
  const rho = clampCorrelation(sampleCorrelation(rx, ry));
  return {rho, n: x.length, p: correlationPValue(rho, x.length)};
}

/**
 * Computes the correlation matrix of the columns of complete data (rows are
 * observations). Pearson's r is Σ(x − x̄)(y − ȳ) / sqrt(Σ(x − x̄)² Σ(y − ȳ)²), and Spearman's
 * ρ is the same on average ranks. The diagonal is exactly 1.
 *
 * @param rows observations × variables, at least 2 rows, no missing cells
 * @throws Error for a missing or non-finite cell (named by row and column), fewer than 2
 *   rows, or a constant column, whose correlations are undefined
 * @example
 * correlationMatrix([[1, 2], [2, 4], [3, 5]]); // [[1, 0.9820], [0.9820, 1]]
 */
export function correlationMatrix(
  rows: readonly (readonly number[])[],
  {method = "pearson"}: {method?: CorrelationMethod} = {},
): number[][] {
  const width = assertCompleteRows(rows, "correlationMatrix: rows");
  if (rows.length < 2) {
    throw new Error(`correlationMatrix: expected at least 2 rows, got ${rows.length}`);
  }
  checkMethod(method);

  const columns: Float64Array[] = [];
  for (let j = 0; j < width; j++) {
    const column = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) column[i] = rows[i][j];
    if (isConstant(column)) {
      throw new Error(
        `correlationMatrix: column ${j} is constant (zero variance), so its correlations` +
          " are undefined: drop it first",
      );
    }
    columns.push(method === "spearman" ? rankWithTies(column).ranks : column);
  }
  return correlateColumns(columns);
}

/** A correlation matrix from pairwise deletion and the sample size behind each entry. */
export interface PairwiseCorrelation {
  /** r[i][j], or null when fewer than 2 pairs remain or a column is constant on them. */
  r: (number | null)[][];
  /** n[i][j]: the number of rows where both column i and column j are present. */
  n: number[][];
}

/**
 * Computes a correlation matrix by pairwise deletion: each entry uses the rows where both
 * of its columns are present (not null, undefined or NaN), and reports that count. With
 * Spearman's method the ranks are taken within those rows. Entries can rest on different
 * rows, so the matrix need not be positive semi-definite. Use `listwise` and
 * `correlationMatrix` for a matrix that factor analysis can invert.
 *
 * @throws Error for a ragged matrix, no rows, or a value that is neither a finite
 *   number nor missing
 * @example
 * pairwiseCorrelation([[1, 2], [2, null], [3, 5], [4, 9]]);
 * // {r: [[1, 0.9631], [0.9631, 1]], n: [[4, 3], [3, 3]]}
 */
export function pairwiseCorrelation(
  rows: readonly (readonly (number | null | undefined)[])[],
  {method = "pearson"}: {method?: CorrelationMethod} = {},
): PairwiseCorrelation {
  const columns = readColumnsWithGaps(rows);
  checkMethod(method);

  const width = columns.length;
  const r: (number | null)[][] = columns.map(() => new Array(width).fill(null));
  const n: number[][] = columns.map(() => new Array(width).fill(0));
  for (let a = 0; a < width; a++) {
    for (let b = a; b < width; b++) {
      const [x, y] = presentPairs(columns[a], columns[b]);
      n[a][b] = n[b][a] = x.length;
      if (x.length < 2 || isConstant(x) || isConstant(y)) continue;
      if (a === b) {
        r[a][a] = 1;
        continue;
      }
      const pair = method === "spearman" ? [rankWithTies(x).ranks, rankWithTies(y).ranks] : [x, y];
      r[a][b] = r[b][a] = correlateColumns(pair)[0][1];
    }
  }
  return {r, n};
}

/** Pearson correlations of non-constant columns of equal length. */
function correlateColumns(columns: readonly Float64Array[]): number[][] {
  const width = columns.length;
  const {products} = centredCrossProducts(columns);
  const r = columns.map(() => new Array<number>(width).fill(1));
  for (let a = 0; a < width; a++) {
    for (let b = a + 1; b < width; b++) {
      const value = products[a][b] / Math.sqrt(products[a][a] * products[b][b]);
      r[a][b] = r[b][a] = clampCorrelation(value);
    }
  }
  return r;
}

/** Column means and centred cross-products of equal-length columns. */
export interface CrossProducts {
  means: number[];
  /** products[a][b] = Σ_i (x_ai − x̄_a)(x_bi − x̄_b), symmetric. */
  products: number[][];
}

// Rows per block of centred values: 20 columns of 2048 rows take 320 KB, which stays in
// the second-level cache of current processors.
const blockRows = 2048;

/**
 * Computes the means and the centred cross-products S_ab = Σ_i (x_ai − x̄_a)(x_bi − x̄_b)
 * of equal-length columns, the basis of covariances (S / (n − 1)) and correlations
 * (S_ab / √(S_aa·S_bb)). Each block of rows is centred once and multiplied two by four
 * columns at a time, so p columns of n rows take about p(p + 1)/2 · n multiply-adds and
 * O(p · 2048) extra memory. Values are not checked: NaN or ±Infinity propagate.
 *
 * @throws Error when the columns have different lengths
 * @example
 * centredCrossProducts([[1, 2, 3], [2, 4, 9]]);
 * // {means: [2, 5], products: [[2, 7], [7, 26]]}
 */
export function centredCrossProducts(columns: readonly ArrayLike<number>[]): CrossProducts {
  const width = columns.length;
  const n = width === 0 ? 0 : columns[0].length;
  columns.forEach((column, a) => {
    if (column.length !== n) {
      throw new Error(`column ${a} has ${column.length} values but column 0 has ${n}`);
    }
  });

  const means = new Float64Array(width);
  for (let a = 0; a < width; a++) means[a] = columnSum(columns[a], n) / n;
  // The block is padded with columns of zeros to a multiple of 4, so every product
  // kernel works on whole groups of four columns.
  const padded = Math.ceil(width / 4) * 4;
  const sums = new Float64Array(padded * padded);
  const block = new Float64Array(padded * blockRows);
  for (let start = 0; start < n; start += blockRows) {
    const length = Math.min(blockRows, n - start);
    for (let a = 0; a < width; a++) {
      const column = columns[a];
      centreInto(block, a * blockRows, column, start, length, means[a]);
    }
    for (let a = 0; a < width; a += 2) {
      for (let b = a - (a % 4); b < padded; b += 4) {
        addBlockProducts(block, blockRows, a, b, length, sums, padded);
      }
    }
  }

  const products: number[][] = [];
  for (let a = 0; a < width; a++) {
    const row = new Array<number>(width);
    for (let b = 0; b < width; b++) {
      row[b] = a <= b ? sums[a * padded + b] : sums[b * padded + a];
    }
    products.push(row);
  }
  return {means: Array.from(means), products};
}

// Each loop over a column has a Float64Array version and a version for other arrays. V8
// compiles a loop for the kind of array it has read, and recompiles it when another kind comes.

/** Returns the sum of the first n values of a column. */
function columnSum(column: ArrayLike<number>, n: number): number {
  return column instanceof Float64Array ? sumFloat64(column, n) : sumOther(column, n);
}

function sumFloat64(column: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += column[i];
  return sum;
}

function sumOther(column: ArrayLike<number>, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += column[i];
  return sum;
}

/** Writes column[start + i] − mean to block[offset + i] for i below length. */
function centreInto(
  block: Float64Array,
  offset: number,
  column: ArrayLike<number>,
  start: number,
  length: number,
  mean: number,
): void {
  if (column instanceof Float64Array) centreFloat64(block, offset, column, start, length, mean);
  else centreOther(block, offset, column, start, length, mean);
}

function centreFloat64(
  block: Float64Array,
  offset: number,
  column: Float64Array,
  start: number,
  length: number,
  mean: number,
): void {
  for (let i = 0; i < length; i++) block[offset + i] = column[start + i] - mean;
}

function centreOther(
  block: Float64Array,
  offset: number,
  column: ArrayLike<number>,
  start: number,
  length: number,
  mean: number,
): void {
  for (let i = 0; i < length; i++) block[offset + i] = column[start + i] - mean;
}

function presentPairs(x: Float64Array, y: Float64Array): [Float64Array, Float64Array] {
  let count = 0;
  for (let i = 0; i < x.length; i++) if (!isNaN(x[i]) && !isNaN(y[i])) count++;
  if (count === x.length) return [x, y];
  const px = new Float64Array(count);
  const py = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < x.length; i++) {
    if (!isNaN(x[i]) && !isNaN(y[i])) {
      px[k] = x[i];
      py[k] = y[i];
      k++;
    }
  }
  return [px, py];
}

/** Reads columns with NaN for each missing cell, rejecting values that are not missing. */
function readColumnsWithGaps(
  rows: readonly (readonly (number | null | undefined)[])[],
): Float64Array[] {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new Error("pairwiseCorrelation: rows is empty: expected at least one row");
  }
  const width = Array.isArray(rows[0]) ? rows[0].length : 0;
  const columns = Array.from({length: width}, () => new Float64Array(rows.length));
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new Error(
        `pairwiseCorrelation: rows[${i}] has ${row?.length} values but row 0 has ${width}`,
      );
    }
    row.forEach((value: unknown, j) => {
      if (value === null || value === undefined) {
        columns[j][i] = NaN;
      } else if (typeof value === "number" && (Number.isFinite(value) || isNaN(value))) {
        columns[j][i] = value;
      } else {
        throw new Error(
          `pairwiseCorrelation: rows[${i}][${j}] is ${String(value)}: expected a finite` +
            " number or a missing value (null, NaN)",
        );
      }
    });
  });
  return columns;
}

function isConstant(x: ArrayLike<number>): boolean {
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return false;
  return true;
}

function clampCorrelation(r: number): number {
  return Math.max(-1, Math.min(1, r));
}

function correlationPValue(r: number, n: number): number | null {
  if (n < 3) return null;
  const df = n - 2;
  if (Math.abs(r) === 1) return 0;
  return pValueT(r * Math.sqrt(df / (1 - r * r)), df);
}

function checkMethod(method: string): void {
  if (method !== "pearson" && method !== "spearman") {
    throw new Error(`invalid correlation method "${method}": expected "pearson" or "spearman"`);
  }
}

function checkPairs(x: readonly number[], y: readonly number[], name: string): void {
  assertFiniteValues(x, `${name}: x`);
  assertFiniteValues(y, `${name}: y`);
  if (x.length !== y.length) {
    throw new Error(
      `${name}: x has ${x.length} values but y has ${y.length}: length mismatch,` +
        " expected paired samples",
    );
  }
  if (x.length < 2) throw new Error(`${name}: expected at least 2 pairs, got ${x.length}`);
  if (isConstant(x)) throw new Error(`${name}: x is constant, so the correlation is undefined`);
  if (isConstant(y)) throw new Error(`${name}: y is constant, so the correlation is undefined`);
}
