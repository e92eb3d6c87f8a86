import type {CaseData} from "./caseData.js";
import {classify, valueClasses, type ValueClass} from "./classify.js";
import type {Analysis, MatrixAxes} from "./pipeline.js";
import {axisScores} from "./pipeline.js";
import {scoreHierarchy} from "./scores.js";
import type {Label} from "./types.js";

/** The parts of an analysis that the strategy functions read. */
export type ClassedAnalysis = Pick<Analysis, "columns" | "weights" | "scores" | "axes" | "classes">;

/** One class of the value matrix with its size and mean scores. */
export interface ClassProfile {
  id: ValueClass;
  label: Label;
  count: number;
  /** count / sample size; the shares of the four classes sum to 1. */
  share: number;
  /** Mean score on the x and y axes of the value matrix; null for an empty class. */
  meanX: number | null;
  meanY: number | null;
  /** Mean relationship value; null for an empty class or when no value was computed. */
  meanValue: number | null;
}

function classIds(): ValueClass[] {
  return valueClasses.map((info) => info.id);
}

function checkClass(id: string): ValueClass {
  const ids = classIds();
  if (!ids.includes(id as ValueClass)) {
    throw new Error(`unknown class "${id}"; expected one of ${ids.join(", ")}`);
  }
  return id as ValueClass;
}

function classMean(values: ArrayLike<number>, labels: ValueClass[], id: ValueClass): number | null {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== id) continue;
    sum += values[i];
    count++;
  }
  return count === 0 ? null : sum / count;
}

/**
 * Summarises each class of the value matrix: its count, its share of the sample and the
 * class means of the two axis scores and of the relationship value. Classes come in the
 * order of `valueClasses`; the counts add up to the sample.
 *
 * @example for classes ["partners", "partners", "transactional", "growers"] the partners
 *   profile has count 2 and share 0.5, the at-risk profile count 0 and meanX null.
 */
export function classProfiles(
  analysis: Pick<Analysis, "scores" | "axes" | "classes" | "value">
): ClassProfile[] {
  const {labels} = analysis.classes;
  const x = axisScores(analysis.scores, analysis.axes.x);
  const y = axisScores(analysis.scores, analysis.axes.y);

  return valueClasses.map((info) => {
    const count = analysis.classes.counts[info.id];
    return {
      id: info.id,
      label: info.label,
      count,
      share: count / labels.length,
      meanX: classMean(x, labels, info.id),
      meanY: classMean(y, labels, info.id),
      meanValue: analysis.value ? classMean(analysis.value, labels, info.id) : null
    };
  });
}

/**
 * Quadrants of importance–performance analysis (Martilla and James, 1977): high importance
 * with low performance is where to concentrate.
 */
export type IpaQuadrant = "concentrate" | "keep" | "lowPriority" | "overkill";

/** One indicator of a value-matrix axis in importance–performance analysis. */
export interface IpaRow {
  indicator: string;
  /** The axis of the value matrix whose score the indicator feeds. */
  axis: "x" | "y";
  /** Weight of the indicator within the axis score; the importances of an axis sum to 1. */
  importance: number;
  /** Class mean of the indicator's normalised score, in [0, 1]. */
  performance: number;
  /**
   * importance × (1 − performance): how much the class mean of the axis score would rise
   * if every member of the class reached the top of the indicator's range.
   */
  gain: number;
  quadrant: IpaQuadrant;
}

/** Importance–performance analysis of one class. */
export interface ImportancePerformance {
  classId: ValueClass;
  count: number;
  /** Indicators of the x axis then of the y axis, in index-system order; empty for an empty class. */
  rows: IpaRow[];
  /** Split points of each axis: mean importance (1 / indicators) and mean performance. */
  splits: Record<"x" | "y", {importance: number; performance: number}>;
  /** Axes on which the class is low; both axes for a class that is high on both. */
  focus: ("x" | "y")[];
  /** Indicators to improve first: the focus axes' "concentrate" rows, largest gain first. */
  priorities: IpaRow[];
  /** Ids of indicators that feed neither axis (e.g. relationship cost in a dimension matrix). */
  offAxis: string[];
}

/** Index of each indicator that feeds an axis, with its weight within that axis. */
function axisWeights(
  data: CaseData,
  weights: ArrayLike<number>,
  axis: MatrixAxes["x"]
): {j: number; importance: number}[] {
  const sideOf = new Map(data.system.dimensions.map((dimension) => [dimension.id, dimension.side]));
  const members = data.system.indicators
    .map((item, j) => ({item, j}))
    .filter(({item}) =>
      axis.kind === "side" ? sideOf.get(item.dimension) === axis.id : item.dimension === axis.id
    );
  const total = members.reduce((sum, {j}) => sum + weights[j], 0);
  return members.map(({j}) => ({j, importance: total > 0 ? weights[j] / total : 0}));
}

function quadrant(high: {importance: boolean; performance: boolean}): IpaQuadrant {
  if (high.importance) return high.performance ? "keep" : "concentrate";
  return high.performance ? "overkill" : "lowPriority";
}

/**
 * Runs importance–performance analysis for one class of the value matrix. Importance is the
 * final weight of an indicator within the axis score it feeds: its side weight on a side
 * axis, w_j / W_d on a dimension axis. Performance is the class mean of its normalised
 * score. Each axis is split at its mean importance and mean performance; a value at or above
 * the split is high. Priorities are the "concentrate" indicators on the axes where the class
 * is low (both axes for partners), ranked by gain = importance × (1 − performance).
 * Throws on an unknown class id.
 *
 * @example a class with performance 0.2 on an indicator of importance 0.5 (one of two on its
 *   axis, the other at 0.5 and 0.8) puts it in "concentrate" with gain 0.4.
 */
export function importancePerformance(
  data: CaseData,
  analysis: ClassedAnalysis,
  classId: ValueClass
): ImportancePerformance {
  const id = checkClass(classId);
  const info = valueClasses.find((entry) => entry.id === id) as (typeof valueClasses)[number];
  const {labels} = analysis.classes;
  const count = analysis.classes.counts[id];
  const focus: ("x" | "y")[] = [];
  if (!info.highX) focus.push("x");
  if (!info.highY) focus.push("y");
  if (focus.length === 0) focus.push("x", "y");

  const rows: IpaRow[] = [];
  const splits = {x: {importance: 0, performance: 0}, y: {importance: 0, performance: 0}};
  const onAxis = new Set<number>();
  for (const axis of ["x", "y"] as const) {
    const members = axisWeights(data, analysis.weights.final, analysis.axes[axis]);
    members.forEach(({j}) => onAxis.add(j));
    if (count === 0 || members.length === 0) continue;

    const performances = members.map(({j}) => classMean(analysis.columns[j], labels, id) as number);
    const split = {
      importance: 1 / members.length,
      performance: performances.reduce((sum, p) => sum + p, 0) / members.length
    };
    splits[axis] = split;
    members.forEach(({j, importance}, k) => {
      const performance = performances[k];
      rows.push({
        indicator: data.system.indicators[j].id,
        axis,
        importance,
        performance,
        gain: importance * (1 - performance),
        quadrant: quadrant({
          importance: importance >= split.importance,
          performance: performance >= split.performance
        })
      });
    });
  }

  const priorities = rows
    .filter((row) => focus.includes(row.axis) && row.quadrant === "concentrate")
    .sort((a, b) => b.gain - a.gain);
  const offAxis = data.system.indicators.filter((_, j) => !onAxis.has(j)).map((item) => item.id);
  return {classId: id, count, rows, splits, focus, priorities, offAxis};
}

export interface WhatIfOptions {
  /** Id of the indicator to raise. */
  indicator: string;
  /** Rise of the normalised score, in [0, 1]; results are capped at 1. */
  delta: number;
  /** Whose score rises: the members of one class (default "all" customers). */
  target?: ValueClass | "all";
}

export interface WhatIfResult {
  /** Class of each customer after the rise, with the thresholds of the analysis. */
  labels: ValueClass[];
  counts: Record<ValueClass, number>;
  /** Customers whose score was raised (members of the target). */
  raised: number;
  /** Customers whose class differs from the analysis. */
  changed: number;
  /** Moves between classes with a non-zero count, in `valueClasses` order of from then to. */
  transitions: {from: ValueClass; to: ValueClass; count: number}[];
}

/**
 * Raises one indicator's normalised score by `delta` (capped at 1) for the target customers,
 * rescores them with the same final weights, and places every customer in the value matrix
 * again with the analysis's numeric thresholds held fixed. Because scores are weighted sums,
 * a rise can only move customers up on the axes the indicator feeds.
 *
 * Throws on an unknown indicator or class, or a delta outside [0, 1].
 *
 * @example raising an HRV indicator of weight 0.6 by 0.5 for transactional customers lifts
 *   their HRV by 0.3; those who reach the HRV threshold become at-risk valuables.
 */
export function whatIf(
  data: CaseData,
  analysis: ClassedAnalysis,
  {indicator, delta, target = "all"}: WhatIfOptions
): WhatIfResult {
  const j = data.system.indicators.findIndex((item) => item.id === indicator);
  if (j < 0) {
    const ids = data.system.indicators.map((item) => item.id).join(", ");
    throw new Error(`unknown indicator "${indicator}"; expected one of ${ids}`);
  }
  if (!(delta >= 0 && delta <= 1)) {
    throw new Error(`delta = ${delta}; expected a rise of the normalised score in [0, 1]`);
  }
  if (target !== "all") checkClass(target);

  const before = analysis.classes.labels;
  const column = Float64Array.from(analysis.columns[j]);
  let raised = 0;
  for (let i = 0; i < column.length; i++) {
    if (target !== "all" && before[i] !== target) continue;
    column[i] = Math.min(1, column[i] + delta);
    raised++;
  }
  const columns = analysis.columns.map((original, k) => (k === j ? column : original));
  const scores = scoreHierarchy(columns, data.system, analysis.weights.final);
  const after = classify(axisScores(scores, analysis.axes.x), axisScores(scores, analysis.axes.y), {
    threshold: analysis.classes.thresholds
  });

  const moves = new Map<string, number>();
  let changed = 0;
  for (let i = 0; i < before.length; i++) {
    if (before[i] === after.labels[i]) continue;
    changed++;
    const key = `${before[i]}>${after.labels[i]}`;
    moves.set(key, (moves.get(key) ?? 0) + 1);
  }
  const transitions = classIds().flatMap((from) =>
    classIds()
      .map((to) => ({from, to, count: moves.get(`${from}>${to}`) ?? 0}))
      .filter((move) => move.count > 0)
  );
  return {labels: after.labels, counts: after.counts, raised, changed, transitions};
}
