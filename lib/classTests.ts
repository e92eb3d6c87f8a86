import {median as ssMedian, mean as ssMean} from "simple-statistics";
import type {CaseData} from "./caseData.js";
import {valueClasses, type ValueClass} from "./classify.js";
import {describe} from "./describe.js";
import {
  anova,
  chiSquare,
  kruskalWallis,
  type AnovaResult,
  type ChiSquareResult,
  type KruskalWallisResult
} from "./inference.js";
import {sideLabels} from "./indexSystem.js";
import type {Analysis} from "./pipeline.js";
import type {Label} from "./types.js";

/** Levene's test of equal variances. */
export interface LeveneResult {
  /** W: the one-way ANOVA F of the absolute deviations from each group's centre. */
  statistic: number;
  df1: number;
  df2: number;
  p: number;
  center: "median" | "mean";
}

/**
 * Runs Levene's test of equal variances across groups: a one-way ANOVA (see `anova`) of
 * |x − centre of its group|. The default median centre (Brown and Forsythe 1974, also the
 * default of scipy.stats.levene) is robust to skewed data. The mean centre gives Levene's
 * original test.
 *
 * @throws Error as `anova` does: fewer than 2 groups, an empty group, a non-finite value,
 *   or deviations that are constant within every group
 * @example
 * leveneTest([[1, 2, 3, 4], [2, 4, 6, 8, 10]]) // {statistic: 2.4991, df1: 1, df2: 7, p: 0.1579}
 */
export function leveneTest(
  groups: readonly (readonly number[])[],
  {center = "median"}: {center?: "median" | "mean"} = {}
): LeveneResult {
  if (center !== "median" && center !== "mean") {
    throw new Error(`leveneTest: invalid center "${center}": expected "median" or "mean"`);
  }
  const deviations = groups.map((group) => {
    if (!Array.isArray(group) || group.length === 0) return [...(group ?? [])];
    const middle = center === "median" ? ssMedian([...group]) : ssMean([...group]);
    return group.map((value) => Math.abs(value - middle));
  });

  const result = anova(deviations);
  return {statistic: result.f, df1: result.dfBetween, df2: result.dfWithin, p: result.p, center};
}

/** The rule that picks ANOVA or Kruskal–Wallis for class differences. */
export interface TestRule {
  /** Smallest non-empty class for ANOVA; default 30. */
  minGroupSize: number;
  /** Significance level of Levene's test; below it variances differ and ANOVA is not used. */
  leveneAlpha: number;
}

export const defaultTestRule: TestRule = {minGroupSize: 30, leveneAlpha: 0.05};

/** One class's size and score statistics; mean and sd are null for an empty class. */
export interface ClassGroup {
  id: ValueClass;
  label: Label;
  n: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
}

/** Whether one score differs across the classes, by the test the rule picks. */
export interface ClassDifference {
  score: {kind: "side" | "dimension" | "value"; id: string; label: Label};
  groups: ClassGroup[];
  /** Classes with members; tests compare these only. */
  tested: ValueClass[];
  levene: LeveneResult | null;
  chosen: "anova" | "kruskal" | null;
  /** Why the chosen test was picked, or why no test was run. */
  reason: string;
  anova: AnovaResult | null;
  kruskal: KruskalWallisResult | null;
  /** Messages of tests that could not be computed. */
  errors: string[];
}

interface ProfileScore {
  kind: ClassDifference["score"]["kind"];
  id: string;
  label: Label;
  values: ArrayLike<number>;
}

/** Lists the scores that class profiles compare: sides, dimensions and the value. */
function profileScores(
  data: CaseData,
  analysis: Pick<Analysis, "scores" | "value">
): ProfileScore[] {
  const scores: ProfileScore[] = [];
  for (const side of ["crv", "hrv"] as const) {
    const values = analysis.scores.sides[side];
    if (values) scores.push({kind: "side", id: side, label: sideLabels[side], values});
  }
  for (const dimension of data.system.dimensions) {
    const values = analysis.scores.dimensions[dimension.id];
    if (values) scores.push({kind: "dimension", id: dimension.id, label: dimension.label, values});
  }
  if (analysis.value) {
    scores.push({kind: "value", id: "value", label: sideLabels.goal, values: analysis.value});
  }
  return scores;
}

function attempt<T>(compute: () => T, errors: string[]): T | null {
  try {
    return compute();
  } catch (error) {
    errors.push((error as Error).message);
    return null;
  }
}

/**
 * Compares every side score, dimension score and the relationship value across the classes
 * of an analysis. Both one-way ANOVA (effect size η²) and Kruskal–Wallis (ε²) are run on the
 * non-empty classes, and the rule picks the one to report: Kruskal–Wallis when a non-empty
 * class has fewer than `minGroupSize` members or Levene's test (median centre) gives
 * p < `leveneAlpha`, ANOVA otherwise. A test that cannot run (fewer than 2 non-empty
 * classes, constant scores) is null and its message is in `errors`.
 *
 * @throws Error when the rule's values are not a positive integer and a level in (0, 1)
 * @example
 * classDifferences(data, analysis)[0]
 * // {score: {kind: "side", id: "crv"}, chosen: "kruskal", reason: "…has 12 members…", …}
 */
export function classDifferences(
  data: CaseData,
  analysis: Pick<Analysis, "scores" | "value" | "classes">,
  rule: TestRule = defaultTestRule
): ClassDifference[] {
  checkRule(rule);
  const {labels} = analysis.classes;

  return profileScores(data, analysis).map((score) => {
    const groups = valueClasses.map((info) => {
      const values: number[] = [];
      for (let i = 0; i < labels.length; i++) {
        if (labels[i] === info.id) values.push(score.values[i]);
      }
      const stats = values.length > 0 ? describe(values) : null;
      return {info, values, stats};
    });
    const filled = groups.filter((group) => group.values.length > 0);
    const errors: string[] = [];
    const samples = filled.map((group) => group.values);
    const levene = filled.length >= 2 ? attempt(() => leveneTest(samples), errors) : null;
    const anovaResult = filled.length >= 2 ? attempt(() => anova(samples), errors) : null;
    const kruskal = filled.length >= 2 ? attempt(() => kruskalWallis(samples), errors) : null;
    const {chosen, reason} = chooseTest(filled, levene, rule, anovaResult, kruskal);

    return {
      score: {kind: score.kind, id: score.id, label: score.label},
      groups: groups.map(({info, values, stats}) => ({
        id: info.id,
        label: info.label,
        n: values.length,
        mean: stats?.mean ?? null,
        sd: stats?.sd ?? null,
        median: stats?.median ?? null
      })),
      tested: filled.map((group) => group.info.id),
      levene,
      chosen,
      reason,
      anova: anovaResult,
      kruskal,
      errors
    };
  });
}

function chooseTest(
  filled: {info: {label: Label}; values: number[]}[],
  levene: LeveneResult | null,
  rule: TestRule,
  anovaResult: AnovaResult | null,
  kruskal: KruskalWallisResult | null
): {chosen: ClassDifference["chosen"]; reason: string} {
  if (filled.length < 2) {
    return {
      chosen: null,
      reason: `only ${filled.length} class has members, so there is nothing to compare`
    };
  }
  const small = filled.filter((group) => group.values.length < rule.minGroupSize);
  let chosen: "anova" | "kruskal";
  let reason: string;
  if (small.length > 0) {
    chosen = "kruskal";
    reason =
      `${small.map((g) => `${g.info.label.en} (${g.values.length})`).join(", ")} ` +
      `${small.length === 1 ? "has" : "have"} fewer than ${rule.minGroupSize} members`;
  } else if (levene === null) {
    chosen = "kruskal";
    reason = "Levene's test could not be computed";
  } else if (levene.p < rule.leveneAlpha) {
    chosen = "kruskal";
    reason =
      `Levene's test finds unequal variances ` +
      `(p = ${formatP(levene.p)} < ${rule.leveneAlpha})`;
  } else {
    chosen = "anova";
    reason =
      `every class has at least ${rule.minGroupSize} members and Levene's test finds no ` +
      `unequal variances (p = ${formatP(levene.p)} ≥ ${rule.leveneAlpha})`;
  }
  if (chosen === "anova" && anovaResult === null && kruskal !== null) {
    return {chosen: "kruskal", reason: `${reason}, but ANOVA could not be computed`};
  }
  if (chosen === "kruskal" && kruskal === null) {
    return anovaResult === null
      ? {chosen: null, reason: `${reason}, and neither test could be computed`}
      : {chosen: "anova", reason: `${reason}, but Kruskal–Wallis could not be computed`};
  }
  return {chosen, reason};
}

function formatP(p: number): string {
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}

function checkRule(rule: TestRule): void {
  if (!Number.isInteger(rule.minGroupSize) || rule.minGroupSize < 1) {
    throw new Error(`invalid minGroupSize ${rule.minGroupSize}: expected an integer ≥ 1`);
  }
  if (!(rule.leveneAlpha > 0 && rule.leveneAlpha < 1)) {
    throw new Error(`invalid leveneAlpha ${rule.leveneAlpha}: expected a number in (0, 1)`);
  }
}

/** A contingency table of class against one profile variable, with its χ² test. */
export interface ClassAssociation {
  variable: string;
  label: Label;
  /** Classes with at least one member who answered, as table rows. */
  classes: ValueClass[];
  /** Categories answered at least once, as table columns (numbers in numeric order). */
  categories: string[];
  counts: number[][];
  /** Customers in the table: those who answered the variable. */
  n: number;
  /** Members with no answer to the variable, left out of the table. */
  missing: number;
  /** Classes left out because no member answered (or the class is empty). */
  emptyClasses: ValueClass[];
  result: ChiSquareResult | null;
  /** Cells with an expected count below 5. */
  cellsBelow5: number;
  reason: string | null;
}

/**
 * Cross-tabulates the class of every customer against each categorical profile variable of
 * the case and runs Pearson's χ² test of independence (see `chiSquare`, no continuity
 * correction) with Cramér's V. Customers with no answer are left out and counted. Empty
 * classes and unused categories are dropped, because a zero row or column total leaves χ²
 * undefined. A table smaller than 2 × 2 after that gets `result: null` and a reason.
 *
 * @throws Error when a profile variable's length differs from the number of customers
 * @example
 * classAssociations(data, analysis)[0]
 * // {variable: "gender", classes: ["partners", …], categories: ["female", "male"],
 * //  result: {chiSquare: 2.1, df: 3, p: 0.55, cramersV: 0.08, …}, …}
 */
export function classAssociations(
  data: CaseData,
  analysis: Pick<Analysis, "classes">
): ClassAssociation[] {
  const {labels} = analysis.classes;

  return data.profile.map((variable) => {
    if (variable.values.length !== labels.length) {
      throw new Error(
        `profile variable "${variable.name}" has ${variable.values.length} values for ` +
          `${labels.length} customers`
      );
    }
    const categories = [...new Set(variable.values.filter((v): v is string => v !== null))].sort(
      (a, b) => a.localeCompare(b, "en", {numeric: true})
    );
    const answered = valueClasses.map((info) =>
      categories.map((category) => {
        let count = 0;
        for (let i = 0; i < labels.length; i++) {
          if (labels[i] === info.id && variable.values[i] === category) count++;
        }
        return count;
      })
    );
    const rowTotal = answered.map((row) => row.reduce((sum, count) => sum + count, 0));
    const classes = valueClasses.filter((_, r) => rowTotal[r] > 0).map((info) => info.id);
    const counts = answered.filter((_, r) => rowTotal[r] > 0);
    const missing = variable.values.filter((value) => value === null).length;
    const base = {
      variable: variable.name,
      label: variable.label,
      classes,
      categories,
      counts,
      n: rowTotal.reduce((sum, total) => sum + total, 0),
      missing,
      emptyClasses: valueClasses.filter((_, r) => rowTotal[r] === 0).map((info) => info.id)
    };

    if (classes.length < 2 || categories.length < 2) {
      const reason =
        classes.length < 2
          ? `only ${classes.length} class has members who answered, so class cannot be ` +
            `tested against ${variable.label.en.toLowerCase()}`
          : `every answer is "${categories[0] ?? "missing"}", so the variable does not vary`;
      return {...base, result: null, cellsBelow5: 0, reason};
    }
    const result = chiSquare(counts);
    const cellsBelow5 = result.expected.flat().filter((e) => e < 5).length;
    return {...base, result, cellsBelow5, reason: null};
  });
}
