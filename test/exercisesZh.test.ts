import {describe, expect, it} from "vitest";
import type {CaseData} from "../lib/caseData.js";
import {
  availableKinds,
  checkAnswer,
  exerciseKinds,
  generateExercise,
  type Exercise,
  type ExerciseContext,
  type ExerciseKind,
  type ExerciseLang
} from "../lib/exercises.js";
import {customerName} from "../lib/exercises/common.js";
import {analyzeCase} from "../lib/pipeline.js";
import {buildTeachingCase, syntheticCase} from "../lib/synthetic.js";

// The Chinese exercises must be the English ones in other words: the same numbers drawn from
// the same seed, the same answer and the same worked solution, with every text in Chinese.

const teachingCase = buildTeachingCase(syntheticCase({n: 200, seed: 5}));
const teaching: ExerciseContext = {data: teachingCase, analysis: analyzeCase(teachingCase)};

/** The teaching case cut down to the hotel's side, as a case built from stay records is. */
function hotelOnly(data: CaseData): CaseData {
  const dimensions = data.system.dimensions.filter((d) => d.side === "hrv");
  const kept = new Set(dimensions.map((d) => d.id));
  const columns = data.system.indicators.flatMap((item, j) =>
    kept.has(item.dimension) ? [j] : []
  );
  const nodes = new Set(["hrv", ...kept]);
  return {
    ...data,
    id: "hotelOnly",
    kind: "records",
    system: {
      ...data.system,
      dimensions,
      indicators: columns.map((j) => data.system.indicators[j])
    },
    values: data.values.map((row) => columns.map((j) => row[j])),
    experts: {
      ...data.experts,
      judgments: data.experts.judgments.filter((entry) => nodes.has(entry.node))
    }
  };
}

const recordsCase = hotelOnly(teachingCase);
const records: ExerciseContext = {data: recordsCase, analysis: analyzeCase(recordsCase)};

const allKinds = Object.keys(exerciseKinds) as ExerciseKind[];
const seeds = Array.from({length: 10}, (_, k) => 3 + 131 * k);
const contexts = [
  {name: "teaching", context: teaching},
  {name: "hotel-only", context: records}
];

/** Every text of an exercise that a reader sees, other than TeX. */
function texts(exercise: Exercise): string[] {
  return [
    exercise.question,
    ...exercise.given.map((given) => given.label),
    ...(exercise.matrix?.labels ?? []),
    ...(exercise.answer.type === "choice" ? exercise.answer.options.map((o) => o.label) : []),
    ...exercise.solution.map((step) => step.text)
  ];
}

/** The numbers written in a text, sorted: "0.4120", "3", "1/3" as "1" and "3". */
function numbers(text: string): string[] {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).sort();
}

// Latin words a Chinese exercise may show: abbreviations of the method, names of methods
// and people, and the indicator and customer names of the case in their own language.
const allowedLatin = new Set(["CRV", "HRV", "AHP", "AIJ", "CRITIC", "Saaty", "CR", "CI", "RI"]);

function latinWords(text: string, ids: readonly string[]): string[] {
  let rest = text;
  for (const id of ids) rest = rest.split(id).join(" ");
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !allowedLatin.has(word));
}

function both(kind: ExerciseKind, context: ExerciseContext, seed: number) {
  const en = generateExercise(kind, context, seed, {}, "en");
  const zh = generateExercise(kind, context, seed, {}, "zh");
  return {en, zh};
}

describe.each(contexts)("Chinese exercises on the $name case", ({context}) => {
  const kinds = availableKinds(context);

  it.each(kinds)("%s draws the same numbers in both languages", (kind) => {
    for (const seed of seeds) {
      const {en, zh} = both(kind, context, seed);
      expect(zh.id).toBe(en.id);
      expect(zh.lang).toBe("zh");
      expect(en.lang).toBe("en");
      expect(zh.answer.value).toBe(en.answer.value);
      expect(zh.given.map((g) => [g.symbol, g.value])).toEqual(
        en.given.map((g) => [g.symbol, g.value])
      );
      expect(zh.matrix?.rows).toEqual(en.matrix?.rows);
      expect(zh.solution.map((s) => [s.tex, s.value])).toEqual(
        en.solution.map((s) => [s.tex, s.value])
      );
    }
  });

  it.each(kinds)("%s writes the same numbers in its Chinese texts", (kind) => {
    for (const seed of seeds) {
      const {en, zh} = both(kind, context, seed);
      const [enTexts, zhTexts] = [texts(en), texts(zh)];
      expect(zhTexts.length).toBe(enTexts.length);
      zhTexts.forEach((text, k) => {
        expect(numbers(text), `${zh.id} text ${k}: ${text}`).toEqual(numbers(enTexts[k]));
      });
    }
  });

  it.each(kinds)("%s reads in Chinese", (kind) => {
    const {system} = context.data;
    const names = [...system.indicators, ...system.dimensions].map((part) => part.label.zh);
    const ids = [...names, ...context.data.ids];
    for (const seed of seeds) {
      const {zh} = both(kind, context, seed);
      expect(zh.question).toMatch(/[\u4e00-\u9fff]/);
      for (const text of texts(zh)) {
        expect(latinWords(text, ids), `${zh.id}: ${text}`).toEqual([]);
      }
    }
  });
});

describe("Chinese answers", () => {
  it("keeps the option ids and translates their labels", () => {
    const {en, zh} = both("classify", teaching, 7);
    expect(en.answer.type).toBe("choice");
    expect(zh.answer.type).toBe("choice");
    if (en.answer.type !== "choice" || zh.answer.type !== "choice") return;
    expect(zh.answer.options.map((o) => o.id)).toEqual(en.answer.options.map((o) => o.id));
    expect(zh.answer.options.map((o) => o.label)).toEqual([
      "伙伴型客户",
      "潜力型客户",
      "风险型高价值客户",
      "交易型客户"
    ]);
  });

  it("accepts a choice by its Chinese label", () => {
    const zh = generateExercise("classify", teaching, 7, {}, "zh");
    const answer = zh.answer.type === "choice" ? zh.answer : null;
    const right = answer!.options.find((o) => o.id === answer!.value)!;
    const wrong = answer!.options.find((o) => o.id !== answer!.value)!;
    expect(checkAnswer(zh, right.label)).toEqual({
      status: "correct",
      message: `正确：${right.label}。`
    });
    const incorrect = checkAnswer(zh, wrong.label);
    expect(incorrect.status).toBe("incorrect");
    expect(incorrect.message).toBe(`不是“${wrong.label}”。请查看解题过程，或再试一次。`);
  });

  it("lists the Chinese options for an unknown choice", () => {
    const zh = generateExercise("consistency", teaching, 7, {}, "zh");
    expect(checkAnswer(zh, "maybe")).toEqual({
      status: "invalid",
      message: "请从以下选项中选择：是、否。"
    });
  });

  it("gives numeric feedback with the same numbers", () => {
    const zh = generateExercise("coupling", teaching, 7, {}, "zh");
    const en = generateExercise("coupling", teaching, 7, {}, "en");
    const value = zh.answer.value as number;
    const shown = value.toFixed(4);
    expect(checkAnswer(zh, shown)).toEqual({
      status: "correct",
      message: `正确：${shown}（与准确值相差不超过 ±0.005 即算正确）。`
    });
    const high = (value + 0.1).toFixed(3);
    expect(checkAnswer(zh, high)).toEqual({
      status: "incorrect",
      message: `${high} 偏高（与准确值相差不超过 ±0.005 即算正确）。请再试一次。`
    });
    const low = (value - 0.1).toFixed(3);
    expect(checkAnswer(zh, low).message).toContain("偏低");
    for (const input of [shown, high, low]) {
      expect(numbers(checkAnswer(zh, input).message)).toEqual(
        numbers(checkAnswer(en, input).message)
      );
    }
  });

  it("explains in Chinese what to type", () => {
    const zh = generateExercise("coupling", teaching, 7, {}, "zh");
    expect(checkAnswer(zh, "一半")).toEqual({
      status: "invalid",
      message: "“一半”不是数字；请输入小数（如 0.42）或分数（如 1/3）。"
    });
  });

  it("writes feedback in a language other than the exercise's", () => {
    const en = generateExercise("coupling", teaching, 7);
    expect(checkAnswer(en, "abc", "zh").message).toMatch(/不是数字/);
  });
});

describe("exercise languages", () => {
  it("names every kind in Chinese", () => {
    for (const kind of allKinds) {
      expect(exerciseKinds[kind].label.en).toBe(exerciseKinds[kind].title);
      expect(exerciseKinds[kind].label.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("throws on an unknown language", () => {
    expect(() => generateExercise("coupling", teaching, 1, {}, "fr" as ExerciseLang)).toThrow(
      /unknown language "fr"; expected one of en, zh/
    );
  });

  it("draws the hypothetical guests on a hotel-only case", () => {
    expect(records.analysis.scores.sides.crv).toBeFalsy();
    const zh = generateExercise("twoViews", records, 5, {}, "zh");
    expect(zh.question).toContain("两位假设的顾客（本案例未测量顾客感知价值）");
    expect(zh.answer.type === "choice" && zh.answer.options.map((o) => o.label)).toEqual([
      expect.stringMatching(/^顾客[甲乙]$/),
      expect.stringMatching(/^顾客[甲乙]$/)
    ]);
  });
});

describe("customer names", () => {
  const data = {ids: ["line 252", "T0539 (row 580)", "C7"]} as CaseData;

  it("reads a line id as its line in Chinese", () => {
    expect(customerName(data, 0, "zh")).toBe("客户（第 252 行）");
    expect(customerName(data, 1, "zh")).toBe("客户 T0539（第 580 行）");
    expect(customerName(data, 2, "zh")).toBe("客户 C7");
  });

  it("keeps the id as written in English", () => {
    expect(customerName(data, 0, "en")).toBe("customer line 252");
  });
});
