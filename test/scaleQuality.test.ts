import {readFileSync} from "node:fs";
import {describe as group, expect, it} from "vitest";
import type {ItemTable} from "../lib/caseData.js";
import type {IndexSystem} from "../lib/indexSystem.js";
import {
  alphaBand,
  itemCorrelations,
  itemValidity,
  kmoReading,
  systemReliability
} from "../lib/scaleQuality.js";
import {sampleSystem, sampleTable} from "./fixtures/surveySample.js";

// Expected α values come from numpy 2.4 on the sample table:
// α = k/(k − 1)·(1 − Σs²_i/s²_T) with ddof = 1, after recoding F3 (and, at side level,
// P1 and P2) as 6 − x. Correlations are numpy.corrcoef on the rows that answered both items.

const find = (groups: ReturnType<typeof systemReliability>, level: string, id: string) => {
  const found = groups.find((g) => g.level === level && g.id === id);
  if (!found) throw new Error(`no ${level} ${id}`);
  return found;
};

group("alphaBand", () => {
  it.each([
    [-0.1, "negative"],
    [0.59, "poor"],
    [0.6, "questionable"],
    [0.7, "acceptable"],
    [0.8, "good"]
  ])("bands %f as %s", (alpha, band) => {
    expect(alphaBand(alpha)).toBe(band);
  });
});

group("kmoReading", () => {
  it.each([
    [0.95, "marvellous"],
    [0.9, "marvellous"],
    [0.85, "meritorious"],
    [0.7, "middling"],
    [0.65, "mediocre"],
    [0.5, "miserable"],
    [0.49, "unacceptable"]
  ])("reads %f as %s", (value, reading) => {
    expect(kmoReading(value)).toBe(reading);
  });
});

group("systemReliability", () => {
  const listwise = systemReliability(sampleSystem, sampleTable, "listwise");
  const pairwise = systemReliability(sampleSystem, sampleTable, "pairwise");

  it("recodes reverse items within a dimension", () => {
    const functional = find(listwise, "dimension", "functional");
    expect(functional.items).toEqual(["F2", "F1", "F3"]);
    expect(functional.reversed).toEqual(["F3"]);
    expect(functional.n).toBe(9);
    expect(functional.excluded).toBe(3);
    expect(functional.result?.alpha).toBeCloseTo(0.9479166666666666, 12);
    expect(functional.band).toBe("good");
  });

  it("gives α if deleted and item–total r", () => {
    const result = find(listwise, "dimension", "functional").result!;
    // Items in order F2, F1, F3.
    expect(result.alphaIfDeleted[0]).toBeCloseTo(0.9585253456221199, 12);
    expect(result.alphaIfDeleted[1]).toBeCloseTo(0.8875, 12);
    expect(result.alphaIfDeleted[2]).toBeCloseTo(0.9158878504672898, 12);
    expect(result.itemTotal[0]).toBeCloseTo(0.8457615282174421, 12);
    expect(result.itemTotal[1]).toBeCloseTo(0.954360294348299, 12);
    expect(result.itemTotal[2]).toBeCloseTo(0.9121514199940571, 12);
  });

  it("uses the group's complete rows pairwise", () => {
    const functional = find(pairwise, "dimension", "functional");
    expect(functional.n).toBe(10);
    expect(functional.result?.alpha).toBeCloseTo(0.9483695652173914, 12);
  });

  it("keeps cost items as they are within their dimension", () => {
    const sacrifice = find(listwise, "dimension", "sacrifice");
    expect(sacrifice.flipped).toEqual([]);
    expect(sacrifice.result?.alpha).toBeCloseTo(0.8957528957528957, 12);
  });

  it("turns cost items around at side level", () => {
    const crv = find(listwise, "side", "crv");
    expect(crv.items).toEqual(["F2", "F1", "F3", "P1", "P2"]);
    expect(crv.flipped).toEqual(["P1", "P2"]);
    expect(crv.result?.alpha).toBeCloseTo(0.9699554896142433, 12);
    expect(crv.result?.itemTotal[4]).toBeCloseTo(0.8976786333435003, 12);
  });

  it("explains a one-item dimension", () => {
    const potential = find(listwise, "dimension", "potential");
    expect(potential.result).toBeNull();
    expect(potential.reason).toMatch(/one item \(R1\).*at least two items/);
  });

  it("explains a dimension of record fields", () => {
    const current = find(listwise, "dimension", "current");
    expect(current.result).toBeNull();
    expect(current.recordIndicators).toEqual(["revenue"]);
    expect(current.reason).toMatch(/record fields/);
    expect(find(listwise, "side", "hrv").recordIndicators).toEqual(["revenue"]);
  });

  it("reports a failed α with its message", () => {
    const values = sampleTable.values.map(() => [3, 3, 3, 3, 3, 3]);
    const groups = systemReliability(sampleSystem, {...sampleTable, values}, "listwise");
    const functional = find(groups, "dimension", "functional");
    expect(functional.result).toBeNull();
    expect(functional.reason).toMatch(/zero variance/);
  });

  it("bands a negative α", () => {
    // F1 and F2 disagree: α is negative and is kept, not dropped.
    const table: ItemTable = {
      ...sampleTable,
      values: [[1, 5, 3, 3, 3, 3], [2, 4, 3, 3, 3, 3], [4, 1, 3, 3, 3, 3], [5, 2, 3, 3, 3, 3]]
    };
    const system: IndexSystem = {
      ...sampleSystem,
      indicators: sampleSystem.indicators.filter((item) => item.id === "room")
    };
    const room = find(systemReliability(system, table, "listwise"), "dimension", "functional");
    expect(room.result!.alpha).toBeLessThan(0);
    expect(room.band).toBe("negative");
    expect(room.result!.warnings[0]).toMatch(/negative/);
  });
});

group("itemCorrelations", () => {
  it("counts the rows behind each pair", () => {
    const result = itemCorrelations(sampleTable, "pairwise");
    expect(result.n[0][1]).toBe(11);
    expect(result.n[1][3]).toBe(10);
    // F1 and P2 are answered in all 12 rows; F2 with P1 in 10.
    expect(result.pairRows).toEqual({min: 10, max: 12});
    expect(result.r[0][1]).toBeCloseTo(0.8703865897025185, 12);
    expect(result.r[1][3]).toBeCloseTo(-0.9242385673167632, 12);
  });

  it("uses complete rows listwise", () => {
    const result = itemCorrelations(sampleTable, "listwise");
    expect(result.n[0][1]).toBe(9);
    expect(result.r[0][1]).toBeCloseTo(0.8635115366415458, 12);
    expect(result.r[1][3]).toBeCloseTo(-0.9099236338782806, 12);
  });

  it("gives null entries when no row is complete", () => {
    const table = {...sampleTable, values: [[1, null, 2, 3, 4, 5]]};
    const result = itemCorrelations(table, "listwise");
    expect(result.r[0][2]).toBeNull();
    expect(result.n[0][2]).toBe(0);
  });
});

interface ValidityReference {
  source: string;
  validity: {
    columns: string[];
    values: (number | null)[][];
    n: number;
    kmo: number;
    msa: number[];
    bartlett: {chiSquare: number; df: number; p: number};
    eigenvalues: number[];
    components: number;
    rotated: number[][];
    componentDimensions: string[];
    main: number[];
    flagged: boolean[];
  };
}

// Generated by test/reference/survey_analysis.py: 80 respondents, items A1–A4 declared in
// dimension a and B1–B3 in b; A3 is stored reverse-worded and A4 is driven by factor b, so it
// should be flagged. Row 5 misses one answer.
const reference: ValidityReference = JSON.parse(
  readFileSync(new URL("./reference/survey_analysis.json", import.meta.url), "utf8")
);
const v = reference.validity;
const label = (en: string) => ({en, zh: en});
const validitySystem: IndexSystem = {
  id: "validity",
  label: label("validity"),
  dimensions: [
    {id: "a", side: "crv", label: label("A")},
    {id: "b", side: "crv", label: label("B")}
  ],
  indicators: v.columns.map((column) => ({
    id: column.toLowerCase(),
    dimension: column.startsWith("A") ? "a" : "b",
    label: label(column),
    direction: "benefit" as const,
    scale: [1, 5] as [number, number],
    items: [column],
    ...(column === "A3" ? {reverse: [column]} : {})
  }))
};
const validityTable: ItemTable = {
  columns: v.columns,
  labels: v.columns.map(label),
  scale: [1, 5],
  values: v.values
};

group("itemValidity against numpy and scipy", () => {
  const result = itemValidity(validitySystem, validityTable, "listwise");

  it("uses the complete rows", () => {
    expect(result.n).toBe(v.n);
    expect(result.excluded).toBe(1);
    expect(result.rowsPerItem).toBeCloseTo(79 / 7, 12);
  });

  it("matches KMO and MSA", () => {
    expect(result.kmo.ok).toBe(true);
    if (!result.kmo.ok) return;
    expect(result.kmo.value.overall).toBeCloseTo(v.kmo, 10);
    const perItem = result.kmo.value.perItem;
    v.msa.forEach((msa, i) => expect(perItem[i]).toBeCloseTo(msa, 10));
  });

  it("matches Bartlett's test", () => {
    expect(result.bartlett.ok).toBe(true);
    if (!result.bartlett.ok) return;
    expect(result.bartlett.value.chiSquare).toBeCloseTo(v.bartlett.chiSquare, 8);
    expect(result.bartlett.value.df).toBe(v.bartlett.df);
    expect(result.bartlett.value.p).toBeCloseTo(v.bartlett.p, 12);
  });

  it("matches eigenvalues and rotated loadings", () => {
    expect(result.pca.ok).toBe(true);
    if (!result.pca.ok) return;
    const eigenvalues = result.pca.value.eigenvalues;
    v.eigenvalues.forEach((value, c) => expect(eigenvalues[c]).toBeCloseTo(value, 10));
    expect(result.pca.value.components).toBe(v.components);
    result.loadings.forEach((row, i) =>
      row.loadings.forEach((value, c) => expect(value).toBeCloseTo(v.rotated[i][c], 6))
    );
  });

  it("flags the item that loads with another dimension", () => {
    expect(result.componentDimensions).toEqual(v.componentDimensions);
    expect(result.loadings.map((row) => row.main)).toEqual(v.main);
    expect(result.loadings.map((row) => row.flagged)).toEqual(v.flagged);
    expect(result.loadings.filter((row) => row.flagged).map((row) => row.column)).toEqual(["A4"]);
  });

  it("flags nothing with one component", () => {
    const one = itemValidity(validitySystem, validityTable, "listwise", {components: 1});
    expect(one.loadings.every((row) => !row.flagged)).toBe(true);
  });

  it("keeps one component per dimension on request", () => {
    const perDimension = itemValidity(validitySystem, validityTable, "listwise", {
      components: "dimensions"
    });
    expect(perDimension.pca.ok && perDimension.pca.value.components).toBe(2);
  });

  it("reports too few rows instead of throwing", () => {
    const table = {...validityTable, values: v.values.slice(0, 6)};
    const small = itemValidity(validitySystem, table, "listwise");
    expect(small.kmo.ok).toBe(false);
    expect(!small.kmo.ok && small.kmo.message).toMatch(/more respondents than variables/);
    expect(small.bartlett.ok).toBe(false);
    expect(small.cautions[0]).toMatch(/fewer than 5 rows per item/);
  });

  it("reports a singular correlation matrix", () => {
    // B3 repeats B2, so the correlation matrix has determinant 0.
    const values = v.values.map((row) => [...row.slice(0, 6), row[5]]);
    const singular = itemValidity(validitySystem, {...validityTable, values}, "listwise");
    expect(singular.kmo.ok).toBe(false);
    expect(!singular.kmo.ok && singular.kmo.message).toMatch(/singular/);
    expect(!singular.bartlett.ok && singular.bartlett.message).toMatch(/singular/);
  });

  it("rejects an invalid components option", () => {
    expect(() => itemValidity(validitySystem, validityTable, "listwise", {components: 0})).toThrow(
      /invalid components 0/
    );
  });
});
