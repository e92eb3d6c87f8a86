import {randomGamma as d3Gamma, randomLcg, randomNormal as d3Normal} from "d3-random";

/** A source of uniform random numbers in [0, 1), as d3-random's generators expect. */
export type Rng = () => number;

/**
 * Scrambles a 32-bit seed with the MurmurHash3 32-bit finaliser (fmix32). It is a bijection
 * on 32-bit integers, so distinct seeds keep distinct states, and it puts neighbouring
 * seeds far apart: a bare LCG started at 1 and at 2 gives nearly equal first draws.
 */
function scrambleSeed(seed: number): number {
  let h = seed >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Creates a seeded uniform random number generator on [0, 1).
 *
 * The generator is d3-random's `randomLcg`, the linear congruential generator
 * x ← (1664525·x + 1013904223) mod 2³², returning x / 2³². Its
 * period is 2³² and its resolution 2⁻³². It suits simulation and seeding, not
 * cryptography. The seed first goes through MurmurHash3's fmix32 mixer so that nearby
 * seeds give unrelated streams. The same seed always gives the same sequence.
 *
 * @param seed an integer in [0, 2³² − 1]
 * @throws Error if the seed is not such an integer
 * @example
 * const rng = seededRandom(42);
 * rng(); // a number in [0, 1), the same on every run
 */
export function seededRandom(seed: number): Rng {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`invalid seed ${seed}: expected an integer from 0 to 4294967295`);
  }

  return randomLcg(scrambleSeed(seed));
}

/**
 * Draws a random integer from 0 to n − 1, each with probability 1/n (as floor(n·u)).
 *
 * @throws Error unless n is a positive integer
 * @example
 * randomInt(seededRandom(1), 6); // one of 0, 1, 2, 3, 4, 5
 */
export function randomInt(rng: Rng, n: number): number {
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`invalid n ${n}: expected a positive integer`);
  }

  return Math.min(n - 1, Math.floor(rng() * n));
}

/**
 * Draws one value from a normal distribution with the given mean and standard deviation.
 * Uses d3-random's `randomNormal` (Marsaglia's polar method) on `rng`. Each call starts a
 * fresh polar pair, so it consumes two or more uniforms.
 *
 * @throws Error if `sd` is negative or either parameter is not finite
 * @example
 * randomNormal(seededRandom(7)); // a standard normal draw, e.g. -0.53
 */
export function randomNormal(rng: Rng, mean = 0, sd = 1): number {
  if (!Number.isFinite(mean) || !Number.isFinite(sd) || sd < 0) {
    throw new Error(`invalid normal parameters mean=${mean}, sd=${sd}: expected sd ≥ 0`);
  }

  return d3Normal.source(rng)(mean, sd)();
}

/**
 * Draws one value from a gamma distribution with the given shape k and scale θ
 * (mean kθ, variance kθ²). Uses d3-random's `randomGamma` (the Marsaglia–Tsang method,
 * with the k + 1 boost for k < 1) on `rng`. Shape 0 gives 0.
 *
 * @throws Error unless shape ≥ 0 and scale > 0 are finite
 * @example
 * randomGamma(seededRandom(7), 2); // a positive draw with mean 2
 */
export function randomGamma(rng: Rng, shape: number, scale = 1): number {
  if (!Number.isFinite(shape) || shape < 0 || !Number.isFinite(scale) || scale <= 0) {
    throw new Error(
      `invalid gamma parameters shape=${shape}, scale=${scale}: expected shape ≥ 0, scale > 0`,
    );
  }

  return d3Gamma.source(rng)(shape, scale)();
}

/**
 * Draws a probability vector from a Dirichlet distribution with concentrations α:
 * g_i ~ Gamma(α_i, 1), p_i = g_i / Σ g. The mean is α / Σα; larger Σα concentrates the
 * draws around it, so α = c·w samples weight vectors around a weight vector w.
 *
 * @param alpha concentrations, each finite and > 0, at least one
 * @returns non-negative numbers that sum to 1
 * @throws Error if alpha is empty or contains a value that is not a positive finite number
 * @example
 * randomDirichlet(seededRandom(3), [50, 30, 20]); // e.g. [0.52, 0.29, 0.19]
 */
export function randomDirichlet(rng: Rng, alpha: readonly number[]): number[] {
  if (alpha.length === 0) throw new Error("Dirichlet alpha is empty: expected ≥ 1 value");
  alpha.forEach((a, i) => {
    if (!Number.isFinite(a) || a <= 0) {
      throw new Error(`invalid Dirichlet alpha[${i}] = ${a}: expected a finite number > 0`);
    }
  });

  const draws = alpha.map((a) => randomGamma(rng, a));
  let total = draws.reduce((sum, g) => sum + g, 0);
  // With tiny concentrations every gamma draw can underflow to 0. The limit of the
  // distribution as α → 0 puts all mass on one component, chosen with probability ∝ α.
  if (total === 0) {
    draws[pickProportional(rng, alpha)] = 1;
    total = 1;
  }
  return draws.map((g) => g / total);
}

function pickProportional(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let target = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i];
    if (target < 0) return i;
  }
  return weights.length - 1;
}
