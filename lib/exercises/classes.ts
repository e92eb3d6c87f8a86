import {classify} from "../classify.js";
import {axisScores} from "../pipeline.js";
import type {Rng} from "../random.js";
import {scoreHierarchy} from "../scores.js";
import {localWeights, overrideWeights} from "../weightsEdit.js";
import {
  axisName,
  axisNodes,
  axisThresholdRule,
  boundaryMargin,
  chooseId,
  className,
  classOptions,
  compare,
  customerName,
  customerOf,
  fixed,
  labelOf,
  recomputedMargin,
  say,
  weightedSum
} from "./common.js";
import type {Draft, ExerciseContext, ExerciseFocus, ExerciseLang} from "./types.js";

/** One customer's two axis scores and the thresholds: which class is the customer in? */
export function classifyExercise(
  rng: Rng,
  context: ExerciseContext,
  focus: ExerciseFocus,
  lang: ExerciseLang
): Draft {
  const {data, analysis} = context;
  const x = axisScores(analysis.scores, analysis.axes.x);
  const y = axisScores(analysis.scores, analysis.axes.y);
  const {thresholds, labels} = analysis.classes;
  const clear = (i: number) =>
    Math.abs(x[i] - thresholds.x) > boundaryMargin &&
    Math.abs(y[i] - thresholds.y) > boundaryMargin;
  const i = customerOf(rng, context, focus, clear);
  const xName = axisName(data, analysis.axes.x, lang);
  const yName = axisName(data, analysis.axes.y, lang);
  const who = customerName(data, i, lang);
  const level = (high: boolean) => (high ? say(lang, "high", "高") : say(lang, "low", "低"));
  const [highX, highY] = [level(x[i] >= thresholds.x), level(y[i] >= thresholds.y)];
  const name = className(labels[i], lang);

  return {
    question: say(
      lang,
      `The value matrix splits ${xName} (across) and ${yName} (up) at the thresholds below; ` +
        `a score at or above its threshold is high. Which class is ${who} in?`,
      `价值矩阵在下列阈值处划分${xName}（横轴）和${yName}（纵轴），得分不低于阈值即为高。` +
        `${who}属于哪一类？`
    ),
    given: [
      {symbol: "x", label: say(lang, `${xName} of ${who}`, `${who}的${xName}`), value: fixed(x[i])},
      {symbol: "y", label: say(lang, `${yName} of ${who}`, `${who}的${yName}`), value: fixed(y[i])},
      {
        symbol: "t_x",
        label: say(lang, `threshold of ${xName}`, `${xName}的阈值`),
        value: fixed(thresholds.x)
      },
      {
        symbol: "t_y",
        label: say(lang, `threshold of ${yName}`, `${yName}的阈值`),
        value: fixed(thresholds.y)
      }
    ],
    formula: say(
      lang,
      "\\text{high on an axis} \\iff \\text{score} \\ge \\text{threshold}",
      "\\text{某轴为高} \\iff \\text{得分} \\ge \\text{阈值}"
    ),
    answer: {type: "choice", value: labels[i], options: classOptions(lang)},
    solution: [
      {
        text: say(
          lang,
          `${xName} is ${highX} and ${yName} is ${highY}.`,
          `${xName}为${highX}，${yName}为${highY}。`
        ),
        tex: `${compare(x[i], thresholds.x)},\\quad ${compare(y[i], thresholds.y)}`
      },
      {
        text: say(lang, `So the customer is in "${name}".`, `因此该客户属于“${name}”。`)
      }
    ]
  };
}

/** The weight of one part of an axis doubles: which class is a customer in then? */
export function weightDoubles(
  rng: Rng,
  context: ExerciseContext,
  focus: ExerciseFocus,
  lang: ExerciseLang
): Draft {
  const {data, analysis} = context;
  const nodes = axisNodes(context);
  if (nodes.length === 0) {
    throw new Error(`neither axis of case ${data.id}'s value matrix has two weighted parts`);
  }
  const children = nodes.flatMap((entry) => entry.children);
  const wanted = focus.dimension ?? focus.indicator;
  const child = chooseId(rng, children, wanted, "dimension or indicator");
  const {axis, node} = nodes.find((entry) => entry.children.includes(child))!;
  const otherAxis = axis === "x" ? "y" : "x";

  const local = localWeights(data.system, analysis.weights.final)[node];
  const old = local[child];
  const doubled = Object.fromEntries(
    Object.entries(local).map(([id, w]) => [id, id === child ? (2 * w) / (1 + old) : w / (1 + old)])
  );
  const weights = overrideWeights(data.system, analysis.weights.final, {[node]: doubled});
  const scores = scoreHierarchy(analysis.columns, data.system, weights);
  const after = classify(axisScores(scores, analysis.axes.x), axisScores(scores, analysis.axes.y), {
    threshold: axisThresholdRule(context)
  });
  const moved = axisScores(scores, analysis.axes[axis]);
  const other = axisScores(scores, analysis.axes[otherAxis]);
  const split = after.thresholds;
  const clear = (i: number) =>
    Math.abs(moved[i] - split[axis]) > recomputedMargin &&
    Math.abs(other[i] - split[otherAxis]) > boundaryMargin;
  // Half the variants show a customer whose class changes, when there is one.
  const changes = (i: number) => after.labels[i] !== analysis.classes.labels[i];
  const wantChange = rng() < 0.5;
  const i = customerOf(rng, context, focus, (k) => clear(k) && (!wantChange || changes(k)));

  const partScore = (id: string) =>
    analysis.axes[axis].kind === "side"
      ? analysis.scores.dimensions[id][i]
      : analysis.columns[data.system.indicators.findIndex((item) => item.id === id)][i];
  const ids = Object.keys(local);
  const name = (id: string) => labelOf(data, id, lang);
  const axisLabel = axisName(data, analysis.axes[axis], lang);
  const otherLabel = axisName(data, analysis.axes[otherAxis], lang);
  const [xName, yName] = [
    axisName(data, analysis.axes.x, lang),
    axisName(data, analysis.axes.y, lang)
  ];
  const bySide = analysis.axes[axis].kind === "side";
  const partKind = bySide ? say(lang, "dimension", "维度") : say(lang, "indicator", "指标");
  const who = customerName(data, i, lang);
  const newScore = moved[i];
  const [newClass, oldClass] = [
    className(after.labels[i], lang),
    className(analysis.classes.labels[i], lang)
  ];

  return {
    question: say(
      lang,
      `Suppose the weight of ${name(child)} within ${axisLabel} doubles (the other ` +
        `${partKind}s' weights shrink so that all still sum to 1). Every customer is scored ` +
        `again and the thresholds are recomputed by the same rule. Which class is ${who} in then?`,
      `假设${name(child)}在${axisLabel}内的权重加倍（其他${partKind}的权重相应缩小，使权重之和` +
        `仍为 1）。对所有客户重新打分，并按同一规则重新计算阈值。此时${who}属于哪一类？`
    ),
    given: [
      ...ids.flatMap((id, k) => [
        {
          symbol: `v_{${k + 1}}`,
          label: say(lang, `current weight of ${name(id)}`, `${name(id)}当前的权重`),
          value: fixed(local[id])
        },
        {
          symbol: `s_{${k + 1}}`,
          label: say(lang, `${who}'s score on ${name(id)}`, `${who}在${name(id)}上的得分`),
          value: fixed(partScore(id))
        }
      ]),
      {
        symbol: otherAxis,
        label: say(lang, `${otherLabel} of ${who} (unchanged)`, `${who}的${otherLabel}（不变）`),
        value: fixed(other[i])
      },
      {
        symbol: "t_x",
        label: say(lang, `new threshold of ${xName}`, `${xName}的新阈值`),
        value: fixed(split.x)
      },
      {
        symbol: "t_y",
        label: say(lang, `new threshold of ${yName}`, `${yName}的新阈值`),
        value: fixed(split.y)
      }
    ],
    formula:
      "v'_k = \\frac{2 v_k}{1 + v_k},\\quad v'_i = \\frac{v_i}{1 + v_k}\\;(i \\ne k)," +
      "\\quad U' = \\sum_i v'_i\\, s_i",
    answer: {type: "choice", value: after.labels[i], options: classOptions(lang)},
    solution: [
      {
        text: say(lang, `New weights within ${axisLabel}.`, `${axisLabel}内的新权重。`),
        tex: ids.map((id, k) => `v'_{${k + 1}} = ${fixed(doubled[id])}`).join(",\\; ")
      },
      {
        text: say(lang, `New ${axisLabel} of ${who}.`, `${who}新的${axisLabel}。`),
        tex: `${weightedSum(ids.map((id) => [doubled[id], partScore(id)]))} = ${fixed(newScore)}`,
        value: newScore
      },
      {
        text: changes(i)
          ? say(
              lang,
              `Compared with the new thresholds, the customer is in "${newClass}"; before the ` +
                `change it was in "${oldClass}".`,
              `与新阈值比较，该客户属于“${newClass}”；权重改变前属于“${oldClass}”。`
            )
          : say(
              lang,
              `Compared with the new thresholds, the customer is in "${newClass}", as before ` +
                "the change.",
              `与新阈值比较，该客户属于“${newClass}”，与权重改变前相同。`
            ),
        tex:
          axis === "x"
            ? `${compare(newScore, split.x)},\\quad ${compare(other[i], split.y)}`
            : `${compare(other[i], split.x)},\\quad ${compare(newScore, split.y)}`
      }
    ]
  };
}
