import {assertCompleteRows} from "./describe.js";
import {type Rng, seededRandom} from "./random.js";

/** Options of `kmeans`. */
export interface KmeansOptions {
  /** Seed of the random generator (an integer from 0 to 2³² − 1), default 1. */
  seed?: number;
  /** Number of k-means++ starts. The run with the lowest inertia is kept. Default 5. */
  restarts?: number;
  /** Maximum number of Lloyd iterations of the kept run, default 300. */
  maxIterations?: number;
  /** Starting centres (k rows) in place of k-means++ seeding. `restarts` is then ignored. */
  init?: readonly (readonly number[])[];
}

/** A k-means clustering. */
export interface KmeansResult {
  /** Cluster of each point, from 0 to k − 1. */
  labels: number[];
  /** Mean of the points of each cluster (k rows). */
  centroids: number[][];
  /** Number of points in each cluster. Every cluster has at least one. */
  sizes: number[];
  /** Sum of squared Euclidean distances of the points to their centroids. */
  inertia: number;
  /** Lloyd iterations of the kept run. */
  iterations: number;
  /** False if the kept run stopped at `maxIterations` before the labels settled. */
  converged: boolean;
  /** Inertia of every start when it was compared with the others, in the order they ran. */
  restartInertias: number[];
}

/**
 * Clusters points into k groups by k-means (Lloyd's algorithm) with k-means++ seeding.
 * The first centre is a uniformly random point, and each next centre is a point drawn
 * with probability proportional to its squared distance to the nearest centre so far.
 * Lloyd iterations then alternate assignment to the nearest centroid (the lower index on
 * a tie) and centroid update. A cluster that becomes empty takes the point farthest from
 * its centroid.
 *
 * Each start runs until the sum of squared centre shifts in one iteration is at most
 * 1e-4 times the mean column variance (scikit-learn's default stopping rule). The start
 * with the lowest inertia (the earliest on a tie) is then iterated until no label
 * changes. So at convergence every point is nearest to its own centroid, each centroid
 * is the mean of its points, and `inertia` is at most every value in `restartInertias`.
 *
 * The same points, k and options always give the same result. Distances are Euclidean
 * on the values as given, so put the columns on comparable scales first.
 *
 * @param points rows = points, columns = coordinates, no missing cells
 * @param k number of clusters, an integer from 1 to the number of distinct points
 * @throws Error for a missing or non-finite cell, an invalid k, seed, restarts,
 *   maxIterations or init, or fewer distinct points than k
 * @example
 * kmeans([[0, 0], [0, 1], [10, 10], [10, 11]], 2, {seed: 1});
 * // {labels: [0, 0, 1, 1], centroids: [[0, 0.5], [10, 10.5]], sizes: [2, 2],
 * //  inertia: 1, iterations: 1, converged: true, restartInertias: [1, 1, 1, 1, 1]}
 */
export function kmeans(
  points: readonly (readonly number[])[],
  k: number,
  options: KmeansOptions = {},
): KmeansResult {
  const d = assertCompleteRows(points, "kmeans: points");
  const n = points.length;
  const {seed = 1, restarts = 5, maxIterations = 300, init} = options;
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new Error(
      `kmeans: invalid k ${k}: expected an integer from 1 to ${n} (the number of points)`,
    );
  }
  checkPositiveInteger(restarts, "restarts");
  checkPositiveInteger(maxIterations, "maxIterations");
  if (init !== undefined) {
    checkInit(init, k, d);
    const distinct = new Set(points.map((row) => row.join(","))).size;
    if (distinct < k) throw fewDistinctPoints(points, k);
  }
  const rng = seededRandom(seed);

  const data = new Float64Array(n * d);
  points.forEach((row, i) => data.set(row, i * d));
  const shiftLimit = SCREEN_TOLERANCE * meanVariance(data, n, d);
  let best: Run | null = null;
  const restartInertias: number[] = [];
  for (let r = 0; r < (init ? 1 : restarts); r++) {
    const centres = init ? Float64Array.from(init.flat()) : seedCentres(data, n, d, k, rng);
    if (centres === null) throw fewDistinctPoints(points, k);
    const run = lloyd(data, n, d, k, centres, maxIterations, shiftLimit);
    restartInertias.push(run.inertia);
    if (best === null || run.inertia < best.inertia) best = run;
  }

  const screened = best!;
  const remaining = maxIterations - screened.iterations;
  const refined =
    screened.converged || remaining === 0
      ? null
      : lloyd(data, n, d, k, screened.centres, remaining, -1);
  const result = refined ?? screened;
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) sizes[result.labels[i]]++;
  return {
    labels: Array.from(result.labels),
    centroids: Array.from({length: k}, (_, c) =>
      Array.from(result.centres.subarray(c * d, c * d + d)),
    ),
    sizes,
    inertia: result.inertia,
    iterations: screened.iterations + (refined ? refined.iterations : 0),
    converged: result.converged,
    restartInertias,
  };
}

function checkInit(init: readonly (readonly number[])[], k: number, d: number): void {
  const width = assertCompleteRows(init, "kmeans: init");
  if (init.length !== k || width !== d) {
    throw new Error(
      `kmeans: init has ${init.length} rows of ${width} values: expected k = ${k} rows` +
        ` of ${d} coordinates`,
    );
  }
}

/**
 * Restarts are compared once the centres nearly stop moving: the sum of squared centre
 * shifts in one iteration is at most this fraction of the mean column variance. This is
 * scikit-learn's KMeans default (tol = 1e-4, relative to the centre shifts). Only the
 * best restart is then iterated until no label changes, which can take many more
 * iterations on data without clear clusters.
 */
const SCREEN_TOLERANCE = 1e-4;

function meanVariance(data: Float64Array, n: number, d: number): number {
  const sums = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sums[j] += data[i * d + j];
  const squares = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const deviation = data[i * d + j] - sums[j] / n;
      squares[j] += deviation * deviation;
    }
  }
  let total = 0;
  for (let j = 0; j < d; j++) total += squares[j] / n;
  return total / d;
}

interface Run {
  labels: Int32Array;
  centres: Float64Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

/** k-means++ centres, or null when fewer than k points are distinct. */
function seedCentres(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  rng: Rng,
): Float64Array | null {
  const centres = new Float64Array(k * d);
  const nearest = new Float64Array(n).fill(Infinity);
  let chosen = Math.min(n - 1, Math.floor(rng() * n));
  for (let c = 0; c < k; c++) {
    centres.set(data.subarray(chosen * d, chosen * d + d), c * d);
    if (c === k - 1) break;

    let total = 0;
    for (let i = 0; i < n; i++) {
      const distance = squaredDistance(data, i * d, centres, c * d, d);
      if (distance < nearest[i]) nearest[i] = distance;
      total += nearest[i];
    }
    if (total === 0) return null;

    let target = rng() * total;
    chosen = -1;
    for (let i = 0; i < n; i++) {
      if (nearest[i] === 0) continue;
      chosen = i;
      target -= nearest[i];
      if (target < 0) break;
    }
  }
  return centres;
}

/**
 * Lloyd's algorithm with Hamerly's bounds. Each point keeps an upper bound on the distance
 * to its centre and a lower bound on the distance to any other centre. When the upper
 * bound is below both the lower bound and half the distance from its centre to the
 * nearest other centre, the point cannot change cluster and is skipped. Otherwise all k
 * distances are computed at once, which costs about as much as one distance computed
 * alone because the k sums run side by side. The labels are those of plain Lloyd
 * iterations, up to ties within 1e-12 relative distance. Cluster sums are updated as
 * points move, and recomputed exactly for the final centroids.
 */
function lloyd(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  centres: Float64Array,
  maxIterations: number,
  shiftLimit: number,
): Run {
  const state: LloydState = {
    data,
    n,
    d,
    k,
    centres,
    labels: new Int32Array(n),
    upper: new Float64Array(n),
    lower: new Float64Array(n),
    sums: new Float64Array(k * d),
    counts: new Int32Array(k),
  };
  const previous = new Float64Array(k * d);
  const moved = new Float64Array(k);
  const half = new Float64Array(k);
  assignAll(state);

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    previous.set(centres);
    if (fillEmptyClusters(state)) {
      // The refilled clusters changed labels and centres, so every bound is stale.
      moveCentres(state);
      assignAll(state);
      continue;
    }
    moveCentres(state);

    let largest = 0;
    let secondLargest = 0;
    let largestCentre = -1;
    let shift = 0;
    for (let c = 0; c < k; c++) {
      const squaredShift = squaredDistance(previous, c * d, centres, c * d, d);
      shift += squaredShift;
      moved[c] = Math.sqrt(squaredShift);
      if (moved[c] > largest) {
        secondLargest = largest;
        largest = moved[c];
        largestCentre = c;
      } else if (moved[c] > secondLargest) {
        secondLargest = moved[c];
      }
    }
    if (shift <= shiftLimit) break;
    halfGaps(centres, k, d, half);

    const {labels, upper, lower} = state;
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const current = labels[i];
      upper[i] += moved[current];
      lower[i] -= current === largestCentre ? secondLargest : largest;
      if (upper[i] < Math.max(half[current], lower[i]) * BOUND_SLACK) continue;
      const next = nearest(state, i);
      if (next !== current) {
        moveSums(state, i, current, next);
        changed++;
      }
    }
    if (changed === 0) {
      converged = true;
      break;
    }
  }

  recomputeSums(state);
  // Stopping right after a refill can leave a cluster empty again, so refill once more.
  fillEmptyClusters(state);
  moveCentres(state);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    inertia += squaredDistance(data, i * d, centres, state.labels[i] * d, d);
  }
  return {labels: state.labels, centres, inertia, iterations, converged};
}

// Bounds are compared with this relative slack, so rounding in their updates cannot skip
// a centre that is as near as the point's own.
const BOUND_SLACK = 1 - 1e-12;

/**
 * Computes the distances of point i to every centre and stores its nearest centre (the
 * lower index on a tie) in `labels`, that distance in `upper` and the second-nearest
 * distance in `lower`. Returns the nearest centre.
 */
function nearest(state: LloydState, i: number): number {
  const {data, d, k, centres} = state;
  const offset = i * d;
  // Local variables track the nearest and second-nearest squared distances as each group of
  // four distances is computed, so no distance is written to memory.
  let best = -1;
  let bestDistance = Infinity;
  let second = Infinity;
  let c = 0;
  for (; c + 3 < k; c += 4) {
    const o0 = c * d;
    const o1 = o0 + d;
    const o2 = o1 + d;
    const o3 = o2 + d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < d; j++) {
      const x = data[offset + j];
      const t0 = x - centres[o0 + j];
      const t1 = x - centres[o1 + j];
      const t2 = x - centres[o2 + j];
      const t3 = x - centres[o3 + j];
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
    }
    if (s0 < bestDistance) {
      second = bestDistance;
      bestDistance = s0;
      best = c;
    } else if (s0 < second) {
      second = s0;
    }
    if (s1 < bestDistance) {
      second = bestDistance;
      bestDistance = s1;
      best = c + 1;
    } else if (s1 < second) {
      second = s1;
    }
    if (s2 < bestDistance) {
      second = bestDistance;
      bestDistance = s2;
      best = c + 2;
    } else if (s2 < second) {
      second = s2;
    }
    if (s3 < bestDistance) {
      second = bestDistance;
      bestDistance = s3;
      best = c + 3;
    } else if (s3 < second) {
      second = s3;
    }
  }
  for (; c < k; c++) {
    const distance = squaredDistance(data, offset, centres, c * d, d);
    if (distance < bestDistance) {
      second = bestDistance;
      bestDistance = distance;
      best = c;
    } else if (distance < second) {
      second = distance;
    }
  }
  state.labels[i] = best;
  state.upper[i] = Math.sqrt(bestDistance);
  state.lower[i] = Math.sqrt(second);
  return best;
}

interface LloydState {
  data: Float64Array;
  n: number;
  d: number;
  k: number;
  centres: Float64Array;
  labels: Int32Array;
  /** Upper bound on the distance of each point to its centre. */
  upper: Float64Array;
  /** Lower bound on the distance of each point to every other centre. */
  lower: Float64Array;
  /** Coordinate sums (k × d) and sizes of the clusters under the current labels. */
  sums: Float64Array;
  counts: Int32Array;
}

/** Assigns every point with exact distances and recomputes the cluster sums. */
function assignAll(state: LloydState): void {
  for (let i = 0; i < state.n; i++) nearest(state, i);
  recomputeSums(state);
}

function recomputeSums(state: LloydState): void {
  const {data, n, d, labels, sums, counts} = state;
  sums.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    counts[c]++;
    for (let j = 0; j < d; j++) sums[c * d + j] += data[i * d + j];
  }
}

function moveSums(state: LloydState, i: number, from: number, to: number): void {
  const {data, d, sums, counts} = state;
  counts[from]--;
  counts[to]++;
  for (let j = 0; j < d; j++) {
    sums[from * d + j] -= data[i * d + j];
    sums[to * d + j] += data[i * d + j];
  }
}

function moveCentres(state: LloydState): void {
  const {d, k, centres, sums, counts} = state;
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) centres[c * d + j] = sums[c * d + j] / counts[c];
  }
}

/**
 * Gives each empty cluster the point farthest from its centre among clusters of two or
 * more points. One exists because n ≥ k points sit in at most k − 1 clusters. Returns
 * whether any cluster was empty.
 */
function fillEmptyClusters(state: LloydState): boolean {
  const {data, n, d, k, centres, labels, counts} = state;
  let filled = false;
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) continue;
    filled = true;
    let farthest = -1;
    let farthestDistance = -1;
    for (let i = 0; i < n; i++) {
      if (counts[labels[i]] < 2) continue;
      const distance = squaredDistance(data, i * d, centres, labels[i] * d, d);
      if (distance > farthestDistance) {
        farthest = i;
        farthestDistance = distance;
      }
    }
    moveSums(state, farthest, labels[farthest], c);
    labels[farthest] = c;
  }
  return filled;
}

/** Half the distance from each centre to its nearest other centre (Infinity if k = 1). */
function halfGaps(centres: Float64Array, k: number, d: number, half: Float64Array): void {
  half.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const gap = Math.sqrt(squaredDistance(centres, a * d, centres, b * d, d)) / 2;
      if (gap < half[a]) half[a] = gap;
      if (gap < half[b]) half[b] = gap;
    }
  }
}

function squaredDistance(
  a: Float64Array,
  offsetA: number,
  b: Float64Array,
  offsetB: number,
  d: number,
): number {
  let sum = 0;
  for (let j = 0; j < d; j++) {
    const difference = a[offsetA + j] - b[offsetB + j];
    sum += difference * difference;
  }
  return sum;
}

function fewDistinctPoints(points: readonly (readonly number[])[], k: number): Error {
  const distinct = new Set(points.map((row) => row.join(","))).size;
  return new Error(
    `kmeans: k = ${k} but the points have only ${distinct} distinct values:` +
      ` expected k ≤ ${distinct}`,
  );
}

function checkPositiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`kmeans: invalid ${name} ${value}: expected a positive integer`);
  }
}
