import {sampleCorrelation} from "simple-statistics";
import {describe, expect, it} from "vitest";
import {expectClose, loadCases} from "./helpers/reference.js";
import {
  checkedColumns,
  columnMoments,
  columnRanges,
  columnsToRows,
  forEachRowBlock,
  minMaxDecisionColumns,
  rowMoments,
  correlationOfColumns,
  decisionColumns,
  minMaxColumns,
  normalize,
  selectedDecisionColumns,
  typedDecisionColumns,
  typedMinMaxColumns
} from "../lib/normalize.js";
import {seededRandom} from "../lib/random.js";
import type {Direction} from "../lib/types.js";

// Reference values computed with numpy/scipy.

const cases = loadCases("normalization.json");

describe("normalize reference cases", () => {
  for (const {case: name, input, expected, tolerance} of cases) {
    const data = input.matrix as number[][];
    const directions = input.directions as Direction[];
    if (expected.error) {
      it(`normalize rejects ${name}`, () => {
        expect(() => normalize(data, directions)).toThrow();
        expect(() => normalize(data, directions, {method: "zscore"})).toThrow();
      });
      continue;
    }
    it(`min–max ${name}`, () => {
      const result = normalize(data, directions);
      expectClose(result.data, expected.minmax, tolerance, "minmax");
      expect(result.degenerateColumns).toEqual(expected.degenerate_columns);
      expect(result.method).toBe("minmax");
    });
    it(`z-score sample sd ${name}`, () => {
      const result = normalize(data, directions, {method: "zscore"});
      expectClose(result.data, expected.zscore_sample_sd_ddof1, tolerance, "zscore");
      expectClose(result.mean, expected.column_mean, tolerance, "mean");
      expectClose(result.sd, expected.column_sd_ddof1, tolerance, "sd");
      expect(result.degenerateColumns).toEqual(expected.degenerate_columns);
    });
    it(`z-score population sd ${name}`, () => {
      const result = normalize(data, directions, {method: "zscore", ddof: 0});
      expectClose(result.data, expected.zscore_population_sd_ddof0, tolerance, "zscore");
    });
    it(`directional z-score ${name}`, () => {
      const result = normalize(data, directions, {method: "zscore", directional: true});
      const key = "zscore_sample_directional (cost columns multiplied by -1)";
      expectClose(result.data, expected[key], tolerance, "zscore");
    });
  }
});

describe("normalize degenerate columns", () => {
  const data = [
    [1, 5, 10],
    [2, 5, 30],
    [3, 5, 20]
  ];
  const directions: Direction[] = ["benefit", "cost", "cost"];

  it("sets a constant column to 0 under min–max", () => {
    const result = normalize(data, directions);
    expect(result.degenerateColumns).toEqual([1]);
    expect(result.data.map((row) => row[1])).toEqual([0, 0, 0]);
    expect(result.data.map((row) => row[2])).toEqual([1, 0, 0.5]);
  });

  it("sets a constant column to 0 under z-scores", () => {
    // 0.1 is not exact in binary, so its sd is a rounding residue instead of 0.
    const tenths = [[0.1], [0.1], [0.1]];
    const result = normalize(tenths, ["benefit"], {method: "zscore"});
    expect(result.degenerateColumns).toEqual([0]);
    expect(result.data).toEqual([[0], [0], [0]]);
  });

  it("accepts a single row under min–max", () => {
    const result = normalize([[4, 7]], ["benefit", "cost"]);
    expect(result.data).toEqual([[0, 0]]);
    expect(result.degenerateColumns).toEqual([0, 1]);
  });

  it("rejects z-scores of a single row", () => {
    expect(() => normalize([[4, 7]], ["benefit", "cost"], {method: "zscore"})).toThrow(
      "z-scores need at least 2 rows; data has 1 row"
    );
  });
});

describe("normalize input checks", () => {
  it("names a missing cell", () => {
    const data = [[1, null], [2, 3]] as unknown as number[][];
    expect(() => normalize(data, ["benefit", "benefit"])).toThrow(
      "data[0][1] is null; expected a finite number"
    );
  });

  it("names NaN, Infinity and text cells", () => {
    const directions: Direction[] = ["benefit"];
    expect(() => normalize([[1], [NaN]], directions)).toThrow("data[1][0] is NaN");
    expect(() => normalize([[Infinity], [1]], directions)).toThrow("data[0][0] is Infinity");
    const text = [[1], ["2"]] as unknown as number[][];
    expect(() => normalize(text, directions)).toThrow('data[1][0] is "2"');
  });

  it("names an invalid direction", () => {
    const directions = ["benefit", "gain"] as unknown as Direction[];
    expect(() => normalize([[1, 2]], directions)).toThrow(
      'directions[1] is "gain"; expected "benefit" or "cost"'
    );
  });

  it("names a row of the wrong length", () => {
    expect(() => normalize([[1, 2], [3]], ["benefit", "cost"])).toThrow(
      "data[1] has 1 values but directions has 2 entries"
    );
  });

  it("rejects an empty matrix and empty directions", () => {
    expect(() => normalize([], ["benefit"])).toThrow("data has no rows");
    expect(() => normalize([[1]], [])).toThrow("directions is empty");
  });

  it("rejects an unknown method or ddof", () => {
    const method = {method: "rank"} as unknown as Parameters<typeof normalize>[2];
    expect(() => normalize([[1]], ["benefit"], method)).toThrow(
      'unknown normalisation method "rank"'
    );
    const ddof = {ddof: 2} as unknown as Parameters<typeof normalize>[2];
    expect(() => normalize([[1]], ["benefit"], ddof)).toThrow("invalid ddof 2; expected 0 or 1");
  });

  it("does not change the input", () => {
    const data = [
      [1, 2],
      [3, 5]
    ];
    normalize(data, ["benefit", "cost"], {method: "zscore"});
    expect(data).toEqual([
      [1, 2],
      [3, 5]
    ]);
  });
});

describe("column helpers", () => {
  it("decisionColumns transposes and uses the given name", () => {
    expect(decisionColumns([[1, 2], [3, 4]], ["benefit", "cost"])).toEqual([
      [1, 3],
      [2, 4]
    ]);
    expect(() => decisionColumns([[1, NaN]], ["benefit", "cost"], "scores")).toThrow(
      "scores[0][1] is NaN"
    );
  });

  it("columnsToRows inverts decisionColumns", () => {
    const rows = [
      [1, 2, 3],
      [4, 5, 6]
    ];
    const directions: Direction[] = ["benefit", "benefit", "benefit"];
    expect(columnsToRows(decisionColumns(rows, directions))).toEqual(rows);
  });

  it("minMaxColumns reverses cost columns", () => {
    const result = minMaxColumns([[1, 3, 2]], ["cost"]);
    expect(result.columns).toEqual([[1, 0, 0.5]]);
    expect(result.min).toEqual([1]);
    expect(result.max).toEqual([3]);
  });

  it("correlationOfColumns matches simple-statistics", () => {
    const columns = [
      [320, 180, 450, 250, 300],
      [4.5, 3.8, 4.9, 4.1, 4.5],
      [12, 30, 5, 18, 25]
    ];
    const r = correlationOfColumns(columns);
    for (let j = 0; j < 3; j++) {
      expect(r[j][j]).toBe(1);
      for (let k = 0; k < 3; k++) {
        expectClose(r[j][k], sampleCorrelation(columns[j], columns[k]), 1e-14, `r[${j}][${k}]`);
      }
    }
  });
});

describe("typed column helpers", () => {
  const rows = [
    [320, 4.5, 12],
    [180, 3.8, 30],
    [450, 4.9, 5],
    [250, 4.1, 18]
  ];
  const directions: Direction[] = ["benefit", "benefit", "cost"];

  it("typedDecisionColumns holds the values of decisionColumns", () => {
    const typed = typedDecisionColumns(rows, directions);
    expect(typed.every((column) => column instanceof Float64Array)).toBe(true);
    expect(typed.map((column) => Array.from(column))).toEqual(decisionColumns(rows, directions));
  });

  it("typedDecisionColumns throws the errors of decisionColumns", () => {
    expect(() => typedDecisionColumns([[1, NaN]], ["benefit", "cost"], "scores")).toThrow(
      "scores[0][1] is NaN; expected a finite number"
    );
    expect(() => typedDecisionColumns([[1, 2], [3]], ["benefit", "cost"])).toThrow(
      "data[1] has 1 values but directions has 2 entries"
    );
    expect(() => typedDecisionColumns([], ["benefit"])).toThrow("data has no rows");
  });

  it("selectedDecisionColumns reads chosen columns in the given order", () => {
    const columns = selectedDecisionColumns(rows, [2, 0], ["cost", "benefit"]);
    expect(columns.map((column) => Array.from(column))).toEqual([
      [12, 30, 5, 18],
      [320, 180, 450, 250]
    ]);
  });

  it("selectedDecisionColumns names a cell by its chosen column", () => {
    const bad = [[1, 2, 3], [4, 5, null]] as unknown as number[][];
    expect(() => selectedDecisionColumns(bad, [0, 2], ["benefit", "cost"])).toThrow(
      "data[1][1] is null; expected a finite number"
    );
    expect(() => selectedDecisionColumns([[1, 2]], [0, 5], ["benefit", "cost"])).toThrow(
      "data[0][1] is undefined; expected a finite number"
    );
    expect(() => selectedDecisionColumns([[1, 2]], [0], ["benefit", "cost"])).toThrow(
      "got 1 column indexes but directions has 2 entries"
    );
  });

  it("checkedColumns accepts arrays and typed arrays and keeps Float64Arrays", () => {
    const typed = new Float64Array([2, 4]);
    const columns = checkedColumns([[1, 3], typed], ["benefit", "cost"]);
    expect(columns[1]).toBe(typed);
    expect(Array.from(columns[0])).toEqual([1, 3]);
  });

  it("checkedColumns names the bad column, row and value", () => {
    expect(() => checkedColumns([[1, 3], [2, NaN]], ["benefit", "cost"])).toThrow(
      "columns[1][1] (row 1) is NaN; expected a finite number"
    );
    expect(() => checkedColumns([[1, 3], [2]], ["benefit", "cost"])).toThrow(
      "columns[1] has 1 values but columns[0] has 2"
    );
    expect(() => checkedColumns([[1, 3]], ["benefit", "cost"])).toThrow(
      "columns has 1 columns but directions has 2 entries"
    );
    expect(() => checkedColumns([[], []], ["benefit", "cost"])).toThrow("columns has no rows");
  });

  it("typedMinMaxColumns equals minMaxColumns on arrays and typed arrays", () => {
    const columns = decisionColumns(rows, directions);
    const expected = minMaxColumns(columns, directions);
    for (const input of [columns, typedDecisionColumns(rows, directions)]) {
      const typed = typedMinMaxColumns(input, directions);
      expect(typed.columns.map((column) => Array.from(column))).toEqual(expected.columns);
      expect(typed.min).toEqual(expected.min);
      expect(typed.max).toEqual(expected.max);
      expect(typed.degenerateColumns).toEqual(expected.degenerateColumns);
    }
  });

  it("typedMinMaxColumns sets a constant column to 0", () => {
    const result = typedMinMaxColumns([new Float64Array([5, 5, 5])], ["cost"]);
    expect(Array.from(result.columns[0])).toEqual([0, 0, 0]);
    expect(result.degenerateColumns).toEqual([0]);
  });

  it("correlationOfColumns of typed columns matches simple-statistics", () => {
    // 5,000 rows span three blocks of the cross-product kernel, and 7 columns leave a
    // partly filled group of four.
    const rng = seededRandom(5);
    const columns = Array.from({length: 7}, () => new Float64Array(5000));
    for (let i = 0; i < 5000; i++) {
      const common = rng();
      columns.forEach((column, j) => (column[i] = 1000 + j * common + rng()));
    }
    const r = correlationOfColumns(columns);
    for (let j = 0; j < 7; j++) {
      expect(r[j][j]).toBe(1);
      for (let k = 0; k < 7; k++) {
        const expected = sampleCorrelation(Array.from(columns[j]), Array.from(columns[k]));
        expectClose(r[j][k], expected, 1e-12, `r[${j}][${k}]`);
      }
    }
  });

  it("correlationOfColumns gives NaN for a constant column", () => {
    const r = correlationOfColumns([
      [1, 2, 3],
      [4, 4, 4]
    ]);
    expect(Number.isNaN(r[0][1])).toBe(true);
    expect(r[1][1]).toBe(1);
  });
});

/** Random rows of `count` columns around different means and spreads. */
function randomRows(rows: number, count: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({length: rows}, () =>
    Array.from({length: count}, (_, k) => 1000 * k + (k + 1) * (random() - 0.5))
  );
}

describe("row blocks and moments", () => {
  // 5000 rows span two whole blocks of 2048 rows and a part block; 7 columns pad to 8.
  const rows = randomRows(5000, 7, 3);
  const directions: Direction[] = ["benefit", "cost", "benefit", "benefit", "cost", "cost"];
  directions.push("benefit");
  const columns = typedDecisionColumns(rows, directions);

  it("forEachRowBlock visits every row once in order", () => {
    const seen: number[] = [];
    forEachRowBlock(rows, 7, (block, start, length) => {
      for (let r = 0; r < length; r++) seen.push(block[3][r] - rows[start + r][3]);
      expect(start % 2048).toBe(0);
    });
    expect(seen.length).toBe(5000);
    expect(seen.every((difference) => difference === 0)).toBe(true);
  });

  it("forEachRowBlock throws the errors of typedDecisionColumns", () => {
    const bad = rows.map((row) => row.slice());
    bad[4100][5] = Infinity;
    expect(() => forEachRowBlock(bad, 7, () => {})).toThrow(
      "data[4100][5] is Infinity; expected a finite number"
    );
    bad[3000] = [1, 2];
    expect(() => forEachRowBlock(bad, 7, () => {})).toThrow(
      "data[3000] has 2 values but directions has 7 entries"
    );
    expect(() => forEachRowBlock([[1, "2"]] as unknown as number[][], 2, () => {})).toThrow(
      'data[0][1] is "2"; expected a finite number'
    );
  });

  it("minMaxDecisionColumns equals typedMinMaxColumns of the read columns", () => {
    const withConstant = rows.map((row) => [...row.slice(0, 6), 4]);
    const expected = typedMinMaxColumns(typedDecisionColumns(withConstant, directions), directions);
    const result = minMaxDecisionColumns(withConstant, directions);
    expect(result.columns).toEqual(expected.columns);
    expect(result.min).toEqual(expected.min);
    expect(result.max).toEqual(expected.max);
    expect(result.degenerateColumns).toEqual([6]);
  });

  it("columnRanges finds each column's minimum and maximum", () => {
    const {min, max, rows: count} = columnRanges(rows, directions);
    expect(count).toBe(5000);
    columns.forEach((column, k) => {
      expect(min[k]).toBe(Math.min(...column));
      expect(max[k]).toBe(Math.max(...column));
    });
  });

  it("rowMoments and columnMoments equal two-pass centred sums", () => {
    // The straightforward computation: means first, then Σ (x − x̄)(y − ȳ) over all rows.
    const means = columns.map((column) => column.reduce((sum, x) => sum + x, 0) / 5000);
    for (const moments of [rowMoments(rows, directions), columnMoments(columns)]) {
      expect(moments.rows).toBe(5000);
      for (let a = 0; a < 7; a++) {
        expectClose(moments.means[a], means[a], 1e-12 * Math.abs(means[a]), `mean ${a}`);
        for (let b = 0; b < 7; b++) {
          let expected = 0;
          for (let i = 0; i < 5000; i++) {
            expected += (columns[a][i] - means[a]) * (columns[b][i] - means[b]);
          }
          const scale = Math.sqrt(moments.products[a][a] * moments.products[b][b]);
          expectClose(moments.products[a][b], expected, 1e-12 * scale, `S[${a}][${b}]`);
          expect(moments.products[a][b]).toBe(moments.products[b][a]);
        }
      }
    }
  });
});
