import {readFileSync} from "node:fs";
import {gunzipSync, gzipSync} from "node:zlib";
import {describe, expect, test} from "vitest";
import {
  bookingsExperts,
  bookingsFile,
  bookingsSystem,
  readBookingsCase
} from "../lib/bookings.js";
import type {CaseData} from "../lib/caseData.js";
import {
  compactCaseFormat,
  decodeCase,
  encodeCase,
  readCaseFile,
  type CompactCase
} from "../lib/compactCase.js";
import {readLisbonCase} from "../lib/lisbon.js";
import {buildTeachingCase, syntheticCase} from "../lib/synthetic.js";

/** Returns a value after a trip through JSON, as the row layout reached a page. */
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** Builds a small case whose encoded form is written out by hand below. */
function tinyCase(): CaseData {
  return {
    id: "tiny",
    title: {en: "Tiny", zh: "小例"},
    kind: "records",
    synthetic: true,
    source: {citation: "made for this test", licence: "CC0"},
    system: bookingsSystem,
    experts: bookingsExperts,
    audit: {file: "tiny.csv", rawRows: 5, keptRows: 4, dropped: [], recoded: []},
    ids: ["2", "3", "4", "7"],
    values: [
      [75, 0, 0, 0, 0, 1],
      [19.6, 1, 2, 0, 3, 0],
      [0.125, 0, 11, 1, 0, 0],
      [-3, 1, 0, 1, 9, 1]
    ],
    profile: [{name: "hotel", label: {en: "Hotel", zh: "酒店"}, values: ["a", null, "a", "b"]}]
  };
}

describe("encodeCase", () => {
  // Expected forms were worked out by hand. Because 0.125 needs three decimals, the first
  // column is stored in thousandths. Single-digit columns become digit strings.
  test("encodeCase scales columns to integers", () => {
    const compact = encodeCase(tinyCase());
    expect(compact.format).toBe(compactCaseFormat);
    expect(compact.rows).toBe(4);
    expect(compact.columns).toEqual([
      {decimals: 3, values: [75000, 19600, 125, -3000]},
      {decimals: 0, values: "0101"},
      {decimals: 0, values: [0, 2, 11, 0]},
      {decimals: 0, values: "0011"},
      {decimals: 0, values: "0309"},
      {decimals: 0, values: "1001"}
    ]);
  });

  test("encodeCase stores id runs and codes", () => {
    const compact = encodeCase(tinyCase());
    expect(compact.ids).toEqual({runs: [[2, 3], [7, 1]]});
    expect(compact.profile).toEqual([
      {name: "hotel", label: {en: "Hotel", zh: "酒店"}, levels: ["a", null, "b"], codes: "0102"}
    ]);
  });

  test("encodeCase keeps non-integer ids", () => {
    const data = {...tinyCase(), ids: ["2", "03", "4", "x"]};
    expect(encodeCase(data).ids).toEqual(["2", "03", "4", "x"]);
  });

  test("encodeCase keeps inexact decimals raw", () => {
    const data = tinyCase();
    data.values[1][0] = 1 / 3;
    expect(encodeCase(data).columns[0]).toEqual({decimals: null, values: [75, 1 / 3, 0.125, -3]});
  });

  test("encodeCase rejects NaN with its place", () => {
    const data = tinyCase();
    data.values[2][4] = Number.NaN;
    expect(() => encodeCase(data)).toThrow("case tiny row 3, column special_requests: NaN");
  });

  test("encodeCase rejects a short row", () => {
    const data = tinyCase();
    data.values[1] = [1, 2];
    expect(() => encodeCase(data)).toThrow("case tiny row 2 has 2 values; expected 6");
  });
});

describe("decodeCase", () => {
  test("decodeCase restores the tiny case", () => {
    const data = tinyCase();
    expect(decodeCase(viaJson(encodeCase(data)))).toEqual(viaJson(data));
  });

  test("decodeCase restores the bookings case", () => {
    const data = readBookingsCase(gunzipSync(readFileSync(bookingsFile)), bookingsFile);
    const decoded = decodeCase(viaJson(encodeCase(data)));
    expect(decoded.values).toHaveLength(118_558);
    expect(decoded).toEqual(viaJson(data));
  }, 60_000);

  test("decodeCase restores the Lisbon case", () => {
    const file = "data/hotel_customers_lisbon_sample20/hotel_customers_sample20_restored.csv.gz";
    const data = readLisbonCase(gunzipSync(readFileSync(file)), file);
    const compact = encodeCase(data);
    expect(compact.columns.some((column) => column.decimals === null)).toBe(true);
    expect(decodeCase(viaJson(compact))).toEqual(viaJson(data));
  }, 60_000);

  test("decodeCase keeps survey items", () => {
    const data = buildTeachingCase(syntheticCase());
    expect(decodeCase(viaJson(encodeCase(data)))).toEqual(viaJson(data));
  });

  test("decodeCase rejects a short column", () => {
    const compact = viaJson(encodeCase(tinyCase()));
    compact.columns[3].values = "001";
    expect(() => decodeCase(compact)).toThrow(
      "case tiny column canceled has 3 entries; expected 4 rows"
    );
  });

  test("decodeCase rejects unknown profile codes", () => {
    const compact = viaJson(encodeCase(tinyCase()));
    compact.profile[0].codes = "0103";
    expect(() => decodeCase(compact)).toThrow(
      "case tiny profile hotel row 4: code 3 is outside the 3 levels"
    );
  });

  test("decodeCase rejects non-digit characters", () => {
    const compact = viaJson(encodeCase(tinyCase()));
    compact.columns[1].values = "01x1";
    expect(() => decodeCase(compact)).toThrow(
      'case tiny column repeated_guest: character 3 "x" is not a digit 0–9'
    );
  });

  test("decodeCase rejects short id runs", () => {
    const compact = viaJson(encodeCase(tinyCase()));
    compact.ids = {runs: [[2, 3]]};
    expect(() => decodeCase(compact)).toThrow("case tiny ids has 3 entries; expected 4 rows");
  });

  test("decodeCase rejects another format", () => {
    const compact = {...viaJson(encodeCase(tinyCase())), format: "compact-case/9"};
    expect(() => decodeCase(compact as unknown as CompactCase)).toThrow(
      'case tiny has format "compact-case/9"; expected "compact-case/1"'
    );
  });
});

describe("readCaseFile", () => {
  test("readCaseFile accepts both layouts", () => {
    const data = viaJson(tinyCase());
    expect(readCaseFile(viaJson(encodeCase(data)))).toEqual(data);
    expect(readCaseFile(data)).toBe(data);
  });

  test("readCaseFile rejects an array", () => {
    expect(() => readCaseFile([1, 2])).toThrow("a case file must hold a JSON object; found an array");
  });
});

describe("size of the bookings case", () => {
  // The row layout measured 9.9 MB of JSON and 0.61 MB at gzip level 9 before the column
  // layout replaced it. The column layout must be a fraction of both.
  test("column layout is a third of rows", () => {
    const data = readBookingsCase(gunzipSync(readFileSync(bookingsFile)), bookingsFile);
    const rows = JSON.stringify(data);
    const columns = JSON.stringify(encodeCase(data));
    expect(columns.length).toBeLessThan(rows.length / 3);
    expect(gzipSync(columns, {level: 9}).length).toBeLessThan(350_000);
  }, 60_000);
});
