import {
  max as ssMax,
  mean as ssMean,
  min as ssMin,
  quantileSorted,
  sampleKurtosis,
  sampleSkewness,
  sampleStandardDeviation,
} from "simple-statistics";

/** Descriptive statistics of one sample, with `null` for a value the sample leaves undefined. */
export interface Description {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 denominator), null when n = 1. */
  sd: number | null;
  median: number;
  /** First and third quartiles, Hyndman–Fan type 7 (R's default, Excel QUARTILE.INC). */
  q1: number;
  q3: number;
  iqr: number;
  min: number;
  max: number;
  /** Adjusted skewness G1 (SPSS, Excel SKEW), null when n < 3 or the data are constant. */
  skewness: number | null;
  /** Adjusted excess kurtosis G2 (SPSS, Excel KURT), null when n < 4 or the data are constant. */
  kurtosis: number | null;
  /** Population skewness g1 = m3 / m2^1.5, null for constant data. */
  skewnessPopulation: number | null;
  /** Population excess kurtosis g2 = m4 / m2² − 3, null for constant data. */
  kurtosisPopulation: number | null;
}

/**
 * Checks that `x` is a non-empty array of finite numbers.
 *
 * @param label names the data in the error message, e.g. "describe: x"
 * @throws Error naming the first index and value that is not a finite number, so missing
 *   values (null, NaN) must be removed by the caller first
 * @example
 * assertFiniteValues([1, null as unknown as number], "x"); // throws "x[1] is null …"
 */
export function assertFiniteValues(x: readonly number[], label: string): void {
  if (!Array.isArray(x)) throw new Error(`${label} is not an array: expected numbers`);
  if (x.length === 0) throw new Error(`${label} is empty: expected at least one number`);
  for (let i = 0; i < x.length; i++) {
    const value: unknown = x[i];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new Error(
        `${label}[${i}] is ${formatValue(value)}: expected a finite number` +
          " (remove missing values before the call)",
      );
    }
  }
}

/**
 * Checks that `rows` is a non-empty rectangular matrix of finite numbers with at least
 * one column, and returns its column count.
 *
 * @param label names the data in the error message, e.g. "kmo: data"
 * @throws Error naming the row and column of the first missing or invalid cell (use
 *   `listwise` to drop incomplete rows), or the first row of a different length
 * @example
 * assertCompleteRows([[1, 2], [3, NaN]], "data"); // throws "data[1][1] is NaN …"
 */
export function assertCompleteRows(rows: readonly (readonly number[])[], label: string): number {
  if (!Array.isArray(rows)) throw new Error(`${label} is not an array of rows`);
  if (rows.length === 0) throw new Error(`${label} has no rows: expected at least one`);
  const width = checkRowLengths(rows, label);

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let j = 0; j < width; j++) {
      const value: unknown = row[j];
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new Error(
          `${label}[${i}][${j}] (row ${i}, column ${j}) is ${formatValue(value)}: ` +
            "expected a finite number (drop incomplete rows with listwise())",
        );
      }
    }
  }
  return width;
}

/** The complete rows of a matrix and the indexes of the rows kept and dropped. */
export interface ListwiseResult {
  rows: number[][];
  kept: number[];
  dropped: number[];
}

/**
 * Drops every row that has a missing cell (null, undefined or NaN), as listwise deletion
 * does before a multivariate statistic. Nothing else is changed.
 *
 * @throws Error for a ragged matrix, an infinite value or a cell that is not a number
 * @example
 * listwise([[1, 2], [3, null], [5, 6]]);
 * // {rows: [[1, 2], [5, 6]], kept: [0, 2], dropped: [1]}
 */
export function listwise(
  rows: readonly (readonly (number | null | undefined)[])[],
): ListwiseResult {
  if (!Array.isArray(rows)) throw new Error("listwise: rows is not an array of rows");
  const width = rows.length === 0 ? 0 : checkRowLengths(rows, "listwise: rows");

  const result: ListwiseResult = {rows: [], kept: [], dropped: []};
  for (let i = 0; i < rows.length; i++) {
    let complete = true;
    for (let j = 0; j < width; j++) {
      const value: unknown = rows[i][j];
      if (isMissing(value)) {
        complete = false;
      } else if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new Error(
          `listwise: rows[${i}][${j}] is ${formatValue(value)}: expected a finite number` +
            " or a missing value (null, NaN)",
        );
      }
    }
    if (complete) {
      result.rows.push(rows[i].slice() as number[]);
      result.kept.push(i);
    } else {
      result.dropped.push(i);
    }
  }
  return result;
}

/**
 * Computes descriptive statistics of one sample: n, mean, sample sd, median, type-7
 * quartiles and IQR, min, max, skewness and excess kurtosis.
 *
 * Skewness and kurtosis default to the bias-adjusted forms that SPSS and Excel print:
 * G1 = n / ((n − 1)(n − 2)) · Σ((x − x̄)/s)³ and KURT's G2, from simple-statistics'
 * `sampleSkewness` and `sampleKurtosis`. The population forms g1 and g2 are also given.
 * Undefined values are null: sd for n = 1, G1 for n < 3, G2 for n < 4, and all four
 * shape statistics when every value is equal.
 *
 * @throws Error if x is empty or contains a value that is not a finite number
 * @example
 * describe([4, 5, 3, 4, 2, 5, 5, 1, 4, 3, 4, 5]);
 * // {n: 12, mean: 3.75, sd: 1.288…, median: 4, q1: 3, q3: 5, iqr: 2, min: 1, max: 5,
 * //  skewness: -0.976…, kurtosis: 0.374…, …}
 */
export function describe(x: readonly number[]): Description {
  assertFiniteValues(x, "describe: x");

  const values = x as number[];
  const n = values.length;
  const sorted = Array.from(Float64Array.from(values).sort());
  const min = ssMin(values);
  const max = ssMax(values);
  const constant = min === max;
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const population = constant ? null : populationShape(values);
  let sd: number | null = null;
  if (n >= 2) sd = constant ? 0 : sampleStandardDeviation(values);

  return {
    n,
    mean: ssMean(values),
    sd,
    median: quantileSorted(sorted, 0.5),
    q1,
    q3,
    iqr: q3 - q1,
    min,
    max,
    skewness: constant || n < 3 ? null : sampleSkewness(values),
    kurtosis: constant || n < 4 ? null : sampleKurtosis(values),
    skewnessPopulation: population && population.skewness,
    kurtosisPopulation: population && population.kurtosis,
  };
}

function populationShape(x: readonly number[]): {skewness: number; kurtosis: number} {
  const n = x.length;
  const mean = ssMean(x as number[]);
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const value of x) {
    const d = value - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return {skewness: m3 / m2 ** 1.5, kurtosis: m4 / (m2 * m2) - 3};
}

function checkRowLengths(rows: readonly (readonly unknown[])[], label: string): number {
  const width = Array.isArray(rows[0]) ? rows[0].length : -1;
  for (let i = 0; i < rows.length; i++) {
    if (!Array.isArray(rows[i])) throw new Error(`${label}[${i}] is not an array`);
    if (rows[i].length !== width) {
      throw new Error(
        `${label}[${i}] has ${rows[i].length} values but row 0 has ${width}:` +
          " expected rows of equal length",
      );
    }
  }
  if (width === 0) throw new Error(`${label} has no columns: expected at least one`);
  return width;
}

function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "number" && isNaN(value));
}

/** Formats a value for an error message: strings in quotes, anything else with String(). */
function formatValue(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
