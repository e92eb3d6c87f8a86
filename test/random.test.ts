import {describe as group, expect, it} from "vitest";
import {
  randomDirichlet,
  randomGamma,
  randomInt,
  randomNormal,
  seededRandom,
} from "../lib/random.js";

function draws(count: number, draw: () => number): number[] {
  return Array.from({length: count}, draw);
}

function meanOf(x: number[]): number {
  return x.reduce((s, v) => s + v, 0) / x.length;
}

function varianceOf(x: number[]): number {
  const m = meanOf(x);
  return x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1);
}

group("seededRandom", () => {
  // Expected values computed in Python: x0 = fmix32(seed), x ← (1664525x + 1013904223)
  // mod 2^32, output x / 2^32.
  it("follows the documented LCG after fmix32", () => {
    const cases: [number, number[]][] = [
      [0, [0.23606797284446657, 0.278566908556968, 0.8195337599609047]],
      [42, [0.6434789325576276, 0.0062834578566253185, 0.2087567721027881]],
      [4294967295, [0.8928727665916085, 0.2778788700234145, 0.5621936968527734]],
    ];
    for (const [seed, expected] of cases) {
      const rng = seededRandom(seed);
      expect(draws(3, rng)).toEqual(expected);
    }
  });

  it("repeats the same stream for a seed", () => {
    expect(draws(100, seededRandom(7))).toEqual(draws(100, seededRandom(7)));
  });

  it("gives unrelated first draws for neighbouring seeds", () => {
    const first = [1, 2, 3, 4].map((seed) => seededRandom(seed)());
    for (let i = 1; i < first.length; i++) {
      expect(Math.abs(first[i] - first[i - 1])).toBeGreaterThan(0.01);
    }
  });

  it("stays in [0, 1) with uniform moments", () => {
    const x = draws(100_000, seededRandom(11));
    expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...x)).toBeLessThan(1);
    // Standard errors: mean 0.0009, variance 0.0003.
    expect(meanOf(x)).toBeCloseTo(0.5, 2);
    expect(varianceOf(x)).toBeCloseTo(1 / 12, 2);
  });

  it("rejects seeds that are not 32-bit unsigned integers", () => {
    for (const seed of [-1, 1.5, 2 ** 32, NaN, Infinity]) {
      expect(() => seededRandom(seed)).toThrow(/invalid seed .*expected an integer from 0/);
    }
  });
});

group("randomInt", () => {
  it("draws every value of 0..n-1 about equally", () => {
    const rng = seededRandom(5);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[randomInt(rng, 6)]++;
    // Each count is Binomial(60000, 1/6): sd about 91.
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it("returns n-1 when the source returns its maximum", () => {
    expect(randomInt(() => 1 - 2 ** -53, 3)).toBe(2);
  });

  it("rejects a non-positive or fractional n", () => {
    for (const n of [0, -2, 2.5, NaN]) {
      expect(() => randomInt(seededRandom(1), n)).toThrow(/invalid n .*positive integer/);
    }
  });
});

group("randomNormal", () => {
  it("has the requested mean and sd", () => {
    const rng = seededRandom(21);
    const x = draws(50_000, () => randomNormal(rng, 10, 2));
    // Standard errors: mean 0.009, sd about 0.006.
    expect(Math.abs(meanOf(x) - 10)).toBeLessThan(0.05);
    expect(Math.abs(Math.sqrt(varianceOf(x)) - 2)).toBeLessThan(0.03);
  });

  it("is deterministic for a seed", () => {
    const a = seededRandom(3);
    const b = seededRandom(3);
    expect(draws(10, () => randomNormal(a))).toEqual(draws(10, () => randomNormal(b)));
  });

  it("rejects a negative or non-finite sd", () => {
    expect(() => randomNormal(seededRandom(1), 0, -1)).toThrow(/expected sd ≥ 0/);
    expect(() => randomNormal(seededRandom(1), NaN, 1)).toThrow(/invalid normal/);
  });
});

group("randomGamma", () => {
  it("has mean kθ and variance kθ² for shapes above and below 1", () => {
    for (const [shape, scale] of [
      [0.5, 1],
      [1, 2],
      [3, 0.5],
    ]) {
      const rng = seededRandom(99);
      const x = draws(50_000, () => randomGamma(rng, shape, scale));
      const mean = shape * scale;
      const variance = shape * scale * scale;
      expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
      expect(Math.abs(meanOf(x) - mean) / mean).toBeLessThan(0.02);
      expect(Math.abs(varianceOf(x) - variance) / variance).toBeLessThan(0.05);
    }
  });

  it("returns 0 for shape 0", () => {
    expect(randomGamma(seededRandom(1), 0)).toBe(0);
  });

  it("rejects a negative shape or non-positive scale", () => {
    expect(() => randomGamma(seededRandom(1), -1)).toThrow(/invalid gamma parameters/);
    expect(() => randomGamma(seededRandom(1), 1, 0)).toThrow(/scale > 0/);
  });
});

group("randomDirichlet", () => {
  it("draws vectors that sum to 1 with mean α/Σα", () => {
    const rng = seededRandom(8);
    const alpha = [50, 30, 20];
    const sums = [0, 0, 0];
    const count = 20_000;
    for (let i = 0; i < count; i++) {
      const p = randomDirichlet(rng, alpha);
      expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      p.forEach((v, j) => (sums[j] += v));
    }
    // Component sd is at most 0.05, so the standard error of each mean is below 0.0004.
    expect(sums.map((s) => s / count)).toEqual([
      expect.closeTo(0.5, 2),
      expect.closeTo(0.3, 2),
      expect.closeTo(0.2, 2),
    ]);
  });

  it("has the Dirichlet variance of a component", () => {
    // Var(p_i) = α_i(α0 − α_i) / (α0²(α0 + 1)), which is 6 / (25·6) = 0.04 for α = (2, 3).
    const rng = seededRandom(12);
    const first = draws(40_000, () => randomDirichlet(rng, [2, 3])[0]);
    expect(Math.abs(varianceOf(first) - 0.04)).toBeLessThan(0.002);
  });

  it("puts all mass on one component when every gamma draw underflows", () => {
    const p = randomDirichlet(seededRandom(4), [1e-300, 1e-300, 1e-300]);
    expect(p.reduce((s, v) => s + v, 0)).toBe(1);
    expect(p.filter((v) => v === 1)).toHaveLength(1);
  });

  it("rejects empty or non-positive concentrations", () => {
    expect(() => randomDirichlet(seededRandom(1), [])).toThrow(/alpha is empty/);
    expect(() => randomDirichlet(seededRandom(1), [1, 0])).toThrow(/alpha\[1\] = 0/);
    expect(() => randomDirichlet(seededRandom(1), [NaN])).toThrow(/alpha\[0\] = NaN/);
  });
});
