import {describe, expect, it} from "vitest";
import {expectClose, loadCases} from "./helpers/reference.js";
import {criticWeights, criticWeightsOfColumns} from "../lib/critic.js";
import {sampleCorrelation, sampleStandardDeviation} from "simple-statistics";
import {seededRandom} from "../lib/random.js";
import type {Direction} from "../lib/types.js";

// Reference values computed with numpy/scipy.

/** Picks the entries of the kept columns, as the reference lists them. */
function keptEntries(values: number[], kept: number[]): number[] {
  return kept.map((j) => values[j]);
}

const cases = loadCases("critic_weights.json");

describe("criticWeights reference cases", () => {
  for (const {case: name, input, expected, tolerance} of cases) {
    const directions = input.directions as Direction[];
    if (expected.error) {
      it(`criticWeights rejects ${name}`, () => {
        expect(() => criticWeights(input.matrix, directions)).toThrow();
      });
      continue;
    }
    const variants: [string, 0 | 1][] = [
      ["sample_std_ddof1", 1],
      ["population_std_ddof0", 0]
    ];
    for (const [key, ddof] of variants) {
      it(`criticWeights ${name} ddof ${ddof}`, () => {
        const reference = expected[key];
        const result = criticWeights(input.matrix, directions, {ddof});
        const kept = result.keptColumns;
        expect(kept).toEqual(reference.kept_columns);
        expectClose(result.correlation, reference.corr_matrix_of_kept_columns, tolerance, "r");
        expectClose(keptEntries(result.sd, kept), reference.std, tolerance, "sd");
        expectClose(
          keptEntries(result.conflict, kept),
          reference.conflict_sum_1_minus_r,
          tolerance,
          "conflict"
        );
        expectClose(
          keptEntries(result.information, kept),
          reference.information_C,
          tolerance,
          "information"
        );
        expectClose(result.weights, reference.weights, tolerance, "weights");
        expect(result.ddof).toBe(ddof);
      });
    }
    it(`criticWeights ${name} defaults to ddof 1`, () => {
      const result = criticWeights(input.matrix, directions);
      expectClose(result.sd, expected.sample_std_ddof1.std, tolerance, "sd");
    });
  }
});

describe("criticWeights constant columns", () => {
  // Expected values computed with numpy: constant column 1 dropped, then std(ddof=1),
  // corrcoef and C = σ·Σ(1 − r) on the min–max normalised remaining columns.
  const data = [
    [320, 7, 4.5, 12, 3],
    [180, 7, 3.8, 30, 5],
    [450, 7, 4.9, 5, 2],
    [250, 7, 4.1, 18, 4],
    [300, 7, 4.5, 25, 1],
    [260, 7, 4.0, 20, 2]
  ];
  const directions: Direction[] = ["benefit", "cost", "benefit", "cost", "cost"];

  it("excludes a constant column before the correlations", () => {
    const result = criticWeights(data, directions);
    expect(result.keptColumns).toEqual([0, 2, 3, 4]);
    expect(result.degenerateColumns).toEqual([1]);
    expect(result.correlation).toHaveLength(4);
    expectClose(
      result.weights,
      [0.1422950623737654, 0, 0.1755042700537466, 0.27859072496242815, 0.40360994261005984],
      1e-12,
      "weights"
    );
    expectClose(
      keptEntries(result.conflict, result.keptColumns),
      [0.5521865969754802, 0.6214449530003973, 1.0134055186759783, 1.4297826190343248],
      1e-12,
      "conflict"
    );
  });

  it("reports sd 0, conflict NaN and information 0 for it", () => {
    const result = criticWeights(data, directions);
    expect(result.sd[1]).toBe(0);
    expect(result.conflict[1]).toBeNaN();
    expect(result.information[1]).toBe(0);
  });
});

describe("criticWeights input checks", () => {
  it("names the single non-constant column", () => {
    const data = [
      [1, 5],
      [2, 5],
      [3, 5]
    ];
    expect(() => criticWeights(data, ["benefit", "benefit"])).toThrow(
      "CRITIC needs at least 2 non-constant columns; found 1 (constant columns: 1)"
    );
  });

  it("rejects fewer than 3 rows", () => {
    const data = [
      [1, 5],
      [2, 6]
    ];
    expect(() => criticWeights(data, ["benefit", "benefit"])).toThrow(
      "CRITIC needs at least 3 rows; data has 2"
    );
  });

  it("rejects perfectly correlated columns", () => {
    const data = [
      [1, 10],
      [2, 20],
      [4, 40]
    ];
    expect(() => criticWeights(data, ["benefit", "benefit"])).toThrow(
      "every pair of non-constant columns is perfectly correlated"
    );
  });

  it("rejects perfect correlation blurred by rounding", () => {
    const data = [
      [0.1, 0.7, 1.1],
      [0.2, 1.4, 2.2],
      [0.3, 2.1, 3.3],
      [0.7, 4.9, 7.7]
    ];
    expect(() => criticWeights(data, ["benefit", "benefit", "benefit"])).toThrow(
      "every pair of non-constant columns is perfectly correlated"
    );
  });

  it("names a missing cell and an invalid direction", () => {
    const data = [[1, 2], [3, 4], [5, undefined]] as unknown as number[][];
    expect(() => criticWeights(data, ["benefit", "cost"])).toThrow(
      "data[2][1] is undefined; expected a finite number"
    );
    const directions = ["benefit", "up"] as unknown as Direction[];
    expect(() => criticWeights([[1, 2]], directions)).toThrow('directions[1] is "up"');
  });

  it("rejects a ddof other than 0 or 1", () => {
    const options = {ddof: 3} as unknown as Parameters<typeof criticWeights>[2];
    expect(() => criticWeights([[1, 2]], ["benefit", "cost"], options)).toThrow(
      "invalid ddof 3; expected 0 or 1"
    );
  });
});

describe("criticWeightsOfColumns", () => {
  const {input} = cases.find((c) => !c.expected.error)!;
  const rows = input.matrix as number[][];
  const directions = input.directions as Direction[];
  const columns = directions.map((_, j) => Float64Array.from(rows, (row) => row[j]));

  it("equals criticWeights for both ddof", () => {
    for (const ddof of [0, 1] as const) {
      expect(criticWeightsOfColumns(columns, directions, {ddof}), `ddof ${ddof}`).toEqual(
        criticWeights(rows, directions, {ddof})
      );
    }
  });

  it("rejects an invalid ddof before reading the columns", () => {
    const ddof = {ddof: 2} as unknown as {ddof: 0};
    expect(() => criticWeightsOfColumns([], directions, ddof)).toThrow(
      "invalid ddof 2; expected 0 or 1"
    );
  });
});

describe("criticWeights from row blocks", () => {
  it("equals the textbook computation on random rows", () => {
    // 4500 rows take three blocks of rows, merged by their centred sums.
    const random = seededRandom(8);
    const rows = Array.from({length: 4500}, () => {
      const a = random();
      return [a, 50 + 10 * (a + random()), 3 * random(), a * random()];
    });
    const directions: Direction[] = ["benefit", "cost", "benefit", "cost"];
    // Min–max normalise, then σ and r of the normalised columns with simple-statistics.
    const normalized = directions.map((direction, j) => {
      const column = rows.map((row) => row[j]);
      const low = Math.min(...column);
      const high = Math.max(...column);
      return column.map((x) => (direction === "cost" ? high - x : x - low) / (high - low));
    });
    const information = normalized.map(
      (a) =>
        sampleStandardDeviation(a) *
        normalized.reduce((sum, b) => sum + (1 - sampleCorrelation(a, b)), 0)
    );
    const total = information.reduce((sum, c) => sum + c, 0);
    const fromRows = criticWeights(rows, directions);
    // The normalised columns are their own min–max normalisation, all benefit.
    const fromColumns = criticWeightsOfColumns(normalized, directions.map(() => "benefit"));
    for (const result of [fromRows, fromColumns]) {
      information.forEach((c, j) => expectClose(result.weights[j], c / total, 1e-12, `w${j}`));
    }
  });
});
