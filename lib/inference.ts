import betainc from "@stdlib/math-base-special-betainc";
import gammainc from "@stdlib/math-base-special-gammainc";
import {assertFiniteValues} from "./describe.js";

/**
 * Computes the two-sided p-value of Student's t statistic, P(|T| ≥ |t|) with `df` degrees
 * of freedom, as the regularised incomplete beta I_{df/(df+t²)}(df/2, 1/2) from
 * @stdlib/math-base-special-betainc. It keeps full relative precision for tiny p, where
 * 1 − cdf would round to 0.
 *
 * @throws Error unless df > 0 and t is a number (±Infinity gives 0)
 * @example
 * pValueT(2.228138851986274, 10); // 0.05
 */
export function pValueT(t: number, df: number): number {
  checkDegreesOfFreedom(df, "pValueT");
  if (Number.isNaN(t)) throw new Error("pValueT: t is NaN");

  if (!Number.isFinite(t)) return 0;
  return betainc(df / (df + t * t), df / 2, 0.5);
}

/**
 * Computes the upper-tail p-value P(F ≥ f) of the F distribution with (df1, df2) degrees
 * of freedom, as I_{df2/(df2+df1·f)}(df2/2, df1/2) from @stdlib/math-base-special-betainc.
 *
 * @throws Error unless f ≥ 0 and both degrees of freedom are > 0
 * @example
 * pValueF(9.415143603133158, 2, 12); // 0.003477139…
 */
export function pValueF(f: number, df1: number, df2: number): number {
  checkDegreesOfFreedom(df1, "pValueF");
  checkDegreesOfFreedom(df2, "pValueF");
  if (!(f >= 0)) throw new Error(`pValueF: invalid F = ${f}: expected a number ≥ 0`);

  if (f === Infinity) return 0;
  return betainc(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
}

/**
 * Computes the upper-tail p-value P(X ≥ x) of the χ² distribution with `df` degrees of
 * freedom, as the upper regularised incomplete gamma Q(df/2, x/2) from
 * @stdlib/math-base-special-gammainc.
 *
 * @throws Error unless x ≥ 0 and df > 0
 * @example
 * pValueChiSquare(3.841458820694124, 1); // 0.05
 */
export function pValueChiSquare(x: number, df: number): number {
  checkDegreesOfFreedom(df, "pValueChiSquare");
  if (!(x >= 0)) throw new Error(`pValueChiSquare: invalid χ² = ${x}: expected a number ≥ 0`);

  if (x === Infinity) return 0;
  return gammainc(x / 2, df / 2, true, true);
}

/** The result of a one-way analysis of variance. */
export interface AnovaResult {
  f: number;
  dfBetween: number;
  dfWithin: number;
  p: number;
  ssBetween: number;
  ssWithin: number;
  msBetween: number;
  msWithin: number;
  /** Effect size η² = SS_between / SS_total, in [0, 1]. */
  etaSquared: number;
}

/**
 * Runs a one-way ANOVA: F = [SS_between/(k − 1)] / [SS_within/(N − k)] for k groups with
 * N values in all, p = P(F(k − 1, N − k) ≥ F), and η² = SS_between / SS_total.
 *
 * @param groups the values of each group, at least 2 groups, none empty
 * @throws Error for fewer than 2 groups, an empty group, a value that is not finite,
 *   N ≤ k (no within-group degrees of freedom) or zero within-group variance
 * @example
 * anova([[4, 5, 4, 3, 5], [3, 2, 3, 4, 2, 3], [5, 5, 4, 5]]);
 * // {f: 9.415…, dfBetween: 2, dfWithin: 12, p: 0.00348…, etaSquared: 0.611…, …}
 */
export function anova(groups: readonly (readonly number[])[]): AnovaResult {
  checkGroups(groups, "anova");
  const k = groups.length;
  const total = groups.reduce((sum, g) => sum + g.length, 0);
  if (total <= k) {
    throw new Error(
      `anova: ${total} values in ${k} groups leave no within-group degrees of freedom:` +
        " expected more values than groups",
    );
  }

  const means = groups.map((g) => g.reduce((sum, v) => sum + v, 0) / g.length);
  const grandMean = groups.reduce((sum, g, i) => sum + means[i] * g.length, 0) / total;
  let ssBetween = 0;
  let ssWithin = 0;
  groups.forEach((g, i) => {
    ssBetween += g.length * (means[i] - grandMean) ** 2;
    for (const v of g) ssWithin += (v - means[i]) ** 2;
  });
  if (groups.every((g) => g.every((v) => v === g[0]))) {
    throw new Error("anova: every group is constant (zero within-group variance): F is undefined");
  }

  const dfBetween = k - 1;
  const dfWithin = total - k;
  const msBetween = ssBetween / dfBetween;
  const msWithin = ssWithin / dfWithin;
  const f = msBetween / msWithin;
  return {
    f,
    dfBetween,
    dfWithin,
    p: pValueF(f, dfBetween, dfWithin),
    ssBetween,
    ssWithin,
    msBetween,
    msWithin,
    etaSquared: ssBetween / (ssBetween + ssWithin),
  };
}

/** The result of a Kruskal–Wallis H test. */
export interface KruskalWallisResult {
  /** H corrected for ties. */
  h: number;
  df: number;
  p: number;
  hUncorrected: number;
  /** Tie correction factor C = 1 − Σ(t³ − t)/(N³ − N), so that H = hUncorrected / C. */
  tieCorrection: number;
  /** Effect size ε² = H / (N − 1), in [0, 1]. */
  epsilonSquared: number;
}

/**
 * Runs the Kruskal–Wallis H test on k independent groups. Values are ranked together
 * with average ranks for ties. H = [12/(N(N + 1)) Σ R_g²/n_g − 3(N + 1)] / C with the tie
 * correction C = 1 − Σ(t³ − t)/(N³ − N), and p = P(χ²(k − 1) ≥ H).
 *
 * @throws Error for fewer than 2 groups, an empty group, a value that is not finite or
 *   all values equal (H is undefined)
 * @example
 * kruskalWallis([[4, 5, 4, 3, 5], [3, 2, 3, 4, 2, 3], [5, 5, 4, 5]]);
 * // {h: 8.6039, df: 2, p: 0.013542, hUncorrected: 7.9740, tieCorrection: 0.92679, …}
 */
export function kruskalWallis(groups: readonly (readonly number[])[]): KruskalWallisResult {
  checkGroups(groups, "kruskalWallis");

  const values = groups.flat();
  const n = values.length;
  const {ranks, tieSum} = rankWithTies(values);
  const tieCorrection = 1 - tieSum / (n * n * n - n);
  if (!(tieCorrection > 0)) {
    throw new Error("kruskalWallis: all values are equal, so H is undefined");
  }

  let offset = 0;
  let rankTerm = 0;
  for (const g of groups) {
    let rankSum = 0;
    for (let i = 0; i < g.length; i++) rankSum += ranks[offset + i];
    rankTerm += (rankSum * rankSum) / g.length;
    offset += g.length;
  }
  const hUncorrected = (12 / (n * (n + 1))) * rankTerm - 3 * (n + 1);
  const h = Math.max(0, hUncorrected / tieCorrection);
  const df = groups.length - 1;
  return {
    h,
    df,
    p: pValueChiSquare(h, df),
    hUncorrected,
    tieCorrection,
    epsilonSquared: h / (n - 1),
  };
}

/** The result of Pearson's χ² test of independence on a contingency table. */
export interface ChiSquareResult {
  chiSquare: number;
  df: number;
  p: number;
  /** Cramér's V = sqrt(χ² / (N·(min(r, c) − 1))), in [0, 1]. */
  cramersV: number;
  /** Expected counts E = row total · column total / N. */
  expected: number[][];
  minExpected: number;
  /** True when some expected count is below 5, where the χ² approximation is doubtful. */
  minExpectedBelow5: boolean;
  n: number;
  /**
   * Yates' continuity-corrected χ² and its p-value, for 2 × 2 tables only (null
   * otherwise): each |O − E| is reduced by min(0.5, |O − E|), as scipy does.
   */
  yates: {chiSquare: number; p: number} | null;
}

/**
 * Runs Pearson's χ² test of independence on an r × c table of counts:
 * χ² = Σ (O − E)² / E with E = row total · column total / N, df = (r − 1)(c − 1),
 * p = P(χ²(df) ≥ χ²). No continuity correction is applied to `chiSquare`. The Yates
 * variant is reported separately for 2 × 2 tables.
 *
 * @param table rows of counts (non-negative, finite), at least 2 × 2
 * @throws Error for a table smaller than 2 × 2, ragged rows, a negative or non-finite
 *   count, or a row or column whose total is 0
 * @example
 * chiSquare([[30, 15, 5], [20, 25, 15]]);
 * // {chiSquare: 8.6625, df: 2, p: 0.013151…, cramersV: 0.28062…, minExpected: 9.09…, …}
 */
export function chiSquare(table: readonly (readonly number[])[]): ChiSquareResult {
  const {rowTotals, columnTotals, n} = checkTable(table);
  const rows = rowTotals.length;
  const columns = columnTotals.length;

  const expected = rowTotals.map((r) => columnTotals.map((c) => (r * c) / n));
  let statistic = 0;
  let yatesStatistic = 0;
  let minExpected = Infinity;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const e = expected[i][j];
      const difference = Math.abs(table[i][j] - e);
      const corrected = difference - Math.min(0.5, difference);
      statistic += (difference * difference) / e;
      yatesStatistic += (corrected * corrected) / e;
      minExpected = Math.min(minExpected, e);
    }
  }

  const df = (rows - 1) * (columns - 1);
  const twoByTwo = rows === 2 && columns === 2;
  return {
    chiSquare: statistic,
    df,
    p: pValueChiSquare(statistic, df),
    cramersV: Math.sqrt(statistic / (n * (Math.min(rows, columns) - 1))),
    expected,
    minExpected,
    minExpectedBelow5: minExpected < 5,
    n,
    yates: twoByTwo ? {chiSquare: yatesStatistic, p: pValueChiSquare(yatesStatistic, 1)} : null,
  };
}

/**
 * Ranks values from 1 to n, giving tied values the average of the ranks they span (the
 * "average" or mid-rank method), and returns Σ(t³ − t) over the tie groups of size t.
 * Values must not be NaN.
 *
 * @example
 * rankWithTies([10, 20, 20, 5]); // {ranks: Float64Array [2, 3.5, 3.5, 1], tieSum: 6}
 */
export function rankWithTies(x: ArrayLike<number>): {ranks: Float64Array; tieSum: number} {
  const n = x.length;
  // A native typed-array sort and binary searches are several times faster than sorting
  // an index array with a comparator.
  const sorted = Float64Array.from(x).sort();

  // The average rank of each tie group, stored at the group's first sorted position.
  const groupRank = new Float64Array(n);
  let tieSum = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && sorted[end] === sorted[start]) end++;
    const t = end - start;
    tieSum += t * t * t - t;
    groupRank[start] = (start + end + 1) / 2;
    start = end;
  }

  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) ranks[i] = groupRank[lowerBound(sorted, x[i])];
  return {ranks, tieSum};
}

/** Index of the first sorted value ≥ value. */
function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function checkDegreesOfFreedom(df: number, name: string): void {
  if (!(df > 0) || !Number.isFinite(df)) {
    throw new Error(`${name}: invalid degrees of freedom ${df}: expected a finite number > 0`);
  }
}

function checkGroups(groups: readonly (readonly number[])[], name: string): void {
  if (!Array.isArray(groups) || groups.length < 2) {
    const count = Array.isArray(groups) ? groups.length : 0;
    throw new Error(`${name}: expected at least 2 groups, got ${count}`);
  }
  groups.forEach((g, i) => assertFiniteValues(g, `${name}: groups[${i}]`));
}

function checkTable(table: readonly (readonly number[])[]): {
  rowTotals: number[];
  columnTotals: number[];
  n: number;
} {
  if (!Array.isArray(table) || table.length < 2 || !Array.isArray(table[0]) ||
    table[0].length < 2) {
    throw new Error("chiSquare: the table must have at least 2 rows and 2 columns");
  }
  const columns = table[0].length;
  const rowTotals: number[] = [];
  const columnTotals = new Array<number>(columns).fill(0);
  table.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== columns) {
      throw new Error(
        `chiSquare: table row ${i} has ${row?.length} cells but row 0 has ${columns}`,
      );
    }
    let total = 0;
    row.forEach((count, j) => {
      if (typeof count !== "number" || !Number.isFinite(count) || count < 0) {
        throw new Error(
          `chiSquare: table[${i}][${j}] is ${String(count)}: expected a finite count ≥ 0`,
        );
      }
      total += count;
      columnTotals[j] += count;
    });
    rowTotals.push(total);
  });

  const zeroRow = rowTotals.indexOf(0);
  if (zeroRow >= 0) {
    throw new Error(`chiSquare: row ${zeroRow} has a zero total: drop it or merge categories`);
  }
  const zeroColumn = columnTotals.indexOf(0);
  if (zeroColumn >= 0) {
    throw new Error(
      `chiSquare: column ${zeroColumn} has a zero total: drop it or merge categories`,
    );
  }
  return {rowTotals, columnTotals, n: rowTotals.reduce((sum, t) => sum + t, 0)};
}
