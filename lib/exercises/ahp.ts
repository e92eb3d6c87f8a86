import {
  ahp,
  aggregateJudgments,
  inconsistentJudgments,
  nearestSaatyValue,
  SAATY_SCALE
} from "../ahp.js";
import {randomInt, type Rng} from "../random.js";
import {
  chooseId,
  crMargin,
  fixed,
  judgedNodes,
  labelOf,
  list,
  maxDraws,
  numberAnswer,
  pick,
  plain,
  say
} from "./common.js";
import type {
  Draft,
  ExerciseContext,
  ExerciseFocus,
  ExerciseLang,
  GivenValue,
  SolutionStep
} from "./types.js";

const criteria = {
  en: ["Room quality", "Location", "Service", "Price"],
  zh: ["客房质量", "地理位置", "服务", "价格"]
};

const crFormula = "CI = \\frac{\\lambda_{\\max} - n}{n - 1},\\quad CR = \\frac{CI}{RI}";

/** Draws a 4 × 4 reciprocal matrix on Saaty's scale, consistent or with judgments changed. */
function drawMatrix(rng: Rng): number[][] {
  const n = criteria.en.length;
  const w = Array.from({length: n}, () => 1 + 8 * rng());
  const matrix = Array.from({length: n}, () => new Array<number>(n).fill(1));
  const upper: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      matrix[i][j] = nearestSaatyValue(w[i] / w[j]);
      upper.push([i, j]);
    }
  }
  const changes = randomInt(rng, 3);
  for (let k = 0; k < changes; k++) {
    const [i, j] = pick(rng, upper);
    matrix[i][j] = pick(rng, SAATY_SCALE);
  }
  for (const [i, j] of upper) matrix[j][i] = 1 / matrix[i][j];
  return matrix;
}

function judgmentText(x: number): string {
  if (x >= 1) return plain(x);
  const k = Math.round(1 / x);
  return Math.abs(1 / k - x) < 1e-9 ? `1/${k}` : plain(x);
}

function givenEigen(result: ReturnType<typeof ahp>, n: number, lang: ExerciseLang): GivenValue[] {
  return [
    {
      symbol: "\\lambda_{\\max}",
      label: say(lang, "principal eigenvalue", "最大特征根"),
      value: fixed(result.lambdaMax)
    },
    {symbol: "n", label: say(lang, "order of the matrix", "矩阵阶数"), value: String(n)},
    {
      symbol: "RI",
      label: say(
        lang,
        `Saaty's random index for n = ${n}`,
        `n = ${n} 时 Saaty 的平均随机一致性指标`
      ),
      value: plain(result.ri)
    }
  ];
}

function consistencySteps(
  result: ReturnType<typeof ahp>,
  n: number,
  lang: ExerciseLang
): SolutionStep[] {
  return [
    {
      text: say(
        lang,
        "Consistency index from the principal eigenvalue.",
        "由最大特征根计算一致性指标。"
      ),
      tex: `CI = \\frac{${fixed(result.lambdaMax)} - ${n}}{${n} - 1} = ${fixed(result.ci)}`,
      value: result.ci
    },
    {
      text: say(
        lang,
        `Consistency ratio, with Saaty's random index for n = ${n}.`,
        `一致性比率，取 n = ${n} 时 Saaty 的平均随机一致性指标。`
      ),
      tex: `CR = \\frac{${fixed(result.ci)}}{${plain(result.ri)}} = ${fixed(result.cr, 3)}`,
      value: result.cr
    }
  ];
}

/** One expert's 4 × 4 matrix and its λmax: is it consistent enough (CR ≤ 0.10)? */
export function consistency(
  rng: Rng,
  _context: ExerciseContext,
  _focus: ExerciseFocus,
  lang: ExerciseLang
): Draft {
  let matrix = drawMatrix(rng);
  let result = ahp(matrix);
  for (let draw = 1; draw < maxDraws && Math.abs(result.cr - 0.1) < crMargin; draw++) {
    matrix = drawMatrix(rng);
    result = ahp(matrix);
  }
  const n = matrix.length;
  const names = criteria[lang];
  const worst = inconsistentJudgments(matrix)[0];
  const cr = fixed(result.cr, 3);
  const [a, b] = [names[worst.i], names[worst.j]];
  const [value, suggested] = [judgmentText(worst.value), judgmentText(worst.suggested)];
  const verdict: SolutionStep = {
    text: result.consistent
      ? say(
          lang,
          `CR = ${cr} ≤ 0.10, so the judgments are consistent enough to use.`,
          `CR = ${cr} ≤ 0.10，判断的一致性可以接受，矩阵可以使用。`
        )
      : say(
          lang,
          `CR = ${cr} > 0.10, so the expert should revise. The judgment furthest from the ` +
            `priorities is ${a} vs ${b} (${value}); the priorities imply about ${suggested}.`,
          `CR = ${cr} > 0.10，专家应修正判断。与排序向量偏离最大的是${a}对${b}的判断` +
            `（${value}），排序向量所隐含的值约为 ${suggested}。`
        )
  };

  return {
    question: say(
      lang,
      "An expert compared four attributes of a hotel stay in pairs on Saaty's 1–9 scale. " +
        "The principal eigenvalue of the matrix is given. Is the matrix consistent enough to " +
        "use (CR ≤ 0.10)?",
      "一位专家按 Saaty 1–9 标度对酒店住宿的四项属性进行了两两比较，下面给出判断矩阵的" +
        "最大特征根。该矩阵的一致性是否可以接受（CR ≤ 0.10）？"
    ),
    given: givenEigen(result, n, lang),
    matrix: {labels: names, rows: matrix.map((row) => row.map(judgmentText))},
    formula: crFormula,
    answer: {
      type: "choice",
      value: result.consistent ? "yes" : "no",
      options: [
        {id: "yes", label: say(lang, "yes", "是")},
        {id: "no", label: say(lang, "no", "否")}
      ]
    },
    solution: [...consistencySteps(result, n, lang), verdict]
  };
}

/** The experts' pooled matrix at one node of the case: what is its consistency ratio? */
export function nodeConsistency(
  rng: Rng,
  {data}: ExerciseContext,
  focus: ExerciseFocus,
  lang: ExerciseLang
): Draft {
  const nodes = judgedNodes(data);
  if (nodes.length === 0) {
    throw new Error(`case ${data.id} has no AHP node with 3 or more judged elements`);
  }
  const node = chooseId(
    rng,
    nodes.map((entry) => entry.node),
    focus.node,
    "node"
  );
  const {order, matrices} = nodes.find((entry) => entry.node === node)!;
  const pooled = aggregateJudgments(matrices);
  const result = ahp(pooled);
  const n = order.length;
  const m = matrices.length;
  const experts =
    m === 1
      ? say(lang, "one expert's matrix", "一位专家的判断矩阵")
      : say(
          lang,
          `the element-wise geometric mean of ${m} experts' matrices (AIJ)`,
          `${m} 位专家判断矩阵的逐元素几何平均（AIJ）`
        );
  const nodeName = labelOf(data, node, lang);

  return {
    question: say(
      lang,
      `At the node "${nodeName}" the case's experts compared ${n} elements. The matrix ` +
        `below is ${experts}. What is its consistency ratio CR?`,
      `在节点“${nodeName}”，本案例的专家比较了 ${n} 个元素。下面的矩阵是${experts}。` +
        "它的一致性比率 CR 是多少？"
    ),
    given: givenEigen(result, n, lang),
    matrix: {
      labels: order.map((id) => labelOf(data, id, lang)),
      rows: pooled.map((row) => row.map((x) => fixed(x, 3)))
    },
    formula: crFormula,
    answer: numberAnswer(result.cr, 3),
    solution: [
      ...consistencySteps(result, n, lang),
      {
        text: result.consistent
          ? say(
              lang,
              "CR ≤ 0.10: the pooled judgments are consistent enough, and their principal " +
                `eigenvector gives the local weights ${list(result.weights, lang)}.`,
              "CR ≤ 0.10：集结后判断的一致性可以接受，其主特征向量给出局部权重 " +
                `${list(result.weights, lang)}。`
            )
          : say(
              lang,
              "CR > 0.10: the pooled judgments should be revised before their weights are used.",
              "CR > 0.10：集结后的判断应先修正，再使用其权重。"
            )
      }
    ]
  };
}
