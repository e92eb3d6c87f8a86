import {readFileSync} from "node:fs";
import {describe as group, expect, it} from "vitest";
import {
  centredCrossProducts,
  correlationMatrix,
  pairwiseCorrelation,
  pearson,
  spearman,
} from "../lib/correlation.js";
import {rankWithTies} from "../lib/inference.js";
import {seededRandom} from "../lib/random.js";

interface ReferenceCase {
  case: string;
  input: {x: number[]; y: number[]};
  expected: Record<string, unknown>;
  tolerance: number;
}

const reference: ReferenceCase[] = JSON.parse(
  readFileSync(new URL("./reference/spearman.json", import.meta.url), "utf8"),
);

function expectMatrixClose(actual: (number | null)[][], expected: number[][], digits: number) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((row, i) =>
    row.forEach((value, j) => expect(actual[i][j], `[${i}][${j}]`).toBeCloseTo(value, digits)),
  );
}

group("spearman on reference cases (numpy/scipy)", () => {
  for (const c of reference) {
    it(c.case, () => {
      const {x, y} = c.input;
      if (c.expected.error) {
        expect(() => spearman(x, y)).toThrow(/length mismatch/);
        return;
      }
      const result = spearman(x, y);
      const e = c.expected as Record<string, number & number[]>;
      expect(Math.abs(result.rho - e.rho)).toBeLessThanOrEqual(c.tolerance);
      expect(Array.from(rankWithTies(x).ranks)).toEqual(e.ranks_x_average);
      expect(Array.from(rankWithTies(y).ranks)).toEqual(e.ranks_y_average);
      const expectedP = e.p_two_sided_t_approx;
      expect(Math.abs(result.p! - expectedP)).toBeLessThanOrEqual(c.tolerance * expectedP);
    });
  }
});

group("spearman", () => {
  // Expected values from scipy.stats.spearmanr (t-approximation p-value).
  it("matches scipy without ties", () => {
    const result = spearman([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 1, 2]);
    expect(result.rho).toBeCloseTo(-0.942857142857143, 13);
    expect(result.p).toBeCloseTo(0.004804664723032055, 13);
    expect(result.n).toBe(6);
  });

  it("gives ρ = 1 and p = 0 for a monotone relation", () => {
    const result = spearman([1, 2, 3, 4], [1, 8, 27, 64]);
    expect(result.rho).toBe(1);
    expect(result.p).toBe(0);
  });

  it("has no p-value for two pairs", () => {
    const result = spearman([1, 2], [5, 3]);
    expect(result.rho).toBeCloseTo(-1, 14);
    expect(result.p).toBeNull();
  });

  it("rejects constant samples, too few pairs and missing values", () => {
    expect(() => spearman([1, 1, 1], [1, 2, 3])).toThrow(
      "spearman: x is constant, so the correlation is undefined",
    );
    expect(() => spearman([1, 2, 3], [4, 4, 4])).toThrow("spearman: y is constant");
    expect(() => spearman([1], [2])).toThrow("spearman: expected at least 2 pairs, got 1");
    expect(() => spearman([1, 2], [NaN, 2])).toThrow("spearman: y[0] is NaN");
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow(
      "spearman: x has 3 values but y has 2: length mismatch, expected paired samples",
    );
  });
});

group("pearson", () => {
  // Expected values from scipy.stats.pearsonr.
  it("matches scipy", () => {
    const result = pearson([1, 2, 3, 4], [2, 4, 5, 9]);
    expect(result.r).toBeCloseTo(0.9647638212377322, 14);
    expect(result.p).toBeCloseTo(0.03523617876226792, 13);
  });

  it("matches scipy for n = 3", () => {
    const result = pearson([1, 2, 3], [1, 3, 2]);
    expect(result.r).toBeCloseTo(0.5, 14);
    expect(result.p).toBeCloseTo(0.6666666666666666, 13);
  });

  it("gives r = -1 and p ≈ 0 for an exact line", () => {
    const result = pearson([1, 2, 3, 4, 5], [10, 8, 6, 4, 2]);
    expect(result.r).toBeCloseTo(-1, 15);
    expect(result.p).toBeLessThan(1e-12);
  });

  it("rejects constant and mismatched samples", () => {
    expect(() => pearson([2, 2], [1, 2])).toThrow("pearson: x is constant");
    expect(() => pearson([1, 2], [1, 2, 3])).toThrow("length mismatch");
    expect(() => pearson([], [])).toThrow("pearson: x is empty");
  });
});

group("correlationMatrix", () => {
  const data = [
    [1.0, 2.5, 3.1],
    [2.0, 2.1, 0.4],
    [3.5, 4.8, 1.9],
    [4.1, 4.0, -0.7],
    [5.2, 6.3, 2.2],
    [6.0, 5.5, 0.1],
  ];

  it("matches numpy.corrcoef", () => {
    const r = correlationMatrix(data);
    expectMatrixClose(
      r,
      [
        [1.0, 0.897292304772952, -0.41576613162938997],
        [0.897292304772952, 1.0, -0.0066291159584034145],
        [-0.41576613162938997, -0.006629115958403414, 1.0],
      ],
      14,
    );
    expect(r[1][0]).toBe(r[0][1]);
    expect(r[2][2]).toBe(1);
  });

  it("matches scipy.stats.spearmanr with the spearman method", () => {
    expectMatrixClose(
      correlationMatrix(data, {method: "spearman"}),
      [
        [1.0, 0.8285714285714287, -0.48571428571428577],
        [0.8285714285714287, 1.0, 0.028571428571428574],
        [-0.48571428571428577, 0.028571428571428574, 1.0],
      ],
      14,
    );
  });

  it("agrees with pearson and spearman on each pair", () => {
    const columns = [0, 1, 2].map((j) => data.map((row) => row[j]));
    const r = correlationMatrix(data);
    const rho = correlationMatrix(data, {method: "spearman"});
    expect(r[0][2]).toBeCloseTo(pearson(columns[0], columns[2]).r, 14);
    expect(rho[1][2]).toBeCloseTo(spearman(columns[1], columns[2]).rho, 14);
  });

  it("rejects a constant column, missing cells and single rows", () => {
    expect(() => correlationMatrix([[1, 0.1], [2, 0.1], [3, 0.1]])).toThrow(
      "correlationMatrix: column 1 is constant (zero variance), so its correlations are undefined",
    );
    expect(() => correlationMatrix([[1, 2], [3, null as unknown as number]])).toThrow(
      "correlationMatrix: rows[1][1] (row 1, column 1) is null",
    );
    expect(() => correlationMatrix([[1, 2]])).toThrow(
      "correlationMatrix: expected at least 2 rows, got 1",
    );
    expect(() =>
      correlationMatrix(data, {method: "kendall" as "pearson"}),
    ).toThrow('invalid correlation method "kendall"');
  });
});

group("pairwiseCorrelation", () => {
  const data = [
    [1, 10, null],
    [2, null, 3],
    [3, 12, 1],
    [4, 11, null],
    [5, 15, 2],
    [null, 14, 4],
  ];

  // Expected values: scipy.stats.pearsonr / spearmanr on the rows where both are present.
  it("uses the rows present in each pair", () => {
    const {r, n} = pairwiseCorrelation(data);
    expect(n).toEqual([
      [5, 4, 3],
      [4, 5, 3],
      [3, 3, 4],
    ]);
    expect(r[0][1]).toBeCloseTo(0.8131571126147262, 14);
    expect(r[0][2]).toBeCloseTo(-0.3273268353539885, 14);
    expect(r[1][2]).toBeCloseTo(0.5, 14);
    expect(r[2][1]).toBe(r[1][2]);
    expect(r[1][1]).toBe(1);
  });

  it("ranks within the present rows for spearman", () => {
    const {r} = pairwiseCorrelation(data, {method: "spearman"});
    expect(r[0][1]).toBeCloseTo(0.8, 14);
    expect(r[0][2]).toBeCloseTo(-0.5, 14);
    expect(r[1][2]).toBeCloseTo(0.5, 14);
  });

  it("treats NaN as missing and gives null where r is undefined", () => {
    const {r, n} = pairwiseCorrelation([
      [1, 5, NaN],
      [2, 5, 1],
      [3, 5, NaN],
    ]);
    expect(r[0][1]).toBeNull();
    expect(r[1][1]).toBeNull();
    expect(n[0][2]).toBe(1);
    expect(r[0][2]).toBeNull();
    expect(r[2][2]).toBeNull();
  });

  it("equals correlationMatrix on complete data", () => {
    const complete = [
      [1, 4, 2],
      [2, 1, 8],
      [3, 5, 3],
      [4, 2, 7],
    ];
    expectMatrixClose(pairwiseCorrelation(complete).r, correlationMatrix(complete), 15);
  });

  it("rejects strings, infinities and ragged rows", () => {
    expect(() => pairwiseCorrelation([[1, "x" as unknown as number]])).toThrow(
      "pairwiseCorrelation: rows[0][1] is x: expected a finite number or a missing value",
    );
    expect(() => pairwiseCorrelation([[1, -Infinity]])).toThrow("rows[0][1] is -Infinity");
    expect(() => pairwiseCorrelation([[1, 2], [3]])).toThrow(
      "pairwiseCorrelation: rows[1] has 1 values but row 0 has 2",
    );
    expect(() => pairwiseCorrelation([])).toThrow("rows is empty");
  });
});

group("centredCrossProducts", () => {
  it("matches numpy on five columns", () => {
    // numpy 2.4: xc = x - x.mean(0); xc.T @ xc, with x the six rows below.
    const rows = [
      [4, 2, 5, 1, 3],
      [5, 1, 4, 2, 2],
      [3, 3, 3, 3, 4],
      [2, 4, 2, 5, 1],
      [4, 2, 4, 1, 5],
      [1, 5, 2, 4, 3],
    ];
    const expected = [
      [10.833333333333334, -10.833333333333334, 7.666666666666667, -9.666666666666666, 2],
      [-10.833333333333334, 10.833333333333334, -7.666666666666667, 9.666666666666666, -2],
      [7.666666666666667, -7.666666666666667, 7.333333333333334, -9.333333333333334, 3],
      [-9.666666666666666, 9.666666666666666, -9.333333333333334, 13.333333333333334, -7],
      [2, -2, 3, -7, 10],
    ];
    const columns = rows[0].map((_, j) => rows.map((row) => row[j]));
    const {means, products} = centredCrossProducts(columns);
    [3.1666666666666665, 2.8333333333333335, 3.3333333333333335, 2.6666666666666665, 3].forEach(
      (mean, j) => expect(means[j]).toBeCloseTo(mean, 14),
    );
    expected.forEach((row, a) =>
      row.forEach((value, b) => expect(products[a][b], `S[${a}][${b}]`).toBeCloseTo(value, 12)),
    );
  });

  it("equals two-pass sums for every width and several blocks", () => {
    // Widths 1 to 9 cover full and partial groups of four columns; 4,500 rows cover a
    // partial last block of 2,048 rows.
    const rng = seededRandom(3);
    for (let width = 1; width <= 9; width++) {
      const columns = Array.from({length: width}, () =>
        Float64Array.from({length: 4500}, () => 50 + 10 * rng()),
      );
      const {products} = centredCrossProducts(columns);
      const centred = columns.map((column) => {
        const mean = column.reduce((sum, x) => sum + x, 0) / column.length;
        return column.map((x) => x - mean);
      });
      for (let a = 0; a < width; a++) {
        for (let b = 0; b < width; b++) {
          const direct = centred[a].reduce((sum, x, i) => sum + x * centred[b][i], 0);
          const scale = Math.max(1, Math.abs(direct));
          expect(Math.abs(products[a][b] - direct) / scale, `width ${width}, S[${a}][${b}]`)
            .toBeLessThan(1e-12);
        }
      }
    }
  });

  it("gives the same sums for Float64Array, plain and mixed columns", () => {
    // The typed and the plain loops are separate functions, so each kind is checked against
    // the two-pass sums of the same values.
    const rng = seededRandom(11);
    const plain = Array.from({length: 5}, () => Array.from({length: 3000}, () => 100 * rng()));
    const typed = plain.map((column) => Float64Array.from(column));
    const mixed = plain.map((column, j) => (j % 2 === 0 ? typed[j] : column));
    const wide = plain.map((column) => Float32Array.from(column, (x) => Math.fround(x)));
    const fromTyped = centredCrossProducts(typed);
    expect(centredCrossProducts(plain)).toEqual(fromTyped);
    expect(centredCrossProducts(mixed)).toEqual(fromTyped);
    const single = centredCrossProducts(wide);
    const centred = wide.map((column) => {
      const values = Array.from(column);
      const mean = values.reduce((sum, x) => sum + x, 0) / values.length;
      return values.map((x) => x - mean);
    });
    for (let a = 0; a < 5; a++) {
      for (let b = 0; b < 5; b++) {
        const direct = centred[a].reduce((sum, x, i) => sum + x * centred[b][i], 0);
        expect(Math.abs(single.products[a][b] - direct) / Math.abs(direct)).toBeLessThan(1e-12);
      }
    }
  });

  it("rejects columns of different lengths", () => {
    expect(() => centredCrossProducts([[1, 2, 3], [1, 2]])).toThrow(
      "column 1 has 2 values but column 0 has 3",
    );
  });
});
