import type {Label} from "./types.js";

/** The ten coordination grades of D, from [0, 0.1) up to [0.9, 1]. */
export const coordinationGrades: Label[] = [
  {en: "Extreme imbalance", zh: "极度失调"},
  {en: "Severe imbalance", zh: "严重失调"},
  {en: "Moderate imbalance", zh: "中度失调"},
  {en: "Mild imbalance", zh: "轻度失调"},
  {en: "Near imbalance", zh: "濒临失调"},
  {en: "Barely coordinated", zh: "勉强协调"},
  {en: "Primary coordination", zh: "初级协调"},
  {en: "Intermediate coordination", zh: "中级协调"},
  {en: "Good coordination", zh: "良好协调"},
  {en: "High-quality coordination", zh: "优质协调"}
];

/** Relationship-value models: coupling coordination D, additive T, or geometric U₁^α·U₂^β. */
export type RelationshipModel = "coupling" | "additive" | "geometric";

export interface SideWeights {
  /** Weight of U₁ (customer-received value); default 0.5. */
  alpha?: number;
  /** Weight of U₂ (hotel-received value); default 1 − alpha. */
  beta?: number;
}

export interface CouplingResult {
  /** Coupling degree C = 2√(U₁U₂)/(U₁ + U₂), in [0, 1]. */
  c: Float64Array;
  /** Comprehensive development index T = αU₁ + βU₂. */
  t: Float64Array;
  /** Coupling coordination degree D = √(C·T). */
  d: Float64Array;
  /** Grade 0–9 of D: min(⌊10·D⌋, 9), an index into `coordinationGrades`. */
  grade: Uint8Array;
}

function checkSideWeights({alpha, beta}: SideWeights): [number, number] {
  const a = alpha ?? (beta === undefined ? 0.5 : 1 - beta);
  const b = beta ?? 1 - a;
  if (!(a >= 0 && b >= 0 && Math.abs(a + b - 1) <= 1e-9)) {
    throw new Error(
      `side weights must be non-negative and sum to 1: alpha = ${alpha}, beta = ${beta}`
    );
  }
  return [a, b];
}

// Weighted sums of scores in [0, 1] can land a few ulps outside it (1.0000000000000002), so
// values within this slack are accepted and clamped.
const roundingSlack = 1e-9;

function clamp01(u: number): number {
  return u < 0 ? 0 : u > 1 ? 1 : u;
}

function checkScore(name: string, i: number, u: number): void {
  if (!(u >= -roundingSlack && u <= 1 + roundingSlack)) {
    throw new Error(`${name}[${i}] = ${u} is outside [0, 1]; scores must be normalised`);
  }
}

function checkScores(u1: ArrayLike<number>, u2: ArrayLike<number>): void {
  if (u1.length !== u2.length) {
    throw new Error(`U1 has ${u1.length} values but U2 has ${u2.length}; expected equal lengths`);
  }
  for (let i = 0; i < u1.length; i++) {
    checkScore("U1", i, u1[i]);
    checkScore("U2", i, u2[i]);
  }
}

/**
 * Grade of a coupling coordination degree: min(⌊10·D⌋, 9), lower bounds inclusive,
 * so 0.5 is grade 5 ("barely coordinated") and 1 is grade 9.
 *
 * @example coordinationGrade(0.537) // 5
 */
export function coordinationGrade(d: number): number {
  return Math.min(Math.floor(10 * d), 9);
}

/**
 * Computes the two-subsystem coupling coordination model for each customer:
 * C = 2√(U₁U₂)/(U₁ + U₂), T = αU₁ + βU₂, D = √(C·T), with C = T = D = 0 when U₁ = U₂ = 0.
 * D is high only when both sides are high and balanced.
 *
 * Throws when the lengths differ, a score is outside [0, 1] or NaN, or α, β are not
 * non-negative with α + β = 1.
 *
 * @example couplingCoordination([0.6], [0.4]).d[0] // 0.69993 (C = 0.97980, T = 0.5)
 */
export function couplingCoordination(
  u1: ArrayLike<number>,
  u2: ArrayLike<number>,
  weights: SideWeights = {}
): CouplingResult {
  const [alpha, beta] = checkSideWeights(weights);
  if (u1.length !== u2.length) checkScores(u1, u2);

  // Each score is checked in the pass that uses it, in the order of checkScores.
  const n = u1.length;
  const c = new Float64Array(n);
  const t = new Float64Array(n);
  const d = new Float64Array(n);
  const grade = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = u1[i];
    const y = u2[i];
    if (!(x >= -roundingSlack && x <= 1 + roundingSlack)) checkScore("U1", i, x);
    if (!(y >= -roundingSlack && y <= 1 + roundingSlack)) checkScore("U2", i, y);
    const a = clamp01(x);
    const b = clamp01(y);
    const sum = a + b;
    c[i] = sum === 0 ? 0 : (2 * Math.sqrt(a * b)) / sum;
    t[i] = alpha * a + beta * b;
    d[i] = Math.sqrt(c[i] * t[i]);
    grade[i] = coordinationGrade(d[i]);
  }
  return {c, t, d, grade};
}

/**
 * Computes relationship value per customer under one model: `coupling` gives D of
 * `couplingCoordination`, `additive` gives αU₁ + βU₂, `geometric` gives U₁^α·U₂^β.
 * All three lie in [0, 1] for scores in [0, 1]. Throws as `couplingCoordination` does.
 *
 * @example relationshipValue([0.64], [0.25], "geometric")[0] // 0.4 (√0.64·√0.25)
 */
export function relationshipValue(
  u1: ArrayLike<number>,
  u2: ArrayLike<number>,
  model: RelationshipModel = "coupling",
  weights: SideWeights = {}
): Float64Array {
  if (model === "coupling") return couplingCoordination(u1, u2, weights).d;
  if (model !== "additive" && model !== "geometric") {
    throw new Error(
      `unknown relationship-value model "${model}"; expected coupling, additive or geometric`
    );
  }

  const [alpha, beta] = checkSideWeights(weights);
  checkScores(u1, u2);
  const value = new Float64Array(u1.length);
  for (let i = 0; i < u1.length; i++) {
    value[i] =
      model === "additive"
        ? alpha * clamp01(u1[i]) + beta * clamp01(u2[i])
        : Math.pow(clamp01(u1[i]), alpha) * Math.pow(clamp01(u2[i]), beta);
  }
  return value;
}
