import {seededRandom} from "../lib/random.js";
import {describe, expect, it} from "vitest";
import type {IndexSystem} from "../lib/indexSystem.js";
import {
  checkSideWeights,
  scoreHierarchy,
  toColumns,
  weightedColumnSum
} from "../lib/scores.js";

const system: IndexSystem = {
  id: "small",
  label: {en: "Small", zh: "小"},
  dimensions: [
    {id: "functional", side: "crv", label: {en: "F", zh: "F"}},
    {id: "service", side: "crv", label: {en: "S", zh: "S"}},
    {id: "current", side: "hrv", label: {en: "C", zh: "C"}}
  ],
  indicators: [
    {id: "a", dimension: "functional", label: {en: "a", zh: "a"}, direction: "benefit", items: ["a"]},
    {id: "b", dimension: "functional", label: {en: "b", zh: "b"}, direction: "benefit", items: ["b"]},
    {id: "c", dimension: "service", label: {en: "c", zh: "c"}, direction: "benefit", items: ["c"]},
    {id: "d", dimension: "current", label: {en: "d", zh: "d"}, direction: "cost", items: ["d"]}
  ]
};

describe("toColumns", () => {
  it("transposes rows into typed columns", () => {
    const columns = toColumns([
      [1, 2],
      [3, 4]
    ]);
    expect(columns.map((column) => Array.from(column))).toEqual([
      [1, 3],
      [2, 4]
    ]);
  });

  it("rejects ragged rows", () => {
    expect(() => toColumns([[1, 2], [3]])).toThrow(/row 1 has 1 values; expected 2/);
  });
});

describe("scoreHierarchy", () => {
  // Weights: a 0.2, b 0.3 (functional W = 0.5), c 0.5 (service), d 1 (current).
  const weights = [0.2, 0.3, 0.5, 1];
  const columns = toColumns([
    [1, 0, 0.5, 0.25],
    [0, 1, 1, 1]
  ]);

  it("computes dimension scores with local weights", () => {
    const scores = scoreHierarchy(columns, system, weights);
    // functional = (0.2·1 + 0.3·0)/0.5 = 0.4 and (0.2·0 + 0.3·1)/0.5 = 0.6
    expect(scores.dimensions.functional[0]).toBeCloseTo(0.4, 12);
    expect(scores.dimensions.functional[1]).toBeCloseTo(0.6, 12);
    expect(Array.from(scores.dimensions.service)).toEqual([0.5, 1]);
  });

  it("computes side scores as weighted sums", () => {
    const scores = scoreHierarchy(columns, system, weights);
    // CRV = 0.2·1 + 0.3·0 + 0.5·0.5 = 0.45 and 0 + 0.3 + 0.5 = 0.8
    expect(scores.sides.crv![0]).toBeCloseTo(0.45, 12);
    expect(scores.sides.crv![1]).toBeCloseTo(0.8, 12);
    expect(Array.from(scores.sides.hrv!)).toEqual([0.25, 1]);
  });

  it("reports dimension weights as sums of indicator weights", () => {
    const scores = scoreHierarchy(columns, system, weights);
    expect(scores.dimensionWeights).toEqual({functional: 0.5, service: 0.5, current: 1});
  });

  it("scores a dimension with all-zero weights as 0", () => {
    const scores = scoreHierarchy(columns, system, [0, 0, 1, 1]);
    expect(Array.from(scores.dimensions.functional)).toEqual([0, 0]);
  });

  it("rejects weights that do not sum to 1 within a side", () => {
    expect(() => scoreHierarchy(columns, system, [0.2, 0.3, 0.4, 1])).toThrow(
      /side crv sum to 0.9/
    );
  });

  it("rejects a negative weight and names the indicator", () => {
    expect(() => checkSideWeights(system, [-0.2, 0.7, 0.5, 1])).toThrow(/indicator "a" is -0.2/);
  });

  it("rejects a wrong number of columns", () => {
    expect(() => scoreHierarchy(columns.slice(1), system, weights)).toThrow(
      /got 3 columns for 4 indicators/
    );
  });

  it("scores many customers as the formula reads", () => {
    // 10,000 customers span three blocks of rows; the expected scores add the weighted
    // indicators in system order, customer by customer.
    const n = 10_000;
    const many = [0, 1, 2, 3].map((j) =>
      Float64Array.from({length: n}, (_, i) => ((i * (j + 3)) % 97) / 96)
    );
    const scores = scoreHierarchy(many, system, weights);
    for (let i = 0; i < n; i += 997) {
      const [a, b, c, d] = many.map((column) => column[i]);
      expect(scores.sides.crv![i]).toBe(0 + 0.2 * a + 0.3 * b + 0.5 * c);
      expect(scores.sides.hrv![i]).toBe(0 + 1 * d);
      expect(scores.dimensions.functional[i]).toBe(0 + (0.2 / 0.5) * a + (0.3 / 0.5) * b);
      expect(scores.dimensions.service[i]).toBe(0 + (0.5 / 0.5) * c);
    }
  });
});

describe("scoreHierarchy on random data", () => {
  it("equals term-by-term sums in system order to the last bit", () => {
    // Dimensions interleave, one has six indicators (two runs) and one has weight 0.
    const layout = ["functional", "current", "functional", "service", "current", "functional",
      "functional", "functional", "functional", "cost", "service", "current"];
    const mixed: IndexSystem = {
      ...system,
      dimensions: [
        ...system.dimensions,
        {id: "cost", side: "hrv", label: {en: "K", zh: "K"}}
      ],
      indicators: layout.map((dimension, j) => ({
        id: `x${j}`,
        dimension,
        label: {en: `x${j}`, zh: `x${j}`},
        direction: "benefit" as const,
        items: [`x${j}`]
      }))
    };
    const random = seededRandom(21);
    const n = 3000;
    const columns = layout.map(() => Float64Array.from({length: n}, random));
    const sideOf = (dimension: string) =>
      mixed.dimensions.find((d) => d.id === dimension)!.side;
    const raw = layout.map((dimension) => (dimension === "service" ? 0 : random()));
    const weights = raw.map((w, j) => {
      const side = sideOf(layout[j]);
      const total = raw.reduce((sum, v, k) => (sideOf(layout[k]) === side ? sum + v : sum), 0);
      return w / total;
    });
    const scores = scoreHierarchy(columns, mixed, weights);
    for (const dimension of ["functional", "service", "current", "cost"]) {
      const members = layout.flatMap((d, j) => (d === dimension ? [j] : []));
      const total = members.reduce((sum, j) => sum + weights[j], 0);
      for (let i = 0; i < n; i++) {
        let expected = 0;
        for (const j of members) expected += (total > 0 ? weights[j] / total : 0) * columns[j][i];
        expect(scores.dimensions[dimension][i], `${dimension} row ${i}`).toBe(expected);
      }
    }
    for (const side of ["crv", "hrv"] as const) {
      for (let i = 0; i < n; i++) {
        let expected = 0;
        layout.forEach((d, j) => {
          if (sideOf(d) === side) expected += weights[j] * columns[j][i];
        });
        expect(scores.sides[side]![i], `${side} row ${i}`).toBe(expected);
      }
    }
  });
});

describe("weightedColumnSum", () => {
  it("adds the terms in order to the last bit", () => {
    // Six terms take one pass of four and two single terms.
    const n = 50;
    const columns = [0, 1, 2, 3, 4, 5].map((j) =>
      Float64Array.from({length: n}, (_, i) => Math.sin(i * (j + 1)) ** 2)
    );
    const weights = [0.1, 0.7, 0.05, 0.03, 0.02, 0.1];
    const output = new Float64Array(n).fill(9);
    weightedColumnSum(output, columns, weights);
    for (let i = 0; i < n; i++) {
      let expected = 0;
      for (let k = 0; k < 6; k++) expected += weights[k] * columns[k][i];
      expect(output[i], `row ${i}`).toBe(expected);
    }
  });

  it("adds 0 to 20 terms in order to the last bit on random data", () => {
    // 0–20 terms take every mix of passes of eight, four and up to three terms.
    const random = seededRandom(11);
    const n = 37;
    const columns = Array.from({length: 20}, () => Float64Array.from({length: n}, random));
    const weights = Array.from({length: 20}, random);
    for (let count = 0; count <= 20; count++) {
      const output = new Float64Array(n).fill(9);
      weightedColumnSum(output, columns.slice(0, count), weights.slice(0, count), 3, 30);
      for (let i = 0; i < n; i++) {
        let expected = i < 3 || i >= 30 ? 9 : 0;
        if (expected === 0) for (let k = 0; k < count; k++) expected += weights[k] * columns[k][i];
        expect(output[i], `${count} terms, row ${i}`).toBe(expected);
      }
    }
  });

  it("fills only the given rows", () => {
    const output = new Float64Array(4).fill(-1);
    weightedColumnSum(output, [[1, 2, 3, 4]], [0.5], 1, 3);
    expect(Array.from(output)).toEqual([-1, 1, 1.5, -1]);
  });
});
