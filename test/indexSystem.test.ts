import {describe, expect, test} from "vitest";
import {
  defaultIndexSystem,
  describeRange,
  recordRange,
  unitLabel,
  validateIndexSystem,
  type IndexSystem
} from "../lib/indexSystem.js";

const label = {en: "x", zh: "x"};

// Two dimensions, one a side, and three indicators; each test changes one field.
function system(): IndexSystem {
  return {
    id: "s",
    label,
    dimensions: [
      {id: "service", side: "crv", label},
      {id: "current", side: "hrv", label}
    ],
    indicators: [
      {id: "staff", dimension: "service", label, direction: "benefit", items: ["S1", "S2"]},
      {id: "speed", dimension: "service", label, direction: "benefit", items: ["S3"]},
      {id: "revenue", dimension: "current", label, direction: "benefit", items: ["revenue"]}
    ]
  };
}

describe("validateIndexSystem", () => {
  test("accepts the default system", () => {
    expect(() => validateIndexSystem(defaultIndexSystem)).not.toThrow();
    expect(() => validateIndexSystem(system())).not.toThrow();
  });

  test("rejects an indicator with a dimension's id", () => {
    const s = system();
    s.indicators[1].id = "service";
    expect(() => validateIndexSystem(s)).toThrow(
      'index system s: indicators[1].id "service" is also the id of dimensions[0]; give ' +
        "every dimension and indicator its own id"
    );
  });

  test("rejects an item used on both sides", () => {
    const s = system();
    s.indicators[2].items = ["revenue", "S2"];
    expect(() => validateIndexSystem(s)).toThrow(
      'index system s: item "S2" is used on both sides, at indicators[0].items[1] ("staff", ' +
        'CRV) and indicators[2].items[1] ("revenue", HRV); an item measures one side only, ' +
        "so give one of them another item"
    );
  });

  test("rejects an item shared within one side", () => {
    const s = system();
    s.indicators[0].scale = [1, 5];
    s.indicators[1].scale = [1, 5];
    s.indicators[1].items = ["S3", "S1"];
    expect(() => validateIndexSystem(s)).toThrow(
      'index system s: item "S1" is used by two indicators, at indicators[0].items[0] ' +
        '("staff", CRV) and indicators[1].items[1] ("speed", CRV); it would count twice, so ' +
        "give one of them another item"
    );
  });

  test("accepts a record field in two indicators", () => {
    const s = system();
    s.indicators.push({...s.indicators[2], id: "share", items: ["other", "revenue"]});
    expect(() => validateIndexSystem(s)).not.toThrow();
  });

  test("rejects a dimension id repeated across sides", () => {
    const s = system();
    s.dimensions[1].id = "service";
    expect(() => validateIndexSystem(s)).toThrow(
      'index system s: duplicate dimension id "service" at dimensions[0] and dimensions[1] ' +
        "(sides crv and hrv); give every dimension its own id"
    );
  });

  test("rejects an indicator id repeated across sides", () => {
    const s = system();
    s.indicators[2].id = "staff";
    expect(() => validateIndexSystem(s)).toThrow(
      'index system s: duplicate indicator id "staff" at indicators[0] and indicators[2]; ' +
        "give every indicator its own id"
    );
  });

  test("rejects the names of the upper nodes", () => {
    const s = system();
    s.dimensions[1].id = "hrv";
    s.indicators[2].dimension = "hrv";
    expect(() => validateIndexSystem(s)).toThrow(
      'index system s: dimensions[1].id "hrv" is reserved for a node of the hierarchy'
    );
    const t = system();
    t.indicators[0].id = "goal";
    expect(() => validateIndexSystem(t)).toThrow(
      'index system s: indicators[0].id "goal" is reserved for a node of the hierarchy'
    );
  });

  test("names the place of other problems", () => {
    const s = system();
    s.indicators[1].dimension = "social";
    expect(() => validateIndexSystem(s)).toThrow(
      'index system s: indicators[1] "speed" names dimension "social", which is not declared'
    );
    const t = system();
    t.indicators[0].reverse = ["S9"];
    expect(() => validateIndexSystem(t)).toThrow(
      'indicators[0] "staff" reverses item "S9", which is not one of its items'
    );
  });
});

describe("unitLabel", () => {
  test("names the units of the cases in Chinese", () => {
    expect(unitLabel("1 = the guest stayed before")).toEqual({
      en: "1 = the guest stayed before",
      zh: "1 = 曾入住过"
    });
    expect(unitLabel("EUR/year").zh).toBe("欧元/年");
    expect(unitLabel("Likert 1–7").zh).toBe("李克特 1–7 分");
  });

  test("keeps an unknown unit as written", () => {
    expect(unitLabel("kg")).toEqual({en: "kg", zh: "kg"});
  });

  test("every unit of the default system has a Chinese name", () => {
    for (const item of defaultIndexSystem.indicators.filter((entry) => entry.unit)) {
      expect(unitLabel(item.unit as string).zh, item.id).not.toBe(item.unit);
    }
  });
});

describe("recordRange", () => {
  const byId = (id: string) => defaultIndexSystem.indicators.find((i) => i.id === id)!;

  test("counts are whole and ≥ 0", () => {
    expect(recordRange(byId("cancellations"))).toEqual({min: 0, max: Infinity, integer: true});
    expect(describeRange(recordRange(byId("room_nights"))!)).toBe("a whole number ≥ 0");
  });

  test("money is ≥ 0", () => {
    expect(describeRange(recordRange(byId("revenue"))!)).toBe("a number ≥ 0");
  });

  test("survey indicators have none", () => {
    expect(recordRange(byId("price"))).toBeNull();
  });

  test("an own range allows negatives", () => {
    const balance = {...byId("revenue"), range: {min: -Infinity, max: Infinity}};
    expect(describeRange(recordRange(balance)!)).toBe("a number");
  });
});
