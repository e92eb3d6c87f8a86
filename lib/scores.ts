import type {IndexSystem} from "./indexSystem.js";
import type {Side} from "./types.js";

/** Scores of every dimension and side, one value per customer, all in [0, 1]. */
export interface HierarchyScores {
  dimensions: Record<string, Float64Array>;
  sides: Partial<Record<Side, Float64Array>>;
  /** Weight of each dimension within its side: the sum of its indicators' weights. */
  dimensionWeights: Record<string, number>;
}

/**
 * Turns rows into columns (one Float64Array per column), the layout the scoring code uses.
 * Throws on ragged rows.
 *
 * @example toColumns([[1, 2], [3, 4]]) // [Float64Array [1, 3], Float64Array [2, 4]]
 */
export function toColumns(rows: ArrayLike<number>[], columnCount = rows[0]?.length ?? 0): Float64Array[] {
  const columns = Array.from({length: columnCount}, () => new Float64Array(rows.length));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.length !== columnCount) {
      throw new Error(`row ${i} has ${row.length} values; expected ${columnCount}`);
    }
    for (let j = 0; j < columnCount; j++) columns[j][i] = row[j];
  }
  return columns;
}

/**
 * Checks that indicator weights are non-negative and sum to 1 within each side of the system
 * (tolerance 1e-6), and returns each indicator's side. Throws naming the first bad weight or side.
 */
export function checkSideWeights(system: IndexSystem, weights: ArrayLike<number>): Side[] {
  if (weights.length !== system.indicators.length) {
    throw new Error(
      `got ${weights.length} weights for ${system.indicators.length} indicators of index system ${system.id}`
    );
  }
  const sideOf = new Map(system.dimensions.map((dimension) => [dimension.id, dimension.side]));
  const sides = system.indicators.map((indicator) => sideOf.get(indicator.dimension) as Side);
  const totals: Partial<Record<Side, number>> = {};
  for (let j = 0; j < weights.length; j++) {
    const w = weights[j];
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new Error(`weight of indicator "${system.indicators[j].id}" is ${w}; expected a number ≥ 0`);
    }
    totals[sides[j]] = (totals[sides[j]] ?? 0) + w;
  }
  for (const [side, total] of Object.entries(totals)) {
    if (Math.abs(total - 1) > 1e-6) {
      throw new Error(`indicator weights of side ${side} sum to ${total}; expected 1`);
    }
  }
  return sides;
}

/**
 * Scores each customer on every dimension and side from normalised indicator columns.
 * Side score = Σ_j w_j·x'_j over the side's indicators (weights sum to 1 within a side);
 * dimension score = Σ_{j∈d} (w_j / W_d)·x'_j with W_d = Σ_{j∈d} w_j. A dimension whose
 * weights are all 0 scores 0. Inputs in [0, 1] give scores in [0, 1].
 *
 * `columns` holds one normalised column per indicator, in `system.indicators` order.
 * Throws when the counts differ or the weights do not sum to 1 within a side.
 *
 * @example with indicators a, b in one CRV dimension and weights [0.25, 0.75],
 *   a customer with x' = (1, 0) scores 0.25 on the dimension and on CRV.
 */
export function scoreHierarchy(
  columns: ArrayLike<number>[],
  system: IndexSystem,
  weights: ArrayLike<number>
): HierarchyScores {
  if (columns.length !== system.indicators.length) {
    throw new Error(
      `got ${columns.length} columns for ${system.indicators.length} indicators of index system ${system.id}`
    );
  }
  const sides = checkSideWeights(system, weights);
  const n = columns[0]?.length ?? 0;
  system.indicators.forEach((indicator, j) => {
    if (columns[j].length !== n) {
      throw new Error(
        `column of indicator "${indicator.id}" has ${columns[j].length} values; expected ${n}`
      );
    }
  });

  const dimensionWeights: Record<string, number> = {};
  for (const dimension of system.dimensions) dimensionWeights[dimension.id] = 0;
  system.indicators.forEach((indicator, j) => (dimensionWeights[indicator.dimension] += weights[j]));

  const dimensions: Record<string, Float64Array> = {};
  const sideScores: Partial<Record<Side, Float64Array>> = {};
  for (const side of new Set(sides)) sideScores[side] = new Float64Array(n);
  for (const dimension of system.dimensions) {
    if (system.indicators.some((indicator) => indicator.dimension === dimension.id)) {
      dimensions[dimension.id] = new Float64Array(n);
    }
  }

  // Each score is a weighted sum of columns in system order. Indicators go in runs of up to
  // four of one dimension, and each run adds its terms to its dimension and its side in one
  // pass, so every column is read once. Rows go in blocks, which stay in cache meanwhile.
  const runs: ScoreRun[] = [];
  const started = new Set<Float64Array>();
  system.indicators.forEach((indicator, j) => {
    const total = dimensionWeights[indicator.dimension];
    const dimension = dimensions[indicator.dimension];
    const side = sideScores[sides[j]] as Float64Array;
    const last = runs[runs.length - 1];
    if (last === undefined || last.dimension !== dimension || last.columns.length === 4) {
      runs.push({
        dimension,
        side,
        columns: [],
        local: [],
        global: [],
        dimensionFirst: !started.has(dimension),
        sideFirst: !started.has(side)
      });
      started.add(dimension).add(side);
    }
    const run = runs[runs.length - 1];
    run.columns.push(columns[j]);
    run.local.push(total > 0 ? weights[j] / total : 0);
    run.global.push(weights[j]);
  });
  for (let start = 0; start < n; start += scoreBlock) {
    const end = Math.min(n, start + scoreBlock);
    for (const run of runs) addRun(run, start, end);
  }

  return {dimensions, sides: sideScores, dimensionWeights};
}

/** Up to four indicators of one dimension, next to each other in system order. */
interface ScoreRun {
  dimension: Float64Array;
  side: Float64Array;
  columns: ArrayLike<number>[];
  /** Weights within the dimension, w_j / W_d. */
  local: number[];
  /** Weights within the side, w_j. */
  global: number[];
  /** Whether the run starts its dimension's sum, which then starts at 0. */
  dimensionFirst: boolean;
  /** Whether the run starts its side's sum, which then starts at 0. */
  sideFirst: boolean;
}

/**
 * Adds the terms of one run to its dimension and side scores for the rows start … end − 1,
 * one term at a time in system order, as weightedColumnSum does for each score alone.
 */
function addRun(run: ScoreRun, start: number, end: number): void {
  const {dimension, side, columns, local, global} = run;
  const dimensionBase = run.dimensionFirst ? 0 : 1;
  const sideBase = run.sideFirst ? 0 : 1;
  const c0 = columns[0];
  const [a0, a1 = 0, a2 = 0, a3 = 0] = local;
  const [w0, w1 = 0, w2 = 0, w3 = 0] = global;

  if (columns.length === 1) {
    for (let i = start; i < end; i++) {
      const x0 = c0[i];
      dimension[i] = (dimensionBase === 0 ? 0 : dimension[i]) + a0 * x0;
      side[i] = (sideBase === 0 ? 0 : side[i]) + w0 * x0;
    }
    return;
  }
  const c1 = columns[1];
  if (columns.length === 2) {
    for (let i = start; i < end; i++) {
      const x0 = c0[i];
      const x1 = c1[i];
      dimension[i] = (dimensionBase === 0 ? 0 : dimension[i]) + a0 * x0 + a1 * x1;
      side[i] = (sideBase === 0 ? 0 : side[i]) + w0 * x0 + w1 * x1;
    }
    return;
  }
  const c2 = columns[2];
  if (columns.length === 3) {
    for (let i = start; i < end; i++) {
      const x0 = c0[i];
      const x1 = c1[i];
      const x2 = c2[i];
      dimension[i] = (dimensionBase === 0 ? 0 : dimension[i]) + a0 * x0 + a1 * x1 + a2 * x2;
      side[i] = (sideBase === 0 ? 0 : side[i]) + w0 * x0 + w1 * x1 + w2 * x2;
    }
    return;
  }
  const c3 = columns[3];
  for (let i = start; i < end; i++) {
    const x0 = c0[i];
    const x1 = c1[i];
    const x2 = c2[i];
    const x3 = c3[i];
    dimension[i] =
      (dimensionBase === 0 ? 0 : dimension[i]) + a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
    side[i] = (sideBase === 0 ? 0 : side[i]) + w0 * x0 + w1 * x1 + w2 * x2 + w3 * x3;
  }
}

const scoreBlock = 2048;

/**
 * Sets output[i] = Σ_k weights[k]·columns[k][i] for the rows start … end − 1. The terms are
 * added one at a time in the order given, starting from 0, so the result is the same to the
 * last bit as a loop over the terms. Up to eight terms share one pass over the rows, which
 * saves loads and stores. Does not check lengths: a row beyond a column's end reads undefined.
 *
 * @example
 * const output = new Float64Array(2);
 * weightedColumnSum(output, [[1, 0], [0, 1]], [0.25, 0.75]); // output: [0.25, 0.75]
 */
export function weightedColumnSum(
  output: Float64Array,
  columns: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  start = 0,
  end = output.length
): void {
  if (columns.length === 0) output.fill(0, start, end);
  for (let k = 0; k < columns.length; k += 8) {
    const left = columns.length - k;
    if (left >= 8) addEight(output, columns, weights, k, start, end);
    else if (left >= 4) addFour(output, columns, weights, k, start, end, left - 4);
    else addUpToThree(output, columns, weights, k, start, end, left);
  }
}

/** Adds the terms k … k + 7 to output (or sets output to them when k is 0). */
function addEight(
  output: Float64Array,
  columns: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  k: number,
  start: number,
  end: number
): void {
  const c0 = columns[k];
  const c1 = columns[k + 1];
  const c2 = columns[k + 2];
  const c3 = columns[k + 3];
  const c4 = columns[k + 4];
  const c5 = columns[k + 5];
  const c6 = columns[k + 6];
  const c7 = columns[k + 7];
  const w0 = weights[k];
  const w1 = weights[k + 1];
  const w2 = weights[k + 2];
  const w3 = weights[k + 3];
  const w4 = weights[k + 4];
  const w5 = weights[k + 5];
  const w6 = weights[k + 6];
  const w7 = weights[k + 7];
  if (k === 0) {
    for (let i = start; i < end; i++) {
      output[i] =
        0 + w0 * c0[i] + w1 * c1[i] + w2 * c2[i] + w3 * c3[i] +
        w4 * c4[i] + w5 * c5[i] + w6 * c6[i] + w7 * c7[i];
    }
    return;
  }
  for (let i = start; i < end; i++) {
    output[i] =
      output[i] + w0 * c0[i] + w1 * c1[i] + w2 * c2[i] + w3 * c3[i] +
      w4 * c4[i] + w5 * c5[i] + w6 * c6[i] + w7 * c7[i];
  }
}

/**
 * Adds the terms k … k + 3 to output (or sets output to them when k is 0), then the
 * `more` (0–3) terms after them.
 */
function addFour(
  output: Float64Array,
  columns: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  k: number,
  start: number,
  end: number,
  more: number
): void {
  const c0 = columns[k];
  const c1 = columns[k + 1];
  const c2 = columns[k + 2];
  const c3 = columns[k + 3];
  const w0 = weights[k];
  const w1 = weights[k + 1];
  const w2 = weights[k + 2];
  const w3 = weights[k + 3];
  if (k === 0) {
    for (let i = start; i < end; i++) {
      output[i] = 0 + w0 * c0[i] + w1 * c1[i] + w2 * c2[i] + w3 * c3[i];
    }
  } else {
    for (let i = start; i < end; i++) {
      output[i] = output[i] + w0 * c0[i] + w1 * c1[i] + w2 * c2[i] + w3 * c3[i];
    }
  }
  if (more > 0) addUpToThree(output, columns, weights, k + 4, start, end, more);
}

/** Adds the `count` (1–3) terms from k on to output (or sets output to them when k is 0). */
function addUpToThree(
  output: Float64Array,
  columns: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  k: number,
  start: number,
  end: number,
  count: number
): void {
  const c0 = columns[k];
  const w0 = weights[k];
  if (count === 1) {
    if (k === 0) for (let i = start; i < end; i++) output[i] = 0 + w0 * c0[i];
    else for (let i = start; i < end; i++) output[i] = output[i] + w0 * c0[i];
    return;
  }
  const c1 = columns[k + 1];
  const w1 = weights[k + 1];
  if (count === 2) {
    if (k === 0) for (let i = start; i < end; i++) output[i] = 0 + w0 * c0[i] + w1 * c1[i];
    else for (let i = start; i < end; i++) output[i] = output[i] + w0 * c0[i] + w1 * c1[i];
    return;
  }
  const c2 = columns[k + 2];
  const w2 = weights[k + 2];
  if (k === 0) {
    for (let i = start; i < end; i++) output[i] = 0 + w0 * c0[i] + w1 * c1[i] + w2 * c2[i];
  } else {
    for (let i = start; i < end; i++) {
      output[i] = output[i] + w0 * c0[i] + w1 * c1[i] + w2 * c2[i];
    }
  }
}
