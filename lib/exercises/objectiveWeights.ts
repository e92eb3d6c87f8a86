import {combineWeights} from "../combine.js";
import {entropyWeights} from "../entropy.js";
import type {Rng} from "../random.js";
import type {Side} from "../types.js";
import {
  chooseId,
  fixed,
  numberAnswer,
  plain,
  say,
  sideIndicators,
  sidesOf,
  sidesWith,
  sum,
  weightedSum
} from "./common.js";
import type {Draft, ExerciseContext, ExerciseFocus, ExerciseLang, GivenValue} from "./types.js";

// Names of the objective weighting methods in running text.
const methodNames: Record<string, {en: string; zh: string}> = {
  entropy: {en: "entropy", zh: "熵权法"},
  critic: {en: "critic", zh: "CRITIC"},
  pca: {en: "pca", zh: "主成分分析"}
};

/** The entropies of one side's indicators: what is one indicator's entropy weight? */
export function entropyWeight(
  rng: Rng,
  {data}: ExerciseContext,
  focus: ExerciseFocus,
  lang: ExerciseLang
): Draft {
  const sides = sidesWith(data, (side) => sideIndicators(data, side).length);
  if (sides.length === 0) throw new Error(`case ${data.id} has no side with two indicators`);
  const side = chooseId(rng, sides, focus.side, "side") as Side;
  const indexes = sideIndicators(data, side);
  const rows = data.values.map((row) => indexes.map((j) => row[j]));
  const result = entropyWeights(
    rows,
    indexes.map((j) => data.system.indicators[j].direction)
  );
  const ids = indexes.map((j) => data.system.indicators[j].id);
  const k = ids.indexOf(chooseId(rng, ids, focus.indicator, "indicator"));
  const total = sum(result.divergence);
  const name = (index: number) => data.system.indicators[indexes[index]].label[lang];
  const sideName = side.toUpperCase();

  return {
    question: say(
      lang,
      `The entropy method weighs the ${ids.length} indicators of ${sideName} by how ` +
        `unevenly the customers spread over them. Their entropies e_j are given. What is the ` +
        `entropy weight of ${name(k)}?`,
      `熵权法按客户在各指标上分布的不均匀程度，为 ${sideName} 的 ${ids.length} 个指标赋权。` +
        `下面给出各指标的熵值 e_j。${name(k)}的熵权是多少？`
    ),
    given: result.entropy.map((e, index) => ({
      symbol: `e_{${index + 1}}`,
      label: name(index),
      value: fixed(e)
    })),
    formula: "w_k = \\frac{1 - e_k}{\\sum_j (1 - e_j)}",
    answer: numberAnswer(result.weights[k]),
    solution: [
      {
        text: say(
          lang,
          "Divergence d_j = 1 − e_j: the more uneven an indicator, the more it tells " +
            "customers apart.",
          "差异系数 d_j = 1 − e_j：指标分布越不均匀，越能区分客户。"
        ),
        tex: result.divergence.map((d, index) => `d_{${index + 1}} = ${fixed(d)}`).join(",\\; "),
        value: result.divergence[k]
      },
      {
        text: say(lang, "Sum of the divergences.", "差异系数之和。"),
        tex: `\\sum_j d_j = ${fixed(total)}`,
        value: total
      },
      {
        text: say(lang, `Weight of ${name(k)}.`, `${name(k)}的权重。`),
        tex:
          `w_{${k + 1}} = \\frac{${fixed(result.divergence[k])}}{${fixed(total)}} = ` +
          fixed(result.weights[k]),
        value: result.weights[k]
      }
    ]
  };
}

/** An indicator's AHP and objective weights: what is its combined weight? */
export function combinedWeight(
  rng: Rng,
  {data, analysis}: ExerciseContext,
  focus: ExerciseFocus,
  lang: ExerciseLang
): Draft {
  const ids = data.system.indicators.map((item) => item.id);
  const j = ids.indexOf(chooseId(rng, ids, focus.indicator, "indicator"));
  const item = data.system.indicators[j];
  const side = sidesOf(data).get(item.dimension) as Side;
  const indexes = sideIndicators(data, side);
  const k = indexes.indexOf(j);
  const subjective = indexes.map((index) => analysis.weights.subjective[index]);
  const objective = indexes.map((index) => analysis.weights.objective[index]);
  const {combination, alpha, objective: method} = analysis.config;
  const multiplicative = combination === "multiplicative";
  const combined = combineWeights(
    subjective,
    objective,
    multiplicative ? {mode: "multiplicative"} : {alpha}
  );
  const [ws, wo, w] = [subjective[k], objective[k], combined[k]];
  const products = sum(subjective.map((s, index) => s * objective[index]));
  const name = item.label[lang];
  const methodName = methodNames[method]?.[lang] ?? method;
  const sideName = side.toUpperCase();
  const given: GivenValue[] = [
    {
      symbol: "w^{s}_j",
      label: say(lang, `AHP weight of ${name}`, `${name}的 AHP 权重`),
      value: fixed(ws)
    },
    {
      symbol: "w^{o}_j",
      label: say(lang, `${methodName} weight of ${name}`, `${name}的${methodName}权重`),
      value: fixed(wo)
    }
  ];
  if (multiplicative) {
    given.push({
      symbol: "\\sum_k w^{s}_k w^{o}_k",
      label: say(lang, `sum of the products over ${sideName}`, `${sideName} 内各乘积之和`),
      value: fixed(products)
    });
  } else {
    given.push({
      symbol: "\\alpha",
      label: say(lang, "share of the AHP weight", "AHP 权重所占比例"),
      value: plain(alpha)
    });
  }

  return {
    question: say(
      lang,
      `The weights used for scoring combine the experts' AHP weights with the ${methodName} ` +
        `weights of the data, ${multiplicative ? "by the multiplicative rule" : "linearly"}. ` +
        `What is the combined weight of ${name} within ${sideName}?`,
      `用于打分的权重由专家的 AHP 权重与基于数据的${methodName}权重` +
        `${multiplicative ? "按乘法规则" : "线性"}组合而成。${name}在 ${sideName} 内的组合权重是多少？`
    ),
    given,
    formula: multiplicative
      ? "w_j = \\frac{w^{s}_j\\, w^{o}_j}{\\sum_k w^{s}_k\\, w^{o}_k}"
      : "w_j = \\alpha\\, w^{s}_j + (1 - \\alpha)\\, w^{o}_j",
    answer: numberAnswer(w),
    solution: [
      {
        text: multiplicative
          ? say(
              lang,
              "The product of the two weights, rescaled so that the side's weights sum to 1.",
              "两个权重相乘，再重新缩放，使该价值方的权重之和为 1。"
            )
          : say(
              lang,
              "A weighted average of the two weights; the side's weights still sum to 1.",
              "两个权重的加权平均，该价值方的权重之和仍为 1。"
            ),
        tex: multiplicative
          ? `w_j = \\frac{${fixed(ws)} \\times ${fixed(wo)}}{${fixed(products)}} = ${fixed(w)}`
          : `w_j = ${weightedSum(
              [
                [alpha, ws],
                [1 - alpha, wo]
              ],
              plain
            )} = ${fixed(w)}`,
        value: w
      }
    ]
  };
}
