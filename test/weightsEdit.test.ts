import {describe, expect, it} from "vitest";
import {defaultIndexSystem, type IndexSystem} from "../lib/indexSystem.js";
import {
  checkLocalWeights,
  globalWeights,
  localWeights,
  overrideWeights,
  setWeight
} from "../lib/weightsEdit.js";

// A small system: side crv with dimensions d (indicators a, b) and e (indicator c), side hrv
// with dimension f (indicators g, h). Expected values below are worked by hand.
const system: IndexSystem = {
  id: "small",
  label: {en: "Small", zh: "小"},
  dimensions: [
    {id: "d", side: "crv", label: {en: "D", zh: "D"}},
    {id: "e", side: "crv", label: {en: "E", zh: "E"}},
    {id: "f", side: "hrv", label: {en: "F", zh: "F"}}
  ],
  indicators: ["a:d", "b:d", "c:e", "g:f", "h:f"].map((entry) => {
    const [id, dimension] = entry.split(":");
    return {id, dimension, label: {en: id, zh: id}, direction: "benefit", items: [id]};
  })
};

function expectClose(actual: number[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((x, k) => expect(actual[k], `entry ${k}`).toBeCloseTo(x, 12));
}

const sum = (values: number[]) => values.reduce((total, x) => total + x, 0);

describe("setWeight", () => {
  it("rescales the other weights proportionally", () => {
    // Others 0.3 and 0.2 share 1 − 0.8 = 0.2 in the ratio 3 : 2.
    expectClose(setWeight([0.5, 0.3, 0.2], 0, 0.8), [0.8, 0.12, 0.08]);
  });

  it("keeps the sum at 1 for a lowered weight", () => {
    const result = setWeight([0.1, 0.6, 0.3], 1, 0.2);
    // Others 0.1 and 0.3 share 0.8 in the ratio 1 : 3.
    expectClose(result, [0.2, 0.2, 0.6]);
    expect(sum(result)).toBeCloseTo(1, 12);
  });

  it("shares the rest equally when the others are 0", () => {
    expectClose(setWeight([1, 0, 0], 0, 0.4), [0.4, 0.3, 0.3]);
  });

  it("clamps the new value to [0, 1]", () => {
    expectClose(setWeight([0.5, 0.5], 0, 1.7), [1, 0]);
    expectClose(setWeight([0.5, 0.5], 0, -0.2), [0, 1]);
  });

  it("keeps a single weight at 1", () => {
    expect(setWeight([1], 0, 0.3)).toEqual([1]);
  });

  it("rejects a bad index, vector or value", () => {
    expect(() => setWeight([0.5, 0.5], 2, 0.1)).toThrow("weight index 2 is outside 0…1");
    expect(() => setWeight([], 0, 0.1)).toThrow("no weights given");
    expect(() => setWeight([0.5, -0.5], 0, 0.1)).toThrow("weight 1 is -0.5");
    expect(() => setWeight([0.5, 0.5], 0, NaN)).toThrow("new weight is NaN");
  });
});

describe("localWeights", () => {
  it("splits side weights into dimension and indicator shares", () => {
    const local = localWeights(system, [0.1, 0.3, 0.6, 0.25, 0.75]);
    expect(local.crv.d).toBeCloseTo(0.4, 12);
    expect(local.crv.e).toBeCloseTo(0.6, 12);
    expect(local.d.a).toBeCloseTo(0.25, 12);
    expect(local.d.b).toBeCloseTo(0.75, 12);
    expect(local.e.c).toBeCloseTo(1, 12);
    expect(local.hrv.f).toBeCloseTo(1, 12);
    expect(Object.keys(local).sort()).toEqual(["crv", "d", "e", "f", "hrv"]);
  });

  it("gives equal shares inside a dimension of zero weight", () => {
    const local = localWeights(system, [0, 0, 1, 0.5, 0.5]);
    expect(local.crv.d).toBe(0);
    expect(local.d).toEqual({a: 0.5, b: 0.5});
  });

  it("round-trips through globalWeights on the default system", () => {
    const n = defaultIndexSystem.indicators.length;
    const sides = defaultIndexSystem.indicators.map(
      (item) => defaultIndexSystem.dimensions.find((d) => d.id === item.dimension)!.side
    );
    const raw = defaultIndexSystem.indicators.map((_, j) => 1 + ((j * 7) % 5));
    const totals = {crv: 0, hrv: 0};
    raw.forEach((x, j) => (totals[sides[j]] += x));
    const weights = raw.map((x, j) => x / totals[sides[j]]);
    const back = globalWeights(defaultIndexSystem, localWeights(defaultIndexSystem, weights));
    expect(back).toHaveLength(n);
    expectClose(back, weights);
  });

  it("rejects a weight count that does not fit the system", () => {
    expect(() => localWeights(system, [1, 0])).toThrow("got 2 weights for 5 indicators");
  });
});

describe("overrideWeights", () => {
  const base = [0.1, 0.3, 0.6, 0.25, 0.75];

  it("replaces a side's dimension weights and keeps indicator shares", () => {
    // d keeps its 1 : 3 split of a and b, so a = 0.8 × 0.25 and b = 0.8 × 0.75.
    const result = overrideWeights(system, base, {crv: {d: 0.8, e: 0.2}});
    expectClose(result, [0.2, 0.6, 0.2, 0.25, 0.75]);
  });

  it("replaces a dimension's indicator weights and keeps its side share", () => {
    const result = overrideWeights(system, base, {d: {a: 0.5, b: 0.5}, f: {g: 1, h: 0}});
    expectClose(result, [0.2, 0.2, 0.6, 1, 0]);
  });

  it("returns the same weights without overrides", () => {
    expectClose(overrideWeights(system, base, {}), base);
  });
});

describe("checkLocalWeights", () => {
  it("names an unknown node", () => {
    expect(() => checkLocalWeights(system, {x: {a: 1}})).toThrow(
      'weights.x: "x" is not a side or dimension of index system small; ' +
        "expected one of crv, hrv, d, e, f"
    );
  });

  it("names unknown and missing elements", () => {
    expect(() => checkLocalWeights(system, {d: {a: 0.5, z: 0.5}})).toThrow(
      "weights.d has unknown z and missing b; expected a weight for each of a, b"
    );
  });

  it("names a negative weight", () => {
    expect(() => checkLocalWeights(system, {d: {a: 1.5, b: -0.5}})).toThrow(
      "weights.d.b is -0.5; expected a number ≥ 0"
    );
  });

  it("names weights that do not sum to 1", () => {
    expect(() => checkLocalWeights(system, {crv: {d: 0.5, e: 0.4}})).toThrow(
      "weights.crv sum to 0.9; expected 1"
    );
  });

  it("shortens a long node name", () => {
    const node = "n".repeat(60);
    expect(() => checkLocalWeights(system, {[node]: {a: 1}})).toThrow(
      `weights.${"n".repeat(40)}… (60 characters): "${"n".repeat(40)}…" (60 characters) is ` +
        "not a side or dimension of index system small; expected one of crv, hrv, d, e, f"
    );
  });

  it("shortens a long unknown element", () => {
    const id = "z".repeat(60);
    expect(() => checkLocalWeights(system, {d: {a: 1, [id]: 0}})).toThrow(
      `weights.d has unknown ${"z".repeat(40)}… (60 characters) and missing b; expected a ` +
        "weight for each of a, b"
    );
  });

  it("rejects the goal node", () => {
    expect(() => checkLocalWeights(system, {goal: {crv: 0.5, hrv: 0.5}})).toThrow(
      'weights.goal: "goal" is not a side or dimension'
    );
  });
});
