import type {ValueClass} from "./classify.js";
import {describe, type Description} from "./describe.js";
import type {SensitivityResult} from "./sensitivity.js";

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
  /** Spearman ρ of the ranked score with that of the chosen weights, over the draws. */
  rankCorrelation: Description;
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
 * the per-draw share of customers keeping their class and of the per-draw Spearman ρ, the
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
  return {
    draws: result.draws,
    keepShare: describe(Array.from(result.keepShare)),
    rankCorrelation: describe(Array.from(result.rankCorrelation)),
    neverFlipped: never / n,
    mostlyFlipped: mostly / n,
    mostUnstable: order
      .filter((i) => result.flipRate[i] > 0)
      .slice(0, top)
      .map((i) => ({id: ids[i], classId: labels[i], flipRate: result.flipRate[i]}))
  };
}
