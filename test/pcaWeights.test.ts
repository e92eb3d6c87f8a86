import {describe, expect, it} from "vitest";
import {expectClose, loadCases} from "./helpers/reference.js";
import {pcaWeights, pcaWeightsOfColumns} from "../lib/pcaWeights.js";
import {PCA} from "ml-pca";
import {sampleCorrelation} from "simple-statistics";
import {seededRandom} from "../lib/random.js";
import type {Direction} from "../lib/types.js";

// Reference values computed with numpy (eigh of the correlation matrix).

const cases = loadCases("pca_weights.json");

describe("pcaWeights reference cases", () => {
  for (const {case: name, input, expected, tolerance} of cases) {
    const directions = input.directions as Direction[];
    if (expected.error) {
      it(`pcaWeights rejects ${name}`, () => {
        expect(() => pcaWeights(input.matrix, directions)).toThrow();
      });
      continue;
    }
    it(`pcaWeights ${name}`, () => {
      const result = pcaWeights(input.matrix, directions);
      expectClose(result.weights, expected.weights, tolerance, "weights");
      expectClose(result.eigenvalues, expected.eigenvalues, tolerance, "eigenvalues");
      expect(result.componentsKept).toBe(expected.components_kept);
    });
  }
});

describe("pcaWeights with two kept components", () => {
  // Expected values from numpy.linalg.eigh on the correlation matrix after cost columns
  // were negated; eigenvectors signed so that the largest-|entry| is positive.
  const data = [
    [3, 40, 7, 2.0, 15],
    [4, 42, 5, 3.5, 12],
    [2, 35, 8, 1.5, 20],
    [5, 50, 4, 4.0, 9],
    [3, 38, 6, 3.0, 14],
    [4, 47, 3, 2.5, 11],
    [1, 30, 9, 4.5, 22],
    [5, 45, 6, 1.0, 10]
  ];
  const directions: Direction[] = ["benefit", "benefit", "cost", "benefit", "cost"];
  const result = pcaWeights(data, directions);

  it("keeps the components with eigenvalue above 1", () => {
    expectClose(
      result.eigenvalues,
      [3.763976265339654, 1.0183673178185175, 0.16611809635261404, 0.043676355907981815,
        0.007861964581232036],
      1e-10,
      "eigenvalues"
    );
    expect(result.componentsKept).toBe(2);
  });

  it("signs each eigenvector by its largest entry", () => {
    expectClose(
      result.eigenvectors,
      [
        [0.501101068308737, 0.5075265184030201, 0.4742525329726825, -0.08947781711842748,
          0.5083235265756123],
        [-0.07816944959333791, 0.023617767596072887, 0.21909067335326876, 0.9720718715737646,
          0.02018146547557373]
      ],
      1e-9,
      "eigenvectors"
    );
  });

  it("weights the kept components by their eigenvalues", () => {
    expectClose(
      result.coefficients,
      [0.3777493782117001, 0.4044814635969105, 0.4199175622471772, 0.13657191987906492,
        0.4043770173311702],
      1e-10,
      "coefficients"
    );
    expectClose(
      result.weights,
      [0.2167115795939074, 0.23204754778819925, 0.24090310524034667, 0.07835013951651824,
        0.23198762786102844],
      1e-10,
      "weights"
    );
  });

  it("flips the correlations of cost columns", () => {
    const asBenefit = pcaWeights(
      data.map((row) => row.map((x, j) => (directions[j] === "cost" ? -x : x))),
      ["benefit", "benefit", "benefit", "benefit", "benefit"]
    );
    expectClose(asBenefit.correlation, result.correlation, 1e-12, "correlation");
    expectClose(asBenefit.weights, result.weights, 1e-12, "weights");
  });
});

describe("pcaWeights edge cases", () => {
  it("gives weight 1 to a single column", () => {
    const result = pcaWeights([[1], [2], [4]], ["cost"]);
    expectClose(result.weights, [1], 1e-15, "weights");
    expect(result.componentsKept).toBe(1);
  });

  it("keeps the first component when no eigenvalue exceeds 1", () => {
    // The columns are exactly uncorrelated, so R = I and both eigenvalues are 1.
    const data = [
      [1, 1],
      [2, -1],
      [3, -1],
      [4, 1]
    ];
    const result = pcaWeights(data, ["benefit", "benefit"]);
    expectClose(result.eigenvalues, [1, 1], 1e-15, "eigenvalues");
    expect(result.componentsKept).toBe(1);
    expect(result.eigenvectors).toHaveLength(1);
  });
});

describe("pcaWeights input checks", () => {
  it("names a constant column", () => {
    const data = [
      [1, 2],
      [1, 3],
      [1, 5]
    ];
    expect(() => pcaWeights(data, ["benefit", "benefit"])).toThrow(
      "column 0 is constant (every value is 1), so its correlations are undefined"
    );
  });

  it("rejects a single row", () => {
    expect(() => pcaWeights([[1, 2]], ["benefit", "cost"])).toThrow(
      "PCA weights need at least 2 rows; data has 1 row"
    );
  });

  it("names a missing cell", () => {
    const data = [[1, 2], [null, 3]] as unknown as number[][];
    expect(() => pcaWeights(data, ["benefit", "cost"])).toThrow("data[1][0] is null");
  });
});

describe("pcaWeightsOfColumns", () => {
  const {input} = cases.find((c) => !c.expected.error)!;
  const rows = input.matrix as number[][];
  const directions = input.directions as Direction[];

  it("equals pcaWeights and leaves the columns unchanged", () => {
    const columns = directions.map((_, j) => Float64Array.from(rows, (row) => row[j]));
    const copy = columns.map((column) => Array.from(column));
    expect(pcaWeightsOfColumns(columns, directions)).toEqual(pcaWeights(rows, directions));
    expect(columns.map((column) => Array.from(column))).toEqual(copy);
  });

  it("names a constant column", () => {
    const columns = directions.map((_, j) => rows.map((row) => (j === 1 ? 7 : row[j])));
    expect(() => pcaWeightsOfColumns(columns, directions)).toThrow(
      "column 1 is constant (every value is 7)"
    );
  });
});

describe("pcaWeights from row blocks", () => {
  it("equals ml-pca on the simple-statistics correlation matrix", () => {
    // 4500 rows take three blocks of rows, merged by their centred sums.
    const random = seededRandom(4);
    const rows = Array.from({length: 4500}, () => {
      const f = random();
      const g = random();
      return [f + 0.3 * random(), 100 - 20 * f + random(), g + 0.5 * random(), g - f];
    });
    const directions: Direction[] = ["benefit", "cost", "benefit", "benefit"];
    const signed = directions.map((direction, j) =>
      rows.map((row) => (direction === "cost" ? -row[j] : row[j]))
    );
    const r = signed.map((a) => signed.map((b) => (a === b ? 1 : sampleCorrelation(a, b))));
    const pca = new PCA(r, {isCovarianceMatrix: true});
    const result = pcaWeights(rows, directions);
    pca.getEigenvalues().forEach((lambda, k) => {
      expectClose(result.eigenvalues[k], lambda, 1e-12, `λ${k}`);
    });
    result.correlation.forEach((row, j) =>
      row.forEach((value, k) => expectClose(value, r[j][k], 1e-12, `r[${j}][${k}]`))
    );
    // Components with λ > 1, each signed so that its largest entry is positive, weighted by λ.
    const lambdas = pca.getEigenvalues();
    const kept = lambdas.filter((lambda) => lambda > 1).length;
    expect(result.componentsKept).toBe(kept);
    const coefficients = [0, 0, 0, 0];
    const keptTotal = lambdas.slice(0, kept).reduce((total, x) => total + x, 0);
    for (let k = 0; k < kept; k++) {
      const u = pca.getLoadings().getRow(k);
      const largest = u.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
      u.forEach((x, j) => (coefficients[j] += (Math.sign(largest) * x * lambdas[k]) / keptTotal));
    }
    const sum = coefficients.reduce((total, a) => total + Math.abs(a), 0);
    coefficients.forEach((a, j) => {
      expectClose(result.weights[j], Math.abs(a) / sum, 1e-12, `w${j}`);
    });
  });
});
