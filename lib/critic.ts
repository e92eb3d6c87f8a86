import {
  checkedColumns,
  columnMoments,
  rowMoments,
  type ColumnMoments
} from "./normalize.js";
import type {Direction, Matrix} from "./types.js";

const conflictTolerance = 1e-12;

/** Options of {@link criticWeights}. */
export interface CriticOptions {
  /**
   * Delta degrees of freedom of the sd: 1 (sample, default) or 0 (population). The weights
   * are the same for both because the factor cancels, but `sd` and `information` differ.
   */
  ddof?: 0 | 1;
}

/** CRITIC weights with the quantities that produced them, one entry per column. */
export interface CriticResult {
  /** Weights w_j = C_j / Σ C, non-negative, sum 1; 0 for a constant column. */
  weights: number[];
  /** Sd σ_j of the min–max normalised column; 0 for a constant column. */
  sd: number[];
  /** Conflict Σ_k (1 − r_jk) over the kept columns; NaN for a constant column. */
  conflict: number[];
  /** Information C_j = σ_j · conflict_j; 0 for a constant column. */
  information: number[];
  /** Pearson correlations of the normalised kept columns, in `keptColumns` order. */
  correlation: number[][];
  /** 0-based indices of the non-constant columns that CRITIC ran on. */
  keptColumns: number[];
  /** 0-based indices of constant columns, excluded with weight 0. */
  degenerateColumns: number[];
  ddof: 0 | 1;
}

/**
 * Computes CRITIC (criteria importance through intercriteria correlation) weights of the
 * columns of a decision matrix (rows × columns).
 *
 * Columns are min–max normalised with their directions, so a cost column's correlations
 * change sign. With σ_j the sd of normalised column j and r the Pearson correlation
 * matrix of the normalised columns: C_j = σ_j · Σ_k (1 − r_jk), w_j = C_j / Σ_k C_k.
 * Constant columns get weight 0 and are excluded before r is computed.
 *
 * Throws an Error (0-based indices) on the input errors of `decisionColumns` (empty or
 * ragged matrix, a cell that is not a finite number, an invalid direction), on fewer than
 * 3 rows, on fewer than 2 non-constant columns, on a ddof other than 0 or 1, and when
 * every pair of kept columns is perfectly correlated (every conflict ≤ 1e-12), so Σ C = 0.
 *
 * @example criticWeights([[1, 3], [2, 1], [3, 2]], ["benefit", "benefit"]).weights // [0.5, 0.5]
 */
export function criticWeights(
  data: Matrix,
  directions: readonly Direction[],
  options: CriticOptions = {}
): CriticResult {
  const ddof = checkDdof(options);
  return criticOfMoments(rowMoments(data, directions), directions, ddof);
}

/**
 * Computes CRITIC weights as {@link criticWeights} does, from the columns of a decision
 * matrix (`columns[j][i]` is row i of column j, arrays or Float64Arrays), which saves the
 * copy of a large matrix into rows. Throws as `criticWeights` does, with the input errors
 * of `checkedColumns`.
 *
 * @example criticWeightsOfColumns([[1, 2, 3], [3, 1, 2]], ["benefit", "benefit"]).weights
 * // [0.5, 0.5]
 */
export function criticWeightsOfColumns(
  columns: readonly ArrayLike<number>[],
  directions: readonly Direction[],
  options: CriticOptions = {}
): CriticResult {
  const ddof = checkDdof(options);
  return criticOfMoments(columnMoments(checkedColumns(columns, directions)), directions, ddof);
}

function checkDdof({ddof = 1}: CriticOptions): 0 | 1 {
  if (ddof !== 0 && ddof !== 1) {
    throw new Error(`invalid ddof ${String(ddof)}; expected 0 or 1`);
  }
  return ddof;
}

/**
 * CRITIC weights from the moments of the raw columns. Min–max normalisation divides a
 * column's centred values by its range and reverses cost columns, so the products of the
 * normalised columns are s_a·s_b·S_ab / (range_a·range_b) with s = −1 for a cost column:
 * r_ab = s_a·s_b·S_ab / √(S_aa·S_bb) and σ_a = √(S_aa / (m − ddof)) / range_a.
 */
function criticOfMoments(
  {rows: m, min, max, products}: ColumnMoments,
  directions: readonly Direction[],
  ddof: 0 | 1
): CriticResult {
  if (m < 3) {
    throw new Error(`CRITIC needs at least 3 rows; data has ${m}`);
  }
  const p = directions.length;
  const degenerateColumns: number[] = [];
  const keptColumns: number[] = [];
  for (let j = 0; j < p; j++) {
    if (min[j] === max[j]) degenerateColumns.push(j);
    else keptColumns.push(j);
  }
  if (keptColumns.length < 2) {
    throw new Error(
      `CRITIC needs at least 2 non-constant columns; found ${keptColumns.length} ` +
        `(constant columns: ${degenerateColumns.join(", ")})`
    );
  }

  const sign = directions.map((direction) => (direction === "cost" ? -1 : 1));
  const correlation = keptColumns.map((a) =>
    keptColumns.map((b) =>
      a === b
        ? 1
        : (sign[a] * sign[b] * products[a][b]) / Math.sqrt(products[a][a] * products[b][b])
    )
  );
  const sd = new Array<number>(p).fill(0);
  const conflict = new Array<number>(p).fill(NaN);
  const information = new Array<number>(p).fill(0);
  keptColumns.forEach((j, a) => {
    sd[j] = Math.sqrt(products[j][j] / (m - ddof)) / (max[j] - min[j]);
    conflict[j] = correlation[a].reduce((sum, r) => sum + (1 - r), 0);
    information[j] = sd[j] * conflict[j];
  });

  // Perfectly correlated columns can leave conflicts of rounding size instead of 0.
  const maxConflict = Math.max(...keptColumns.map((j) => conflict[j]));
  const total = information.reduce((sum, c) => sum + c, 0);
  if (!(maxConflict > conflictTolerance) || !(total > 0)) {
    throw new Error(
      "every pair of non-constant columns is perfectly correlated, so all CRITIC " +
        "information values are 0 and the weights are undefined"
    );
  }
  const weights = information.map((c) => c / total);
  return {
    weights,
    sd,
    conflict,
    information,
    correlation,
    keptColumns,
    degenerateColumns,
    ddof
  };
}
