import {describe, expect, it} from "vitest";
import {expectClose, loadCases} from "./helpers/reference.js";
import {topsis} from "../lib/topsis.js";
import type {Direction} from "../lib/types.js";

// Reference values computed with numpy/scipy.

const cases = loadCases("topsis.json");

describe("topsis reference cases", () => {
  for (const {case: name, input, expected, tolerance} of cases) {
    const directions = input.directions as Direction[];
    if (expected.error) {
      it(`topsis rejects ${name}`, () => {
        expect(() => topsis(input.matrix, input.weights, directions)).toThrow();
      });
      continue;
    }
    it(`topsis ${name}`, () => {
      const result = topsis(input.matrix, input.weights, directions, {keepIntermediate: true});
      expectClose(result.normalized, expected.R_vector_normalized, tolerance, "R");
      expectClose(result.weighted, expected.V_weighted, tolerance, "V");
      expectClose(result.idealBest, expected.ideal_best, tolerance, "ideal best");
      expectClose(result.idealWorst, expected.ideal_worst, tolerance, "ideal worst");
      expectClose(result.sPlus, expected.S_plus, tolerance, "S+");
      expectClose(result.sMinus, expected.S_minus, tolerance, "S-");
      expectClose(result.closeness, expected.closeness, tolerance, "closeness");
      expect(result.rank).toEqual(expected["rank_1_is_best (ties min)"]);
    });
    it(`topsis without intermediate matrices ${name}`, () => {
      const result = topsis(input.matrix, input.weights, directions);
      expect(result.normalized).toBeUndefined();
      expect(result.weighted).toBeUndefined();
      expectClose(result.closeness, expected.closeness, tolerance, "closeness");
    });
  }
});

describe("topsis ranks", () => {
  it("gives tied alternatives the smallest rank", () => {
    const data = [
      [1, 2],
      [3, 1],
      [1, 2]
    ];
    const result = topsis(data, [0.5, 0.5], ["benefit", "cost"]);
    expect(result.closeness[0]).toBe(result.closeness[2]);
    expect(result.rank).toEqual([2, 1, 2]);
  });

  it("puts the dominating alternative at closeness 1", () => {
    const result = topsis([[1, 5], [3, 1]], [0.5, 0.5], ["benefit", "cost"]);
    expect(result.closeness).toEqual([0, 1]);
    expect(result.rank).toEqual([2, 1]);
  });

  it("uses the weights as given", () => {
    // Scaling every weight by 2 scales S+ and S− alike, so closeness is unchanged.
    const data = [
      [250, 16, 12],
      [200, 16, 8],
      [300, 32, 16]
    ];
    const directions: Direction[] = ["cost", "benefit", "benefit"];
    const unit = topsis(data, [0.2, 0.3, 0.5], directions);
    const doubled = topsis(data, [0.4, 0.6, 1], directions);
    expectClose(doubled.sPlus, unit.sPlus.map((s) => 2 * s), 1e-15, "S+");
    expectClose(doubled.closeness, unit.closeness, 1e-15, "closeness");
  });
});

describe("topsis input checks", () => {
  it("rejects identical alternatives", () => {
    expect(() => topsis([[1, 2], [1, 2]], [0.5, 0.5], ["benefit", "cost"])).toThrow(
      "all alternatives are identical after weighting, so TOPSIS closeness is undefined"
    );
  });

  it("names a column of zeros", () => {
    expect(() => topsis([[1, 0], [2, 0]], [0.5, 0.5], ["benefit", "cost"])).toThrow(
      "column 1 is all zeros, so it cannot be vector-normalised"
    );
  });

  it("names weights of the wrong length", () => {
    expect(() => topsis([[1, 2], [2, 1]], [1], ["benefit", "cost"])).toThrow(
      "weights has 1 entries but data has 2 columns"
    );
  });

  it("names a negative weight", () => {
    expect(() => topsis([[1, 2], [2, 1]], [1.5, -0.5], ["benefit", "cost"])).toThrow(
      "weights[1] is -0.5; expected a finite weight ≥ 0"
    );
  });

  it("names a missing cell", () => {
    const data = [[1, 2], [NaN, 1]];
    expect(() => topsis(data, [0.5, 0.5], ["benefit", "cost"])).toThrow("data[1][0] is NaN");
  });
});
