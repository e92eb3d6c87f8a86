import type {CaseData} from "./caseData.js";
import {
  classifyCodes,
  lazyClassification,
  type AxisThresholds,
  type Classification
} from "./classify.js";
import {combineWeights} from "./combine.js";
import {couplingCoordination, relationshipValue, type RelationshipModel} from "./coupling.js";
import {
  ahpHierarchy,
  objectiveWeights,
  objectiveWeightsOfColumns,
  type AhpHierarchy,
  type AhpMethod,
  type Aggregation,
  type ObjectiveMethod
} from "./hierarchy.js";
import {minMaxDecisionColumns} from "./normalize.js";
import {scoreHierarchy, type HierarchyScores} from "./scores.js";
import type {Side} from "./types.js";

/** Every choice of the method that the report lets a reader change. */
export interface AnalysisConfig {
  /** Which weights score the customers. */
  weighting: "ahp" | "objective" | "combined";
  objective: ObjectiveMethod;
  ahpMethod: AhpMethod;
  aggregation: Aggregation;
  /** Combination: linear α·AHP + (1 − α)·objective, or multiplicative. */
  combination: "linear" | "multiplicative";
  alpha: number;
  model: RelationshipModel;
  /** Weight of CRV (U₁) in T and in the additive and geometric models; HRV gets 1 − sideAlpha. */
  sideAlpha: number;
  /** Split of the value matrix, for both axes or one per axis. */
  threshold: AxisThresholds;
}

/** The published defaults of the method. */
export const defaultConfig = {
  weighting: "combined",
  objective: "entropy",
  ahpMethod: "eigenvector",
  aggregation: "aij",
  combination: "linear",
  alpha: 0.5,
  model: "coupling",
  sideAlpha: 0.5,
  threshold: "mean"
} satisfies AnalysisConfig;

/** The two scores that span a case's value matrix. */
export interface MatrixAxes {
  x: {kind: "side" | "dimension"; id: string};
  y: {kind: "side" | "dimension"; id: string};
}

export interface Analysis {
  config: AnalysisConfig;
  /** Min–max normalised indicator columns (cost indicators reversed), in system order. */
  columns: Float64Array[];
  /** Ids of indicators whose raw values are constant (they score 0 everywhere). */
  degenerate: string[];
  ahp: AhpHierarchy;
  weights: {subjective: number[]; objective: number[]; final: number[]};
  scores: HierarchyScores;
  /** Relationship value under the chosen model, or null when a side is not measured. */
  value: Float64Array | null;
  coupling: ReturnType<typeof couplingCoordination> | null;
  axes: MatrixAxes;
  classes: Classification;
}

/**
 * Picks the value matrix of a case: CRV × HRV when both sides are measured, otherwise the
 * first two measured dimensions of the one side (for records: current × potential value).
 * Throws when a case has fewer than two dimensions.
 */
export function matrixAxes(data: CaseData): MatrixAxes {
  const measured = new Set(data.system.indicators.map((item) => item.dimension));
  const dimensions = data.system.dimensions.filter((dimension) => measured.has(dimension.id));
  const sides = new Set<Side>(dimensions.map((dimension) => dimension.side));
  if (sides.has("crv") && sides.has("hrv")) {
    return {x: {kind: "side", id: "crv"}, y: {kind: "side", id: "hrv"}};
  }
  if (dimensions.length < 2) {
    throw new Error(`case ${data.id} measures fewer than two dimensions; no value matrix can be drawn`);
  }
  return {x: {kind: "dimension", id: dimensions[0].id}, y: {kind: "dimension", id: dimensions[1].id}};
}

/** Scores of one axis of the value matrix. */
export function axisScores(scores: HierarchyScores, axis: MatrixAxes["x"]): Float64Array {
  const values = axis.kind === "side" ? scores.sides[axis.id as Side] : scores.dimensions[axis.id];
  if (!values) throw new Error(`no scores for ${axis.kind} "${axis.id}"`);
  return values;
}

function finalWeights(config: AnalysisConfig, subjective: number[], objective: number[], sides: Side[]) {
  if (config.weighting === "ahp") return subjective;
  if (config.weighting === "objective") return objective;

  // Combination runs per side so that each side's weights still sum to 1.
  const result = new Array<number>(subjective.length).fill(0);
  for (const side of new Set(sides)) {
    const indexes = sides.map((s, j) => (s === side ? j : -1)).filter((j) => j >= 0);
    const combined = combineWeights(
      indexes.map((j) => subjective[j]),
      indexes.map((j) => objective[j]),
      config.combination === "multiplicative" ? {mode: "multiplicative"} : {alpha: config.alpha}
    );
    indexes.forEach((j, k) => (result[j] = combined[k]));
  }
  return result;
}

/**
 * Computes the objective weights of a case. Entropy and CRITIC weights depend on the data
 * only through the min–max normalised columns, so they are computed from those, as benefit
 * columns: this gives the entropy weights of the raw values exactly and the CRITIC weights
 * up to rounding. PCA weights standardise the raw values, so they read the rows again.
 */
function objectiveWeightsOf(
  data: CaseData,
  columns: Float64Array[],
  method: ObjectiveMethod
): number[] {
  if (method === "pca") return objectiveWeights(data.values, data.system, method);
  const indicators = data.system.indicators.map((item) => ({
    ...item,
    direction: "benefit" as const
  }));
  return objectiveWeightsOfColumns(columns, {...data.system, indicators}, method);
}

/**
 * Runs the whole method on one case: min–max normalisation with directions, AHP weights down
 * the hierarchy, objective weights per side, their combination, dimension and side scores,
 * relationship value (when both sides are measured) and the value-matrix classes.
 */
export function analyzeCase(data: CaseData, overrides: Partial<AnalysisConfig> = {}): Analysis {
  const config = {...defaultConfig, ...overrides};
  const {system} = data;
  if (data.values.length < 2) {
    const rows = data.values.length === 1 ? "1 row" : `${data.values.length} rows`;
    throw new Error(`case ${data.id} has ${rows}; the method needs at least 2`);
  }

  // The rows are read straight into normalised typed columns, which live outside the
  // JavaScript heap, with no copy of the raw values.
  const directions = system.indicators.map((item) => item.direction);
  const normalized = minMaxDecisionColumns(data.values, directions);
  const columns = normalized.columns;
  const degenerate = normalized.degenerateColumns.map((j: number) => system.indicators[j].id);

  const hierarchy = ahpHierarchy(system, data.experts.judgments, {
    method: config.ahpMethod,
    aggregation: config.aggregation
  });
  const sideOf = new Map(system.dimensions.map((dimension) => [dimension.id, dimension.side]));
  const sides = system.indicators.map((item) => sideOf.get(item.dimension) as Side);
  const subjective = hierarchy.indicatorWeights;
  const objective = objectiveWeightsOf(data, columns, config.objective);
  const final = finalWeights(config, subjective, objective, sides);

  const scores = scoreHierarchy(columns, system, final);
  return {
    config,
    columns,
    degenerate,
    ahp: hierarchy,
    weights: {subjective, objective, final},
    scores,
    ...rescore(data, scores, config)
  };
}

/**
 * Recomputes relationship value and classes from scores, e.g. after the model or the
 * threshold changed, without normalising or weighting again.
 */
export function rescore(
  data: CaseData,
  scores: HierarchyScores,
  config: AnalysisConfig
): Pick<Analysis, "value" | "coupling" | "axes" | "classes"> {
  const axes = matrixAxes(data);
  const {crv, hrv} = scores.sides;
  const weights = {alpha: config.sideAlpha, beta: 1 - config.sideAlpha};
  const coupling = crv && hrv ? couplingCoordination(crv, hrv, weights) : null;
  const value =
    crv && hrv ? (config.model === "coupling" ? coupling!.d : relationshipValue(crv, hrv, config.model, weights)) : null;
  // The labels are built when first read, so a loop that re-scores and reads only the class
  // codes or counts never allocates them.
  const classes = lazyClassification(
    classifyCodes(axisScores(scores, axes.x), axisScores(scores, axes.y), {
      threshold: config.threshold
    })
  );
  return {value, coupling, axes, classes};
}
