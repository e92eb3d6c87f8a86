import {readFileSync} from "node:fs";
import {describe as group, expect, it} from "vitest";
import type {CaseData} from "../lib/caseData.js";
import {cruiseCase, readSurveyCase, touristCase} from "../lib/cases.js";
import {cleaningReport, cleaningSettings, droppedRows} from "../lib/cleaningRules.js";
import {buildTeachingCase, syntheticCase} from "../lib/synthetic.js";

// The cases as their loaders build them. Counts are those the loaders log: cruise 408 read,
// 48 incomplete; teaching 605 generated, 3 out of range, 5 duplicates, 20 failed checks,
// 1 straight-liner and 8 incomplete.
const cruise = readSurveyCase(cruiseCase, readFileSync(cruiseCase.file), cruiseCase.file);
const tourists = readSurveyCase(touristCase, readFileSync(touristCase.file), touristCase.file);
const teaching = buildTeachingCase(syntheticCase());

const rule = (data: CaseData, reason: string) => {
  const found = cleaningReport(data).rules.find((r) => r.reason === reason);
  if (!found) throw new Error(`no rule ${reason}`);
  return found;
};

group("cleaningReport", () => {
  it("balances raw, kept and dropped rows", () => {
    const report = cleaningReport(teaching);
    expect(report.rawRows).toBe(605);
    expect(report.keptRows).toBe(568);
    expect(report.droppedRows).toBe(37);
    expect(report.balanced).toBe(true);
  });

  it("lists rules in the order they ran", () => {
    expect(cleaningReport(teaching).rules.map((r) => r.reason)).toEqual([
      "out-of-range",
      "duplicate id",
      "failed attention check",
      "straight-lining",
      "incomplete"
    ]);
  });

  it("states the teaching case's settings", () => {
    expect(rule(teaching, "out-of-range").parameters).toBe("items: integers 1–5");
    expect(rule(teaching, "failed attention check").parameters).toBe("AC1 must be 4");
    expect(rule(teaching, "duplicate id").parameters).toMatch(/^id column id:/);
    expect(rule(teaching, "straight-lining").parameters).toBe(
      "the same answer to all of at least 5 answered items, over 38 items"
    );
    expect(rule(teaching, "incomplete").parameters).toMatch(/38 scored items/);
  });

  it("separates flagged from dropped rows", () => {
    const straight = rule(teaching, "straight-lining");
    expect(straight.flagged).toBe(12);
    expect(straight.dropped).toBe(1);
  });

  it("states the cruise case's settings", () => {
    expect(rule(cruise, "out-of-range").parameters).toBe(
      "items: integers 1–7; profile codes: Gender 1–2"
    );
    expect(rule(cruise, "duplicate id").parameters).toMatch(/no id column/);
    expect(rule(cruise, "failed attention check").parameters).toBe("no attention-check item");
    expect(rule(cruise, "incomplete").dropped).toBe(48);
    expect(rule(cruise, "straight-lining").note).toMatch(/fewer than the 10/);
  });

  it("matches the minimum that the audit labels give", () => {
    for (const data of [cruise, tourists, teaching]) {
      const {minItems} = cleaningSettings[data.id].straightLining!;
      expect(rule(data, "straight-lining").label.en).toContain(`≥ ${minItems} answered`);
    }
  });

  it("lists the reverse-worded items", () => {
    expect(cleaningReport(teaching).reverse.map((r) => r.items)).toEqual([["E4"], ["P2"]]);
    expect(cleaningReport(cruise).reverse).toEqual([]);
  });

  it("reports an audit that does not balance", () => {
    const broken = {...teaching, audit: {...teaching.audit, rawRows: 600}};
    const report = cleaningReport(broken);
    expect(report.balanced).toBe(false);
    expect(report.balanceMessage).toMatch(/600 raw rows/);
  });

  it("falls back to generic settings for an unknown case", () => {
    const other = {...teaching, id: "other"};
    expect(rule(other, "failed attention check").parameters).toMatch(/passing answer/);
  });
});

group("droppedRows", () => {
  it("lists every dropped row once", () => {
    const rows = droppedRows(teaching.audit);
    expect(rows).toHaveLength(37);
    expect(new Set(rows.map((r) => r.row)).size).toBe(37);
  });

  it("keeps each row's detail", () => {
    const rows = droppedRows(teaching.audit);
    expect(rows[0].reason).toBe("out-of-range");
    expect(rows[0].detail).toMatch(/expected an integer from 1 to 5/);
    const incomplete = droppedRows(cruise.audit).filter((r) => r.reason === "incomplete");
    expect(incomplete).toHaveLength(48);
    expect(incomplete[0].detail).toMatch(/^missing /);
  });
});
