import type {CaseData} from "./caseData.js";
import {spearman} from "./correlation.js";
import type {Analysis} from "./pipeline.js";
import {axisScores, rescore} from "./pipeline.js";
import {randomDirichlet, seededRandom} from "./random.js";
import {scoreHierarchy} from "./scores.js";
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

  for (let draw = 0; draw < draws; draw++) {
    for (const indexes of groups.values()) {
      const sample = randomDirichlet(
        rng,
        indexes.map((j) => concentration * analysis.weights.final[j])
      );
      indexes.forEach((j, k) => (weights[j] = sample[k]));
    }
    const scores = scoreHierarchy(analysis.columns, system, weights);
    const result = rescore(data, scores, analysis.config);
    let unchanged = 0;
    for (let i = 0; i < n; i++) {
      if (result.classes.labels[i] === base[i]) unchanged++;
      else flips[i]++;
    }
    keepShare[draw] = unchanged / n;
    const ranked = result.value ?? axisScores(scores, analysis.axes.y);
    rankCorrelation[draw] =
      baseConstant || isConstant(ranked)
        ? NaN
        : spearman(Array.from(baseRanked), Array.from(ranked)).rho;
    if (Number.isNaN(rankCorrelation[draw])) undefinedRankDraws++;
    onProgress?.(draw + 1, draws);
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
