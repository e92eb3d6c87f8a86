import type {Rng} from "../random.js";
import {
  couplingFormula,
  couplingTex,
  customerName,
  customerOf,
  fixed,
  numberAnswer,
  plain,
  say
} from "./common.js";
import type {Draft, ExerciseContext, ExerciseFocus, ExerciseLang} from "./types.js";

/** One customer's CRV and HRV: what is the coupling coordination degree D? */
export function coupling(
  rng: Rng,
  context: ExerciseContext,
  focus: ExerciseFocus,
  lang: ExerciseLang
): Draft {
  const {data, analysis} = context;
  const alpha = analysis.config.sideAlpha;
  const crv = analysis.scores.sides.crv;
  const hrv = analysis.scores.sides.hrv;
  let u1: number;
  let u2: number;
  let who: string;
  if (crv && hrv) {
    const i = customerOf(rng, context, focus);
    [u1, u2, who] = [crv[i], hrv[i], customerName(data, i, lang)];
  } else {
    [u1, u2] = [0.1 + Math.round(80 * rng()) / 100, 0.1 + Math.round(80 * rng()) / 100];
    who = say(
      lang,
      "a hypothetical guest (this case does not measure customer-received value)",
      "一位假设的顾客（本案例未测量顾客感知价值）"
    );
  }
  const worked = couplingTex(u1, u2, alpha, lang);
  const [a, b] = [plain(alpha), plain(1 - alpha)];

  return {
    question: say(
      lang,
      `${who[0].toUpperCase()}${who.slice(1)} has the side scores below. What is the ` +
        `coupling coordination degree D, with α = ${a} and β = ${b}?`,
      `${who}的两方得分如下。取 α = ${a}、β = ${b}，耦合协调度 D 是多少？`
    ),
    given: [
      {
        symbol: "U_1",
        label: say(lang, "customer-received value (CRV)", "顾客感知价值（CRV）"),
        value: fixed(u1)
      },
      {
        symbol: "U_2",
        label: say(lang, "hotel-received value (HRV)", "酒店获得价值（HRV）"),
        value: fixed(u2)
      },
      {symbol: "\\alpha", label: say(lang, "weight of CRV in T", "CRV 在 T 中的权重"), value: a}
    ],
    formula: couplingFormula,
    answer: numberAnswer(worked.d),
    solution: worked.steps
  };
}
