import {readFileSync} from "node:fs";
import {describe as group, expect, it} from "vitest";
import {assertCompleteRows, assertFiniteValues, describe, listwise} from "../lib/describe.js";

interface ReferenceCase {
  case: string;
  input: {x: number[]};
  expected: Record<string, number | boolean | string>;
  tolerance: number;
}

const reference: ReferenceCase[] = JSON.parse(
  readFileSync(new URL("./reference/descriptive.json", import.meta.url), "utf8"),
);

// Reference keys and the fields of describe() that report them.
const fields: Record<string, string> = {
  n: "n",
  mean: "mean",
  sd_ddof1: "sd",
  median: "median",
  q1_type7: "q1",
  q3_type7: "q3",
  iqr_type7: "iqr",
  min: "min",
  max: "max",
  skewness_G1_adjusted: "skewness",
  skewness_g1_population: "skewnessPopulation",
  kurtosis_excess_G2_adjusted: "kurtosis",
  kurtosis_excess_g2_population: "kurtosisPopulation",
};

group("describe on reference cases (numpy/scipy)", () => {
  for (const c of reference) {
    it(c.case, () => {
      if (c.expected.error) {
        expect(() => describe(c.input.x)).toThrow(/empty|finite/);
        return;
      }
      const result = describe(c.input.x) as unknown as Record<string, number | null>;
      for (const [key, value] of Object.entries(c.expected)) {
        const field = fields[key];
        expect(field, `unmapped reference key ${key}`).toBeDefined();
        expect(Math.abs((result[field] as number) - (value as number)), key).toBeLessThanOrEqual(
          c.tolerance,
        );
      }
    });
  }
});

group("describe on small samples", () => {
  // Expected values from numpy (mean, std ddof=1, percentile 'linear') and
  // scipy.stats.skew / kurtosis with bias=False (G1, G2) and bias=True (g1, g2).
  it("n = 3 gives G1 but no G2", () => {
    const d = describe([1.5, 2.5, 10]);
    expect(d.mean).toBeCloseTo(4.666666666666667, 14);
    expect(d.sd).toBeCloseTo(4.645786621588785, 14);
    expect(d.median).toBe(2.5);
    expect(d.q1).toBe(2);
    expect(d.q3).toBe(6.25);
    expect(d.skewness).toBeCloseTo(1.642207068635131, 12);
    expect(d.skewnessPopulation).toBeCloseTo(0.670428228357964, 12);
    expect(d.kurtosis).toBeNull();
    expect(d.kurtosisPopulation).toBeCloseTo(-1.5, 12);
  });

  it("n = 4 symmetric sample", () => {
    const d = describe([2, 8, 3, 7]);
    expect(d.sd).toBeCloseTo(2.943920288775949, 14);
    expect(d.q1).toBe(2.75);
    expect(d.q3).toBe(7.25);
    expect(d.iqr).toBe(4.5);
    expect(d.skewness).toBeCloseTo(0, 14);
    expect(d.kurtosis).toBeCloseTo(-4.890532544378699, 12);
    expect(d.kurtosisPopulation).toBeCloseTo(-1.8520710059171597, 12);
  });

  it("n = 7 with negative values and a tie", () => {
    const d = describe([3.1, -2.4, 0.5, 8.8, 1.2, 1.2, 4.0]);
    expect(d.mean).toBeCloseTo(2.3428571428571425, 14);
    expect(d.sd).toBeCloseTo(3.500408139468474, 14);
    expect(d.median).toBe(1.2);
    expect(d.q1).toBeCloseTo(0.85, 14);
    expect(d.q3).toBeCloseTo(3.55, 14);
    expect(d.skewness).toBeCloseTo(0.8610878151025518, 12);
    expect(d.skewnessPopulation).toBeCloseTo(0.6643436724093107, 12);
    expect(d.kurtosis).toBeCloseTo(1.6475160521122802, 12);
    expect(d.kurtosisPopulation).toBeCloseTo(-0.06353497828654975, 12);
  });

  it("n = 1 has no sd or shape", () => {
    const d = describe([7]);
    expect(d).toMatchObject({n: 1, mean: 7, median: 7, q1: 7, q3: 7, iqr: 0, min: 7, max: 7});
    expect(d.sd).toBeNull();
    expect(d.skewness).toBeNull();
    expect(d.kurtosis).toBeNull();
    expect(d.skewnessPopulation).toBeNull();
    expect(d.kurtosisPopulation).toBeNull();
  });

  it("constant data have sd 0 and no shape", () => {
    const d = describe([0.1, 0.1, 0.1, 0.1, 0.1]);
    expect(d.sd).toBe(0);
    expect(d.skewness).toBeNull();
    expect(d.kurtosis).toBeNull();
    expect(d.skewnessPopulation).toBeNull();
    expect(d.kurtosisPopulation).toBeNull();
  });

  it("does not reorder its input", () => {
    const x = [3, 1, 2];
    describe(x);
    expect(x).toEqual([3, 1, 2]);
  });
});

group("describe input errors", () => {
  it("rejects an empty sample", () => {
    expect(() => describe([])).toThrow("describe: x is empty: expected at least one number");
  });

  it("names the index of a missing value", () => {
    const x = [1, 2, null as unknown as number];
    expect(() => describe(x)).toThrow("describe: x[2] is null: expected a finite number");
  });

  it("rejects NaN, infinities and strings", () => {
    expect(() => describe([1, NaN])).toThrow("x[1] is NaN");
    expect(() => describe([Infinity])).toThrow("x[0] is Infinity");
    expect(() => describe([1, "2" as unknown as number])).toThrow('x[1] is "2"');
  });

  it("rejects a value that is not an array", () => {
    expect(() => describe(5 as unknown as number[])).toThrow("describe: x is not an array");
  });
});

group("assertFiniteValues and assertCompleteRows", () => {
  it("accept complete data", () => {
    expect(() => assertFiniteValues([1, 2], "x")).not.toThrow();
    expect(assertCompleteRows([[1, 2], [3, 4]], "data")).toBe(2);
  });

  it("name the row and column of a missing cell", () => {
    expect(() => assertCompleteRows([[1, 2], [3, NaN]], "kmo: data")).toThrow(
      "kmo: data[1][1] (row 1, column 1) is NaN: expected a finite number (drop incomplete rows",
    );
    expect(() => assertCompleteRows([[1, null as unknown as number]], "data")).toThrow(
      "data[0][1] (row 0, column 1) is null",
    );
  });

  it("reject ragged, empty and column-less matrices", () => {
    expect(() => assertCompleteRows([[1, 2], [3]], "data")).toThrow(
      "data[1] has 1 values but row 0 has 2: expected rows of equal length",
    );
    expect(() => assertCompleteRows([], "data")).toThrow("data has no rows");
    expect(() => assertCompleteRows([[], []], "data")).toThrow("data has no columns");
    expect(() => assertCompleteRows([5 as unknown as number[]], "data")).toThrow(
      "data[0] is not an array",
    );
  });
});

group("listwise", () => {
  it("drops rows with null, undefined or NaN and reports them", () => {
    const result = listwise([[1, 2], [3, null], [NaN, 4], [5, undefined], [7, 8]]);
    expect(result.rows).toEqual([[1, 2], [7, 8]]);
    expect(result.kept).toEqual([0, 4]);
    expect(result.dropped).toEqual([1, 2, 3]);
  });

  it("copies the kept rows", () => {
    const input = [[1, 2]];
    const result = listwise(input);
    result.rows[0][0] = 9;
    expect(input[0][0]).toBe(1);
  });

  it("accepts an empty matrix", () => {
    expect(listwise([])).toEqual({rows: [], kept: [], dropped: []});
  });

  it("rejects infinities, strings and ragged rows", () => {
    expect(() => listwise([[1, Infinity]])).toThrow(
      "listwise: rows[0][1] is Infinity: expected a finite number or a missing value",
    );
    expect(() => listwise([[1, "a" as unknown as number]])).toThrow('rows[0][1] is "a"');
    expect(() => listwise([[1, 2], [1]])).toThrow("rows[1] has 1 values but row 0 has 2");
  });
});
