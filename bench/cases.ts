// The benchmark cases: what lib/ runs at each size and which results numpy must reproduce.
import type {CaseData} from "../lib/caseData.js";
import {couplingCoordination} from "../lib/coupling.js";
import {criticWeights} from "../lib/critic.js";
import {entropyWeights} from "../lib/entropy.js";
import {kmeans} from "../lib/kmeans.js";
import {minMaxDecisionColumns} from "../lib/normalize.js";
import {pcaWeights} from "../lib/pcaWeights.js";
import type {Analysis} from "../lib/pipeline.js";
import {rescore} from "../lib/pipeline.js";
import {randomDirichlet} from "../lib/random.js";
import {cronbachAlpha} from "../lib/reliability.js";
import {scoreHierarchy, type HierarchyScores} from "../lib/scores.js";
import {drawRandom, weightSensitivity} from "../lib/sensitivity.js";
import type {Side} from "../lib/types.js";
import {benchDirections, benchSystem} from "./data.js";

/** Results of one run by name; numpy writes the same names. */
export type Results = Record<string, ArrayLike<number>>;

/** Data of one size, with the analysis that the score-based cases start from. */
export interface BenchInput {
  rows: number[][];
  data: CaseData;
  analysis: Analysis;
}

export interface BenchCase {
  id: string;
  title: string;
  /** Results compared with numpy's, in words. */
  check: string;
  /** Extra inputs numpy needs, added to the size's spec. */
  numpyInputs?: (input: BenchInput, results: Results, scratch: Scratch) => object;
  /** The timed work; its output goes through `results` after the timing. */
  run: (input: BenchInput) => unknown;
  /** Turns the output of `run` into the results compared with numpy; default: as it is. */
  results?: (output: never) => Results;
  /** A cheaper run for warming up, when a full run takes seconds. */
  warmup?: (input: BenchInput) => void;
  /** Keys compared with a relative instead of an absolute tolerance. */
  relative?: string[];
}

/** Writes float64 or int32 arrays to files that numpy reads. */
export type Scratch = (name: string, values: Float64Array | Int32Array) => string;

/** Monte Carlo draws per size: 1,000 up to 100,000 rows, 10 at 1M to keep the run short. */
export function sensitivityDraws(rows: number): number {
  return rows <= 100_000 ? 1_000 : 10;
}

/** k-means settings: k = 4, at most 300 iterations, 3 k-means++ starts (1 at 1M rows). */
export function kmeansSettings(rows: number) {
  return {k: 4, restarts: rows < 1_000_000 ? 3 : 1, maxIterations: 300, seed: 1};
}

const sensitivitySeed = 1;
const concentration = 100;

/**
 * Draws the weight vectors that `weightSensitivity` draws with the same seed, so numpy can
 * score the same perturbations: per draw, from the draw's own stream, and per side,
 * Dirichlet(κ·w) over the indicators with weight > 0, in the side order of the indicators. Returns draws × indicators, row-major.
 */
export function weightDraws(analysis: Analysis, draws: number, seed: number): Float64Array {
  const final = analysis.weights.final;
  const sideOf = new Map(benchSystem.dimensions.map((d) => [d.id, d.side]));
  const groups = new Map<Side, number[]>();
  benchSystem.indicators.forEach((indicator, j) => {
    const side = sideOf.get(indicator.dimension) as Side;
    if (final[j] > 0) groups.set(side, [...(groups.get(side) ?? []), j]);
  });

  const result = new Float64Array(draws * final.length);
  for (let draw = 0; draw < draws; draw++) {
    const rng = drawRandom(seed, draw);
    const row = result.subarray(draw * final.length, (draw + 1) * final.length);
    row.set(final);
    for (const indexes of groups.values()) {
      const sample = randomDirichlet(rng, indexes.map((j) => concentration * final[j]));
      indexes.forEach((j, k) => (row[j] = sample[k]));
    }
  }
  return result;
}

const rescoreCache = new WeakMap<Analysis, number[]>();

/** New weights for the re-scoring case: one perturbation of the analysis weights. */
export function rescoreWeights(analysis: Analysis): number[] {
  let weights = rescoreCache.get(analysis);
  if (weights === undefined) {
    weights = Array.from(weightDraws(analysis, 1, 7));
    rescoreCache.set(analysis, weights);
  }
  return weights;
}

function interleave(columns: Float64Array[]): Float64Array {
  const n = columns[0].length;
  const result = new Float64Array(n * columns.length);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < columns.length; d++) result[i * columns.length + d] = columns[d][i];
  }
  return result;
}


export const benchCases: BenchCase[] = [
  {
    id: "entropy",
    title: "Entropy weights",
    check: "weights",
    run: ({rows}) => ({weights: entropyWeights(rows, benchDirections).weights})
  },
  {
    id: "critic",
    title: "CRITIC weights",
    check: "weights",
    run: ({rows}) => ({weights: criticWeights(rows, benchDirections).weights})
  },
  {
    id: "scores",
    title: "Normalise + hierarchical scores + coupling coordination",
    check: "every dimension and side score and D",
    // Reads and normalises the rows as analyzeCase does, into typed columns; normalize()
    // would return rows.
    run: ({rows, analysis}) => {
      const {columns} = minMaxDecisionColumns(rows, benchDirections);
      const scores = scoreHierarchy(columns, benchSystem, analysis.weights.final);
      const {crv, hrv} = scores.sides as Record<Side, Float64Array>;
      const {d} = couplingCoordination(crv, hrv);
      return {crv, hrv, d, dimensions: interleave(Object.values(scores.dimensions))};
    }
  },
  {
    id: "pca",
    title: "PCA weights (lib/pcaWeights.ts)",
    check: "weights and eigenvalues",
    run: ({rows}) => {
      const result = pcaWeights(rows, benchDirections);
      return {weights: result.weights, eigenvalues: result.eigenvalues};
    }
  },
  {
    id: "kmeans",
    title: "k-means, k = 4",
    check: "lib's clustering is a fixed point of Lloyd's step in numpy, same inertia",
    relative: ["inertia"],
    run: ({rows}) => {
      const {k, ...options} = kmeansSettings(rows.length);
      const result = kmeans(rows, k, options);
      return {
        inertia: [result.inertia],
        labelChanges: [0],
        centroids: result.centroids.flat(),
        labels: Int32Array.from(result.labels),
        iterations: [result.iterations]
      };
    },
    numpyInputs: ({rows}, results, scratch) => ({
      ...kmeansSettings(rows.length),
      centroids: scratch("kmeans-centroids", Float64Array.from(results.centroids)),
      labels: scratch("kmeans-labels", Int32Array.from(results.labels))
    })
  },
  {
    id: "cronbach",
    title: "Cronbach's α with item diagnostics (20 items)",
    check: "α, standardised α, α if deleted, item–total r",
    run: ({rows}) => {
      const result = cronbachAlpha(rows);
      return {
        alpha: [result.alpha],
        alphaIfDeleted: result.alphaIfDeleted as number[],
        itemTotal: result.itemTotal as number[],
        standardizedAlpha: [result.standardizedAlpha as number]
      };
    }
  },
  {
    id: "sensitivity",
    title: "Monte Carlo weight sensitivity",
    check: "class keep share and Spearman ρ of every draw",
    run: ({data, analysis, rows}) => {
      const draws = sensitivityDraws(rows.length);
      const options = {draws, concentration, seed: sensitivitySeed};
      const result = weightSensitivity(data, analysis, options);
      return {keepShare: result.keepShare, rankCorrelation: result.rankCorrelation};
    },
    warmup: ({data, analysis}) => {
      weightSensitivity(data, analysis, {draws: 5, concentration, seed: sensitivitySeed});
    },
    numpyInputs: ({analysis, rows}, _, scratch) => {
      const draws = sensitivityDraws(rows.length);
      return {draws: scratch("weight-draws", weightDraws(analysis, draws, sensitivitySeed))};
    }
  },
  {
    id: "rescore",
    title: "Re-scoring: new weights → scores, D, classes",
    check: "side scores, D and every class",
    run: ({data, analysis}) => {
      const scores = scoreHierarchy(analysis.columns, benchSystem, rescoreWeights(analysis));
      return {scores, result: rescore(data, scores, analysis.config)};
    },
    // Re-scoring returns class codes, the indexes of valueClasses, which are numpy's codes.
    results: ({scores, result}: {scores: HierarchyScores; result: ReturnType<typeof rescore>}) => {
      const {crv, hrv} = scores.sides as Record<Side, Float64Array>;
      const classes = result.classes.codes as Uint8Array;
      return {crv, hrv, d: result.value as Float64Array, classes};
    },
    numpyInputs: ({analysis}) => ({weights: rescoreWeights(analysis)})
  }
];
