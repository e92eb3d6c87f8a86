import {describe as group, expect, it} from "vitest";
import type {CaseData} from "../lib/caseData.js";
import {classify, type Threshold} from "../lib/classify.js";
import type {IndexSystem} from "../lib/indexSystem.js";
import type {MatrixAxes} from "../lib/pipeline.js";
import {axisScores} from "../lib/pipeline.js";
import {scoreHierarchy, toColumns} from "../lib/scores.js";
import {classProfiles, importancePerformance, whatIf} from "../lib/strategy.js";

// Seven customers × six normalised indicators: a, b (functional) and c (service) on the
// customer side, d, e (current value) and f (relationship cost) on the hotel side.
const rows = [
  [0.9, 0.8, 0.7, 0.9, 0.6, 0.8],
  [0.2, 0.4, 0.3, 0.8, 0.9, 0.5],
  [0.7, 0.9, 0.8, 0.1, 0.2, 0.3],
  [0.15, 0.0, 0.2, 0.2, 0.1, 0.9],
  [0.5, 0.6, 0.4, 0.5, 0.4, 0.6],
  [1.0, 0.3, 0.6, 0.3, 0.7, 0.0],
  [0.0, 0.2, 0.15, 0.6, 0.5, 0.4]
];
const weights = [0.3, 0.2, 0.5, 0.5, 0.3, 0.2];

function indicator(id: string, dimension: string) {
  return {id, dimension, label: {en: id, zh: id}, direction: "benefit" as const, items: [id]};
}

const system: IndexSystem = {
  id: "test",
  label: {en: "test", zh: "test"},
  dimensions: [
    {id: "functional", side: "crv", label: {en: "Functional", zh: "功能"}},
    {id: "service", side: "crv", label: {en: "Service", zh: "服务"}},
    {id: "current", side: "hrv", label: {en: "Current", zh: "当前"}},
    {id: "cost", side: "hrv", label: {en: "Cost", zh: "成本"}}
  ],
  indicators: [
    indicator("a", "functional"),
    indicator("b", "functional"),
    indicator("c", "service"),
    indicator("d", "current"),
    indicator("e", "current"),
    indicator("f", "cost")
  ]
};
const data = {id: "test", system} as CaseData;

const sideAxes: MatrixAxes = {x: {kind: "side", id: "crv"}, y: {kind: "side", id: "hrv"}};
const dimensionAxes: MatrixAxes = {
  x: {kind: "dimension", id: "functional"},
  y: {kind: "dimension", id: "current"}
};

function analysisOf(axes: MatrixAxes, threshold: Threshold = "mean") {
  const columns = toColumns(rows, 6);
  const scores = scoreHierarchy(columns, system, weights);
  const classes = classify(axisScores(scores, axes.x), axisScores(scores, axes.y), {threshold});
  return {
    columns,
    weights: {subjective: weights, objective: weights, final: weights},
    scores,
    axes,
    classes,
    value: null
  };
}

// Expected values below were computed independently with numpy: side scores X·w, thresholds
// at the mean score, class means of the columns and the rules stated in lib/strategy.ts.
group("classProfiles", () => {
  it("counts, shares and class means", () => {
    const analysis = analysisOf(sideAxes);
    const profiles = classProfiles(analysis);
    expect(profiles.map((p) => p.id)).toEqual(["partners", "growers", "atRisk", "transactional"]);
    expect(profiles.map((p) => p.count)).toEqual([2, 2, 2, 1]);
    expect(profiles.reduce((sum, p) => sum + p.share, 0)).toBeCloseTo(1, 12);
    expect(profiles[0].share).toBeCloseTo(2 / 7, 12);
    expect(profiles[0].meanX).toBeCloseTo(0.625, 12);
    expect(profiles[0].meanY).toBeCloseTo(0.64, 12);
    expect(profiles[3].meanX).toBeCloseTo(0.145, 12);
    expect(profiles[0].meanValue).toBeNull();
  });

  it("averages the relationship value per class", () => {
    const analysis = analysisOf(sideAxes);
    const value = Float64Array.from([0.79, 0.77, 0.17, 0.31, 0.49, 0.36, 0.53]);
    const profiles = classProfiles({...analysis, value});
    expect(profiles[0].meanValue).toBeCloseTo(0.64, 12);
    expect(profiles[2].meanValue).toBeCloseTo(0.65, 12);
  });

  it("gives null means for an empty class", () => {
    const profiles = classProfiles(analysisOf(sideAxes, 0));
    expect(profiles[0].count).toBe(7);
    expect(profiles[1].count).toBe(0);
    expect(profiles[1].share).toBe(0);
    expect(profiles[1].meanX).toBeNull();
  });
});

group("importancePerformance", () => {
  it("puts high weight with low performance first", () => {
    const result = importancePerformance(data, analysisOf(sideAxes), "growers");
    expect(result.count).toBe(2);
    expect(result.focus).toEqual(["y"]);
    const d = result.rows.find((row) => row.indicator === "d")!;
    expect(d.importance).toBeCloseTo(0.5, 12);
    expect(d.performance).toBeCloseTo(0.2, 12);
    expect(d.gain).toBeCloseTo(0.4, 12);
    expect(d.quadrant).toBe("concentrate");
    expect(result.splits.y.performance).toBeCloseTo(0.26666666666666666, 12);
    expect(result.rows.find((row) => row.indicator === "e")!.quadrant).toBe("overkill");
    expect(result.rows.find((row) => row.indicator === "f")!.quadrant).toBe("lowPriority");
    expect(result.priorities.map((row) => row.indicator)).toEqual(["d"]);
    expect(result.offAxis).toEqual([]);
  });

  it("looks at both axes for partners", () => {
    const result = importancePerformance(data, analysisOf(sideAxes), "partners");
    expect(result.focus).toEqual(["x", "y"]);
    const quadrants = Object.fromEntries(result.rows.map((row) => [row.indicator, row.quadrant]));
    expect(quadrants).toEqual({
      a: "overkill",
      b: "overkill",
      c: "concentrate",
      d: "keep",
      e: "lowPriority",
      f: "overkill"
    });
    expect(result.priorities.map((row) => row.indicator)).toEqual(["c"]);
    expect(result.priorities[0].gain).toBeCloseTo(0.225, 12);
  });

  it("may name no priority", () => {
    const result = importancePerformance(data, analysisOf(sideAxes), "atRisk");
    expect(result.focus).toEqual(["x"]);
    expect(result.rows.find((row) => row.indicator === "c")!.quadrant).toBe("keep");
    expect(result.priorities).toEqual([]);
  });

  it("weights within a dimension axis", () => {
    const result = importancePerformance(data, analysisOf(dimensionAxes), "growers");
    expect(result.count).toBe(3);
    expect(result.offAxis).toEqual(["c", "f"]);
    const importance = Object.fromEntries(result.rows.map((row) => [row.indicator, row.importance]));
    expect(importance.a).toBeCloseTo(0.6, 12);
    expect(importance.b).toBeCloseTo(0.4, 12);
    expect(importance.d).toBeCloseTo(0.625, 12);
    expect(importance.e).toBeCloseTo(0.375, 12);
    expect(result.priorities.map((row) => row.indicator)).toEqual(["d"]);
    expect(result.priorities[0].gain).toBeCloseTo(0.4375, 12);
  });

  it("returns no rows for an empty class", () => {
    const result = importancePerformance(data, analysisOf(sideAxes, 0), "growers");
    expect(result.count).toBe(0);
    expect(result.rows).toEqual([]);
    expect(result.priorities).toEqual([]);
  });

  it("rejects an unknown class", () => {
    expect(() => importancePerformance(data, analysisOf(sideAxes), "vip" as "partners")).toThrow(
      'unknown class "vip"'
    );
  });
});

group("whatIf", () => {
  it("moves a transactional customer up", () => {
    const result = whatIf(data, analysisOf(sideAxes), {
      indicator: "d",
      delta: 0.5,
      target: "transactional"
    });
    expect(result.raised).toBe(1);
    expect(result.changed).toBe(1);
    expect(result.transitions).toEqual([{from: "transactional", to: "atRisk", count: 1}]);
    expect(result.counts).toEqual({partners: 2, growers: 2, atRisk: 3, transactional: 0});
    expect(result.labels[3]).toBe("atRisk");
  });

  it("caps the raised score at 1", () => {
    // Uncapped, the HRV of row 5 (0-based) would rise from 0.36 by 0.3 past the threshold 0.4886;
    // capped at 1, e rises by 0.3 only and HRV by 0.09.
    const result = whatIf(data, analysisOf(sideAxes), {indicator: "e", delta: 1, target: "growers"});
    expect(result.raised).toBe(2);
    expect(result.changed).toBe(0);
  });

  it("moves at-risk customers to partners", () => {
    const result = whatIf(data, analysisOf(sideAxes), {indicator: "c", delta: 1, target: "atRisk"});
    expect(result.raised).toBe(2);
    expect(result.transitions).toEqual([{from: "atRisk", to: "partners", count: 2}]);
  });

  it("may change no class", () => {
    const result = whatIf(data, analysisOf(sideAxes), {indicator: "a", delta: 0.4});
    expect(result.raised).toBe(7);
    expect(result.changed).toBe(0);
    expect(result.transitions).toEqual([]);
  });

  it("rejects bad options", () => {
    const analysis = analysisOf(sideAxes);
    expect(() => whatIf(data, analysis, {indicator: "z", delta: 0.1})).toThrow(
      'unknown indicator "z"; expected one of a, b, c, d, e, f'
    );
    expect(() => whatIf(data, analysis, {indicator: "a", delta: 1.5})).toThrow("delta = 1.5");
    expect(() => whatIf(data, analysis, {indicator: "a", delta: NaN})).toThrow("delta = NaN");
    expect(() =>
      whatIf(data, analysis, {indicator: "a", delta: 0.1, target: "vip" as "partners"})
    ).toThrow('unknown class "vip"');
  });
});
