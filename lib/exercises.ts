// Exercises of the guided tour: one or two kinds per step of the method, each drawn from a
// case and its analysis with a seed, in English or Simplified Chinese. The generators live in
// exercises/, one file per step; this module draws, lists and re-exports them.
import {median} from "simple-statistics";
import {axisScores, type Analysis} from "./pipeline.js";
import {seededRandom} from "./random.js";
import {consistency, nodeConsistency} from "./exercises/ahp.js";
import {classifyExercise, weightDoubles} from "./exercises/classes.js";
import {
  axisNodes,
  judgedNodes,
  sideDimensions,
  sideIndicators,
  sidesWith
} from "./exercises/common.js";
import {twoViews} from "./exercises/idea.js";
import {minMax} from "./exercises/indexSystem.js";
import {combinedWeight, entropyWeight} from "./exercises/objectiveWeights.js";
import {coupling} from "./exercises/relationshipValue.js";
import {dimensionScore, sideScore} from "./exercises/scores.js";
import {ipaGain} from "./exercises/strategies.js";
import {
  exerciseKinds,
  exerciseLanguages,
  type Exercise,
  type ExerciseContext,
  type ExerciseFocus,
  type ExerciseKind,
  type ExerciseLang,
  type ExerciseStep,
  type Generator
} from "./exercises/types.js";

export {checkAnswer, parseAnswerNumber} from "./exercises/answers.js";
export {exerciseKinds, exerciseLanguages} from "./exercises/types.js";
export type {
  AnswerCheck,
  ChoiceAnswer,
  Exercise,
  ExerciseContext,
  ExerciseFocus,
  ExerciseKind,
  ExerciseLang,
  ExerciseStep,
  GivenValue,
  NumberAnswer,
  SolutionStep
} from "./exercises/types.js";

const generators: Record<ExerciseKind, Generator> = {
  twoViews,
  minMax,
  consistency,
  nodeConsistency,
  entropyWeight,
  combinedWeight,
  dimensionScore,
  sideScore,
  coupling,
  classify: classifyExercise,
  weightDoubles,
  ipaGain
};

/**
 * Returns why an exercise kind cannot be drawn from a case, or null when it can. The AHP
 * node exercise needs a node of 3 or more elements with judgments. The entropy exercise needs
 * a side with 2 indicators and the side score a side with 2 dimensions. The weight-doubling
 * exercise needs an axis of the value matrix made of 2 parts or more.
 */
export function unavailableReason(kind: ExerciseKind, context: ExerciseContext): string | null {
  const {data} = context;
  if (!(kind in generators)) return `unknown exercise kind "${kind}"`;
  if (kind === "nodeConsistency" && judgedNodes(data).length === 0) {
    return "no AHP node of this case compares 3 or more elements with expert judgments";
  }
  if (
    kind === "entropyWeight" &&
    sidesWith(data, (s) => sideIndicators(data, s).length).length === 0
  ) {
    return "no side of this case has 2 or more indicators";
  }
  if (kind === "sideScore" && sidesWith(data, (s) => sideDimensions(data, s).length).length === 0) {
    return "no side of this case has 2 or more dimensions";
  }
  if (kind === "weightDoubles" && axisNodes(context).length === 0) {
    return "neither axis of this case's value matrix is made of 2 or more weighted parts";
  }
  return null;
}

/**
 * Lists the exercise kinds of one step (or of every step) that a case supports, in the order
 * of {@link exerciseKinds}.
 *
 * @example availableKinds(context, "ahp") // ["consistency", "nodeConsistency"]
 */
export function availableKinds(context: ExerciseContext, step?: ExerciseStep): ExerciseKind[] {
  return (Object.keys(exerciseKinds) as ExerciseKind[]).filter(
    (kind) =>
      (step === undefined || exerciseKinds[kind].step === step) &&
      unavailableReason(kind, context) === null
  );
}

/**
 * Generates one exercise of a kind from a case and its analysis, with its texts in `lang`
 * ("en", the default, or "zh" for Simplified Chinese). Everything that is not fixed by
 * `focus` (customer, indicator, node, …) is drawn with `seededRandom(seed)`, so the same
 * case, analysis, kind and seed always give the same exercise, and the same numbers in both
 * languages. Every number in the answer and in the worked solution comes from the library:
 * `ahp`, `entropyWeights`, `combineWeights`, `couplingCoordination`, `classify`,
 * `importancePerformance` and the analysis's own scores.
 *
 * Throws on an unknown kind or language, a seed that is not an integer from 0 to 2³² − 1, a
 * kind the case does not support (see {@link unavailableReason}) and a focus that names an
 * unknown or unusable customer, indicator, dimension, node, side or class.
 *
 * @example generateExercise("coupling", {data, analysis}, 7).answer // {type: "number", …}
 */
export function generateExercise(
  kind: ExerciseKind,
  context: ExerciseContext,
  seed: number,
  focus: ExerciseFocus = {},
  lang: ExerciseLang = "en"
): Exercise {
  const generator = generators[kind];
  if (!generator) {
    throw new Error(
      `unknown exercise kind "${kind}"; expected one of ${Object.keys(generators).join(", ")}`
    );
  }
  if (!exerciseLanguages.includes(lang)) {
    throw new Error(`unknown language "${lang}"; expected one of ${exerciseLanguages.join(", ")}`);
  }
  const reason = unavailableReason(kind, context);
  if (reason !== null)
    throw new Error(`exercise "${kind}" cannot be drawn from case ${context.data.id}: ${reason}`);

  const rng = seededRandom(seed);

  const draft = generator(rng, context, focus, lang);
  const caseId = context.data.id;

  return {
    id: `${caseId}/${kind}/${seed}`,
    kind,
    step: exerciseKinds[kind].step,
    seed,
    caseId,
    lang,
    ...draft
  };
}

/**
 * Picks the customer that the worked examples follow by default: the one nearest to the
 * median of both axes of the value matrix (Euclidean distance), the first such row on ties.
 *
 * @example exampleCustomer(analysis) // e.g. 137
 */
export function exampleCustomer(analysis: Pick<Analysis, "scores" | "axes">): number {
  const x = axisScores(analysis.scores, analysis.axes.x);
  const y = axisScores(analysis.scores, analysis.axes.y);
  const [mx, my] = [median(Array.from(x)), median(Array.from(y))];
  let best = 0;
  for (let i = 1; i < x.length; i++) {
    if (Math.hypot(x[i] - mx, y[i] - my) < Math.hypot(x[best] - mx, y[best] - my)) best = i;
  }
  return best;
}
