import {minMaxColumns} from "../normalize.js";
import type {Rng} from "../random.js";
import {chooseId, customerName, customerOf, fixed, numberAnswer, plain, say} from "./common.js";
import type {Draft, ExerciseContext, ExerciseFocus, ExerciseLang} from "./types.js";

/** One customer's raw value of an indicator: what is its min–max normalised value? */
export function minMax(
  rng: Rng,
  {data, analysis}: ExerciseContext,
  focus: ExerciseFocus,
  lang: ExerciseLang
): Draft {
  const usable = data.system.indicators
    .map((item) => item.id)
    .filter((id) => !analysis.degenerate.includes(id));
  if (usable.length === 0) throw new Error(`every indicator of case ${data.id} is constant`);
  const id = chooseId(rng, usable, focus.indicator, "indicator");
  const j = data.system.indicators.findIndex((item) => item.id === id);
  const item = data.system.indicators[j];
  const i = customerOf(rng, {data, analysis}, focus);
  const column = data.values.map((row) => row[j]);
  const scaled = minMaxColumns([column], [item.direction]);
  const [min, max, x, value] = [scaled.min[0], scaled.max[0], column[i], scaled.columns[0][i]];
  const benefit = item.direction === "benefit";
  const numerator = benefit ? `${plain(x)} - ${plain(min)}` : `${plain(max)} - ${plain(x)}`;
  const name = item.label[lang];
  const who = customerName(data, i, lang);

  return {
    question: say(
      lang,
      `${name} is a ${item.direction} indicator (${benefit ? "more" : "less"} is better). ` +
        `For ${who} the raw value is x below. What is its min–max normalised value x′?`,
      `${name}是${benefit ? "效益型" : "成本型"}指标（越${benefit ? "大" : "小"}越好）。` +
        `${who}的原始值为下表中的 x。它的极差标准化值 x′ 是多少？`
    ),
    given: [
      {symbol: "x", label: say(lang, `${name} of ${who}`, `${who}的${name}`), value: plain(x)},
      {
        symbol: "\\min",
        label: say(lang, "lowest value in the case", "本案例中的最小值"),
        value: plain(min)
      },
      {
        symbol: "\\max",
        label: say(lang, "highest value in the case", "本案例中的最大值"),
        value: plain(max)
      }
    ],
    formula: benefit
      ? "x' = \\frac{x - \\min}{\\max - \\min}"
      : "x' = \\frac{\\max - x}{\\max - \\min}",
    answer: numberAnswer(value),
    solution: [
      {
        text: benefit
          ? say(
              lang,
              "A benefit indicator measures the distance from the worst (lowest) value.",
              "效益型指标计算与最差值（最小值）的距离。"
            )
          : say(
              lang,
              "A cost indicator is reversed: the distance from the worst (highest) value.",
              "成本型指标方向相反，计算与最差值（最大值）的距离。"
            ),
        tex: `x' = \\frac{${numerator}}{${plain(max)} - ${plain(min)}} = ${fixed(value)}`,
        value
      },
      {
        text: say(
          lang,
          `So 0 is the worst customer in the case, 1 the best, and ${who} sits at ${fixed(value)}.`,
          `因此本案例中最差的客户为 0，最好的为 1，${who}位于 ${fixed(value)}。`
        )
      }
    ]
  };
}
