import {describe, expect, it} from "vitest";
import {classify, valueClasses} from "../lib/classify.js";

describe("classify", () => {
  const crv = [0.9, 0.8, 0.1, 0.2, 0.5];
  const hrv = [0.7, 0.1, 0.9, 0.2, 0.5];

  it("splits at the mean by default", () => {
    // mean CRV = 2.5 / 5 = 0.5, mean HRV = 2.4 / 5 = 0.48
    const result = classify(crv, hrv);
    expect(result.thresholds.x).toBeCloseTo(0.5, 12);
    expect(result.thresholds.y).toBeCloseTo(0.48, 12);
    expect(result.labels).toEqual(["partners", "growers", "atRisk", "transactional", "partners"]);
    expect(result.counts).toEqual({partners: 2, growers: 1, atRisk: 1, transactional: 1});
  });

  it("counts every customer exactly once", () => {
    const result = classify(crv, hrv, {threshold: "median"});
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(crv.length);
  });

  it("splits at the median", () => {
    // median CRV = 0.5, median HRV = 0.5; scores equal to the threshold are high
    const result = classify(crv, hrv, {threshold: "median"});
    expect(result.thresholds).toEqual({x: 0.5, y: 0.5});
    expect(result.labels[4]).toBe("partners");
  });

  it("splits at the scale midpoint", () => {
    expect(classify([0.49], [0.5], {threshold: "midpoint"}).labels).toEqual(["atRisk"]);
  });

  it("takes one threshold per axis", () => {
    const result = classify([0.3, 0.3], [0.3, 0.9], {threshold: {x: 0.2, y: 0.5}});
    expect(result.labels).toEqual(["growers", "partners"]);
  });

  it("reports empty classes as zero", () => {
    const result = classify([0.9, 0.8], [0.9, 0.8], {threshold: 0.5});
    expect(result.counts).toEqual({partners: 2, growers: 0, atRisk: 0, transactional: 0});
  });

  it("rejects unequal lengths", () => {
    expect(() => classify([0.1], [0.1, 0.2])).toThrow(/CRV has 1 scores but HRV has 2/);
  });

  it("rejects empty input", () => {
    expect(() => classify([], [])).toThrow(/at least one customer/);
  });

  it("rejects NaN scores and names the customer", () => {
    expect(() => classify([0.1, NaN], [0.1, 0.2])).toThrow(/customer 1 is NaN/);
  });

  it("rejects an unknown threshold", () => {
    expect(() => classify([0.1], [0.1], {threshold: "mode" as never})).toThrow(
      /unknown threshold "mode"/
    );
  });

  it("describes four classes with goals in two languages", () => {
    expect(valueClasses.map((c) => c.id)).toEqual(["partners", "growers", "atRisk", "transactional"]);
    for (const info of valueClasses) {
      expect(info.goal.en.length).toBeGreaterThan(0);
      expect(info.goal.zh.length).toBeGreaterThan(0);
    }
  });
});
