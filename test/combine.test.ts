import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {combineWeights, type CombineOptions} from "../lib/combine.js";

// Reference values computed with numpy/scipy.
interface ReferenceCase {
  case: string;
  input: Record<string, any>;
  expected: Record<string, any>;
  tolerance: number;
}

function loadCases(file: string): ReferenceCase[] {
  return JSON.parse(readFileSync(new URL(`./reference/${file}`, import.meta.url), "utf8"));
}

function expectClose(actual: number[], expected: number[], tolerance: number) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((x, j) => {
    const difference = Math.abs(actual[j] - x);
    expect(difference, `[${j}]: ${actual[j]} vs ${x}`).toBeLessThanOrEqual(tolerance);
  });
}

const cases = loadCases("combined_weights.json");

describe("combineWeights reference cases", () => {
  for (const {case: name, input, expected, tolerance} of cases) {
    if (expected.error) {
      it(`combineWeights rejects ${name}`, () => {
        expect(() => combineWeights(input.w1, input.w2, {alpha: input.alpha})).toThrow();
        expect(() => combineWeights(input.w1, input.w2, {mode: "multiplicative"})).toThrow();
      });
      continue;
    }
    it(`linear ${name}`, () => {
      const result = combineWeights(input.w1, input.w2, {alpha: input.alpha});
      expectClose(result, expected.linear, tolerance);
    });
    it(`multiplicative ${name}`, () => {
      const result = combineWeights(input.w1, input.w2, {mode: "multiplicative"});
      expectClose(result, expected.multiplicative, tolerance);
    });
  }
});

describe("combineWeights linear", () => {
  const a = [0.4, 0.6];
  const b = [0.8, 0.2];

  it("defaults to alpha 0.5", () => {
    expectClose(combineWeights(a, b), [0.6, 0.4], 1e-15);
  });

  it("returns a at alpha 1 and b at alpha 0", () => {
    expect(combineWeights(a, b, {alpha: 1})).toEqual(a);
    expect(combineWeights(a, b, {alpha: 0})).toEqual(b);
  });

  it("weights a by alpha", () => {
    // 0.25·0.4 + 0.75·0.8 = 0.7
    expectClose(combineWeights(a, b, {mode: "linear", alpha: 0.25}), [0.7, 0.3], 1e-15);
  });
});

describe("combineWeights multiplicative", () => {
  it("gives 0 where either weight is 0", () => {
    // Products 0.5·0.2 = 0.1 and 0.5·0 = 0; 0·0.8 = 0.
    const result = combineWeights([0.5, 0.5, 0], [0.2, 0, 0.8], {mode: "multiplicative"});
    expect(result).toEqual([1, 0, 0]);
  });

  it("rejects vectors whose products are all 0", () => {
    expect(() => combineWeights([1, 0], [0, 1], {mode: "multiplicative"})).toThrow(
      "every product a[j]·b[j] is 0, so multiplicative weights are undefined"
    );
  });
});

describe("combineWeights input checks", () => {
  it("names the length mismatch", () => {
    expect(() => combineWeights([0.5, 0.5], [0.2, 0.3, 0.5])).toThrow(
      "weight vectors differ in length: a has 2 entries but b has 3"
    );
  });

  it("names a negative or missing weight", () => {
    expect(() => combineWeights([1.2, -0.2], [0.5, 0.5])).toThrow(
      "a[1] is -0.2; expected a finite weight ≥ 0"
    );
    const missing = [0.5, null] as unknown as number[];
    expect(() => combineWeights([0.5, 0.5], missing)).toThrow("b[1] is null");
  });

  it("rejects a vector that does not sum to 1", () => {
    expect(() => combineWeights([0.5, 0.4], [0.5, 0.5])).toThrow(
      "weight vector a sums to 0.9; expected 1 (within 1e-6)"
    );
  });

  it("accepts a sum within 1e-6 of 1", () => {
    expect(() => combineWeights([0.5, 0.5000005], [0.5, 0.5])).not.toThrow();
  });

  it("rejects an empty vector", () => {
    expect(() => combineWeights([], [])).toThrow("weight vector a is empty");
  });

  it("rejects alpha outside [0, 1]", () => {
    expect(() => combineWeights([1], [1], {alpha: 1.5})).toThrow(
      "invalid alpha 1.5; expected a number in [0, 1]"
    );
    expect(() => combineWeights([1], [1], {alpha: NaN})).toThrow("invalid alpha NaN");
  });

  it("rejects an unknown mode", () => {
    const options = {mode: "harmonic"} as unknown as CombineOptions;
    expect(() => combineWeights([1], [1], options)).toThrow(
      'unknown combination mode "harmonic"'
    );
  });
});
