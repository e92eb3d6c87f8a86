import type {ValueClass} from "./classify.js";
import {describe, type Description} from "./describe.js";
import type {IndexSystem} from "./indexSystem.js";
import {checkSideWeights} from "./scores.js";
import type {SensitivityResult} from "./sensitivity.js";
import type {Side} from "./types.js";

/** A customer whose class changes in many weight draws. */
export interface UnstableCustomer {
  id: string;
  /** Class under the chosen weights. */
  classId: ValueClass;
  /** Share of draws in which the class differs from `classId`. */
  flipRate: number;
}

/** The stability of classes and ranking over the draws of a weight-sensitivity run. */
export interface StabilitySummary {
  draws: number;
  /** Share of customers keeping their class, over the draws. */
  keepShare: Description;
  /**
   * Spearman ρ of the ranked score with that of the chosen weights, over the draws where ρ is
   * defined; null when it is defined in none (a ranked score was constant every time).
   */
  rankCorrelation: Description | null;
  /** The defined per-draw ρ values, in draw order. */
  rankCorrelations: number[];
  /** Draws where ρ is undefined because a ranked score was constant. */
  undefinedRankDraws: number;
  /** Customers whose class never changed, as a share of all customers. */
  neverFlipped: number;
  /** Customers whose class changed in more than half of the draws, as a share. */
  mostlyFlipped: number;
  /**
   * Up to `top` customers who changed class at least once, highest flip rate first (ties
   * in input order).
   */
  mostUnstable: UnstableCustomer[];
}

/**
 * Summarises a Monte Carlo weight-sensitivity run (see `weightSensitivity`): descriptives of
 * the per-draw share of customers keeping their class and of the per-draw Spearman ρ (NaN
 * draws, where ρ is undefined, are counted and left out), the
 * shares of customers who never or mostly changed class, and the `top` customers who
 * changed class most often (customers who never changed are not listed).
 *
 * @param ids - customer ids, in the order of the analysis
 * @param labels - each customer's class under the chosen weights
 * @throws Error when ids or labels do not match the run's customers, or top < 0
 * @example
 * stabilitySummary(result, ids, labels, 10).mostUnstable[0] // {id: "T0412", flipRate: 0.48, …}
 */
export function stabilitySummary(
  result: Pick<SensitivityResult, "draws" | "keepShare" | "rankCorrelation" | "flipRate">,
  ids: readonly string[],
  labels: readonly ValueClass[],
  top = 15
): StabilitySummary {
  const n = result.flipRate.length;
  if (ids.length !== n || labels.length !== n) {
    throw new Error(
      `stabilitySummary: ${ids.length} ids and ${labels.length} classes for ${n} customers ` +
        "in the sensitivity run; expected one of each per customer"
    );
  }
  if (!Number.isInteger(top) || top < 0) {
    throw new Error(`stabilitySummary: invalid top ${top}: expected an integer ≥ 0`);
  }

  let never = 0;
  let mostly = 0;
  for (const rate of result.flipRate) {
    if (rate === 0) never++;
    if (rate > 0.5) mostly++;
  }
  const order = Array.from({length: n}, (_, i) => i).sort(
    (a, b) => result.flipRate[b] - result.flipRate[a] || a - b
  );
  const rankCorrelations = Array.from(result.rankCorrelation).filter((rho) => !Number.isNaN(rho));
  return {
    draws: result.draws,
    keepShare: describe(Array.from(result.keepShare)),
    rankCorrelation: rankCorrelations.length > 0 ? describe(rankCorrelations) : null,
    rankCorrelations,
    undefinedRankDraws: result.rankCorrelation.length - rankCorrelations.length,
    neverFlipped: never / n,
    mostlyFlipped: mostly / n,
    mostUnstable: order
      .filter((i) => result.flipRate[i] > 0)
      .slice(0, top)
      .map((i) => ({id: ids[i], classId: labels[i], flipRate: result.flipRate[i]}))
  };
}

/** How far Monte Carlo draws move one indicator's weight. */
export interface WeightSpread {
  indicator: string;
  side: Side;
  /** The chosen weight, which is also the mean of the draws. */
  weight: number;
  /** Standard deviation of the drawn weight: sqrt(w·(1 − w)/(κ + 1)). */
  sd: number;
}

/**
 * Computes the spread of the weights that `weightSensitivity` draws. Each side's weights w
 * (summing to 1) are drawn from Dirichlet(κ·w), whose marginal for one weight is
 * Beta(κ·w_j, κ·(1 − w_j)), with mean w_j and variance w_j·(1 − w_j)/(κ + 1). A weight of 0
 * or 1 does not move.
 *
 * @throws Error when the weights do not sum to 1 within each side (see `checkSideWeights`)
 *   or the concentration is not a positive finite number
 * @example
 * weightSpread(system, [0.5, 0.5], 99)[0].sd // sqrt(0.25 / 100) = 0.05
 */
export function weightSpread(
  system: IndexSystem,
  weights: readonly number[],
  concentration: number
): WeightSpread[] {
  if (!(concentration > 0 && Number.isFinite(concentration))) {
    throw new Error(`weightSpread: concentration = ${concentration}; expected a positive number`);
  }
  const sides = checkSideWeights(system, weights);

  return system.indicators.map((indicator, j) => ({
    indicator: indicator.id,
    side: sides[j],
    weight: weights[j],
    sd: Math.sqrt((weights[j] * (1 - weights[j])) / (concentration + 1))
  }));
}
