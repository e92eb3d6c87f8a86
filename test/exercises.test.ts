import {describe, expect, it} from "vitest";
import type {CaseData} from "../lib/caseData.js";
import {couplingCoordination} from "../lib/coupling.js";
import {
  availableKinds,
  checkAnswer,
  exampleCustomer,
  exerciseKinds,
  generateExercise,
  parseAnswerNumber,
  unavailableReason,
  type Exercise,
  type ExerciseContext,
  type ExerciseKind
} from "../lib/exercises.js";
import type {IndexSystem} from "../lib/indexSystem.js";
import {analyzeCase} from "../lib/pipeline.js";
import {buildTeachingCase, syntheticCase} from "../lib/synthetic.js";

const label = (text: string) => ({en: text, zh: text});

// A case small enough to check by hand: one indicator per dimension, two dimensions a side.
const system: IndexSystem = {
  id: "tiny",
  label: label("tiny"),
  dimensions: [
    {id: "functional", side: "crv", label: label("functional")},
    {id: "service", side: "crv", label: label("service")},
    {id: "current", side: "hrv", label: label("current")},
    {id: "cost", side: "hrv", label: label("cost")}
  ],
  indicators: [
    {id: "a", dimension: "functional", label: label("a"), direction: "benefit", items: ["a"]},
    {id: "b", dimension: "service", label: label("b"), direction: "benefit", items: ["b"]},
    {id: "c", dimension: "current", label: label("c"), direction: "benefit", items: ["c"]},
    {id: "d", dimension: "cost", label: label("d"), direction: "cost", items: ["d"]}
  ]
};

const tinyCase: CaseData = {
  id: "tiny",
  title: label("tiny"),
  kind: "survey",
  synthetic: true,
  source: {citation: "hand-made", licence: "CC0"},
  system,
  ids: ["1", "2", "3", "4", "5", "6"],
  values: [
    [4, 3, 120, 2],
    [5, 4, 80, 5],
    [2, 2, 200, 1],
    [3, 5, 60, 3],
    [1, 1, 150, 4],
    [4, 2, 90, 2]
  ],
  profile: [],
  experts: {
    names: ["expert"],
    note: "hand-made",
    judgments: [
      {
        node: "goal",
        order: ["crv", "hrv"],
        matrices: [
          [
            [1, 2],
            [0.5, 1]
          ]
        ]
      },
      {
        node: "crv",
        order: ["functional", "service"],
        matrices: [
          [
            [1, 3],
            [1 / 3, 1]
          ]
        ]
      },
      {
        node: "hrv",
        order: ["current", "cost"],
        matrices: [
          [
            [1, 0.5],
            [2, 1]
          ]
        ]
      }
    ]
  },
  audit: {file: "tiny.csv", rawRows: 6, keptRows: 6, dropped: [], recoded: []}
};

// Computed independently with numpy (min–max with directions, entropy per side, principal
// eigenvectors, α = 0.5, weighted sums, C, T, D); the same values check analyzeCase.
const tinyExpected = {
  objective: [0.45211598678514003, 0.5478840132148599, 0.5920642832188929, 0.40793571678110707],
  subjective: [0.75, 0.25, 1 / 3, 2 / 3],
  final: [0.60105799339257, 0.39894200660742996, 0.4626988082761132, 0.5373011917238868],
  crv: [0.6502644983481425, 0.9002644983481425, 0.25, 0.699471003303715, 0, 0.5505289966962851],
  hrv: [
    0.6012753830541064, 0.06609982975373045, 1, 0.2686505958619434, 0.43177453182275877,
    0.5021256384235108
  ],
  d: [
    0.7907530340233222, 0.49390408287175036, 0.7071067811865476, 0.658399330976412, 0,
    0.7251004069140403
  ],
  classes: ["partners", "growers", "atRisk", "growers", "transactional", "partners"]
};

const tiny: ExerciseContext = {data: tinyCase, analysis: analyzeCase(tinyCase)};

const teachingCase = buildTeachingCase(syntheticCase({n: 200, seed: 5}));
const teaching: ExerciseContext = {data: teachingCase, analysis: analyzeCase(teachingCase)};

const allKinds = Object.keys(exerciseKinds) as ExerciseKind[];
const seeds = Array.from({length: 12}, (_, k) => 1 + 97 * k);

function givenNumber(exercise: Exercise, symbol: string, labelPart = ""): number {
  const entry = exercise.given.find(
    (given) => given.symbol === symbol && given.label.includes(labelPart)
  );
  if (!entry) throw new Error(`exercise ${exercise.id} gives no ${symbol} (${labelPart})`);
  return Number(entry.value);
}

/** Returns the answer of a numeric exercise, failing the test for a choice. */
function numberOf(exercise: Exercise): number {
  expect(exercise.answer.type).toBe("number");
  return exercise.answer.type === "number" ? exercise.answer.value : NaN;
}

/** Returns the answer of a choice exercise, failing the test for a number. */
function choiceOf(exercise: Exercise): string {
  expect(exercise.answer.type).toBe("choice");
  return exercise.answer.type === "choice" ? exercise.answer.value : "";
}

function givenAll(exercise: Exercise, prefix: string): number[] {
  return exercise.given
    .filter((given) => given.symbol.startsWith(`${prefix}_{`))
    .map((given) => Number(given.value));
}

function dFromScores(u1: number, u2: number, alpha: number): number {
  const c = u1 + u2 === 0 ? 0 : (2 * Math.sqrt(u1 * u2)) / (u1 + u2);
  return Math.sqrt(c * (alpha * u1 + (1 - alpha) * u2));
}

function classOf(x: number, y: number, tx: number, ty: number): string {
  if (y >= ty) return x >= tx ? "partners" : "atRisk";
  return x >= tx ? "growers" : "transactional";
}

/** Principal eigenvalue by power iteration, independent of the library's decomposition. */
function powerLambda(rows: string[][]): number {
  const a = rows.map((row) => row.map(parseAnswerNumber));
  let v = a.map(() => 1);
  let lambda = 0;
  for (let step = 0; step < 500; step++) {
    const w = a.map((row) => row.reduce((total, x, j) => total + x * v[j], 0));
    lambda = w.reduce((total, x) => total + x, 0) / v.reduce((total, x) => total + x, 0);
    const norm = w.reduce((total, x) => total + x, 0);
    v = w.map((x) => x / norm);
  }
  return lambda;
}

/**
 * Solves an exercise from its shown numbers only, with the formula written out here, the way
 * a student would. Returns the number or the option id.
 */
function solveFromGiven(exercise: Exercise): number | string {
  const question = exercise.question;
  switch (exercise.kind) {
    case "twoViews": {
      const alpha = givenNumber(exercise, "\\alpha");
      const u1 = exercise.given
        .filter((given) => given.symbol === "U_1")
        .map((g) => Number(g.value));
      const u2 = exercise.given
        .filter((given) => given.symbol === "U_2")
        .map((g) => Number(g.value));
      return dFromScores(u1[0], u2[0], alpha) > dFromScores(u1[1], u2[1], alpha)
        ? "first"
        : "second";
    }
    case "minMax": {
      const [x, min, max] = ["x", "\\min", "\\max"].map((s) => givenNumber(exercise, s));
      return exercise.formula.includes("\\max - x")
        ? (max - x) / (max - min)
        : (x - min) / (max - min);
    }
    case "consistency":
    case "nodeConsistency": {
      const [lambda, n, ri] = ["\\lambda_{\\max}", "n", "RI"].map((s) => givenNumber(exercise, s));
      const cr = (lambda - n) / (n - 1) / ri;
      if (exercise.kind === "nodeConsistency") return cr;
      return cr <= 0.1 ? "yes" : "no";
    }
    case "entropyWeight": {
      const e = givenAll(exercise, "e");
      const k = exercise.given.findIndex((given) => question.endsWith(`weight of ${given.label}?`));
      const d = e.map((x) => 1 - x);
      return d[k] / d.reduce((total, x) => total + x, 0);
    }
    case "combinedWeight": {
      const ws = givenNumber(exercise, "w^{s}_j");
      const wo = givenNumber(exercise, "w^{o}_j");
      if (exercise.formula.includes("\\frac")) {
        return (ws * wo) / givenNumber(exercise, "\\sum_k w^{s}_k w^{o}_k");
      }
      const alpha = givenNumber(exercise, "\\alpha");
      return alpha * ws + (1 - alpha) * wo;
    }
    case "dimensionScore": {
      const [v, x] = [givenAll(exercise, "v"), givenAll(exercise, "x'")];
      return v.reduce((total, w, k) => total + w * x[k], 0);
    }
    case "sideScore": {
      const [w, s] = [givenAll(exercise, "W"), givenAll(exercise, "s")];
      return w.reduce((total, weight, k) => total + weight * s[k], 0);
    }
    case "coupling": {
      const [u1, u2, alpha] = ["U_1", "U_2", "\\alpha"].map((s) => givenNumber(exercise, s));
      return dFromScores(u1, u2, alpha);
    }
    case "classify": {
      const [x, y, tx, ty] = ["x", "y", "t_x", "t_y"].map((s) => givenNumber(exercise, s));
      return classOf(x, y, tx, ty);
    }
    case "weightDoubles": {
      const [v, s] = [givenAll(exercise, "v"), givenAll(exercise, "s")];
      const names = exercise.given
        .filter((given) => given.symbol.startsWith("v_{"))
        .map((given) => given.label.replace("current weight of ", ""));
      const k = names.findIndex((name) => question.includes(`weight of ${name} within`));
      const doubled = v.map((w, i) => (i === k ? 2 * w : w) / (1 + v[k]));
      const score = doubled.reduce((total, w, i) => total + w * s[i], 0);
      const [tx, ty] = [givenNumber(exercise, "t_x"), givenNumber(exercise, "t_y")];
      const other = exercise.given.find((given) => given.label.endsWith("(unchanged)"))!;
      const moved = other.symbol === "y" ? "x" : "y";
      return moved === "x"
        ? classOf(score, Number(other.value), tx, ty)
        : classOf(Number(other.value), score, tx, ty);
    }
    case "ipaGain":
      return givenNumber(exercise, "I_j") * (1 - givenNumber(exercise, "P_j"));
  }
}

describe("generateExercise", () => {
  it.each(allKinds)("%s is the same for the same seed", (kind) => {
    for (const seed of seeds.slice(0, 4)) {
      expect(generateExercise(kind, teaching, seed)).toEqual(
        generateExercise(kind, teaching, seed)
      );
    }
  });

  it.each(allKinds.filter((kind) => kind !== "nodeConsistency"))(
    "%s varies with the seed",
    (kind) => {
      const questions = new Set(
        seeds.map((seed) => JSON.stringify(generateExercise(kind, teaching, seed).given))
      );
      expect(questions.size).toBeGreaterThan(1);
    }
  );

  it("names the case, kind and seed in the id", () => {
    const exercise = generateExercise("coupling", teaching, 42);
    expect(exercise.id).toBe("teaching/coupling/42");
    expect(exercise.step).toBe("relationshipValue");
  });

  it.each(allKinds)("%s can be solved from its shown numbers", (kind) => {
    for (const seed of seeds) {
      const exercise = generateExercise(kind, teaching, seed);
      const solved = solveFromGiven(exercise);
      if (exercise.answer.type === "number") {
        expect(Math.abs((solved as number) - exercise.answer.value)).toBeLessThanOrEqual(
          exercise.answer.tolerance
        );
      } else {
        expect(solved).toBe(exercise.answer.value);
      }
    }
  });

  it("draws both consistent and inconsistent matrices", () => {
    const answers = new Set(
      seeds.map((seed) => choiceOf(generateExercise("consistency", teaching, seed)))
    );
    expect(answers).toEqual(new Set(["yes", "no"]));
  });

  it("shows a matrix whose eigenvalue is the one given", () => {
    for (const seed of seeds) {
      const exercise = generateExercise("consistency", teaching, seed);
      const lambda = givenNumber(exercise, "\\lambda_{\\max}");
      expect(Math.abs(powerLambda(exercise.matrix!.rows) - lambda)).toBeLessThan(1e-4);
    }
  });

  it("draws matrices clear of the CR limit", () => {
    for (const seed of seeds) {
      const exercise = generateExercise("consistency", teaching, seed);
      const cr = exercise.solution.find((step) =>
        step.text.startsWith("Consistency ratio")
      )!.value!;
      expect(Math.abs(cr - 0.1)).toBeGreaterThanOrEqual(0.005);
    }
  });

  it("throws on an unknown kind", () => {
    expect(() => generateExercise("guess" as ExerciseKind, tiny, 1)).toThrow(
      /unknown exercise kind "guess"/
    );
  });

  it("throws on a seed that is not an integer", () => {
    expect(() => generateExercise("coupling", tiny, 1.5)).toThrow(/invalid seed 1.5/);
  });

  it("throws on a customer outside the case", () => {
    expect(() => generateExercise("coupling", tiny, 1, {customer: 6})).toThrow(
      /customer 6 is not a row of case tiny; expected 0 to 5/
    );
  });

  it("throws on an unknown indicator", () => {
    expect(() => generateExercise("minMax", tiny, 1, {indicator: "zz"})).toThrow(
      /indicator "zz" cannot be used here; expected one of a, b, c, d/
    );
  });
});

describe("exercises on the hand-checked case", () => {
  it("min–max normalises a cost indicator", () => {
    // d = 5 for customer 2; d runs from 1 to 5 and is a cost: (5 − 5) / (5 − 1) = 0.
    const exercise = generateExercise("minMax", tiny, 1, {indicator: "d", customer: 1});
    expect(exercise.answer).toMatchObject({type: "number", value: 0});
    expect(exercise.given.map((given) => given.value)).toEqual(["5", "1", "5"]);
  });

  it("min–max normalises a benefit indicator", () => {
    // c = 120 for customer 1; c runs from 60 to 200: (120 − 60) / 140 = 0.428571…
    const exercise = generateExercise("minMax", tiny, 1, {indicator: "c", customer: 0});
    expect(numberOf(exercise)).toBeCloseTo(60 / 140, 12);
  });

  it("asks for the entropy weight the numpy check gives", () => {
    ["a", "b", "c", "d"].forEach((indicator, j) => {
      const side = j < 2 ? "crv" : "hrv";
      const exercise = generateExercise("entropyWeight", tiny, 1, {side, indicator});
      expect(numberOf(exercise)).toBeCloseTo(tinyExpected.objective[j], 12);
    });
  });

  it("asks for the combined weight the numpy check gives", () => {
    ["a", "b", "c", "d"].forEach((indicator, j) => {
      const exercise = generateExercise("combinedWeight", tiny, 1, {indicator});
      expect(numberOf(exercise)).toBeCloseTo(tinyExpected.final[j], 12);
      expect(givenNumber(exercise, "w^{s}_j")).toBeCloseTo(tinyExpected.subjective[j], 4);
    });
  });

  it("asks for side scores the numpy check gives", () => {
    for (let customer = 0; customer < 6; customer++) {
      for (const side of ["crv", "hrv"] as const) {
        const exercise = generateExercise("sideScore", tiny, 1, {side, customer});
        expect(numberOf(exercise)).toBeCloseTo(tinyExpected[side][customer], 12);
      }
    }
  });

  it("asks for the D the numpy check gives", () => {
    for (let customer = 0; customer < 6; customer++) {
      const exercise = generateExercise("coupling", tiny, 1, {customer});
      expect(numberOf(exercise)).toBeCloseTo(tinyExpected.d[customer], 12);
    }
  });

  it("asks for the class the numpy check gives", () => {
    // Customer 2 is "growers" and customer 5 "transactional"; both are clear of the means.
    for (const customer of [1, 4]) {
      const exercise = generateExercise("classify", tiny, 1, {customer});
      expect(choiceOf(exercise)).toBe(tinyExpected.classes[customer]);
    }
  });

  it("works out C, T and D as couplingCoordination does", () => {
    const exercise = generateExercise("coupling", tiny, 1, {customer: 0});
    const {c, t, d} = couplingCoordination([tinyExpected.crv[0]], [tinyExpected.hrv[0]]);
    expect(exercise.solution.map((step) => step.value)).toEqual([c[0], t[0], d[0]]);
  });

  it("reclassifies when a dimension's weight doubles", () => {
    // CRV weights 0.601, 0.399 become 2·0.601/1.601 = 0.7508 and 0.399/1.601 = 0.2492.
    const exercise = generateExercise("weightDoubles", tiny, 1, {dimension: "functional"});
    const tex = exercise.solution[0].tex!;
    const w = tinyExpected.final[0];
    expect(tex).toContain(((2 * w) / (1 + w)).toFixed(4));
    expect(tex).toContain((tinyExpected.final[1] / (1 + w)).toFixed(4));
  });

  it("lists only the kinds the case supports", () => {
    expect(availableKinds(tiny, "ahp")).toEqual(["consistency"]);
    expect(unavailableReason("nodeConsistency", tiny)).toMatch(/3 or more elements/);
    expect(() => generateExercise("nodeConsistency", tiny, 1)).toThrow(
      /cannot be drawn from case tiny: no AHP node/
    );
  });

  it("offers every kind on the teaching case", () => {
    expect(availableKinds(teaching)).toEqual(allKinds);
  });
});

describe("worked solutions", () => {
  it.each(allKinds)("%s ends at the answer", (kind) => {
    for (const seed of seeds.slice(0, 6)) {
      const exercise = generateExercise(kind, teaching, seed);
      if (exercise.answer.type !== "number") continue;
      const values = exercise.solution.flatMap((step) =>
        step.value === undefined ? [] : [step.value]
      );
      expect(values.at(-1)).toBe(exercise.answer.value);
    }
  });

  it("follows the analysis's scores for a chosen customer", () => {
    const customer = 17;
    const exercise = generateExercise("sideScore", teaching, 3, {side: "hrv", customer});
    expect(numberOf(exercise)).toBe(teaching.analysis.scores.sides.hrv![customer]);
  });

  it("takes the gain from importance–performance analysis", () => {
    const exercise = generateExercise("ipaGain", teaching, 3, {classId: "atRisk"});
    expect(exercise.question).toContain("At-risk valuables");
    const last = exercise.solution.at(-1)!.text;
    expect(last).toMatch(/quadrant/);
  });
});

describe("checkAnswer", () => {
  const numeric = generateExercise("coupling", tiny, 1, {customer: 0});
  const value = tinyExpected.d[0];

  it("accepts the exact and the rounded answer", () => {
    expect(checkAnswer(numeric, String(value)).status).toBe("correct");
    expect(checkAnswer(numeric, value.toFixed(3)).status).toBe("correct");
    expect(checkAnswer(numeric, value.toFixed(2)).status).toBe("correct");
  });

  it("accepts an answer just inside the tolerance", () => {
    expect(checkAnswer(numeric, String(value + 0.0049)).status).toBe("correct");
    expect(checkAnswer(numeric, String(value - 0.0049)).status).toBe("correct");
  });

  it("rejects an answer outside the tolerance", () => {
    const high = checkAnswer(numeric, String(value + 0.006));
    expect(high.status).toBe("incorrect");
    expect(high.message).toMatch(/too high/);
    expect(checkAnswer(numeric, String(value - 0.006)).message).toMatch(/too low/);
  });

  it("accepts a decimal comma", () => {
    expect(checkAnswer(numeric, value.toFixed(3).replace(".", ",")).status).toBe("correct");
  });

  it("reports text that is not a number", () => {
    const result = checkAnswer(numeric, "about half");
    expect(result.status).toBe("invalid");
    expect(result.message).toMatch(/"about half" is not a number/);
  });

  it("matches a choice by id or label in any case", () => {
    const choice = generateExercise("classify", tiny, 1, {customer: 1});
    expect(checkAnswer(choice, "growers").status).toBe("correct");
    expect(checkAnswer(choice, "  potential GROWERS ").status).toBe("correct");
    expect(checkAnswer(choice, "Partners").status).toBe("incorrect");
  });

  it("lists the options for an unknown choice", () => {
    const choice = generateExercise("classify", tiny, 1, {customer: 1});
    const result = checkAnswer(choice, "loyal");
    expect(result.status).toBe("invalid");
    expect(result.message).toBe(
      "Choose one of: Partners, Potential growers, At-risk valuables, Transactional."
    );
  });
});

describe("parseAnswerNumber", () => {
  it.each([
    ["0.42", 0.42],
    [" 0,42 ", 0.42],
    [".5", 0.5],
    ["-1", -1],
    ["+3", 3],
    ["4.2e-1", 0.42],
    ["1/4", 0.25],
    ["2 / 8", 0.25]
  ])("reads %j", (text, value) => {
    expect(parseAnswerNumber(text)).toBeCloseTo(value, 12);
  });

  it.each(["", "abc", "1/0", "0.4.2", "1,000.5"])("rejects %j", (text) => {
    expect(() => parseAnswerNumber(text)).toThrow(/is not a number/);
  });
});

describe("exampleCustomer", () => {
  it("picks the customer nearest to the medians of both axes", () => {
    // Medians: CRV 0.6004 (of 0.5505 and 0.6503), HRV 0.4670 (of 0.4318 and 0.5021);
    // customer 6 (0.5505, 0.5021) is nearest, at a distance of 0.061.
    expect(exampleCustomer(tiny.analysis)).toBe(5);
  });
});
