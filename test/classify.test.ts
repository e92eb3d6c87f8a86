import {describe, expect, it} from "vitest";
import {
  classify,
  classifyCodes,
  classLabels,
  lazyClassification,
  valueClasses,
  type ValueClass
} from "../lib/classify.js";
import {seededRandom} from "../lib/random.js";

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

describe("classifyCodes", () => {
  const rng = seededRandom(12);
  // Scores on a grid of 20 values tie with the threshold often.
  const crv = Array.from({length: 5000}, () => Math.floor(20 * rng()) / 19);
  const hrv = Array.from({length: 5000}, () => Math.floor(20 * rng()) / 19);

  /** Classes by the definition: at or above the threshold is high. */
  function direct(x: number[], y: number[], splitX: number, splitY: number): ValueClass[] {
    return x.map((u, i) => {
      const highX = u >= splitX;
      const highY = y[i] >= splitY;
      return valueClasses.find((info) => info.highX === highX && info.highY === highY)!.id;
    });
  }

  for (const threshold of ["mean", "median", "midpoint", 0.55] as const) {
    it(`equals the direct classes at ${threshold}`, () => {
      const typed = classifyCodes(Float64Array.from(crv), Float64Array.from(hrv), {threshold});
      const plain = classifyCodes(crv, hrv, {threshold});
      const {x, y} = typed.thresholds;
      const expected = direct(crv, hrv, x, y);
      expect(Array.from(plain.codes)).toEqual(Array.from(typed.codes));
      expect(classLabels(typed.codes)).toEqual(expected);
      expect(classify(crv, hrv, {threshold}).labels).toEqual(expected);
      for (const info of valueClasses) {
        const count = expected.filter((id) => id === info.id).length;
        expect(typed.counts[info.id], info.id).toBe(count);
      }
    });
  }

  it("rejects an unknown code", () => {
    expect(() => classLabels(Uint8Array.of(0, 4))).toThrow(
      "class code 4 at customer 1; expected 0, 1, 2 or 3"
    );
  });
});

describe("lazyClassification", () => {
  it("builds the labels of classify on first read", () => {
    const crv = [0.9, 0.8, 0.1, 0.2];
    const hrv = [0.7, 0.1, 0.9, 0.2];
    const lazy = lazyClassification(classifyCodes(crv, hrv));
    const eager = classify(crv, hrv);
    expect(lazy.labels).toEqual(["partners", "growers", "atRisk", "transactional"]);
    expect(lazy.labels).toBe(lazy.labels);
    expect(lazy).toEqual(eager);
    expect(JSON.parse(JSON.stringify(lazy)).labels).toEqual(eager.labels);
    expect(structuredClone(lazy).labels).toEqual(eager.labels);
  });
});
