import {describe, expect, test} from "vitest";
import {
  attentionCheckRows,
  auditSummary,
  buildAudit,
  checkAudit,
  duplicateIdRows,
  flagRows,
  incompleteRows,
  outOfRangeRows,
  straightLiningRows,
  type ResponseTable
} from "../lib/clean.js";

// Six respondents, five 1–5 items and an attention item AC whose passing answer is 2.
// Expected drops were worked out by hand from the rows below.
const table: ResponseTable = {
  file: "small.csv",
  ids: ["r1", "r2", "r3", "r4", "r2", "r6"],
  columns: ["Q1", "Q2", "Q3", "Q4", "Q5", "AC"],
  values: [
    [4, 4, 4, 4, 4, 2], // r1: straight-lined over 5 items
    [3, null, 4, 5, 2, 2], // r2: Q2 missing
    [1, 2, 6, 3, 0, 2], // r3: Q3 = 6 and Q5 = 0 out of range
    [5, 5, null, 5, 5, 3], // r4: 4 identical answers, one missing; fails AC
    [2, 3, 4, 3, 2, 2], // r2 again: duplicate id
    [2.5, 3, 4, 3, 2, null] // r6: Q1 not an integer; AC unanswered
  ]
};
const items = ["Q1", "Q2", "Q3", "Q4", "Q5"];

describe("incompleteRows", () => {
  test("flags rows with a missing item", () => {
    const result = incompleteRows(table, items);
    expect(result.rows).toEqual([1, 3]);
    expect(result.details).toEqual(["missing Q2", "missing Q3"]);
  });

  test("ignores items outside the list", () => {
    expect(incompleteRows(table, ["Q1", "Q4"]).rows).toEqual([]);
  });

  test("rejects an unknown item", () => {
    expect(() => incompleteRows(table, ["Q9"])).toThrow(/small.csv has no column "Q9"/);
  });
});

describe("straightLiningRows", () => {
  test("flags identical answers over 5 items", () => {
    const result = straightLiningRows(table, items, 5);
    expect(result.rows).toEqual([0]);
    expect(result.details).toEqual(["all 5 answered items = 4"]);
    expect(result.note).toBeUndefined();
  });

  test("counts answered items only", () => {
    expect(straightLiningRows(table, items, 4).rows).toEqual([0, 3]);
  });

  test("notes a battery shorter than minItems", () => {
    const result = straightLiningRows(table, items, 6);
    expect(result.rows).toEqual([]);
    expect(result.note).toMatch(/has 5 items, fewer than the 6/);
  });

  test("rejects minItems below 2", () => {
    expect(() => straightLiningRows(table, items, 1)).toThrow(/integer ≥ 2; got 1/);
  });
});

describe("outOfRangeRows", () => {
  const ranges = Object.fromEntries(items.map((item) => [item, {min: 1, max: 5}]));

  test("flags values outside the scale and fractions", () => {
    const result = outOfRangeRows(table, ranges);
    expect(result.rows).toEqual([2, 5]);
    expect(result.details).toEqual([
      "Q3 = 6, expected an integer from 1 to 5; Q5 = 0, expected an integer from 1 to 5",
      "Q1 = 2.5, expected an integer from 1 to 5"
    ]);
  });

  test("accepts fractions when allowed", () => {
    const result = outOfRangeRows(table, {Q1: {min: 1, max: 5, integer: false}});
    expect(result.rows).toEqual([]);
  });

  test("rejects min above max", () => {
    expect(() => outOfRangeRows(table, {Q1: {min: 5, max: 1}})).toThrow(/min 5 > max 1/);
  });
});

describe("duplicateIdRows", () => {
  test("flags repeats after the first", () => {
    const result = duplicateIdRows(table.ids, "id");
    expect(result.rows).toEqual([4]);
    expect(result.details).toEqual(["same id r2 as row 2"]);
    expect(result.note).toBeUndefined();
  });

  test("notes line-number ids", () => {
    const result = duplicateIdRows(["line 2", "line 3"], null);
    expect(result.rows).toEqual([]);
    expect(result.note).toMatch(/no id column/);
  });
});

describe("attentionCheckRows", () => {
  test("flags wrong and missing answers", () => {
    const result = attentionCheckRows(table, {item: "AC", pass: [2]});
    expect(result.rows).toEqual([3, 5]);
    expect(result.details).toEqual(["AC: answer 3, expected 2", "AC: no answer, expected 2"]);
  });

  test("notes a questionnaire without check", () => {
    const result = attentionCheckRows(table, null);
    expect(result.rows).toEqual([]);
    expect(result.note).toMatch(/no attention-check item/);
  });
});

describe("flagRows", () => {
  test("keeps the test's details", () => {
    const label = {en: "Never stayed", zh: "从未入住"};
    const result = flagRows("never stayed", label, 4, (i) => (i % 2 === 1 ? `row ${i}` : null));
    expect(result.rows).toEqual([1, 3]);
    expect(result.details).toEqual(["row 1", "row 3"]);
  });
});

describe("buildAudit", () => {
  const ranges = Object.fromEntries(items.map((item) => [item, {min: 1, max: 5}]));
  const rules = () => [
    outOfRangeRows(table, ranges),
    duplicateIdRows(table.ids, "id"),
    attentionCheckRows(table, {item: "AC", pass: [2]}),
    straightLiningRows(table, items, 4),
    incompleteRows(table, items)
  ];

  test("drops each row for its first rule", () => {
    const {audit, kept} = buildAudit(table.file, table.ids, rules());
    // r3 and r6 out of range; the second r2 duplicate; r4 fails AC (also straight-lined and
    // incomplete); r1 straight-lined; the first r2 incomplete. Nothing is kept.
    expect(kept).toEqual([]);
    expect(audit.rawRows).toBe(6);
    expect(audit.keptRows).toBe(0);
    expect(audit.dropped.map((drop) => drop.reason)).toEqual([
      "out-of-range",
      "duplicate id",
      "failed attention check",
      "straight-lining",
      "incomplete"
    ]);
    expect(audit.dropped.map((drop) => drop.rows)).toEqual([
      ["r3", "r6"],
      ["r2 (row 5)"],
      ["r4"],
      ["r1"],
      ["r2 (row 2)"]
    ]);
    expect(audit.dropped.map((drop) => drop.count)).toEqual([2, 1, 1, 1, 1]);
    expect(audit.dropped.map((drop) => drop.flagged)).toEqual([2, 1, 2, 2, 2]);
  });

  test("returns each row's reason", () => {
    const {reasons} = buildAudit(table.file, table.ids, rules());
    expect(reasons).toEqual([
      "straight-lining",
      "incomplete",
      "out-of-range",
      "failed attention check",
      "duplicate id",
      "out-of-range"
    ]);
  });

  test("lists rules that drop nothing", () => {
    const row = table.values[4];
    const clean: ResponseTable = {...table, ids: ["a", "b"], values: [row, row]};
    const {audit, kept} = buildAudit(clean.file, clean.ids, [
      incompleteRows(clean, items),
      attentionCheckRows(clean, null)
    ]);
    expect(kept).toEqual([0, 1]);
    expect(audit.dropped.map((drop) => drop.count)).toEqual([0, 0]);
    expect(audit.dropped[1].note).toMatch(/no attention-check item/);
  });

  test("keeps details of dropped rows", () => {
    const {audit} = buildAudit(table.file, table.ids, [incompleteRows(table, items)]);
    expect(audit.dropped[0].details).toEqual(["missing Q2", "missing Q3"]);
    expect(audit.keptRows).toBe(4);
  });

  test("adds recodes to the audit", () => {
    const recoded = [{rule: "empty cell → missing answer", count: 3}];
    const {audit} = buildAudit(table.file, table.ids, [], recoded);
    expect(audit.recoded).toEqual(recoded);
    expect(audit.keptRows).toBe(6);
  });

  test("rejects a row index out of range", () => {
    const bad = {...incompleteRows(table, items), rows: [6], details: [""]};
    expect(() => buildAudit(table.file, table.ids, [bad])).toThrow(/flags row 6, outside 0…5/);
  });

  test("rejects a row flagged twice by one rule", () => {
    const bad = {...incompleteRows(table, items), rows: [1, 1], details: ["", ""]};
    expect(() => buildAudit(table.file, table.ids, [bad])).toThrow(/flags row 1 twice/);
  });

  test("rejects two rules with one reason", () => {
    const rule = incompleteRows(table, items);
    expect(() => buildAudit(table.file, table.ids, [rule, rule])).toThrow(/share reason/);
  });
});

describe("checkAudit", () => {
  const label = {en: "Incomplete", zh: "不完整"};

  test("accepts a balanced audit", () => {
    const audit = {
      file: "s.csv",
      rawRows: 3,
      keptRows: 2,
      recoded: [],
      dropped: [{reason: "incomplete", label, count: 1, rows: ["4"]}]
    };
    expect(() => checkAudit(audit)).not.toThrow();
  });

  test("rejects raw ≠ kept + dropped", () => {
    const audit = {
      file: "s.csv",
      rawRows: 4,
      keptRows: 2,
      recoded: [],
      dropped: [{reason: "incomplete", label, count: 1, rows: ["4"]}]
    };
    expect(() => checkAudit(audit)).toThrow(/4 raw rows but 2 kept \+ 1 dropped = 3/);
  });

  test("rejects a count that differs from its rows", () => {
    const audit = {
      file: "s.csv",
      rawRows: 4,
      keptRows: 2,
      recoded: [],
      dropped: [{reason: "incomplete", label, count: 2, rows: ["4"]}]
    };
    expect(() => checkAudit(audit)).toThrow(/counts 2 rows but lists 1/);
  });

  test("rejects a row dropped twice", () => {
    const audit = {
      file: "s.csv",
      rawRows: 4,
      keptRows: 2,
      recoded: [],
      dropped: [
        {reason: "incomplete", label, count: 1, rows: ["4"]},
        {reason: "straight-lining", label, count: 1, rows: ["4"]}
      ]
    };
    expect(() => checkAudit(audit)).toThrow(/row 4 is dropped twice/);
  });
});

describe("auditSummary", () => {
  test("lists every reason", () => {
    const {audit} = buildAudit(table.file, table.ids, [
      incompleteRows(table, items),
      attentionCheckRows(table, null)
    ]);
    expect(auditSummary(audit)).toBe(
      "small.csv: 6 rows read, 4 kept, 2 dropped (incomplete 2, failed attention check 0)"
    );
  });

  test("says row for a file of one row", () => {
    const {audit} = buildAudit("one.csv", ["R1"], []);
    expect(auditSummary(audit)).toBe("one.csv: 1 row read, 1 kept, 0 dropped");
  });
});
