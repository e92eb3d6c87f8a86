import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {defaultIndexSystem} from "../lib/indexSystem.js";
import {matchColumns, readSurvey, type ReadOptions} from "../lib/read.js";

// Fixtures were written with python3 (`text.encode("gbk")`, `"utf-16le"`, …). Expected values
// are the cells as written in each fixture, Likert labels mapped by their printed order.
// What the message for an unreadable cell on a 1–5 scale says is valid.
const validFive =
  "valid answers are the whole numbers 1 to 5 or one of the labels Strongly disagree " +
  "(非常不同意), Disagree (不同意), Neutral (一般), Agree (同意), Strongly agree (非常同意)";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const read = (text: string, options: ReadOptions = {}) =>
  readSurvey(new TextEncoder().encode(text), {file: "survey.csv", ...options});

describe("readSurvey encodings", () => {
  test("reads GBK with Chinese labels", () => {
    const table = readSurvey(fixture("survey-gbk.csv"), {
      file: "survey-gbk.csv",
      idColumn: "编号",
      textColumns: ["性别"],
      scale: [1, 5],
      reverse: ["P1"]
    });
    expect(table.encoding).toBe("gb18030");
    expect(table.delimiter).toBe(",");
    expect(table.columns).toEqual(["F1", "F2", "P1"]);
    expect(table.ids).toEqual(["K001", "K002", "K003"]);
    expect(table.lines).toEqual([2, 3, 4]);
    // P1 is reverse-coded: 一般 3 → 3, 非常不同意 1 → 5, 比较不同意 2 → 4.
    expect(table.values).toEqual([
      [5, 4, 3],
      [2, 4, 5],
      [null, 5, 4]
    ]);
    expect(table.text).toEqual({性别: ["女", "男", "女"]});
    expect(table.missing).toEqual([1, 0, 0]);
    expect(table.problems).toEqual([]);
  });

  test("reads BOM file with 7-point labels", () => {
    const table = readSurvey(fixture("survey-bom.csv"), {
      file: "survey-bom.csv",
      idColumn: "respondent",
      scale: [1, 7]
    });
    expect(table.encoding).toBe("utf-8-bom");
    expect(table.ids).toEqual(["r1", "r2", "r3"]);
    expect(table.values).toEqual([
      [7, 3, 4],
      [6, 1, 6],
      [5, 2, null]
    ]);
    expect(table.missing).toEqual([0, 0, 1]);
    expect(table.problems).toEqual([]);
  });

  test("maps labels by the 5-point scale", () => {
    const table = readSurvey(fixture("survey-bom.csv"), {
      file: "survey-bom.csv",
      idColumn: "respondent",
      scale: [1, 5]
    });
    expect(table.values).toEqual([
      [5, 2, 3],
      [4, 1, null],
      [4, 2, null]
    ]);
    expect(table.problems.map((problem) => problem.message)).toEqual([
      'survey-bom.csv line 3 (id r2), column Q3: "6" is outside the 1–5 scale'
    ]);
  });

  test("reads UTF-16 tab-separated records", () => {
    const table = readSurvey(fixture("records-utf16.txt"), {
      file: "records-utf16.txt",
      idColumn: "customer",
      textColumns: ["channel"]
    });
    expect(table.encoding).toBe("utf-16le");
    expect(table.delimiter).toBe("\t");
    expect(table.decimalSeparator).toBe(".");
    expect(table.columns).toEqual(["revenue", "room_nights", "recency"]);
    expect(table.values).toEqual([
      [1520.5, 6, 30],
      [310, 1, 400],
      [0, 0, null]
    ]);
    expect(table.text).toEqual({channel: ["OTA", "direct", null]});
    expect(table.missing).toEqual([0, 0, 1]);
    expect(table.problems).toEqual([]);
  });
});

describe("readSurvey delimiters and numbers", () => {
  test("detects a semicolon delimiter and decimal comma", () => {
    const table = readSurvey(fixture("semicolon-decimal-comma.csv"), {idColumn: "id"});
    expect(table.delimiter).toBe(";");
    expect(table.decimalSeparator).toBe(",");
    expect(table.columns).toEqual(["revenue", "room_nights", "satisfaction"]);
    expect(table.values).toEqual([
      [1234.5, 12, 4.5],
      [980, 3, 3],
      [-12.75, 0, null]
    ]);
    expect(table.missing).toEqual([0, 0, 1]);
  });

  test("reports commas under a forced dot", () => {
    const table = readSurvey(fixture("semicolon-decimal-comma.csv"), {
      file: "eu.csv",
      idColumn: "id",
      decimalSeparator: "."
    });
    expect(table.values[0]).toEqual([null, 12, null]);
    expect(table.problems[0].message).toBe(
      'eu.csv line 2 (id A1), column revenue: "1234,50" is not a number'
    );
  });

  test("reports dot decimals in a decimal-comma file", () => {
    const table = read("id;x\na;1,5\nb;2,5\nc;3.5\n", {idColumn: "id"});
    expect(table.decimalSeparator).toBe(",");
    expect(table.values).toEqual([[1.5], [2.5], [null]]);
    expect(table.problems[0].message).toBe(
      'survey.csv line 4 (id c), column x: "3.5" is not a number in this file, whose decimal ' +
        'separator is ","'
    );
  });

  test("detects a decimal comma in a tab-separated file", () => {
    const table = read("x\ty\n3,25\t1\n4\t2\n");
    expect(table.delimiter).toBe("\t");
    expect(table.decimalSeparator).toBe(",");
    expect(table.values).toEqual([
      [3.25, 1],
      [4, 2]
    ]);
  });

  test("keeps quoted delimiters and line breaks", () => {
    const table = readSurvey(fixture("quoted-fields.csv"), {
      file: "quoted-fields.csv",
      idColumn: "id",
      textColumns: ["comment"],
      scale: [1, 5]
    });
    expect(table.delimiter).toBe(",");
    expect(table.ids).toEqual(["c1", "c2", "c3", "c4"]);
    expect(table.lines).toEqual([2, 3, 4, 6]);
    expect(table.text.comment).toEqual([
      "Nice room, quiet",
      'She said "fine"; ok',
      "two\nlines",
      null
    ]);
    expect(table.values).toEqual([
      [4, 5],
      [3, 2],
      [5, 1],
      [2, 3]
    ]);
  });

  test("reads only plain decimal numbers", () => {
    const table = read('x\n 3 \n1e3\n-0.5\n+2\n0x10\nInfinity\n"1,5"\n');
    expect(table.values).toEqual([[3], [1000], [-0.5], [2], [null], [null], [null]]);
    expect(table.problems.map((problem) => problem.value)).toEqual(["0x10", "Infinity", "1,5"]);
  });

  test("prefers delimiters giving consistent rows", () => {
    expect(read("a;b;c\n1;2,5;3\n").delimiter).toBe(";");
    // Both split into two consistent columns, so the tie goes to the comma.
    expect(read("a,b;c\n1,2;3\n").delimiter).toBe(",");
    expect(read("a\tb\n1\t2,5\n").delimiter).toBe("\t");
  });

  test("detects the delimiter of long files", () => {
    const rows = Array.from({length: 20000}, (_, i) => `r${i};"a, b\nc";${i % 5 + 1}`);
    const text = `id;note;Q1\n${rows.join("\n")}\n`;
    const table = read(text, {idColumn: "id", textColumns: ["note"]});
    expect(table.delimiter).toBe(";");
    expect(table.values).toHaveLength(20000);
    expect(table.values[19999]).toEqual([5]);
    expect(table.lines[19999]).toBe(2 + 2 * 19999);
  });

  test("uses the given delimiter", () => {
    const table = read("a|b\n1|2\n", {delimiter: "|"});
    expect(table.columns).toEqual(["a", "b"]);
    expect(table.values).toEqual([[1, 2]]);
  });
});

describe("readSurvey answers", () => {
  test("maps labels on 5- and 7-point scales", () => {
    const text = "Q1,Q2\nStrongly agree,非常不同意\nNeutral,一般\nsomewhat disagree,比较同意\n";
    expect(read(text, {scale: [1, 5]}).values).toEqual([
      [5, 1],
      [3, 3],
      [2, 4]
    ]);
    expect(read(text, {scale: [1, 7]}).values).toEqual([
      [7, 1],
      [4, 4],
      [3, 5]
    ]);
  });

  test("uses given labels before the built-in ones", () => {
    const table = read("Q1\nAgree\nYES\nno\n", {scale: [0, 4], labels: {agree: 3, yes: 4, No: 0}});
    expect(table.values).toEqual([[3], [4], [0]]);
  });

  test("reports labels when no scale is given", () => {
    const table = read("Q1\nAgree\n2\n");
    expect(table.values).toEqual([[null], [2]]);
    expect(table.problems[0].message).toBe(
      'survey.csv line 2, column Q1: "Agree" is not a number'
    );
  });

  test("counts missing answers and reports unreadable text", () => {
    const table = read("Q1,Q2\n,NA\nn/a,NULL\n.,-\n缺失,maybe\n", {scale: [1, 5]});
    expect(table.values).toEqual([
      [null, null],
      [null, null],
      [null, null],
      [null, null]
    ]);
    expect(table.missing).toEqual([4, 3]);
    expect(table.problems).toEqual([
      {
        row: "line 5",
        line: 5,
        column: "Q2",
        value: "maybe",
        message:
          'survey.csv line 5, column Q2: "maybe" is not a number or a known answer label; ' +
          validFive
      }
    ]);
  });

  test("reports values outside the scale", () => {
    const table = read("id,Q4\nA,6\nB,0\nC,5\n", {idColumn: "id", scale: [1, 5]});
    expect(table.values).toEqual([[null], [null], [5]]);
    expect(table.problems.map((problem) => problem.message)).toEqual([
      'survey.csv line 2 (id A), column Q4: "6" is outside the 1–5 scale',
      'survey.csv line 3 (id B), column Q4: "0" is outside the 1–5 scale'
    ]);
    expect(table.problems.map((problem) => problem.row)).toEqual(["A", "B"]);
  });

  test("reports values between the points of a scale", () => {
    const table = read("id,Q4,Q5\nA,2.5,3\nB,4,4.0\nC,1e0,1.25\n", {
      idColumn: "id",
      scale: [1, 5]
    });
    expect(table.values).toEqual([[null, 3], [4, 4], [1, null]]);
    expect(table.problems.map((problem) => problem.message)).toEqual([
      'survey.csv line 2 (id A), column Q4: "2.5" is not a whole number, so it is not an ' +
        "answer of the 1–5 scale",
      'survey.csv line 4 (id C), column Q5: "1.25" is not a whole number, so it is not an ' +
        "answer of the 1–5 scale"
    ]);
  });

  test("keeps fractions in columns without a scale", () => {
    const table = read("Q1,revenue\n3,2.5\n", {scale: {Q1: [1, 5]}});
    expect(table.values).toEqual([[3, 2.5]]);
    expect(table.problems).toEqual([]);
  });

  test("shortens long cells in messages", () => {
    const cell = "x".repeat(5_000_000);
    const table = read(`id,Q1,Q2\nA,${cell},3\nB,2,${"7".repeat(50)}\n`, {
      idColumn: "id",
      scale: [1, 5]
    });
    const [first, second] = table.problems.map((problem) => problem.message);
    expect(first).toBe(
      `survey.csv line 2 (id A), column Q1: "${"x".repeat(40)}…" (5000000 characters) is ` +
        `not a number or a known answer label; ${validFive}`
    );
    expect(second).toBe(
      `survey.csv line 3 (id B), column Q2: "${"7".repeat(40)}…" (50 characters) is outside ` +
        "the 1–5 scale"
    );
    expect(table.problems[0].value).toHaveLength(5_000_000);
  });

  test("shortens long ids and column names in messages", () => {
    const id = "i".repeat(60);
    const column = "c".repeat(45);
    const table = read(`id,${column}\n${id},1\n${id},9\n`, {idColumn: "id", scale: [1, 5]});
    expect(table.problems.map((problem) => problem.message)).toEqual([
      `survey.csv line 3 (id ${"i".repeat(40)}… (60 characters)), column id: id ` +
        `"${"i".repeat(40)}…" (60 characters) repeats the id of line 2`,
      `survey.csv line 3 (id ${"i".repeat(40)}… (60 characters)), column ` +
        `${"c".repeat(40)}… (45 characters): "9" is outside the 1–5 scale`
    ]);
  });

  test("reverse-codes after the range check", () => {
    const table = read("Q1,Q2\n1,1\n7,2\n5,Agree\n", {scale: [1, 5], reverse: ["Q2"]});
    expect(table.values).toEqual([
      [1, 5],
      [null, 4],
      [5, 2]
    ]);
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0].column).toBe("Q1");
  });

  test("applies per-column scales", () => {
    const table = read("Q1,age\n5,42\n", {scale: {Q1: [1, 5]}});
    expect(table.values).toEqual([[5, 42]]);
    expect(table.problems).toEqual([]);
  });
});

describe("readSurvey ids", () => {
  test("names rows by line without an id column", () => {
    const table = read("Q1\n1\n2\n");
    expect(table.ids).toEqual(["line 2", "line 3"]);
  });

  test("reports repeated and empty ids", () => {
    const table = readSurvey(fixture("duplicate-ids.csv"), {
      file: "duplicate-ids.csv",
      idColumn: "id"
    });
    expect(table.ids).toEqual(["a", "b", "a", "line 5"]);
    expect(table.values).toEqual([
      [1, 2],
      [3, 4],
      [5, 1],
      [2, 2]
    ]);
    expect(table.problems).toEqual([
      {
        row: "a",
        line: 4,
        column: "id",
        value: "a",
        message: 'duplicate-ids.csv line 4 (id a), column id: id "a" repeats the id of line 2'
      },
      {
        row: "line 5",
        line: 5,
        column: "id",
        value: "",
        message:
          "duplicate-ids.csv line 5, column id: the id is empty, so the row's id is " +
          '"line 5"'
      }
    ]);
  });
});

describe("readSurvey invalid tables", () => {
  test("rejects an empty file", () => {
    expect(() => readSurvey(fixture("empty.csv"), {file: "empty.csv"})).toThrow(
      "empty.csv is empty; expected a header line of column names and data rows"
    );
    expect(() => read(" \n\n")).toThrow("survey.csv is empty");
  });

  test("rejects a header without data rows", () => {
    expect(() => readSurvey(fixture("header-only.csv"), {file: "header-only.csv"})).toThrow(
      "header-only.csv has a header but no data rows; expected at least one row below line 1"
    );
  });

  test("rejects ragged rows and names the line", () => {
    expect(() => readSurvey(fixture("ragged.csv"), {file: "ragged.csv"})).toThrow(
      "ragged.csv line 3 has 2 fields but the header has 3; every row needs 3 fields " +
        "separated by commas"
    );
  });

  test("rejects a blank line between rows", () => {
    expect(() => read("a,b\n1,2\n\n3,4\n")).toThrow(
      "survey.csv line 3 is empty but the header has 2"
    );
  });

  test("ignores blank lines at the end", () => {
    expect(read("a,b\r\n1,2\r\n\r\n\r\n").values).toEqual([[1, 2]]);
  });

  test("reads one-column blank lines as missing", () => {
    const table = read("Q1\n1\n\n2\n\n");
    expect(table.values).toEqual([[1], [null], [2]]);
    expect(table.missing).toEqual([1]);
  });

  test("rejects empty and repeated column names", () => {
    expect(() => read("a,,c\n1,2,3\n")).toThrow(
      "survey.csv line 1: column 2 has no name; every column needs a unique, non-empty name"
    );
    expect(() => read("a,b,a\n1,2,3\n")).toThrow(
      'survey.csv line 1: column name "a" appears twice (columns 1 and 3)'
    );
    expect(() => read("\na,b\n1,2\n")).toThrow("survey.csv line 1 is empty");
  });

  test("rejects options that name missing columns", () => {
    expect(() => read("a,b\n1,2\n", {idColumn: "id"})).toThrow(
      'idColumn names column "id", which is not in survey.csv; its columns are "a", "b"'
    );
    expect(() => read("a,b\n1,2\n", {scale: [1, 5], reverse: ["c"]})).toThrow(
      'reverse names column "c", which is not a value column of survey.csv'
    );
  });

  test("rejects reverse coding without a scale", () => {
    expect(() => read("a,b\n1,2\n", {reverse: ["a"]})).toThrow(
      'reverse-coded column "a" needs a scale'
    );
  });

  test("rejects invalid scales and delimiters", () => {
    expect(() => read("a\n1\n", {scale: [5, 1]})).toThrow('invalid scale [5,1] for column "a"');
    expect(() => read("a\n1\n", {delimiter: ";;"})).toThrow('invalid delimiter ";;"');
  });
});

describe("matchColumns", () => {
  const items = defaultIndexSystem.indicators.flatMap((indicator) => indicator.items);

  test("matches item names ignoring case and punctuation", () => {
    const match = matchColumns(["f_1", " S2 ", "Room-Nights"], defaultIndexSystem);
    expect(match.mapping).toEqual({f_1: "F1", " S2 ": "S2", "Room-Nights": "room_nights"});
  });

  test("matches indicator labels in English and Chinese", () => {
    const columns = ["Room quality 2", "客房质量（1）", "间夜数", "Revenue per year", "age"];
    const match = matchColumns(columns, defaultIndexSystem);
    expect(match.mapping).toEqual({
      "Room quality 2": "F2",
      "客房质量（1）": "F1",
      间夜数: "room_nights",
      "Revenue per year": "revenue"
    });
    expect(match.unmatchedColumns).toEqual(["age"]);
    expect(match.unmatchedItems).toEqual(
      items.filter((item) => !["F1", "F2", "room_nights", "revenue"].includes(item))
    );
  });

  test("prefers an item name over a label", () => {
    const match = matchColumns(["Room quality 1", "F1"], defaultIndexSystem);
    expect(match.mapping).toEqual({F1: "F1"});
    expect(match.unmatchedColumns).toEqual(["Room quality 1"]);
  });

  test("rejects two columns for one item", () => {
    expect(() => matchColumns(["F1", "f 1"], defaultIndexSystem)).toThrow(
      'columns "F1" and "f 1" both match item "F1" of index system'
    );
  });

  test("lists every item when nothing matches", () => {
    const match = matchColumns(["x"], defaultIndexSystem);
    expect(match.mapping).toEqual({});
    expect(match.unmatchedColumns).toEqual(["x"]);
    expect(match.unmatchedItems).toEqual(items);
  });
});

describe("readSurvey ranges", () => {
  test("reports values outside a record range", () => {
    const table = read("id,nights,spend\nA,3,10\nB,-3,2.5\nC,2.5,-1\n", {
      idColumn: "id",
      ranges: {nights: {min: 0, max: Infinity, integer: true}, spend: {min: 0, max: Infinity}}
    });
    expect(table.problems.map((problem) => problem.message)).toEqual([
      'survey.csv line 3 (id B), column nights: "-3" is not a valid value; expected a whole ' +
        "number ≥ 0",
      'survey.csv line 4 (id C), column nights: "2.5" is not a valid value; expected a whole ' +
        "number ≥ 0",
      'survey.csv line 4 (id C), column spend: "-1" is not a valid value; expected a number ≥ 0'
    ]);
    expect(table.values).toEqual([[3, 10], [null, 2.5], [null, null]]);
  });
});
