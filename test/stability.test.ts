import {describe as group, expect, it} from "vitest";
import type {ValueClass} from "../lib/classify.js";
import type {IndexSystem} from "../lib/indexSystem.js";
import {stabilitySummary, weightSpread} from "../lib/stability.js";

// A run of 4 draws over 5 customers, small enough to check by hand. Expected descriptives
// from numpy 2.4: keepShare [0.8, 0.6, 1, 0.8] has mean 0.8 and sd (ddof = 1) 0.163299316;
// rankCorrelation [0.9, 0.95, 1, 0.85] has mean 0.925 and median 0.925.
const run = {
  draws: 4,
  keepShare: Float64Array.from([0.8, 0.6, 1, 0.8]),
  rankCorrelation: Float64Array.from([0.9, 0.95, 1, 0.85]),
  flipRate: Float64Array.from([0, 0.75, 0.25, 0, 0.25])
};
const ids = ["a", "b", "c", "d", "e"];
const labels: ValueClass[] = ["partners", "growers", "atRisk", "transactional", "partners"];

group("stabilitySummary", () => {
  const summary = stabilitySummary(run, ids, labels, 2);

  it("describes the draws", () => {
    expect(summary.draws).toBe(4);
    expect(summary.keepShare.mean).toBeCloseTo(0.8, 12);
    expect(summary.keepShare.sd).toBeCloseTo(0.163299316185545, 12);
    expect(summary.rankCorrelation?.mean).toBeCloseTo(0.925, 12);
    expect(summary.rankCorrelation?.median).toBeCloseTo(0.925, 12);
    expect(summary.undefinedRankDraws).toBe(0);
  });

  it("leaves out undefined rank correlations", () => {
    const partly = {...run, rankCorrelation: Float64Array.from([0.9, NaN, 1, NaN])};
    const result = stabilitySummary(partly, ids, labels);
    expect(result.undefinedRankDraws).toBe(2);
    expect(result.rankCorrelations).toEqual([0.9, 1]);
    expect(result.rankCorrelation?.mean).toBeCloseTo(0.95, 12);
  });

  it("gives null when no rank correlation is defined", () => {
    const none = {...run, rankCorrelation: Float64Array.from([NaN, NaN, NaN, NaN])};
    const result = stabilitySummary(none, ids, labels);
    expect(result.rankCorrelation).toBeNull();
    expect(result.undefinedRankDraws).toBe(4);
  });

  it("counts customers who never or mostly flipped", () => {
    expect(summary.neverFlipped).toBeCloseTo(0.4, 15);
    expect(summary.mostlyFlipped).toBeCloseTo(0.2, 15);
  });

  it("lists the most unstable customers first", () => {
    expect(summary.mostUnstable).toEqual([
      {id: "b", classId: "growers", flipRate: 0.75},
      {id: "c", classId: "atRisk", flipRate: 0.25}
    ]);
  });

  it("leaves out customers who never flipped", () => {
    expect(stabilitySummary(run, ids, labels, 10).mostUnstable.map((row) => row.id)).toEqual([
      "b",
      "c",
      "e"
    ]);
  });

  it("rejects ids of another length", () => {
    expect(() => stabilitySummary(run, ids.slice(1), labels)).toThrow(/4 ids and 5 classes/);
  });

  it("rejects a negative top", () => {
    expect(() => stabilitySummary(run, ids, labels, -1)).toThrow(/invalid top -1/);
  });
});

// Expected standard deviations: numpy.sqrt(scipy.stats.dirichlet.var(40 * w)) with scipy 1.17,
// for CRV weights (0.2, 0.3, 0.5) and HRV weights (0.7, 0.3) at concentration 40.
const label = (en: string) => ({en, zh: en});
const indicator = (id: string, dimension: string) => ({
  id,
  dimension,
  label: label(id),
  direction: "benefit" as const,
  items: [id]
});
const spreadSystem: IndexSystem = {
  id: "spread",
  label: label("spread"),
  dimensions: [
    {id: "functional", side: "crv", label: label("Functional")},
    {id: "potential", side: "hrv", label: label("Potential")}
  ],
  indicators: [
    indicator("a", "functional"),
    indicator("b", "functional"),
    indicator("c", "functional"),
    indicator("d", "potential"),
    indicator("e", "potential")
  ]
};

group("weightSpread", () => {
  const spread = weightSpread(spreadSystem, [0.2, 0.3, 0.5, 0.7, 0.3], 40);

  it("matches scipy's Dirichlet variance", () => {
    const expected = [0.0624695, 0.07156781, 0.07808688, 0.07156781, 0.07156781];
    spread.forEach((row, j) => expect(row.sd).toBeCloseTo(expected[j], 7));
  });

  it("keeps each weight and side", () => {
    expect(spread.map((row) => row.weight)).toEqual([0.2, 0.3, 0.5, 0.7, 0.3]);
    expect(spread.map((row) => row.side)).toEqual(["crv", "crv", "crv", "hrv", "hrv"]);
  });

  it("leaves a weight of 0 or 1 still", () => {
    const fixed = weightSpread(spreadSystem, [0, 0, 1, 1, 0], 40);
    expect(fixed.map((row) => row.sd)).toEqual([0, 0, 0, 0, 0]);
  });

  it("rejects weights that do not sum to 1", () => {
    expect(() => weightSpread(spreadSystem, [0.2, 0.3, 0.4, 0.7, 0.3], 40)).toThrow(/sum to/);
  });

  it("rejects a concentration of 0", () => {
    expect(() => weightSpread(spreadSystem, [0.2, 0.3, 0.5, 0.7, 0.3], 0)).toThrow(
      /concentration = 0/
    );
  });
});
