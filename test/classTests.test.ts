import {readFileSync} from "node:fs";
import {describe as group, expect, it} from "vitest";
import type {CaseData} from "../lib/caseData.js";
import {classAssociations, classDifferences, leveneTest} from "../lib/classTests.js";
import type {ValueClass} from "../lib/classify.js";

// Expected values from scipy 1.17 (stats.levene, f_oneway, kruskal, chi2_contingency with
// correction=False), written by test/reference/survey_analysis.py. The scores of three
// classes (35 partners, 31 growers, 40 transactional, no at-risk valuables) come in random
// order; gender is missing for every 17th customer.
interface ClassReference {
  labels: ValueClass[];
  scores: number[];
  gender: (string | null)[];
  leveneMedian: {statistic: number; p: number};
  leveneMean: {statistic: number; p: number};
  anova: {f: number; p: number; etaSquared: number};
  kruskal: {h: number; p: number; epsilonSquared: number};
  chiSquare: {
    table: number[][];
    chiSquare: number;
    df: number;
    p: number;
    cramersV: number;
    minExpected: number;
    cellsBelow5: number;
  };
}

const reference: ClassReference = JSON.parse(
  readFileSync(new URL("./reference/survey_analysis.json", import.meta.url), "utf8")
).classes;

const label = (en: string) => ({en, zh: en});
const data = {
  id: "classes",
  system: {
    id: "s",
    label: label("s"),
    dimensions: [{id: "functional", side: "crv", label: label("Functional")}],
    indicators: []
  },
  profile: [{name: "gender", label: label("Gender"), values: reference.gender}]
} as unknown as CaseData;
const scores = Float64Array.from(reference.scores);
const analysis = {
  scores: {sides: {crv: scores}, dimensions: {functional: scores}, dimensionWeights: {}},
  value: null,
  classes: {
    labels: reference.labels,
    counts: {partners: 35, growers: 31, atRisk: 0, transactional: 40},
    thresholds: {x: 0.5, y: 0.5}
  }
};
const groupOf = (id: ValueClass) => reference.scores.filter((_, i) => reference.labels[i] === id);
const groups = (["partners", "growers", "transactional"] as const).map(groupOf);

group("leveneTest", () => {
  it("matches scipy with the median centre", () => {
    const result = leveneTest(groups);
    expect(result.statistic).toBeCloseTo(reference.leveneMedian.statistic, 10);
    expect(result.p).toBeCloseTo(reference.leveneMedian.p, 12);
    expect(result.df1).toBe(2);
    expect(result.df2).toBe(103);
  });

  it("matches scipy with the mean centre", () => {
    const result = leveneTest(groups, {center: "mean"});
    expect(result.statistic).toBeCloseTo(reference.leveneMean.statistic, 10);
    expect(result.p).toBeCloseTo(reference.leveneMean.p, 12);
  });

  it("rejects an empty group", () => {
    expect(() => leveneTest([[1, 2], []])).toThrow(/groups\[1\] is empty/);
  });

  it("doc example matches scipy", () => {
    // scipy.stats.levene([1, 2, 3, 4], [2, 4, 6, 8, 10]): W = 2.4990892531876128,
    // p = 0.15792471098592406 (the median centre).
    const result = leveneTest([[1, 2, 3, 4], [2, 4, 6, 8, 10]]);
    expect(result.statistic).toBeCloseTo(2.4990892531876128, 12);
    expect(result.p).toBeCloseTo(0.15792471098592406, 12);

    const source = readFileSync(new URL("../lib/classTests.ts", import.meta.url), "utf8");
    const call = String.raw`leveneTest\(\[\[1, 2, 3, 4\], \[2, 4, 6, 8, 10\]\]\) // `;
    const fields = String.raw`\{statistic: ([\d.]+), df1: (\d+), df2: (\d+), p: ([\d.]+)\}`;
    const example = new RegExp(call + fields).exec(source);
    expect(example).not.toBeNull();
    const [, statistic, df1, df2, p] = example!.map(Number);
    expect(statistic).toBe(Number(result.statistic.toFixed(4)));
    expect(df1).toBe(result.df1);
    expect(df2).toBe(result.df2);
    expect(p).toBe(Number(result.p.toFixed(4)));
  });

  it("rejects an unknown centre", () => {
    // @ts-expect-error: an invalid option on purpose
    expect(() => leveneTest(groups, {center: "mode"})).toThrow(/invalid center "mode"/);
  });
});

group("classDifferences", () => {
  const [crv] = classDifferences(data, analysis);

  it("describes every class, empty ones with null", () => {
    expect(crv.groups.map((g) => g.n)).toEqual([35, 31, 0, 40]);
    expect(crv.groups[2].mean).toBeNull();
    expect(crv.tested).toEqual(["partners", "growers", "transactional"]);
  });

  it("matches scipy's ANOVA and Kruskal–Wallis", () => {
    expect(crv.anova?.f).toBeCloseTo(reference.anova.f, 8);
    expect(crv.anova!.p / reference.anova.p).toBeCloseTo(1, 8);
    expect(crv.anova?.etaSquared).toBeCloseTo(reference.anova.etaSquared, 12);
    expect(crv.kruskal?.h).toBeCloseTo(reference.kruskal.h, 8);
    expect(crv.kruskal!.p / reference.kruskal.p).toBeCloseTo(1, 8);
    expect(crv.kruskal?.epsilonSquared).toBeCloseTo(reference.kruskal.epsilonSquared, 12);
  });

  it("picks Kruskal–Wallis when Levene's test rejects", () => {
    // Levene p = 0.0134 < 0.05.
    expect(crv.chosen).toBe("kruskal");
    expect(crv.reason).toMatch(/unequal variances \(p = 0\.013 < 0\.05\)/);
  });

  it("picks ANOVA when classes are large and variances equal", () => {
    const [result] = classDifferences(data, analysis, {minGroupSize: 30, leveneAlpha: 0.01});
    expect(result.chosen).toBe("anova");
    expect(result.reason).toMatch(/at least 30 members/);
  });

  it("picks Kruskal–Wallis for a small class", () => {
    const [result] = classDifferences(data, analysis, {minGroupSize: 32, leveneAlpha: 0.01});
    expect(result.chosen).toBe("kruskal");
    expect(result.reason).toMatch(/growers \(31\) has fewer than 32 members/i);
  });

  it("compares sides and dimensions", () => {
    const results = classDifferences(data, analysis);
    expect(results.map((r) => `${r.score.kind}:${r.score.id}`)).toEqual([
      "side:crv",
      "dimension:functional"
    ]);
  });

  it("runs no test with one filled class", () => {
    const one = {
      ...analysis,
      classes: {...analysis.classes, labels: reference.labels.map(() => "partners" as ValueClass)}
    };
    const [result] = classDifferences(data, one);
    expect(result.chosen).toBeNull();
    expect(result.anova).toBeNull();
    expect(result.reason).toMatch(/only 1 class has members/);
  });

  it("reports tests that fail on constant scores", () => {
    const flat = {...analysis, scores: {...analysis.scores, sides: {crv: scores.map(() => 0.5)}}};
    const [result] = classDifferences(data, flat);
    expect(result.chosen).toBeNull();
    expect(result.errors.join(" ")).toMatch(/all values are equal/);
  });

  it("rejects an invalid rule", () => {
    expect(() => classDifferences(data, analysis, {minGroupSize: 0, leveneAlpha: 0.05})).toThrow(
      /invalid minGroupSize 0/
    );
  });
});

group("classAssociations", () => {
  const [gender] = classAssociations(data, analysis);

  it("leaves out missing answers and empty classes", () => {
    expect(gender.missing).toBe(reference.gender.filter((g) => g === null).length);
    expect(gender.n).toBe(reference.gender.filter((g) => g !== null).length);
    expect(gender.classes).toEqual(["partners", "growers", "transactional"]);
    expect(gender.emptyClasses).toEqual(["atRisk"]);
    expect(gender.categories).toEqual(["female", "male", "not stated"]);
    expect(gender.counts).toEqual(reference.chiSquare.table);
  });

  it("matches scipy's χ² test and Cramér's V", () => {
    const c = reference.chiSquare;
    expect(gender.result?.chiSquare).toBeCloseTo(c.chiSquare, 10);
    expect(gender.result?.df).toBe(c.df);
    expect(gender.result?.p).toBeCloseTo(c.p, 10);
    expect(gender.result?.cramersV).toBeCloseTo(c.cramersV, 10);
    expect(gender.result?.minExpected).toBeCloseTo(c.minExpected, 10);
    expect(gender.cellsBelow5).toBe(c.cellsBelow5);
  });

  it("counts cells with expected counts below 5", () => {
    // The first 8 customers form a rare category, so its expected counts fall below 5.
    const values = reference.gender.map((g, i) => {
      if (g === null) return null;
      return i < 8 ? "rare" : "common";
    });
    const few = {...data, profile: [{name: "g", label: label("G"), values}]} as CaseData;
    const [result] = classAssociations(few, analysis);
    expect(result.result?.minExpectedBelow5).toBe(true);
    expect(result.cellsBelow5).toBeGreaterThan(0);
  });

  it("explains a variable with one category", () => {
    const flat = {
      ...data,
      profile: [{name: "g", label: label("G"), values: reference.gender.map(() => "female")}]
    } as CaseData;
    const [result] = classAssociations(flat, analysis);
    expect(result.result).toBeNull();
    expect(result.reason).toMatch(/every answer is "female"/);
  });

  it("orders numeric categories by value", () => {
    const coded = {
      ...data,
      profile: [
        {name: "m", label: label("M"), values: reference.labels.map((_, i) => String((i % 11) + 1))}
      ]
    } as CaseData;
    expect(classAssociations(coded, analysis)[0].categories.slice(0, 3)).toEqual(["1", "2", "3"]);
    expect(classAssociations(coded, analysis)[0].categories.at(-1)).toBe("11");
  });

  it("rejects a profile of the wrong length", () => {
    const bad = {...data, profile: [{name: "g", label: label("G"), values: ["a"]}]} as CaseData;
    expect(() => classAssociations(bad, analysis)).toThrow(/has 1 values for 106 customers/);
  });
});
