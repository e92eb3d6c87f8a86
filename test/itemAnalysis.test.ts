import {describe as group, expect, it} from "vitest";
import {
  itemDescriptives,
  itemRoles,
  likertCounts,
  selectItems
} from "../lib/itemAnalysis.js";
import {sampleSystem, sampleTable} from "./fixtures/surveySample.js";

// Expected values come from numpy 2.4 and scipy 1.17 on the sample table (mean, std with
// ddof = 1, scipy.stats.skew and kurtosis with bias=False).

group("itemRoles", () => {
  it("orders items by dimension, indicator and item", () => {
    const roles = itemRoles(sampleSystem, sampleTable);
    expect(roles.items.map((role) => role.column)).toEqual(["F2", "F1", "F3", "P1", "P2", "R1"]);
  });

  it("marks reverse-worded items and cost directions", () => {
    const roles = itemRoles(sampleSystem, sampleTable).items;
    expect(roles.find((role) => role.column === "F3")?.reverse).toBe(true);
    expect(roles.find((role) => role.column === "F1")?.reverse).toBe(false);
    expect(roles.find((role) => role.column === "P1")?.direction).toBe("cost");
    expect(roles.find((role) => role.column === "R1")?.side).toBe("hrv");
  });

  it("lists columns no indicator uses", () => {
    const table = {...sampleTable, columns: [...sampleTable.columns.slice(0, 5), "AC1"]};
    expect(itemRoles(sampleSystem, table).unassigned).toEqual(["AC1"]);
  });

  it("rejects an indicator of an unknown dimension", () => {
    const system = {
      ...sampleSystem,
      indicators: [{...sampleSystem.indicators[0], dimension: "nowhere"}]
    };
    expect(() => itemRoles(system, sampleTable)).toThrow(/dimension "nowhere"/);
  });
});

group("selectItems", () => {
  it("recodes reverse items as min + max − x", () => {
    const rows = selectItems(sampleTable, [2, 0], [2]);
    expect(rows[0]).toEqual([4, 4]);
    expect(rows[9]).toEqual([null, 4]);
  });

  it("rejects a recoded answer outside the scale", () => {
    const table = {...sampleTable, values: [[4, 5, 7, 2, 1, 5]]};
    expect(() => selectItems(table, [2], [2])).toThrow(/row 0, column F3: answer 7/);
  });
});

group("itemDescriptives", () => {
  it("uses complete rows listwise", () => {
    const result = itemDescriptives(sampleTable, "listwise");
    expect(result.completeRows).toBe(9);
    const f3 = result.items[2];
    expect(f3.n).toBe(9);
    expect(f3.excluded).toBe(3);
    expect(f3.description?.mean).toBeCloseTo(2.7777777777777777, 12);
    expect(f3.description?.sd).toBeCloseTo(1.092906420717, 12);
    expect(f3.description?.skewness).toBeCloseTo(-0.18846999389943142, 12);
    expect(f3.description?.kurtosis).toBeCloseTo(-1.232171830332999, 12);
  });

  it("uses each item's answers pairwise", () => {
    const result = itemDescriptives(sampleTable, "pairwise");
    const f2 = result.items[1];
    expect(f2.n).toBe(11);
    expect(f2.excluded).toBe(1);
    expect(f2.description?.mean).toBeCloseTo(3.8181818181818183, 12);
    expect(f2.description?.sd).toBeCloseTo(1.1677484162422844, 12);
    expect(f2.description?.skewness).toBeCloseTo(-0.4985853237941139, 12);
    expect(f2.description?.kurtosis).toBeCloseTo(-1.1537777777777753, 12);
    expect(result.items[4].description?.mean).toBeCloseTo(2.6666666666666665, 12);
  });

  it("gives a reason when no answer is left", () => {
    const table = {...sampleTable, values: [[1, null, 2, 3, 4, 5], [2, null, 3, 4, 5, 1]]};
    const pairwise = itemDescriptives(table, "pairwise").items[1];
    expect(pairwise.description).toBeNull();
    expect(pairwise.reason).toMatch(/no row answered this item/);
    const listwise = itemDescriptives(table, "listwise").items[0];
    expect(listwise.description).toBeNull();
    expect(listwise.reason).toMatch(/listwise deletion leaves nothing/);
  });

  it("rejects an unknown handling", () => {
    // @ts-expect-error: an invalid option on purpose
    expect(() => itemDescriptives(sampleTable, "mean")).toThrow(/listwise or pairwise/);
  });
});

group("likertCounts", () => {
  it("counts answers pairwise", () => {
    const [, f2, f3] = likertCounts(sampleTable, "pairwise");
    expect(f2.levels).toEqual([1, 2, 3, 4, 5]);
    expect(f2.counts).toEqual([0, 2, 2, 3, 4]);
    expect(f2.n).toBe(11);
    expect(f3.counts).toEqual([1, 4, 3, 3, 0]);
    expect(f2.shares[4]).toBeCloseTo(4 / 11, 15);
  });

  it("counts complete rows listwise", () => {
    const [, f2, f3] = likertCounts(sampleTable, "listwise");
    expect(f2.counts).toEqual([0, 2, 2, 3, 2]);
    expect(f3.counts).toEqual([1, 3, 2, 3, 0]);
    expect(f3.n).toBe(9);
  });

  it("gives null shares with no answers", () => {
    const table = {...sampleTable, values: [[1, null, 2, 3, 4, 5]]};
    expect(likertCounts(table, "pairwise")[1].shares).toEqual([null, null, null, null, null]);
  });

  it("rejects an answer off the scale", () => {
    const table = {...sampleTable, values: [[1, 2.5, 2, 3, 4, 5]]};
    expect(() => likertCounts(table, "pairwise")).toThrow(/row 0, column F2: answer 2.5/);
  });
});
