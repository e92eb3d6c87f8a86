import {readFileSync} from "node:fs";
import {sampleCorrelation, sampleVariance} from "simple-statistics";
import {describe as group, expect, it} from "vitest";
import {seededRandom} from "../lib/random.js";
import {cronbachAlpha} from "../lib/reliability.js";

interface ReferenceCase {
  case: string;
  input: {data: number[][]};
  expected: Record<string, unknown>;
  tolerance: number;
}

const reference: ReferenceCase[] = JSON.parse(
  readFileSync(new URL("./reference/cronbach_alpha.json", import.meta.url), "utf8"),
);

function expectClose(actual: number | null, expected: number | null, tolerance: number) {
  if (expected === null) {
    expect(actual).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

function expectAllClose(actual: (number | null)[], expected: (number | null)[], tol: number) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, i) => expectClose(actual[i], value, tol));
}

group("cronbachAlpha on reference cases (numpy)", () => {
  for (const c of reference) {
    it(c.case, () => {
      if (c.expected.error) {
        expect(() => cronbachAlpha(c.input.data)).toThrow(/at least 2 items/);
        return;
      }
      const result = cronbachAlpha(c.input.data);
      const e = c.expected as Record<string, number & (number | null)[]>;
      const tol = c.tolerance;
      expectClose(result.alpha, e.alpha, tol);
      expectAllClose(result.itemVariances, e.item_variances_ddof1, tol);
      expectClose(result.totalVariance, e.total_score_variance_ddof1, tol);
      expectAllClose(result.alphaIfDeleted, e.alpha_if_item_deleted, tol);
      expectAllClose(result.itemTotal, e.corrected_item_total_correlation, tol);
      expectClose(result.meanInterItemCorrelation, e.mean_inter_item_correlation, tol);
      expectClose(result.standardizedAlpha, e.standardized_alpha, tol);
      expect(result.warnings).toEqual([]);
    });
  }
});

group("cronbachAlpha reverse coding", () => {
  const answers = [
    [4, 2, 5, 1],
    [5, 1, 4, 2],
    [3, 3, 3, 3],
    [2, 4, 2, 5],
    [4, 2, 4, 1],
    [1, 5, 2, 4],
    [3, 2, 4, 2],
  ];

  // Expected values: numpy covariance-matrix form of α on the data with columns 1 and 3
  // recoded as 6 − x.
  it("recodes the listed columns as min + max − x first", () => {
    const result = cronbachAlpha(answers, {reverse: [1, 3], scale: [1, 5]});
    expectClose(result.alpha, 0.9583333333333333, 1e-12);
    expectClose(result.standardizedAlpha, 0.9627265758684114, 1e-12);
    expectClose(result.meanInterItemCorrelation, 0.8659012609967801, 1e-12);
    expectAllClose(
      result.alphaIfDeleted,
      [0.945337620578778, 0.9368770764119599, 0.9424778761061947, 0.956896551724138],
      1e-12,
    );
    expectAllClose(
      result.itemTotal,
      [0.8968764548087921, 0.9250235697814205, 0.9302684142904462, 0.8730067609117933],
      1e-12,
    );
    expect(result.warnings).toEqual([]);
  });

  it("warns about a negative α without recoding", () => {
    const result = cronbachAlpha(answers);
    expectClose(result.alpha, -19.06666666666672, 1e-9);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/α = -19\.067 is negative.*reverse-worded/);
  });

  it("does not change the input", () => {
    const copy = answers.map((row) => row.slice());
    cronbachAlpha(answers, {reverse: [0], scale: [1, 5]});
    expect(answers).toEqual(copy);
  });

  it("rejects invalid reverse options", () => {
    expect(() => cronbachAlpha(answers, {reverse: [4], scale: [1, 5]})).toThrow(
      "cronbachAlpha: reverse column 4 does not exist: expected an index from 0 to 3",
    );
    expect(() => cronbachAlpha(answers, {reverse: [1]})).toThrow(
      "cronbachAlpha: invalid scale undefined: reverse coding needs scale: [min, max]",
    );
    expect(() => cronbachAlpha(answers, {reverse: [1], scale: [5, 1]})).toThrow(
      "invalid scale [5,1]",
    );
    expect(() => cronbachAlpha(answers, {reverse: [0], scale: [1, 4]})).toThrow(
      "cronbachAlpha: items[1][0] = 5 is outside the scale 1–4, so it cannot be reverse-coded",
    );
  });
});

group("cronbachAlpha degenerate cases", () => {
  // Two items with r = −0.9: α from the numpy covariance form.
  it("two negatively correlated items", () => {
    const result = cronbachAlpha([[1, 5], [2, 4], [3, 3], [4, 1], [5, 2]]);
    expectClose(result.alpha, -18, 1e-9);
    expectAllClose(result.alphaIfDeleted, [null, null], 0);
    expectAllClose(result.itemTotal, [-0.9, -0.9], 1e-12);
    expect(result.warnings).toHaveLength(1);
  });

  it("a constant item leaves α defined but no correlations for it", () => {
    const result = cronbachAlpha([[1, 3, 2], [2, 3, 3], [3, 3, 5], [4, 3, 4]]);
    // Item variances 5/3, 0, 5/3 and total variance 6 give α = 1.5·(1 − (10/3)/6).
    expectClose(result.alpha, 1.5 * (1 - 10 / 18), 1e-12);
    expect(result.itemTotal[1]).toBeNull();
    expect(result.itemTotal[0]).not.toBeNull();
    expect(result.standardizedAlpha).toBeNull();
    expect(result.meanInterItemCorrelation).toBeNull();
  });

  it("rejects a constant total score", () => {
    expect(() => cronbachAlpha([[1, 3], [2, 2], [3, 1]])).toThrow(
      "cronbachAlpha: the total score has zero variance",
    );
  });

  it("rejects too few items or respondents and missing cells", () => {
    expect(() => cronbachAlpha([[1], [2], [3]])).toThrow(
      "cronbachAlpha: expected at least 2 items, got 1",
    );
    expect(() => cronbachAlpha([[1, 2, 3]])).toThrow("expected at least 2 respondents, got 1");
    expect(() => cronbachAlpha([[1, 2], [null as unknown as number, 3]])).toThrow(
      "cronbachAlpha: items[1][0] (row 1, column 0) is null",
    );
  });
});

group("cronbachAlpha on many respondents", () => {
  // 3,000 respondents span two blocks of the cross-product kernel. Expected values come
  // from the formulas applied directly with simple-statistics on the recoded columns.
  const rng = seededRandom(12);
  const items = Array.from({length: 3000}, () => {
    const trait = rng();
    return [0, 1, 2, 3, 4].map((j) => {
      const answer = 1 + Math.min(4, Math.floor(5 * (0.6 * trait + 0.4 * rng())));
      return j === 2 ? 6 - answer : answer;
    });
  });
  const columns = [0, 1, 2, 3, 4].map((j) =>
    items.map((row) => (j === 2 ? 6 - row[j] : row[j])),
  );

  it("matches direct formulas with one reversed item", () => {
    const result = cronbachAlpha(items, {reverse: [2], scale: [1, 5]});
    const variances = columns.map((column) => sampleVariance(column));
    const totals = items.map((_, i) => columns.reduce((sum, column) => sum + column[i], 0));
    const alpha = (5 / 4) * (1 - variances.reduce((a, b) => a + b, 0) / sampleVariance(totals));
    expectClose(result.alpha, alpha, 1e-12);
    columns.forEach((column, j) => {
      const rest = totals.map((total, i) => total - column[i]);
      const others = variances.reduce((a, b) => a + b, 0) - variances[j];
      expectClose(result.itemVariances[j], variances[j], 1e-12);
      expectClose(result.itemTotal[j], sampleCorrelation(column, rest), 1e-12);
      expectClose(result.alphaIfDeleted[j], (4 / 3) * (1 - others / sampleVariance(rest)), 1e-12);
    });
    let sum = 0;
    for (let a = 0; a < 5; a++) {
      for (let b = a + 1; b < 5; b++) sum += sampleCorrelation(columns[a], columns[b]);
    }
    expectClose(result.meanInterItemCorrelation, sum / 10, 1e-12);
  });
});
