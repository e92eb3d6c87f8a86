import {median} from "simple-statistics";
import {
  ahp,
  aggregateJudgments,
  inconsistentJudgments,
  nearestSaatyValue,
  SAATY_SCALE
} from "./ahp.js";
import type {CaseData} from "./caseData.js";
import {classify, valueClasses, type AxisThresholds, type ValueClass} from "./classify.js";
import {combineWeights} from "./combine.js";
import {coordinationGrades, couplingCoordination} from "./coupling.js";
import {entropyWeights} from "./entropy.js";
import {hierarchyNodes} from "./hierarchy.js";
import {sideLabels} from "./indexSystem.js";
import {minMaxColumns} from "./normalize.js";
import {axisScores, type Analysis, type MatrixAxes} from "./pipeline.js";
import {randomInt, seededRandom, type Rng} from "./random.js";
import {scoreHierarchy} from "./scores.js";
import {importancePerformance, type IpaQuadrant} from "./strategy.js";
import type {Side} from "./types.js";
import {localWeights, overrideWeights} from "./weightsEdit.js";

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

/** The step and a short title of every exercise kind, in tour order. */
export const exerciseKinds: Record<ExerciseKind, {step: ExerciseStep; title: string}> = {
  twoViews: {step: "idea", title: "One side or both?"},
  minMax: {step: "indexSystem", title: "Min–max normalisation"},
  consistency: {step: "ahp", title: "Is this matrix consistent enough?"},
  nodeConsistency: {step: "ahp", title: "Consistency of the experts' pooled matrix"},
  entropyWeight: {step: "objectiveWeights", title: "Entropy weight"},
  combinedWeight: {step: "objectiveWeights", title: "Combined weight"},
  dimensionScore: {step: "scores", title: "Dimension score"},
  sideScore: {step: "scores", title: "Side score"},
  coupling: {step: "relationshipValue", title: "Coupling coordination degree D"},
  classify: {step: "classes", title: "Which class?"},
  weightDoubles: {step: "classes", title: "Which class if a weight doubles?"},
  ipaGain: {step: "strategies", title: "Importance–performance gain"}
};

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
  /** `CASE/KIND/SEED`, unique for a case, kind and seed. */
  id: string;
  kind: ExerciseKind;
  step: ExerciseStep;
  seed: number;
  caseId: string;
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

// Scores, weights and other values in [0, 1] are accepted within this distance, which covers
// working with the four decimals an exercise shows.
const unitTolerance = 0.005;
// A drawn customer or matrix closer than this to a decision boundary is drawn again, so that
// the rounded numbers an exercise shows always lead to the same decision. A recomputed score
// sums up to a handful of rounded products, so it needs a wider margin than a given score.
const boundaryMargin = 0.0005;
const recomputedMargin = 0.002;
const crMargin = 0.005;
const maxDraws = 500;

function fixed(x: number, digits = 4): string {
  const text = x.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** Writes a raw value with at most four decimals and no trailing zeros. */
function plain(x: number): string {
  return String(Number(x.toFixed(4)));
}

/** Writes `a ≥ b` or `a < b` in TeX, with four decimals. */
function compare(a: number, b: number): string {
  return `${fixed(a)} ${a >= b ? "\\ge" : "<"} ${fixed(b)}`;
}

/** Writes Σ a·b in TeX as "a₁ × b₁ + a₂ × b₂ + …"; `format` writes each first factor. */
function weightedSum(pairs: number[][], format: (x: number) => string = fixed): string {
  return pairs.map(([a, b]) => `${format(a)} \\times ${fixed(b)}`).join(" + ");
}

function list(values: readonly number[]): string {
  return values.map((x) => fixed(x, 3)).join(", ");
}

function side(value: number, split: number): string {
  return value >= split ? "at or above" : "below";
}

function gradeName(grade: number): string {
  return coordinationGrades[grade].en.toLowerCase();
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[randomInt(rng, items.length)];
}

function sum(values: readonly number[]): number {
  return values.reduce((total, x) => total + x, 0);
}

function className(id: ValueClass): string {
  return valueClasses.find((info) => info.id === id)?.label.en ?? id;
}

const classOptions = valueClasses.map((info) => ({id: info.id, label: info.label.en}));

function sidesOf(data: CaseData): Map<string, Side> {
  return new Map(data.system.dimensions.map((dimension) => [dimension.id, dimension.side]));
}

function labelOf(data: CaseData, id: string): string {
  if (id === "crv" || id === "hrv") return sideLabels[id].en;
  const dimension = data.system.dimensions.find((entry) => entry.id === id);
  if (dimension) return dimension.label.en;
  return data.system.indicators.find((entry) => entry.id === id)?.label.en ?? id;
}

function axisName(data: CaseData, axis: MatrixAxes["x"]): string {
  return axis.kind === "side" ? axis.id.toUpperCase() : labelOf(data, axis.id);
}

function checkCustomer(data: CaseData, customer: number): number {
  if (!Number.isInteger(customer) || customer < 0 || customer >= data.ids.length) {
    throw new Error(
      `customer ${customer} is not a row of case ${data.id}; expected 0 to ${data.ids.length - 1}`
    );
  }
  return customer;
}

/** Draws customers until `accept` holds; gives up after `maxDraws` and takes the last. */
function drawCustomer(rng: Rng, data: CaseData, accept: (i: number) => boolean = () => true) {
  let i = randomInt(rng, data.ids.length);
  for (let draw = 1; draw < maxDraws && !accept(i); draw++) i = randomInt(rng, data.ids.length);
  return i;
}

function customerOf(
  rng: Rng,
  context: ExerciseContext,
  focus: ExerciseFocus,
  accept?: (i: number) => boolean
) {
  return focus.customer === undefined
    ? drawCustomer(rng, context.data, accept)
    : checkCustomer(context.data, focus.customer);
}

function customerName(data: CaseData, i: number): string {
  return `customer ${data.ids[i]}`;
}

function chooseId(rng: Rng, candidates: string[], wanted: string | undefined, what: string) {
  if (wanted === undefined) return pick(rng, candidates);
  if (!candidates.includes(wanted)) {
    throw new Error(
      `${what} "${wanted}" cannot be used here; expected one of ${candidates.join(", ")}`
    );
  }
  return wanted;
}

function couplingTex(u1: number, u2: number, alpha: number) {
  const {c, t, d, grade} = couplingCoordination([u1], [u2], {alpha});
  const a = fixed(u1);
  const b = fixed(u2);
  const steps: SolutionStep[] = [
    {
      text: "Coupling degree: how balanced the two sides are (1 when they are equal).",
      tex: `C = \\frac{2\\sqrt{${a} \\times ${b}}}{${a} + ${b}} = ${fixed(c[0])}`,
      value: c[0]
    },
    {
      text: "Comprehensive development index: how high the two sides are together.",
      tex: `T = ${plain(alpha)} \\times ${a} + ${plain(1 - alpha)} \\times ${b} = ${fixed(t[0])}`,
      value: t[0]
    },
    {
      text: `Coupling coordination degree, grade "${gradeName(grade[0])}".`,
      tex: `D = \\sqrt{C\\,T} = \\sqrt{${fixed(c[0])} \\times ${fixed(t[0])}} = ${fixed(d[0])}`,
      value: d[0]
    }
  ];

  return {c: c[0], t: t[0], d: d[0], grade: grade[0], steps};
}

const couplingFormula = [
  "C = \\frac{2\\sqrt{U_1 U_2}}{U_1 + U_2}",
  "T = \\alpha U_1 + \\beta U_2",
  "D = \\sqrt{C\\,T}"
].join(",\\quad ");

function numberAnswer(value: number, decimals = 4, tolerance = unitTolerance): NumberAnswer {
  return {type: "number", value, tolerance, decimals};
}

type Draft = Omit<Exercise, "id" | "kind" | "step" | "seed" | "caseId">;
type Generator = (rng: Rng, context: ExerciseContext, focus: ExerciseFocus) => Draft;

function twoViews(rng: Rng, {data, analysis}: ExerciseContext): Draft {
  const alpha = analysis.config.sideAlpha;
  const crv = analysis.scores.sides.crv;
  const hrv = analysis.scores.sides.hrv;
  let guests: {name: string; u1: number; u2: number}[] | null = null;
  let real = false;
  if (crv && hrv) {
    const d = analysis.coupling?.d ?? couplingCoordination(crv, hrv, {alpha}).d;
    // A pair that HRV and D rank in opposite orders, both gaps clear of rounding.
    for (let draw = 0; draw < maxDraws && guests === null; draw++) {
      const a = randomInt(rng, data.ids.length);
      const b = randomInt(rng, data.ids.length);
      if (hrv[a] - hrv[b] > 0.02 && d[b] - d[a] > 0.02) {
        guests = [
          {name: customerName(data, a), u1: crv[a], u2: hrv[a]},
          {name: customerName(data, b), u1: crv[b], u2: hrv[b]}
        ];
        real = true;
      }
    }
  }

  if (guests === null) {
    const round2 = (x: number) => Math.round(x * 100) / 100;
    guests = [
      {name: "guest A", u1: round2(0.08 + 0.2 * rng()), u2: round2(0.75 + 0.2 * rng())},
      {name: "guest B", u1: round2(0.45 + 0.2 * rng()), u2: round2(0.5 + 0.15 * rng())}
    ];
  }

  if (rng() < 0.5) guests.reverse();
  const [first, second] = guests;
  const one = couplingTex(first.u1, first.u2, alpha);
  const two = couplingTex(second.u1, second.u2, alpha);
  const higherHrv = first.u2 > second.u2 ? "first" : "second";
  const higherD = one.d > two.d ? "first" : "second";
  const names = {first: first.name, second: second.name};
  const intro = real
    ? "Two customers of this case"
    : "Two hypothetical guests (this case does not measure customer-received value)";

  return {
    question:
      `${intro}: ${first.name} and ${second.name}. A hotel that looks only at what it ` +
      `receives ranks ${names[higherHrv]} first, because its HRV is higher. Which of the ` +
      `two has the higher relationship value D (α = ${plain(alpha)} on CRV)?`,
    given: [
      ...guests.flatMap((guest) => [
        {symbol: "U_1", label: `CRV of ${guest.name}`, value: fixed(guest.u1)},
        {symbol: "U_2", label: `HRV of ${guest.name}`, value: fixed(guest.u2)}
      ]),
      {symbol: "\\alpha", label: "weight of CRV in T", value: plain(alpha)}
    ],
    formula: couplingFormula,
    answer: {
      type: "choice",
      value: higherD,
      options: [
        {id: "first", label: first.name},
        {id: "second", label: second.name}
      ]
    },
    solution: [
      {text: `For ${first.name}:`},
      ...one.steps,
      {text: `For ${second.name}:`},
      ...two.steps,
      {
        text:
          `${names[higherD]} has the higher D: ${fixed(Math.max(one.d, two.d))} against ` +
          `${fixed(Math.min(one.d, two.d))}. ` +
          (higherD === higherHrv
            ? "Here both views agree."
            : "The hotel-only view picks the other guest, whose value is lopsided: a " +
              "relationship that gives one side little is at risk."),
        value: Math.max(one.d, two.d)
      }
    ]
  };
}

function minMax(rng: Rng, {data, analysis}: ExerciseContext, focus: ExerciseFocus): Draft {
  const usable = data.system.indicators
    .map((item) => item.id)
    .filter((id) => !analysis.degenerate.includes(id));
  if (usable.length === 0) throw new Error(`every indicator of case ${data.id} is constant`);
  const id = chooseId(rng, usable, focus.indicator, "indicator");
  const j = data.system.indicators.findIndex((item) => item.id === id);
  const item = data.system.indicators[j];
  const i = customerOf(rng, {data, analysis}, focus);
  const column = data.values.map((row) => row[j]);
  const scaled = minMaxColumns([column], [item.direction]);
  const [min, max, x, value] = [scaled.min[0], scaled.max[0], column[i], scaled.columns[0][i]];
  const numerator =
    item.direction === "benefit" ? `${plain(x)} - ${plain(min)}` : `${plain(max)} - ${plain(x)}`;

  return {
    question:
      `${item.label.en} is a ${item.direction} indicator ` +
      `(${item.direction === "benefit" ? "more" : "less"} is better). ` +
      `For ${customerName(data, i)} the raw value is x below. What is its min–max normalised ` +
      "value x′?",
    given: [
      {symbol: "x", label: `${item.label.en} of ${customerName(data, i)}`, value: plain(x)},
      {symbol: "\\min", label: "lowest value in the case", value: plain(min)},
      {symbol: "\\max", label: "highest value in the case", value: plain(max)}
    ],
    formula:
      item.direction === "benefit"
        ? "x' = \\frac{x - \\min}{\\max - \\min}"
        : "x' = \\frac{\\max - x}{\\max - \\min}",
    answer: numberAnswer(value),
    solution: [
      {
        text:
          item.direction === "benefit"
            ? "A benefit indicator measures the distance from the worst (lowest) value."
            : "A cost indicator is reversed: the distance from the worst (highest) value.",
        tex: `x' = \\frac{${numerator}}{${plain(max)} - ${plain(min)}} = ${fixed(value)}`,
        value
      },
      {
        text:
          "So 0 is the worst customer in the case, 1 the best, and " +
          `${customerName(data, i)} sits at ${fixed(value)}.`
      }
    ]
  };
}

const criteria = ["Room quality", "Location", "Service", "Price"];

/** Draws a 4 × 4 reciprocal matrix on Saaty's scale, consistent or with judgments changed. */
function drawMatrix(rng: Rng): number[][] {
  const n = criteria.length;
  const w = Array.from({length: n}, () => 1 + 8 * rng());
  const matrix = Array.from({length: n}, () => new Array<number>(n).fill(1));
  const upper: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      matrix[i][j] = nearestSaatyValue(w[i] / w[j]);
      upper.push([i, j]);
    }
  }
  const changes = randomInt(rng, 3);
  for (let k = 0; k < changes; k++) {
    const [i, j] = pick(rng, upper);
    matrix[i][j] = pick(rng, SAATY_SCALE);
  }
  for (const [i, j] of upper) matrix[j][i] = 1 / matrix[i][j];
  return matrix;
}

function judgmentText(x: number): string {
  if (x >= 1) return plain(x);
  const k = Math.round(1 / x);
  return Math.abs(1 / k - x) < 1e-9 ? `1/${k}` : plain(x);
}

function consistencySteps(result: ReturnType<typeof ahp>, n: number): SolutionStep[] {
  return [
    {
      text: "Consistency index from the principal eigenvalue.",
      tex: `CI = \\frac{${fixed(result.lambdaMax)} - ${n}}{${n} - 1} = ${fixed(result.ci)}`,
      value: result.ci
    },
    {
      text: `Consistency ratio, with Saaty's random index for n = ${n}.`,
      tex: `CR = \\frac{${fixed(result.ci)}}{${plain(result.ri)}} = ${fixed(result.cr, 3)}`,
      value: result.cr
    }
  ];
}

function consistency(rng: Rng): Draft {
  let matrix = drawMatrix(rng);
  let result = ahp(matrix);
  for (let draw = 1; draw < maxDraws && Math.abs(result.cr - 0.1) < crMargin; draw++) {
    matrix = drawMatrix(rng);
    result = ahp(matrix);
  }
  const n = matrix.length;
  const worst = inconsistentJudgments(matrix)[0];
  const verdict: SolutionStep = {
    text: result.consistent
      ? `CR = ${fixed(result.cr, 3)} ≤ 0.10, so the judgments are consistent enough to use.`
      : `CR = ${fixed(result.cr, 3)} > 0.10, so the expert should revise. The judgment ` +
        `furthest from the priorities is ${criteria[worst.i]} vs ${criteria[worst.j]} ` +
        `(${judgmentText(worst.value)}); the priorities imply about ` +
        `${judgmentText(worst.suggested)}.`
  };

  return {
    question:
      "An expert compared four attributes of a hotel stay in pairs on Saaty's 1–9 scale. " +
      "The principal eigenvalue of the matrix is given. Is the matrix consistent enough to " +
      "use (CR ≤ 0.10)?",
    given: [
      {symbol: "\\lambda_{\\max}", label: "principal eigenvalue", value: fixed(result.lambdaMax)},
      {symbol: "n", label: "order of the matrix", value: String(n)},
      {symbol: "RI", label: `Saaty's random index for n = ${n}`, value: plain(result.ri)}
    ],
    matrix: {labels: criteria, rows: matrix.map((row) => row.map(judgmentText))},
    formula: "CI = \\frac{\\lambda_{\\max} - n}{n - 1},\\quad CR = \\frac{CI}{RI}",
    answer: {
      type: "choice",
      value: result.consistent ? "yes" : "no",
      options: [
        {id: "yes", label: "yes"},
        {id: "no", label: "no"}
      ]
    },
    solution: [...consistencySteps(result, n), verdict]
  };
}

function judgedNodes(data: CaseData): {node: string; order: string[]; matrices: number[][][]}[] {
  const byNode = new Map(data.experts.judgments.map((entry) => [entry.node, entry]));
  return hierarchyNodes(data.system)
    .filter(({order}) => order.length >= 3)
    .flatMap(({node, order}) => {
      const judgments = byNode.get(node);
      return judgments && judgments.matrices.length > 0
        ? [{node, order, matrices: judgments.matrices}]
        : [];
    });
}

function nodeConsistency(rng: Rng, {data}: ExerciseContext, focus: ExerciseFocus): Draft {
  const nodes = judgedNodes(data);
  if (nodes.length === 0) {
    throw new Error(`case ${data.id} has no AHP node with 3 or more judged elements`);
  }
  const node = chooseId(
    rng,
    nodes.map((entry) => entry.node),
    focus.node,
    "node"
  );
  const {order, matrices} = nodes.find((entry) => entry.node === node)!;
  const pooled = aggregateJudgments(matrices);
  const result = ahp(pooled);
  const n = order.length;
  const experts =
    matrices.length === 1
      ? "one expert's matrix"
      : `the element-wise geometric mean of ${matrices.length} experts' matrices (AIJ)`;

  return {
    question:
      `At the node "${labelOf(data, node)}" the case's experts compared ${n} elements. The ` +
      `matrix below is ${experts}. What is its consistency ratio CR?`,
    given: [
      {symbol: "\\lambda_{\\max}", label: "principal eigenvalue", value: fixed(result.lambdaMax)},
      {symbol: "n", label: "order of the matrix", value: String(n)},
      {symbol: "RI", label: `Saaty's random index for n = ${n}`, value: plain(result.ri)}
    ],
    matrix: {
      labels: order.map((id) => labelOf(data, id)),
      rows: pooled.map((row) => row.map((x) => fixed(x, 3)))
    },
    formula: "CI = \\frac{\\lambda_{\\max} - n}{n - 1},\\quad CR = \\frac{CI}{RI}",
    answer: numberAnswer(result.cr, 3),
    solution: [
      ...consistencySteps(result, n),
      {
        text: result.consistent
          ? "CR ≤ 0.10: the pooled judgments are consistent enough, and their principal " +
            `eigenvector gives the local weights ${list(result.weights)}.`
          : "CR > 0.10: the pooled judgments should be revised before their weights are used."
      }
    ]
  };
}

function sideIndicators(data: CaseData, side: Side): number[] {
  const sideOf = sidesOf(data);
  return data.system.indicators
    .map((item, j) => (sideOf.get(item.dimension) === side ? j : -1))
    .filter((j) => j >= 0);
}

function sidesWith(data: CaseData, count: (side: Side) => number): Side[] {
  return (["crv", "hrv"] as Side[]).filter((side) => count(side) >= 2);
}

function entropyWeight(rng: Rng, {data}: ExerciseContext, focus: ExerciseFocus): Draft {
  const sides = sidesWith(data, (side) => sideIndicators(data, side).length);
  if (sides.length === 0) throw new Error(`case ${data.id} has no side with two indicators`);
  const side = chooseId(rng, sides, focus.side, "side") as Side;
  const indexes = sideIndicators(data, side);
  const rows = data.values.map((row) => indexes.map((j) => row[j]));
  const result = entropyWeights(
    rows,
    indexes.map((j) => data.system.indicators[j].direction)
  );
  const ids = indexes.map((j) => data.system.indicators[j].id);
  const k = ids.indexOf(chooseId(rng, ids, focus.indicator, "indicator"));
  const total = sum(result.divergence);
  const name = (index: number) => data.system.indicators[indexes[index]].label.en;

  return {
    question:
      `The entropy method weighs the ${ids.length} indicators of ${side.toUpperCase()} by how ` +
      `unevenly the customers spread over them. Their entropies e_j are given. What is the ` +
      `entropy weight of ${name(k)}?`,
    given: result.entropy.map((e, index) => ({
      symbol: `e_{${index + 1}}`,
      label: name(index),
      value: fixed(e)
    })),
    formula: "w_k = \\frac{1 - e_k}{\\sum_j (1 - e_j)}",
    answer: numberAnswer(result.weights[k]),
    solution: [
      {
        text:
          "Divergence d_j = 1 − e_j: the more uneven an indicator, the more it tells " +
          "customers apart.",
        tex: result.divergence.map((d, index) => `d_{${index + 1}} = ${fixed(d)}`).join(",\\; "),
        value: result.divergence[k]
      },
      {text: "Sum of the divergences.", tex: `\\sum_j d_j = ${fixed(total)}`, value: total},
      {
        text: `Weight of ${name(k)}.`,
        tex:
          `w_{${k + 1}} = \\frac{${fixed(result.divergence[k])}}{${fixed(total)}} = ` +
          fixed(result.weights[k]),
        value: result.weights[k]
      }
    ]
  };
}

function combinedWeight(rng: Rng, {data, analysis}: ExerciseContext, focus: ExerciseFocus): Draft {
  const ids = data.system.indicators.map((item) => item.id);
  const j = ids.indexOf(chooseId(rng, ids, focus.indicator, "indicator"));
  const item = data.system.indicators[j];
  const side = sidesOf(data).get(item.dimension) as Side;
  const indexes = sideIndicators(data, side);
  const k = indexes.indexOf(j);
  const subjective = indexes.map((index) => analysis.weights.subjective[index]);
  const objective = indexes.map((index) => analysis.weights.objective[index]);
  const {combination, alpha, objective: method} = analysis.config;
  const multiplicative = combination === "multiplicative";
  const combined = combineWeights(
    subjective,
    objective,
    multiplicative ? {mode: "multiplicative"} : {alpha}
  );
  const [ws, wo, w] = [subjective[k], objective[k], combined[k]];
  const products = sum(subjective.map((s, index) => s * objective[index]));
  const given: GivenValue[] = [
    {symbol: "w^{s}_j", label: `AHP weight of ${item.label.en}`, value: fixed(ws)},
    {symbol: "w^{o}_j", label: `${method} weight of ${item.label.en}`, value: fixed(wo)}
  ];
  if (multiplicative) {
    given.push({
      symbol: "\\sum_k w^{s}_k w^{o}_k",
      label: `sum of the products over ${side.toUpperCase()}`,
      value: fixed(products)
    });
  } else {
    given.push({symbol: "\\alpha", label: "share of the AHP weight", value: plain(alpha)});
  }

  return {
    question:
      `The weights used for scoring combine the experts' AHP weights with the ${method} ` +
      `weights of the data, ${multiplicative ? "by the multiplicative rule" : "linearly"}. ` +
      `What is the combined weight of ${item.label.en} within ${side.toUpperCase()}?`,
    given,
    formula: multiplicative
      ? "w_j = \\frac{w^{s}_j\\, w^{o}_j}{\\sum_k w^{s}_k\\, w^{o}_k}"
      : "w_j = \\alpha\\, w^{s}_j + (1 - \\alpha)\\, w^{o}_j",
    answer: numberAnswer(w),
    solution: [
      {
        text: multiplicative
          ? "The product of the two weights, rescaled so that the side's weights sum to 1."
          : "A weighted average of the two weights; the side's weights still sum to 1.",
        tex: multiplicative
          ? `w_j = \\frac{${fixed(ws)} \\times ${fixed(wo)}}{${fixed(products)}} = ${fixed(w)}`
          : `w_j = ${weightedSum(
              [
                [alpha, ws],
                [1 - alpha, wo]
              ],
              plain
            )} = ${fixed(w)}`,
        value: w
      }
    ]
  };
}

function dimensionsWithIndicators(data: CaseData): string[] {
  return data.system.dimensions
    .map((dimension) => dimension.id)
    .filter((id) => data.system.indicators.some((item) => item.dimension === id));
}

function dimensionScore(rng: Rng, context: ExerciseContext, focus: ExerciseFocus): Draft {
  const {data, analysis} = context;
  const all = dimensionsWithIndicators(data);
  const several = all.filter(
    (id) => data.system.indicators.filter((item) => item.dimension === id).length >= 2
  );
  const candidates = focus.dimension === undefined && several.length > 0 ? several : all;
  const dimension = chooseId(rng, candidates, focus.dimension, "dimension");
  const i = customerOf(rng, context, focus);
  const members = data.system.indicators
    .map((item, j) => ({item, j}))
    .filter(({item}) => item.dimension === dimension);
  const total = analysis.scores.dimensionWeights[dimension];
  const rows = members.map(({item, j}) => ({
    item,
    local: total > 0 ? analysis.weights.final[j] / total : 1 / members.length,
    x: analysis.columns[j][i]
  }));
  const value = analysis.scores.dimensions[dimension][i];
  const name = labelOf(data, dimension);

  return {
    question:
      `${name} is scored from ${members.length} indicator${members.length > 1 ? "s" : ""}. ` +
      `Given each one's weight within the dimension and ${customerName(data, i)}'s ` +
      `normalised values, what is this customer's ${name.toLowerCase()} score?`,
    given: rows.flatMap(({item, local, x}, k) => [
      {
        symbol: `v_{${k + 1}}`,
        label: `weight of ${item.label.en} within ${name}`,
        value: fixed(local)
      },
      {symbol: `x'_{${k + 1}}`, label: `normalised ${item.label.en}`, value: fixed(x)}
    ]),
    formula: "s_d = \\sum_{j \\in d} v_j\\, x'_j,\\quad v_j = \\frac{w_j}{W_d}",
    answer: numberAnswer(value),
    solution: [
      {
        text: "Multiply each normalised value by its weight within the dimension and add.",
        tex: `s_d = ${weightedSum(rows.map(({local, x}) => [local, x]))} = ${fixed(value)}`,
        value
      }
    ]
  };
}

function sideDimensions(data: CaseData, side: Side): string[] {
  const sideOf = sidesOf(data);
  return dimensionsWithIndicators(data).filter((id) => sideOf.get(id) === side);
}

function sideScore(rng: Rng, context: ExerciseContext, focus: ExerciseFocus): Draft {
  const {data, analysis} = context;
  const sides = sidesWith(data, (side) => sideDimensions(data, side).length);
  if (sides.length === 0) throw new Error(`case ${data.id} has no side with two dimensions`);
  const side = chooseId(rng, sides, focus.side, "side") as Side;
  const i = customerOf(rng, context, focus);
  const rows = sideDimensions(data, side).map((id) => ({
    id,
    weight: analysis.scores.dimensionWeights[id],
    score: analysis.scores.dimensions[id][i]
  }));
  const value = (analysis.scores.sides[side] as Float64Array)[i];

  return {
    question:
      `${sideLabels[side].en} (${side.toUpperCase()}) is the weighted sum of its dimension ` +
      `scores. Given the dimension weights and ${customerName(data, i)}'s dimension scores, ` +
      `what is this customer's ${side.toUpperCase()}?`,
    given: rows.flatMap(({id, weight, score}, k) => [
      {symbol: `W_{${k + 1}}`, label: `weight of ${labelOf(data, id)}`, value: fixed(weight)},
      {symbol: `s_{${k + 1}}`, label: `score on ${labelOf(data, id)}`, value: fixed(score)}
    ]),
    formula: "U = \\sum_d W_d\\, s_d = \\sum_j w_j\\, x'_j",
    answer: numberAnswer(value),
    solution: [
      {
        text:
          "Each dimension weight W_d is the sum of its indicators' weights, so the weights " +
          "add up to 1.",
        tex: `U = ${weightedSum(rows.map(({weight, score}) => [weight, score]))} = ${fixed(value)}`,
        value
      }
    ]
  };
}

function coupling(rng: Rng, context: ExerciseContext, focus: ExerciseFocus): Draft {
  const {data, analysis} = context;
  const alpha = analysis.config.sideAlpha;
  const crv = analysis.scores.sides.crv;
  const hrv = analysis.scores.sides.hrv;
  let u1: number;
  let u2: number;
  let who: string;
  if (crv && hrv) {
    const i = customerOf(rng, context, focus);
    [u1, u2, who] = [crv[i], hrv[i], customerName(data, i)];
  } else {
    [u1, u2] = [0.1 + Math.round(80 * rng()) / 100, 0.1 + Math.round(80 * rng()) / 100];
    who = "a hypothetical guest (this case does not measure customer-received value)";
  }
  const worked = couplingTex(u1, u2, alpha);

  return {
    question:
      `${who[0].toUpperCase()}${who.slice(1)} has the side scores below. What is the ` +
      `coupling coordination degree D, with α = ${plain(alpha)} and β = ${plain(1 - alpha)}?`,
    given: [
      {symbol: "U_1", label: "customer-received value (CRV)", value: fixed(u1)},
      {symbol: "U_2", label: "hotel-received value (HRV)", value: fixed(u2)},
      {symbol: "\\alpha", label: "weight of CRV in T", value: plain(alpha)}
    ],
    formula: couplingFormula,
    answer: numberAnswer(worked.d),
    solution: worked.steps
  };
}

function axisThresholdRule(context: ExerciseContext): AxisThresholds {
  return context.threshold ?? context.analysis.config.threshold;
}

function classifyExercise(rng: Rng, context: ExerciseContext, focus: ExerciseFocus): Draft {
  const {data, analysis} = context;
  const x = axisScores(analysis.scores, analysis.axes.x);
  const y = axisScores(analysis.scores, analysis.axes.y);
  const {thresholds, labels} = analysis.classes;
  const clear = (i: number) =>
    Math.abs(x[i] - thresholds.x) > boundaryMargin &&
    Math.abs(y[i] - thresholds.y) > boundaryMargin;
  const i = customerOf(rng, context, focus, clear);
  const [xName, yName] = [axisName(data, analysis.axes.x), axisName(data, analysis.axes.y)];
  const highX = x[i] >= thresholds.x;
  const highY = y[i] >= thresholds.y;

  return {
    question:
      `The value matrix splits ${xName} (across) and ${yName} (up) at the thresholds below; ` +
      `a score at or above its threshold is high. Which class is ${customerName(data, i)} in?`,
    given: [
      {symbol: "x", label: `${xName} of ${customerName(data, i)}`, value: fixed(x[i])},
      {symbol: "y", label: `${yName} of ${customerName(data, i)}`, value: fixed(y[i])},
      {symbol: "t_x", label: `threshold of ${xName}`, value: fixed(thresholds.x)},
      {symbol: "t_y", label: `threshold of ${yName}`, value: fixed(thresholds.y)}
    ],
    formula: "\\text{high on an axis} \\iff \\text{score} \\ge \\text{threshold}",
    answer: {type: "choice", value: labels[i], options: classOptions},
    solution: [
      {
        text: `${xName} is ${highX ? "high" : "low"} and ${yName} is ${highY ? "high" : "low"}.`,
        tex: `${compare(x[i], thresholds.x)},\\quad ${compare(y[i], thresholds.y)}`
      },
      {text: `So the customer is in "${className(labels[i])}".`}
    ]
  };
}

interface AxisNode {
  axis: "x" | "y";
  node: string;
  children: string[];
}

function axisNodes(context: ExerciseContext): AxisNode[] {
  const {data, analysis} = context;
  return (["x", "y"] as const).flatMap((axis) => {
    const {kind, id} = analysis.axes[axis];
    const children =
      kind === "side"
        ? sideDimensions(data, id as Side)
        : data.system.indicators.filter((item) => item.dimension === id).map((item) => item.id);
    return children.length >= 2 ? [{axis, node: id, children}] : [];
  });
}

function weightDoubles(rng: Rng, context: ExerciseContext, focus: ExerciseFocus): Draft {
  const {data, analysis} = context;
  const nodes = axisNodes(context);
  if (nodes.length === 0) {
    throw new Error(`neither axis of case ${data.id}'s value matrix has two weighted parts`);
  }
  const children = nodes.flatMap((entry) => entry.children);
  const wanted = focus.dimension ?? focus.indicator;
  const child = chooseId(rng, children, wanted, "dimension or indicator");
  const {axis, node} = nodes.find((entry) => entry.children.includes(child))!;

  const local = localWeights(data.system, analysis.weights.final)[node];
  const old = local[child];
  const doubled = Object.fromEntries(
    Object.entries(local).map(([id, w]) => [id, id === child ? (2 * w) / (1 + old) : w / (1 + old)])
  );
  const weights = overrideWeights(data.system, analysis.weights.final, {[node]: doubled});
  const scores = scoreHierarchy(analysis.columns, data.system, weights);
  const after = classify(axisScores(scores, analysis.axes.x), axisScores(scores, analysis.axes.y), {
    threshold: axisThresholdRule(context)
  });
  const moved = axisScores(scores, analysis.axes[axis]);
  const other = axisScores(scores, analysis.axes[axis === "x" ? "y" : "x"]);
  const split = after.thresholds;
  const clear = (i: number) =>
    Math.abs(moved[i] - split[axis]) > recomputedMargin &&
    Math.abs(other[i] - split[axis === "x" ? "y" : "x"]) > boundaryMargin;
  // Half the variants show a customer whose class changes, when there is one.
  const changes = (i: number) => after.labels[i] !== analysis.classes.labels[i];
  const wantChange = rng() < 0.5;
  const i = customerOf(rng, context, focus, (k) => clear(k) && (!wantChange || changes(k)));

  const partScore = (id: string) =>
    analysis.axes[axis].kind === "side"
      ? analysis.scores.dimensions[id][i]
      : analysis.columns[data.system.indicators.findIndex((item) => item.id === id)][i];
  const ids = Object.keys(local);
  const axisLabel = axisName(data, analysis.axes[axis]);
  const otherLabel = axisName(data, analysis.axes[axis === "x" ? "y" : "x"]);
  const partKind = analysis.axes[axis].kind === "side" ? "dimension" : "indicator";
  const newScore = moved[i];

  return {
    question:
      `Suppose the weight of ${labelOf(data, child)} within ${axisLabel} doubles (the other ` +
      `${partKind}s' weights shrink so that all still sum to 1). Every customer is scored ` +
      `again and the thresholds are recomputed by the same rule. Which class is ` +
      `${customerName(data, i)} in then?`,
    given: [
      ...ids.flatMap((id, k) => [
        {
          symbol: `v_{${k + 1}}`,
          label: `current weight of ${labelOf(data, id)}`,
          value: fixed(local[id])
        },
        {
          symbol: `s_{${k + 1}}`,
          label: `${customerName(data, i)}'s score on ${labelOf(data, id)}`,
          value: fixed(partScore(id))
        }
      ]),
      {
        symbol: axis === "x" ? "y" : "x",
        label: `${otherLabel} of ${customerName(data, i)} (unchanged)`,
        value: fixed(other[i])
      },
      {
        symbol: "t_x",
        label: `new threshold of ${axisName(data, analysis.axes.x)}`,
        value: fixed(split.x)
      },
      {
        symbol: "t_y",
        label: `new threshold of ${axisName(data, analysis.axes.y)}`,
        value: fixed(split.y)
      }
    ],
    formula:
      "v'_k = \\frac{2 v_k}{1 + v_k},\\quad v'_i = \\frac{v_i}{1 + v_k}\\;(i \\ne k)," +
      "\\quad U' = \\sum_i v'_i\\, s_i",
    answer: {type: "choice", value: after.labels[i], options: classOptions},
    solution: [
      {
        text: `New weights within ${axisLabel}.`,
        tex: ids.map((id, k) => `v'_{${k + 1}} = ${fixed(doubled[id])}`).join(",\\; ")
      },
      {
        text: `New ${axisLabel} of ${customerName(data, i)}.`,
        tex: `${weightedSum(ids.map((id) => [doubled[id], partScore(id)]))} = ${fixed(newScore)}`,
        value: newScore
      },
      {
        text:
          `Compared with the new thresholds, the customer is in "${className(after.labels[i])}"` +
          (changes(i)
            ? `; before the change it was in "${className(analysis.classes.labels[i])}".`
            : ", as before the change."),
        tex:
          axis === "x"
            ? `${compare(newScore, split.x)},\\quad ${compare(other[i], split.y)}`
            : `${compare(other[i], split.x)},\\quad ${compare(newScore, split.y)}`
      }
    ]
  };
}

const quadrantText: Record<IpaQuadrant, string> = {
  concentrate: "concentrate here (important, performing poorly)",
  keep: "keep up the good work (important, performing well)",
  lowPriority: "low priority (less important, performing poorly)",
  overkill: "possible overkill (less important, performing well)"
};

function ipaGain(rng: Rng, {data, analysis}: ExerciseContext, focus: ExerciseFocus): Draft {
  const candidates = valueClasses
    .map((info) => info.id)
    .filter((id) => analysis.classes.counts[id] > 0);
  const classId = chooseId(rng, candidates, focus.classId, "class") as ValueClass;
  const ipa = importancePerformance(data, analysis, classId);
  if (ipa.rows.length === 0) throw new Error(`class ${classId} has no indicator on either axis`);
  const ids = ipa.rows.map((row) => row.indicator);
  const wanted =
    focus.indicator ?? (focus.classId !== undefined ? ipa.priorities[0]?.indicator : undefined);
  const row = ipa.rows[ids.indexOf(chooseId(rng, ids, wanted, "indicator"))];
  const split = ipa.splits[row.axis];
  const name = labelOf(data, row.indicator);
  const axisLabel = axisName(data, analysis.axes[row.axis]);
  const rank = ipa.priorities.findIndex((entry) => entry.indicator === row.indicator);

  return {
    question:
      `For the ${ipa.count.toLocaleString("en-US")} customers in "${className(classId)}", ` +
      `${name} has the importance (its weight within ${axisLabel}) and performance (the ` +
      `class mean of its normalised score) below. What is its gain, the rise of the class's ` +
      `mean ${axisLabel} if every member reached the top of this indicator?`,
    given: [
      {symbol: "I_j", label: `importance of ${name}`, value: fixed(row.importance)},
      {symbol: "P_j", label: `performance of ${name}`, value: fixed(row.performance)},
      {symbol: "\\bar I", label: `mean importance on ${axisLabel}`, value: fixed(split.importance)},
      {
        symbol: "\\bar P",
        label: `mean performance on ${axisLabel}`,
        value: fixed(split.performance)
      }
    ],
    formula: "g_j = I_j\\,(1 - P_j)",
    answer: numberAnswer(row.gain),
    solution: [
      {
        text: "Gain: importance times the room left to the top of the range.",
        tex:
          `g_j = ${fixed(row.importance)} \\times (1 - ${fixed(row.performance)}) = ` +
          fixed(row.gain),
        value: row.gain
      },
      {
        text:
          `Importance is ${side(row.importance, split.importance)} the mean and performance ` +
          `${side(row.performance, split.performance)} it, so the ` +
          `indicator is in the quadrant "${quadrantText[row.quadrant]}".` +
          (rank >= 0
            ? ` It is priority ${rank + 1} of ${ipa.priorities.length} for this class.`
            : " It is not among the class's priorities.")
      }
    ]
  };
}

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
 * Generates one exercise of a kind from a case and its analysis. Everything that is not fixed
 * by `focus` (customer, indicator, node, …) is drawn with `seededRandom(seed)`, so the same
 * case, analysis, kind and seed always give the same exercise. Every number in the answer
 * and in the worked solution comes from the library: `ahp`, `entropyWeights`,
 * `combineWeights`, `couplingCoordination`, `classify`, `importancePerformance` and the
 * analysis's own scores.
 *
 * Throws on an unknown kind, a seed that is not an integer from 0 to 2³² − 1, a kind the case
 * does not support (see {@link unavailableReason}) and a focus that names an unknown or
 * unusable customer, indicator, dimension, node, side or class.
 *
 * @example generateExercise("coupling", {data, analysis}, 7).answer // {type: "number", …}
 */
export function generateExercise(
  kind: ExerciseKind,
  context: ExerciseContext,
  seed: number,
  focus: ExerciseFocus = {}
): Exercise {
  const generator = generators[kind];
  if (!generator) {
    throw new Error(
      `unknown exercise kind "${kind}"; expected one of ${Object.keys(generators).join(", ")}`
    );
  }
  const reason = unavailableReason(kind, context);
  if (reason !== null)
    throw new Error(`exercise "${kind}" cannot be drawn from case ${context.data.id}: ${reason}`);

  const rng = seededRandom(seed);

  const draft = generator(rng, context, focus);
  const caseId = context.data.id;

  return {
    id: `${caseId}/${kind}/${seed}`,
    kind,
    step: exerciseKinds[kind].step,
    seed,
    caseId,
    ...draft
  };
}

/**
 * Parses a typed number: a decimal with a point or a comma ("0.42", "0,42"), a leading sign,
 * an exponent ("4.2e-1") or a fraction ("1/3"). Spaces around the text are ignored. Throws
 * an Error that shows the text when it matches none of these forms.
 *
 * @example parseAnswerNumber("0,5") // 0.5
 */
export function parseAnswerNumber(text: string): number {
  const trimmed = String(text).trim().replace(/^\+/, "");
  const decimal = /^-?(?:\d+[.,]?\d*|[.,]\d+)(?:e[+-]?\d+)?$/i;
  const fraction = /^(-?\d+(?:[.,]\d+)?)\s*\/\s*(\d+(?:[.,]\d+)?)$/;
  let value = NaN;
  if (decimal.test(trimmed)) {
    value = Number(trimmed.replace(",", "."));
  } else {
    const match = fraction.exec(trimmed);
    if (match) value = Number(match[1].replace(",", ".")) / Number(match[2].replace(",", "."));
  }
  if (!Number.isFinite(value)) {
    throw new Error(
      `"${text}" is not a number; type a decimal such as 0.42 or a fraction such as 1/3`
    );
  }
  return value;
}

function fold(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Checks a typed answer. A number is correct within ± the exercise's tolerance (the answer is
 * never exactly the rounded value a student computes from the shown decimals). A choice is
 * matched by option id or label, ignoring case, spaces and punctuation. Text that is not a
 * number, or not one of the options, is `invalid` with a message saying what to type.
 *
 * @example checkAnswer(exercise, "0.70") // {status: "correct", message: "Correct: …"}
 */
export function checkAnswer(exercise: Exercise, input: string): AnswerCheck {
  const {answer} = exercise;
  if (answer.type === "choice") {
    const typed = fold(input);
    const option = answer.options.find(
      (entry) => fold(entry.id) === typed || fold(entry.label) === typed
    );
    if (!option) {
      const names = answer.options.map((entry) => entry.label).join(", ");
      return {status: "invalid", message: `Choose one of: ${names}.`};
    }
    const correct = answer.options.find((entry) => entry.id === answer.value)!;
    return option.id === answer.value
      ? {status: "correct", message: `Correct: ${correct.label}.`}
      : {
          status: "incorrect",
          message: `Not ${option.label}. Look at the worked solution, or try again.`
        };
  }

  let value: number;
  try {
    value = parseAnswerNumber(input);
  } catch (error) {
    return {status: "invalid", message: (error as Error).message};
  }
  const tolerance = `±${answer.tolerance}`;
  const shown = fixed(answer.value, answer.decimals);
  if (Math.abs(value - answer.value) <= answer.tolerance + 1e-12) {
    return {
      status: "correct",
      message: `Correct: ${shown} (answers within ${tolerance} count).`
    };
  }
  const direction = value > answer.value ? "too high" : "too low";

  return {
    status: "incorrect",
    message: `${input.trim()} is ${direction} (answers within ${tolerance} count). Try again.`
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
