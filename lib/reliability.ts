import {sampleVariance} from "simple-statistics";
import {centredCrossProducts} from "./correlation.js";
import {assertCompleteRows} from "./describe.js";

/** Options of `cronbachAlpha`. */
export interface CronbachOptions {
  /** Column indexes of reverse-worded items, recoded as min + max − x before α. */
  reverse?: readonly number[];
  /** The response scale [min, max], e.g. [1, 5], required when `reverse` is not empty. */
  scale?: readonly [number, number];
}

/** Cronbach's α of a set of items with item-level diagnostics. */
export interface CronbachResult {
  alpha: number;
  /** Standardised α = k·r̄ / (1 + (k − 1)·r̄), or null if an item is constant. */
  standardizedAlpha: number | null;
  /** α of the other k − 1 items, or null when k = 2 or their total is constant. */
  alphaIfDeleted: (number | null)[];
  /** Corrected item–total correlation: r of each item with the sum of the other items. */
  itemTotal: (number | null)[];
  itemVariances: number[];
  totalVariance: number;
  /** Mean off-diagonal Pearson correlation r̄, or null if an item is constant. */
  meanInterItemCorrelation: number | null;
  n: number;
  k: number;
  /** Problems that do not stop the computation, e.g. a negative α. */
  warnings: string[];
}

/**
 * Computes Cronbach's α = k/(k − 1)·(1 − Σ s_i² / s_T²) of k items and n
 * respondents, with sample variances (n − 1 denominator), s_T² the variance of the row
 * totals. Also gives standardised α, α if each item is deleted and the corrected
 * item–total correlation. Reverse-worded items are recoded first as min + max − x.
 *
 * A negative α is returned with a warning: it means the items correlate negatively on
 * average, often because a reverse-worded item was not recoded.
 *
 * @param items rows = respondents, columns = items, no missing cells (use `listwise`)
 * @throws Error for fewer than 2 items or 2 respondents, a missing or non-finite cell,
 *   zero variance of the total score, or invalid reverse-coding options (an unknown
 *   column, a missing or inverted scale, a reversed value outside the scale)
 * @example
 * cronbachAlpha([[3, 4, 3], [4, 5, 4], [2, 3, 3], [5, 5, 4], [3, 3, 2]]);
 * // {alpha: 0.923 (12/13), standardizedAlpha: 0.931,
 * //  alphaIfDeleted: [0.9375, 0.788, 0.930], …}
 */
export function cronbachAlpha(
  items: readonly (readonly number[])[],
  options: CronbachOptions = {},
): CronbachResult {
  const k = assertCompleteRows(items, "cronbachAlpha: items");
  const n = items.length;
  if (k < 2) throw new Error(`cronbachAlpha: expected at least 2 items, got ${k}`);
  if (n < 2) throw new Error(`cronbachAlpha: expected at least 2 respondents, got ${n}`);
  const columns = recodedColumns(items, options);

  const totals = new Float64Array(n);
  for (const column of columns) for (let i = 0; i < n; i++) totals[i] += column[i];
  if (isConstant(totals)) {
    throw new Error(
      "cronbachAlpha: the total score has zero variance (every respondent has the same" +
        " total), so α is undefined",
    );
  }
  // One pass of centred cross-products gives the item variances and every correlation.
  const {products} = centredCrossProducts(columns);
  const itemVariances = columns.map((_, j) => products[j][j] / (n - 1));
  const totalVariance = sampleVariance(totals as unknown as number[]);
  const varianceSum = itemVariances.reduce((sum, v) => sum + v, 0);
  const alpha = (k / (k - 1)) * (1 - varianceSum / totalVariance);

  const alphaIfDeleted: (number | null)[] = [];
  const itemTotal: (number | null)[] = [];
  columns.forEach((column, j) => {
    const rest = restStatistics(column, totals);
    itemTotal.push(
      rest === null || isConstant(column)
        ? null
        : clampCorrelation(rest.crossProduct / Math.sqrt(products[j][j] * rest.squares)),
    );
    alphaIfDeleted.push(
      k === 2 || rest === null
        ? null
        : ((k - 1) / (k - 2)) * (1 - (varianceSum - itemVariances[j]) / (rest.squares / (n - 1))),
    );
  });

  const meanR = columns.some(isConstant) ? null : meanInterItemCorrelation(products);
  const warnings: string[] = [];
  if (alpha < 0) {
    warnings.push(
      `α = ${alpha.toFixed(3)} is negative because the items correlate negatively on` +
        " average: check for reverse-worded items that were not recoded",
    );
  }
  return {
    alpha,
    standardizedAlpha: meanR === null ? null : (k * meanR) / (1 + (k - 1) * meanR),
    alphaIfDeleted,
    itemTotal,
    itemVariances,
    totalVariance,
    meanInterItemCorrelation: meanR,
    n,
    k,
    warnings,
  };
}

/**
 * Statistics of the rest score (total minus one item) computed without storing it: the
 * centred sum of squares and the centred cross-product with the item, or null when the
 * rest score is constant.
 */
function restStatistics(
  column: Float64Array,
  totals: Float64Array,
): {squares: number; crossProduct: number} | null {
  const n = column.length;
  let restSum = 0;
  let itemSum = 0;
  let constant = true;
  const first = totals[0] - column[0];
  for (let i = 0; i < n; i++) {
    const rest = totals[i] - column[i];
    if (rest !== first) constant = false;
    restSum += rest;
    itemSum += column[i];
  }
  if (constant) return null;

  const restMean = restSum / n;
  const itemMean = itemSum / n;
  let squares = 0;
  let crossProduct = 0;
  for (let i = 0; i < n; i++) {
    const rest = totals[i] - column[i] - restMean;
    squares += rest * rest;
    crossProduct += (column[i] - itemMean) * rest;
  }
  return {squares, crossProduct};
}

/** Columns of the item matrix, with reverse-worded items recoded. */
function recodedColumns(
  items: readonly (readonly number[])[],
  {reverse = [], scale}: CronbachOptions,
): Float64Array[] {
  const k = items[0].length;
  const reversed = new Set<number>();
  for (const j of reverse) {
    if (!Number.isInteger(j) || j < 0 || j >= k) {
      throw new Error(
        `cronbachAlpha: reverse column ${j} does not exist: expected an index from 0 to ${k - 1}`,
      );
    }
    reversed.add(j);
  }
  if (reversed.size > 0) checkScale(scale);
  // Reversed columns are checked column by column, so the first bad cell reported is the
  // first in column order.
  for (let j = 0; j < k; j++) {
    if (!reversed.has(j)) continue;
    const [min, max] = scale!;
    for (let i = 0; i < items.length; i++) {
      const x = items[i][j];
      if (x < min || x > max) {
        throw new Error(
          `cronbachAlpha: items[${i}][${j}] = ${x} is outside the scale ${min}–${max},` +
            " so it cannot be reverse-coded",
        );
      }
    }
  }

  const columns = Array.from({length: k}, () => new Float64Array(items.length));
  const flip = Array.from({length: k}, (_, j) => reversed.has(j));
  const sum = reversed.size > 0 ? scale![0] + scale![1] : 0;
  for (let i = 0; i < items.length; i++) {
    const row = items[i];
    for (let j = 0; j < k; j++) columns[j][i] = flip[j] ? sum - row[j] : row[j];
  }
  return columns;
}

function checkScale(scale: readonly [number, number] | undefined): void {
  if (
    !Array.isArray(scale) ||
    scale.length !== 2 ||
    !scale.every(Number.isFinite) ||
    !(scale[0] < scale[1])
  ) {
    throw new Error(
      `cronbachAlpha: invalid scale ${JSON.stringify(scale)}: reverse coding needs` +
        " scale: [min, max] with min < max, e.g. [1, 5]",
    );
  }
}

/** Averages the off-diagonal Pearson correlations r_ab = S_ab / √(S_aa·S_bb) of the items. */
function meanInterItemCorrelation(products: number[][]): number {
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < products.length; a++) {
    for (let b = a + 1; b < products.length; b++) {
      sum += clampCorrelation(products[a][b] / Math.sqrt(products[a][a] * products[b][b]));
      pairs++;
    }
  }
  return sum / pairs;
}

function clampCorrelation(r: number): number {
  return Math.max(-1, Math.min(1, r));
}

function isConstant(x: ArrayLike<number>): boolean {
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return false;
  return true;
}
