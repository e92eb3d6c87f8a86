/** Options of {@link combineWeights}: a linear blend with `alpha`, or the product rule. */
export type CombineOptions =
  | {mode?: "linear"; alpha?: number}
  | {mode: "multiplicative"};

const sumTolerance = 1e-6;

function checkWeightVector(weights: readonly number[], name: string): void {
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new Error(`weight vector ${name} is empty; expected one weight per indicator`);
  }
  weights.forEach((w, j) => {
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw new Error(`${name}[${j}] is ${String(w)}; expected a finite weight ≥ 0`);
    }
  });
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (Math.abs(total - 1) > sumTolerance) {
    throw new Error(`weight vector ${name} sums to ${total}; expected 1 (within 1e-6)`);
  }
}

/**
 * Combines two weight vectors over the same indicators, typically subjective (AHP) and
 * objective (entropy, CRITIC, PCA) weights.
 *
 * - linear (default): w_j = α·a_j + (1 − α)·b_j with α in [0, 1], default 0.5;
 * - `{mode: "multiplicative"}`: w_j = a_j·b_j / Σ_k a_k·b_k.
 *
 * Throws an Error when a vector is empty, the lengths differ or a vector does not sum to 1
 * within 1e-6. It also throws when an entry is not a finite number ≥ 0 (named by its 0-based
 * index), α is outside [0, 1], the mode is unknown, or every product a_j·b_j is 0.
 *
 * @example combineWeights([0.4, 0.6], [0.8, 0.2], {alpha: 0.5}) // ≈ [0.6, 0.4]
 */
export function combineWeights(
  a: readonly number[],
  b: readonly number[],
  options: CombineOptions = {}
): number[] {
  checkWeightVector(a, "a");
  checkWeightVector(b, "b");
  if (a.length !== b.length) {
    throw new Error(
      `weight vectors differ in length: a has ${a.length} entries but b has ${b.length}`
    );
  }

  if (options.mode === "multiplicative") {
    const products = a.map((w, j) => w * b[j]);
    const total = products.reduce((sum, x) => sum + x, 0);
    if (!(total > 0)) {
      throw new Error(
        "every product a[j]·b[j] is 0, so multiplicative weights are undefined; " +
          "the two vectors give weight to different indicators"
      );
    }
    return products.map((x) => x / total);
  }
  if (options.mode !== undefined && options.mode !== "linear") {
    throw new Error(
      `unknown combination mode ${JSON.stringify(options.mode)}; ` +
        'expected "linear" or "multiplicative"'
    );
  }
  const {alpha = 0.5} = options;
  if (typeof alpha !== "number" || !Number.isFinite(alpha) || alpha < 0 || alpha > 1) {
    throw new Error(`invalid alpha ${String(alpha)}; expected a number in [0, 1]`);
  }
  return a.map((w, j) => alpha * w + (1 - alpha) * b[j]);
}
