import {mean, median} from "simple-statistics";
import type {CaseData} from "./caseData.js";
import {valueClasses, type Threshold, type ValueClass} from "./classify.js";
import {relationshipValue, type RelationshipModel} from "./coupling.js";
import type {IndexSystem} from "./indexSystem.js";
import type {Analysis} from "./pipeline.js";
import {axisScores, matrixAxes, type MatrixAxes} from "./pipeline.js";
import {randomDirichlet, type Rng, seededRandom} from "./random.js";
import {checkSideWeights, weightedColumnSum} from "./scores.js";
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
 * Draw i takes its random numbers from `drawRandom(seed, i)`, so a run split into shares
 * with `sensitivityShare` and merged with `mergeSensitivityShares` gives the same result.
 * Throws when draws < 1 or the concentration is not positive.
 *
 * Each draw computes only the two axis scores of the value matrix and the relationship
 * value, with the arithmetic of `scoreHierarchy`, `relationshipValue` and `classify`, so
 * its classes equal those of `rescore`. Several draws share one pass over the columns, and
 * ranks come from a bucket sort, so a draw on 100,000 customers takes a few milliseconds.
 *
 * @example
 * weightSensitivity(data, analyzeCase(data), {draws: 100}).keepShare.length // 100
 */
export function weightSensitivity(
  data: CaseData,
  analysis: Analysis,
  options: SensitivityOptions = {}
): SensitivityResult {
  const {draws = 1000} = options;
  return mergeSensitivityShares([sensitivityShare(data, analysis, options, 0, draws)]);
}

/** The draws first … first + count − 1 of a weight-sensitivity run. */
export interface SensitivityShare {
  first: number;
  concentration: number;
  keepShare: Float64Array;
  rankCorrelation: Float64Array;
  /** Per customer: number of these draws in which the customer changed class. */
  flips: Uint32Array;
  ranked: SensitivityResult["ranked"];
}

/**
 * Derives the random numbers of one draw from the seed and the draw's index: the stream
 * of `seededRandom` at seed + i·0x9E3779B9 (mod 2³²). Draw i is thus the same whichever
 * share of a run computes it.
 *
 * @throws Error unless seed is an integer from 0 to 2³² − 1 and draw a non-negative integer
 * @example
 * drawRandom(1, 0)() === seededRandom(1)() // true
 */
export function drawRandom(seed: number, draw: number): Rng {
  seededRandom(seed);
  if (!(Number.isInteger(draw) && draw >= 0)) {
    throw new Error(`draw = ${draw}; expected a non-negative integer`);
  }
  return seededRandom((seed + Math.imul(draw, 0x9e3779b9)) >>> 0);
}

/**
 * Runs the draws first … first + count − 1 of `weightSensitivity` (options.draws is not
 * used), for example in one of several workers. `onProgress` counts the draws of this
 * share. Throws as weightSensitivity does, and when first or count is not an integer
 * (first ≥ 0, count ≥ 1).
 *
 * @example
 * sensitivityShare(data, analysis, {seed: 1}, 500, 500).keepShare.length // 500
 */
export function sensitivityShare(
  data: CaseData,
  analysis: Analysis,
  {concentration = 100, seed = 1, onProgress}: SensitivityOptions,
  first: number,
  count: number
): SensitivityShare {
  if (!(Number.isInteger(count) && count >= 1)) {
    throw new Error(`draws = ${count}; expected a positive integer`);
  }
  if (!(Number.isInteger(first) && first >= 0)) {
    throw new Error(`first draw = ${first}; expected a non-negative integer`);
  }
  if (!(concentration > 0 && Number.isFinite(concentration))) {
    throw new Error(`concentration = ${concentration}; expected a positive number`);
  }
  seededRandom(seed);

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
      `got ${columns.length} columns for ${system.indicators.length} indicators of ` +
        `index system ${system.id}`
    );
  }

  const base = analysis.classes.labels;
  const baseRanked = analysis.value ?? axisScores(analysis.scores, analysis.axes.y);
  const n = base.length;
  const keepShare = new Float64Array(count);
  const rankCorrelation = new Float64Array(count);
  const baseConstant = isConstant(baseRanked);
  const flips = new Uint32Array(n);
  const weights = analysis.weights.final.slice();

  const plan = drawPlan(data, analysis);
  const baseCodes = analysis.classes.codes ?? classCodes(base);
  const sorter = new Sorter(n);
  const baseRanks = baseConstant ? null : centredRanks(sorter, baseRanked);
  const batch = Math.max(1, Math.min(8, Math.floor(2_000_000 / Math.max(n, 1))));
  const buffers = Array.from({length: batch}, () => ({
    x: new Float64Array(n),
    y: new Float64Array(n),
    value: plan.valued ? new Float64Array(n) : null
  }));

  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    const coefficients: Float64Array[][] = [];
    for (let b = 0; b < size; b++) {
      const rng = drawRandom(seed, first + start + b);
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
    scoreDraws(plan.targets, coefficients, buffers, n);

    for (let b = 0; b < size; b++) {
      const draw = start + b;
      const {x, y, value} = buffers[b];
      keepShare[draw] = compareDraw(x, y, value, plan, baseCodes, flips) / n;
      const ranked = value ?? y;
      rankCorrelation[draw] =
        baseRanks === null ? NaN : rankCorrelationWith(sorter, baseRanks, ranked);
      onProgress?.(draw + 1, count);
    }
  }

  return {
    first,
    concentration,
    keepShare,
    rankCorrelation,
    flips,
    ranked: analysis.value ? "relationship value" : analysis.axes.y.id
  };
}

/**
 * Joins shares of one weight-sensitivity run into its result. The shares, in any order,
 * must cover draws 0 … draws − 1 once each. Flip counts add up as integers, so the result
 * equals that of `weightSensitivity` however the draws were split.
 *
 * @throws Error when the shares leave a gap, overlap, or differ in customers, concentration
 *   or ranked score
 * @example
 * mergeSensitivityShares([share(500, 500), share(0, 500)]).draws // 1000
 */
export function mergeSensitivityShares(shares: readonly SensitivityShare[]): SensitivityResult {
  if (shares.length === 0) {
    throw new Error("no sensitivity shares to merge; expected at least one");
  }
  const ordered = [...shares].sort((a, b) => a.first - b.first);
  const {concentration, ranked} = ordered[0];
  const n = ordered[0].flips.length;
  let draws = 0;
  for (const share of ordered) {
    if (share.first !== draws) {
      throw new Error(
        `sensitivity share starts at draw ${share.first}; expected draw ${draws}, the end of ` +
          `the shares before it`
      );
    }
    if (share.flips.length !== n || share.concentration !== concentration) {
      throw new Error(
        `sensitivity share at draw ${share.first} has ${share.flips.length} customers and ` +
          `concentration ${share.concentration}; expected ${n} and ${concentration}`
      );
    }
    if (share.ranked !== ranked) {
      throw new Error(
        `sensitivity share at draw ${share.first} ranks ${share.ranked}; expected ${ranked}`
      );
    }
    draws += share.keepShare.length;
  }

  const keepShare = new Float64Array(draws);
  const rankCorrelation = new Float64Array(draws);
  const flips = new Uint32Array(n);
  for (const share of ordered) {
    keepShare.set(share.keepShare, share.first);
    rankCorrelation.set(share.rankCorrelation, share.first);
    for (let i = 0; i < n; i++) flips[i] += share.flips[i];
  }
  let undefinedRankDraws = 0;
  for (let draw = 0; draw < draws; draw++) {
    if (Number.isNaN(rankCorrelation[draw])) undefinedRankDraws++;
  }
  const flipRate = new Float64Array(n);
  for (let i = 0; i < n; i++) flipRate[i] = flips[i] / draws;
  return {draws, concentration, keepShare, rankCorrelation, undefinedRankDraws, flipRate, ranked};
}

/** A score that a draw needs: a weighted sum of indicator columns. */
interface Target {
  /** Normalised columns of the indicators that enter the sum, in system order. */
  columns: Float64Array[];
  /** Coefficient of each of `columns` under a weight vector. */
  coefficients: (weights: ArrayLike<number>) => Float64Array;
}

/** What each draw computes: the two axis scores, the relationship value, the thresholds. */
interface DrawPlan {
  targets: [Target, Target];
  valued: boolean;
  model: RelationshipModel;
  /** Weights α of U₁ (x) and β of U₂ (y) in the relationship value. */
  alpha: number;
  beta: number;
  thresholds: {x: Threshold; y: Threshold};
}

function drawPlan(data: CaseData, analysis: Analysis): DrawPlan {
  const {system} = data;
  const axes = matrixAxes(data);
  const sideOf = new Map(system.dimensions.map((dimension) => [dimension.id, dimension.side]));
  const sides = new Set(system.indicators.map((item) => sideOf.get(item.dimension)));
  const valued = sides.has("crv") && sides.has("hrv");
  const {model, sideAlpha, threshold} = analysis.config;
  // Rejects an unknown model or invalid side weights with the error of relationshipValue.
  if (valued) relationshipValue([0], [0], model, {alpha: sideAlpha, beta: 1 - sideAlpha});

  return {
    targets: [
      axisTarget(system, axes.x, analysis.columns),
      axisTarget(system, axes.y, analysis.columns)
    ],
    valued,
    model,
    alpha: sideAlpha,
    beta: 1 - sideAlpha,
    thresholds: typeof threshold === "object" ? threshold : {x: threshold, y: threshold}
  };
}

/** The weighted sum behind one axis, with the coefficients scoreHierarchy uses. */
function axisTarget(
  system: IndexSystem,
  axis: MatrixAxes["x"],
  allColumns: readonly Float64Array[]
): Target {
  const sideOf = new Map(system.dimensions.map((dimension) => [dimension.id, dimension.side]));
  const indexes: number[] = [];
  system.indicators.forEach((item, j) => {
    const inAxis =
      axis.kind === "side" ? sideOf.get(item.dimension) === axis.id : item.dimension === axis.id;
    if (inAxis) indexes.push(j);
  });
  const columns = indexes.map((j) => allColumns[j]);
  if (axis.kind === "side") {
    return {columns, coefficients: (weights) => Float64Array.from(indexes, (j) => weights[j])};
  }
  return {
    columns,
    coefficients: (weights) => {
      let total = 0;
      for (const j of indexes) total += weights[j];
      return Float64Array.from(indexes, (j) => (total > 0 ? weights[j] / total : 0));
    }
  };
}

// Rows per block when several draws are scored in one pass: 20 columns of 256 rows take
// 40 KB, which stays in the first-level cache while every draw of the batch reads them.
const drawBlock = 256;

/** Fills buffers[b].x and .y with the two axis scores of each draw b of a batch. */
function scoreDraws(
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
        weightedColumnSum(output, targets[t].columns, coefficients[b][t], start, end);
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
 * Classifies every customer of one draw as classify does, counts those who keep their class
 * of `baseCodes` and counts a change in `flips` for the others. When `value` is given, the
 * same pass fills it with the relationship value of x and y under the plan's model, with the
 * arithmetic of couplingCoordination and relationshipValue.
 */
function compareDraw(
  x: Float64Array,
  y: Float64Array,
  value: Float64Array | null,
  plan: DrawPlan,
  baseCodes: Uint8Array,
  flips: Uint32Array
): number {
  const splitX = resolveThreshold(x, plan.thresholds.x, "x (CRV)");
  const splitY = resolveThreshold(y, plan.thresholds.y, "y (HRV)");
  const {alpha, beta} = plan;
  const model = value === null ? -1 : modelCodes[plan.model];
  const values = value ?? x;
  let changed = 0;
  for (let i = 0; i < x.length; i++) {
    const u1 = x[i];
    const u2 = y[i];
    // A low x adds 2 and a low y adds 1, which gives the codes of classCodes. The code and
    // the counts take no branch, because about half of the comparisons go either way.
    const code = (+!(u1 >= splitX) << 1) | +!(u2 >= splitY);
    const moved = +(code !== baseCodes[i]);
    flips[i] += moved;
    changed += moved;
    if (model < 0) continue;
    const a = clamp01(u1);
    const b = clamp01(u2);
    if (model === 0) {
      // C = 2√(ab)/(a + b), T = αa + βb, D = √(C·T).
      const sum = a + b;
      const c = sum === 0 ? 0 : (2 * Math.sqrt(a * b)) / sum;
      values[i] = Math.sqrt(c * (alpha * a + beta * b));
    } else if (model === 1) {
      values[i] = alpha * a + beta * b;
    } else {
      values[i] = Math.pow(a, alpha) * Math.pow(b, beta);
    }
  }
  return x.length - changed;
}

/** Codes of the relationship-value models in {@link compareDraw}. */
const modelCodes: Record<RelationshipModel, number> = {coupling: 0, additive: 1, geometric: 2};

/**
 * Codes of the classes: 0 partners (high x, high y), 1 growers (high x), 2 at-risk
 * valuables (high y), 3 transactional, the order of `valueClasses`.
 */
function classCodes(labels: readonly ValueClass[]): Uint8Array {
  const code = new Map(valueClasses.map((info, k) => [info.id, k]));
  return Uint8Array.from(labels, (label) => code.get(label) as number);
}

/** Average ranks minus their mean (n + 1)/2, with their sum of squares. */
interface CentredRanks {
  ranks: Float64Array;
  squares: number;
}

function centredRanks(sorter: Sorter, values: Float64Array): CentredRanks {
  const n = values.length;
  const indexes = new Float64Array(n);
  for (let i = 0; i < n; i++) indexes[i] = i;
  const {sorted, carried} = sorter.sort(values, indexes);
  const ranks = new Float64Array(n);
  let squares = 0;
  for (let first = 0; first < n; ) {
    const last = tieEnd(sorted, first);
    const rank = (first + last + 1) / 2 - (n + 1) / 2;
    for (let k = first; k < last; k++) ranks[carried[k]] = rank;
    squares += (last - first) * rank * rank;
    first = last;
  }
  return {ranks, squares};
}

/**
 * Spearman's ρ of `values` with the base ranking: Pearson's r of the average ranks, with
 * the base ranks already centred. The mean of n average ranks is (n + 1)/2 whatever the
 * ties, so ρ = Σ b_i (r_i − m) / √(Σ b_i² · Σ (r_i − m)²). The base ranks travel with the
 * values through the sort, so the sums read memory in order and the ranks of `values` are
 * never stored. NaN when `values` are constant.
 */
function rankCorrelationWith(sorter: Sorter, base: CentredRanks, values: Float64Array): number {
  const n = values.length;
  const {sorted, carried} = sorter.sort(values, base.ranks);
  if (sorted[0] === sorted[n - 1]) return NaN;
  rankSums(sorted, carried, rankSumsOut);
  const cross = rankSumsOut[0];
  const squares = rankSumsOut[1];
  return Math.max(-1, Math.min(1, cross / Math.sqrt(base.squares * squares)));
}

// The loops below sit in functions of their own that end right after the loop, because the
// optimising compiler enters a long loop midway and would give up on code after it that has
// not run yet.

/** Output of {@link rankSums}, reused from draw to draw. */
const rankSumsOut = new Float64Array(2);

/**
 * Sets out[0] to Σ (r_k − m)·carried[k] and out[1] to Σ (r_k − m)² along sorted values,
 * with average ranks r_k over ties and m = (n + 1)/2, in one pass.
 */
function rankSums(sorted: Float64Array, carried: Float64Array, out: Float64Array): void {
  const n = sorted.length;
  const middle = (n + 1) / 2;
  let cross = 0;
  let squares = 0;
  for (let first = 0; first < n; ) {
    let last = first + 1;
    while (last < n && sorted[last] === sorted[first]) last++;
    // A value without ties, the common case, has rank first + 1.
    const rank = (first + last + 1) / 2 - middle;
    let baseSum = carried[first];
    for (let k = first + 1; k < last; k++) baseSum += carried[k];
    cross += baseSum * rank;
    squares += (last - first) * rank * rank;
    first = last;
  }
  out[0] = cross;
  out[1] = squares;
}

/**
 * The end of the run of equal values that starts at sorted position `first`. Positions
 * first … end − 1 share the average rank (first + end + 1)/2 of ranks first + 1 … end.
 */
function tieEnd(sorted: Float64Array, first: number): number {
  let end = first + 1;
  while (end < sorted.length && sorted[end] === sorted[first]) end++;
  return end;
}

/** Buckets per value in {@link Sorter}. */
const bucketsPerValue = 2;

/** Largest bucket that the insertion pass sorts. Larger buckets are sorted one by one. */
const smallBucket = 64;

/**
 * Sorts values, moving a second array along, by a bucket sort. Each value goes to one of 2n
 * equal-width buckets between the minimum and the maximum, so a bucket never contains a
 * larger value than a later one. When no bucket contains more than 64 values, one insertion
 * pass over the whole array then sorts within the buckets, and it only moves values that
 * share a bucket. Otherwise each bucket is sorted on its own. The buffers are reused from
 * call to call, so `sort` returns the same arrays each time.
 */
class Sorter {
  private readonly buckets: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly sorted: Float64Array;
  /** carried[k] is the entry of the second array that belongs to sorted[k]. */
  private readonly carried: Float64Array;
  private readonly range = new Float64Array(2);

  constructor(n: number) {
    this.buckets = new Uint32Array(n);
    this.starts = new Uint32Array(bucketsPerValue * n + 1);
    this.sorted = new Float64Array(n);
    this.carried = new Float64Array(n);
  }

  sort(values: Float64Array, along: Float64Array): {sorted: Float64Array; carried: Float64Array} {
    const {buckets, starts, sorted, carried} = this;
    const n = values.length;
    valueRange(values, this.range);
    const min = this.range[0];
    const max = this.range[1];
    if (min === max) {
      sorted.set(values);
      carried.set(along);
      return {sorted, carried};
    }

    // The bucket never decreases as the value grows, because each step of (x − min)·scale,
    // the floor and the cap at the last bucket preserves order.
    starts.fill(0);
    const count = starts.length - 1;
    countBuckets(values, min, count / (max - min), buckets, starts);
    const largest = bucketStarts(starts);
    scatter(values, along, buckets, starts, sorted, carried);
    if (largest <= smallBucket) {
      insertionSort(sorted, carried, 0, n);
    } else {
      // Each start moved to the end of its bucket, which is where the next bucket begins.
      let start = 0;
      for (let bucket = 0; bucket < count; bucket++) {
        const end = starts[bucket];
        if (end - start > smallBucket) sortRun(sorted, carried, start, end);
        else if (end - start > 1) insertionSort(sorted, carried, start, end);
        start = end;
      }
    }
    return {sorted, carried};
  }
}

/** Sets range to the minimum and the maximum of values. */
function valueRange(values: Float64Array, range: Float64Array): void {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value < min) min = value;
    if (value > max) max = value;
  }
  range[0] = min;
  range[1] = max;
}

/**
 * Puts value i in bucket b = ⌊(x_i − min)·scale⌋, at most the last one, and counts it in
 * starts[b + 1].
 */
function countBuckets(
  values: Float64Array,
  min: number,
  scale: number,
  buckets: Uint32Array,
  starts: Uint32Array
): void {
  const last = starts.length - 2;
  for (let i = 0; i < values.length; i++) {
    const bucket = Math.min(last, Math.floor((values[i] - min) * scale));
    buckets[i] = bucket;
    starts[bucket + 1]++;
  }
}

/** Turns bucket counts into start positions and returns the largest count. */
function bucketStarts(starts: Uint32Array): number {
  let largest = 0;
  for (let bucket = 1; bucket < starts.length; bucket++) {
    if (starts[bucket] > largest) largest = starts[bucket];
    starts[bucket] += starts[bucket - 1];
  }
  return largest;
}

/** Moves each value and its entry of `along` to the next free place of its bucket. */
function scatter(
  values: Float64Array,
  along: Float64Array,
  buckets: Uint32Array,
  starts: Uint32Array,
  sorted: Float64Array,
  carried: Float64Array
): void {
  for (let i = 0; i < values.length; i++) {
    const position = starts[buckets[i]]++;
    sorted[position] = values[i];
    carried[position] = along[i];
  }
}

/** Sorts positions start … end − 1 by insertion, moving `carried` along. */
function insertionSort(sorted: Float64Array, carried: Float64Array, start: number, end: number) {
  for (let k = start + 1; k < end; k++) {
    const value = sorted[k];
    if (!(sorted[k - 1] > value)) continue;
    const entry = carried[k];
    let m = k - 1;
    do {
      sorted[m + 1] = sorted[m];
      carried[m + 1] = carried[m];
      m--;
    } while (m >= start && sorted[m] > value);
    sorted[m + 1] = value;
    carried[m + 1] = entry;
  }
}

/** Sorts positions start … end − 1 of a large bucket with the built-in sort. */
function sortRun(sorted: Float64Array, carried: Float64Array, start: number, end: number): void {
  const positions = Array.from({length: end - start}, (_, k) => start + k);
  positions.sort((a, b) => sorted[a] - sorted[b]);
  const values = positions.map((k) => sorted[k]);
  const entries = positions.map((k) => carried[k]);
  sorted.set(values, start);
  carried.set(entries, start);
}
