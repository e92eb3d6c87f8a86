import {spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {sum} from "simple-statistics";
import {describe, expect, test} from "vitest";
import {ahp} from "../lib/ahp.js";
import {
  bookingRevenue,
  bookingsExperts,
  bookingsFile,
  bookingsRules,
  bookingsSystem,
  readBookings,
  readBookingsCase
} from "../lib/bookings.js";
import {checkAudit, type Audit} from "../lib/clean.js";
import {readCaseFile} from "../lib/compactCase.js";
import {hierarchyNodes} from "../lib/hierarchy.js";
import {analyzeCase} from "../lib/pipeline.js";
import {defaultIndexSystem, validateIndexSystem} from "../lib/indexSystem.js";

// Expected values on the real file were computed with Python's csv and math modules from the
// gzipped CSV, applying the same rules in the same order, independently of lib/.

const text = gunzipSync(readFileSync(bookingsFile)).toString("utf8");
const lines = text.split("\n");
const header = lines[0];
const encode = (content: string) => new TextEncoder().encode(content);

/** Builds a file of the real header and three data lines, with `edit` applied to the second. */
function sample(edit: (fields: string[]) => void = () => {}): string {
  const rows = lines.slice(1, 4).map((line) => line.split(","));
  edit(rows[1]);
  return [header, ...rows.map((row) => row.join(","))].join("\n") + "\n";
}

function setField(fields: string[], name: string, value: string): void {
  fields[header.split(",").indexOf(name)] = value;
}

function counts(values: (string | null)[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const value of values) result[String(value)] = (result[String(value)] ?? 0) + 1;
  return result;
}

describe("bookings index system", () => {
  test("system is valid", () => {
    expect(() => validateIndexSystem(bookingsSystem)).not.toThrow();
  });

  test("uses the default hotel-side dimensions", () => {
    expect(bookingsSystem.dimensions.map((d) => d.id)).toEqual(["current", "potential", "cost"]);
    for (const dimension of bookingsSystem.dimensions) {
      expect(defaultIndexSystem.dimensions).toContainEqual(dimension);
    }
  });

  test("maps the indicators onto dimensions and directions", () => {
    expect(bookingsSystem.indicators.map((i) => [i.id, i.dimension, i.direction])).toEqual([
      ["revenue", "current", "benefit"],
      ["repeated_guest", "potential", "benefit"],
      ["previous_cancellations", "potential", "cost"],
      ["canceled", "cost", "cost"],
      ["special_requests", "cost", "cost"],
      ["intermediated", "cost", "cost"]
    ]);
  });

  test("experts judge every node of the hierarchy", () => {
    const nodes = hierarchyNodes(bookingsSystem);
    expect(bookingsExperts.judgments.map((j) => [j.node, j.order])).toEqual(
      nodes.map((n) => [n.node, n.order])
    );
  });

  test("expert matrices are consistent", () => {
    for (const judgment of bookingsExperts.judgments) {
      for (const matrix of judgment.matrices) {
        expect(ahp(matrix).cr).toBeLessThanOrEqual(0.1);
      }
    }
  });
});

describe("bookingRevenue", () => {
  test("multiplies rate by nights and rounds to cents", () => {
    expect(bookingRevenue(62.8, 3)).toBe(188.4);
    expect(bookingRevenue(1655.9, 3)).toBe(4967.7);
    expect(bookingRevenue(0.125, 1)).toBe(0.13);
    expect(bookingRevenue(0, 5)).toBe(0);
  });
});

describe("bookings case on the real file", () => {
  const data = readBookingsCase(encode(text), bookingsFile);
  const audit: Audit = data.audit;

  test("keeps raw = kept + dropped", () => {
    expect(() => checkAudit(audit)).not.toThrow();
    expect(audit.rawRows).toBe(119_390);
    expect(audit.keptRows).toBe(118_558);
    expect(data.ids).toHaveLength(118_558);
    expect(data.values).toHaveLength(118_558);
  });

  test("drops rows by rule as Python counts them", () => {
    expect(audit.dropped.map((d) => [d.reason, d.count, d.flagged])).toEqual([
      ["negative rate", 1, 1],
      ["implausible rate", 1, 1],
      ["no nights", 715, 715],
      ["no guests", 110, 180],
      ["unknown channel", 5, 5]
    ]);
  });

  test("names the dropped rows by line", () => {
    const negative = audit.dropped[0];
    expect(negative.details).toEqual(["adr = -6.38"]);
    const implausible = audit.dropped[1];
    expect(implausible.details).toEqual(["adr = 5400"]);
    expect(audit.dropped[2].rows.slice(0, 2)).toEqual(["2", "3"]);
  });

  test("counts the missing-value codes", () => {
    expect(audit.recoded.map((r) => r.count)).toEqual([4, 16_340, 112_593, 488]);
  });

  test("matches indicator sums from Python", () => {
    const expected = [42707642.15, 3498, 10390, 44171, 67804, 97524];
    expected.forEach((_, j) => {
      // simple-statistics sums with compensation, close to Python's exact math.fsum.
      expect(sum(data.values.map((row) => row[j]))).toBeCloseTo(expected[j], 6);
    });
  });

  test("stores revenue in cents and flags as integers", () => {
    const revenues = data.values.map((row) => row[0]);
    expect(revenues.filter((value) => Math.round(value * 100) / 100 !== value)).toEqual([]);
    const flags = data.values.flatMap((row) => row.slice(1));
    expect(flags.filter((value) => !Number.isInteger(value))).toEqual([]);
  });

  test("starts at the first kept line", () => {
    expect(data.ids.slice(0, 3)).toEqual(["4", "5", "6"]);
    expect(data.ids.at(-1)).toBe("119391");
    expect(data.values[2]).toEqual([196, 0, 0, 0, 1, 1]);
  });

  test("profiles the kept bookings as Python counts them", () => {
    const byName = Object.fromEntries(data.profile.map((p) => [p.name, counts(p.values)]));
    expect(byName.hotel).toEqual({"Resort Hotel": 39_664, "City Hotel": 78_894});
    expect(byName.segment).toEqual({
      Direct: 12_447,
      Corporate: 5_231,
      "Online TA": 56_128,
      "Offline TA/TO": 24_048,
      Complementary: 715,
      Groups: 19_758,
      Aviation: 231
    });
    expect(byName.customer_type).toEqual({
      Transient: 88_933,
      Contract: 4_056,
      "Transient-Party": 25_000,
      Group: 569
    });
    expect(byName.deposit).toEqual({"No Deposit": 103_810, Refundable: 162, "Non Refund": 14_586});
    expect(byName.arrival_year).toEqual({2015: 21_815, 2016: 56_234, 2017: 40_509});
  });
});

describe("bookingsRules", () => {
  test("reads a missing children count as 0 for no guests", () => {
    const content = sample((fields) => {
      setField(fields, "adults", "0");
      setField(fields, "children", "NA");
      setField(fields, "babies", "0");
    });
    const rules = bookingsRules(readBookings(encode(content), "s.csv"));
    const noGuests = rules.find((rule) => rule.reason === "no guests");
    expect(noGuests?.rows).toEqual([1]);
  });

  test("flags a missing channel as unknown", () => {
    const content = sample((fields) => setField(fields, "distribution_channel", "NULL"));
    const rules = bookingsRules(readBookings(encode(content), "s.csv"));
    expect(rules.find((rule) => rule.reason === "unknown channel")?.rows).toEqual([1]);
  });
});

describe("readBookings on a malformed file", () => {
  const read = (content: string) => () => readBookings(encode(content), "bad.csv");

  test("names file, line and column of an unreadable number", () => {
    const content = sample((fields) => setField(fields, "adr", "cheap"));
    expect(read(content)).toThrow('bad.csv line 3, column adr: "cheap" is not a number');
  });

  test("names the line of a flag outside 0–1", () => {
    const content = sample((fields) => setField(fields, "is_canceled", "2"));
    expect(read(content)).toThrow(
      "bad.csv line 3: is_canceled = 2, expected an integer from 0 to 1"
    );
  });

  test("rejects a fractional count", () => {
    const content = sample((fields) => setField(fields, "adults", "1.5"));
    expect(read(content)).toThrow("bad.csv line 3: adults = 1.5");
  });

  test("rejects a missing rate", () => {
    const content = sample((fields) => setField(fields, "adr", "NULL"));
    expect(read(content)).toThrow("bad.csv line 3: missing adr");
  });

  test("rejects an unknown channel", () => {
    const content = sample((fields) => setField(fields, "distribution_channel", "Phone"));
    expect(read(content)).toThrow(
      'bad.csv line 3, column distribution_channel: "Phone" is invalid'
    );
  });

  test("names a line with a missing field", () => {
    const content = sample((fields) => fields.pop());
    expect(read(content)).toThrow("bad.csv line 3 has 31 fields but the header has 32");
  });

  test("lists missing required columns", () => {
    const content = sample().replace("adr,", "rate,");
    expect(read(content)).toThrow("bad.csv is missing required columns: adr");
  });

  test("names line and column of bytes that are not UTF-8", () => {
    // "Ñ" in Latin-1 is the single byte 0xd1, which is not valid UTF-8 on its own.
    const [before, after] = sample((fields) => setField(fields, "country", "~")).split("~");
    const latin1 = Buffer.concat([Buffer.from(before), Buffer.from([0xd1]), Buffer.from(after)]);
    expect(() => readBookings(latin1, "bad.csv")).toThrow("bad.csv line 3, column country");
  });
});

describe("bookings loader", () => {
  test("emits the case with one summary line", () => {
    const tsx = join("node_modules", ".bin", "tsx");
    const result = spawnSync(tsx, [join("src", "data", "cases", "bookings.json.ts")], {
      encoding: "utf8",
      maxBuffer: 64 << 20
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      `bookings: ${bookingsFile}: 119390 rows read, 118558 kept, 832 dropped (negative rate 1, ` +
        "implausible rate 1, no nights 715, no guests 110, unknown channel 5)\n"
    );
    const file = JSON.parse(result.stdout);
    expect(file.format).toBe("compact-case/1");
    const data = readCaseFile(file);
    expect(data.values).toHaveLength(118_558);
    expect(data.values[2]).toEqual([196, 0, 0, 0, 1, 1]);
  }, 60_000);
});

describe("analyzeCase on the bookings case", () => {
  // Expected values were computed with numpy from the emitted case, independently of lib/:
  // min–max normalisation with cost columns reversed, entropy weights (p = x′/Σx′, p ln p = 0
  // at p = 0), AHP by the principal eigenvector of the element-wise geometric mean of the two
  // experts' matrices, weights 0.5 × AHP + 0.5 × entropy, thresholds at the axis means.
  const data = readBookingsCase(gunzipSync(readFileSync(bookingsFile)), bookingsFile);
  const analysis = analyzeCase(data);

  test("entropy and final weights match numpy", () => {
    const entropy = [0.053868996, 0.580990464, 0.000144505, 0.076865087, 0.002969252, 0.285161696];
    const final = [0.301365575, 0.379794952, 0.036528711, 0.099377275, 0.014704408, 0.168229079];
    analysis.weights.objective.forEach((w, j) => expect(w).toBeCloseTo(entropy[j], 8));
    analysis.weights.final.forEach((w, j) => expect(w).toBeCloseTo(final[j], 8));
  });

  test("has no relationship value without a customer side", () => {
    expect(analysis.value).toBeNull();
    expect(analysis.coupling).toBeNull();
    expect(analysis.scores.sides.crv).toBeUndefined();
    expect(analysis.axes).toEqual({
      x: {kind: "dimension", id: "current"},
      y: {kind: "dimension", id: "potential"}
    });
  });

  test("HRV mean and thresholds match numpy", () => {
    const hrv = analysis.scores.sides.hrv!;
    expect(hrv).toHaveLength(118_558);
    expect(hrv.every(Number.isFinite)).toBe(true);
    expect(sum(Array.from(hrv)) / hrv.length).toBeCloseTo(0.167135568, 8);
    expect(analysis.classes.thresholds.x).toBeCloseTo(0.047460571, 8);
    expect(analysis.classes.thresholds.y).toBeCloseTo(0.114361175, 8);
  });

  test("class counts match numpy", () => {
    expect(analysis.classes.counts).toEqual({
      partners: 272,
      growers: 40_618,
      atRisk: 3226,
      transactional: 74_442
    });
  });
});
