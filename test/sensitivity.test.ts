import {describe, expect, it} from "vitest";
import type {CaseData} from "../lib/caseData.js";
import type {IndexSystem} from "../lib/indexSystem.js";
import {analyzeCase} from "../lib/pipeline.js";
import {seededRandom} from "../lib/random.js";
import {weightSensitivity} from "../lib/sensitivity.js";

const label = (text: string) => ({en: text, zh: text});

const system: IndexSystem = {
  id: "sensitivity",
  label: label("sensitivity"),
  dimensions: [
    {id: "functional", side: "crv", label: label("functional")},
    {id: "current", side: "hrv", label: label("current")}
  ],
  indicators: ["a", "b", "c"].map((id) => ({
    id,
    dimension: "functional",
    label: label(id),
    direction: "benefit" as const,
    items: [id]
  })).concat(
    ["d", "e"].map((id) => ({
      id,
      dimension: "current",
      label: label(id),
      direction: "benefit" as const,
      items: [id]
    }))
  )
};

const rng = seededRandom(7);
const values = Array.from({length: 200}, () => Array.from({length: 5}, () => rng()));
const data: CaseData = {
  id: "sensitivity",
  title: label("sensitivity"),
  kind: "survey",
  synthetic: true,
  source: {citation: "seeded uniform data", licence: "CC0"},
  system,
  ids: values.map((_, i) => String(i)),
  values,
  profile: [],
  experts: {names: [], note: "", judgments: []},
  audit: {file: "generated", rawRows: 200, keptRows: 200, dropped: [], recoded: []}
};
const analysis = analyzeCase(data);

describe("weightSensitivity", () => {
  it("keeps every class when the draws barely move", () => {
    const result = weightSensitivity(data, analysis, {draws: 20, concentration: 1e9});
    expect(Math.min(...result.keepShare)).toBeGreaterThan(0.99);
    expect(Math.min(...result.rankCorrelation)).toBeGreaterThan(0.9999);
  });

  it("moves customers when the draws are wide", () => {
    const result = weightSensitivity(data, analysis, {draws: 50, concentration: 2});
    const meanKeep = result.keepShare.reduce((a, b) => a + b, 0) / result.draws;
    expect(meanKeep).toBeLessThan(0.95);
    expect(meanKeep).toBeGreaterThan(0.3);
    expect(Math.max(...result.flipRate)).toBeGreaterThan(0);
  });

  it("counts flips consistently with the keep shares", () => {
    // Σ_i flipRate_i · draws = Σ_draws (1 − keepShare) · n
    const result = weightSensitivity(data, analysis, {draws: 30, concentration: 5});
    const flips = result.flipRate.reduce((a, b) => a + b, 0) * result.draws;
    const moved = result.keepShare.reduce((a, b) => a + (1 - b), 0) * values.length;
    expect(flips).toBeCloseTo(moved, 8);
  });

  it("is reproducible for a seed", () => {
    const first = weightSensitivity(data, analysis, {draws: 10, concentration: 10, seed: 3});
    const second = weightSensitivity(data, analysis, {draws: 10, concentration: 10, seed: 3});
    expect(Array.from(first.keepShare)).toEqual(Array.from(second.keepShare));
  });

  it("reports progress after each draw", () => {
    const seen: number[] = [];
    weightSensitivity(data, analysis, {draws: 3, onProgress: (done) => seen.push(done)});
    expect(seen).toEqual([1, 2, 3]);
  });

  it("ranks relationship value when both sides are measured", () => {
    expect(weightSensitivity(data, analysis, {draws: 1}).ranked).toBe("relationship value");
  });

  it("marks rank correlation undefined for constant scores", () => {
    const flat: CaseData = {...data, values: values.map((row) => [0.5, row[1], row[2], row[3], 0.5])};
    const flatAnalysis = analyzeCase(flat, {weighting: "ahp"});
    // With AHP equal weights the HRV side mixes d (varying) and e (constant), so force the
    // ranked score constant by giving e all the HRV weight.
    const weights = flatAnalysis.weights.final.map((w, j) => (j < 3 ? w : j === 4 ? 1 : 0));
    const pinned = {...flatAnalysis, weights: {...flatAnalysis.weights, final: weights}};
    const result = weightSensitivity(flat, pinned, {draws: 4});
    expect(result.undefinedRankDraws).toBe(4);
    expect(Number.isNaN(result.rankCorrelation[0])).toBe(true);
  });

  it("rejects a non-positive concentration", () => {
    expect(() => weightSensitivity(data, analysis, {concentration: 0})).toThrow(
      /concentration = 0; expected a positive number/
    );
  });

  it("rejects a fractional number of draws", () => {
    expect(() => weightSensitivity(data, analysis, {draws: 1.5})).toThrow(
      /draws = 1.5; expected a positive integer/
    );
  });
});
