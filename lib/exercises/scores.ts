import {sideLabels} from "../indexSystem.js";
import type {Rng} from "../random.js";
import type {Side} from "../types.js";
import {
  chooseId,
  customerName,
  customerOf,
  dimensionsWithIndicators,
  fixed,
  labelOf,
  numberAnswer,
  say,
  sideDimensions,
  sidesWith,
  weightedSum
} from "./common.js";
import type {Draft, ExerciseContext, ExerciseFocus, ExerciseLang} from "./types.js";

/** Weights within a dimension and one customer's normalised values: the dimension score? */
export function dimensionScore(
  rng: Rng,
  context: ExerciseContext,
  focus: ExerciseFocus,
  lang: ExerciseLang
): Draft {
  const {data, analysis} = context;
  const all = dimensionsWithIndicators(data);
  const several = all.filter(
    (id) => data.system.indicators.filter((item) => item.dimension === id).length >= 2
  );
  const candidates = focus.dimension === undefined && several.length > 0 ? several : all;
  const dimension = chooseId(rng, candidates, focus.dimension, "dimension");
  const i = customerOf(rng, context, focus);
  const members = data.system.indicators
    .map((item, j) => ({item, j}))
    .filter(({item}) => item.dimension === dimension);
  const total = analysis.scores.dimensionWeights[dimension];
  const rows = members.map(({item, j}) => ({
    name: item.label[lang],
    local: total > 0 ? analysis.weights.final[j] / total : 1 / members.length,
    x: analysis.columns[j][i]
  }));
  const value = analysis.scores.dimensions[dimension][i];
  const name = labelOf(data, dimension, lang);
  const who = customerName(data, i, lang);
  const m = members.length;

  return {
    question: say(
      lang,
      `${name} is scored from ${m} indicator${m > 1 ? "s" : ""}. Given each one's weight ` +
        `within the dimension and ${who}'s normalised values, what is this customer's ` +
        `${name.toLowerCase()} score?`,
      `${name}由 ${m} 个指标计算。已知各指标在该维度内的权重和${who}的标准化值，` +
        `该客户的${name}得分是多少？`
    ),
    given: rows.flatMap(({name: indicator, local, x}, k) => [
      {
        symbol: `v_{${k + 1}}`,
        label: say(lang, `weight of ${indicator} within ${name}`, `${indicator}在${name}内的权重`),
        value: fixed(local)
      },
      {
        symbol: `x'_{${k + 1}}`,
        label: say(lang, `normalised ${indicator}`, `标准化后的${indicator}`),
        value: fixed(x)
      }
    ]),
    formula: "s_d = \\sum_{j \\in d} v_j\\, x'_j,\\quad v_j = \\frac{w_j}{W_d}",
    answer: numberAnswer(value),
    solution: [
      {
        text: say(
          lang,
          "Multiply each normalised value by its weight within the dimension and add.",
          "将各标准化值乘以其在维度内的权重，再求和。"
        ),
        tex: `s_d = ${weightedSum(rows.map(({local, x}) => [local, x]))} = ${fixed(value)}`,
        value
      }
    ]
  };
}

/** Dimension weights and one customer's dimension scores: what is the side score? */
export function sideScore(
  rng: Rng,
  context: ExerciseContext,
  focus: ExerciseFocus,
  lang: ExerciseLang
): Draft {
  const {data, analysis} = context;
  const sides = sidesWith(data, (side) => sideDimensions(data, side).length);
  if (sides.length === 0) throw new Error(`case ${data.id} has no side with two dimensions`);
  const side = chooseId(rng, sides, focus.side, "side") as Side;
  const i = customerOf(rng, context, focus);
  const rows = sideDimensions(data, side).map((id) => ({
    name: labelOf(data, id, lang),
    weight: analysis.scores.dimensionWeights[id],
    score: analysis.scores.dimensions[id][i]
  }));
  const value = (analysis.scores.sides[side] as Float64Array)[i];
  const sideName = side.toUpperCase();
  const who = customerName(data, i, lang);

  return {
    question: say(
      lang,
      `${sideLabels[side].en} (${sideName}) is the weighted sum of its dimension scores. ` +
        `Given the dimension weights and ${who}'s dimension scores, what is this ` +
        `customer's ${sideName}?`,
      `${sideLabels[side].zh}（${sideName}）是其各维度得分的加权和。已知各维度的权重和` +
        `${who}的各维度得分，该客户的 ${sideName} 是多少？`
    ),
    given: rows.flatMap(({name, weight, score}, k) => [
      {
        symbol: `W_{${k + 1}}`,
        label: say(lang, `weight of ${name}`, `${name}的权重`),
        value: fixed(weight)
      },
      {
        symbol: `s_{${k + 1}}`,
        label: say(lang, `score on ${name}`, `${name}得分`),
        value: fixed(score)
      }
    ]),
    formula: "U = \\sum_d W_d\\, s_d = \\sum_j w_j\\, x'_j",
    answer: numberAnswer(value),
    solution: [
      {
        text: say(
          lang,
          "Each dimension weight W_d is the sum of its indicators' weights, so the weights " +
            "add up to 1.",
          "每个维度的权重 W_d 等于其所含指标的权重之和，因此各维度权重之和为 1。"
        ),
        tex: `U = ${weightedSum(rows.map(({weight, score}) => [weight, score]))} = ${fixed(value)}`,
        value
      }
    ]
  };
}
