import {EigenvalueDecomposition} from "ml-matrix";
import type {Matrix} from "./types.js";

/**
 * Method that derives AHP priorities from a pairwise comparison matrix: the principal right
 * eigenvector, the normalised row geometric mean, or the row mean of the column-normalised
 * matrix (the "sum" or "sum-product" method).
 */
export type AhpPriorityMethod = "eigenvector" | "geometric" | "column-mean";

/** Random index table used for the consistency ratio CR = CI / RI. */
export type RandomIndexTable = "saaty" | "alonso-lamata";

/** Options of {@link ahp}. */
export interface AhpOptions {
  /** Priority method; default `"eigenvector"`. λmax, CI and CR never depend on it. */
  method?: AhpPriorityMethod;
  /** Random index table; default `"saaty"`. */
  riTable?: RandomIndexTable;
}

/** Priorities and consistency of one pairwise comparison matrix. */
export interface AhpResult {
  /** Priority vector, positive, sums to 1, in the order of the matrix rows. */
  weights: number[];
  /** Principal eigenvalue of the matrix (n for n ≤ 2). */
  lambdaMax: number;
  /** Consistency index (λmax − n)/(n − 1); 0 for n ≤ 2. */
  ci: number;
  /** Consistency ratio CI / RI; 0 for n ≤ 2. */
  cr: number;
  /** Random index of the chosen table for this n. */
  ri: number;
  /** Whether CR ≤ 0.1. */
  consistent: boolean;
  method: AhpPriorityMethod;
  riTable: RandomIndexTable;
}

/** A judgment that disagrees with the priorities, as listed by {@link inconsistentJudgments}. */
export interface InconsistentJudgment {
  /** 0-based row and column of the judgment a[i][j], with i < j. */
  i: number;
  j: number;
  /** The judgment a[i][j] as given. */
  value: number;
  /** Ratio of the eigenvector priorities w_i / w_j that a consistent judgment would equal. */
  implied: number;
  /** Saaty-scale value (1/9 … 9) nearest to `implied` on a log scale. */
  suggested: number;
  /** Ratio deviation max(a·w_j/w_i, w_i/(a·w_j)), 1 when the judgment fits exactly. */
  deviation: number;
}

/** Options of {@link aggregatePriorities}. */
export interface AggregatePrioritiesOptions {
  /**
   * `"geometric"` (default): w_i ∝ Π_k (w_i^(k))^λ_k. `"arithmetic"`: w_i = Σ_k λ_k·w_i^(k)
   * after each expert's vector is normalised to sum 1.
   */
  mean?: "geometric" | "arithmetic";
}

/** Largest matrix order with a random index in both tables. */
export const AHP_MAX_ORDER = 15;

/**
 * Random index RI for n = 1 … 15 in two tables (index n − 1).
 *
 * `saaty` is Saaty's table as commonly reproduced for n up to 15, including the published
 * 1.48 for n = 12 although the sequence is otherwise increasing (some reproductions print
 * 1.54 there). `alonso-lamata` is the table of Alonso and Lamata (2006, Int. J. Uncertainty,
 * Fuzziness and Knowledge-Based Systems 14(4)), the mean CI of 100,000 random reciprocal
 * matrices per n. NOTE: these values were taken from AHP software that reproduces the
 * table, not from the paper. A numpy simulation of 100,000 random matrices per n (entries
 * uniform over the 17 Saaty-scale values) matched every value within 0.003, about two
 * standard errors.
 */
export const RANDOM_INDEX: Readonly<Record<RandomIndexTable, readonly number[]>> = {
  saaty: [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59],
  "alonso-lamata": [
    0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365,
    1.5551, 1.5713, 1.5838
  ]
};

/** Saaty's 1–9 scale with the reciprocals, ascending: 1/9, 1/8, …, 1/2, 1, 2, …, 9. */
export const SAATY_SCALE: readonly number[] = [
  1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9
];

const reciprocityTolerance = 1e-6;
const expertWeightTolerance = 1e-9;

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(3)));
}

function describeEntry(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

/**
 * Validates a pairwise comparison matrix and throws an Error naming the first problem with
 * 0-based indices: not a non-empty square array of rows, order above 15, an entry that is
 * not a finite number > 0, a diagonal entry other than 1 (±1e-6), or a pair with
 * |a[i][j]·a[j][i] − 1| > 1e-6. Judgments such as 1/3 must therefore be given to at least
 * 7 significant digits: 0.33 is rejected.
 *
 * @example checkComparisonMatrix([[1, 3], [1 / 3, 1]]) // passes
 */
export function checkComparisonMatrix(matrix: Matrix, name = "AHP matrix"): void {
  if (!Array.isArray(matrix) || matrix.length === 0) {
    throw new Error(`${name} is empty; expected a square array of rows`);
  }
  const n = matrix.length;
  if (n > AHP_MAX_ORDER) {
    throw new Error(
      `${name} has order ${n}; random indices exist only up to order ${AHP_MAX_ORDER}`
    );
  }
  for (let i = 0; i < n; i++) {
    const row = matrix[i];
    if (!Array.isArray(row) || row.length !== n) {
      const found = Array.isArray(row) ? `${row.length} entries` : describeEntry(row);
      throw new Error(`${name} is not square: row ${i} has ${found}, expected ${n} entries`);
    }
    for (let j = 0; j < n; j++) {
      const value = row[j];
      if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
        throw new Error(
          `${name} entry a[${i}][${j}] is ${describeEntry(value)}; expected a finite number > 0`
        );
      }
    }
    if (Math.abs(row[i] - 1) > reciprocityTolerance) {
      throw new Error(`${name} diagonal entry a[${i}][${i}] is ${row[i]}; expected 1`);
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const upper = matrix[i][j];
      const lower = matrix[j][i];
      if (Math.abs(upper * lower - 1) > reciprocityTolerance) {
        throw new Error(
          `${name} is not reciprocal: a[${i}][${j}] = ${formatNumber(upper)} but ` +
            `a[${j}][${i}] = ${formatNumber(lower)}, expected ${formatNumber(1 / upper)} ` +
            "(indices are 0-based; give reciprocals to at least 7 significant digits)"
        );
      }
    }
  }
}

/**
 * Computes the principal (Perron) eigenvalue and eigenvector of a positive matrix with
 * ml-matrix's EigenvalueDecomposition. The Perron root is real and larger than the real
 * part of every other eigenvalue, so it is the eigenvalue with the largest real part.
 */
function principalEigen(matrix: Matrix): {value: number; vector: number[]} {
  const decomposition = new EigenvalueDecomposition(matrix);
  const values = decomposition.realEigenvalues;
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;

  const column = decomposition.eigenvectorMatrix.getColumn(best).map(Math.abs);
  const total = column.reduce((sum, x) => sum + x, 0);
  return {value: values[best], vector: column.map((x) => x / total)};
}

function geometricMeanPriorities(matrix: Matrix): number[] {
  const n = matrix.length;
  const logMeans = matrix.map((row) => row.reduce((sum, x) => sum + Math.log(x), 0) / n);
  const means = logMeans.map((x) => Math.exp(x));
  const total = means.reduce((sum, x) => sum + x, 0);
  return means.map((x) => x / total);
}

function columnMeanPriorities(matrix: Matrix): number[] {
  const n = matrix.length;
  const columnSums = new Array<number>(n).fill(0);
  for (const row of matrix) for (let j = 0; j < n; j++) columnSums[j] += row[j];
  return matrix.map((row) => row.reduce((sum, x, j) => sum + x / columnSums[j], 0) / n);
}

/**
 * Computes AHP priorities and consistency of a pairwise comparison matrix (Saaty's 1–9
 * scale, a[i][j] = how much more important i is than j, a[j][i] = 1/a[i][j]).
 *
 * Weights come from `method`. The default is the principal right eigenvector, with absolute
 * values normalised to sum 1. The alternatives are the normalised row geometric mean
 * (Π_j a_ij)^(1/n) and the row mean of the column-sum-normalised matrix. Whatever the
 * method, λmax is the principal eigenvalue (ml-matrix EigenvalueDecomposition),
 * CI = (λmax − n)/(n − 1) and CR = CI/RI with RI from `riTable` (Saaty's by default, see
 * {@link RANDOM_INDEX}).
 * For n = 1 and n = 2 every reciprocal matrix is consistent: λmax = n and CI = CR = 0.
 *
 * Throws an Error as {@link checkComparisonMatrix} does, naming the entry with 0-based
 * indices, and on an unknown method or RI table.
 *
 * @example ahp([[1, 3], [1 / 3, 1]]) // {weights: [0.75, 0.25], lambdaMax: 2, cr: 0, …}
 */
export function ahp(matrix: Matrix, options: AhpOptions = {}): AhpResult {
  const {method = "eigenvector", riTable = "saaty"} = options;
  if (method !== "eigenvector" && method !== "geometric" && method !== "column-mean") {
    throw new Error(
      `unknown AHP priority method ${describeEntry(method)}; ` +
        'expected "eigenvector", "geometric" or "column-mean"'
    );
  }
  if (riTable !== "saaty" && riTable !== "alonso-lamata") {
    throw new Error(
      `unknown random index table ${describeEntry(riTable)}; expected "saaty" or "alonso-lamata"`
    );
  }
  checkComparisonMatrix(matrix);

  const n = matrix.length;
  const eigen = principalEigen(matrix);
  const weights =
    method === "eigenvector"
      ? eigen.vector
      : method === "geometric"
        ? geometricMeanPriorities(matrix)
        : columnMeanPriorities(matrix);
  const ri = RANDOM_INDEX[riTable][n - 1];
  const lambdaMax = n <= 2 ? n : eigen.value;
  const ci = n <= 2 ? 0 : (lambdaMax - n) / (n - 1);
  const cr = n <= 2 ? 0 : ci / ri;

  return {weights, lambdaMax, ci, cr, ri, consistent: cr <= 0.1, method, riTable};
}

function checkExpertWeights(expertWeights: readonly number[] | undefined, count: number): number[] {
  if (expertWeights === undefined) return new Array<number>(count).fill(1 / count);
  if (!Array.isArray(expertWeights) || expertWeights.length !== count) {
    const found = Array.isArray(expertWeights) ? expertWeights.length : 0;
    throw new Error(`expert weights have ${found} entries but there are ${count} experts`);
  }
  for (let k = 0; k < count; k++) {
    const weight = expertWeights[k];
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight <= 0) {
      throw new Error(
        `expert weight ${k} is ${describeEntry(weight)}; expected a finite number > 0`
      );
    }
  }
  const total = expertWeights.reduce((sum, x) => sum + x, 0);
  if (Math.abs(total - 1) > expertWeightTolerance) {
    throw new Error(`expert weights sum to ${total}; expected 1 (within 1e-9)`);
  }
  return expertWeights.slice();
}

/**
 * Aggregates several experts' comparison matrices into one by the element-wise weighted
 * geometric mean (AIJ, aggregation of individual judgments): G_ij = Π_k (a_ij^(k))^λ_k.
 * The result is again a reciprocal matrix, so {@link ahp} can be run on it.
 *
 * `expertWeights` λ_k must be > 0 and sum to 1 (±1e-9); default equal weights. Throws an
 * Error when the list is empty, a matrix is invalid (named by its 0-based expert index),
 * the matrices differ in size, or the expert weights are invalid.
 *
 * @example aggregateJudgments([[[1, 2], [0.5, 1]], [[1, 8], [0.125, 1]]]) // [[1, 4], [0.25, 1]]
 */
export function aggregateJudgments(
  matrices: readonly Matrix[],
  expertWeights?: readonly number[]
): Matrix {
  if (!Array.isArray(matrices) || matrices.length === 0) {
    throw new Error("no expert matrices given; expected at least one comparison matrix");
  }
  matrices.forEach((matrix, k) => checkComparisonMatrix(matrix, `AHP matrix of expert ${k}`));
  const n = matrices[0].length;
  matrices.forEach((matrix, k) => {
    if (matrix.length !== n) {
      throw new Error(
        `all expert matrices must have the same size: expert ${k} has order ` +
          `${matrix.length} but expert 0 has order ${n}`
      );
    }
  });
  const lambda = checkExpertWeights(expertWeights, matrices.length);

  const result: Matrix = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(n);
    for (let j = 0; j < n; j++) {
      let logSum = 0;
      for (let k = 0; k < matrices.length; k++) logSum += lambda[k] * Math.log(matrices[k][i][j]);
      row[j] = i === j ? 1 : Math.exp(logSum);
    }
    result.push(row);
  }
  return result;
}

/**
 * Aggregates several experts' priority vectors (AIP, aggregation of individual
 * priorities). Default: the weighted geometric mean w_i ∝ Π_k (w_i^(k))^λ_k normalised to
 * sum 1; `{mean: "arithmetic"}` gives Σ_k λ_k·w_i^(k) of the vectors normalised to sum 1.
 *
 * `expertWeights` λ_k must be > 0 and sum to 1 (±1e-9); default equal weights. Throws an
 * Error when the list is empty, the vectors differ in length, an entry is not a finite
 * number ≥ 0, a vector sums to 0, or the geometric mean is 0 for every element.
 *
 * @example aggregatePriorities([[0.8, 0.2], [0.2, 0.8]]) // [0.5, 0.5]
 */
export function aggregatePriorities(
  weightVectors: readonly (readonly number[])[],
  expertWeights?: readonly number[],
  options: AggregatePrioritiesOptions = {}
): number[] {
  const {mean = "geometric"} = options;
  if (!Array.isArray(weightVectors) || weightVectors.length === 0) {
    throw new Error("no expert priority vectors given; expected at least one");
  }
  const n = weightVectors[0].length;
  weightVectors.forEach((vector, k) => {
    if (!Array.isArray(vector) || vector.length !== n || n === 0) {
      const found = Array.isArray(vector) ? vector.length : 0;
      throw new Error(
        `all expert priority vectors must have the same non-zero length: expert ${k} ` +
          `has ${found} entries but expert 0 has ${n}`
      );
    }
    vector.forEach((x, i) => {
      if (typeof x !== "number" || !Number.isFinite(x) || x < 0) {
        throw new Error(
          `priority ${i} of expert ${k} is ${describeEntry(x)}; expected a finite number ≥ 0`
        );
      }
    });
    if (vector.every((x) => x === 0)) {
      throw new Error(`priorities of expert ${k} are all 0; expected a positive sum`);
    }
  });
  const lambda = checkExpertWeights(expertWeights, weightVectors.length);

  const combined = new Array<number>(n).fill(0);
  for (let k = 0; k < weightVectors.length; k++) {
    const vector: readonly number[] = weightVectors[k];
    const total = vector.reduce((sum, x) => sum + x, 0);
    for (let i = 0; i < n; i++) {
      combined[i] +=
        mean === "arithmetic" ? (lambda[k] * vector[i]) / total : lambda[k] * Math.log(vector[i]);
    }
  }
  const values = mean === "arithmetic" ? combined : combined.map((x) => Math.exp(x));
  const total = values.reduce((sum, x) => sum + x, 0);
  if (total === 0) {
    throw new Error("the geometric mean of the priorities is 0 for every element");
  }
  return values.map((x) => x / total);
}

/**
 * Returns the Saaty-scale value (1/9 … 9, see {@link SAATY_SCALE}) nearest to a positive
 * ratio on a log scale, so 2.9 → 3 and 0.3 → 1/3; ratios beyond the scale give 9 or 1/9.
 * Throws an Error unless the ratio is a finite number > 0.
 *
 * @example nearestSaatyValue(4.4) // 4
 */
export function nearestSaatyValue(ratio: number): number {
  if (typeof ratio !== "number" || !Number.isFinite(ratio) || ratio <= 0) {
    throw new Error(`ratio is ${describeEntry(ratio)}; expected a finite number > 0`);
  }
  const target = Math.log(ratio);
  let best = SAATY_SCALE[0];
  for (const value of SAATY_SCALE) {
    if (Math.abs(Math.log(value) - target) < Math.abs(Math.log(best) - target)) best = value;
  }
  return best;
}

/**
 * Parses a judgment written as a number ("3", "0.5") or a fraction ("1/3", " 2 / 7 ").
 * Throws an Error unless the text gives a finite number > 0.
 *
 * @example parseJudgment("1/3") // 0.3333333333333333
 */
export function parseJudgment(text: string): number {
  const match = /^\s*([0-9]*\.?[0-9]+)\s*(?:\/\s*([0-9]*\.?[0-9]+)\s*)?$/.exec(String(text));
  let value = NaN;
  if (match) {
    const denominator = match[2] === undefined ? 1 : Number(match[2]);
    value = Number(match[1]) / denominator;
  }
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(
      `invalid judgment ${describeEntry(text)}; expected a number > 0 or a fraction like "1/3"`
    );
  }
  return value;
}

/**
 * Parses a comparison matrix of judgments written as text (see {@link parseJudgment}).
 * Throws an Error naming the 0-based entry that does not parse; the matrix is not
 * otherwise checked, which {@link ahp} does.
 *
 * @example parseComparisonMatrix([["1", "3"], ["1/3", "1"]]) // [[1, 3], [0.333…, 1]]
 */
export function parseComparisonMatrix(texts: readonly (readonly string[])[]): Matrix {
  return texts.map((row, i) =>
    row.map((text, j) => {
      try {
        return parseJudgment(text);
      } catch (error) {
        throw new Error(`entry a[${i}][${j}]: ${(error as Error).message}`);
      }
    })
  );
}

/**
 * Lists the judgments a[i][j] (i < j, 0-based) of a comparison matrix by how far they
 * depart from the principal eigenvector w, worst first. Following Saaty (2003, "Decision-
 * making with the AHP: Why is the principal eigenvector necessary", EJOR 145:85–91), the
 * most inconsistent judgment has the largest ε_ij = a_ij·w_j/w_i, and revising it towards
 * w_i/w_j improves consistency most. `deviation` = max(ε_ij, 1/ε_ij) treats a judgment too
 * high and one too low alike (it is the same for a[i][j] and a[j][i]), and `suggested` is
 * the Saaty-scale value nearest to w_i/w_j. Ties keep row-major order.
 *
 * Throws an Error as {@link checkComparisonMatrix} does.
 *
 * @example inconsistentJudgments([[1, 2, 4], [1/2, 1, 2], [1/4, 1/2, 1]])[0].deviation // ≈ 1
 */
export function inconsistentJudgments(matrix: Matrix): InconsistentJudgment[] {
  checkComparisonMatrix(matrix);

  const w = principalEigen(matrix).vector;
  const judgments: InconsistentJudgment[] = [];
  for (let i = 0; i < matrix.length; i++) {
    for (let j = i + 1; j < matrix.length; j++) {
      const value = matrix[i][j];
      const implied = w[i] / w[j];
      const ratio = value / implied;
      const deviation = Math.max(ratio, 1 / ratio);
      judgments.push({i, j, value, implied, suggested: nearestSaatyValue(implied), deviation});
    }
  }
  return judgments.sort((a, b) => b.deviation - a.deviation);
}
