import * as Inputs from "npm:@observablehq/inputs";
import {html} from "npm:htl";
import {bi, localizedSelect} from "./i18n.js";
import {localize} from "./localize.js";

/** Names of the method choices of a report configuration, by field and value, in both languages. */
export const choiceNames = {
  weighting: {
    combined: {en: "combined", zh: "组合赋权"},
    ahp: {en: "AHP (experts)", zh: "层次分析法（专家）"},
    objective: {en: "objective (data)", zh: "客观赋权（数据）"}
  },
  objective: {
    entropy: {en: "entropy", zh: "熵权法"},
    critic: {en: "CRITIC", zh: "CRITIC 法"},
    pca: {en: "PCA", zh: "主成分分析法"}
  },
  ahpMethod: {
    eigenvector: {en: "principal eigenvector", zh: "特征向量法"},
    geometric: {en: "row geometric mean", zh: "几何平均法（方根法）"},
    "column-mean": {en: "column-normalised mean", zh: "算术平均法（和积法）"}
  },
  aggregation: {
    aij: {en: "aggregate judgments (AIJ)", zh: "集结判断矩阵（AIJ）"},
    aip: {en: "aggregate priorities (AIP)", zh: "集结排序向量（AIP）"}
  },
  combination: {
    linear: {en: "linear α·AHP + (1 − α)·objective", zh: "线性 α·AHP + (1 − α)·客观"},
    multiplicative: {en: "multiplicative", zh: "乘法"}
  },
  model: {
    coupling: {en: "coupling coordination D", zh: "耦合协调度 D"},
    additive: {en: "additive T", zh: "综合发展指数 T（加权和）"},
    geometric: {en: "geometric", zh: "几何型 U₁^α·U₂^β"}
  }
};

/** Names of the threshold rules of an axis, in both languages. */
export const thresholdRules = {
  mean: {en: "mean", zh: "均值"},
  median: {en: "median", zh: "中位数"},
  midpoint: {en: "midpoint 0.5", zh: "中点 0.5"},
  value: {en: "value:", zh: "指定值："}
};

// An axis name is a string shown in both languages, or {en, zh}.
const both = (name) => (typeof name === "string" ? {en: name, zh: name} : name);

function choice(field, options, label, config, kind = "radio") {
  const text = (value, lang) => {
    const name = choiceNames[field]?.[value];
    return name ? name[lang] ?? name.en : value;
  };
  const input =
    kind === "radio"
      ? Inputs.radio(options, {
          label,
          value: config[field],
          format: (value) => bi(text(value, "en"), text(value, "zh"))
        })
      : localizedSelect(options, {label, value: config[field], format: text});
  input.dataset.field = field;
  return input;
}

function range(field, label, config) {
  const input = Inputs.range([0, 1], {label, step: 0.01, value: config[field]});
  input.dataset.field = field;
  return input;
}

function thresholdControl(axis, label, config) {
  const value = config.threshold[axis];
  const rule = localizedSelect(["mean", "median", "midpoint", "value"], {
    label,
    value: typeof value === "number" ? "value" : value,
    format: (r, lang) => thresholdRules[r][lang] ?? thresholdRules[r].en
  });
  const number = Inputs.range([0, 1], {step: 0.01, value: typeof value === "number" ? value : 0.5});
  number.classList.add("threshold-value");
  const numberInput = number.querySelector("input[type=number]");
  const rangeInput = number.querySelector("input[type=range]");
  const axisName = {
    en: `threshold of the ${axis} axis`,
    zh: `${axis === "x" ? "横轴" : "纵轴"}阈值`
  };
  if (numberInput) localize(numberInput, {"aria-label": axisName});
  if (rangeInput) localize(rangeInput, {"aria-label": axisName});
  const element = html`<div class="threshold-control" data-axis=${axis}>${rule}${number}</div>`;
  const read = () => (rule.value === "value" ? number.value : rule.value);
  const show = (threshold) => {
    rule.value = typeof threshold === "number" ? "value" : threshold;
    if (typeof threshold === "number") number.value = threshold;
    number.hidden = rule.value !== "value";
  };
  show(value);
  return {element, rule, number, read, show};
}

/**
 * Builds inputs for the method choices of the report, bound to a configState. They choose
 * which weights score the customers, the objective method, the AHP priorities and group
 * rule, and the combination with its α. They also set the relationship-value model, the CRV
 * weight in it and the class threshold of each axis of the value matrix. The inputs are made
 * once and follow the state when it changes elsewhere (a reset, a loaded file), so they
 * never lose a value the reader set. Their labels and options follow the report language.
 * `axisNames` names the matrix axes, each a string or {en, zh}, e.g. {x: "CRV", y: "HRV"}.
 */
export function methodControls(state, {axisNames = {x: "CRV", y: "HRV"}, ahp = true} = {}) {
  const config = state.config;
  const x = both(axisNames.x);
  const y = both(axisNames.y);
  const inputs = [
    choice("weighting", ["combined", "ahp", "objective"], bi("Weights", "权重"), config),
    choice(
      "objective",
      ["entropy", "critic", "pca"],
      bi("Objective method", "客观赋权法"),
      config,
      "select"
    ),
    ...(ahp
      ? [
          choice(
            "ahpMethod",
            Object.keys(choiceNames.ahpMethod),
            bi("AHP priorities", "AHP 排序方法"),
            config,
            "select"
          ),
          choice("aggregation", ["aij", "aip"], bi("Experts", "专家意见集结"), config)
        ]
      : []),
    choice("combination", ["linear", "multiplicative"], bi("Combination", "组合方式"), config),
    range("alpha", bi("α (AHP share)", "α（AHP 占比）"), config),
    choice(
      "model",
      ["coupling", "additive", "geometric"],
      bi("Relationship value", "关系价值模型"),
      config
    ),
    range("sideAlpha", bi(`${x.en} weight in value`, `${x.zh}在关系价值中的权重`), config)
  ];
  const thresholds = {
    x: thresholdControl("x", bi(`Threshold ${x.en}`, `${x.zh}阈值`), config),
    y: thresholdControl("y", bi(`Threshold ${y.en}`, `${y.zh}阈值`), config)
  };

  for (const input of inputs) {
    input.addEventListener("input", () => state.set({[input.dataset.field]: input.value}));
  }
  for (const control of Object.values(thresholds)) {
    const update = () => {
      control.show(control.read());
      state.set({threshold: {x: thresholds.x.read(), y: thresholds.y.read()}});
    };
    control.rule.addEventListener("input", update);
    control.number.addEventListener("input", update);
  }

  const unsubscribe = state.subscribe((next) => {
    for (const input of inputs) {
      if (input.value !== next[input.dataset.field]) input.value = next[input.dataset.field];
    }
    for (const axis of ["x", "y"]) {
      const threshold = next.threshold[axis];
      if (thresholds[axis].read() !== threshold) thresholds[axis].show(threshold);
    }
  });
  const element = html`<div class="method-controls">
    ${inputs}${thresholds.x.element}${thresholds.y.element}
  </div>`;
  element.dispose = unsubscribe;
  return element;
}
