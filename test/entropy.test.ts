import {describe, expect, it} from "vitest";
import {expectClose, loadCases} from "./helpers/reference.js";
import {entropyWeights, entropyWeightsOfColumns, type EntropyVariant} from "../lib/entropy.js";
import {seededRandom} from "../lib/random.js";
import type {Direction} from "../lib/types.js";

// Reference values computed with numpy/scipy.

const cases = loadCases("entropy_weights.json");

// Variant names of the reference files and the API.
const referenceVariants: Record<string, EntropyVariant> = {
  minmax: "minmax",
  "minmax_shift_0.0001": "minmax-shift",
  ratio_raw: "ratio"
};
const hotel = cases[0].input.matrix as number[][];
const hotelDirections = cases[0].input.directions as Direction[];

describe("entropyWeights reference cases", () => {
  for (const {case: name, input, expected, tolerance} of cases) {
    const directions = input.directions as Direction[];
    const variant = referenceVariants[input.variant as string];
    if (expected.error) {
      it(`entropyWeights rejects ${name}`, () => {
        expect(() => entropyWeights(input.matrix, directions, {variant})).toThrow();
      });
      continue;
    }
    it(`entropyWeights ${name}`, () => {
      const result = entropyWeights(input.matrix, directions, {variant, keepIntermediate: true});
      expectClose(result.normalized, expected.normalized, tolerance, "normalized");
      expectClose(result.proportions, expected.P, tolerance, "P");
      expectClose(result.entropy, expected.entropy_e, tolerance, "entropy");
      expectClose(result.divergence, expected.divergence_d, tolerance, "divergence");
      expectClose(result.weights, expected.weights, tolerance, "weights");
      expect(result.degenerateColumns).toEqual(expected.degenerate_columns);
      expect(result.variant).toBe(variant);
    });
    if (variant !== "minmax") continue;
    it(`entropyWeights default variant ${name}`, () => {
      const result = entropyWeights(input.matrix, directions);
      expectClose(result.weights, expected.weights, tolerance, "weights");
      expect(result.normalized).toBeUndefined();
      expect(result.proportions).toBeUndefined();
    });
  }
});

describe("entropyWeights variants", () => {
  // Expected values computed with numpy: p = x/Σx, e = −Σ p ln p / ln m (0 ln 0 = 0).
  it("minmax-shift on the hotel data", () => {
    const result = entropyWeights(hotel, hotelDirections, {variant: "minmax-shift"});
    expectClose(
      result.entropy,
      [0.7902842887390061, 0.8076897800894981, 0.7800184280040278, 0.7954855040235259],
      1e-12,
      "entropy"
    );
    expectClose(
      result.weights,
      [0.25373276389279875, 0.23267404873637285, 0.26615331742387366, 0.24743986994695477],
      1e-12,
      "weights"
    );
    expect(result.variant).toBe("minmax-shift");
  });

  it("minmax-shift keeps a constant column at weight 0", () => {
    const {input} = cases[1];
    const result = entropyWeights(input.matrix, input.directions, {
      variant: "minmax-shift",
      keepIntermediate: true
    });
    expectClose(result.entropy, [0.7299504812361187, 1, 0.7612626112841396], 1e-12, "e");
    expectClose(result.weights, [0.5307713598637241, 0, 0.46922864013627585], 1e-12, "w");
    expect(result.degenerateColumns).toEqual([1]);
    expectClose(result.normalized!.map((row) => row[1]), [1e-4, 1e-4, 1e-4, 1e-4], 0, "x''");
  });

  it("minmax-shift uses the given shift", () => {
    const large = entropyWeights(hotel, hotelDirections, {variant: "minmax-shift", shift: 1});
    const small = entropyWeights(hotel, hotelDirections, {variant: "minmax-shift"});
    expect(large.entropy[0]).toBeGreaterThan(small.entropy[0]);
  });

  it("ratio on raw benefit data", () => {
    const directions: Direction[] = ["benefit", "benefit", "benefit", "benefit"];
    const result = entropyWeights(hotel, directions, {variant: "ratio"});
    expectClose(
      result.entropy,
      [0.9728341497655154, 0.9976597655858616, 0.9153112209210176, 0.925633916873193],
      1e-12,
      "entropy"
    );
    expectClose(
      result.weights,
      [0.14406933507530212, 0.012411023879432109, 0.4491321267301996, 0.39438751431506613],
      1e-12,
      "weights"
    );
  });

  it("ratio treats 0 ln 0 as 0 and a constant column as degenerate", () => {
    const data = [
      [0, 1, 7],
      [2, 3, 7],
      [4, 5, 7]
    ];
    const directions: Direction[] = ["benefit", "benefit", "benefit"];
    const result = entropyWeights(data, directions, {variant: "ratio"});
    expectClose(result.entropy, [0.5793801642856949, 0.8527924884900403, 1], 1e-12, "e");
    expectClose(result.weights, [0.7407530436327859, 0.2592469563672137, 0], 1e-12, "w");
    expect(result.degenerateColumns).toEqual([2]);
  });
});

describe("entropyWeights input checks", () => {
  it("rejects all-constant data", () => {
    const data = [
      [1, 2],
      [1, 2],
      [1, 2]
    ];
    expect(() => entropyWeights(data, ["benefit", "benefit"])).toThrow(
      "every column is constant, so all divergences are 0 and entropy weights are undefined"
    );
  });

  it("rejects a single row", () => {
    expect(() => entropyWeights([[1, 2]], ["benefit", "cost"])).toThrow(
      "entropy weights need at least 2 rows; data has 1 row"
    );
  });

  it("names a missing cell", () => {
    const data = [[1, 2], [3, null]] as unknown as number[][];
    expect(() => entropyWeights(data, ["benefit", "cost"])).toThrow(
      "data[1][1] is null; expected a finite number"
    );
  });

  it("ratio names a cost column", () => {
    expect(() => entropyWeights(hotel, hotelDirections, {variant: "ratio"})).toThrow(
      "column 2 is a cost column; the ratio variant of the entropy method takes benefit"
    );
  });

  it("ratio names a negative value", () => {
    const data = [
      [1, 2],
      [3, -4]
    ];
    expect(() => entropyWeights(data, ["benefit", "benefit"], {variant: "ratio"})).toThrow(
      "data[1][1] is -4; the ratio variant of the entropy method needs values ≥ 0"
    );
  });

  it("rejects an unknown variant or shift", () => {
    const variant = {variant: "log"} as unknown as Parameters<typeof entropyWeights>[2];
    expect(() => entropyWeights(hotel, hotelDirections, variant)).toThrow(
      'unknown entropy variant "log"'
    );
    expect(() => entropyWeights(hotel, hotelDirections, {shift: -1})).toThrow(
      "invalid shift -1; expected a finite number > 0"
    );
  });
});

describe("entropyWeightsOfColumns", () => {
  const columns = hotelDirections.map((_, j) => Float64Array.from(hotel, (row) => row[j]));

  it("equals entropyWeights for every variant", () => {
    const benefit = hotelDirections.map(() => "benefit" as const);
    for (const variant of ["minmax", "minmax-shift", "ratio"] as const) {
      const directions = variant === "ratio" ? benefit : hotelDirections;
      const options = {variant, keepIntermediate: true};
      expect(entropyWeightsOfColumns(columns, directions, options), variant).toEqual(
        entropyWeights(hotel, directions, options)
      );
    }
  });

  it("reads plain arrays too", () => {
    const arrays = columns.map((column) => Array.from(column));
    expect(entropyWeightsOfColumns(arrays, hotelDirections).weights).toEqual(
      entropyWeights(hotel, hotelDirections).weights
    );
  });

  it("names a bad value by column and row", () => {
    const bad = columns.map((column) => Float64Array.from(column));
    bad[1][2] = Infinity;
    expect(() => entropyWeightsOfColumns(bad, hotelDirections)).toThrow(
      "columns[1][2] (row 2) is Infinity; expected a finite number"
    );
  });
});

describe("entropyWeights from row blocks", () => {
  it("equals the weights of whole columns on random rows", () => {
    // 4500 rows take three blocks of rows, read without copying the matrix.
    const random = seededRandom(5);
    const rows = Array.from({length: 4500}, () => [random(), 10 * random() ** 2, random() - 2]);
    const directions: Direction[] = ["benefit", "cost", "benefit"];
    const columns = directions.map((_, j) => Float64Array.from(rows, (row) => row[j]));
    for (const variant of ["minmax", "minmax-shift"] as const) {
      const fromRows = entropyWeights(rows, directions, {variant});
      const fromColumns = entropyWeightsOfColumns(columns, directions, {variant});
      expect(fromRows.weights).toEqual(fromColumns.weights);
      expect(fromRows.entropy).toEqual(fromColumns.entropy);
    }
  });

  it("ratio names the first negative value of the first bad column", () => {
    const rows = Array.from({length: 4500}, (_, i) => [1 + i, 1]);
    rows[4200][0] = -1;
    rows[3000][1] = -2;
    expect(() => entropyWeights(rows, ["benefit", "benefit"], {variant: "ratio"})).toThrow(
      "data[4200][0] is -1; the ratio variant"
    );
  });
});
