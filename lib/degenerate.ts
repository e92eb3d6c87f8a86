import {axisScores, type Analysis, type MatrixAxes} from "./pipeline.js";

/** An axis of the value matrix on which every row has the same score. */
export interface ConstantAxis {
  axis: "x" | "y";
  kind: MatrixAxes["x"]["kind"];
  /** Side ("crv", "hrv") or dimension id. */
  id: string;
  /** The score every row has, 0–1. */
  score: number;
  /** The class threshold of the axis; every row is on its high side when score ≥ threshold. */
  threshold: number;
  high: boolean;
}

/** Parts of an analysis that cannot tell customers apart (see `degenerateParts`). */
export interface DegenerateParts {
  /** Indicators with the same raw value in every row; each scores 0 for everyone. */
  indicators: string[];
  /** Axes of the value matrix with the same score for every row, x first. */
  axes: ConstantAxis[];
}

// Scores lie in [0, 1]; a spread below this is rounding, not a difference between customers.
const tolerance = 1e-12;

/**
 * Finds what an analysis cannot tell apart: constant indicators (min = max, so min–max
 * normalisation gives 0 to everyone) and constant axes of the value matrix.
 *
 * The classes on a constant axis are a defined result that tells nothing. `classify` puts a
 * row on the high side when its score is ≥ the threshold. The mean or median threshold then
 * equals the score, so every row is high on that axis. With a fixed threshold every row falls
 * on the same side of it. When both axes are constant, every row gets one class: "partners"
 * with the mean or median.
 *
 * @example
 * degenerateParts(analyzeCase(constantCase))
 * // {indicators: ["room_quality", …], axes: [{axis: "x", kind: "side", id: "crv", score: 0,
 * //   threshold: 0, high: true}, …]}
 */
export function degenerateParts(analysis: Analysis): DegenerateParts {
  const axes: ConstantAxis[] = [];
  for (const axis of ["x", "y"] as const) {
    const scores = axisScores(analysis.scores, analysis.axes[axis]);
    let min = Infinity;
    let max = -Infinity;
    for (const score of scores) {
      if (score < min) min = score;
      if (score > max) max = score;
    }
    if (max - min > tolerance) continue;

    const threshold = analysis.classes.thresholds[axis];
    const {kind, id} = analysis.axes[axis];
    axes.push({axis, kind, id, score: scores[0], threshold, high: scores[0] >= threshold});
  }
  return {indicators: [...analysis.degenerate], axes};
}
