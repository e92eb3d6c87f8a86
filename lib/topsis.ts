import {columnsToRows, decisionColumns} from "./normalize.js";
import type {Direction, Matrix} from "./types.js";

/** Options of {@link topsis}. */
export interface TopsisOptions {
  /** Also return the vector-normalised and the weighted matrices; default false. */
  keepIntermediate?: boolean;
}

/** TOPSIS closeness and ranks of the alternatives (rows). */
export interface TopsisResult {
  /** Relative closeness C_i = S−_i / (S+_i + S−_i) in [0, 1], 1 is best. */
  closeness: number[];
  /** Rank by closeness, 1 = best; tied alternatives share the smallest rank. */
  rank: number[];
  /** Euclidean distance S+ of each alternative to the ideal best. */
  sPlus: number[];
  /** Euclidean distance S− of each alternative to the ideal worst. */
  sMinus: number[];
  /** Ideal best per column: max of a benefit column, min of a cost column (weighted). */
  idealBest: number[];
  /** Ideal worst per column: the opposite extreme. */
  idealWorst: number[];
  /** Vector-normalised matrix r_ij, with `keepIntermediate`. */
  normalized?: number[][];
  /** Weighted normalised matrix v_ij = w_j·r_ij, with `keepIntermediate`. */
  weighted?: number[][];
}

function checkTopsisWeights(weights: readonly number[], columnCount: number): void {
  if (!Array.isArray(weights) || weights.length !== columnCount) {
    const found = Array.isArray(weights) ? weights.length : 0;
    throw new Error(`weights has ${found} entries but data has ${columnCount} columns`);
  }
  weights.forEach((w, j) => {
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw new Error(`weights[${j}] is ${String(w)}; expected a finite weight ≥ 0`);
    }
  });
}

/** Ranks values from the largest (rank 1); equal values share the smallest rank. */
function rankDescending(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a]);
  const rank = new Array<number>(values.length);
  for (let k = 0; k < order.length; k++) {
    const tied = k > 0 && values[order[k]] === values[order[k - 1]];
    rank[order[k]] = tied ? rank[order[k - 1]] : k + 1;
  }
  return rank;
}

/**
 * Ranks alternatives (rows of a decision matrix) with TOPSIS, the technique for order of
 * preference by similarity to the ideal solution of Hwang and Yoon.
 *
 * r_ij = x_ij / sqrt(Σ_i x_ij²) (vector normalisation); v_ij = w_j·r_ij with the weights
 * as given (they need not sum to 1); ideal best = column max for benefit and min for cost,
 * ideal worst the opposite; S± = Euclidean distances to them; C_i = S−/(S+ + S−).
 *
 * Throws an Error (0-based indices) on the input errors of `decisionColumns` (empty or
 * ragged matrix, a cell that is not a finite number, an invalid direction), on weights of
 * the wrong length or with an entry that is not a finite number ≥ 0, on a column of zeros
 * (its norm is 0), and when all alternatives are identical after weighting (S+ + S− = 0).
 *
 * @example topsis([[1, 5], [3, 1]], [0.5, 0.5], ["benefit", "cost"]).rank // [2, 1]
 */
export function topsis(
  data: Matrix,
  weights: readonly number[],
  directions: readonly Direction[],
  options: TopsisOptions = {}
): TopsisResult {
  const columns = decisionColumns(data, directions);
  checkTopsisWeights(weights, columns.length);
  const m = columns[0].length;

  const normalized: number[][] = [];
  const idealBest: number[] = [];
  const idealWorst: number[] = [];
  const plusSquares = new Float64Array(m);
  const minusSquares = new Float64Array(m);
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j];
    let squares = 0;
    for (let i = 0; i < m; i++) squares += column[i] * column[i];
    if (squares === 0) {
      throw new Error(`column ${j} is all zeros, so it cannot be vector-normalised`);
    }
    const norm = Math.sqrt(squares);
    if (options.keepIntermediate) normalized.push(column.map((x) => x / norm));

    let max = -Infinity;
    let min = Infinity;
    for (let i = 0; i < m; i++) {
      const v = (weights[j] * column[i]) / norm;
      column[i] = v;
      if (v > max) max = v;
      if (v < min) min = v;
    }
    const best = directions[j] === "cost" ? min : max;
    const worst = directions[j] === "cost" ? max : min;
    idealBest.push(best);
    idealWorst.push(worst);
    for (let i = 0; i < m; i++) {
      plusSquares[i] += (column[i] - best) ** 2;
      minusSquares[i] += (column[i] - worst) ** 2;
    }
  }

  const sPlus = Array.from(plusSquares, Math.sqrt);
  const sMinus = Array.from(minusSquares, Math.sqrt);
  const closeness = new Array<number>(m);
  for (let i = 0; i < m; i++) {
    const total = sPlus[i] + sMinus[i];
    if (total === 0) {
      throw new Error(
        "all alternatives are identical after weighting, so TOPSIS closeness is undefined"
      );
    }
    closeness[i] = sMinus[i] / total;
  }

  const result: TopsisResult = {
    closeness,
    rank: rankDescending(closeness),
    sPlus,
    sMinus,
    idealBest,
    idealWorst
  };
  if (options.keepIntermediate) {
    result.normalized = columnsToRows(normalized);
    result.weighted = columnsToRows(columns);
  }
  return result;
}
