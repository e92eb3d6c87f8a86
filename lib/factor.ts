import {
  EigenvalueDecomposition,
  Matrix,
  SingularValueDecomposition,
  determinant,
  inverse,
} from "ml-matrix";
import {correlationMatrix} from "./correlation.js";
import {assertCompleteRows} from "./describe.js";
import {pValueChiSquare} from "./inference.js";

/** The Kaiser–Meyer–Olkin measure of sampling adequacy. */
export interface KmoResult {
  /** Overall KMO in [0, 1]. Values below 0.5 are commonly judged unacceptable. */
  overall: number;
  /** Measure of sampling adequacy (MSA) of each variable. */
  perItem: number[];
  /** Partial correlations q_ij = −(R⁻¹)_ij / sqrt((R⁻¹)_ii (R⁻¹)_jj), diagonal 1. */
  partialCorrelation: number[][];
  /** Anti-image correlation as SPSS prints it: −q_ij off the diagonal, MSA_i on it. */
  antiImage: number[][];
  correlation: number[][];
}

/** Bartlett's test of sphericity (H0: the correlation matrix is the identity). */
export interface BartlettResult {
  chiSquare: number;
  df: number;
  p: number;
  /** Determinant of the correlation matrix. */
  determinant: number;
}

/**
 * Computes the Kaiser–Meyer–Olkin measure from the Pearson correlation matrix R and the
 * partial correlations q_ij = −(R⁻¹)_ij / sqrt((R⁻¹)_ii (R⁻¹)_jj):
 * KMO = Σ r_ij² / (Σ r_ij² + Σ q_ij²) over i ≠ j, and MSA_i the same sums over row i.
 *
 * @param data rows = observations, columns = variables, complete (use `listwise`)
 * @throws Error for a missing cell, n ≤ p (R is not invertible), a constant column, or
 *   det(R) ≤ 1e-12 (R is singular, e.g. one variable is a sum of others)
 * @example
 * const data = [[1, 2, 3], [2, 2, 4], [3, 4, 4], [4, 3, 6], [5, 5, 5], [6, 5, 7]];
 * kmo(data); // {overall: 0.4327, perItem: [0.4645, 0.4118, 0.4161], …}
 */
export function kmo(data: readonly (readonly number[])[]): KmoResult {
  const {correlation} = factorCorrelation(data, "kmo");

  const p = correlation.length;
  const precision = inverse(new Matrix(correlation)).to2DArray();
  const partialCorrelation = precision.map((row, i) =>
    row.map((value, j) => (i === j ? 1 : -value / Math.sqrt(precision[i][i] * precision[j][j]))),
  );
  let r2Total = 0;
  let q2Total = 0;
  const perItem: number[] = [];
  for (let i = 0; i < p; i++) {
    let r2 = 0;
    let q2 = 0;
    for (let j = 0; j < p; j++) {
      if (i === j) continue;
      r2 += correlation[i][j] ** 2;
      q2 += partialCorrelation[i][j] ** 2;
    }
    perItem.push(r2 / (r2 + q2));
    r2Total += r2;
    q2Total += q2;
  }
  const antiImage = partialCorrelation.map((row, i) =>
    row.map((q, j) => (i === j ? perItem[i] : -q)),
  );
  return {
    overall: r2Total / (r2Total + q2Total),
    perItem,
    partialCorrelation,
    antiImage,
    correlation,
  };
}

/**
 * Runs Bartlett's test of sphericity: χ² = −(n − 1 − (2p + 5)/6)·ln|R| with
 * df = p(p − 1)/2 for n observations of p variables, p-value from the χ² upper tail.
 * A small p-value means the variables are correlated enough for factor analysis.
 *
 * @throws Error for a missing cell, n ≤ p, a constant column, or det(R) ≤ 1e-12
 * @example
 * const data = [[1, 2, 3], [2, 2, 4], [3, 4, 4], [4, 3, 6], [5, 5, 5], [6, 5, 7]];
 * bartlett(data); // {chiSquare: 15.535, df: 3, p: 0.001412, determinant: 0.007403}
 */
export function bartlett(data: readonly (readonly number[])[]): BartlettResult {
  const {correlation, determinant: det} = factorCorrelation(data, "bartlett");

  const n = data.length;
  const p = correlation.length;
  const chiSquare = -(n - 1 - (2 * p + 5) / 6) * Math.log(det);
  const df = (p * (p - 1)) / 2;
  return {chiSquare, df, p: pValueChiSquare(Math.max(0, chiSquare), df), determinant: det};
}

/** Options of `pca`. */
export interface PcaOptions {
  /** "varimax" (default) rotates the kept loadings, and "none" leaves `rotated` null. */
  rotate?: "varimax" | "none";
  /** Number of components kept, by default those with eigenvalue > 1 (at least 1). */
  components?: number;
}

/** A varimax rotation of a loading matrix. */
export interface VarimaxResult {
  /** Rotated loadings, columns in order of decreasing sum of squares. */
  loadings: number[][];
  /** Orthogonal matrix T with rotated = loadings · T (same column order and signs). */
  rotation: number[][];
  /** Sum of squared rotated loadings of each column. */
  ssLoadings: number[];
  /** Varimax criterion Σ_j [Σ_i a_ij⁴/p − (Σ_i a_ij²/p)²] on Kaiser-normalised rows. */
  criterion: number;
  iterations: number;
  converged: boolean;
}

/** A principal component analysis of the correlation matrix. */
export interface PcaResult {
  correlation: number[][];
  /** All p eigenvalues of the correlation matrix, in decreasing order. */
  eigenvalues: number[];
  /** Share of the total variance per component, λ / p. */
  explained: number[];
  cumulative: number[];
  /** Kaiser's count: the number of eigenvalues greater than 1. */
  kaiser: number;
  /** Unit eigenvectors as columns (p × p), signed so each column's largest |entry| is > 0. */
  eigenvectors: number[][];
  /** Number of kept components k. */
  components: number;
  /** Loadings of the kept components (p × k): eigenvector · sqrt(λ). */
  loadings: number[][];
  /** Communality of each variable: the sum of its squared kept loadings. */
  communalities: number[];
  /** Component scores (n × k): standardised data times the kept eigenvectors. */
  scores: number[][];
  /** The varimax rotation of the kept loadings, or null with `rotate: "none"`. */
  rotated: VarimaxResult | null;
}

/**
 * Runs a principal component analysis on the correlation matrix of the columns.
 *
 * Columns are standardised with the sample sd (n − 1). Eigenvalues come from ml-matrix's
 * symmetric eigendecomposition, in decreasing order, with rounding-level negative values
 * reported as 0. Each eigenvector is signed so that its entry of largest magnitude is
 * positive (the first one when magnitudes agree to 1e-10). Loadings are
 * eigenvector·sqrt(λ). Scores are Z·eigenvectors, not rescaled to unit variance.
 * `rotated` is the varimax rotation of the kept loadings (see `varimax`).
 *
 * @param data rows = observations, columns = variables, complete (use `listwise`)
 * @throws Error for a missing cell, fewer than 2 rows, a constant column (its
 *   correlations are undefined) or `components` outside 1..p
 * @example
 * const result = pca(data, {components: 2});
 * result.eigenvalues; // [2.724, 0.251, 0.025] for the 8 × 3 example in the tests
 */
export function pca(data: readonly (readonly number[])[], options: PcaOptions = {}): PcaResult {
  const p = assertCompleteRows(data, "pca: data");
  if (data.length < 2) throw new Error(`pca: expected at least 2 rows, got ${data.length}`);
  const constant = constantColumn(data);
  if (constant >= 0) {
    throw new Error(
      `pca: zero-variance column ${constant}: its correlations are undefined, drop it first`,
    );
  }
  const {rotate = "varimax"} = options;
  if (rotate !== "varimax" && rotate !== "none") {
    throw new Error(`pca: invalid rotate "${rotate}": expected "varimax" or "none"`);
  }

  const correlation = correlationMatrix(data);
  const {eigenvalues, eigenvectors} = sortedEigen(correlation);
  const kaiser = eigenvalues.filter((value) => value > 1).length;
  const k = options.components ?? Math.max(1, kaiser);
  if (!Number.isInteger(k) || k < 1 || k > p) {
    throw new Error(`pca: invalid components ${k}: expected an integer from 1 to ${p}`);
  }

  const loadings = eigenvectors.map((row) =>
    row.slice(0, k).map((value, c) => value * Math.sqrt(eigenvalues[c])),
  );
  let running = 0;
  return {
    correlation,
    eigenvalues,
    explained: eigenvalues.map((value) => value / p),
    cumulative: eigenvalues.map((value) => (running += value / p)),
    kaiser,
    eigenvectors,
    components: k,
    loadings,
    communalities: loadings.map((row) => row.reduce((sum, a) => sum + a * a, 0)),
    scores: componentScores(data, eigenvectors, k),
    rotated: rotate === "varimax" ? varimax(loadings) : null,
  };
}

/**
 * Rotates a loading matrix (p variables × k factors) by varimax with Kaiser
 * normalisation, maximising Σ_j [Σ_i a_ij⁴/p − (Σ_i a_ij²/p)²] over the rows divided by
 * sqrt(communality). The update is the SVD step of R's `stats::varimax`, iterated until
 * no entry of T changes by 1e-12 or more. R's own stopping rule (relative change of the
 * criterion below 1e-5) stops early: 3.6e-3 away in the loadings on the 8 × 3 reference
 * case of the tests. Columns are then ordered by decreasing sum of squared loadings and
 * signed so that each column's largest |loading| is positive.
 *
 * Rows with zero communality stay zero. A single factor is returned unrotated (T = [[1]]).
 * NOTE: like R's algorithm, which starts from T = I, it stays at a stationary point
 * that is not the maximum when the loadings start exactly there, e.g. rows (0.7, 0.7) and
 * (0.7, −0.7).
 *
 * @param loadings p × k, complete, k ≥ 1
 * @param maxIterations stop after this many updates with `converged: false`
 * @throws Error for a missing or non-finite cell or an empty matrix
 * @example
 * varimax([[0.99, -0.002], [0.93, -0.35], [0.93, 0.36]]).loadings;
 * // [[0.706, 0.694], [0.908, 0.405], [0.409, 0.910]]
 */
export function varimax(
  loadings: readonly (readonly number[])[],
  maxIterations = 10_000,
): VarimaxResult {
  const k = assertCompleteRows(loadings, "varimax: loadings");

  const p = loadings.length;
  const h = loadings.map((row) => Math.sqrt(row.reduce((sum, a) => sum + a * a, 0)));
  const normalised = new Matrix(
    loadings.map((row, i) => row.map((a) => (h[i] > 0 ? a / h[i] : 0))),
  );
  let rotation = Matrix.eye(k, k);
  let iterations = 0;
  let converged = k === 1;
  while (!converged && iterations < maxIterations) {
    const z = normalised.mmul(rotation);
    const columnSquares = new Array<number>(k).fill(0);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < k; j++) columnSquares[j] += z.get(i, j) ** 2;
    }
    const target = new Matrix(p, k);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < k; j++) {
        const value = z.get(i, j);
        target.set(i, j, value ** 3 - (value * columnSquares[j]) / p);
      }
    }
    const svd = new SingularValueDecomposition(normalised.transpose().mmul(target));
    const next = svd.leftSingularVectors.mmul(svd.rightSingularVectors.transpose());
    const change = Math.max(...next.clone().sub(rotation).abs().to1DArray());
    rotation = next;
    iterations++;
    converged = change < 1e-12;
  }

  return orderVarimax(loadings, h, rotation, iterations, converged);
}

/** Orders and signs the rotated columns, and computes SS loadings and the criterion. */
function orderVarimax(
  loadings: readonly (readonly number[])[],
  h: readonly number[],
  rotation: Matrix,
  iterations: number,
  converged: boolean,
): VarimaxResult {
  const p = loadings.length;
  const k = rotation.columns;
  const rotated = new Matrix(loadings as number[][]).mmul(rotation).to2DArray();
  const ss = Array.from({length: k}, (_, j) =>
    rotated.reduce((sum, row) => sum + row[j] ** 2, 0),
  );
  const order = ss.map((_, j) => j).sort((a, b) => ss[b] - ss[a] || a - b);
  const signs = order.map((j) => dominantSign(rotated.map((row) => row[j])));
  const t = rotation.to2DArray();

  let criterion = 0;
  for (const j of order) {
    let sum2 = 0;
    let sum4 = 0;
    for (let i = 0; i < p; i++) {
      const a = h[i] > 0 ? rotated[i][j] / h[i] : 0;
      sum2 += a * a;
      sum4 += a ** 4;
    }
    criterion += sum4 / p - (sum2 / p) ** 2;
  }
  return {
    loadings: rotated.map((row) => order.map((j, c) => row[j] * signs[c])),
    rotation: t.map((row) => order.map((j, c) => row[j] * signs[c])),
    ssLoadings: order.map((j) => ss[j]),
    criterion,
    iterations,
    converged,
  };
}

/** Eigenvalues in decreasing order with sign-fixed eigenvectors as columns. */
function sortedEigen(correlation: number[][]): {eigenvalues: number[]; eigenvectors: number[][]} {
  const decomposition = new EigenvalueDecomposition(new Matrix(correlation), {
    assumeSymmetric: true,
  });
  const values = decomposition.realEigenvalues;
  const vectors = decomposition.eigenvectorMatrix.to2DArray();
  const order = values.map((_, j) => j).sort((a, b) => values[b] - values[a] || a - b);
  const signs = order.map((j) => dominantSign(vectors.map((row) => row[j])));
  return {
    eigenvalues: order.map((j) => Math.max(0, values[j])),
    eigenvectors: vectors.map((row) => order.map((j, c) => row[j] * signs[c])),
  };
}

/** +1 or −1 so that the entry of largest magnitude (the first within 1e-10) is positive. */
function dominantSign(column: readonly number[]): number {
  const largest = Math.max(...column.map(Math.abs));
  const first = column.find((value) => Math.abs(value) >= largest * (1 - 1e-10)) ?? 0;
  return first < 0 ? -1 : 1;
}

function componentScores(
  data: readonly (readonly number[])[],
  eigenvectors: number[][],
  k: number,
): number[][] {
  const n = data.length;
  const p = eigenvectors.length;
  const means = new Float64Array(p);
  const sds = new Float64Array(p);
  for (const row of data) for (let j = 0; j < p; j++) means[j] += row[j] / n;
  for (const row of data) for (let j = 0; j < p; j++) sds[j] += (row[j] - means[j]) ** 2;
  for (let j = 0; j < p; j++) sds[j] = Math.sqrt(sds[j] / (n - 1));

  const weights = new Float64Array(p * k);
  for (let j = 0; j < p; j++) for (let c = 0; c < k; c++) weights[j * k + c] = eigenvectors[j][c];
  const z = new Float64Array(p);
  return data.map((row) => {
    for (let j = 0; j < p; j++) z[j] = (row[j] - means[j]) / sds[j];
    const score = new Array<number>(k).fill(0);
    for (let j = 0; j < p; j++) for (let c = 0; c < k; c++) score[c] += z[j] * weights[j * k + c];
    return score;
  });
}

function constantColumn(data: readonly (readonly number[])[]): number {
  for (let j = 0; j < data[0].length; j++) {
    if (data.every((row) => row[j] === data[0][j])) return j;
  }
  return -1;
}

/** Checks the data for KMO and Bartlett's test and returns R and det(R). */
function factorCorrelation(
  data: readonly (readonly number[])[],
  name: string,
): {correlation: number[][]; determinant: number} {
  const p = assertCompleteRows(data, `${name}: data`);
  if (data.length <= p) {
    throw new Error(
      `${name}: ${data.length} rows for ${p} variables: need more respondents than` +
        " variables (n > p) for an invertible correlation matrix",
    );
  }
  if (p < 2) throw new Error(`${name}: expected at least 2 variables, got 1`);
  const constant = constantColumn(data);
  if (constant >= 0) {
    throw new Error(
      `${name}: zero-variance column ${constant}: its correlations are undefined, drop it first`,
    );
  }

  const correlation = correlationMatrix(data);
  const det = determinant(new Matrix(correlation));
  if (!(det > 1e-12)) {
    throw new Error(
      `${name}: the correlation matrix is singular (determinant ${det.toExponential(2)}` +
        " ≤ 1e-12): drop variables that are exact or near-exact combinations of others",
    );
  }
  return {correlation, determinant: det};
}
