import type {CaseData} from "./caseData.js";
import {classify} from "./classify.js";
import type {NodeJudgments, ReportConfig} from "./config.js";
import {analyzeCase, axisScores, rescore, type Analysis, type AnalysisConfig} from "./pipeline.js";
import {scoreHierarchy} from "./scores.js";
import {localWeights, overrideWeights, type LocalWeights} from "./weightsEdit.js";

/** An analysis run with a report configuration, with the weights before and after editing. */
export interface ReweightedAnalysis extends Analysis {
  report: ReportConfig;
  /** Indicator weights of the weighting method, before hand-set weights replace any node. */
  methodWeights: number[];
  /** Local weights of the weighting method at every side and dimension. */
  methodLocal: LocalWeights;
  /** Local weights used for scoring: the method's, with the hand-set nodes replaced. */
  local: LocalWeights;
}

/**
 * Returns a copy of a case whose AHP judgments at the given nodes are replaced; judgments
 * for a node the case has none for are added. The case itself is not changed.
 *
 * @example withJudgments(data, {crv: {order, matrices}}).experts.judgments // crv replaced
 */
export function withJudgments(data: CaseData, judgments: Record<string, NodeJudgments>): CaseData {
  if (Object.keys(judgments).length === 0) return data;
  const replaced = data.experts.judgments.map((entry) => {
    const edited = judgments[entry.node];
    return edited ? {node: entry.node, order: edited.order, matrices: edited.matrices} : entry;
  });
  for (const [node, edited] of Object.entries(judgments)) {
    if (!replaced.some((entry) => entry.node === node)) {
      replaced.push({node, order: edited.order, matrices: edited.matrices});
    }
  }
  return {...data, experts: {...data.experts, judgments: replaced}};
}

function methodOptions(config: ReportConfig): Partial<AnalysisConfig> {
  const {weighting, objective, ahpMethod, aggregation, combination, alpha} = config;
  return {weighting, objective, ahpMethod, aggregation, combination, alpha};
}

function finish(data: CaseData, base: Analysis, config: ReportConfig): ReweightedAnalysis {
  const {system} = data;
  const methodWeights = base.weights.final;
  const edited = Object.keys(config.weights).length > 0;
  const final = edited ? overrideWeights(system, methodWeights, config.weights) : methodWeights;
  const scores = edited ? scoreHierarchy(base.columns, system, final) : base.scores;

  const {x, y} = config.threshold;
  // NOTE: AnalysisConfig has one threshold for both axes, so `config.threshold` of the
  // result holds the x axis's; `classes.thresholds` holds the split used on each axis.
  const analysisConfig: AnalysisConfig = {
    ...base.config,
    model: config.model,
    sideAlpha: config.sideAlpha,
    threshold: x
  };
  const rescored = rescore(data, scores, analysisConfig);
  const classes =
    x === y
      ? rescored.classes
      : classify(axisScores(scores, rescored.axes.x), axisScores(scores, rescored.axes.y), {
          threshold: {x, y}
        });
  const methodLocal = localWeights(system, methodWeights);
  return {
    ...base,
    ...rescored,
    config: analysisConfig,
    classes,
    weights: {...base.weights, final},
    scores,
    report: config,
    methodWeights,
    methodLocal,
    local: edited ? {...methodLocal, ...config.weights} : methodLocal
  };
}

/**
 * Runs the method on a case with a report configuration: the case's AHP judgments with the
 * edited nodes replaced, the configured weighting (see `analyzeCase`), the hand-set local
 * weights (see `overrideWeights`), then relationship value under the configured model and
 * the value-matrix classes with one threshold per axis.
 *
 * @throws Error as `analyzeCase` and `overrideWeights` do, e.g. for weights of a node the
 *   case's index system does not have
 * @example analyzeWithConfig(data, {...defaultReportConfig, alpha: 0.7}).weights.final
 */
export function analyzeWithConfig(data: CaseData, config: ReportConfig): ReweightedAnalysis {
  const base = analyzeCase(withJudgments(data, config.judgments), methodOptions(config));
  return finish(data, base, config);
}

/**
 * Returns a function that does what `analyzeWithConfig` does for one case, but runs the
 * weighting step (normalisation, AHP, objective weights) again only when its options or the
 * judgments change. Moving a hand-set weight, the model or a threshold then only scores and
 * classifies again, which keeps a slider drag fast on large cases.
 *
 * @example const run = createReweighter(data); run(config).classes.counts
 */
export function createReweighter(data: CaseData): (config: ReportConfig) => ReweightedAnalysis {
  let key = "";
  let base: Analysis | null = null;
  return (config) => {
    const nextKey = JSON.stringify([methodOptions(config), config.judgments]);
    if (base === null || nextKey !== key) {
      base = analyzeCase(withJudgments(data, config.judgments), methodOptions(config));
      key = nextKey;
    }
    return finish(data, base, config);
  };
}
