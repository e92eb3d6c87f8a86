import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {defaultIndexSystem} from "../lib/indexSystem.js";
import {readSurvey} from "../lib/read.js";
import {inspectTable, sheetToCsv, suggestIdColumn} from "../lib/tableInspection.js";

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

const encode = (text: string) => new TextEncoder().encode(text);

describe("sheetToCsv", () => {
  it("writes cells as CSV text", () => {
    const date = new Date(Date.UTC(2026, 0, 31));
    const csv = sheetToCsv([
      ["id", "Q1", "note", "day", "ok"],
      [1, 3.5, "two\nlines, quoted", date, true],
      [2, null],
      [null, null, null]
    ]);
    expect(csv).toBe('id,Q1,note,day,ok\n1,3.5,"two lines, quoted",2026-01-31,TRUE\n2,,,,\n');
  });

  it("rejects an empty sheet", () => {
    expect(() => sheetToCsv([[null, ""]])).toThrow("the sheet is empty");
  });
});

describe("inspectTable", () => {
  it("reads a GBK file with Chinese labels", () => {
    const bytes = fixture("survey-gbk.csv");
    const inspection = inspectTable(bytes, "survey-gbk.csv", defaultIndexSystem);
    expect(inspection.encoding).toBe("gb18030");
    expect(inspection.columns).toEqual(["编号", "性别", "F1", "F2", "P1"]);
    expect(inspection.idColumn).toBe("编号");
    expect(inspection.roles).toEqual({
      性别: {kind: "profile"},
      F1: {kind: "item", item: "F1"},
      F2: {kind: "item", item: "F2"},
      P1: {kind: "item", item: "P1"}
    });
    expect(inspection.scale).toEqual([1, 5]);
    expect(inspection.rowCount).toBe(3);
    const f1 = inspection.summaries.find((summary) => summary.column === "F1")!;
    expect(f1).toMatchObject({numbers: 0, labels: 2, text: 0, missing: 1});
  });

  it("reads a semicolon file with decimal commas", () => {
    const inspection = inspectTable(
      fixture("semicolon-decimal-comma.csv"),
      "semicolon-decimal-comma.csv",
      defaultIndexSystem
    );
    expect(inspection.delimiter).toBe(";");
    expect(inspection.decimalSeparator).toBe(",");
    const revenue = inspection.summaries.find((summary) => summary.column === "revenue")!;
    expect(revenue.min).toBe(-12.75);
    expect(revenue.max).toBe(1234.5);
    // Record fields do not decide the answer scale.
    expect(inspection.scale).toEqual([1, 5]);
  });

  it("suggests 1–7 for answers above 5", () => {
    const bytes = encode("id,F1,F2\n1,7,6\n2,2,3\n");
    const inspection = inspectTable(bytes, "s.csv", defaultIndexSystem);
    expect(inspection.scale).toEqual([1, 7]);
    expect(inspection.scaleReason).toBe(
      "2 of 4 answers to matched survey items are above 5"
    );
  });

  it("gives label answers their values", () => {
    const bytes = encode("id,F1,F2\n1,Strongly agree,Agree\n2,Disagree,Neutral\n");
    const inspection = inspectTable(bytes, "s.csv", defaultIndexSystem);
    expect(inspection.scale).toEqual([1, 5]);
    expect(inspection.scaleReason).toBe("the largest answer to a matched survey item is 5");
    const f2 = inspection.summaries.find((summary) => summary.column === "F2")!;
    expect(f2.labelMax).toBe(4);
  });

  it("cuts long example cells", () => {
    const text = `id,F1,F2\n1,${"z".repeat(1000)},3\n2,4,4\n`;
    const inspection = inspectTable(new TextEncoder().encode(text), "s.csv", defaultIndexSystem);
    const f1 = inspection.summaries.find((summary) => summary.column === "F1");
    expect(f1?.examples).toEqual([`${"z".repeat(40)}… (1000 characters)`]);
    expect(f1?.text).toBe(1);
  });

  it("keeps 1–5 when few answers are above 5", () => {
    const rows = Array.from({length: 60}, (_, k) => `${k},${(k % 5) + 1},3`);
    const bytes = encode(`id,F1,F2\n${rows.join("\n")}\n99,7,3\n`);
    const inspection = inspectTable(bytes, "s.csv", defaultIndexSystem);
    expect(inspection.scale).toEqual([1, 5]);
    expect(inspection.scaleReason).toMatch(/^only 1 of 122 answers .* \(up to 7\)/);
  });

  it("counts answer labels as answers within 1–5", () => {
    const rows = Array.from({length: 30}, (_, k) => `${k},Agree,Neutral`);
    const bytes = encode(`id,F1,F2\n${rows.join("\n")}\n99,6,Agree\n`);
    const inspection = inspectTable(bytes, "s.csv", defaultIndexSystem);
    expect(inspection.scale).toEqual([1, 5]);
  });

  it("suggests 1–7 for 7-point labels", () => {
    const bytes = encode("id,F1,F2\n1,Mostly agree,Agree\n2,Disagree,Neutral\n");
    expect(inspectTable(bytes, "s.csv", defaultIndexSystem).scale).toEqual([1, 7]);
  });

  it("samples the first rows only", () => {
    const rows = Array.from({length: 50}, (_, k) => `${k},${(k % 5) + 1}`);
    const bytes = encode(`id,F1\n${rows.join("\n")}\n`);
    const inspection = inspectTable(bytes, "s.csv", defaultIndexSystem, {sampleRows: 10});
    expect(inspection.sampledRows).toBe(10);
    expect(inspection.rowCount).toBe(50);
  });
});

describe("suggestIdColumn", () => {
  it("finds 编号 in the GBK fixture", () => {
    const bytes = new Uint8Array(readFileSync("test/fixtures/survey-gbk.csv"));
    const {columns} = readSurvey(bytes, {file: "survey-gbk.csv"});
    expect(suggestIdColumn(columns)).toBe("编号");
  });

  it("folds case and spaces", () => {
    expect(suggestIdColumn(["F1", "Customer ID"])).toBe("Customer ID");
  });

  it("returns null without an id column", () => {
    expect(suggestIdColumn(["F1", "F2"])).toBeNull();
  });
});
