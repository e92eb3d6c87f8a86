import {mean, median} from "simple-statistics";
import type {Label} from "./types.js";

/** The four classes of the value matrix. */
export type ValueClass = "partners" | "growers" | "atRisk" | "transactional";

/** Where an axis of the value matrix is split. `midpoint` is 0.5 on normalised scores. */
export type Threshold = "mean" | "median" | "midpoint" | number;

export interface ClassInfo {
  id: ValueClass;
  label: Label;
  /** Whether the class is high on the x axis (CRV) and on the y axis (HRV). */
  highX: boolean;
  highY: boolean;
  goal: Label;
  measures: Label[];
}

/** The classes in display order, with their development goals and typical measures. */
export const valueClasses: ClassInfo[] = [
  {
    id: "partners",
    label: {en: "Partners", zh: "伙伴型客户"},
    highX: true,
    highY: true,
    goal: {en: "Keep and deepen the relationship", zh: "保持并深化关系"},
    measures: [
      {en: "Loyalty tiers with recognition", zh: "分级会员与礼遇"},
      {en: "Co-creation: invite feedback and ideas", zh: "价值共创：邀请反馈与建议"},
      {en: "Priority service and dedicated contact", zh: "优先服务与专属联系人"}
    ]
  },
  {
    id: "growers",
    label: {en: "Potential growers", zh: "潜力型客户"},
    highX: true,
    highY: false,
    goal: {en: "Grow the hotel's side of the value", zh: "提升酒店获得的价值"},
    measures: [
      {en: "Upsell rooms and ancillary services", zh: "客房升级与附加服务销售"},
      {en: "Move bookings to the direct channel", zh: "引导直接预订"},
      {en: "Raise share of wallet with packages", zh: "以套餐提升钱包份额"}
    ]
  },
  {
    id: "atRisk",
    label: {en: "At-risk valuables", zh: "风险型高价值客户"},
    highX: false,
    highY: true,
    goal: {en: "Raise the guest's value before they leave", zh: "在客户流失前提升其感知价值"},
    measures: [
      {en: "Service recovery on complaints", zh: "投诉后的服务补救"},
      {en: "Personalised stays from guest history", zh: "基于入住历史的个性化服务"},
      {en: "Proactive contact by a relationship manager", zh: "客户经理主动联系"}
    ]
  },
  {
    id: "transactional",
    label: {en: "Transactional", zh: "交易型客户"},
    highX: false,
    highY: false,
    goal: {en: "Serve efficiently at low cost; migrate up or let go", zh: "低成本高效服务；引导升级或自然流失"},
    measures: [
      {en: "Standardised, low-cost service", zh: "标准化低成本服务"},
      {en: "Targeted offers to move up a class", zh: "定向优惠促进升级"},
      {en: "Limit discounts and commission spend", zh: "控制折扣与佣金支出"}
    ]
  }
];

/** Split for both axes, or one per axis. */
export type AxisThresholds = Threshold | {x: Threshold; y: Threshold};

export interface ClassifyOptions {
  /** Default "mean" on both axes. */
  threshold?: AxisThresholds;
}

export interface Classification {
  labels: ValueClass[];
  /** The classes as codes, the indexes of `valueClasses` (see `classifyCodes`). */
  codes?: Uint8Array;
  counts: Record<ValueClass, number>;
  /** The numeric split used on each axis. */
  thresholds: {x: number; y: number};
}

function resolveThreshold(values: ArrayLike<number>, threshold: Threshold, axis: string): number {
  if (typeof threshold === "number") {
    if (!Number.isFinite(threshold)) {
      throw new Error(`threshold for ${axis} is ${threshold}; expected a finite number`);
    }
    return threshold;
  }
  switch (threshold) {
    case "mean":
      // simple-statistics reads only length and indexes, so typed arrays need no copy.
      return mean(values as number[]);
    case "median":
      return median(Array.from(values));
    case "midpoint":
      return 0.5;
    default:
      throw new Error(
        `unknown threshold "${threshold}" for ${axis}; expected mean, median, midpoint or a number`
      );
  }
}

/** Class codes of a value-matrix classification, without the label strings. */
export interface ClassCodes {
  /** Per customer: 0 partners, 1 growers, 2 at-risk valuables, 3 transactional. */
  codes: Uint8Array;
  counts: Record<ValueClass, number>;
  /** The numeric split used on each axis. */
  thresholds: {x: number; y: number};
}

/**
 * Places each customer in the value matrix as `classify` does, but returns each class as a
 * code. The code is the index of the class in `valueClasses`: 0 partners (high x, high y),
 * 1 growers (high x), 2 at-risk valuables (high y), 3 transactional. Throws as classify does.
 *
 * @example classifyCodes([0.8, 0.2], [0.9, 0.1], {threshold: 0.5}).codes // Uint8Array [0, 3]
 */
export function classifyCodes(
  crv: ArrayLike<number>,
  hrv: ArrayLike<number>,
  {threshold = "mean"}: ClassifyOptions = {}
): ClassCodes {
  if (crv.length !== hrv.length) {
    throw new Error(
      `CRV has ${crv.length} scores but HRV has ${hrv.length}; expected equal lengths`
    );
  }
  if (crv.length === 0) throw new Error("classify requires at least one customer");
  const typed = crv instanceof Float64Array && hrv instanceof Float64Array;
  const i = typed ? firstNaNFloat64(crv, hrv) : firstNaNOther(crv, hrv);
  if (i >= 0) throw new Error(`score of customer ${i} is NaN (CRV ${crv[i]}, HRV ${hrv[i]})`);

  const split = typeof threshold === "object" ? threshold : {x: threshold, y: threshold};
  const x = resolveThreshold(crv, split.x, "x (CRV)");
  const y = resolveThreshold(hrv, split.y, "y (HRV)");
  const codes = new Uint8Array(crv.length);
  const tally = typed
    ? codeFloat64(crv as Float64Array, hrv as Float64Array, x, y, codes)
    : codeOther(crv, hrv, x, y, codes);
  const counts: Record<ValueClass, number> = {
    partners: tally[0],
    growers: tally[1],
    atRisk: tally[2],
    transactional: tally[3]
  };
  return {codes, counts, thresholds: {x, y}};
}

// The loops below read either Float64Arrays or other arrays, never both, so each stays
// compiled for one kind of array. A low x adds 2 and a low y adds 1.

/** Returns the first customer with a NaN score, or −1. */
function firstNaNFloat64(crv: Float64Array, hrv: Float64Array): number {
  for (let i = 0; i < crv.length; i++) if (crv[i] !== crv[i] || hrv[i] !== hrv[i]) return i;
  return -1;
}

function firstNaNOther(crv: ArrayLike<number>, hrv: ArrayLike<number>): number {
  for (let i = 0; i < crv.length; i++) if (Number.isNaN(crv[i]) || Number.isNaN(hrv[i])) return i;
  return -1;
}

function codeFloat64(
  crv: Float64Array,
  hrv: Float64Array,
  x: number,
  y: number,
  codes: Uint8Array
): Uint32Array {
  const tally = new Uint32Array(4);
  for (let i = 0; i < crv.length; i++) {
    // Without NaN, a score below the split is low, and the code needs no branch.
    const code = (+(crv[i] < x) << 1) | +(hrv[i] < y);
    codes[i] = code;
    tally[code]++;
  }
  return tally;
}

function codeOther(
  crv: ArrayLike<number>,
  hrv: ArrayLike<number>,
  x: number,
  y: number,
  codes: Uint8Array
): Uint32Array {
  const tally = new Uint32Array(4);
  for (let i = 0; i < crv.length; i++) {
    const code = (crv[i] >= x ? 0 : 2) + (hrv[i] >= y ? 0 : 1);
    codes[i] = code;
    tally[code]++;
  }
  return tally;
}

/**
 * Turns class codes (see `classifyCodes`) into class ids.
 *
 * @throws Error for a code outside 0 … 3
 * @example classLabels(Uint8Array.of(0, 3)) // ["partners", "transactional"]
 */
export function classLabels(codes: Uint8Array): ValueClass[] {
  const ids = valueClasses.map((info) => info.id);
  const labels: ValueClass[] = [];
  for (let i = 0; i < codes.length; i++) {
    const id = ids[codes[i]];
    if (id === undefined) {
      throw new Error(`class code ${codes[i]} at customer ${i}; expected 0, 1, 2 or 3`);
    }
    labels.push(id);
  }
  return labels;
}

/**
 * Places each customer in the value matrix: high or low customer-received value (x) crossed
 * with high or low hotel-received value (y). A score at or above the axis threshold is high.
 * Every customer gets exactly one class, so the counts add up to the sample; a class may be
 * empty. Throws on empty input, unequal lengths, NaN scores or an unknown threshold.
 *
 * @example classify([0.8, 0.2], [0.9, 0.1], {threshold: 0.5}).labels // ["partners", "transactional"]
 */
export function classify(
  crv: ArrayLike<number>,
  hrv: ArrayLike<number>,
  options: ClassifyOptions = {}
): Classification {
  const {codes, counts, thresholds} = classifyCodes(crv, hrv, options);
  return {labels: classLabels(codes), codes, counts, thresholds};
}

/**
 * Wraps class codes as a Classification whose `labels` are built from the codes when they
 * are first read, and then kept. A caller that reads only `codes` and `counts`, such as a
 * re-scoring loop, never allocates the label array. `labels` is an enumerable property, so
 * spreading, JSON and structured cloning see the labels as usual.
 *
 * @example lazyClassification(classifyCodes([0.8], [0.9])).labels // ["partners"]
 */
export function lazyClassification({codes, counts, thresholds}: ClassCodes): Classification {
  let labels: ValueClass[] | null = null;
  const result = {codes, counts, thresholds} as Classification;
  Object.defineProperty(result, "labels", {
    enumerable: true,
    get: () => (labels ??= classLabels(codes)),
    set: (value: ValueClass[]) => {
      labels = value;
    }
  });
  return result;
}
