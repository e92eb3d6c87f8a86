import {describe as group, expect, it} from "vitest";
import type {ValueClass} from "../lib/classify.js";
import {stabilitySummary} from "../lib/stability.js";

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
    expect(summary.rankCorrelation.mean).toBeCloseTo(0.925, 12);
    expect(summary.rankCorrelation.median).toBeCloseTo(0.925, 12);
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
