import {assertCompleteRows} from "./describe.js";
import {seededRandom} from "./random.js";

/** Options of `silhouette`. */
export interface SilhouetteOptions {
  /**
   * Score only a random subset of this many points, measured against that subset, as
   * scikit-learn's `silhouette_score(sample_size=…)` does. The cost falls from O(n²) to
   * O(sampleSize²). Default: all points.
   */
  sampleSize?: number;
  /** Seed for drawing the subset (an integer from 0 to 2³² − 1), default 1. */
  seed?: number;
}

/** Silhouette values of a clustering. */
export interface SilhouetteResult {
  /** Mean silhouette over the scored points, in [−1, 1]. */
  mean: number;
  /** Silhouette s(i) of each scored point, in the order of `indexes`. */
  perPoint: number[];
  /** Indexes of the scored points into `points`, increasing (all points by default). */
  indexes: number[];
  /** Number of clusters among the scored points. */
  clusters: number;
}

/**
 * Computes Rousseeuw's silhouette values with Euclidean distance. For point i,
 * a(i) is its mean distance to the other members of its cluster, b(i) the smallest mean
 * distance to the members of another cluster, and s(i) = (b − a) / max(a, b). A point
 * alone in its cluster gets s = 0, as in scikit-learn, and so does a point with
 * a = b = 0. The result's `mean` is the average of s(i), used to choose k.
 *
 * Cost is O(n²·d) time and O(n·clusters) memory: about 5·10⁷ distances for n = 10,000.
 * For larger data, pass `sampleSize`.
 *
 * @param labels cluster of each point (numbers or strings), same length as points
 * @throws Error for a missing or non-finite coordinate, a missing label, a length
 *   mismatch, an invalid sampleSize, or a cluster count outside 2 ≤ clusters ≤ n − 1
 *   among the scored points
 * @example
 * silhouette([[0, 0], [0, 1], [5, 5], [5, 6]], [0, 0, 1, 1]).mean; // 0.8586
 */
export function silhouette(
  points: readonly (readonly number[])[],
  labels: readonly (number | string)[],
  options: SilhouetteOptions = {},
): SilhouetteResult {
  const d = assertCompleteRows(points, "silhouette: points");
  checkLabels(points, labels);
  const indexes = scoredIndexes(points.length, options);

  const m = indexes.length;
  const clusterOf = new Map<number | string, number>();
  const cluster = new Int32Array(m);
  indexes.forEach((index, i) => {
    const label = labels[index];
    if (!clusterOf.has(label)) clusterOf.set(label, clusterOf.size);
    cluster[i] = clusterOf.get(label)!;
  });
  const clusters = clusterOf.size;
  if (clusters < 2 || clusters > m - 1) {
    throw new Error(
      `silhouette: ${clusters} clusters among ${m} points: need 2 <= n_clusters <=` +
        " n_samples-1 (the silhouette is undefined otherwise)",
    );
  }

  const sizes = new Int32Array(clusters);
  for (let i = 0; i < m; i++) sizes[cluster[i]]++;
  const sums = distanceSums(points, indexes, cluster, clusters, d);
  const perPoint: number[] = [];
  for (let i = 0; i < m; i++) {
    const own = cluster[i];
    if (sizes[own] === 1) {
      perPoint.push(0);
      continue;
    }
    const a = sums[i * clusters + own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < clusters; c++) {
      if (c !== own) b = Math.min(b, sums[i * clusters + c] / sizes[c]);
    }
    const scale = Math.max(a, b);
    perPoint.push(scale === 0 ? 0 : (b - a) / scale);
  }

  const mean = perPoint.reduce((sum, s) => sum + s, 0) / m;
  return {mean, perPoint, indexes, clusters};
}

/** Sum of distances from each scored point to the scored points of each cluster (m × K). */
function distanceSums(
  points: readonly (readonly number[])[],
  indexes: readonly number[],
  cluster: Int32Array,
  clusters: number,
  d: number,
): Float64Array {
  const m = indexes.length;
  const data = new Float64Array(m * d);
  indexes.forEach((index, i) => data.set(points[index], i * d));

  const sums = new Float64Array(m * clusters);
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      let squares = 0;
      for (let t = 0; t < d; t++) {
        const difference = data[i * d + t] - data[j * d + t];
        squares += difference * difference;
      }
      const distance = Math.sqrt(squares);
      sums[i * clusters + cluster[j]] += distance;
      sums[j * clusters + cluster[i]] += distance;
    }
  }
  return sums;
}

function checkLabels(
  points: readonly (readonly number[])[],
  labels: readonly (number | string)[],
): void {
  if (!Array.isArray(labels) || labels.length !== points.length) {
    const count = Array.isArray(labels) ? labels.length : "no";
    throw new Error(
      `silhouette: ${count} labels for ${points.length} points: expected one label per point`,
    );
  }
  labels.forEach((label: unknown, i) => {
    const valid =
      (typeof label === "number" && Number.isFinite(label)) || typeof label === "string";
    if (!valid) {
      throw new Error(
        `silhouette: labels[${i}] is ${String(label)}: expected a number or string label`,
      );
    }
  });
}

/** Lists the indexes to score: all of them, or a sorted random subset of `sampleSize`. */
function scoredIndexes(n: number, {sampleSize, seed = 1}: SilhouetteOptions): number[] {
  const all = Array.from({length: n}, (_, i) => i);
  if (sampleSize === undefined || sampleSize === n) return all;
  if (!Number.isInteger(sampleSize) || sampleSize < 2 || sampleSize > n) {
    throw new Error(
      `silhouette: invalid sampleSize ${sampleSize}: expected an integer from 2 to ${n}`,
    );
  }

  // A partial Fisher–Yates shuffle draws the subset without replacement.
  const rng = seededRandom(seed);
  for (let i = 0; i < sampleSize; i++) {
    const j = i + Math.min(n - i - 1, Math.floor(rng() * (n - i)));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, sampleSize).sort((a, b) => a - b);
}
