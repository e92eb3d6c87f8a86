import {describe, expect, test} from "vitest";
import {ahp} from "../lib/ahp.js";
import type {CaseData} from "../lib/caseData.js";
import {
  ageBand,
  buildLisbonCase,
  buildSurveyCase,
  cruiseCase,
  decodeUtf8,
  lisbonExperts,
  lisbonIndicators,
  lisbonRequestColumns,
  lisbonRequiredColumns,
  lisbonSystem,
  readLisbonCase,
  readSurveyCase,
  touristCase,
  type LisbonRecord,
  type SurveyCase
} from "../lib/cases.js";
import type {ResponseTable} from "../lib/clean.js";
import {defaultIndexSystem, validateIndexSystem, type IndexSystem} from "../lib/indexSystem.js";

const systems: [string, IndexSystem, CaseData["experts"]][] = [
  ["lisbon", lisbonSystem, lisbonExperts],
  ["cruise", cruiseCase.system, cruiseCase.experts],
  ["tourists", touristCase.system, touristCase.experts]
];

describe("case index systems", () => {
  test.each(systems)("%s system is valid", (_, system) => {
    expect(() => validateIndexSystem(system)).not.toThrow();
  });

  test.each(systems)("%s keeps node ids distinct", (_, system) => {
    // AHP nodes share one namespace: sides, dimensions and indicators.
    const ids = ["goal", "crv", "hrv", ...system.dimensions.map((d) => d.id)];
    const clashes = system.indicators.filter((i) => ids.includes(i.id)).map((i) => i.id);
    expect(clashes).toEqual([]);
  });

  test.each(systems)("%s uses the default dimensions", (_, system) => {
    for (const dimension of system.dimensions) {
      expect(defaultIndexSystem.dimensions).toContainEqual(dimension);
    }
  });

  test("lisbon measures the hotel side only", () => {
    expect(lisbonSystem.dimensions.map((d) => d.id)).toEqual(["current", "potential", "cost"]);
    expect(lisbonSystem.indicators.map((i) => i.direction)).toEqual([
      "benefit",
      "benefit",
      "benefit",
      "benefit",
      "cost",
      "benefit",
      "cost",
      "cost",
      "cost",
      "cost"
    ]);
  });

  test("cruise maps items onto dimensions", () => {
    const map = cruiseCase.system.indicators.map((i) => [i.items[0], i.dimension]);
    expect(map).toEqual([
      ["Food", "functional"],
      ["Hygiene", "functional"],
      ["Service", "service"],
      ["Lively", "emotional"],
      ["Lighting", "emotional"],
      ["Positive_talk", "potential"],
      ["Recommend", "potential"]
    ]);
  });

  test("tourists map items onto dimensions", () => {
    const map = touristCase.system.indicators.map((i) => [i.items[0], i.dimension]);
    expect(map).toEqual([
      ["expecta", "functional"],
      ["satisf", "emotional"],
      ["recommend", "potential"]
    ]);
  });
});

// Nodes of each hierarchy written out by hand: goal → sides, side → its measured dimensions,
// dimension → its indicators, each in index-system order.
const expectedNodes: Record<string, [string, string[]][]> = {
  lisbon: [
    ["goal", ["hrv"]],
    ["hrv", ["current", "potential", "cost"]],
    ["current", ["revenue", "room_nights", "ancillary_share"]],
    ["potential", ["stays", "recency", "tenure"]],
    ["cost", ["cancellation_rate", "no_show_rate", "intermediated", "special_requests"]]
  ],
  cruise: [
    ["goal", ["crv", "hrv"]],
    ["crv", ["functional", "service", "emotional"]],
    ["hrv", ["potential"]],
    ["functional", ["food", "hygiene"]],
    ["service", ["staff_help"]],
    ["emotional", ["lively", "lighting"]],
    ["potential", ["positive_talk", "recommend"]]
  ],
  tourists: [
    ["goal", ["crv", "hrv"]],
    ["crv", ["functional", "emotional"]],
    ["hrv", ["potential"]],
    ["functional", ["expectations"]],
    ["emotional", ["satisfaction"]],
    ["potential", ["recommend"]]
  ]
};

// λmax of the matrices with three or more elements, from numpy.linalg.eig (largest real
// eigenvalue); CR = (λmax − n)/(n − 1)/RI with Saaty's RI 0.58 (n = 3) and 0.90 (n = 4).
const expectedLambda: Record<string, [number, number]> = {
  "lisbon/hrv": [3.009202712714283, 3.01829470728963],
  "lisbon/current": [3.003694598063639, 3.00369459806364],
  "lisbon/potential": [3.0182947072896287, 3.0182947072896287],
  "lisbon/cost": [4.051109547476949, 4.103141140816497],
  "cruise/crv": [3.009202712714283, 3.0182947072896287]
};
const expectedCr: Record<string, [number, number]> = {
  "lisbon/hrv": [0.007933373029554188, 0.015771299387612077],
  "lisbon/current": [0.003184998330723208, 0.0031849983307239735],
  "lisbon/potential": [0.01577129938761093, 0.01577129938761093],
  "lisbon/cost": [0.018929462028499777, 0.03820042252462854],
  "cruise/crv": [0.007933373029554188, 0.01577129938761093]
};
const saaty = [1, 2, 3, 4, 5, 6, 7, 8, 9];

describe("illustrative expert judgments", () => {
  test.each(systems)("%s has one node per hierarchy node", (id, _, experts) => {
    expect(experts.judgments.map((j) => [j.node, j.order])).toEqual(expectedNodes[id]);
  });

  test.each(systems)("%s has two labelled experts", (_, __, experts) => {
    expect(experts.names).toHaveLength(2);
    for (const name of experts.names) expect(name).toMatch(/illustrative/);
    expect(experts.note).toMatch(/^Illustrative judgments/);
    for (const node of experts.judgments) expect(node.matrices).toHaveLength(2);
  });

  test.each(systems)("%s matrices are reciprocal Saaty judgments", (_, __, experts) => {
    for (const node of experts.judgments) {
      for (const matrix of node.matrices) {
        const n = node.order.length;
        expect(matrix).toHaveLength(n);
        for (let i = 0; i < n; i++) {
          expect(matrix[i][i]).toBe(1);
          for (let j = 0; j < n; j++) {
            expect(matrix[i][j] * matrix[j][i]).toBeCloseTo(1, 12);
            const value = matrix[i][j] >= 1 ? matrix[i][j] : 1 / matrix[i][j];
            expect(saaty).toContain(Math.round(value * 1e9) / 1e9);
          }
        }
      }
    }
  });

  test.each(systems)("%s matrices have CR < 0.1", (id, _, experts) => {
    for (const node of experts.judgments) {
      node.matrices.forEach((matrix, k) => {
        const result = ahp(matrix);
        expect(result.cr).toBeLessThan(0.1);
        const key = `${id}/${node.node}`;
        if (node.order.length >= 3) {
          expect(result.lambdaMax).toBeCloseTo(expectedLambda[key][k], 9);
          expect(result.cr).toBeCloseTo(expectedCr[key][k], 9);
        }
      });
    }
  });
});

describe("lisbonIndicators", () => {
  const base: LisbonRecord = {
    id: "1",
    nationality: "BEL",
    age: 19,
    daysSinceCreation: 168,
    lodgingRevenue: 548,
    otherRevenue: 150,
    canceled: 0,
    noShowed: 0,
    checkedIn: 1,
    roomNights: 5,
    daysSinceLastStay: 173,
    daysSinceFirstStay: 173,
    channel: "Travel Agent/Operator",
    segment: "Other",
    requests: 1
  };

  test("keeps revenue of a record under a year", () => {
    // 698 × 365 / max(168, 365) = 698; 150 / 698 ancillary share.
    expect(lisbonIndicators(base)).toEqual([698, 5, 150 / 698, 1, 173, 173, 0, 0, 1, 1]);
  });

  test("scales revenue of an older record", () => {
    const record = {...base, daysSinceCreation: 730, lodgingRevenue: 1000, otherRevenue: 0};
    expect(lisbonIndicators(record)[0]).toBe(500);
    expect(lisbonIndicators(record)[2]).toBe(0);
  });

  test("rates cancellations over all bookings", () => {
    const record = {...base, canceled: 1, noShowed: 1, checkedIn: 2, channel: "Direct" as const};
    const values = lisbonIndicators(record);
    expect(values[6]).toBe(0.25);
    expect(values[7]).toBe(0.25);
    expect(values[8]).toBe(0);
  });

  test("gives 0/0 ancillary share 0", () => {
    const record = {...base, lodgingRevenue: 0, otherRevenue: 0};
    expect(lisbonIndicators(record)[2]).toBe(0);
  });

  test("counts electronic distribution as intermediated", () => {
    const record = {...base, channel: "Electronic Distribution" as const};
    expect(lisbonIndicators(record)[8]).toBe(1);
  });
});

describe("ageBand", () => {
  test.each([
    [null, null],
    [5, "under 18"],
    [17.5, "under 18"],
    [18, "18–24"],
    [24, "18–24"],
    [25, "25–34"],
    [34, "25–34"],
    [44, "35–44"],
    [45, "45–54"],
    [64, "55–64"],
    [65, "65+"],
    [88, "65+"]
  ])("age %s is band %s", (age, band) => {
    expect(ageBand(age)).toBe(band);
  });
});

const defaults: Record<string, string> = Object.fromEntries(
  lisbonRequiredColumns.map((column) => [column, "0"])
);
Object.assign(defaults, {
  Nationality: "PRT",
  Age: "40",
  DistributionChannel: "Direct",
  MarketSegment: "Other"
});

function lisbonCsv(rows: Record<string, string>[], columns = lisbonRequiredColumns): string {
  const lines = rows.map((row) => columns.map((c) => row[c] ?? defaults[c]).join(","));
  return [columns.join(","), ...lines].join("\n") + "\n";
}

const lisbonRows: Record<string, string>[] = [
  {
    ID: "1",
    Nationality: "BEL",
    Age: "19",
    DaysSinceCreation: "168",
    LodgingRevenue: "548",
    OtherRevenue: "150",
    BookingsCheckedIn: "1",
    RoomNights: "5",
    DaysSinceLastStay: "173",
    DaysSinceFirstStay: "173",
    DistributionChannel: "Travel Agent/Operator",
    SRKingSizeBed: "1"
  },
  {ID: "2", DaysSinceLastStay: "-1", DaysSinceFirstStay: "-1", Age: ""},
  {
    ID: "3",
    DaysSinceCreation: "730",
    BookingsCanceled: "1",
    BookingsNoShowed: "1",
    BookingsCheckedIn: "2",
    RoomNights: "3",
    DaysSinceLastStay: "10",
    DaysSinceFirstStay: "700",
    SRTwinBed: "1",
    SRQuietRoom: "1"
  },
  {ID: "1", BookingsCheckedIn: "1", DaysSinceLastStay: "5", DaysSinceFirstStay: "5"},
  {
    ID: "5",
    Age: "0",
    DaysSinceCreation: "730",
    LodgingRevenue: "1000",
    BookingsCheckedIn: "1",
    DaysSinceLastStay: "1",
    DaysSinceFirstStay: "1",
    DistributionChannel: "Electronic Distribution"
  }
];

describe("buildLisbonCase", () => {
  const data = buildLisbonCase(lisbonCsv(lisbonRows), "small.csv");

  test("drops repeated ids and non-stayers", () => {
    expect(data.audit.rawRows).toBe(5);
    expect(data.audit.keptRows).toBe(3);
    expect(data.audit.dropped.map((d) => [d.reason, d.rows])).toEqual([
      ["duplicate id", ["1 (row 4)"]],
      ["never stayed", ["2"]]
    ]);
    expect(data.ids).toEqual(["1", "3", "5"]);
  });

  test("computes the indicators", () => {
    expect(data.values).toEqual([
      [698, 5, 150 / 698, 1, 173, 173, 0, 0, 1, 1],
      [0, 3, 0, 2, 10, 700, 0.25, 0.25, 0, 2],
      [500, 0, 0, 1, 1, 1, 0, 0, 1, 0]
    ]);
  });

  test("counts the recodes", () => {
    // Only customer 3 has no revenue at all; customer 5 has Age 0; all nationalities fit.
    expect(data.audit.recoded.map((r) => r.count)).toEqual([1, 1, 0]);
  });

  test("builds the profile", () => {
    expect(data.profile.map((p) => p.name)).toEqual([
      "nationality",
      "channel",
      "segment",
      "age_band"
    ]);
    expect(data.profile[0].values).toEqual(["BEL", "PRT", "PRT"]);
    expect(data.profile[3].values).toEqual(["18–24", "35–44", null]);
  });

  test("groups rare nationalities as Other", () => {
    const rows = Array.from({length: 12}, (_, k) => ({
      ...lisbonRows[0],
      ID: String(k),
      Nationality: k < 2 ? "AAA" : `N${String(k).padStart(2, "0")}`
    }));
    const many = buildLisbonCase(lisbonCsv(rows), "many.csv");
    // AAA (2 customers) leads; the nine codes N02…N10 fill the top ten; N11 is Other.
    expect(many.profile[0].values.slice(0, 2)).toEqual(["AAA", "AAA"]);
    expect(many.profile[0].values[11]).toBe("Other");
    expect(many.profile[0].values[10]).toBe("N10");
    expect(many.audit.recoded[2].count).toBe(1);
  });

  test("lists every special-request column", () => {
    expect(lisbonRequestColumns).toHaveLength(13);
  });
});

describe("buildLisbonCase errors", () => {
  const withCell = (column: string, value: string, row = 1) =>
    lisbonCsv(lisbonRows.map((r, k) => (k === row ? {...r, [column]: value} : r)));

  test("names missing columns", () => {
    const columns = lisbonRequiredColumns.filter((c) => c !== "RoomNights" && c !== "SRCrib");
    expect(() => buildLisbonCase(lisbonCsv(lisbonRows, columns), "m.csv")).toThrow(
      "m.csv is missing required columns: RoomNights, SRCrib"
    );
  });

  test("names a non-numeric cell", () => {
    expect(() => buildLisbonCase(withCell("LodgingRevenue", "abc"), "m.csv")).toThrow(
      'm.csv line 3, column LodgingRevenue: "abc" is invalid; expected a number ≥ 0'
    );
  });

  test("rejects a negative count", () => {
    expect(() => buildLisbonCase(withCell("BookingsCanceled", "-1", 0), "m.csv")).toThrow(
      'm.csv line 2, column BookingsCanceled: "-1" is invalid; expected an integer ≥ 0'
    );
  });

  test("rejects a fractional count", () => {
    expect(() => buildLisbonCase(withCell("RoomNights", "2.5", 0), "m.csv")).toThrow(
      /line 2, column RoomNights: "2.5" is invalid; expected an integer ≥ 0/
    );
  });

  test("rejects never-stayed days with a check-in", () => {
    expect(() => buildLisbonCase(withCell("DaysSinceLastStay", "-1", 0), "m.csv")).toThrow(
      'm.csv line 2, column DaysSinceLastStay: "-1" is invalid; expected an integer ≥ 0'
    );
  });

  test("rejects an unknown channel", () => {
    expect(() => buildLisbonCase(withCell("DistributionChannel", "Walk-in"), "m.csv")).toThrow(
      /line 3, column DistributionChannel: "Walk-in" is invalid; expected one of "Travel/
    );
  });

  test("rejects a request flag of 2", () => {
    expect(() => buildLisbonCase(withCell("SRBathtub", "2", 4), "m.csv")).toThrow(
      /m.csv line 6, column SRBathtub: "2" is invalid; expected one of "0", "1"/
    );
  });

  test("rejects an empty id", () => {
    expect(() => buildLisbonCase(withCell("ID", "", 2), "m.csv")).toThrow(
      /line 4, column ID: "" is invalid; expected a non-empty value/
    );
  });

  test("rejects a ragged line", () => {
    const text = lisbonCsv(lisbonRows).replace(/\n$/, ",extra\n");
    expect(() => buildLisbonCase(text, "m.csv")).toThrow(
      `m.csv line 6: ${lisbonRequiredColumns.length + 1} fields, but the header has ` +
        `${lisbonRequiredColumns.length}`
    );
  });

  test("rejects a file without rows", () => {
    expect(() => buildLisbonCase(lisbonRequiredColumns.join(","), "m.csv")).toThrow(
      /m.csv has no data rows/
    );
  });
});

describe("decodeUtf8", () => {
  test("drops a byte order mark", () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), "a.csv")).toBe("A");
  });

  test("names line and column of bad bytes", () => {
    // "Açores" in Latin-1: ç is the single byte 0xE7, which is not UTF-8.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode("ID,Town\n1,Lisboa\n2,A"),
      0xe7,
      ...new TextEncoder().encode("ores\n")
    ]);
    expect(() => decodeUtf8(bytes, "t.csv")).toThrow(
      "t.csv line 3, column Town: bytes 41 e7 6f 72 65 73 are not UTF-8 text; " +
        "save the file as UTF-8 CSV"
    );
  });

  test("makes readLisbonCase fail on Latin-1", () => {
    const text = lisbonCsv([{...lisbonRows[0], Nationality: "X"}]);
    const raw = new TextEncoder().encode(text);
    const at = raw.indexOf(0x58); // the byte of "X"
    raw[at] = 0xc7;
    expect(() => readLisbonCase(raw, "l.csv")).toThrow(
      /^l.csv line 2, column Nationality: bytes c7/
    );
  });
});

// A five-item survey with an attention check, written so that each rule drops one row.
const small: SurveyCase = {
  ...cruiseCase,
  id: "small",
  file: "small.csv",
  scale: [1, 5],
  items: [
    {column: "Q1", label: {en: "Q1", zh: "Q1"}},
    {column: "Q2", label: {en: "Q2", zh: "Q2"}},
    {column: "Q3", label: {en: "Q3", zh: "Q3"}}
  ],
  profile: [
    {column: "G", label: {en: "G", zh: "G"}, range: {min: 1, max: 2}, codes: {1: "f", 2: "m"}}
  ],
  system: {
    id: "small",
    label: {en: "Small", zh: "小"},
    dimensions: defaultIndexSystem.dimensions.filter(
      (d) => d.id === "functional" || d.id === "potential"
    ),
    indicators: [
      {
        id: "a",
        dimension: "functional",
        label: {en: "A", zh: "A"},
        direction: "benefit",
        items: ["Q1", "Q2"],
        reverse: ["Q2"],
        scale: [1, 5]
      },
      {
        id: "b",
        dimension: "potential",
        label: {en: "B", zh: "B"},
        direction: "benefit",
        items: ["Q3"],
        scale: [1, 5]
      }
    ]
  },
  attentionCheck: {item: "AC", pass: [3]},
  straightLining: {items: ["Q1", "Q2", "Q3"], minItems: 3}
};
const smallTable: ResponseTable = {
  file: "small.csv",
  ids: ["line 2", "line 3", "line 4", "line 5", "line 6", "line 7"],
  columns: ["Q1", "Q2", "Q3", "G", "AC"],
  values: [
    [4, 2, 5, 1, 3], // kept: a = mean(4, 6 − 2) = 4, b = 5
    [null, 3, 4, 2, 3], // incomplete
    [6, 3, 4, 1, 3], // out of range
    [3, 3, 3, 2, 3], // straight-lining
    [2, 4, 1, null, 1], // fails the attention check
    [5, 1, 2, null, 3] // kept: a = mean(5, 5) = 5, b = 2, gender unknown
  ]
};

describe("buildSurveyCase", () => {
  const data = buildSurveyCase(small, smallTable);

  test("drops one row per rule", () => {
    expect(data.audit.dropped.map((d) => [d.reason, d.rows])).toEqual([
      ["out-of-range", ["line 4"]],
      ["duplicate id", []],
      ["failed attention check", ["line 6"]],
      ["straight-lining", ["line 5"]],
      ["incomplete", ["line 3"]]
    ]);
    expect(data.audit.keptRows).toBe(2);
  });

  test("averages items after reverse coding", () => {
    expect(data.ids).toEqual(["line 2", "line 7"]);
    expect(data.values).toEqual([
      [4, 5],
      [5, 2]
    ]);
  });

  test("keeps raw answers in the item table", () => {
    expect(data.items.columns).toEqual(["Q1", "Q2", "Q3"]);
    expect(data.items.scale).toEqual([1, 5]);
    expect(data.items.values).toEqual([
      [4, 2, 5],
      [5, 1, 2]
    ]);
  });

  test("adds incomplete rows to allItems", () => {
    expect(data.allIds).toEqual(["line 2", "line 3", "line 7"]);
    expect(data.allItems.values).toEqual([
      [4, 2, 5],
      [null, 3, 4],
      [5, 1, 2]
    ]);
  });

  test("maps profile codes", () => {
    expect(data.profile).toEqual([{name: "G", label: {en: "G", zh: "G"}, values: ["f", null]}]);
  });

  test("counts empty cells as a recode", () => {
    expect(data.audit.recoded).toEqual([{rule: "empty cell → missing answer", count: 3}]);
  });

  test("notes a straight-lining rule that cannot apply", () => {
    const long = {...small, straightLining: {items: ["Q1", "Q2", "Q3"], minItems: 10}};
    const drop = buildSurveyCase(long, smallTable).audit.dropped[3];
    expect(drop.count).toBe(0);
    expect(drop.note).toBe(
      "the battery has 3 items, fewer than the 10 the rule needs, so no row can be flagged; " +
        "with minItems 5 it would flag 0 rows"
    );
  });

  test("rejects an indicator item outside the items", () => {
    const bad = {
      ...small,
      system: {
        ...small.system,
        indicators: [small.system.indicators[0], {...small.system.indicators[1], items: ["AC"]}]
      }
    };
    expect(() => buildSurveyCase(bad, smallTable)).toThrow(
      'case small: indicator "b" uses AC, not in the case\'s item list (Q1, Q2, Q3)'
    );
  });
});

describe("readSurveyCase", () => {
  const header = "Lively,Service,Lighting,Food,Hygiene,Positive_talk,Recommend,Gender";
  const encode = (text: string) => new TextEncoder().encode(text);

  test("reads a well-formed file", () => {
    const data = readSurveyCase(cruiseCase, encode(`${header}\n6,4,4,6,4,6,5,2\n`), "c.csv");
    expect(data.ids).toEqual(["line 2"]);
    expect(data.values).toEqual([[6, 4, 4, 6, 4, 6, 5]]);
  });

  test("names a non-numeric cell", () => {
    const text = `${header}\n6,4,4,6,4,6,5,2\n7,7,7,good,7,7,7,1\n`;
    expect(() => readSurveyCase(cruiseCase, encode(text), "c.csv")).toThrow(
      'c.csv has unreadable cells: c.csv line 3, column Food: "good" is not a number'
    );
  });

  test("names a missing column", () => {
    const text = "Lively,Service,Lighting,Food,Positive_talk,Recommend,Gender\n6,4,4,6,6,5,2\n";
    expect(() => readSurveyCase(cruiseCase, encode(text), "c.csv")).toThrow(
      /c.csv has no column "Hygiene"/
    );
  });

  test("names a cell in the wrong encoding", () => {
    const bytes = new Uint8Array([...encode(`${header}\n6,4,4,`), 0xb6, ...encode(",4,6,5,2\n")]);
    expect(() => readSurveyCase(cruiseCase, bytes, "c.csv")).toThrow(
      "c.csv line 2, column Food: bytes b6 are not UTF-8 text; save the file as UTF-8 CSV"
    );
  });

  test("drops answers outside the scale", () => {
    const text = `${header}\n6,4,4,6,4,6,5,2\n8,4,4,6,4,6,5,3\n`;
    const data = readSurveyCase(cruiseCase, encode(text), "c.csv");
    expect(data.audit.dropped[0].rows).toEqual(["line 3"]);
    expect(data.audit.dropped[0].details).toEqual([
      "Lively = 8, expected an integer from 1 to 7; Gender = 3, expected an integer from 1 to 2"
    ]);
  });
});
