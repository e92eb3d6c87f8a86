import * as Inputs from "npm:@observablehq/inputs";
import {html} from "npm:htl";

const names = {
  weighting: {combined: "combined", ahp: "AHP (experts)", objective: "objective (data)"},
  objective: {entropy: "entropy", critic: "CRITIC", pca: "PCA"},
  ahpMethod: {
    eigenvector: "principal eigenvector",
    geometric: "row geometric mean",
    "column-mean": "column-normalised mean"
  },
  aggregation: {aij: "aggregate judgments (AIJ)", aip: "aggregate priorities (AIP)"},
  combination: {linear: "linear α·AHP + (1 − α)·objective", multiplicative: "multiplicative"},
  model: {coupling: "coupling coordination D", additive: "additive T", geometric: "geometric"}
};

function choice(field, options, label, config, kind = "radio") {
  const input = (kind === "radio" ? Inputs.radio : Inputs.select)(options, {
    label,
    value: config[field],
    format: (value) => names[field]?.[value] ?? value
  });
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
  const rule = Inputs.select(["mean", "median", "midpoint", "value"], {
    label,
    value: typeof value === "number" ? "value" : value,
    format: (r) => ({mean: "mean", median: "median", midpoint: "midpoint 0.5", value: "value:"})[r]
  });
  const number = Inputs.range([0, 1], {step: 0.01, value: typeof value === "number" ? value : 0.5});
  number.classList.add("threshold-value");
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
 * never lose a value the reader set.
 * `axisNames` names the matrix axes, e.g. {x: "CRV", y: "HRV"}.
 */
export function methodControls(state, {axisNames = {x: "CRV", y: "HRV"}, ahp = true} = {}) {
  const config = state.config;
  const inputs = [
    choice("weighting", ["combined", "ahp", "objective"], "Weights", config),
    choice("objective", ["entropy", "critic", "pca"], "Objective method", config, "select"),
    ...(ahp
      ? [
          choice("ahpMethod", Object.keys(names.ahpMethod), "AHP priorities", config, "select"),
          choice("aggregation", ["aij", "aip"], "Experts", config)
        ]
      : []),
    choice("combination", ["linear", "multiplicative"], "Combination", config),
    range("alpha", "α (AHP share)", config),
    choice("model", ["coupling", "additive", "geometric"], "Relationship value", config),
    range("sideAlpha", `${axisNames.x} weight in value`, config)
  ];
  const thresholds = {
    x: thresholdControl("x", `Threshold ${axisNames.x}`, config),
    y: thresholdControl("y", `Threshold ${axisNames.y}`, config)
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
