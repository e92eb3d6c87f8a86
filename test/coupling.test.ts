import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {
  coordinationGrade,
  coordinationGrades,
  couplingCoordination,
  relationshipValue
} from "../lib/coupling.js";

interface ReferenceCase {
  case: string;
  input: {U1: number[]; U2: number[]; a: number; b: number};
  expected: Record<string, number[]> & {error?: boolean};
  tolerance?: number;
}

const cases: ReferenceCase[] = JSON.parse(
  readFileSync(new URL("./reference/coupling_coordination.json", import.meta.url), "utf8")
);

describe("couplingCoordination against numpy reference values", () => {
  for (const reference of cases) {
    it(reference.case, () => {
      const {U1, U2, a, b} = reference.input;
      if (reference.expected.error) {
        expect(() => couplingCoordination(U1, U2, {alpha: a, beta: b})).toThrow(/outside \[0, 1\]/);
        return;
      }
      const result = couplingCoordination(U1, U2, {alpha: a, beta: b});
      const tolerance = reference.tolerance ?? 1e-12;
      U1.forEach((_, i) => {
        expect(Math.abs(result.c[i] - reference.expected.C[i])).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(result.t[i] - reference.expected.T[i])).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(result.d[i] - reference.expected.D[i])).toBeLessThanOrEqual(tolerance);
        expect(result.grade[i]).toBe(reference.expected.D_class_0_to_9[i]);
      });
    });
  }
});

describe("couplingCoordination", () => {
  it("is zero when both sides are zero", () => {
    const result = couplingCoordination([0], [0]);
    expect([result.c[0], result.t[0], result.d[0], result.grade[0]]).toEqual([0, 0, 0, 0]);
  });

  it("matches the hand-worked case U1 = 0.6, U2 = 0.4", () => {
    // C = 2·√0.24 / 1 = 0.979796, T = 0.5, D = √(0.489898) = 0.699927
    const result = couplingCoordination([0.6], [0.4]);
    expect(result.c[0]).toBeCloseTo(0.9797958971, 9);
    expect(result.t[0]).toBeCloseTo(0.5, 12);
    expect(result.d[0]).toBeCloseTo(0.6999271, 6);
  });

  it("clamps rounding overshoot above 1", () => {
    const result = couplingCoordination([1.0000000000000002], [1]);
    expect(result.d[0]).toBe(1);
    expect(result.c[0]).toBe(1);
  });

  it("rejects a score clearly above 1", () => {
    expect(() => couplingCoordination([1.001], [1])).toThrow(/U1\[0\] = 1.001 is outside/);
  });

  it("rejects unequal lengths", () => {
    expect(() => couplingCoordination([0.1, 0.2], [0.3])).toThrow(/U1 has 2 values but U2 has 1/);
  });

  it("rejects NaN and names the customer", () => {
    expect(() => couplingCoordination([0.1, NaN], [0.3, 0.4])).toThrow(/U1\[1\] = NaN/);
  });

  it("rejects side weights that do not sum to 1", () => {
    expect(() => couplingCoordination([0.1], [0.3], {alpha: 0.7, beta: 0.7})).toThrow(
      /sum to 1: alpha = 0.7, beta = 0.7/
    );
  });

  it("defaults beta to 1 - alpha", () => {
    expect(couplingCoordination([1], [0], {alpha: 0.8}).t[0]).toBeCloseTo(0.8, 12);
  });
});

describe("coordinationGrade", () => {
  it("uses inclusive lower bounds and caps at 9", () => {
    expect([0, 0.0999, 0.1, 0.5, 0.9, 1].map(coordinationGrade)).toEqual([0, 0, 1, 5, 9, 9]);
  });

  it("has ten labelled grades", () => {
    expect(coordinationGrades).toHaveLength(10);
    expect(coordinationGrades[5].en).toBe("Barely coordinated");
  });
});

describe("relationshipValue", () => {
  it("computes the additive model", () => {
    expect(relationshipValue([0.2], [0.6], "additive", {alpha: 0.25})[0]).toBeCloseTo(0.5, 12);
  });

  it("computes the geometric model", () => {
    expect(relationshipValue([0.64], [0.25], "geometric")[0]).toBeCloseTo(0.4, 12);
  });

  it("defaults to coupling coordination D", () => {
    expect(relationshipValue([0.8], [0.6])[0]).toBeCloseTo(0.8323582900575635, 12);
  });

  it("rejects an unknown model", () => {
    expect(() => relationshipValue([0.1], [0.1], "harmonic" as never)).toThrow(
      /unknown relationship-value model "harmonic"/
    );
  });
});
