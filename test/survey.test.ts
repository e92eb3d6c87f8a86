import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import type {ResponseTable} from "../lib/clean.js";
import {defaultIndexSystem, type IndexSystem} from "../lib/indexSystem.js";
import {
  buildTableCase,
  measuredSystem,
  readTableCase,
  reverseItems,
  setItemScale,
  type TableCaseOptions
} from "../lib/survey.js";

const options: TableCaseOptions = {
  id: "t",
  title: {en: "t", zh: "t"},
  source: {citation: "test", licence: "MIT"},
  idColumn: "id"
};
const {idColumn: _, ...readOptions} = options;
const encode = (text: string) => new TextEncoder().encode(text);

describe("measuredSystem", () => {
  const coverage = measuredSystem(
    defaultIndexSystem,
    ["F1", "F2", "F3", "revenue", "age"],
    "s.csv"
  );

  test("keeps fully covered indicators", () => {
    expect(coverage.system.indicators.map((indicator) => indicator.id)).toEqual([
      "room_quality",
      "revenue"
    ]);
    expect(coverage.system.dimensions.map((dimension) => dimension.id)).toEqual([
      "functional",
      "current"
    ]);
    expect(coverage.mapping).toEqual({F1: "F1", F2: "F2", revenue: "revenue"});
  });

  test("reports what is not measured", () => {
    expect(coverage.unmeasuredIndicators[0]).toEqual({
      id: "location",
      dimension: "functional",
      missingItems: ["F4"]
    });
    expect(coverage.unmeasuredIndicators).toHaveLength(defaultIndexSystem.indicators.length - 2);
    expect(coverage.unmeasuredDimensions.map((dimension) => dimension.id)).toEqual([
      "service",
      "emotional",
      "social",
      "sacrifice",
      "potential",
      "cost"
    ]);
    expect(coverage.unusedColumns).toEqual(["F3", "age"]);
  });

  test("rejects a file that measures nothing", () => {
    expect(() => measuredSystem(defaultIndexSystem, ["F1", "age"], "s.csv")).toThrow(
      "s.csv has no columns that measure an indicator of index system default: expected " +
        "columns named after its items, such as F1, F2, F3, F4, F5, F6, F7, F8, … (47 in all); " +
        "the file's columns are F1, age"
    );
  });
});

describe("setItemScale", () => {
  const system = setItemScale(defaultIndexSystem, [1, 7]);

  test("changes survey indicators only", () => {
    const byId = new Map(system.indicators.map((indicator) => [indicator.id, indicator]));
    expect(byId.get("room_quality")?.scale).toEqual([1, 7]);
    expect(byId.get("room_quality")?.unit).toBe("Likert 1–7");
    expect(byId.get("revenue")?.scale).toBeUndefined();
    expect(byId.get("revenue")?.unit).toBe("EUR/year");
  });

  test("rejects an inverted scale", () => {
    expect(() => setItemScale(defaultIndexSystem, [5, 1])).toThrow(
      "invalid answer scale [5,1]: expected [min, max] with integers min < max"
    );
  });
});

// One survey indicator with a reverse-coded item, and one record indicator.
const mixed: IndexSystem = {
  id: "mixed",
  label: {en: "mixed", zh: "mixed"},
  dimensions: [
    {id: "service", side: "crv", label: {en: "Service", zh: "服务"}},
    {id: "current", side: "hrv", label: {en: "Current", zh: "当前"}}
  ],
  indicators: [
    {
      id: "help",
      dimension: "service",
      label: {en: "Help", zh: "帮助"},
      direction: "benefit",
      items: ["A", "B"],
      reverse: ["B"],
      scale: [1, 5]
    },
    {
      id: "spend",
      dimension: "current",
      label: {en: "Spend", zh: "消费"},
      direction: "benefit",
      items: ["spend"]
    }
  ]
};

const mixedTable: ResponseTable = {
  file: "m.csv",
  ids: ["1", "2", "3", "2", "5"],
  columns: ["A", "B", "spend"],
  values: [
    [4, 2, 1250.5], // kept: help = mean(4, 6 − 2) = 4
    [5, 1, -3.25], // kept: records have no range, so a negative spend stays
    [6, 1, 10], // out of range: A = 6 on a 1–5 scale
    [3, 3, 20], // repeats id 2
    [2, 4, null] // incomplete: spend missing
  ]
};

describe("buildTableCase", () => {
  const data = buildTableCase(mixed, mixedTable, options);

  test("drops rows in the loaders' order", () => {
    expect(data.audit.dropped.map((drop) => [drop.reason, drop.rows])).toEqual([
      ["out-of-range", ["3"]],
      ["duplicate id", ["2 (row 4)"]],
      ["failed attention check", []],
      ["straight-lining", []],
      ["incomplete", ["5"]]
    ]);
    expect(data.audit.dropped[0].details).toEqual(["A = 6, expected an integer from 1 to 5"]);
    expect(data.audit.recoded).toEqual([{rule: "empty cell → missing answer", count: 1}]);
  });

  test("averages items after reverse coding", () => {
    expect(data.ids).toEqual(["1", "2"]);
    expect(data.values).toEqual([
      [4, 1250.5],
      [5, -3.25]
    ]);
    expect(data.kind).toBe("survey");
  });

  test("keeps raw survey answers", () => {
    expect(data.items?.columns).toEqual(["A", "B"]);
    expect(data.items?.labels[1]).toEqual({en: "Help (2)", zh: "帮助 (2)"});
    expect(data.items?.scale).toEqual([1, 5]);
    expect(data.items?.values).toEqual([
      [4, 2],
      [5, 1]
    ]);
  });

  test("marks a records-only case", () => {
    const records: IndexSystem = {
      ...mixed,
      dimensions: [mixed.dimensions[1]],
      indicators: [mixed.indicators[1]]
    };
    const table = {
      ...mixedTable,
      columns: ["spend"],
      values: mixedTable.values.map((row) => [row[2]])
    };
    const result = buildTableCase(records, table, options);
    expect(result.kind).toBe("records");
    expect(result.items).toBeUndefined();
    expect(result.values).toEqual([[1250.5], [-3.25], [10]]);
  });

  test("rejects a missing item column", () => {
    const table = {...mixedTable, columns: ["A", "C", "spend"]};
    expect(() => buildTableCase(mixed, table, options)).toThrow(
      'm.csv has no column "B"; its columns are A, C, spend'
    );
  });
});

describe("straight-lining switch", () => {
  const table: ResponseTable = {
    file: "s.csv",
    ids: ["1", "2"],
    columns: ["F1", "F2", "F3", "F4", "F5", "F6"],
    values: [
      [3, 3, 3, 3, 3, 3],
      [1, 2, 3, 4, 5, 4]
    ]
  };
  const system: IndexSystem = {
    ...defaultIndexSystem,
    dimensions: defaultIndexSystem.dimensions.filter((d) => d.id === "functional"),
    indicators: defaultIndexSystem.indicators.filter((x) =>
      ["room_quality", "location", "facilities"].includes(x.id)
    )
  };

  test("drops a straight-liner by default", () => {
    const data = buildTableCase(system, table, options);
    expect(data.ids).toEqual(["2"]);
    expect(data.audit.dropped[3]).toMatchObject({reason: "straight-lining", rows: ["1"]});
  });

  test("keeps every row when switched off", () => {
    const data = buildTableCase(system, table, {...options, straightLining: false});
    expect(data.ids).toEqual(["1", "2"]);
    expect(data.audit.dropped[3]).toMatchObject({
      reason: "straight-lining",
      count: 0,
      flagged: 0,
      note: "the rule was switched off"
    });
  });
});

describe("reverseItems", () => {
  test("adds items to their indicators", () => {
    const system = reverseItems(defaultIndexSystem, ["E4", "P2"]);
    expect(system.indicators.find((x) => x.id === "trust")?.reverse).toEqual(["E4"]);
    expect(system.indicators.find((x) => x.id === "price")?.reverse).toEqual(["P2"]);
    expect(system.indicators.find((x) => x.id === "comfort")?.reverse).toBeUndefined();
  });

  test("reverse-codes the answers", () => {
    const system = reverseItems(defaultIndexSystem, ["F2"]);
    const {data} = readTableCase(encode("id,F1,F2\n1,4,2\n"), "s.csv", system, readOptions);
    // F2 = 2 on 1–5 becomes 1 + 5 − 2 = 4; room quality = (4 + 4) / 2.
    expect(data.values).toEqual([[4]]);
  });

  test("rejects a record field and an unknown item", () => {
    expect(() => reverseItems(defaultIndexSystem, ["revenue", "Q9"])).toThrow(
      'cannot reverse-code "revenue", "Q9": not a survey item of index system default'
    );
  });
});

describe("readTableCase", () => {
  test("reads labels on the item scale", () => {
    const text = "ID,F1,F2,note\n1,Agree,Strongly disagree,ok\n2,5,3,\n";
    const {data, read} = readTableCase(encode(text), "s.csv", defaultIndexSystem, readOptions);
    expect(read.idColumn).toBe("ID");
    expect(data.ids).toEqual(["1", "2"]);
    expect(data.values).toEqual([[2.5], [4]]);
  });

  test("reads a GBK file with Chinese labels", () => {
    const bytes = new Uint8Array(readFileSync("test/fixtures/survey-gbk.csv"));
    const {data, read, coverage} = readTableCase(bytes, "gbk.csv", defaultIndexSystem, {
      ...readOptions,
      idColumn: "编号"
    });
    expect(read.encoding).toBe("gb18030");
    expect(coverage.unusedColumns).toEqual(["性别", "P1"]);
    // 非常同意 = 5, 比较同意 = 4, 不同意 = 2; K003 answered F1 with 缺失 (missing).
    expect(data.ids).toEqual(["K001", "K002"]);
    expect(data.values).toEqual([[4.5], [3]]);
    expect(data.audit.dropped[4].rows).toEqual(["K003"]);
  });

  test("stops at an answer outside the scale", () => {
    const text = "id,F1,F2\n1,4,5\n2,6,9\n";
    expect(() => readTableCase(encode(text), "s.csv", defaultIndexSystem, readOptions)).toThrow(
      's.csv line 3 (id 2), column F1: "6" is outside the 1–5 scale (and 1 more such cells)'
    );
  });

  test("stops at an answer between scale points", () => {
    const text = "id,F1,F2\n1,4,5\n2,2.5,3\n";
    expect(() => readTableCase(encode(text), "s.csv", defaultIndexSystem, readOptions)).toThrow(
      's.csv line 3 (id 2), column F1: "2.5" is not a whole number, so it is not an answer of ' +
        "the 1–5 scale"
    );
  });

  test("counts only out-of-scale cells after an out-of-scale answer", () => {
    // Two answers outside the scale and two cells that are not numbers: one more such cell.
    const text = "id,F1,F2\n1,4,5\n2,6,x\n3,9,y\n";
    expect(() => readTableCase(encode(text), "s.csv", defaultIndexSystem, readOptions)).toThrow(
      's.csv line 3 (id 2), column F1: "6" is outside the 1–5 scale (and 1 more such cells)'
    );
  });

  test("stops at an impossible record", () => {
    // −3 nights and 2.5 nights are not whole numbers ≥ 0; −5 EUR is below 0.
    const text = "id,revenue,room_nights\n1,100,3\n2,200,-3\n3,-5,2.5\n4,50,1\n";
    expect(() => readTableCase(encode(text), "s.csv", defaultIndexSystem, readOptions)).toThrow(
      's.csv line 3 (id 2), column room_nights: "-3" is not a valid value; expected a whole ' +
        "number ≥ 0 (and 2 more such cells)"
    );
  });

  test("drops rows of impossible records when asked", () => {
    const text = "id,revenue,room_nights\n1,100,3\n2,200,-3\n3,-5,2.5\n4,50,1\n";
    const {data} = readTableCase(encode(text), "s.csv", defaultIndexSystem, {
      ...readOptions,
      problemCells: "drop"
    });
    expect(data.ids).toEqual(["1", "4"]);
    expect(data.values).toEqual([
      [100, 3],
      [50, 1]
    ]);
    const [problems] = data.audit.dropped;
    expect(problems).toMatchObject({reason: "problem cell", count: 2, rows: ["2", "3"]});
    expect(problems.label).toEqual({
      en: "Unreadable, out-of-scale or invalid value",
      zh: "无法读取、超出量表或无效的取值"
    });
    expect(problems.details).toEqual([
      'column room_nights: "-3" is not a valid value; expected a whole number ≥ 0',
      'column revenue: "-5" is not a valid value; expected a number ≥ 0; column room_nights: ' +
        '"2.5" is not a valid value; expected a whole number ≥ 0'
    ]);
    expect(data.audit.rawRows).toBe(4);
    expect(data.audit.keptRows).toBe(2);
  });

  test("drops rows of problem cells when asked", () => {
    const text = "id,F1,F2\n1,4,5\n2,6,9\n3,2.5,3\n4,x,2\n5,3,3\n5,2,2\n";
    const {data} = readTableCase(encode(text), "s.csv", defaultIndexSystem, {
      ...readOptions,
      problemCells: "drop"
    });
    expect(data.ids).toEqual(["1", "5"]);
    expect(data.values).toEqual([[4.5], [3]]);
    const [problems, , duplicates] = data.audit.dropped;
    expect(problems).toMatchObject({reason: "problem cell", count: 3, rows: ["2", "3", "4"]});
    expect(problems.details).toEqual([
      'column F1: "6" is outside the 1–5 scale; column F2: "9" is outside the 1–5 scale',
      'column F1: "2.5" is not a whole number, so it is not an answer of the 1–5 scale',
      'column F1: "x" is not a number or a known answer label; valid answers are the whole ' +
        "numbers 1 to 5 or one of the labels Strongly disagree (非常不同意), Disagree (不同意), " +
        "Neutral (一般), Agree (同意), Strongly agree (非常同意)"
    ]);
    // Row numbers of repeated ids count every data row of the file.
    expect(duplicates).toMatchObject({reason: "duplicate id", rows: ["5 (row 6)"]});
    expect(data.audit.rawRows).toBe(6);
    expect(data.audit.keptRows).toBe(2);
  });

  test("rejects a file whose every row has a problem cell", () => {
    const text = "id,F1,F2\n1,7,5\n";
    expect(() =>
      readTableCase(encode(text), "s.csv", defaultIndexSystem, {
        ...readOptions,
        problemCells: "drop"
      })
    ).toThrow(
      's.csv: its only row is dropped for "problem cell" (first: column F1: "7" is outside the ' +
        "1–5 scale)"
    );
  });

  test("follows a changed scale", () => {
    const text = "id,F1,F2\n1,4,5\n2,6,7\n";
    const system = setItemScale(defaultIndexSystem, [1, 7]);
    const {data} = readTableCase(encode(text), "s.csv", system, readOptions);
    expect(data.values).toEqual([[4.5], [6.5]]);
  });

  test("rejects an unknown id column", () => {
    expect(() =>
      readTableCase(encode("id,F1,F2\n1,4,5\n"), "s.csv", defaultIndexSystem, {
        ...readOptions,
        idColumn: "code"
      })
    ).toThrow('s.csv has no id column "code"; its columns are id, F1, F2');
  });
});
