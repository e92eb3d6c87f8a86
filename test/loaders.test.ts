import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gunzipSync, gzipSync} from "node:zlib";
import {afterAll, describe, expect, test} from "vitest";
import type {CaseData} from "../lib/caseData.js";
import type {Audit} from "../lib/clean.js";
import {readCaseFile} from "../lib/compactCase.js";
import type {SurveyCaseData} from "../lib/cases.js";

// The loaders run as Framework runs them: under tsx, from the project root. Expected values
// were computed with Python's csv module from the raw files, independently of lib/.

const tsx = join("node_modules", ".bin", "tsx");
const timeout = 60_000;
const scratch = mkdtempSync(join(tmpdir(), "loaders-"));

function runLoader(name: string, file?: string) {
  const args = [join("src", "data", "cases", `${name}.json.ts`), ...(file ? [file] : [])];
  const result = spawnSync(tsx, args, {encoding: "utf8", maxBuffer: 64 << 20});
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

function load<T extends CaseData>(name: string): {data: T; stderr: string} {
  const {status, stdout, stderr} = runLoader(name);
  if (status !== 0) throw new Error(`loader ${name} failed: ${stderr}`);
  // Large cases are emitted in the column layout; readCaseFile returns CaseData either way.
  return {data: readCaseFile(JSON.parse(stdout)) as T, stderr};
}

function columnSums(values: number[][]): number[] {
  return values[0].map((_, j) => values.reduce((sum, row) => sum + row[j], 0));
}

function counts(values: (string | null)[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const value of values) result[String(value)] = (result[String(value)] ?? 0) + 1;
  return result;
}

function expectBalanced(data: CaseData) {
  const audit = data.audit as Audit;
  const dropped = audit.dropped.reduce((sum, drop) => sum + drop.count, 0);
  expect(audit.rawRows).toBe(audit.keptRows + dropped);
  expect(data.ids).toHaveLength(audit.keptRows);
  expect(data.values).toHaveLength(audit.keptRows);
  const width = data.system.indicators.length;
  expect(data.values.filter((row) => row.length !== width)).toEqual([]);
  expect(data.values.flat().filter((value) => !Number.isFinite(value))).toEqual([]);
  for (const variable of data.profile) expect(variable.values).toHaveLength(audit.keptRows);
  if (data.items) expect(data.items.values).toHaveLength(audit.keptRows);
}

describe("lisbon loader", () => {
  const {data, stderr} = load<CaseData>("lisbon");
  const audit = data.audit as Audit;

  test("keeps raw = kept + dropped", () => expectBalanced(data));

  test("drops the 3,977 never-stayed customers", () => {
    expect(audit.rawRows).toBe(16_718);
    expect(audit.dropped.map((d) => [d.reason, d.count])).toEqual([
      ["duplicate id", 0],
      ["never stayed", 3_977]
    ]);
    expect(audit.keptRows).toBe(12_741);
  });

  test("prints one summary line", () => {
    expect(stderr).toBe(
      "lisbon: data/hotel_customers_lisbon_sample20/hotel_customers_sample20_restored.csv.gz: " +
        "16718 rows read, 12741 kept, 3977 dropped (duplicate id 0, never stayed 3977)\n"
    );
  });

  test("matches indicator sums from Python", () => {
    // math.fsum over the kept rows of each indicator, computed from the CSV in Python.
    const expected = [
      4462572.304440401, 39591, 2285.851211192996, 13360, 6757218, 6793680, 10.368251193251194,
      3.19630439005439, 10487, 8055
    ];
    columnSums(data.values).forEach((sum, j) => {
      expect(Math.abs(sum - expected[j])).toBeLessThan(1e-9 * Math.max(1, expected[j]));
    });
  });

  test("matches the first customer", () => {
    expect(data.ids[0]).toBe("64031");
    expect(data.values[0]).toEqual([698, 5, 150 / 698, 1, 173, 173, 0, 0, 1, 1]);
  });

  test("counts the recodes", () => {
    expect(audit.recoded.map((r) => r.count)).toEqual([51, 0, 2_970]);
  });

  test("profiles channel and age band", () => {
    const [nationality, channel, , ageBand] = data.profile;
    expect(counts(channel.values)).toEqual({
      "Travel Agent/Operator": 10_395,
      Direct: 1_765,
      Corporate: 489,
      "Electronic Distribution": 92
    });
    expect(counts(ageBand.values)).toEqual({
      "under 18": 187,
      "18–24": 497,
      "25–34": 2_030,
      "35–44": 2_465,
      "45–54": 3_035,
      "55–64": 2_302,
      "65+": 1_639,
      null: 586
    });
    expect(Object.keys(counts(nationality.values)).sort()).toEqual(
      ["BEL", "BRA", "DEU", "ESP", "FRA", "GBR", "ITA", "NLD", "Other", "PRT", "USA"].sort()
    );
  });
});

describe("cruise loader", () => {
  const {data, stderr} = load<SurveyCaseData>("cruise");

  test("keeps raw = kept + dropped", () => expectBalanced(data));

  test("keeps the 360 complete cases", () => {
    expect(data.audit.rawRows).toBe(408);
    expect(data.audit.keptRows).toBe(360);
    expect(data.audit.dropped.map((d) => [d.reason, d.count])).toEqual([
      ["out-of-range", 0],
      ["duplicate id", 0],
      ["failed attention check", 0],
      ["straight-lining", 0],
      ["incomplete", 48]
    ]);
    expect(stderr).toMatch(/^cruise: .*ch7_Cruise.csv: 408 rows read, 360 kept, 48 dropped/);
  });

  test("matches item sums from Python", () => {
    // Sums over complete cases in the order Food, Hygiene, Service, Lively, Lighting,
    // Positive_talk, Recommend.
    expect(columnSums(data.values)).toEqual([2099, 2077, 2118, 2052, 1862, 2108, 2003]);
  });

  test("profiles gender", () => {
    expect(counts(data.profile[0].values)).toEqual({female: 182, male: 178});
  });

  test("keeps incomplete rows in allItems", () => {
    expect(data.allIds).toHaveLength(408);
    const answered = data.allItems.columns.map(
      (_, j) => data.allItems.values.filter((row) => row[j] !== null).length
    );
    expect(answered).toEqual([400, 398, 394, 400, 400, 397, 394]);
    expect(data.audit.recoded).toEqual([{rule: "empty cell → missing answer", count: 73}]);
  });

  test("reports the unused straight-lining rule", () => {
    const rule = data.audit.dropped[3];
    expect(rule.flagged).toBe(0);
    expect(rule.note).toMatch(/with minItems 5 it would flag 30 rows$/);
  });
});

describe("tourists loader", () => {
  const {data} = load<SurveyCaseData>("tourists");

  test("keeps raw = kept + dropped", () => expectBalanced(data));

  test("drops the 91 incomplete answers", () => {
    expect(data.audit.rawRows).toBe(1_000);
    expect(data.audit.keptRows).toBe(909);
    expect(data.audit.dropped.at(-1)).toMatchObject({reason: "incomplete", count: 91});
  });

  test("matches item sums from Python", () => {
    // Sums over the 909 kept rows of expecta, satisf and recommend.
    expect(columnSums(data.values)).toEqual([3016, 3772, 3533]);
  });

  test("keeps missing profile answers", () => {
    const fishing = data.profile.find((p) => p.name === "fishing");
    expect(counts(fishing?.values ?? [])).toEqual({no: 800, yes: 106, null: 3});
    const energy = data.profile.find((p) => p.name === "energy");
    expect(counts(energy?.values ?? [])).toEqual({
      "1": 96,
      "2": 107,
      "3": 240,
      "4": 267,
      "5": 186,
      null: 13
    });
  });

  test("reports the unused straight-lining rule", () => {
    expect(data.audit.dropped[3].note).toMatch(/would flag 26 rows$/);
  });
});

describe("loaders on malformed files", () => {
  const lisbonFile =
    "data/hotel_customers_lisbon_sample20/hotel_customers_sample20_restored.csv.gz";
  const lisbonLines = () => gunzipSync(readFileSync(lisbonFile)).toString("utf8").split("\n");

  test(
    "lisbon names a missing column",
    () => {
      const lines = lisbonLines().slice(0, 4);
      const drop = lines[0].split(",").indexOf("RoomNights");
      const text = lines.map((line) => line.split(",").filter((_, j) => j !== drop).join(","));
      const file = join(scratch, "missing.csv.gz");
      writeFileSync(file, gzipSync(text.join("\n")));
      const {status, stderr} = runLoader("lisbon", file);
      expect(status).toBe(1);
      expect(stderr).toBe(`lisbon: ${file} is missing required columns: RoomNights\n`);
    },
    timeout
  );

  test(
    "lisbon names a non-numeric cell",
    () => {
      const lines = lisbonLines().slice(0, 4);
      const cells = lines[2].split(",");
      cells[lines[0].split(",").indexOf("OtherRevenue")] = "n/a";
      lines[2] = cells.join(",");
      const file = join(scratch, "text.csv");
      writeFileSync(file, lines.join("\n"));
      const {status, stderr} = runLoader("lisbon", file);
      expect(status).toBe(1);
      expect(stderr).toBe(
        `lisbon: ${file} line 3, column OtherRevenue: "n/a" is invalid; expected a number ≥ 0\n`
      );
    },
    timeout
  );

  test(
    "lisbon rejects a file that is not gzip",
    () => {
      const file = join(scratch, "plain.csv.gz");
      writeFileSync(file, "ID,Age\n1,2\n");
      const {status, stderr} = runLoader("lisbon", file);
      expect(status).toBe(1);
      expect(stderr).toMatch(new RegExp(`^lisbon: ${file} is not a valid gzip file`));
    },
    timeout
  );

  test(
    "cruise names a cell in the wrong encoding",
    () => {
      const original = readFileSync("data/semwpls_tourism_surveys/ch7_Cruise.csv");
      const lines = new TextDecoder().decode(original).split("\n");
      const head = new TextEncoder().encode(`${lines.slice(0, 4).join("\n")}\n6,`);
      // 0xF6 is "ö" in Latin-1 and not valid UTF-8 on its own.
      const tail = new TextEncoder().encode(",4,6,4,6,5,2\n");
      const file = join(scratch, "latin1.csv");
      writeFileSync(file, new Uint8Array([...head, 0xf6, ...tail]));
      const {status, stderr} = runLoader("cruise", file);
      expect(status).toBe(1);
      expect(stderr).toBe(
        `cruise: ${file} line 5, column Service: bytes f6 are not UTF-8 text; ` +
          "save the file as UTF-8 CSV\n"
      );
    },
    timeout
  );

  test(
    "tourists names a non-numeric cell",
    () => {
      const original = readFileSync("data/semwpls_tourism_surveys/ch3_MotivesActivity.csv", "utf8");
      const lines = original.split("\n").slice(0, 6);
      lines[5] = lines[5].replace(/^\d/, "high");
      const file = join(scratch, "tourists.csv");
      writeFileSync(file, lines.join("\n"));
      const {status, stderr} = runLoader("tourists", file);
      expect(status).toBe(1);
      expect(stderr).toBe(
        `tourists: ${file} has unreadable cells: ${file} line 6, column energy: ` +
          `"high" is not a number\n`
      );
    },
    timeout
  );
});

afterAll(() => rmSync(scratch, {recursive: true, force: true}));
