import {describe, expect, it} from "vitest";
import {expectClose, loadCases} from "./helpers/reference.js";
import {
  RANDOM_INDEX,
  SAATY_SCALE,
  aggregateJudgments,
  aggregatePriorities,
  ahp,
  checkComparisonMatrix,
  inconsistentJudgments,
  nearestSaatyValue,
  parseComparisonMatrix,
  parseJudgment
} from "../lib/ahp.js";

// Reference values computed with numpy/scipy (numpy.linalg.eig for the eigenvector).

/** Independent principal eigenvector by power iteration, normalised to sum 1. */
function powerIteration(matrix: number[][]): {vector: number[]; value: number} {
  const n = matrix.length;
  let w = new Array<number>(n).fill(1 / n);
  let value = n;
  for (let step = 0; step < 10000; step++) {
    const next = matrix.map((row) => row.reduce((sum, x, j) => sum + x * w[j], 0));
    const total = next.reduce((sum, x) => sum + x, 0);
    value = total;
    const normalised = next.map((x) => x / total);
    const change = Math.max(...normalised.map((x, i) => Math.abs(x - w[i])));
    w = normalised;
    if (change < 1e-15) break;
  }
  return {vector: w, value};
}

const ahpCases = loadCases("ahp.json");
const groupCases = loadCases("ahp_group.json");
const hotel = ahpCases.find((c) => c.case === "hotel_criteria_n4")!.input.matrix as number[][];

describe("ahp reference cases", () => {
  for (const {case: name, input, expected, tolerance} of ahpCases) {
    if (expected.error) {
      it(`ahp rejects ${name}`, () => {
        expect(() => ahp(input.matrix)).toThrow();
      });
      continue;
    }
    it(`ahp eigenvector ${name}`, () => {
      const result = ahp(input.matrix);
      expectClose(result.weights, expected.weights_eigenvector, tolerance, "weights");
      expectClose(result.lambdaMax, expected.lambda_max, tolerance, "lambdaMax");
      expectClose(result.ci, expected.CI, tolerance, "ci");
      expectClose(result.ri, expected.RI_saaty, tolerance, "ri");
      expectClose(result.cr, expected.CR, tolerance, "cr");
      expect(result.consistent).toBe(expected["consistent_CR_le_0.1"]);
      expect(result.method).toBe("eigenvector");
      expect(result.riTable).toBe("saaty");
    });
    it(`ahp geometric and column-mean ${name}`, () => {
      const geometric = ahp(input.matrix, {method: "geometric"});
      expectClose(geometric.weights, expected.weights_geometric_mean, tolerance, "geometric");
      const columnMean = ahp(input.matrix, {method: "column-mean"});
      expectClose(
        columnMean.weights,
        expected.weights_column_normalized_mean,
        tolerance,
        "column-mean"
      );
      for (const result of [geometric, columnMean]) {
        expectClose(result.lambdaMax, expected.lambda_max, tolerance, "lambdaMax");
        expectClose(result.cr, expected.CR, tolerance, "cr");
      }
    });
    it(`ahp Alonso-Lamata table ${name}`, () => {
      const result = ahp(input.matrix, {riTable: "alonso-lamata"});
      expectClose(result.ri, expected.RI_alonso_lamata, tolerance, "ri");
      expectClose(result.cr, expected.CR_alonso_lamata, tolerance, "cr");
      expect(result.riTable).toBe("alonso-lamata");
    });
    it(`ahp parses fractions ${name}`, () => {
      const parsed = parseComparisonMatrix(input.matrix_fractions);
      expectClose(parsed, input.matrix, 1e-15, "parsed");
      expectClose(ahp(parsed).weights, expected.weights_eigenvector, tolerance, "weights");
    });
  }
});

describe("ahp eigenvector", () => {
  const matrices: [string, number[][]][] = [
    ["hotel criteria", hotel],
    [
      "5×5 inconsistent",
      [
        [1, 3, 1 / 5, 7, 2],
        [1 / 3, 1, 1 / 9, 4, 1 / 2],
        [5, 9, 1, 9, 6],
        [1 / 7, 1 / 4, 1 / 9, 1, 1 / 3],
        [1 / 2, 2, 1 / 6, 3, 1]
      ]
    ]
  ];
  for (const [name, matrix] of matrices) {
    it(`matches power iteration on ${name}`, () => {
      const result = ahp(matrix);
      const reference = powerIteration(matrix);
      expectClose(result.weights, reference.vector, 1e-10, "weights");
      expectClose(result.lambdaMax, reference.value, 1e-10, "lambdaMax");
    });
  }

  it("accepts order 15 and computes its consistency", () => {
    // w_i = i + 1 gives a consistent matrix a_ij = w_i / w_j of order 15.
    const w = Array.from({length: 15}, (_, i) => i + 1);
    const matrix = w.map((wi) => w.map((wj) => wi / wj));
    const result = ahp(matrix);
    expectClose(result.weights, w.map((x) => x / 120), 1e-12, "weights");
    expectClose(result.lambdaMax, 15, 1e-9, "lambdaMax");
    expect(result.ri).toBe(1.59);
  });

  it("handles the symmetric all-ones matrix", () => {
    // ml-matrix takes its symmetric path here; equal judgments give equal weights.
    const result = ahp([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1]
    ]);
    expectClose(result.weights, [1 / 3, 1 / 3, 1 / 3], 1e-15, "weights");
    expectClose(result.lambdaMax, 3, 1e-12, "lambdaMax");
  });

  it("gives weight 1 and CR 0 for order 1", () => {
    const result = ahp([[1]]);
    expect(result.weights).toEqual([1]);
    expect(result.lambdaMax).toBe(1);
    expect(result.ci).toBe(0);
    expect(result.cr).toBe(0);
    expect(result.consistent).toBe(true);
  });

  it("flags a matrix whose CR is above 0.1", () => {
    // 0 > 1 > 2 but 2 > 0 strongly: numpy.linalg.eig gives λmax = 4.8380 (CR 1.5845).
    const matrix = [
      [1, 3, 1 / 5],
      [1 / 3, 1, 3],
      [5, 1 / 3, 1]
    ];
    const result = ahp(matrix);
    expectClose(result.lambdaMax, 4.838037526257312, 1e-9, "lambdaMax");
    expectClose(result.cr, 1.5845151088425107, 1e-9, "cr");
    expect(result.consistent).toBe(false);
  });
});

describe("ahp input checks", () => {
  it("names the non-reciprocal pair", () => {
    const matrix = [
      [1, 3, 5],
      [1 / 3, 1, 2],
      [0.2, 1 / 3, 1]
    ];
    expect(() => ahp(matrix)).toThrow(
      "AHP matrix is not reciprocal: a[1][2] = 2 but a[2][1] = 0.333, expected 0.5"
    );
  });

  it("rejects 0.33 as the reciprocal of 3", () => {
    expect(() => ahp([[1, 3], [0.33, 1]])).toThrow(/a\[0\]\[1\] = 3 but a\[1\]\[0\] = 0.33/);
  });

  it("accepts 1/3 given to 7 significant digits", () => {
    expect(() => ahp([[1, 3], [0.3333333, 1]])).not.toThrow();
  });

  it("names a zero entry", () => {
    const matrix = [
      [1, 0, 2],
      [0, 1, 1],
      [0.5, 1, 1]
    ];
    expect(() => ahp(matrix)).toThrow(
      "AHP matrix entry a[0][1] is 0; expected a finite number > 0"
    );
  });

  it("names a negative, NaN or null entry", () => {
    expect(() => ahp([[1, -2], [-0.5, 1]])).toThrow("a[0][1] is -2");
    expect(() => ahp([[1, NaN], [1, 1]])).toThrow("a[0][1] is NaN");
    expect(() => ahp([[1, 2], [null as unknown as number, 1]])).toThrow("a[1][0] is null");
  });

  it("names a diagonal entry other than 1", () => {
    expect(() => ahp([[2, 1], [1, 1]])).toThrow(
      "AHP matrix diagonal entry a[0][0] is 2; expected 1"
    );
  });

  it("names a row of the wrong length", () => {
    expect(() => ahp([[1, 2], [0.5]])).toThrow(
      "AHP matrix is not square: row 1 has 1 entries, expected 2 entries"
    );
  });

  it("rejects an empty matrix", () => {
    expect(() => ahp([])).toThrow("AHP matrix is empty");
  });

  it("rejects order 16", () => {
    const matrix = Array.from({length: 16}, () => new Array<number>(16).fill(1));
    expect(() => ahp(matrix)).toThrow("AHP matrix has order 16");
  });

  it("rejects an unknown method or RI table", () => {
    const options = {method: "power"} as unknown as Parameters<typeof ahp>[1];
    expect(() => ahp(hotel, options)).toThrow('unknown AHP priority method "power"');
    const table = {riTable: "donegan"} as unknown as Parameters<typeof ahp>[1];
    expect(() => ahp(hotel, table)).toThrow('unknown random index table "donegan"');
  });

  it("checkComparisonMatrix uses the given name", () => {
    expect(() => checkComparisonMatrix([[1, 0]], "goal matrix")).toThrow(
      "goal matrix is not square"
    );
  });
});

describe("ahp random index tables", () => {
  it("keeps Saaty's published 1.48 for n = 12", () => {
    expect(RANDOM_INDEX.saaty).toHaveLength(15);
    expect(RANDOM_INDEX.saaty[11]).toBe(1.48);
    expect(RANDOM_INDEX["alonso-lamata"]).toHaveLength(15);
    expect(RANDOM_INDEX["alonso-lamata"][14]).toBe(1.5838);
  });
});

describe("group AHP", () => {
  for (const {case: name, input, expected, tolerance} of groupCases) {
    if (expected.error) {
      it(`aggregateJudgments rejects ${name}`, () => {
        expect(() => aggregateJudgments(input.matrices, input.expert_weights)).toThrow();
      });
      continue;
    }
    it(`AIJ ${name}`, () => {
      const combined = aggregateJudgments(input.matrices, input.expert_weights);
      expectClose(combined, expected.AIJ_matrix, tolerance, "AIJ matrix");
      const result = ahp(combined);
      expectClose(result.weights, expected.AIJ_weights_eigenvector, tolerance, "weights");
      expectClose(result.lambdaMax, expected.AIJ_lambda_max, tolerance, "lambdaMax");
      expectClose(result.cr, expected.AIJ_CR, tolerance, "cr");
    });
    it(`AIJ with default weights ${name}`, () => {
      const combined = aggregateJudgments(input.matrices);
      expectClose(combined, expected.AIJ_matrix, tolerance, "AIJ matrix");
    });
    it(`AIP ${name}`, () => {
      const individual = input.matrices.map((m: number[][]) => ahp(m).weights);
      expectClose(individual, expected.individual_weights_eigenvector, tolerance, "experts");
      const geometric = aggregatePriorities(individual, input.expert_weights);
      expectClose(
        geometric,
        expected.AIP_weights_weighted_geometric_mean_normalized,
        tolerance,
        "geometric"
      );
      const arithmetic = aggregatePriorities(individual, input.expert_weights, {
        mean: "arithmetic"
      });
      expectClose(
        arithmetic,
        expected["AIP_weights_weighted_arithmetic_mean (variant, not default)"],
        tolerance,
        "arithmetic"
      );
    });
  }

  const [first, second] = groupCases[0].input.matrices as number[][][];

  it("aggregateJudgments names the size mismatch", () => {
    expect(() => aggregateJudgments([first, [[1, 2], [0.5, 1]]], [0.5, 0.5])).toThrow(
      "all expert matrices must have the same size: expert 1 has order 2 but expert 0 has order 4"
    );
  });

  it("aggregateJudgments names the invalid expert matrix", () => {
    const broken = second.map((row) => row.slice());
    broken[2][3] = 5;
    expect(() => aggregateJudgments([first, broken])).toThrow(
      "AHP matrix of expert 1 is not reciprocal: a[2][3] = 5"
    );
  });

  it("aggregateJudgments keeps reciprocity with unequal weights", () => {
    const combined = aggregateJudgments([first, second], [0.7, 0.3]);
    expect(() => checkComparisonMatrix(combined)).not.toThrow();
    expectClose(combined[0][2], Math.pow(5, 0.7) * Math.pow(4, 0.3), 1e-12, "G[0][2]");
  });

  it("rejects expert weights that do not sum to 1", () => {
    expect(() => aggregateJudgments([first, second], [0.5, 0.6])).toThrow(
      "expert weights sum to 1.1; expected 1 (within 1e-9)"
    );
    expect(() => aggregatePriorities([[0.5, 0.5], [0.2, 0.8]], [0.5, 0.4])).toThrow(
      "expert weights sum to 0.9"
    );
  });

  it("rejects a zero or negative expert weight", () => {
    expect(() => aggregateJudgments([first, second], [1, 0])).toThrow(
      "expert weight 1 is 0; expected a finite number > 0"
    );
  });

  it("rejects expert weights of the wrong length", () => {
    expect(() => aggregateJudgments([first, second], [1])).toThrow(
      "expert weights have 1 entries but there are 2 experts"
    );
  });

  it("rejects an empty list of experts", () => {
    expect(() => aggregateJudgments([])).toThrow("no expert matrices given");
    expect(() => aggregatePriorities([])).toThrow("no expert priority vectors given");
  });

  it("aggregatePriorities names a vector of another length", () => {
    expect(() => aggregatePriorities([[0.5, 0.5], [0.2, 0.3, 0.5]])).toThrow(
      "expert 1 has 3 entries but expert 0 has 2"
    );
  });

  it("aggregatePriorities names a negative priority", () => {
    expect(() => aggregatePriorities([[0.5, 0.5], [1.2, -0.2]])).toThrow(
      "priority 1 of expert 1 is -0.2; expected a finite number ≥ 0"
    );
  });

  it("aggregatePriorities rejects an all-zero vector", () => {
    expect(() => aggregatePriorities([[0.5, 0.5], [0, 0]])).toThrow(
      "priorities of expert 1 are all 0"
    );
  });

  it("aggregatePriorities rejects a geometric mean that is 0 everywhere", () => {
    expect(() => aggregatePriorities([[1, 0], [0, 1]])).toThrow(
      "geometric mean of the priorities is 0 for every element"
    );
  });

  it("aggregatePriorities ignores the scale of each vector", () => {
    // (0.8·0.2)^½ = 0.4 for both elements, so the geometric mean is equal weights.
    expectClose(aggregatePriorities([[0.8, 0.2], [2, 8]]), [0.5, 0.5], 1e-15, "weights");
  });
});

describe("inconsistentJudgments", () => {
  it("ranks the judgment that breaks transitivity first", () => {
    // a01 = 2 and a12 = 2 imply a02 = 4, but a02 = 1/4 was entered.
    const matrix = [
      [1, 2, 1 / 4],
      [1 / 2, 1, 2],
      [4, 1 / 2, 1]
    ];
    const list = inconsistentJudgments(matrix);
    expect(list).toHaveLength(3);
    const w = powerIteration(matrix).vector;
    for (const judgment of list) {
      const epsilon = (judgment.value * w[judgment.j]) / w[judgment.i];
      expectClose(judgment.deviation, Math.max(epsilon, 1 / epsilon), 1e-10, "deviation");
      expectClose(judgment.implied, w[judgment.i] / w[judgment.j], 1e-10, "implied");
      expect(judgment.i).toBeLessThan(judgment.j);
    }
    for (let k = 1; k < list.length; k++) {
      expect(list[k - 1].deviation).toBeGreaterThanOrEqual(list[k].deviation);
    }
  });

  it("names the altered judgment of a consistent matrix", () => {
    // w = 8:4:2:1 is consistent; a[1][3] is changed from 4 to 1/4. Expected values from
    // numpy.linalg.eig: w = (0.5452, 0.1441, 0.1363, 0.1744), worst deviation 3.3052.
    const w = [8, 4, 2, 1];
    const matrix = w.map((wi) => w.map((wj) => wi / wj));
    matrix[1][3] = 1 / 4;
    matrix[3][1] = 4;
    const list = inconsistentJudgments(matrix);
    const [worst] = list;
    expect(worst.i).toBe(1);
    expect(worst.j).toBe(3);
    expect(worst.value).toBe(0.25);
    expectClose(worst.deviation, 3.3051552517873253, 1e-9, "deviation");
    expectClose(worst.implied, 0.8262888129468313, 1e-9, "implied");
    expect(worst.suggested).toBe(1);
    const last = list[list.length - 1];
    expect([last.i, last.j]).toEqual([0, 2]);
    expectClose(last.deviation, 1, 1e-9, "deviation of a[0][2]");
  });

  it("gives deviation 1 for a consistent matrix", () => {
    const matrix = ahpCases[0].input.matrix as number[][];
    for (const judgment of inconsistentJudgments(matrix)) {
      expectClose(judgment.deviation, 1, 1e-12, "deviation");
      expect(judgment.suggested).toBe(judgment.value);
    }
  });

  it("checks the matrix", () => {
    expect(() => inconsistentJudgments([[1, 2], [2, 1]])).toThrow("not reciprocal");
  });
});

describe("Saaty scale helpers", () => {
  it("nearestSaatyValue rounds on a log scale", () => {
    expect(nearestSaatyValue(4.4)).toBe(4);
    expect(nearestSaatyValue(2.9)).toBe(3);
    // Between 1 and 2 the log midpoint is √2 ≈ 1.414.
    expect(nearestSaatyValue(1.4)).toBe(1);
    expect(nearestSaatyValue(1.42)).toBe(2);
    expect(nearestSaatyValue(0.3)).toBe(1 / 3);
    expect(nearestSaatyValue(40)).toBe(9);
    expect(nearestSaatyValue(0.001)).toBe(1 / 9);
  });

  it("nearestSaatyValue rejects a ratio that is not positive", () => {
    expect(() => nearestSaatyValue(0)).toThrow("ratio is 0; expected a finite number > 0");
  });

  it("SAATY_SCALE has 17 ascending values", () => {
    expect(SAATY_SCALE).toHaveLength(17);
    expect(SAATY_SCALE[8]).toBe(1);
  });

  it("parseJudgment reads numbers and fractions", () => {
    expect(parseJudgment("1/3")).toBe(1 / 3);
    expect(parseJudgment(" 2 / 7 ")).toBe(2 / 7);
    expect(parseJudgment("5")).toBe(5);
    expect(parseJudgment("0.5")).toBe(0.5);
  });

  it("parseJudgment rejects text that is not a positive number", () => {
    expect(() => parseJudgment("1/0")).toThrow('invalid judgment "1/0"');
    expect(() => parseJudgment("three")).toThrow('invalid judgment "three"');
    expect(() => parseJudgment("-3")).toThrow('invalid judgment "-3"');
  });

  it("parseComparisonMatrix names the entry that does not parse", () => {
    expect(() => parseComparisonMatrix([["1", "x"], ["1", "1"]])).toThrow(
      'entry a[0][1]: invalid judgment "x"'
    );
  });
});
