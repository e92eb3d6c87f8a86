import {describe, expect, test} from "vitest";
import type {CaseData} from "../lib/caseData.js";
import {degenerateParts} from "../lib/degenerate.js";
import type {IndexSystem} from "../lib/indexSystem.js";
import {analyzeCase} from "../lib/pipeline.js";

const label = (text: string) => ({en: text, zh: text});

const system: IndexSystem = {
  id: "tiny",
  label: label("tiny"),
  dimensions: [
    {id: "functional", side: "crv", label: label("functional")},
    {id: "current", side: "hrv", label: label("current")}
  ],
  indicators: [
    {id: "a", dimension: "functional", label: label("a"), direction: "benefit", items: ["a"]},
    {id: "b", dimension: "functional", label: label("b"), direction: "benefit", items: ["b"]},
    {id: "c", dimension: "current", label: label("c"), direction: "benefit", items: ["c"]}
  ]
};

// One indicator a side: objective weights are 1 there even when the column is constant,
// whereas entropy and CRITIC weights are undefined on a side of two constant columns.
const oneEach: IndexSystem = {
  ...system,
  indicators: system.indicators.filter((indicator) => indicator.id !== "b")
};

function tinyCase(values: number[][], caseSystem = system): CaseData {
  return {
    id: "tiny",
    title: label("tiny"),
    kind: "survey",
    synthetic: true,
    source: {citation: "hand-made", licence: "CC0"},
    system: caseSystem,
    ids: values.map((_, i) => String(i + 1)),
    values,
    profile: [],
    experts: {names: [], judgments: [], note: ""},
    audit: {file: "t", rawRows: values.length, keptRows: values.length, dropped: [], recoded: []}
  };
}

// Expected values follow from min–max normalisation: a constant column is 0 in every row,
// so a side whose indicators are all constant scores 0 for everyone.
describe("degenerateParts", () => {
  test("finds nothing in varied data", () => {
    const analysis = analyzeCase(tinyCase([[1, 2, 3], [3, 1, 5], [2, 5, 1]]));
    expect(degenerateParts(analysis)).toEqual({indicators: [], axes: []});
  });

  test("lists constant indicators of a varied side", () => {
    const analysis = analyzeCase(tinyCase([[1, 4, 3], [3, 4, 5], [2, 4, 1]]));
    expect(degenerateParts(analysis)).toEqual({indicators: ["b"], axes: []});
  });

  test("constant data puts everyone in partners", () => {
    const analysis = analyzeCase(tinyCase([[3, 3], [3, 3], [3, 3]], oneEach));
    expect(degenerateParts(analysis)).toEqual({
      indicators: ["a", "c"],
      axes: [
        {axis: "x", kind: "side", id: "crv", score: 0, threshold: 0, high: true},
        {axis: "y", kind: "side", id: "hrv", score: 0, threshold: 0, high: true}
      ]
    });
    expect(analysis.classes.counts).toEqual({partners: 3, growers: 0, atRisk: 0, transactional: 0});
  });

  test("a constant side with a fixed threshold is low", () => {
    const analysis = analyzeCase(tinyCase([[2, 1], [2, 5], [2, 3]], oneEach), {threshold: 0.5});
    expect(degenerateParts(analysis).axes).toEqual([
      {axis: "x", kind: "side", id: "crv", score: 0, threshold: 0.5, high: false}
    ]);
    // HRV c normalised: 0, 1, 0.5, so rows 2 and 3 reach 0.5 and row 1 does not.
    expect(analysis.classes.labels).toEqual(["transactional", "atRisk", "atRisk"]);
  });
});
