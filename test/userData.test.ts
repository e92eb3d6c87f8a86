import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {defaultIndexSystem} from "../lib/indexSystem.js";
import {
  buildUserCase,
  dimensionReliability,
  groupProblems,
  ownIndicatorRole,
  problemKey,
  readUserTable,
  userIndexSystem,
  type ColumnRole,
  type UserTableOptions
} from "../lib/userData.js";

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

const encode = (text: string) => new TextEncoder().encode(text);

// survey-bom.csv: respondent,Q1,Q2,Q3 with English labels; r2 answers "6" to Q3, r3 "N/A".
const bomRoles: Record<string, ColumnRole> = {
  Q1: {kind: "item", item: "F1"},
  Q2: {kind: "item", item: "F2"},
  Q3: {kind: "indicator", dimension: "potential", direction: "benefit", scaled: true}
};
const bomOptions: UserTableOptions = {
  file: "survey-bom.csv",
  idColumn: "respondent",
  roles: bomRoles,
  scale: [1, 5],
  reverse: []
};

describe("userIndexSystem", () => {
  it("keeps indicators whose items all have columns", () => {
    const user = userIndexSystem(
      defaultIndexSystem,
      {
        A: {kind: "item", item: "F1"},
        B: {kind: "item", item: "F2"},
        C: {kind: "item", item: "P1"},
        D: {kind: "indicator", dimension: "sacrifice", direction: "cost", scaled: true},
        E: {kind: "profile"}
      },
      [1, 7]
    );
    expect(user.system.indicators.map((x) => x.id)).toEqual(["room_quality", "own_d"]);
    expect(user.system.dimensions.map((d) => d.id)).toEqual(["functional", "sacrifice"]);
    expect(user.system.indicators[0].scale).toEqual([1, 7]);
    expect(user.system.indicators[1]).toMatchObject({
      direction: "cost",
      items: ["D"],
      scale: [1, 7],
      label: {en: "D", zh: "D"}
    });
    expect(user.columnOf).toEqual({F1: "A", F2: "B", D: "D"});
    expect(user.unmeasured).toEqual([{id: "price", dimension: "sacrifice", missingItems: ["P2"]}]);
    expect(user.scaledColumns).toEqual(["A", "B", "D"]);
  });

  it("renames an own item that clashes with an item name", () => {
    const user = userIndexSystem(
      defaultIndexSystem,
      {F1: {kind: "indicator", dimension: "service", direction: "benefit", scaled: false}},
      [1, 5]
    );
    expect(user.system.indicators[0].items).toEqual(["F1 (own)"]);
    expect(user.system.indicators[0].scale).toBeUndefined();
    expect(user.columnOf).toEqual({"F1 (own)": "F1"});
  });

  it("rejects two columns for one item", () => {
    const roles: Record<string, ColumnRole> = {
      A: {kind: "item", item: "F1"},
      B: {kind: "item", item: "F1"}
    };
    expect(() => userIndexSystem(defaultIndexSystem, roles, [1, 5])).toThrow(
      'columns "A" and "B" are both mapped to item "F1"'
    );
  });

  it("rejects an unknown item or dimension", () => {
    expect(() =>
      userIndexSystem(defaultIndexSystem, {A: {kind: "item", item: "Z9"}}, [1, 5])
    ).toThrow('column "A" is mapped to item "Z9", which index system default does not have');
    const role: ColumnRole = {
      kind: "indicator",
      dimension: "x",
      direction: "benefit",
      scaled: true
    };
    expect(() => userIndexSystem(defaultIndexSystem, {A: role}, [1, 5])).toThrow(
      'column "A" is made an indicator of dimension "x"'
    );
  });

  it("rejects roles that measure nothing", () => {
    expect(() =>
      userIndexSystem(defaultIndexSystem, {A: {kind: "item", item: "F1"}}, [1, 5])
    ).toThrow("no column measures an indicator");
  });
});

describe("ownIndicatorRole", () => {
  it("gives cost indicators in cost dimensions", () => {
    expect(ownIndicatorRole(defaultIndexSystem, "cost", undefined, [1, 5])).toEqual({
      kind: "indicator",
      dimension: "cost",
      direction: "cost",
      scaled: true
    });
  });

  it("reads numbers beyond the scale unscaled", () => {
    const summary = {
      column: "spend",
      numbers: 3,
      labels: 0,
      text: 0,
      missing: 0,
      min: 10,
      max: 900,
      aboveFive: 3,
      labelMax: null,
      examples: []
    };
    const role = ownIndicatorRole(defaultIndexSystem, "current", summary, [1, 5]);
    expect(role).toMatchObject({direction: "benefit", scaled: false});
  });
});

describe("readUserTable", () => {
  it("reads labels on the scale and lists problems", () => {
    const read = readUserTable(fixture("survey-bom.csv"), defaultIndexSystem, bomOptions);
    expect(read.table.ids).toEqual(["r1", "r2", "r3"]);
    // Strongly agree, Somewhat disagree, Neither agree nor disagree on 1–5.
    expect(read.table.values[0]).toEqual([5, 2, 3]);
    expect(read.problems.map((p) => p.message)).toEqual([
      'survey-bom.csv line 3 (id r2), column Q3: "6" is outside the 1–5 scale'
    ]);
  });

  it("lists records outside their range", () => {
    const bytes = encode("id,F1,F2,nights,spend\nA,3,4,2,10\nB,4,4,-3,-500\nC,2,5,2.5,5\n");
    const read = readUserTable(bytes, defaultIndexSystem, {
      file: "r.csv",
      idColumn: "id",
      roles: {
        F1: {kind: "item", item: "F1"},
        F2: {kind: "item", item: "F2"},
        nights: {kind: "item", item: "room_nights"},
        spend: {kind: "item", item: "revenue"}
      },
      scale: [1, 5],
      reverse: []
    });
    expect(read.problems.map((p) => p.message)).toEqual([
      'r.csv line 3 (id B), column nights: "-3" is not a valid value; expected a whole ' +
        "number ≥ 0",
      'r.csv line 3 (id B), column spend: "-500" is not a valid value; expected a number ≥ 0',
      'r.csv line 4 (id C), column nights: "2.5" is not a valid value; expected a whole ' +
        "number ≥ 0"
    ]);
  });

  it("reverse-codes declared columns", () => {
    const read = readUserTable(fixture("survey-bom.csv"), defaultIndexSystem, {
      ...bomOptions,
      reverse: ["Q2"]
    });
    // Somewhat disagree = 2 becomes 1 + 5 − 2 = 4.
    expect(read.table.values[0][1]).toBe(4);
  });

  it("rejects reverse coding of an unscaled column", () => {
    const options = {
      ...bomOptions,
      roles: {
        ...bomRoles,
        Q3: {kind: "indicator", dimension: "potential", direction: "benefit", scaled: false}
      } as Record<string, ColumnRole>,
      reverse: ["Q3"]
    };
    expect(() => readUserTable(fixture("survey-bom.csv"), defaultIndexSystem, options)).toThrow(
      'column "Q3" is marked reverse-coded but is not read on the answer scale'
    );
  });
});

describe("groupProblems", () => {
  it("groups cells by column and value", () => {
    const bytes = encode("id,F1,F2\na,6,x\nb,6,2\nc,9,x\n");
    const read = readUserTable(bytes, defaultIndexSystem, {
      file: "s.csv",
      idColumn: "id",
      roles: {F1: {kind: "item", item: "F1"}, F2: {kind: "item", item: "F2"}},
      scale: [1, 5],
      reverse: []
    });
    const groups = groupProblems(read.problems);
    const summary = groups.map(({column, value, count, rows}) => ({column, value, count, rows}));
    expect(summary).toEqual([
      {column: "F1", value: "6", count: 2, rows: ["a", "b"]},
      {column: "F2", value: "x", count: 2, rows: ["a", "c"]},
      {column: "F1", value: "9", count: 1, rows: ["c"]}
    ]);
    expect(groups[0].reason).toBe('"6" is outside the 1–5 scale');
    expect(groups[0].lines).toEqual([2, 3]);
    expect(groups[1].key).toBe(problemKey({column: "F2", value: "x"}));
  });
});

describe("buildUserCase", () => {
  const read = () => readUserTable(fixture("survey-bom.csv"), defaultIndexSystem, bomOptions);

  it("drops the rows of problem cells", () => {
    const data = buildUserCase(read(), {});
    expect(data.audit.rawRows).toBe(3);
    expect(data.audit.keptRows).toBe(1);
    const dropped = Object.fromEntries(data.audit.dropped.map((d) => [d.reason, d.rows]));
    expect(dropped["problem cell"]).toEqual(["r2"]);
    expect(dropped.incomplete).toEqual(["r3"]);
    expect(data.ids).toEqual(["r1"]);
    // room_quality = mean(5, 2); own Q3 indicator = 3.
    expect(data.values).toEqual([[3.5, 3]]);
  });

  it("replaces a problem value as chosen", () => {
    const key = problemKey({column: "Q3", value: "6"});
    const data = buildUserCase(read(), {[key]: {action: "replace", value: 5}});
    expect(data.ids).toEqual(["r1", "r2"]);
    // r2: agree = 4, STRONGLY DISAGREE = 1, Q3 replaced by 5.
    expect(data.values[1]).toEqual([2.5, 5]);
    expect(data.audit.recoded[0]).toEqual({rule: "problem cell → value given", count: 1});
    expect(data.audit.rawRows).toBe(data.audit.keptRows + 1);
  });

  it("sets a problem cell missing as chosen", () => {
    const data = buildUserCase(read(), {}, {action: "missing"});
    const dropped = Object.fromEntries(data.audit.dropped.map((d) => [d.reason, d.rows]));
    expect(dropped["problem cell"]).toEqual([]);
    expect(dropped.incomplete).toEqual(["r2", "r3"]);
    expect(data.audit.recoded[0]).toEqual({rule: "problem cell → missing answer", count: 1});
  });

  it("rejects a replacement outside the scale", () => {
    const key = problemKey({column: "Q3", value: "6"});
    expect(() => buildUserCase(read(), {[key]: {action: "replace", value: 6}})).toThrow(
      'replacement for "6" in column Q3 is 6; expected a whole number from 1 to 5'
    );
  });

  it("rejects a replacement between scale points", () => {
    const key = problemKey({column: "Q3", value: "6"});
    expect(() => buildUserCase(read(), {[key]: {action: "replace", value: 4.5}})).toThrow(
      'replacement for "6" in column Q3 is 4.5; expected a whole number from 1 to 5'
    );
  });

  it("lists answers between scale points as problems", () => {
    const bytes = encode("id,F1,F2\na,2.5,2\nb,3,3\nc,2.5,4\n");
    const table = readUserTable(bytes, defaultIndexSystem, {
      file: "s.csv",
      idColumn: "id",
      roles: {F1: {kind: "item", item: "F1"}, F2: {kind: "item", item: "F2"}},
      scale: [1, 5],
      reverse: []
    });
    const [group] = groupProblems(table.problems);
    expect(group).toMatchObject({column: "F1", value: "2.5", count: 2, rows: ["a", "c"]});
    expect(group.reason).toBe('"2.5" is not a whole number, so it is not an answer of the 1–5 scale');
    const data = buildUserCase(table, {});
    expect(data.ids).toEqual(["b"]);
    expect(data.audit.dropped[0].details).toEqual([group.reason, group.reason]);
  });

  it("gives the reason of a cell in a long-named column", () => {
    const column = "c".repeat(50);
    const bytes = encode(`id,${column},F2\na,9,2\nb,3,3\n`);
    const table = readUserTable(bytes, defaultIndexSystem, {
      file: "s.csv",
      idColumn: "id",
      roles: {[column]: {kind: "item", item: "F1"}, F2: {kind: "item", item: "F2"}},
      scale: [1, 5],
      reverse: []
    });
    expect(groupProblems(table.problems)[0].reason).toBe('"9" is outside the 1–5 scale');
  });

  it("shortens a long cell in a replacement error", () => {
    const bytes = encode(`id,F1,F2\na,${"z".repeat(300)},2\nb,3,3\n`);
    const table = readUserTable(bytes, defaultIndexSystem, {
      file: "s.csv",
      idColumn: "id",
      roles: {F1: {kind: "item", item: "F1"}, F2: {kind: "item", item: "F2"}},
      scale: [1, 5],
      reverse: []
    });
    const key = problemKey(table.problems[0]);
    expect(() => buildUserCase(table, {[key]: {action: "replace", value: 9}})).toThrow(
      `replacement for "${"z".repeat(40)}…" (300 characters) in column F1 is 9; expected a ` +
        "whole number from 1 to 5"
    );
  });

  it("numbers repeated ids by their row in the file", () => {
    const bytes = encode("id,F1,F2\na,6,2\nb,3,3\nb,4,4\n");
    const table = readUserTable(bytes, defaultIndexSystem, {
      file: "s.csv",
      idColumn: "id",
      roles: {F1: {kind: "item", item: "F1"}, F2: {kind: "item", item: "F2"}},
      scale: [1, 5],
      reverse: []
    });
    const data = buildUserCase(table, {});
    const duplicate = data.audit.dropped.find((d) => d.reason === "duplicate id")!;
    expect(duplicate.rows).toEqual(["b (row 3)"]);
  });
});

describe("dimensionReliability", () => {
  it("computes α per dimension", () => {
    // α of these four items is 0.918367 (numpy, sample variances).
    const csv = "id,F1,F2,F3,F4,revenue\n1,3,4,3,4,10\n2,4,5,4,4,20\n3,2,3,3,2,5\n" +
      "4,5,5,4,5,40\n5,3,3,2,3,8\n6,4,4,5,4,12\n";
    const roles: Record<string, ColumnRole> = {};
    for (const item of ["F1", "F2", "F3", "F4", "revenue"]) roles[item] = {kind: "item", item};
    const read = readUserTable(encode(csv), defaultIndexSystem, {
      file: "s.csv",
      idColumn: "id",
      roles,
      scale: [1, 5],
      reverse: []
    });
    const reliability = dimensionReliability(buildUserCase(read, {}));
    expect(reliability[0].dimension).toBe("functional");
    expect(reliability[0].items).toEqual(["F1", "F2", "F3", "F4"]);
    expect(reliability[0].alpha).toBeCloseTo(0.9183673469387754, 10);
    expect(reliability[1]).toEqual({
      dimension: "current",
      items: [],
      alpha: null,
      message: "0 survey items; α needs at least 2"
    });
  });
});
