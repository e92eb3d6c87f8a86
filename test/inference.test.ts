import {readFileSync} from "node:fs";
import cdfChiSquare from "@stdlib/stats-base-dists-chisquare-cdf";
import cdfF from "@stdlib/stats-base-dists-f-cdf";
import cdfT from "@stdlib/stats-base-dists-t-cdf";
import {describe as group, expect, it} from "vitest";
import {
  anova,
  chiSquare,
  kruskalWallis,
  pValueChiSquare,
  pValueF,
  pValueT,
  rankWithTies,
} from "../lib/inference.js";
import {seededRandom} from "../lib/random.js";

interface ReferenceCase {
  case: string;
  input: {groups?: number[][]; table?: number[][]};
  expected: Record<string, unknown>;
  tolerance: number;
}

function loadReference(name: string): ReferenceCase[] {
  const url = new URL(`./reference/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8"));
}

/** Asserts a p-value to a relative tolerance, or to 1e-12 absolute when p < 1e-12. */
function expectP(actual: number, expected: number, relative: number, label = "p"): void {
  const allowed = expected < 1e-12 ? 1e-12 : relative * expected;
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    allowed,
  );
}

const separatedGroups = [
  [12.1, 14.3, 11.8, 13.0],
  [18.2, 17.9, 19.5, 20.1, 18.8],
  [25.0, 24.1, 26.3],
];

function expectClose(actual: number, expected: number, tolerance: number, label: string): void {
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

group("p-value functions", () => {
  // Expected values from scipy.stats: 2·t.sf, f.sf, chi2.sf.
  it("pValueT matches scipy", () => {
    expectP(pValueT(2.228138851986274, 10), 0.050000000000000044, 1e-12);
    expectP(pValueT(-2.228138851986274, 10), 0.050000000000000044, 1e-12);
    expectP(pValueT(20, 30), 6.7490836657712895e-19, 1e-10);
    expectP(pValueT(0.5, 3.5), 0.6468504393225509, 1e-12);
  });

  it("pValueF matches scipy", () => {
    expectP(pValueF(9.415143603133158, 2, 12), 0.0034771390088116543, 1e-12);
    expectP(pValueF(80, 3, 40), 5.987688752497379e-17, 1e-10);
    expectP(pValueF(0.3, 4, 7.5), 0.8696354177147323, 1e-12);
  });

  it("pValueChiSquare matches scipy", () => {
    expectP(pValueChiSquare(3.841458820694124, 1), 0.04999999999999989, 1e-12);
    expectP(pValueChiSquare(200, 3), 4.218541107192018e-43, 1e-10);
    expectP(pValueChiSquare(0.7, 2.5), 0.8034652636331201, 1e-12);
  });

  it("agree with 1 − cdf from the stdlib cdf packages", () => {
    for (const [t, df] of [[0.3, 4], [1.7, 12], [3.2, 60]]) {
      expect(pValueT(t, df)).toBeCloseTo(2 * (1 - cdfT(t, df)), 13);
    }
    for (const [f, d1, d2] of [[0.8, 3, 20], [2.5, 5, 9], [6, 1, 100]]) {
      expect(pValueF(f, d1, d2)).toBeCloseTo(1 - cdfF(f, d1, d2), 13);
    }
    for (const [x, df] of [[0.5, 1], [4, 3], [30, 12]]) {
      expect(pValueChiSquare(x, df)).toBeCloseTo(1 - cdfChiSquare(x, df), 13);
    }
  });

  it("give 1 at 0 and 0 at infinity", () => {
    expect(pValueT(0, 5)).toBe(1);
    expect(pValueT(Infinity, 5)).toBe(0);
    expect(pValueF(0, 2, 5)).toBe(1);
    expect(pValueF(Infinity, 2, 5)).toBe(0);
    expect(pValueChiSquare(0, 3)).toBe(1);
    expect(pValueChiSquare(Infinity, 3)).toBe(0);
  });

  it("reject invalid statistics and degrees of freedom", () => {
    expect(() => pValueT(1, 0)).toThrow("pValueT: invalid degrees of freedom 0");
    expect(() => pValueT(NaN, 3)).toThrow("pValueT: t is NaN");
    expect(() => pValueF(-1, 2, 3)).toThrow("pValueF: invalid F = -1: expected a number ≥ 0");
    expect(() => pValueF(1, 2, Infinity)).toThrow("invalid degrees of freedom Infinity");
    expect(() => pValueChiSquare(NaN, 2)).toThrow("invalid χ² = NaN");
    expect(() => pValueChiSquare(1, -2)).toThrow("invalid degrees of freedom -2");
  });
});

group("anova on reference cases (scipy)", () => {
  const fields: Record<string, string> = {
    F: "f",
    df_between: "dfBetween",
    df_within: "dfWithin",
    SS_between: "ssBetween",
    SS_within: "ssWithin",
    MS_between: "msBetween",
    MS_within: "msWithin",
  };
  for (const c of loadReference("anova_oneway")) {
    it(c.case, () => {
      const groups = c.input.groups as number[][];
      if (c.expected.error) {
        expect(() => anova(groups)).toThrow(/at least 2 groups/);
        return;
      }
      const result = anova(groups) as unknown as Record<string, number>;
      for (const [key, value] of Object.entries(c.expected)) {
        if (key === "p") {
          expectP(result.p, value as number, c.tolerance);
        } else {
          expect(fields[key], `unmapped key ${key}`).toBeDefined();
          expectClose(result[fields[key]], value as number, c.tolerance, key);
        }
      }
    });
  }
});

group("anova", () => {
  // Expected values from scipy.stats.f_oneway; η² = SS_between / SS_total from numpy.
  it("separated groups give a large F and η²", () => {
    const result = anova(separatedGroups);
    expect(result.f).toBeCloseTo(124.08655528341605, 9);
    expectP(result.p, 2.805926446678215e-7, 1e-9);
    expect(result.etaSquared).toBeCloseTo(0.9650041173427377, 12);
    expect(result.ssBetween).toBeCloseTo(262.69583333333344, 10);
  });

  it("two groups", () => {
    const result = anova([[1.2, 3.4, 2.2, 5.1], [6.3, 7.7, 4.9]]);
    expect(result.f).toBeCloseTo(7.6622195269860525, 12);
    expectP(result.p, 0.03945535878737501, 1e-10);
    expect(result.dfBetween).toBe(1);
    expect(result.dfWithin).toBe(5);
  });

  it("equal group means give F = 0 and p = 1", () => {
    const result = anova([[1, 3], [2, 2], [0, 4]]);
    expect(result.f).toBe(0);
    expect(result.p).toBe(1);
    expect(result.etaSquared).toBe(0);
  });

  it("accepts a group of one value", () => {
    expect(anova([[5], [1, 2, 3]]).dfWithin).toBe(2);
  });

  it("rejects constant groups", () => {
    expect(() => anova([[0.1, 0.1, 0.1], [0.3, 0.3]])).toThrow(
      "anova: every group is constant (zero within-group variance): F is undefined",
    );
  });

  it("rejects one value per group", () => {
    expect(() => anova([[1], [2], [3]])).toThrow(
      "anova: 3 values in 3 groups leave no within-group degrees of freedom",
    );
  });

  it("rejects too few groups, empty groups and missing values", () => {
    expect(() => anova([[1, 2, 3]])).toThrow("anova: expected at least 2 groups, got 1");
    expect(() => anova([])).toThrow("expected at least 2 groups, got 0");
    expect(() => anova([[1, 2], []])).toThrow("anova: groups[1] is empty");
    expect(() => anova([[1, 2], [3, NaN]])).toThrow("anova: groups[1][1] is NaN");
  });
});

group("kruskalWallis on reference cases (scipy)", () => {
  for (const c of loadReference("kruskal_wallis")) {
    it(c.case, () => {
      const result = kruskalWallis(c.input.groups as number[][]);
      const e = c.expected as Record<string, number>;
      expectClose(result.h, e.H_tie_corrected, c.tolerance, "H");
      expectClose(result.hUncorrected, e.H_uncorrected, c.tolerance, "H uncorrected");
      expectClose(result.tieCorrection, e.tie_correction_factor, c.tolerance, "C");
      expect(result.df).toBe(e.df);
      expectP(result.p, e.p_chi2, c.tolerance);
    });
  }
});

group("kruskalWallis", () => {
  // Expected values from scipy.stats.kruskal (tie-corrected H, χ² p-value).
  it("three groups without ties", () => {
    const result = kruskalWallis(separatedGroups);
    expect(result.h).toBeCloseTo(9.692307692307693, 12);
    expectP(result.p, 0.007858544670151702, 1e-10);
    expect(result.tieCorrection).toBe(1);
    expect(result.epsilonSquared).toBeCloseTo(9.692307692307693 / 11, 12);
  });

  it("two groups", () => {
    const result = kruskalWallis([[1.2, 3.4, 2.2, 5.1], [6.3, 7.7, 4.9]]);
    expect(result.h).toBeCloseTo(3.1249999999999964, 12);
    expectP(result.p, 0.07709987174354112, 1e-10);
  });

  it("heavy ties", () => {
    const result = kruskalWallis([[1, 1, 2], [2, 3, 3, 3]]);
    expect(result.h).toBeCloseTo(4.234999999999999, 12);
    expectP(result.p, 0.039598623588743685, 1e-10);
  });

  it("rejects all-equal values", () => {
    expect(() => kruskalWallis([[2, 2], [2, 2, 2]])).toThrow(
      "kruskalWallis: all values are equal, so H is undefined",
    );
  });

  it("rejects too few groups, empty groups and missing values", () => {
    expect(() => kruskalWallis([[1, 2]])).toThrow("expected at least 2 groups, got 1");
    expect(() => kruskalWallis([[1], []])).toThrow("kruskalWallis: groups[1] is empty");
    const withNull = [[1, null as unknown as number], [2]];
    expect(() => kruskalWallis(withNull)).toThrow("kruskalWallis: groups[0][1] is null");
  });
});

group("rankWithTies", () => {
  it("averages tied ranks and sums t³ − t", () => {
    // Ties: three 4s (t = 3) and two 2s (t = 2): Σ(t³ − t) = 24 + 6.
    const {ranks, tieSum} = rankWithTies([1, 2, 2, 3, 4, 4, 4, 5]);
    expect(Array.from(ranks)).toEqual([1, 2.5, 2.5, 4, 6, 6, 6, 8]);
    expect(tieSum).toBe(30);
  });

  it("ranks negative and unsorted values", () => {
    expect(Array.from(rankWithTies([0.5, -3, 10, -3]).ranks)).toEqual([3, 1.5, 4, 1.5]);
  });

  it("ties -0 with 0 and handles one value", () => {
    const {ranks, tieSum} = rankWithTies([0, -0, 1]);
    expect(Array.from(ranks)).toEqual([1.5, 1.5, 3]);
    expect(tieSum).toBe(6);
    expect(Array.from(rankWithTies([7]).ranks)).toEqual([1]);
  });

  it("agrees with ranks from sorting an index array", () => {
    const rng = seededRandom(9);
    const x = Array.from({length: 500}, () => Math.floor(rng() * 40) / 4);
    const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
    const expected = new Array<number>(x.length);
    for (let start = 0; start < order.length; ) {
      let end = start;
      while (end < order.length && x[order[end]] === x[order[start]]) end++;
      for (let i = start; i < end; i++) expected[order[i]] = (start + end + 1) / 2;
      start = end;
    }
    expect(Array.from(rankWithTies(x).ranks)).toEqual(expected);
  });
});

group("chiSquare on reference cases (scipy)", () => {
  for (const c of loadReference("chi_square_independence")) {
    it(c.case, () => {
      const table = c.input.table as number[][];
      if (c.expected.error) {
        expect(() => chiSquare(table)).toThrow(/zero total/);
        return;
      }
      const result = chiSquare(table);
      const e = c.expected as Record<string, unknown>;
      expectClose(result.chiSquare, e.chi2 as number, c.tolerance, "chi2");
      expect(result.df).toBe(e.df);
      expectP(result.p, e.p as number, c.tolerance);
      expectClose(result.cramersV, e.cramers_v as number, c.tolerance, "V");
      (e.expected as number[][]).forEach((row, i) =>
        row.forEach((v, j) => expectClose(result.expected[i][j], v, c.tolerance, `E[${i}][${j}]`)),
      );
      expect(result.minExpectedBelow5).toBe(e.min_expected_lt_5_warning);
      expect(result.yates).toBeNull();
    });
  }
});

group("chiSquare", () => {
  // Expected values from scipy.stats.chi2_contingency (correction=False, and True
  // for the Yates variant).
  it("2 × 2 table with the Yates variant", () => {
    const result = chiSquare([[12, 5], [7, 16]]);
    expect(result.chiSquare).toBeCloseTo(6.319891801114041, 12);
    expectP(result.p, 0.011939091377912247, 1e-10);
    expect(result.cramersV).toBeCloseTo(0.39748873572448695, 12);
    expect(result.minExpected).toBeCloseTo(8.075, 12);
    expect(result.yates?.chiSquare).toBeCloseTo(4.812286470652336, 12);
    expectP(result.yates!.p, 0.02825752852636125, 1e-10, "Yates p");
  });

  it("Yates never moves a cell past its expected count", () => {
    // |O − E| = 1 in every cell, so the correction subtracts 0.5, not more.
    const result = chiSquare([[3, 1], [1, 3]]);
    expect(result.chiSquare).toBeCloseTo(2, 12);
    expect(result.yates?.chiSquare).toBeCloseTo(0.5, 12);
    expectP(result.yates!.p, 0.47950012218695337, 1e-10, "Yates p");
    expect(result.minExpectedBelow5).toBe(true);
    expect(result.cramersV).toBeCloseTo(0.5, 12);
  });

  it("3 × 3 table", () => {
    const result = chiSquare([[10, 20, 30], [15, 15, 10], [5, 25, 20]]);
    expect(result.chiSquare).toBeCloseTo(14.6875, 12);
    expect(result.df).toBe(4);
    expectP(result.p, 0.0053952451321013254, 1e-10);
    expect(result.cramersV).toBeCloseTo(0.2212653007891959, 12);
    expect(result.minExpected).toBeCloseTo(8, 12);
    expect(result.n).toBe(150);
  });

  it("independent table gives χ² = 0", () => {
    const result = chiSquare([[2, 4], [3, 6]]);
    expect(result.chiSquare).toBeCloseTo(0, 14);
    expect(result.p).toBeCloseTo(1, 12);
  });

  it("rejects zero row and column totals", () => {
    expect(() => chiSquare([[0, 0], [3, 4]])).toThrow(
      "chiSquare: row 0 has a zero total: drop it or merge categories",
    );
    expect(() => chiSquare([[1, 0], [3, 0]])).toThrow("chiSquare: column 1 has a zero total");
  });

  it("rejects negative, missing and non-finite counts", () => {
    expect(() => chiSquare([[1, -2], [3, 4]])).toThrow(
      "chiSquare: table[0][1] is -2: expected a finite count ≥ 0",
    );
    expect(() => chiSquare([[1, 2], [null as unknown as number, 4]])).toThrow(
      "table[1][0] is null",
    );
    expect(() => chiSquare([[1, 2], [Infinity, 4]])).toThrow("table[1][0] is Infinity");
  });

  it("rejects tables smaller than 2 × 2 and ragged rows", () => {
    expect(() => chiSquare([[1, 2, 3]])).toThrow("at least 2 rows and 2 columns");
    expect(() => chiSquare([[1], [2]])).toThrow("at least 2 rows and 2 columns");
    expect(() => chiSquare([[1, 2], [3]])).toThrow("table row 1 has 1 cells but row 0 has 2");
  });
});
