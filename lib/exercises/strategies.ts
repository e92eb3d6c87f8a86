import {valueClasses, type ValueClass} from "../classify.js";
import type {Rng} from "../random.js";
import {importancePerformance, type IpaQuadrant} from "../strategy.js";
import {axisName, chooseId, className, fixed, labelOf, numberAnswer, say} from "./common.js";
import type {Draft, ExerciseContext, ExerciseFocus, ExerciseLang} from "./types.js";

// The quadrant names follow the importance–performance chart of the report.
const quadrantText: Record<IpaQuadrant, {en: string; zh: string}> = {
  concentrate: {
    en: "concentrate here (important, performing poorly)",
    zh: "重点改进（重要，但绩效差）"
  },
  keep: {
    en: "keep up the good work (important, performing well)",
    zh: "继续保持（重要，且绩效好）"
  },
  lowPriority: {
    en: "low priority (less important, performing poorly)",
    zh: "次要改进（不太重要，绩效差）"
  },
  overkill: {
    en: "possible overkill (less important, performing well)",
    zh: "可能过度（不太重要，但绩效好）"
  }
};

function position(value: number, split: number, lang: ExerciseLang): string {
  return value >= split ? say(lang, "at or above", "不低于") : say(lang, "below", "低于");
}

/** A class's importance and performance of one indicator: what is the indicator's gain? */
export function ipaGain(
  rng: Rng,
  {data, analysis}: ExerciseContext,
  focus: ExerciseFocus,
  lang: ExerciseLang
): Draft {
  const candidates = valueClasses
    .map((info) => info.id)
    .filter((id) => analysis.classes.counts[id] > 0);
  const classId = chooseId(rng, candidates, focus.classId, "class") as ValueClass;
  const ipa = importancePerformance(data, analysis, classId);
  if (ipa.rows.length === 0) throw new Error(`class ${classId} has no indicator on either axis`);
  const ids = ipa.rows.map((row) => row.indicator);
  const wanted =
    focus.indicator ?? (focus.classId !== undefined ? ipa.priorities[0]?.indicator : undefined);
  const row = ipa.rows[ids.indexOf(chooseId(rng, ids, wanted, "indicator"))];
  const split = ipa.splits[row.axis];
  const name = labelOf(data, row.indicator, lang);
  const axisLabel = axisName(data, analysis.axes[row.axis], lang);
  const rank = ipa.priorities.findIndex((entry) => entry.indicator === row.indicator);
  const count = ipa.count.toLocaleString("en-US");
  const group = className(classId, lang);
  const importance = position(row.importance, split.importance, lang);
  const performance = position(row.performance, split.performance, lang);
  const quadrant = quadrantText[row.quadrant][lang];
  const priorities = ipa.priorities.length;
  const ranking =
    rank >= 0
      ? say(
          lang,
          ` It is priority ${rank + 1} of ${priorities} for this class.`,
          `它是该类客户 ${priorities} 个优先改进指标中的第 ${rank + 1} 个。`
        )
      : say(lang, " It is not among the class's priorities.", "它不在该类客户的优先改进指标之列。");

  return {
    question: say(
      lang,
      `For the ${count} customers in "${group}", ${name} has the importance (its weight ` +
        `within ${axisLabel}) and performance (the class mean of its normalised score) ` +
        `below. What is its gain, the rise of the class's mean ${axisLabel} if every member ` +
        "reached the top of this indicator?",
      `对“${group}”中的 ${count} 位客户，${name}的重要性（它在${axisLabel}内的权重）和绩效` +
        `（该类客户在此指标上标准化得分的均值）如下。它的改进收益是多少，即若该类每位客户` +
        `在此指标上都达到最高水平，该类客户的${axisLabel}均值将提高多少？`
    ),
    given: [
      {
        symbol: "I_j",
        label: say(lang, `importance of ${name}`, `${name}的重要性`),
        value: fixed(row.importance)
      },
      {
        symbol: "P_j",
        label: say(lang, `performance of ${name}`, `${name}的绩效`),
        value: fixed(row.performance)
      },
      {
        symbol: "\\bar I",
        label: say(lang, `mean importance on ${axisLabel}`, `${axisLabel}上的平均重要性`),
        value: fixed(split.importance)
      },
      {
        symbol: "\\bar P",
        label: say(lang, `mean performance on ${axisLabel}`, `${axisLabel}上的平均绩效`),
        value: fixed(split.performance)
      }
    ],
    formula: "g_j = I_j\\,(1 - P_j)",
    answer: numberAnswer(row.gain),
    solution: [
      {
        text: say(
          lang,
          "Gain: importance times the room left to the top of the range.",
          "改进收益：重要性乘以距最高水平尚余的空间。"
        ),
        tex:
          `g_j = ${fixed(row.importance)} \\times (1 - ${fixed(row.performance)}) = ` +
          fixed(row.gain),
        value: row.gain
      },
      {
        text: say(
          lang,
          `Importance is ${importance} the mean and performance ${performance} it, so the ` +
            `indicator is in the quadrant "${quadrant}".${ranking}`,
          `重要性${importance}均值，绩效${performance}均值，因此该指标位于“${quadrant}”象限。` +
            ranking
        )
      }
    ]
  };
}
