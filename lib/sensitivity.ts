import {mean, median} from "simple-statistics";
import type {CaseData} from "./caseData.js";
import {valueClasses, type Threshold, type ValueClass} from "./classify.js";
import {relationshipValue} from "./coupling.js";
import type {IndexSystem} from "./indexSystem.js";
import type {Analysis} from "./pipeline.js";
import {axisScores, matrixAxes, type MatrixAxes} from "./pipeline.js";
import {randomDirichlet, seededRandom} from "./random.js";
import {checkSideWeights} from "./scores.js";
import type {Side} from "./types.js";

function isConstant(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

export interface SensitivityOptions {
  /** Number of Monte Carlo weight draws; default 1000. */
  draws?: number;
  /**
   * Dirichlet concentration κ: each side's weights are drawn from Dirichlet(κ·w), so the
   * mean draw is w and larger κ means smaller perturbations. Default 100.
   */
  concentration?: number;
  seed?: number;
  /** Called after each draw with the number of draws done. */
  onProgress?: (done: number, total: number) => void;
}

export interface SensitivityResult {
  draws: number;
  concentration: number;
  /** Per draw: share of customers whose class is the same as with the chosen weights. */
  keepShare: Float64Array;
  /**
   * Per draw: Spearman ρ between the ranked score and its value under the chosen weights.
   * NaN where either is constant (ρ is undefined); `undefinedRankDraws` counts those draws.
   */
  rankCorrelation: Float64Array;
  undefinedRankDraws: number;
  /** Per customer: share of draws in which the customer changed class. */
  flipRate: Float64Array;
  /** Name of the ranked score: relationship value, or the y axis when a side is not measured. */
  ranked: "relationship value" | string;
}

/**
 * Perturbs the final weights of an analysis by Monte Carlo and measures how stable the
 * classes and the ranking are. Each draw samples every side's weights from a Dirichlet
 * distribution centred on the chosen weights (indicators with weight 0 stay at 0), rescores
 * the customers, recomputes the thresholds and classes as the analysis did, and compares.
 * Throws when draws < 1 or the concentration is not positive.
 *
 * Each draw computes only the two axis scores of the value matrix and the relationship
 * value, with the arithmetic of `scoreHierarchy`, `relationshipValue` and `classify`, so
 * its classes equal those of `rescore`. Several draws share one pass over the columns, and
 * ranks come from a radix sort, so a draw on 100,000 customers takes a few milliseconds.
 */
export function weightSensitivity(
  data: CaseData,
  analysis: Analysis,
  {draws = 1000, concentration = 100, seed = 1, onProgress}: SensitivityOptions = {}
): SensitivityResult {
  if (!(Number.isInteger(draws) && draws >= 1)) {
    throw new Error(`draws = ${draws}; expected a positive integer`);
  }
  if (!(concentration > 0 && Number.isFinite(concentration))) {
    throw new Error(`concentration = ${concentration}; expected a positive number`);
  }

  const {system} = data;
  const sideOf = new Map(system.dimensions.map((dimension) => [dimension.id, dimension.side]));
  const groups = new Map<Side, number[]>();
  system.indicators.forEach((item, j) => {
    const side = sideOf.get(item.dimension) as Side;
    if (analysis.weights.final[j] > 0) groups.set(side, [...(groups.get(side) ?? []), j]);
  });
  const columns = analysis.columns;
  if (columns.length !== system.indicators.length) {
    throw new Error(
      `got ${columns.length} columns for ${system.indicators.length} indicators of index system ${system.id}`
    );
  }

  const base = analysis.classes.labels;
  const baseRanked = analysis.value ?? axisScores(analysis.scores, analysis.axes.y);
  const n = base.length;
  const keepShare = new Float64Array(draws);
  const rankCorrelation = new Float64Array(draws);
  const baseConstant = isConstant(baseRanked);
  let undefinedRankDraws = 0;
  const flips = new Float64Array(n);
  const rng = seededRandom(seed);
  const weights = analysis.weights.final.slice();

  const plan = drawPlan(data, analysis);
  const baseCodes = classCodes(base);
  const ranker = new Ranker(n);
  const baseRanks = baseConstant ? null : centredRanks(ranker, baseRanked);
  const batch = Math.max(1, Math.min(8, Math.floor(2_000_000 / Math.max(n, 1))));
  const buffers = Array.from({length: batch}, () => ({
    x: new Float64Array(n),
    y: new Float64Array(n),
    value: plan.valued ? new Float64Array(n) : null
  }));

  for (let first = 0; first < draws; first += batch) {
    const size = Math.min(batch, draws - first);
    const coefficients: Float64Array[][] = [];
    for (let b = 0; b < size; b++) {
      for (const indexes of groups.values()) {
        const sample = randomDirichlet(
          rng,
          indexes.map((j) => concentration * analysis.weights.final[j])
        );
        indexes.forEach((j, k) => (weights[j] = sample[k]));
      }
      checkSideWeights(system, weights);
      coefficients.push(plan.targets.map((target) => target.coefficients(weights)));
    }
    scoreDraws(columns, plan.targets, coefficients, buffers, n);

    for (let b = 0; b < size; b++) {
      const draw = first + b;
      const {x, y, value} = buffers[b];
      if (value) plan.value(x, y, value);
      const thresholdX = resolveThreshold(x, plan.thresholds.x, "x (CRV)");
      const thresholdY = resolveThreshold(y, plan.thresholds.y, "y (HRV)");
      let unchanged = 0;
      for (let i = 0; i < n; i++) {
        const code = y[i] >= thresholdY ? (x[i] >= thresholdX ? 0 : 2) : x[i] >= thresholdX ? 1 : 3;
        if (code === baseCodes[i]) unchanged++;
        else flips[i]++;
      }
      keepShare[draw] = unchanged / n;
      const ranked = value ?? y;
      rankCorrelation[draw] =
        baseRanks === null || isConstant(ranked) ? NaN : rankCorrelationWith(ranker, baseRanks, ranked);
      if (Number.isNaN(rankCorrelation[draw])) undefinedRankDraws++;
      onProgress?.(draw + 1, draws);
    }
  }

  for (let i = 0; i < n; i++) flips[i] /= draws;
  return {
    draws,
    concentration,
    keepShare,
    rankCorrelation,
    undefinedRankDraws,
    flipRate: flips,
    ranked: analysis.value ? "relationship value" : analysis.axes.y.id
  };
}

/** A score that a draw needs: a weighted sum of indicator columns. */
interface Target {
  /** Indicators that enter the sum, in system order. */
  indexes: number[];
  /** Coefficient of each indicator of `indexes` under a weight vector. */
  coefficients: (weights: ArrayLike<number>) => Float64Array;
}

/** What each draw computes: the two axis scores, the relationship value, the thresholds. */
interface DrawPlan {
  targets: [Target, Target];
  valued: boolean;
  value: (x: Float64Array, y: Float64Array, into: Float64Array) => void;
  thresholds: {x: Threshold; y: Threshold};
}

function drawPlan(data: CaseData, analysis: Analysis): DrawPlan {
  const {system} = data;
  const axes = matrixAxes(data);
  const sideOf = new Map(system.dimensions.map((dimension) => [dimension.id, dimension.side]));
  const sides = new Set(system.indicators.map((item) => sideOf.get(item.dimension)));
  const valued = sides.has("crv") && sides.has("hrv");
  const {model, sideAlpha, threshold} = analysis.config;
  const sideWeights = {alpha: sideAlpha, beta: 1 - sideAlpha};
  // Rejects an unknown model or invalid side weights with the error of relationshipValue.
  if (valued) relationshipValue([0], [0], model, sideWeights);
  const alpha = sideAlpha;
  const beta = 1 - sideAlpha;

  const value = (x: Float64Array, y: Float64Array, into: Float64Array) => {
    for (let i = 0; i < x.length; i++) {
      const a = clamp01(x[i]);
      const b = clamp01(y[i]);
      if (model === "coupling") {
        // C = 2√(ab)/(a + b), T = αa + βb, D = √(C·T), as couplingCoordination computes.
        const sum = a + b;
        const c = sum === 0 ? 0 : (2 * Math.sqrt(a * b)) / sum;
        into[i] = Math.sqrt(c * (alpha * a + beta * b));
      } else if (model === "additive") {
        into[i] = alpha * a + beta * b;
      } else {
        into[i] = Math.pow(a, alpha) * Math.pow(b, beta);
      }
    }
  };
  const split = typeof threshold === "object" ? threshold : {x: threshold, y: threshold};
  return {
    targets: [axisTarget(system, axes.x), axisTarget(system, axes.y)],
    valued,
    value,
    thresholds: split
  };
}

/** The weighted sum behind one axis, with the coefficients scoreHierarchy uses. */
function axisTarget(system: IndexSystem, axis: MatrixAxes["x"]): Target {
  const sideOf = new Map(system.dimensions.map((dimension) => [dimension.id, dimension.side]));
  const indexes: number[] = [];
  system.indicators.forEach((item, j) => {
    const inAxis =
      axis.kind === "side" ? sideOf.get(item.dimension) === axis.id : item.dimension === axis.id;
    if (inAxis) indexes.push(j);
  });
  if (axis.kind === "side") {
    return {indexes, coefficients: (weights) => Float64Array.from(indexes, (j) => weights[j])};
  }
  return {
    indexes,
    coefficients: (weights) => {
      let total = 0;
      for (const j of indexes) total += weights[j];
      return Float64Array.from(indexes, (j) => (total > 0 ? weights[j] / total : 0));
    }
  };
}

// Rows per block when several draws are scored in one pass: 20 columns of 4096 rows take
// 640 KB, which stays in cache while every draw of the batch reads them.
const drawBlock = 4096;

/** Fills buffers[b].x and .y with the two axis scores of each draw b of a batch. */
function scoreDraws(
  columns: readonly Float64Array[],
  targets: [Target, Target],
  coefficients: Float64Array[][],
  buffers: {x: Float64Array; y: Float64Array}[],
  n: number
): void {
  for (let start = 0; start < n; start += drawBlock) {
    const end = Math.min(n, start + drawBlock);
    for (let b = 0; b < coefficients.length; b++) {
      for (let t = 0; t < 2; t++) {
        const output = t === 0 ? buffers[b].x : buffers[b].y;
        const {indexes} = targets[t];
        const weights = coefficients[b][t];
        output.fill(0, start, end);
        // Terms are added one at a time in system order, as scoreHierarchy adds them, so
        // the scores are the same to the last bit.
        for (let k = 0; k < indexes.length; k++) {
          const column = columns[indexes[k]];
          const w = weights[k];
          for (let i = start; i < end; i++) output[i] += w * column[i];
        }
      }
    }
  }
}

function clamp01(u: number): number {
  return u < 0 ? 0 : u > 1 ? 1 : u;
}

/** The split of one axis, resolved as classify resolves it. */
function resolveThreshold(values: Float64Array, threshold: Threshold, axis: string): number {
  if (typeof threshold === "number") {
    if (!Number.isFinite(threshold)) {
      throw new Error(`threshold for ${axis} is ${threshold}; expected a finite number`);
    }
    return threshold;
  }
  switch (threshold) {
    case "mean":
      return mean(values as unknown as number[]);
    case "median":
      return median(Array.from(values));
    case "midpoint":
      return 0.5;
    default:
      throw new Error(
        `unknown threshold "${threshold}" for ${axis}; expected mean, median, midpoint or a number`
      );
  }
}

/**
 * Codes of the classes: 0 partners (high x, high y), 1 growers (high x), 2 at-risk
 * valuables (high y), 3 transactional, the order of `valueClasses`.
 */
function classCodes(labels: readonly ValueClass[]): Uint8Array {
  const code = new Map(valueClasses.map((info, k) => [info.id, k]));
  return Uint8Array.from(labels, (label) => code.get(label) as number);
}

/** Average ranks minus their mean (n + 1)/2. */
function centredRanks(ranker: Ranker, values: ArrayLike<number>): Float64Array {
  const ranks = Float64Array.from(ranker.rank(values));
  const middle = (ranks.length + 1) / 2;
  for (let i = 0; i < ranks.length; i++) ranks[i] -= middle;
  return ranks;
}

/**
 * Spearman's ρ of `values` with the base ranking: Pearson's r of the average ranks, with
 * the base ranks already centred. The mean of n average ranks is (n + 1)/2 whatever the
 * ties, so ρ = Σ b_i (r_i − m) / √(Σ b_i² · Σ (r_i − m)²).
 */
function rankCorrelationWith(ranker: Ranker, baseRanks: Float64Array, values: Float64Array): number {
  const ranks = ranker.rank(values);
  const middle = (ranks.length + 1) / 2;
  let cross = 0;
  let baseSquares = 0;
  let squares = 0;
  for (let i = 0; i < ranks.length; i++) {
    const r = ranks[i] - middle;
    cross += baseRanks[i] * r;
    baseSquares += baseRanks[i] * baseRanks[i];
    squares += r * r;
  }
  return Math.max(-1, Math.min(1, cross / Math.sqrt(baseSquares * squares)));
}

/**
 * Average ranks (1 … n, ties share the mean of their ranks) by a two-pass radix sort. Each
 * value maps to a 32-bit key that never decreases as the value grows, so sorting by key
 * orders the values except inside runs of equal keys, which are then sorted by value. The
 * buffers are reused from call to call; `rank` returns the same array each time.
 */
class Ranker {
  private readonly keys: Uint32Array;
  private readonly order: Uint32Array;
  private readonly swap: Uint32Array;
  private readonly counts = new Uint32Array(65536);
  private readonly ranks: Float64Array;

  constructor(n: number) {
    this.keys = new Uint32Array(n);
    this.order = new Uint32Array(n);
    this.swap = new Uint32Array(n);
    this.ranks = new Float64Array(n);
  }

  rank(values: ArrayLike<number>): Float64Array {
    const {keys, ranks} = this;
    const n = values.length;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      if (values[i] < min) min = values[i];
      if (values[i] > max) max = values[i];
    }
    const scale = max > min ? 4294967040 / (max - min) : 0;
    for (let i = 0; i < n; i++) keys[i] = Math.min(4294967295, Math.floor((values[i] - min) * scale));
    const order = this.sortByKey(n);
    sortEqualKeyRuns(order, keys, values, n);

    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && values[order[end]] === values[order[start]]) end++;
      const average = (start + end + 1) / 2;
      for (let k = start; k < end; k++) ranks[order[k]] = average;
      start = end;
    }
    return ranks;
  }

  /** Stable LSD radix sort of 0 … n − 1 by key, low 16 bits first. */
  private sortByKey(n: number): Uint32Array {
    const {keys, counts} = this;
    let source = this.order;
    let target = this.swap;
    for (let i = 0; i < n; i++) source[i] = i;
    for (const shift of [0, 16]) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 0xffff]++;
      let total = 0;
      for (let digit = 0; digit < 65536; digit++) {
        const count = counts[digit];
        counts[digit] = total;
        total += count;
      }
      for (let i = 0; i < n; i++) {
        const index = source[i];
        target[counts[(keys[index] >>> shift) & 0xffff]++] = index;
      }
      [source, target] = [target, source];
    }
    return source;
  }
}

/** Sorts each run of equal keys in `order` by value; runs are short unless values tie. */
function sortEqualKeyRuns(
  order: Uint32Array,
  keys: Uint32Array,
  values: ArrayLike<number>,
  n: number
): void {
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && keys[order[end]] === keys[order[start]]) end++;
    if (end - start > 1) {
      const run = Array.from(order.subarray(start, end)).sort((a, b) => values[a] - values[b]);
      order.set(run, start);
    }
    start = end;
  }
}
