import type {CaseData} from "../caseData.js";
import type {AxisThresholds, ValueClass} from "../classify.js";
import type {Analysis} from "../pipeline.js";
import type {Rng} from "../random.js";
import type {Label, Side} from "../types.js";

/** Steps of the method, in the order the guided tour teaches them. */
export type ExerciseStep =
  | "idea"
  | "indexSystem"
  | "ahp"
  | "objectiveWeights"
  | "scores"
  | "relationshipValue"
  | "classes"
  | "strategies";

/** Kinds of exercise; each belongs to one step (see {@link exerciseKinds}). */
export type ExerciseKind =
  | "twoViews"
  | "minMax"
  | "consistency"
  | "nodeConsistency"
  | "entropyWeight"
  | "combinedWeight"
  | "dimensionScore"
  | "sideScore"
  | "coupling"
  | "classify"
  | "weightDoubles"
  | "ipaGain";

/** Languages an exercise is written in: English or Simplified Chinese. */
export type ExerciseLang = "en" | "zh";

/** The languages of {@link ExerciseLang}, English first. */
export const exerciseLanguages: readonly ExerciseLang[] = ["en", "zh"];

/**
 * The step and a short title of every exercise kind, in tour order. `title` is the English
 * title; `label` holds it with its Simplified Chinese translation.
 */
export const exerciseKinds: Record<
  ExerciseKind,
  {step: ExerciseStep; title: string; label: Label}
> = {
  twoViews: kind("idea", "One side or both?", "只看一方，还是兼顾双方？"),
  minMax: kind("indexSystem", "Min–max normalisation", "极差标准化"),
  consistency: kind("ahp", "Is this matrix consistent enough?", "该判断矩阵的一致性可以接受吗？"),
  nodeConsistency: kind(
    "ahp",
    "Consistency of the experts' pooled matrix",
    "专家集结判断矩阵的一致性"
  ),
  entropyWeight: kind("objectiveWeights", "Entropy weight", "熵权"),
  combinedWeight: kind("objectiveWeights", "Combined weight", "组合权重"),
  dimensionScore: kind("scores", "Dimension score", "维度得分"),
  sideScore: kind("scores", "Side score", "价值方得分"),
  coupling: kind("relationshipValue", "Coupling coordination degree D", "耦合协调度 D"),
  classify: kind("classes", "Which class?", "属于哪一类？"),
  weightDoubles: kind("classes", "Which class if a weight doubles?", "权重加倍后属于哪一类？"),
  ipaGain: kind("strategies", "Importance–performance gain", "重要性–绩效分析的改进收益")
};

function kind(step: ExerciseStep, en: string, zh: string) {
  return {step, title: en, label: {en, zh}};
}

/** A numeric answer, accepted within ± `tolerance` of `value`. */
export interface NumberAnswer {
  type: "number";
  value: number;
  tolerance: number;
  /** Decimals to show the answer with. */
  decimals: number;
}

/** An answer that is one of a few options, matched by id or label. */
export interface ChoiceAnswer {
  type: "choice";
  value: string;
  options: {id: string; label: string}[];
}

/** A quantity the exercise gives: `symbol` is TeX, `value` is shown as written. */
export interface GivenValue {
  symbol: string;
  label: string;
  value: string;
}

/** One line of a worked solution: text, an optional TeX formula and the value it reaches. */
export interface SolutionStep {
  text: string;
  tex?: string;
  value?: number;
}

/** A generated exercise with its answer and worked solution. */
export interface Exercise {
  /** `CASE/KIND/SEED`, unique for a case, kind and seed (the same in both languages). */
  id: string;
  kind: ExerciseKind;
  step: ExerciseStep;
  seed: number;
  caseId: string;
  /** Language of the texts: question, labels, option labels and solution texts. */
  lang: ExerciseLang;
  question: string;
  given: GivenValue[];
  /** A comparison matrix to show, for the AHP exercises. */
  matrix?: {labels: string[]; rows: string[][]};
  /** The formula to use, in TeX. */
  formula: string;
  answer: NumberAnswer | ChoiceAnswer;
  solution: SolutionStep[];
}

/**
 * The case and analysis that exercises are drawn from. `data` must carry the AHP judgments
 * the analysis used (for edited judgments, `withJudgments(data, …)`). `threshold` is the
 * class split rule per axis, by default the analysis's own rule.
 */
export interface ExerciseContext {
  data: CaseData;
  analysis: Analysis;
  threshold?: AxisThresholds;
}

/**
 * Fixes parts of an exercise that are otherwise drawn from the seed, so that a page can show
 * the worked solution for the customer, indicator or node the reader chose.
 */
export interface ExerciseFocus {
  /** 0-based row of the customer in the case. */
  customer?: number;
  indicator?: string;
  dimension?: string;
  node?: string;
  side?: Side;
  classId?: ValueClass;
}

/** Result of checking a typed answer. */
export interface AnswerCheck {
  status: "correct" | "incorrect" | "invalid";
  message: string;
}

/** An exercise before its id, kind, step, seed, case and language are filled in. */
export type Draft = Omit<Exercise, "id" | "kind" | "step" | "seed" | "caseId" | "lang">;

/**
 * Draws one kind of exercise. Every number comes from `rng` and the context alone, never
 * from `lang`, so the two languages of one seed show the same numbers.
 */
export type Generator = (
  rng: Rng,
  context: ExerciseContext,
  focus: ExerciseFocus,
  lang: ExerciseLang
) => Draft;
