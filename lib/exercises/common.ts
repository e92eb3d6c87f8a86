// Helpers shared by the exercise generators: number formatting for the texts and TeX, drawing
// customers and ids, names in both languages and the parts of a case an exercise can use.
import type {CaseData} from "../caseData.js";
import {valueClasses, type AxisThresholds, type ValueClass} from "../classify.js";
import {coordinationGrades, couplingCoordination} from "../coupling.js";
import {hierarchyNodes} from "../hierarchy.js";
import {sideLabels} from "../indexSystem.js";
import type {MatrixAxes} from "../pipeline.js";
import {randomInt, type Rng} from "../random.js";
import type {Side} from "../types.js";
import type {
  ExerciseContext,
  ExerciseFocus,
  ExerciseLang,
  NumberAnswer,
  SolutionStep
} from "./types.js";

// Scores, weights and other values in [0, 1] are accepted within this distance, which covers
// working with the four decimals an exercise shows.
export const unitTolerance = 0.005;
// A drawn customer or matrix closer than this to a decision boundary is drawn again, so that
// the rounded numbers an exercise shows always lead to the same decision. A recomputed score
// sums up to a handful of rounded products, so it needs a wider margin than a given score.
export const boundaryMargin = 0.0005;
export const recomputedMargin = 0.002;
export const crMargin = 0.005;
export const maxDraws = 500;

// Chinese text puts a space between a Chinese character and a Latin letter or digit.
const hanThenLatin = /([\u4e00-\u9fff])([A-Za-z0-9])/g;
const latinThenHan = /([A-Za-z0-9])([\u4e00-\u9fff])/g;

/** Spaces Chinese characters from Latin letters and digits: "客户C12的CRV" → "客户 C12 的 CRV". */
export function spaced(text: string): string {
  return text.replace(hanThenLatin, "$1 $2").replace(latinThenHan, "$1 $2");
}

/** Returns the English or the (spaced) Chinese text of a sentence. */
export function say(lang: ExerciseLang, en: string, zh: string): string {
  return lang === "zh" ? spaced(zh) : en;
}

export function fixed(x: number, digits = 4): string {
  const text = x.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** Writes a raw value with at most four decimals and no trailing zeros. */
export function plain(x: number): string {
  return String(Number(x.toFixed(4)));
}

/** Writes `a ≥ b` or `a < b` in TeX, with four decimals. */
export function compare(a: number, b: number): string {
  return `${fixed(a)} ${a >= b ? "\\ge" : "<"} ${fixed(b)}`;
}

/** Writes Σ a·b in TeX as "a₁ × b₁ + a₂ × b₂ + …"; `format` writes each first factor. */
export function weightedSum(pairs: number[][], format: (x: number) => string = fixed): string {
  return pairs.map(([a, b]) => `${format(a)} \\times ${fixed(b)}`).join(" + ");
}

export function list(values: readonly number[], lang: ExerciseLang): string {
  return values.map((x) => fixed(x, 3)).join(lang === "zh" ? "、" : ", ");
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[randomInt(rng, items.length)];
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, x) => total + x, 0);
}

export function className(id: ValueClass, lang: ExerciseLang): string {
  return valueClasses.find((info) => info.id === id)?.label[lang] ?? id;
}

export function classOptions(lang: ExerciseLang) {
  return valueClasses.map((info) => ({id: info.id, label: info.label[lang]}));
}

export function gradeName(grade: number, lang: ExerciseLang): string {
  return lang === "zh" ? coordinationGrades[grade].zh : coordinationGrades[grade].en.toLowerCase();
}

export function sidesOf(data: CaseData): Map<string, Side> {
  return new Map(data.system.dimensions.map((dimension) => [dimension.id, dimension.side]));
}

/** Names a side, the goal, a dimension or an indicator of the case; an unknown id as itself. */
export function labelOf(data: CaseData, id: string, lang: ExerciseLang): string {
  if (id === "crv" || id === "hrv" || id === "goal") return sideLabels[id][lang];
  const dimension = data.system.dimensions.find((entry) => entry.id === id);
  if (dimension) return dimension.label[lang];
  return data.system.indicators.find((entry) => entry.id === id)?.label[lang] ?? id;
}

/** Names an axis of the value matrix: "CRV" or "HRV" for a side, else the dimension's name. */
export function axisName(data: CaseData, axis: MatrixAxes["x"], lang: ExerciseLang): string {
  return axis.kind === "side" ? axis.id.toUpperCase() : labelOf(data, axis.id, lang);
}

/**
 * Names customer `i` by its id. In Chinese a row id of a file without ids reads as its line:
 * "line 252" → "客户（第 252 行）", and "T0539 (row 580)" → "客户 T0539（第 580 行）".
 * @example customerName({ids: ["line 252"]} as CaseData, 0, "zh") // "客户（第 252 行）"
 */
export function customerName(data: CaseData, i: number, lang: ExerciseLang): string {
  const id = data.ids[i];
  const line = /^line (\d+)$/.exec(id);
  const zh = line
    ? `客户（第 ${line[1]} 行）`
    : `客户 ${id.replace(/ \(row (\d+)\)$/, "（第 $1 行）")}`;
  return say(lang, `customer ${id}`, zh);
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

/** Returns the focused customer's row, or draws one that `accept` takes. */
export function customerOf(
  rng: Rng,
  context: ExerciseContext,
  focus: ExerciseFocus,
  accept?: (i: number) => boolean
) {
  return focus.customer === undefined
    ? drawCustomer(rng, context.data, accept)
    : checkCustomer(context.data, focus.customer);
}

/** Returns `wanted` if it is a candidate, or draws a candidate; throws on another id. */
export function chooseId(rng: Rng, candidates: string[], wanted: string | undefined, what: string) {
  if (wanted === undefined) return pick(rng, candidates);
  if (!candidates.includes(wanted)) {
    throw new Error(
      `${what} "${wanted}" cannot be used here; expected one of ${candidates.join(", ")}`
    );
  }
  return wanted;
}

export function numberAnswer(value: number, decimals = 4, tolerance = unitTolerance): NumberAnswer {
  return {type: "number", value, tolerance, decimals};
}

/** Works out C, T and D of one pair of side scores, with the steps of the solution. */
export function couplingTex(u1: number, u2: number, alpha: number, lang: ExerciseLang) {
  const {c, t, d, grade} = couplingCoordination([u1], [u2], {alpha});
  const a = fixed(u1);
  const b = fixed(u2);
  const steps: SolutionStep[] = [
    {
      text: say(
        lang,
        "Coupling degree: how balanced the two sides are (1 when they are equal).",
        "耦合度：衡量双方价值的均衡程度（两者相等时为 1）。"
      ),
      tex: `C = \\frac{2\\sqrt{${a} \\times ${b}}}{${a} + ${b}} = ${fixed(c[0])}`,
      value: c[0]
    },
    {
      text: say(
        lang,
        "Comprehensive development index: how high the two sides are together.",
        "综合发展指数：衡量双方价值的总体水平。"
      ),
      tex: `T = ${plain(alpha)} \\times ${a} + ${plain(1 - alpha)} \\times ${b} = ${fixed(t[0])}`,
      value: t[0]
    },
    {
      text: say(
        lang,
        `Coupling coordination degree, grade "${gradeName(grade[0], lang)}".`,
        `耦合协调度，协调等级为“${gradeName(grade[0], lang)}”。`
      ),
      tex: `D = \\sqrt{C\\,T} = \\sqrt{${fixed(c[0])} \\times ${fixed(t[0])}} = ${fixed(d[0])}`,
      value: d[0]
    }
  ];

  return {c: c[0], t: t[0], d: d[0], grade: grade[0], steps};
}

export const couplingFormula = [
  "C = \\frac{2\\sqrt{U_1 U_2}}{U_1 + U_2}",
  "T = \\alpha U_1 + \\beta U_2",
  "D = \\sqrt{C\\,T}"
].join(",\\quad ");

/** Lists the AHP nodes of 3 or more elements that have expert judgments. */
export function judgedNodes(data: CaseData) {
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

/** Returns the columns of the indicators of one side. */
export function sideIndicators(data: CaseData, side: Side): number[] {
  const sideOf = sidesOf(data);
  return data.system.indicators
    .map((item, j) => (sideOf.get(item.dimension) === side ? j : -1))
    .filter((j) => j >= 0);
}

/** Lists the sides for which `count` gives 2 or more. */
export function sidesWith(data: CaseData, count: (side: Side) => number): Side[] {
  return (["crv", "hrv"] as Side[]).filter((side) => count(side) >= 2);
}

export function dimensionsWithIndicators(data: CaseData): string[] {
  return data.system.dimensions
    .map((dimension) => dimension.id)
    .filter((id) => data.system.indicators.some((item) => item.dimension === id));
}

export function sideDimensions(data: CaseData, side: Side): string[] {
  const sideOf = sidesOf(data);
  return dimensionsWithIndicators(data).filter((id) => sideOf.get(id) === side);
}

export function axisThresholdRule(context: ExerciseContext): AxisThresholds {
  return context.threshold ?? context.analysis.config.threshold;
}

/** An axis of the value matrix made of 2 or more weighted parts. */
export interface AxisNode {
  axis: "x" | "y";
  node: string;
  children: string[];
}

/** Lists the axes of the value matrix whose score is made of 2 or more weighted parts. */
export function axisNodes(context: ExerciseContext): AxisNode[] {
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
