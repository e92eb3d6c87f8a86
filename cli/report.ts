import {csvFormatRows} from "d3-dsv";
import {valueClasses} from "../lib/classify.js";
import {degenerateParts, type DegenerateParts} from "../lib/degenerate.js";
import {objectiveWeights, type ObjectiveMethod} from "../lib/hierarchy.js";
import {analyzeCase, type Analysis, type AnalysisConfig} from "../lib/pipeline.js";
import {cronbachAlpha} from "../lib/reliability.js";
import type {Coverage, ReadTableCase, TableCaseData} from "../lib/survey.js";
import type {Side} from "../lib/types.js";
import type {CliOptions} from "./options.js";

/** Header of the relationship-value column of scores.csv: D for coupling coordination. */
export function valueColumn(model: AnalysisConfig["model"]): string {
  return model === "coupling" ? "D" : "value";
}

function measuredSides(data: TableCaseData): Side[] {
  return (["crv", "hrv"] as Side[]).filter((side) =>
    data.system.dimensions.some((dimension) => dimension.side === side)
  );
}

/**
 * Writes scores.csv: one row per kept row with its id, every measured dimension's score,
 * the score of each measured side, the relationship value when both sides are measured,
 * and the class (English label). Numbers are written to full double precision.
 */
export function scoresCsv(data: TableCaseData, analysis: Analysis): string {
  const dimensions = Object.keys(analysis.scores.dimensions);
  const sides = measuredSides(data);
  const header = ["id", ...dimensions, ...sides];
  if (analysis.value) header.push(valueColumn(analysis.config.model));
  header.push("class");

  const labelOf = new Map(valueClasses.map((info) => [info.id, info.label.en]));
  const rows = data.ids.map((id, i) => {
    const row = [id, ...dimensions.map((d) => String(analysis.scores.dimensions[d][i]))];
    for (const side of sides) row.push(String(analysis.scores.sides[side]![i]));
    if (analysis.value) row.push(String(analysis.value[i]));
    row.push(labelOf.get(analysis.classes.labels[i])!);
    return row;
  });
  return csvFormatRows([header, ...rows]) + "\n";
}

/** Writes classes.csv: each class with its count, its share of the kept rows (0–1) and goal. */
export function classesCsv(analysis: Analysis): string {
  const total = analysis.classes.labels.length;
  const rows = valueClasses.map((info) => {
    const count = analysis.classes.counts[info.id];
    return [info.label.en, String(count), String(count / total), info.goal.en];
  });
  return csvFormatRows([["class", "count", "share", "goal"], ...rows]) + "\n";
}

type WeightTable = Record<string, number> | {error: string};

function byIndicator(data: TableCaseData, weights: number[]): Record<string, number> {
  return Object.fromEntries(
    data.system.indicators.map((indicator, j) => [indicator.id, weights[j]])
  );
}

function tryWeights(data: TableCaseData, compute: () => number[]): WeightTable {
  try {
    return byIndicator(data, compute());
  } catch (error) {
    return {error: (error as Error).message};
  }
}

/** Weights of every method, within each side; a method that fails on this data gives its error. */
function weightsByMethod(data: TableCaseData, analysis: Analysis) {
  const objective = (method: ObjectiveMethod) =>
    tryWeights(data, () => objectiveWeights(data.values, data.system, method));
  const combined = () =>
    analysis.config.weighting === "combined"
      ? analysis.weights.final
      : analyzeCase(data, {...analysis.config, weighting: "combined", objective: "entropy"}).weights
          .final;
  return {
    ahp: byIndicator(data, analysis.weights.subjective),
    entropy: objective("entropy"),
    critic: objective("critic"),
    pca: objective("pca"),
    combined: tryWeights(data, combined),
    used: byIndicator(data, analysis.weights.final)
  };
}

/**
 * Cronbach's α of each measured dimension over its survey items (reverse-coded items recoded
 * first). A dimension with fewer than 2 survey items, or whose α is undefined, gets a note.
 */
function reliability(data: TableCaseData) {
  const table = data.items;
  return data.system.dimensions.map((dimension) => {
    const indicators = data.system.indicators.filter((item) => item.dimension === dimension.id);
    const items = [...new Set(indicators.filter((x) => x.scale).flatMap((x) => x.items))];
    const reversed = new Set(indicators.flatMap((x) => x.reverse ?? []));
    const base = {dimension: dimension.id, items};
    if (items.length < 2) {
      const count = items.length === 1 ? "1 survey item" : `${items.length} survey items`;
      return {...base, alpha: null, note: `${count}; α needs at least 2`};
    }
    if (!table) {
      return {...base, alpha: null, note: "survey items use different scales; α not computed"};
    }
    const columns = items.map((item) => table.columns.indexOf(item));
    const rows = table.values.map((row) => columns.map((j) => row[j] as number));
    const reverse = items.flatMap((item, k) => (reversed.has(item) ? [k] : []));
    try {
      const result = cronbachAlpha(rows, {reverse, scale: table.scale});
      return {
        ...base,
        alpha: result.alpha,
        standardizedAlpha: result.standardizedAlpha,
        n: result.n,
        warnings: result.warnings
      };
    } catch (error) {
      return {...base, alpha: null, note: (error as Error).message};
    }
  });
}

function weightingNotes(options: CliOptions, hasJudgments: boolean, alpha: number): string[] {
  const notes: string[] = [];
  const why =
    options.judgments === null
      ? "no --judgments were given"
      : `${options.judgments} has no judgments for a measured node`;
  const equal =
    `${why}, so AHP weights are equal weights: every node of the ` +
    "hierarchy (goal, sides, dimensions) gives its elements equal local weights";
  if (options.weights === "ahp" && !hasJudgments)
    notes.push(`Weights used are AHP weights; ${equal}.`);
  if (options.weights === "combined") {
    const subjective = hasJudgments ? "AHP" : "equal";
    notes.push(
      `Weights used are combined per side: ${alpha} × ${subjective} weights + ` +
        `${1 - alpha} × entropy weights` +
        (hasJudgments ? "." : `; ${equal}.`)
    );
  }
  return notes;
}

function axisName(data: TableCaseData, axis: DegenerateParts["axes"][number]): string {
  if (axis.kind === "side") return axis.id === "crv" ? "CRV" : "HRV";
  const dimension = data.system.dimensions.find((d) => d.id === axis.id);
  return `dimension ${axis.id}${dimension ? ` (${dimension.label.en})` : ""}`;
}

/**
 * Says in one line what a run cannot tell apart, or returns null when every indicator
 * varies: the constant indicators, which score 0 for everyone, and each constant axis of the
 * value matrix, on which every customer falls on one side of the threshold, so the classes
 * say nothing about that axis.
 *
 * @example degenerateWarning(data, {indicators: ["room_quality"], axes: []})
 * // 'indicator room_quality has the same value in every kept row, so it scores 0 for …'
 */
export function degenerateWarning(data: TableCaseData, parts: DegenerateParts): string | null {
  const sentences: string[] = [];
  const count = parts.indicators.length;
  if (count > 0) {
    const list = parts.indicators.join(", ");
    sentences.push(
      count === 1
        ? `indicator ${list} has the same value in every kept row, so it scores 0 for ` +
            "everyone and does not tell customers apart"
        : `indicators ${list} have the same value in every kept row, so they score 0 for ` +
            "everyone and do not tell customers apart"
    );
  }
  const round = (x: number) => Number(x.toFixed(4));
  for (const axis of parts.axes) {
    const side = axis.high ? "high" : "low";
    sentences.push(
      `${axisName(data, axis)} is ${round(axis.score)} for every customer, so all fall on ` +
        `its ${side} side (threshold ${round(axis.threshold)}; a score equal to it counts as ` +
        "high) and the classes do not reflect it"
    );
  }
  if (parts.axes.length === 2) {
    const [x, y] = parts.axes;
    const only = valueClasses.find((info) => info.highX === x.high && info.highY === y.high)!;
    sentences.push(`every customer is in class ${only.label.en}`);
  }
  if (sentences.length === 0) return null;
  return `${sentences.join("; ")}. Check that the columns hold the answers you expect.`;
}

function coverageNotes(data: TableCaseData, analysis: Analysis): string[] {
  const notes: string[] = [];
  const sides = measuredSides(data);
  if (sides.length === 1) {
    const {x, y} = analysis.axes;
    notes.push(
      `Only the ${sides[0] === "crv" ? "customer" : "hotel"}-received side is measured, so no ` +
        `relationship value is computed; the value matrix is ${x.id} × ${y.id} value.`
    );
  }
  for (const id of analysis.degenerate) {
    notes.push(`Indicator "${id}" has the same value in every row, so it scores 0 everywhere.`);
  }
  return notes;
}

/** Everything about a run besides the scores: see the command's --help. */
export function summaryJson(
  read: ReadTableCase,
  analysis: Analysis,
  options: CliOptions,
  judgmentNotes: string[]
): string {
  const {data, coverage} = read;
  const hasJudgments = data.experts.judgments.length > 0;
  const degenerate = degenerateParts(analysis);
  const warning = degenerateWarning(data, degenerate);
  const summary = {
    input: {file: options.file, ...read.read},
    config: {
      indexSystem: options.index ?? "built-in default",
      weights: options.weights,
      alpha: options.alpha,
      model: options.model,
      threshold: options.threshold,
      scale: options.scale,
      dropOutOfRange: options.dropOutOfRange,
      reverse: options.reverse,
      straightLining: options.straightLining,
      judgments: options.judgments,
      analysis: analysis.config
    },
    warnings: warning === null ? [] : [warning],
    notes: [
      ...weightingNotes(options, hasJudgments, analysis.config.alpha),
      ...judgmentNotes,
      ...coverageNotes(data, analysis)
    ],
    measured: measuredPart(coverage),
    notMeasured: {
      dimensions: coverage.unmeasuredDimensions.map(({id, side, label}) => ({
        id,
        side,
        label: label.en
      })),
      indicators: coverage.unmeasuredIndicators,
      unusedColumns: coverage.unusedColumns
    },
    audit: data.audit,
    weights: weightsByMethod(data, analysis),
    ahp: hasJudgments ? ahpConsistency(analysis) : null,
    reliability: reliability(data),
    degenerateIndicators: degenerate.indicators,
    constantAxes: degenerate.axes,
    classes: {
      axes: analysis.axes,
      thresholds: analysis.classes.thresholds,
      counts: analysis.classes.counts,
      total: analysis.classes.labels.length
    }
  };
  return JSON.stringify(summary, null, 2) + "\n";
}

function measuredPart(coverage: Coverage) {
  return {
    dimensions: coverage.system.dimensions.map((dimension) => dimension.id),
    indicators: coverage.system.indicators.map((indicator) => indicator.id),
    columns: coverage.mapping
  };
}

function ahpConsistency(analysis: Analysis) {
  return analysis.ahp.nodes.map((node) => ({
    node: node.node,
    order: node.order,
    weights: node.weights,
    lambdaMax: node.lambdaMax,
    ci: node.ci,
    cr: node.cr,
    consistent: node.consistent,
    expertCr: node.expertCr,
    equalWeights: node.equalWeights
  }));
}
