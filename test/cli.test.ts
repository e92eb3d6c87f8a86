import {execFile} from "node:child_process";
import {existsSync, mkdtempSync, writeFileSync} from "node:fs";
import {mkdtemp, readdir, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {CaseData} from "../lib/caseData.js";
import {defaultIndexSystem, type IndexSystem} from "../lib/indexSystem.js";
import {analyzeCase, type Analysis} from "../lib/pipeline.js";
import {encodeGbk, formatTable, sampleSurveyTable, writeXlsx} from "../lib/sampleFiles.js";
import {readTableCase} from "../lib/survey.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  out: string;
}

const fixtures = "test/fixtures/cli";
const survey = `${fixtures}/survey.csv`;
const records = `${fixtures}/records.csv`;

// Every output folder and generated input lives in this one folder, which afterAll removes
// even when a run failed or timed out.
const root = mkdtempSync(join(tmpdir(), "analyze-test-"));

/** Writes a generated input file into the test folder and returns its path. */
function input(name: string, text: string): string {
  const path = join(root, name);
  writeFileSync(path, text);
  return path;
}

const constant = input("constant.csv", "id,F1,F2,R1,R2\n1,3,3,3,3\n2,3,3,3,3\n3,3,3,3,3\n");
const between = input("between.csv", "id,F1,F2,R1,R2\n1,3,2.5,3,4\n2,4,4,2,3\n3,1,2,5,5\n");
const longCell = input(
  "long-cell.csv",
  `id,F1,F2,R1,R2\n1,3,${"x".repeat(5_000_000)},3,4\n2,4,4,2,3\n3,1,2,5,5\n`
);
// An index system whose HRV indicator has the id of its dimension.
const clashSystem = {
  id: "clash",
  label: {en: "clash", zh: "clash"},
  dimensions: [
    {id: "care", side: "crv", label: {en: "Care", zh: "Care"}},
    {id: "spend", side: "hrv", label: {en: "Spend", zh: "Spend"}}
  ],
  indicators: [
    {
      id: "kind",
      dimension: "care",
      label: {en: "k", zh: "k"},
      direction: "benefit",
      items: ["F1", "F2"],
      scale: [1, 5]
    },
    {
      id: "spend",
      dimension: "spend",
      label: {en: "s", zh: "s"},
      direction: "benefit",
      items: ["R1"],
      scale: [1, 5]
    }
  ]
};
const clashIndex = input("clash.json", JSON.stringify(clashSystem));
const [kind, spend] = clashSystem.indicators;
const sharedItemIndex = input(
  "shared-item.json",
  JSON.stringify({...clashSystem, indicators: [kind, {...spend, id: "money", items: ["R1", "F2"]}]})
);

const longNode = {node: "n".repeat(60), order: ["a", "b"], matrices: [[[1, 2], [0.5, 1]]]};
const longNodeJudgments = input("long-node.json", JSON.stringify([longNode, longNode]));
// A GBK file whose id column is 编号, with id K1 twice.
const gbkPath = join(root, "gbk-ids.csv");
writeFileSync(
  gbkPath,
  encodeGbk("编号,F1,F2,R1,R2\nK1,3,4,2,3\nK1,4,4,2,5\nK2,1,2,5,5\nK3,2,5,3,1\nK4,5,3,4,2\n")
);
const impossibleRecords = input(
  "impossible-records.csv",
  "customer;revenue;room_nights;cancellations;recency\nC1;100;3;0;10\nC2;200;-3;1;20\n" +
    "C3;-500;2,5;-1;-40\n"
);
// The same records with two more valid customers, so three rows remain after dropping.
const dropRecords = input(
  "drop-records.csv",
  "customer;revenue;room_nights;cancellations;recency\nC1;100;3;0;10\nC2;200;-3;1;20\n" +
    "C3;-500;2,5;-1;-40\nC4;300;5;0;30\nC5;150;1;2;5\n"
);
// A Latin-1 file whose channel column says "agência".
const latinPath = join(root, "latin1.csv");
writeFileSync(
  latinPath,
  Buffer.from(
    "id,channel,F1,F2,R1,R2\n1,agência,3,4,2,3\n2,hotel,4,4,2,5\n3,agência,1,2,5,5\n",
    "latin1"
  )
);
const xlsxPath = join(root, "survey.xlsx");
writeFileSync(xlsxPath, writeXlsx(sampleSurveyTable({n: 40})));
const nulPath = join(root, "binary.csv");
writeFileSync(nulPath, Buffer.from([0x69, 0x64, 0x0a, 0x00, 0xff, 0x13]));
const unmeasuredJudgments = input(
  "unmeasured.json",
  JSON.stringify([
    {node: "social", order: ["status", "belonging"], matrices: [[[1, 3], ["1/3", 1]]]}
  ])
);
const unknownNodeJudgments = input(
  "unknown-node.json",
  JSON.stringify([{node: "nope", order: ["crv", "hrv"], matrices: [[[1, 3], ["1/3", 1]]]}])
);
const offScaleJudgments = input(
  "off-scale.json",
  JSON.stringify([{node: "goal", order: ["crv", "hrv"], matrices: [[[1, 1000], ["1/1000", 1]]]}])
);

/**
 * Runs the command line in a subprocess, in the project root, writing to a fresh folder.
 * `node --import tsx` is what `npx tsx` runs, without the start-up of npm and a second node.
 */
async function analyze(...args: string[]): Promise<Run> {
  const out = await mkdtemp(join(root, "out-"));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "cli/analyze.ts", ...args, "--out", out],
      (error, stdout, stderr) => {
        let code: number | null = 0;
        if (error) code = typeof error.code === "number" ? error.code : null;
        resolve({code, stdout, stderr, out});
      }
    );
  });
}

async function output(run: Run, name: string): Promise<string> {
  return readFile(join(run.out, name), "utf8");
}

async function summary(run: Run): Promise<Record<string, any>> {
  return JSON.parse(await output(run, "summary.json"));
}

// Every run starts at once, so the subprocesses overlap and the file stays fast.
const runs: Record<string, Promise<Run>> = {};
function start(name: string, ...args: string[]): void {
  runs[name] = analyze(...args);
}
start("surveyDefault", survey);
start("surveyAhp", survey, "--weights", "ahp");
start("surveyJudged", survey, "--weights", "ahp", "--judgments", `${fixtures}/judgments.json`);
start(
  "surveyGeometric",
  survey,
  "--weights",
  "entropy",
  "--model",
  "geometric",
  "--threshold",
  "0.5"
);
start("records", records, "--id", "customer", "--weights", "critic");
start(
  "customIndex",
  `${fixtures}/custom.csv`,
  "--index",
  `${fixtures}/index.json`,
  "--weights",
  "ahp"
);
start("help", "--help");
start("missingFile", `${fixtures}/absent.csv`);
start("ragged", `${fixtures}/ragged.csv`);
start("outOfRange", `${fixtures}/out-of-range.csv`);
start("noMatch", `${fixtures}/unrelated.csv`);
start("tooFew", `${fixtures}/too-few.csv`);
start("oneDimension", `${fixtures}/one-dimension.csv`);
start("unknownWeights", survey, "--weights", "topsis");
start("badAlpha", survey, "--alpha", "1.5");
start("unknownOption", survey, "--colour");
start("noFile");
start("missingId", survey, "--id", "respondent");
start("judgmentsLackElement", survey, "--judgments", `${fixtures}/judgments-missing.json`);
start("constant", constant);
start("dropOutOfRange", `${fixtures}/out-of-range.csv`, "--drop-out-of-range");
start("dropBetween", between, "--drop-out-of-range");
start("between", between);
start("longCell", longCell);
start("reverse", survey, "--reverse", "F2,E1");
start("reverseUnknown", survey, "--reverse", "F2,revenue");
start("reverseEmpty", survey, "--reverse", "F2,,E1");
start("noStraightLining", survey, "--no-straightlining");
start("clashIndex", survey, "--index", clashIndex);
start("sharedItemIndex", survey, "--index", sharedItemIndex);
start("longOption", survey, "--weights", "w".repeat(100));
start("longNode", survey, "--judgments", longNodeJudgments);
start("gbkIds", gbkPath);
start("impossibleRecords", impossibleRecords, "--id", "customer");
start("dropRecords", dropRecords, "--id", "customer", "--drop-out-of-range");
start("xlsx", xlsxPath, "--drop-out-of-range");
start("latin", latinPath);
start("latinNamed", latinPath, "--encoding", "Windows-1252");
start("binary", nulPath);
start("badEncoding", survey, "--encoding", "ebcdic");
start("unmeasured", survey, "--weights", "ahp", "--judgments", unmeasuredJudgments);
start("unknownNode", survey, "--judgments", unknownNodeJudgments);
start("offScale", survey, "--judgments", offScaleJudgments);

let results: Record<string, Run>;
// About 30 subprocesses overlap, which can take more than a minute on a busy machine.
beforeAll(async () => {
  const names = Object.keys(runs);
  const done = await Promise.all(names.map((name) => runs[name]));
  results = Object.fromEntries(names.map((name, k) => [name, done[k]]));
}, 180_000);

afterAll(async () => {
  await rm(root, {recursive: true, force: true});
  expect(existsSync(root)).toBe(false);
});

describe("analyze test folder", () => {
  test("every run writes inside one removable folder", () => {
    for (const run of Object.values(results)) {
      expect(run.out.startsWith(join(root, "out-"))).toBe(true);
    }
  });
});

describe("analyze on a survey", () => {
  test("exits 0 with one summary line", () => {
    const run = results.surveyDefault;
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `${survey}: 14 rows read, 11 kept, 3 dropped (out-of-range 0, duplicate id 1, ` +
        "failed attention check 0, straight-lining 1, incomplete 1); wrote scores.csv, " +
        `classes.csv and summary.json to ${run.out}\n`
    );
  });

  test("writes the scores of analyzeCase", async () => {
    const run = results.surveyDefault;
    const text = await output(run, "scores.csv");
    const bytes = new Uint8Array(await readFile(survey));
    const read = readTableCase(bytes, survey, defaultIndexSystem, {
      id: "survey.csv",
      title: {en: "survey.csv", zh: "survey.csv"},
      source: {citation: survey, licence: "not stated"}
    });
    const analysis = analyzeCase(read.data);
    const rows = csvParse(text);

    expect(rows.columns).toEqual([
      "id",
      "functional",
      "service",
      "emotional",
      "potential",
      "crv",
      "hrv",
      "D",
      "class"
    ]);
    expect(rows.map((row) => row.id)).toEqual(read.data.ids);
    rows.forEach((row, i) => {
      for (const dimension of ["functional", "service", "emotional", "potential"]) {
        expect(Number(row[dimension])).toBe(analysis.scores.dimensions[dimension][i]);
      }
      expect(Number(row.crv)).toBe(analysis.scores.sides.crv![i]);
      expect(Number(row.hrv)).toBe(analysis.scores.sides.hrv![i]);
      expect(Number(row.D)).toBe(analysis.value![i]);
    });
    expect(rows.map((row) => row.class)).toEqual(analysis.classes.labels.map(classLabel));
  });

  test("class counts add up to the kept rows", async () => {
    const rows = csvParse(await output(results.surveyDefault, "classes.csv"));
    expect(rows.columns).toEqual(["class", "count", "share", "goal"]);
    expect(rows.map((row) => [row.class, row.count])).toEqual([
      ["Partners", "2"],
      ["Potential growers", "4"],
      ["At-risk valuables", "3"],
      ["Transactional", "2"]
    ]);
    expect(rows.reduce((sum, row) => sum + Number(row.count), 0)).toBe(11);
    expect(rows.map((row) => Number(row.share))).toEqual([2 / 11, 4 / 11, 3 / 11, 2 / 11]);
    expect(rows[0].goal).toBe("Keep and deepen the relationship");
  });

  test("lists what the file does not measure", async () => {
    const result = await summary(results.surveyDefault);
    expect(result.measured.dimensions).toEqual(["functional", "service", "emotional", "potential"]);
    expect(result.measured.columns["Referral / word of mouth 1"]).toBe("R3");
    expect(result.notMeasured.dimensions.map((d: {id: string}) => d.id)).toEqual([
      "social",
      "sacrifice",
      "current",
      "cost"
    ]);
    expect(result.notMeasured.indicators[0]).toEqual({
      id: "facilities",
      dimension: "functional",
      missingItems: ["F6"]
    });
    expect(result.notMeasured.unusedColumns).toEqual(["F5", "age", "gender"]);
  });

  test("audits every dropped row", async () => {
    const {audit} = await summary(results.surveyDefault);
    expect(audit.rawRows).toBe(14);
    expect(audit.keptRows).toBe(11);
    const dropped = audit.dropped.map((d: {reason: string; rows: string[]}) => [d.reason, d.rows]);
    expect(dropped).toEqual([
      ["out-of-range", []],
      ["duplicate id", ["G05 (row 10)"]],
      ["failed attention check", []],
      ["straight-lining", ["G13"]],
      ["incomplete", ["G07"]]
    ]);
    expect(audit.recoded).toEqual([{rule: "empty cell → missing answer", count: 1}]);
  });

  test("states combined weights without judgments", async () => {
    const result = await summary(results.surveyDefault);
    expect(result.notes[0]).toBe(
      "Weights used are combined per side: 0.5 × equal weights + 0.5 × entropy weights; no " +
        "--judgments were given, so AHP weights are equal weights: every node of the " +
        "hierarchy (goal, sides, dimensions) gives its elements equal local weights."
    );
    expect(result.ahp).toBeNull();
  });

  test("reports Cronbach alpha per dimension", async () => {
    // Expected α from numpy: k/(k − 1)·(1 − Σ var(item)/var(total)), ddof = 1, on the
    // 11 kept rows of the fixture.
    const {reliability} = await summary(results.surveyDefault);
    const alphas = reliability.map((r: {dimension: string; alpha: number}) => [
      r.dimension,
      r.alpha
    ]);
    const expected = [
      ["functional", 0.8473684210526315],
      ["service", 0.8066491688538934],
      ["emotional", 0.9577464788732393],
      ["potential", 0.9375487900078063]
    ];
    alphas.forEach(([dimension, alpha]: [string, number], k: number) => {
      expect(dimension).toBe(expected[k][0]);
      expect(alpha).toBeCloseTo(expected[k][1] as number, 12);
    });
  });
});

// Scores with equal AHP weights, computed with numpy from the fixture: items averaged per
// indicator ("Agree" = 4), min–max per indicator over the 11 kept rows, dimension = mean of
// its indicators, CRV = mean of the three CRV dimensions, HRV = potential,
// D = √(C·T) with C = 2√(U₁U₂)/(U₁ + U₂), T = (U₁ + U₂)/2; classes split at the means.
const equalWeightScores: [string, number[], string][] = [
  [
    "G01",
    [
      0.5476190476190476, 0.4642857142857143, 1, 0.3571428571428571, 0.6706349206349206,
      0.3571428571428571, 0.699571378826834
    ],
    "Potential growers"
  ],
  [
    "G02",
    [0.30952380952380953, 0.39285714285714285, 0.5, 0, 0.40079365079365076, 0, 0],
    "Transactional"
  ],
  [
    "G03",
    [1, 1, 1, 0.14285714285714285, 1, 0.14285714285714285, 0.6147881529512643],
    "Potential growers"
  ],
  [
    "G04",
    [
      0.6904761904761905, 0.7142857142857143, 0.75, 0.21428571428571427, 0.7182539682539683,
      0.21428571428571427, 0.6263510550209135
    ],
    "Potential growers"
  ],
  [
    "G05",
    [
      0.6785714285714286, 0.6785714285714286, 0.625, 0.14285714285714285, 0.6607142857142857,
      0.14285714285714285, 0.5542796247332022
    ],
    "Potential growers"
  ],
  [
    "G06",
    [
      0.7619047619047619, 0.7619047619047619, 0.875, 0.9285714285714286, 0.7996031746031745,
      0.9285714285714286, 0.9282660276327186
    ],
    "Partners"
  ],
  [
    "G08",
    [
      0, 0.08333333333333333, 0, 0.8571428571428571, 0.027777777777777776, 0.8571428571428571,
      0.39281465090051304
    ],
    "At-risk valuables"
  ],
  [
    "G09",
    [
      0.15476190476190477, 0.07142857142857142, 0.5, 0.42857142857142855, 0.24206349206349206,
      0.42857142857142855, 0.5675290900551073
    ],
    "Transactional"
  ],
  [
    "G10",
    [0.6071428571428572, 0.5357142857142857, 0.75, 1, 0.6309523809523809, 1, 0.8912491853362277],
    "Partners"
  ],
  [
    "G11",
    [
      0.45238095238095233, 0.369047619047619, 0.5, 0.9285714285714286, 0.44047619047619047,
      0.9285714285714286, 0.7997135206870524
    ],
    "At-risk valuables"
  ],
  [
    "G12",
    [0.45238095238095233, 0.3214285714285714, 0.625, 1, 0.4662698412698412, 1, 0.8263410572172101],
    "At-risk valuables"
  ]
];

describe("analyze with AHP weights", () => {
  test("equal weights match numpy", async () => {
    const rows = csvParse(await output(results.surveyAhp, "scores.csv"));
    expect(rows.length).toBe(equalWeightScores.length);
    rows.forEach((row, i) => {
      const [id, values, label] = equalWeightScores[i];
      expect(row.id).toBe(id);
      const columns = ["functional", "service", "emotional", "potential", "crv", "hrv", "D"];
      columns.forEach((column, k) => expect(Number(row[column])).toBeCloseTo(values[k], 12));
      expect(row.class).toBe(label);
    });
  });

  test("says AHP means equal weights", async () => {
    const result = await summary(results.surveyAhp);
    expect(result.notes[0]).toMatch(/^Weights used are AHP weights; no --judgments were given/);
    expect(result.weights.used.room_quality).toBeCloseTo(1 / 6, 15);
    expect(result.weights.used.comfort).toBeCloseTo(1 / 3, 15);
    expect(result.weights.used.referral).toBeCloseTo(1 / 2, 15);
  });

  test("judgments give CR per node", async () => {
    // Expected from numpy: the measured rows and columns of each expert's matrix, the
    // element-wise geometric mean of the experts, its principal eigenvector, and
    // CR = (λmax − n)/(n − 1)/0.58 for n = 3.
    const result = await summary(results.surveyJudged);
    const crv = result.ahp.find((node: {node: string}) => node.node === "crv");
    expect(crv.order).toEqual(["functional", "service", "emotional"]);
    const weights = [0.4635190990489562, 0.3678953527188326, 0.1685855482322112];
    crv.weights.forEach((w: number, k: number) => expect(w).toBeCloseTo(weights[k], 12));
    expect(crv.lambdaMax).toBeCloseTo(3.013360766449715, 12);
    expect(crv.cr).toBeCloseTo(0.011517902111823143, 12);
    expect(crv.consistent).toBe(true);
    const functional = result.ahp.find((node: {node: string}) => node.node === "functional");
    expect(functional.weights[0]).toBeCloseTo(0.7101020514433644, 12);
    expect(result.weights.used.room_quality).toBeCloseTo(
      0.4635190990489562 * 0.7101020514433644,
      12
    );
  });

  test("judgments note what was left out", async () => {
    const result = await summary(results.surveyJudged);
    expect(result.notes).toEqual([
      'node "crv": judgments on social, sacrifice left out (not measured)',
      'node "functional": judgments on facilities, cleanliness left out (not measured)',
      'node "service": judgments on personalisation left out (not measured)',
      'node "potential" has no judgments, so its elements have equal weights',
      'judgments for "social" left out (not measured)'
    ]);
  });
});

describe("analyze options", () => {
  test("geometric model names its column value", async () => {
    const rows = csvParse(await output(results.surveyGeometric, "scores.csv"));
    expect(rows.columns).toContain("value");
    expect(rows.columns).not.toContain("D");
    for (const row of rows) {
      expect(Number(row.value)).toBeCloseTo(Math.sqrt(Number(row.crv) * Number(row.hrv)), 14);
    }
  });

  test("numeric threshold splits at that value", async () => {
    const rows = csvParse(await output(results.surveyGeometric, "scores.csv"));
    const result = await summary(results.surveyGeometric);
    expect(result.classes.thresholds).toEqual({x: 0.5, y: 0.5});
    for (const row of rows) {
      const high = [Number(row.crv) >= 0.5, Number(row.hrv) >= 0.5];
      const expected = high[0]
        ? high[1]
          ? "Partners"
          : "Potential growers"
        : high[1]
          ? "At-risk valuables"
          : "Transactional";
      expect(row.class).toBe(expected);
    }
    expect(result.config.analysis.weighting).toBe("objective");
    expect(result.config.analysis.objective).toBe("entropy");
  });

  test("help lists every option", () => {
    const run = results.help;
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    for (const option of [
      "--index",
      "--weights",
      "--alpha",
      "--model",
      "--threshold",
      "--scale",
      "--drop-out-of-range",
      "--reverse",
      "--no-straightlining",
      "--id",
      "--judgments",
      "--out",
      "--help"
    ]) {
      expect(run.stdout).toContain(`  ${option} `);
    }
    expect(run.stdout).toContain('"warnings" in summary.json');
  });
});

describe("analyze with --index", () => {
  test("custom system reverse-codes items", async () => {
    // Worked by hand: care = mean(Q1, 8 − Q2) → 7, 4, 1, 5.5, so CRV = (care − 1)/6. HRV is
    // the mean of spend (x − 20)/280 and complaints (2 − x)/2 with equal AHP weights.
    const rows = csvParse(await output(results.customIndex, "scores.csv"));
    expect(rows.columns).toEqual(["id", "service", "loyalty", "crv", "hrv", "D", "class"]);
    const expected: [string, number, number][] = [
      ["a", 1, 9 / 14],
      ["b", 0.5, 3 / 56],
      ["c", 0, 3 / 4],
      ["d", 0.75, 1 / 2]
    ];
    rows.forEach((row, i) => {
      expect(row.id).toBe(expected[i][0]);
      expect(Number(row.crv)).toBeCloseTo(expected[i][1], 14);
      expect(Number(row.hrv)).toBeCloseTo(expected[i][2], 14);
    });
    expect(rows.map((row) => row.class)).toEqual([
      "Partners",
      "Transactional",
      "At-risk valuables",
      "Partners"
    ]);
  });

  test("custom system measures everything", async () => {
    const result = await summary(results.customIndex);
    expect(result.config.indexSystem).toBe(`${fixtures}/index.json`);
    expect(result.notMeasured).toEqual({dimensions: [], indicators: [], unusedColumns: []});
  });
});

// The records fixture typed in by hand (row C7 lacks revenue, so it is dropped):
// revenue, room nights, ancillary, tenure, recency, cost to serve, discounts, cancellations,
// no-shows.
const recordRows: [string, number[]][] = [
  ["C1", [1250.5, 9, 210, 820, 35, 64.2, 40, 0, 0]],
  ["C2", [480, 3, 35.5, 150, 210, 48, 96, 1, 0]],
  ["C3", [2980.75, 21, 640.25, 1460, 12, 120.4, 0, 0, 0]],
  ["C4", [310, 2, 0, 60, 330, 52.75, 62, 2, 1]],
  ["C5", [1575, 11, 305.1, 900, 60, 70, 35.5, 0, 0]],
  ["C6", [860.4, 6, 88, 410, 95, 58.1, 120, 1, 0]],
  ["C8", [2140, 15, 410.8, 1100, 25, 95.6, 15, 0, 1]],
  ["C9", [720, 5, 60, 240, 180, 61.3, 88.4, 3, 1]],
  ["C10", [1020, 7, 150, 700, 70, 66, 30, 1, 0]]
];

function recordsAnalysis(): Analysis {
  const system: IndexSystem = {
    ...defaultIndexSystem,
    dimensions: defaultIndexSystem.dimensions.filter((d) =>
      ["current", "potential", "cost"].includes(d.id)
    ),
    // The record indicators of the default system are those without an answer scale.
    indicators: defaultIndexSystem.indicators.filter((indicator) => indicator.scale === undefined)
  };
  const data: CaseData = {
    id: "records",
    title: {en: "records", zh: "records"},
    kind: "records",
    synthetic: false,
    source: {citation: "fixture", licence: "MIT"},
    system,
    ids: recordRows.map(([id]) => id),
    values: recordRows.map(([, values]) => values),
    profile: [],
    experts: {names: [], judgments: [], note: ""},
    audit: {file: "records.csv", rawRows: 10, keptRows: 9, dropped: [], recoded: []}
  };
  return analyzeCase(data, {weighting: "objective", objective: "critic"});
}

describe("analyze on records", () => {
  test("reads semicolons and decimal commas", async () => {
    const result = await summary(results.records);
    expect(results.records.code).toBe(0);
    expect(result.input).toEqual({
      file: records,
      encoding: "utf-8",
      delimiter: ";",
      decimalSeparator: ",",
      idColumn: "customer"
    });
    expect(
      result.audit.dropped.find((d: {reason: string}) => d.reason === "incomplete").rows
    ).toEqual(["C7"]);
  });

  test("scores match a hand-built case", async () => {
    const analysis = recordsAnalysis();
    const rows = csvParse(await output(results.records, "scores.csv"));
    expect(rows.columns).toEqual(["id", "current", "potential", "cost", "hrv", "class"]);
    expect(rows.map((row) => row.id)).toEqual(recordRows.map(([id]) => id));
    rows.forEach((row, i) => {
      for (const dimension of ["current", "potential", "cost"]) {
        expect(Number(row[dimension])).toBe(analysis.scores.dimensions[dimension][i]);
      }
      expect(Number(row.hrv)).toBe(analysis.scores.sides.hrv![i]);
    });
    expect(rows.map((row) => row.class)).toEqual(analysis.classes.labels.map(classLabel));
  });

  test("uses the hotel-side value matrix", async () => {
    const result = await summary(results.records);
    expect(result.classes.axes).toEqual({
      x: {kind: "dimension", id: "current"},
      y: {kind: "dimension", id: "potential"}
    });
    expect(result.notes).toEqual([
      "Only the hotel-received side is measured, so no relationship value is computed; " +
        "the value matrix is current × potential value."
    ]);
    const counts = Object.values(result.classes.counts) as number[];
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(9);
  });
});

const failures: [string, number, string][] = [
  [
    "missingFile",
    1,
    `${fixtures}/absent.csv: file not found; expected a CSV file of survey answers or records`
  ],
  [
    "ragged",
    1,
    `${fixtures}/ragged.csv line 3 has 3 fields but the header has 5; every row needs 5 ` +
      "fields separated by commas, with quotes around values that contain the delimiter"
  ],
  [
    "outOfRange",
    1,
    `${fixtures}/out-of-range.csv line 3 (id B), column F2: "7" is outside the 1–5 scale; ` +
      "if the survey uses another scale, pass --scale MIN,MAX, else pass --drop-out-of-range " +
      "to drop the rows with such cells"
  ],
  [
    "between",
    1,
    `${between} line 2 (id 1), column F2: "2.5" is not a whole number, so it is not an ` +
      "answer of the 1–5 scale; pass --drop-out-of-range to drop the rows with such cells"
  ],
  [
    "longCell",
    1,
    `${longCell} line 2 (id 1), column F2: "${"x".repeat(40)}…" (5000000 characters) is ` +
      "not a number or a known answer label; valid answers are the whole numbers 1 to 5 or " +
      "one of the labels Strongly disagree (非常不同意), Disagree (不同意), Neutral (一般), " +
      "Agree (同意), Strongly agree (非常同意); pass --drop-out-of-range to drop the rows " +
      "with such cells"
  ],
  [
    "longOption",
    2,
    `invalid --weights "${"w".repeat(40)}…" (100 characters): expected ahp, entropy, critic, ` +
      "pca or combined"
  ],
  [
    "longNode",
    1,
    `${longNodeJudgments}: node "${"n".repeat(40)}…" (60 characters) appears twice; give each ` +
      "node once"
  ],
  [
    "impossibleRecords",
    1,
    `${impossibleRecords} line 3 (id C2), column room_nights: "-3" is not a valid value; ` +
      "expected a whole number ≥ 0 (and 4 more such cells); correct the records, or pass " +
      "--drop-out-of-range to drop the rows with such cells"
  ],
  [
    "binary",
    1,
    `${nulPath} is not a text file: it contains a NUL byte at byte 4; save the table as ` +
      "UTF-8 CSV and read it again"
  ],
  [
    "badEncoding",
    2,
    'invalid --encoding "ebcdic": expected utf-8, gb18030 or windows-1252'
  ],
  [
    "unknownNode",
    1,
    `${unknownNodeJudgments}: node "nope" is not a node of index system default; valid nodes: ` +
      "goal, crv, hrv, functional, service, emotional, social, sacrifice, current, potential, cost"
  ],
  [
    "offScale",
    1,
    `${offScaleJudgments}: node "goal", expert 1: comparison matrix entry a[0][1] is 1000; ` +
      "Saaty's scale allows judgments from 1/9 to 9"
  ],
  [
    "clashIndex",
    1,
    `${clashIndex}: index system clash: indicators[1].id "spend" is also the id of ` +
      "dimensions[1]; give every dimension and indicator its own id"
  ],
  [
    "sharedItemIndex",
    1,
    `${sharedItemIndex}: index system clash: item "F2" is used on both sides, at ` +
      'indicators[0].items[1] ("kind", CRV) and indicators[1].items[1] ("money", HRV); an ' +
      "item measures one side only, so give one of them another item"
  ],
  [
    "noMatch",
    1,
    `${fixtures}/unrelated.csv has no columns that measure an indicator of index system ` +
      "default: expected columns named after its items, such as F1, F2, F3, F4, F5, F6, F7, " +
      "F8, … (47 in all); the file's columns are name, age, city"
  ],
  [
    "tooFew",
    1,
    `${fixtures}/too-few.csv: 1 of 2 rows remain after cleaning (dropped: incomplete 1); ` +
      "the analysis needs at least 2 complete rows"
  ],
  [
    "oneDimension",
    1,
    `${fixtures}/one-dimension.csv measures only dimension functional, but the value matrix ` +
      "needs two; add the items of another dimension (see --help for the item names)"
  ],
  [
    "unknownWeights",
    2,
    'invalid --weights "topsis": expected ahp, entropy, critic, pca or combined'
  ],
  ["badAlpha", 2, 'invalid --alpha "1.5": expected a number from 0 to 1'],
  ["unknownOption", 2, "unknown option --colour; run with --help to list the options"],
  ["noFile", 2, "no input file given; usage: npm run analyze -- FILE [options]"],
  [
    "missingId",
    1,
    `${survey} has no id column "respondent"; its columns are id, F1, F2, F3, F4, F5, S1, ` +
      "S2, S3, S4, E1, E2, R1, R2, Referral / word of mouth 1, R4, age, gender"
  ],
  [
    "judgmentsLackElement",
    1,
    `${fixtures}/judgments-missing.json: node "service" compares [responsiveness, ` +
      "personalisation] but the measured index system has [responsiveness, reliability]; " +
      "add judgments for reliability or leave the node out for equal weights"
  ]
];

describe("analyze finds the id column by name", () => {
  test("reads 编号 of a GBK file as ids", async () => {
    const result = await summary(results.gbkIds);
    expect(result.input.idColumn).toBe("编号");
    expect(result.input.encoding).toBe("gb18030");
    expect(result.audit.rawRows).toBe(5);
    expect(result.audit.dropped.find((d: {reason: string}) => d.reason === "duplicate id"))
      .toMatchObject({count: 1, rows: ["K1 (row 2)"]});
  });
});

describe("analyze with judgments for unmeasured nodes only", () => {
  test("names the file in the equal-weights note", async () => {
    const result = await summary(results.unmeasured);
    expect(result.notes[0]).toBe(
      `Weights used are AHP weights; ${unmeasuredJudgments} has no judgments for a measured ` +
        "node, so AHP weights are equal weights: every node of the hierarchy (goal, sides, " +
        "dimensions) gives its elements equal local weights."
    );
  });
});

describe("analyze reads the encoding", () => {
  test("detects Latin-1 as Windows-1252", async () => {
    expect(results.latin.code).toBe(0);
    expect((await summary(results.latin)).input.encoding).toBe("windows-1252");
  });

  test("reads the first sheet of an XLSX workbook", async () => {
    const run = results.xlsx;
    expect(run.code).toBe(0);
    const {audit, input} = await summary(run);
    expect(input.idColumn).toBe("id");
    expect(audit.rawRows).toBe(csvParse(formatTable(sampleSurveyTable({n: 40}))).length);
  });

  test("takes --encoding", async () => {
    expect(results.latinNamed.code).toBe(0);
    expect((await summary(results.latinNamed)).input.encoding).toBe("windows-1252");
  });
});

describe("analyze on constant data", () => {
  test("warns on stderr and still writes the outputs", () => {
    const run = results.constant;
    expect(run.code).toBe(0);
    const [warning, done, end] = run.stderr.split("\n");
    expect(warning).toBe(
      `analyze: warning: ${constant}: indicators room_quality, repurchase have the same value ` +
        "in every kept row, so they score 0 for everyone and do not tell customers apart; " +
        "CRV is 0 for every customer, so all fall on its high side (threshold 0; a score " +
        "equal to it counts as high) and the classes do not reflect it; HRV is 0 for every " +
        "customer, so all fall on its high side (threshold 0; a score equal to it counts as " +
        "high) and the classes do not reflect it; every customer is in class Partners. Check " +
        "that the columns hold the answers you expect."
    );
    expect(done).toMatch(/^.*constant\.csv: 3 rows read, 3 kept, 0 dropped/);
    expect(end).toBe("");
  });

  test("puts the warning and the constant parts in summary.json", async () => {
    const result = await summary(results.constant);
    expect(result.warnings).toEqual([results.constant.stderr.split("\n")[0].replace(
      `analyze: warning: ${constant}: `,
      ""
    )]);
    expect(result.degenerateIndicators).toEqual(["room_quality", "repurchase"]);
    expect(result.constantAxes).toEqual([
      {axis: "x", kind: "side", id: "crv", score: 0, threshold: 0, high: true},
      {axis: "y", kind: "side", id: "hrv", score: 0, threshold: 0, high: true}
    ]);
    expect(result.classes.counts).toEqual({partners: 3, growers: 0, atRisk: 0, transactional: 0});
  });

  test("varied data has no warning", async () => {
    expect((await summary(results.surveyDefault)).warnings).toEqual([]);
    expect(results.surveyDefault.stderr).not.toContain("warning");
  });
});

describe("analyze with --drop-out-of-range", () => {
  test("drops rows with answers outside the scale", async () => {
    const run = results.dropOutOfRange;
    expect(run.code).toBe(0);
    const {audit, config} = await summary(run);
    expect(config.dropOutOfRange).toBe(true);
    expect(audit.rawRows).toBe(3);
    expect(audit.keptRows).toBe(2);
    expect(audit.dropped[0]).toEqual({
      reason: "problem cell",
      label: {
        en: "Unreadable, out-of-scale or invalid value",
        zh: "无法读取、超出量表或无效的取值"
      },
      count: 1,
      rows: ["B"],
      flagged: 1,
      details: ['column F2: "7" is outside the 1–5 scale']
    });
    expect(run.stderr).toContain(
      "out-of-range.csv: 3 rows read, 2 kept, 1 dropped (problem cell 1, out-of-range 0, "
    );
  });

  test("warns when the kept rows leave a side constant", () => {
    // Rows A and C: room quality 1.5 and 4.5, service 3.5 and 1.5, so with equal weights
    // both have CRV = (0 + 1) / 2 = (1 + 0) / 2 = 0.5.
    expect(results.dropOutOfRange.stderr.split("\n")[0]).toBe(
      `analyze: warning: ${fixtures}/out-of-range.csv: CRV is 0.5 for every customer, so all ` +
        "fall on its high side (threshold 0.5; a score equal to it counts as high) and the " +
        "classes do not reflect it. Check that the columns hold the answers you expect."
    );
  });

  test("drops rows with answers between scale points", async () => {
    const {audit, ...result} = await summary(results.dropBetween);
    expect(audit.dropped[0].rows).toEqual(["1"]);
    expect(audit.dropped[0].details).toEqual([
      'column F2: "2.5" is not a whole number, so it is not an answer of the 1–5 scale'
    ]);
    expect(result.input.file).toBe(between);
  });
  test("drops rows of impossible records", async () => {
    const run = results.dropRecords;
    expect(run.code).toBe(0);
    const {audit} = await summary(run);
    expect(audit.rawRows).toBe(5);
    expect(audit.keptRows).toBe(3);
    expect(audit.dropped[0].rows).toEqual(["C2", "C3"]);
    // Each cell is named with its column and the valid values: C3 has four impossible ones.
    expect(audit.dropped[0].details).toEqual([
      'column room_nights: "-3" is not a valid value; expected a whole number ≥ 0',
      'column revenue: "-500" is not a valid value; expected a number ≥ 0; ' +
        'column room_nights: "2,5" is not a valid value; expected a whole number ≥ 0; ' +
        'column cancellations: "-1" is not a valid value; expected a whole number ≥ 0; ' +
        'column recency: "-40" is not a valid value; expected a whole number ≥ 0'
    ]);
    expect(run.stderr).toContain(
      "drop-records.csv: 5 rows read, 3 kept, 2 dropped (problem cell 2, "
    );
  });
});

describe("analyze with --reverse", () => {
  test("reverse-codes the named items", async () => {
    const run = results.reverse;
    expect(run.code).toBe(0);
    const result = await summary(run);
    expect(result.config.reverse).toEqual(["F2", "E1"]);

    // The same system with the items marked by hand, analysed without the command line.
    const system: IndexSystem = {
      ...defaultIndexSystem,
      indicators: defaultIndexSystem.indicators.map((indicator) =>
        indicator.id === "room_quality" ? {...indicator, reverse: ["F2"]} :
          indicator.id === "comfort" ? {...indicator, reverse: ["E1"]} : indicator
      )
    };
    const bytes = new Uint8Array(await readFile(survey));
    const read = readTableCase(bytes, survey, system, {
      id: "survey.csv",
      title: {en: "survey.csv", zh: "survey.csv"},
      source: {citation: survey, licence: "not stated"}
    });
    const analysis = analyzeCase(read.data);
    const rows = csvParse(await output(run, "scores.csv"));
    rows.forEach((row, i) => {
      expect(Number(row.functional)).toBe(analysis.scores.dimensions.functional[i]);
      expect(Number(row.emotional)).toBe(analysis.scores.dimensions.emotional[i]);
    });
    // G01 answered F1 = 5 and F2 = 3; reversed, F2 counts 1 + 5 − 3 = 3, so its room quality
    // stays (5 + 3) / 2 = 4 while G02's (4, 2) becomes (4 + 4) / 2 = 4.
    expect(read.data.values[0][0]).toBe(4);
    expect(read.data.values[1][0]).toBe(4);
  });

  test("rejects items the index system lacks", () => {
    const run = results.reverseUnknown;
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'analyze: invalid --reverse: cannot reverse-code "revenue": not a survey item of index ' +
        "system default; its survey items are F1, F2, F3, F4, F5, F6, F7, F8, … (38 in all)\n"
    );
  });

  test("rejects an empty item name", () => {
    expect(results.reverseEmpty.code).toBe(2);
    expect(results.reverseEmpty.stderr).toBe(
      'analyze: invalid --reverse "F2,,E1": expected item names separated by commas, such ' +
        "as E4,P2\n"
    );
  });
});

describe("analyze with --no-straightlining", () => {
  test("keeps the straight-liner", async () => {
    const run = results.noStraightLining;
    expect(run.code).toBe(0);
    const {audit, config} = await summary(run);
    expect(config.straightLining).toBe(false);
    expect(audit.keptRows).toBe(12);
    const rule = audit.dropped.find((d: {reason: string}) => d.reason === "straight-lining");
    expect(rule).toMatchObject({count: 0, rows: [], note: "the rule was switched off"});
    const scores = csvParse(await output(run, "scores.csv"));
    expect(scores.map((row) => row.id)).toContain("G13");
  });
});

describe("analyze on bad input", () => {
  test.each(failures)("%s exits with one line", async (name, code, message) => {
    const run = results[name];
    expect(run.code).toBe(code);
    expect(run.stderr).toBe(`analyze: ${message}\n`);
    expect(run.stdout).toBe("");
    expect(await readdir(run.out)).toEqual([]);
  });
});

function classLabel(id: string): string {
  const labels: Record<string, string> = {
    partners: "Partners",
    growers: "Potential growers",
    atRisk: "At-risk valuables",
    transactional: "Transactional"
  };
  return labels[id];
}
