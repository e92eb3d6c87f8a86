import {readSheet} from "read-excel-file/node";
import {describe, expect, it} from "vitest";
import {defaultIndexSystem} from "../lib/indexSystem.js";
import {matchColumns} from "../lib/read.js";
import {
  encodeGbk,
  formatTable,
  sampleRecordsTable,
  sampleSurveyTable,
  writeXlsx
} from "../lib/sampleFiles.js";

describe("encodeGbk", () => {
  it("round-trips through TextDecoder", () => {
    const text = "编号,性别,客房质量1\nK001,女,非常同意\n";
    expect(new TextDecoder("gbk").decode(encodeGbk(text))).toBe(text);
  });

  it("writes the two-byte GBK codes", () => {
    // 你好 is C4E3 BAC3 in GB2312, a subset of GBK.
    expect(Array.from(encodeGbk("A你好"))).toEqual([0x41, 0xc4, 0xe3, 0xba, 0xc3]);
  });

  it("rejects a character outside GBK", () => {
    expect(() => encodeGbk("ok 😀")).toThrow('character "😀" (U+1F600) is not in GBK');
  });
});

describe("formatTable", () => {
  const table = {header: ["id", "revenue", "note"], rows: [["A", "12.5", "a;b"], ["B", "3", "x"]]};

  it("writes decimal commas with a semicolon delimiter", () => {
    expect(formatTable(table, {delimiter: ";", decimalComma: true})).toBe(
      'id;revenue;note\nA;12,5;"a;b"\nB;3;x\n'
    );
  });

  it("rejects decimal commas with a comma delimiter", () => {
    expect(() => formatTable(table, {decimalComma: true})).toThrow("needs a delimiter");
  });
});

describe("writeXlsx", () => {
  it("writes a workbook that an XLSX reader reads back", async () => {
    const table = {
      header: ["id", "F1", "note"],
      rows: [
        ["1", "4", "Agree & more"],
        ["2", "", "<x>"]
      ]
    };
    const rows = await readSheet(Buffer.from(writeXlsx(table)));
    expect(rows).toEqual([
      ["id", "F1", "note"],
      [1, 4, "Agree & more"],
      [2, null, "<x>"]
    ]);
  });

  it("gives the same bytes twice", () => {
    const table = {header: ["a"], rows: [["1"]]};
    expect(writeXlsx(table)).toEqual(writeXlsx(table));
  });
});

describe("sampleSurveyTable", () => {
  const items = defaultIndexSystem.indicators.flatMap((indicator) => indicator.items);

  it("names columns after the items", () => {
    const table = sampleSurveyTable({n: 40});
    expect(table.header.slice(0, 3)).toEqual(["id", "gender", "channel"]);
    expect(new Set(table.header.slice(3))).toEqual(new Set(items));
    // 40 respondents and the 3 duplicated ones.
    expect(table.rows).toHaveLength(43);
    expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
  });

  it("writes Chinese headers that map back to the items", () => {
    const table = sampleSurveyTable({n: 40, headers: "zh", answers: "zh"});
    const expected = ["编号", "性别", "预订渠道", "客房质量1", "客房质量2"];
    expect(table.header.slice(0, 5)).toEqual(expected);
    const {mapping, unmatchedItems} = matchColumns(table.header.slice(3), defaultIndexSystem);
    expect(unmatchedItems).toEqual([]);
    expect(mapping["客房质量2"]).toBe("F2");
    expect(mapping["年度收入"]).toBe("revenue");
  });

  it("writes answers as labels", () => {
    const numbers = sampleSurveyTable({n: 40});
    const labels = sampleSurveyTable({n: 40, answers: "en"});
    const j = numbers.header.indexOf("F1");
    const names = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"];
    numbers.rows.forEach((row, i) => {
      const value = row[j];
      const expected = /^[1-5]$/.test(value) ? names[Number(value) - 1] : value;
      expect(labels.rows[i][j]).toBe(expected);
    });
  });
});

describe("sampleRecordsTable", () => {
  it("has one row per customer", () => {
    const table = sampleRecordsTable({n: 25});
    expect(table.header).toEqual([
      "id",
      "revenue",
      "room_nights",
      "ancillary",
      "tenure",
      "recency",
      "cost_to_serve",
      "discounts",
      "cancellations",
      "no_shows"
    ]);
    expect(table.rows).toHaveLength(25);
  });
});
