import {couplingCoordination} from "../coupling.js";
import {randomInt, type Rng} from "../random.js";
import {couplingFormula, couplingTex, customerName, fixed, maxDraws, plain, say} from "./common.js";
import type {Draft, ExerciseContext, ExerciseFocus, ExerciseLang} from "./types.js";

interface Guest {
  name: string;
  u1: number;
  u2: number;
}

/** Draws a pair that HRV and D rank in opposite orders, both gaps clear of rounding. */
function opposedPair({data, analysis}: ExerciseContext, rng: Rng, lang: ExerciseLang) {
  const crv = analysis.scores.sides.crv;
  const hrv = analysis.scores.sides.hrv;
  if (!crv || !hrv) return null;
  const d =
    analysis.coupling?.d ?? couplingCoordination(crv, hrv, {alpha: analysis.config.sideAlpha}).d;
  for (let draw = 0; draw < maxDraws; draw++) {
    const a = randomInt(rng, data.ids.length);
    const b = randomInt(rng, data.ids.length);
    if (hrv[a] - hrv[b] > 0.02 && d[b] - d[a] > 0.02) {
      return [
        {name: customerName(data, a, lang), u1: crv[a], u2: hrv[a]},
        {name: customerName(data, b, lang), u1: crv[b], u2: hrv[b]}
      ];
    }
  }
  return null;
}

/** Two guests whose relationship values D rank them unlike their HRV: which D is higher? */
export function twoViews(
  rng: Rng,
  context: ExerciseContext,
  _focus: ExerciseFocus,
  lang: ExerciseLang
): Draft {
  const alpha = context.analysis.config.sideAlpha;
  let guests: Guest[] | null = opposedPair(context, rng, lang);
  const real = guests !== null;
  if (guests === null) {
    const round2 = (x: number) => Math.round(x * 100) / 100;
    guests = [
      {
        name: say(lang, "guest A", "顾客甲"),
        u1: round2(0.08 + 0.2 * rng()),
        u2: round2(0.75 + 0.2 * rng())
      },
      {
        name: say(lang, "guest B", "顾客乙"),
        u1: round2(0.45 + 0.2 * rng()),
        u2: round2(0.5 + 0.15 * rng())
      }
    ];
  }

  if (rng() < 0.5) guests.reverse();
  const [first, second] = guests;
  const one = couplingTex(first.u1, first.u2, alpha, lang);
  const two = couplingTex(second.u1, second.u2, alpha, lang);
  const higherHrv = first.u2 > second.u2 ? "first" : "second";
  const higherD = one.d > two.d ? "first" : "second";
  const names = {first: first.name, second: second.name};
  const [high, low] = [fixed(Math.max(one.d, two.d)), fixed(Math.min(one.d, two.d))];
  const intro = real
    ? say(lang, "Two customers of this case", "本案例中的两位客户")
    : say(
        lang,
        "Two hypothetical guests (this case does not measure customer-received value)",
        "两位假设的顾客（本案例未测量顾客感知价值）"
      );
  const verdict =
    higherD === higherHrv
      ? say(lang, "Here both views agree.", "这里两种视角的结论一致。")
      : say(
          lang,
          "The hotel-only view picks the other guest, whose value is lopsided: a " +
            "relationship that gives one side little is at risk.",
          "只看酒店一方的视角会选中另一位，而其价值偏向一方：一方所得甚少的关系难以持久。"
        );

  return {
    question: say(
      lang,
      `${intro}: ${first.name} and ${second.name}. A hotel that looks only at what it ` +
        `receives ranks ${names[higherHrv]} first, because its HRV is higher. Which of the ` +
        `two has the higher relationship value D (α = ${plain(alpha)} on CRV)?`,
      `${intro}：${first.name}和${second.name}。只看自身所得的酒店会把${names[higherHrv]}` +
        `排在前面，因为其 HRV 更高。两者中谁的关系价值 D 更高（CRV 的权重 α = ${plain(alpha)}）？`
    ),
    given: [
      ...guests.flatMap((guest) => [
        {
          symbol: "U_1",
          label: say(lang, `CRV of ${guest.name}`, `${guest.name}的 CRV`),
          value: fixed(guest.u1)
        },
        {
          symbol: "U_2",
          label: say(lang, `HRV of ${guest.name}`, `${guest.name}的 HRV`),
          value: fixed(guest.u2)
        }
      ]),
      {
        symbol: "\\alpha",
        label: say(lang, "weight of CRV in T", "CRV 在 T 中的权重"),
        value: plain(alpha)
      }
    ],
    formula: couplingFormula,
    answer: {
      type: "choice",
      value: higherD,
      options: [
        {id: "first", label: first.name},
        {id: "second", label: second.name}
      ]
    },
    solution: [
      {text: say(lang, `For ${first.name}:`, `${first.name}：`)},
      ...one.steps,
      {text: say(lang, `For ${second.name}:`, `${second.name}：`)},
      ...two.steps,
      {
        text: say(
          lang,
          `${names[higherD]} has the higher D: ${high} against ${low}. ${verdict}`,
          `${names[higherD]}的 D 更高：${high}，另一位为 ${low}。${verdict}`
        ),
        value: Math.max(one.d, two.d)
      }
    ]
  };
}
