import {PCA} from "ml-pca";
import {
  checkedColumns,
  columnMoments,
  rowMoments,
  type ColumnMoments
} from "./normalize.js";
import type {Direction, Matrix} from "./types.js";

/** PCA-based weights with the components that produced them. */
export interface PcaWeightsResult {
  /** Weights w_j = |a_j| / Σ|a|, non-negative, sum 1. */
  weights: number[];
  /** Composite coefficients a_j = Σ_k u_jk·λ_k / Σ_k λ_k over the kept components. */
  coefficients: number[];
  /** All eigenvalues of the correlation matrix, descending. */
  eigenvalues: number[];
  /** Number of kept components: those with eigenvalue > 1, at least 1. */
  componentsKept: number;
  /** Kept eigenvectors, one row per component, each with its largest-|entry| positive. */
  eigenvectors: number[][];
  /** Correlation matrix of the columns after cost columns were multiplied by −1. */
  correlation: number[][];
}

/** Flips an eigenvector so that its entry of largest magnitude (the first on a tie) is > 0. */
function signByLargestEntry(vector: number[]): number[] {
  let largest = 0;
  for (let j = 1; j < vector.length; j++) {
    if (Math.abs(vector[j]) > Math.abs(vector[largest])) largest = j;
  }
  return vector[largest] < 0 ? vector.map((x) => -x) : vector;
}

/**
 * Computes PCA-based weights of the columns of a decision matrix (rows × columns).
 *
 * Cost columns are multiplied by −1 and the columns standardised (sd with ddof 1), so the
 * correlation matrix R of the columns is eigen-decomposed (ml-pca on R, which uses
 * ml-matrix's symmetric EigenvalueDecomposition). Components with eigenvalue λ_k > 1 are
 * kept, at least the first; each eigenvector u_k is signed so that its largest-magnitude
 * entry is positive. The composite coefficient is a_j = Σ_k u_jk·λ_k / Σ_k λ_k over the
 * kept components and the weight w_j = |a_j| / Σ_i |a_i|.
 *
 * NOTE: components whose eigenvalues tie (as for uncorrelated columns, where every λ is 1)
 * have no unique eigenvectors, and rounding decides which λ end up just above 1, so the
 * weights of such data are not reproducible across eigen-solvers.
 *
 * Throws an Error (0-based indices) on the input errors of `decisionColumns` (empty or
 * ragged matrix, a cell that is not a finite number, an invalid direction), on fewer than
 * 2 rows, and on a constant column, whose correlations are undefined.
 *
 * @example pcaWeights([[1, 2], [2, 4], [3, 5]], ["benefit", "benefit"]).weights // [0.5, 0.5]
 */
export function pcaWeights(data: Matrix, directions: readonly Direction[]): PcaWeightsResult {
  return pcaOfMoments(rowMoments(data, directions), directions);
}

/**
 * Computes PCA-based weights as {@link pcaWeights} does, from the columns of a decision
 * matrix (`columns[j][i]` is row i of column j, arrays or Float64Arrays), which saves the
 * copy of a large matrix into rows. The input is not changed. Throws as `pcaWeights` does,
 * with the input errors of `checkedColumns`.
 *
 * @example pcaWeightsOfColumns([[1, 2, 3], [2, 4, 5]], ["benefit", "benefit"]).weights
 * // [0.5, 0.5]
 */
export function pcaWeightsOfColumns(
  columns: readonly ArrayLike<number>[],
  directions: readonly Direction[]
): PcaWeightsResult {
  return pcaOfMoments(columnMoments(checkedColumns(columns, directions)), directions);
}

/**
 * PCA weights from the moments of the raw columns: r_jk = S_jk / √(S_jj·S_kk), and
 * multiplying a column by −1 only flips the sign of its correlations.
 */
function pcaOfMoments(
  {rows: m, min, max, products}: ColumnMoments,
  directions: readonly Direction[]
): PcaWeightsResult {
  if (m < 2) {
    throw new Error("PCA weights need at least 2 rows; data has 1 row");
  }
  directions.forEach((_, j) => {
    if (min[j] !== max[j]) return;
    throw new Error(
      `column ${j} is constant (every value is ${min[j]}), so its correlations are ` +
        "undefined; remove it before computing PCA weights"
    );
  });

  const sign = directions.map((direction) => (direction === "cost" ? -1 : 1));
  const correlation = products.map((row, j) =>
    row.map((s, k) =>
      j === k ? 1 : (sign[j] * sign[k] * s) / Math.sqrt(products[j][j] * products[k][k])
    )
  );
  const pca = new PCA(correlation, {isCovarianceMatrix: true});
  const eigenvalues = pca.getEigenvalues();
  const loadings = pca.getLoadings().to2DArray();

  let componentsKept = eigenvalues.filter((lambda) => lambda > 1).length;
  componentsKept = Math.max(componentsKept, 1);
  const eigenvectors = loadings.slice(0, componentsKept).map(signByLargestEntry);
  const keptTotal = eigenvalues.slice(0, componentsKept).reduce((sum, x) => sum + x, 0);
  const coefficients = directions.map((_, j) =>
    eigenvectors.reduce((sum, u, k) => sum + (u[j] * eigenvalues[k]) / keptTotal, 0)
  );
  const absoluteTotal = coefficients.reduce((sum, a) => sum + Math.abs(a), 0);
  if (!(absoluteTotal > 0)) {
    throw new Error("every PCA composite coefficient is 0, so the weights are undefined");
  }
  const weights = coefficients.map((a) => Math.abs(a) / absoluteTotal);
  return {weights, coefficients, eigenvalues, componentsKept, eigenvectors, correlation};
}
