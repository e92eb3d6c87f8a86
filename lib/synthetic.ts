import {randomPoisson} from "d3-random";
import {ahp, nearestSaatyValue, SAATY_SCALE} from "./ahp.js";
import type {ExpertJudgments} from "./caseData.js";
import {buildSurveyCase, type SurveyCaseData} from "./cases.js";
import {defaultStraightLiningMinItems, type ResponseTable} from "./clean.js";
import {hierarchyNodes} from "./hierarchy.js";
import {defaultIndexSystem, type IndexSystem} from "./indexSystem.js";
import {randomInt, randomNormal, seededRandom, type Rng} from "./random.js";
import type {Label, Side} from "./types.js";

/**
 * Parameters of the synthetic teaching case. Every field has a default in
 * `defaultSyntheticOptions`; the generative model is described in docs/teaching-case.md.
 */
export interface SyntheticOptions {
  /** Respondents before duplicates are added (each is one customer). */
  n: number;
  /** Seed of the random stream, an integer from 0 to 2³² − 1. */
  seed: number;
  /** Correlation of the latent customer-received and hotel-received values, in (−1, 1). */
  rho: number;
  /** Loading λ_d of each dimension factor on its side's latent value, in [0, 1]. */
  dimensionLoadings: Record<string, number>;
  /** Loading ℓ of a survey item on its dimension factor, in [0, 1]. */
  itemLoading: number;
  /** Item loadings that differ from `itemLoading`, by item name. */
  itemLoadings: Record<string, number>;
  /** Loading of the log of each record field on its dimension factor, in [0, 1]. */
  recordLoading: number;
  /** Four increasing cut points τ₁…τ₄ that map a standard-normal response onto 1…5. */
  thresholds: number[];
  /** Items worded in the opposite direction; their answers are 6 − x. */
  reverse: string[];
  /** Share of careless respondents, in [0, 1]. */
  careless: number;
  /** Share of the careless respondents who straight-line; the rest answer at random. */
  straightLining: number;
  /** Respondents who submit the questionnaire twice (an exact copy with the same id). */
  duplicates: number;
  /** Respondents with missing answers: half stop part-way, half skip one item. */
  incomplete: number;
  /** Respondents with one answer outside 1…5 (a data-entry error: 0, 6 or 7). */
  outOfRange: number;
  /** Number of AHP experts. */
  experts: number;
  /** 0-based index of the expert made inconsistent, or −1 for none. */
  inconsistentExpert: number;
  /** Probability that an expert moves a base judgment one step on Saaty's scale. */
  perturbation: number;
  /** Base priorities of the elements at each node of the hierarchy, by node and element. */
  baseWeights: Record<string, Record<string, number>>;
}

/** The defaults of the teaching case, as documented in docs/teaching-case.md. */
export const defaultSyntheticOptions: SyntheticOptions = {
  n: 600,
  seed: 2026,
  rho: 0.35,
  dimensionLoadings: {
    functional: 0.8,
    service: 0.85,
    emotional: 0.85,
    social: 0.65,
    sacrifice: 0.6,
    current: 0.75,
    potential: 0.85,
    cost: 0.6
  },
  itemLoading: 0.8,
  itemLoadings: {O2: 0.45},
  recordLoading: 0.7,
  thresholds: [-2, -1.2, -0.2, 0.9],
  reverse: ["E4", "P2"],
  careless: 0.04,
  straightLining: 0.5,
  duplicates: 5,
  incomplete: 8,
  outOfRange: 3,
  experts: 5,
  inconsistentExpert: 4,
  perturbation: 0.3,
  baseWeights: {
    goal: {crv: 0.6, hrv: 0.4},
    crv: {functional: 0.3, service: 0.25, emotional: 0.2, social: 0.1, sacrifice: 0.15},
    hrv: {current: 0.45, potential: 0.35, cost: 0.2},
    functional: {room_quality: 0.35, location: 0.2, facilities: 0.15, cleanliness: 0.3},
    service: {responsiveness: 0.4, reliability: 0.35, personalisation: 0.25},
    emotional: {comfort: 0.3, trust: 0.45, valued: 0.25},
    social: {status: 0.4, belonging: 0.6},
    sacrifice: {price: 0.5, effort: 0.2, risk: 0.3},
    current: {revenue: 0.4, room_nights: 0.2, ancillary: 0.15, wallet_share: 0.25},
    potential: {repurchase: 0.3, referral: 0.25, feedback: 0.1, tenure: 0.15, recency: 0.2},
    cost: {cost_to_serve: 0.3, discounts: 0.3, cancellations: 0.25, no_shows: 0.15}
  }
};

// ---------------------------------------------------------------------------------------
// The model: questionnaire, record fields and what the generator returns.

/** Dimensions whose factor falls as the side's latent value rises. */
const negativeDimensions = new Set(["sacrifice", "cost"]);

/** Wording of the teaching questionnaire. Reverse-worded items are E4 and P2. */
export const teachingItemLabels: Record<string, Label> = {
  F1: {en: "My room was comfortable and well kept.", zh: "客房舒适、维护良好。"},
  F2: {en: "The room had everything I needed.", zh: "客房设施齐全，满足我的需要。"},
  F3: {en: "The hotel is well placed for my plans.", zh: "酒店位置便于我的行程安排。"},
  F4: {en: "It was easy to get to the hotel.", zh: "前往酒店很方便。"},
  F5: {
    en: "The facilities (restaurant, gym, meeting rooms) met my needs.",
    zh: "餐厅、健身房、会议室等设施满足我的需要。"
  },
  F6: {en: "The facilities were in good working order.", zh: "各项设施运行良好。"},
  F7: {en: "My room was clean.", zh: "客房干净整洁。"},
  F8: {en: "The public areas were clean.", zh: "公共区域干净整洁。"},
  S1: {en: "Staff responded quickly to my requests.", zh: "员工迅速回应我的要求。"},
  S2: {en: "Staff were willing to help.", zh: "员工乐于提供帮助。"},
  S3: {en: "The hotel delivered what it promised.", zh: "酒店兑现了承诺的服务。"},
  S4: {en: "Services were right the first time.", zh: "服务一次就做到位。"},
  S5: {en: "Staff knew my preferences.", zh: "员工了解我的偏好。"},
  S6: {en: "The hotel tailored its service to me.", zh: "酒店为我提供了个性化的服务。"},
  E1: {en: "I felt relaxed during my stay.", zh: "入住期间我感到放松。"},
  E2: {en: "I enjoyed my stay.", zh: "我很享受这次入住。"},
  E3: {en: "I trust this hotel.", zh: "我信任这家酒店。"},
  E4: {en: "I doubt that this hotel keeps its promises.", zh: "我怀疑这家酒店能否兑现承诺。"},
  E5: {en: "The hotel made me feel valued.", zh: "酒店让我感到受重视。"},
  E6: {en: "The hotel cares about me as a guest.", zh: "酒店关心我这位客人。"},
  O1: {en: "Staying here fits my image.", zh: "入住这家酒店符合我的身份形象。"},
  O2: {en: "People I know think well of this hotel.", zh: "我身边的人对这家酒店评价很高。"},
  O3: {en: "The member programme makes me feel I belong.", zh: "会员计划让我有归属感。"},
  O4: {en: "Member benefits here are worth having.", zh: "这里的会员权益很有价值。"},
  P1: {en: "The price was higher than I expected.", zh: "价格高于我的预期。"},
  P2: {en: "The price was fair for what I received.", zh: "就所得而言，价格是公道的。"},
  P3: {en: "Booking and checking in took a lot of time.", zh: "预订和办理入住花费了很多时间。"},
  P4: {en: "Getting what I needed took effort.", zh: "获得所需服务要费不少力气。"},
  P5: {en: "I was unsure the stay would meet my expectations.", zh: "我不确定这次入住能否达到预期。"},
  P6: {en: "I worried about hidden charges or problems.", zh: "我担心有隐性收费或其他问题。"},
  W1: {en: "Most of my stays in this city are at this hotel.", zh: "我在本市的住宿大多选择这家酒店。"},
  W2: {en: "I spend more here than at other hotels.", zh: "我在这家酒店的消费多于其他酒店。"},
  R1: {en: "I will stay at this hotel again.", zh: "我会再次入住这家酒店。"},
  R2: {en: "This hotel is my first choice next time.", zh: "下次出行这家酒店是我的首选。"},
  R3: {en: "I would recommend this hotel to others.", zh: "我会向他人推荐这家酒店。"},
  R4: {en: "I say positive things about this hotel.", zh: "我会对这家酒店给予正面评价。"},
  R5: {en: "I give the hotel feedback and suggestions.", zh: "我会向酒店提供反馈和建议。"},
  R6: {en: "I would help the hotel improve its services.", zh: "我愿意帮助酒店改进服务。"}
};

/** The attention-check item: attentive respondents select 4. */
export const teachingAttentionCheck = {
  item: "AC1",
  pass: [4],
  label: {
    en: "To show that you are reading, please select 4 (agree).",
    zh: "为确认您在认真作答，请选择 4（同意）。"
  }
};

/** Column after which the attention check is asked (mid-questionnaire). */
const attentionCheckAfter = "S6";

/**
 * Distribution of one record field. A log-normal field is exp(ln(median) + σ·z) with
 * z = sign·a·f_d + √(1 − a²)·e, where f_d is the dimension factor and a the record loading;
 * a count is Poisson with mean exp(ln(median) + σ·z).
 */
export interface RecordField {
  field: string;
  dimension: string;
  sign: 1 | -1;
  kind: "lognormal" | "count";
  median: number;
  sigma: number;
  /** Decimals kept; 0 gives an integer of at least 1 for log-normal fields. */
  digits: number;
}

function recordField(
  field: string,
  dimension: string,
  sign: 1 | -1,
  kind: RecordField["kind"],
  median: number,
  sigma: number,
  digits: number
): RecordField {
  return {field, dimension, sign, kind, median, sigma, digits};
}

/**
 * The record fields of the teaching case. Revenue is not drawn on its own: it is room
 * nights times a nightly rate drawn log-normal around `teachingNightlyRate`.
 */
export const teachingRecordFields: RecordField[] = [
  recordField("room_nights", "current", 1, "lognormal", 5, 0.8, 0),
  recordField("ancillary", "current", 1, "lognormal", 150, 0.9, 2),
  recordField("tenure", "potential", 1, "lognormal", 720, 0.7, 0),
  recordField("recency", "potential", -1, "lognormal", 150, 0.9, 0),
  recordField("cost_to_serve", "cost", 1, "lognormal", 60, 0.6, 2),
  recordField("discounts", "cost", 1, "lognormal", 80, 0.9, 2),
  recordField("cancellations", "cost", 1, "count", 0.4, 0.8, 0),
  recordField("no_shows", "cost", 1, "count", 0.1, 0.8, 0)
];

/** Median and log standard deviation of the nightly rate (EUR) that prices room nights. */
export const teachingNightlyRate = {median: 120, sigma: 0.25};

/** Latent values and defects of one respondent, which the analysis should recover. */
export interface RespondentTruth {
  id: string;
  crv: number;
  hrv: number;
  /** Dimension factors f_d by dimension id. */
  factors: Record<string, number>;
  careless: "straight-lining" | "random" | null;
  defect: "incomplete" | "out-of-range" | null;
  /** Whether the respondent's row appears twice in the survey. */
  duplicated: boolean;
}

/**
 * A profile question of the survey, stored as codes 1…k in the survey column `column`, as a
 * questionnaire export stores them.
 */
export interface SyntheticProfileColumn {
  column: string;
  label: Label;
  range: {min: number; max: number};
  codes: Record<number, string>;
}

/** The synthetic teaching case before cleaning. */
export interface SyntheticCase {
  options: SyntheticOptions;
  /** Copy of the default index system with the reverse-worded items declared. */
  system: IndexSystem;
  /**
   * Raw survey answers: items in questionnaire order with the attention check after S6, then
   * the coded profile columns.
   */
  survey: ResponseTable;
  /** Survey items (the indicators' items) in questionnaire order, without the check. */
  items: {column: string; label: Label}[];
  profile: SyntheticProfileColumn[];
  /** Stay records, one row per customer, in `truth` order; ids match the survey ids. */
  records: {ids: string[]; columns: string[]; values: number[][]};
  /** Latent values and defects of each respondent, one per customer. */
  truth: RespondentTruth[];
  experts: {names: string[]; judgments: ExpertJudgments[]; inconsistent: number; note: string};
}

// ---------------------------------------------------------------------------------------
// Option checks.

function fail(message: string): never {
  throw new Error(`synthetic case: ${message}`);
}

function checkUnit(name: string, value: number, low: number, high: number): void {
  if (!(Number.isFinite(value) && value >= low && value <= high)) {
    fail(`${name} is ${value}; expected a number from ${low} to ${high}`);
  }
}

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    fail(`${name} is ${value}; expected an integer ≥ 0`);
  }
}

function surveyItems(system: IndexSystem): string[] {
  return system.indicators.filter((item) => item.scale !== undefined).flatMap((x) => x.items);
}

function checkModelOptions(options: SyntheticOptions, items: string[]): void {
  const {n, rho, thresholds} = options;
  if (!Number.isInteger(n) || n < 1) fail(`n is ${n}; expected a positive integer`);
  if (!(Number.isFinite(rho) && rho > -1 && rho < 1)) {
    fail(`rho is ${rho}; expected a correlation strictly between −1 and 1`);
  }

  for (const dimension of defaultIndexSystem.dimensions) {
    const loading = options.dimensionLoadings[dimension.id];
    checkUnit(`dimension loading of "${dimension.id}"`, loading, 0, 1);
  }
  checkUnit("itemLoading", options.itemLoading, 0, 1);
  for (const [item, loading] of Object.entries(options.itemLoadings)) {
    if (!items.includes(item)) fail(`itemLoadings names "${item}", which is not a survey item`);
    checkUnit(`loading of item ${item}`, loading, 0, 1);
  }
  checkUnit("recordLoading", options.recordLoading, 0, 1);

  const increasing = thresholds.every(
    (t, k) => Number.isFinite(t) && (k === 0 || t > thresholds[k - 1])
  );
  if (thresholds.length !== 4 || !increasing) {
    fail(`thresholds are [${thresholds.join(", ")}]; expected 4 increasing finite numbers`);
  }
  for (const item of options.reverse) {
    if (!items.includes(item)) fail(`reverse names "${item}", which is not a survey item`);
  }
}

function checkDefectOptions(options: SyntheticOptions): void {
  const {n, careless} = options;
  checkUnit("careless", careless, 0, 1);
  checkUnit("straightLining", options.straightLining, 0, 1);
  checkCount("duplicates", options.duplicates);
  checkCount("incomplete", options.incomplete);
  checkCount("outOfRange", options.outOfRange);

  const defects = Math.round(careless * n) + options.incomplete + options.outOfRange;
  if (defects + options.duplicates > n) {
    fail(
      `${defects} careless, incomplete or out-of-range respondents and ${options.duplicates} ` +
        `duplicates need more than n = ${n} respondents`
    );
  }
}

function checkExpertOptions(options: SyntheticOptions): void {
  if (!Number.isInteger(options.experts) || options.experts < 1) {
    fail(`experts is ${options.experts}; expected a positive integer`);
  }
  const k = options.inconsistentExpert;
  if (!Number.isInteger(k) || k < -1 || k >= options.experts) {
    fail(`inconsistentExpert is ${k}; expected −1 or an integer from 0 to ${options.experts - 1}`);
  }
  checkUnit("perturbation", options.perturbation, 0, 1);
}

// ---------------------------------------------------------------------------------------
// Respondents: latent values, answers, records, profile and defects.

/**
 * Copies the default index system and declares `reverse` items on their indicators, so that
 * the case reverse-codes them (x' = 6 − x) before averaging.
 */
function teachingSystem(reverse: string[]): IndexSystem {
  const system: IndexSystem = structuredClone(defaultIndexSystem);
  system.id = "teaching";
  for (const indicator of system.indicators) {
    const reversed = indicator.items.filter((item) => reverse.includes(item));
    if (reversed.length > 0) indicator.reverse = reversed;
  }
  return system;
}

/** Draws `k` distinct elements of `pool` without replacement (partial Fisher–Yates). */
function sample<T>(rng: Rng, pool: readonly T[], k: number): T[] {
  const copy = pool.slice();
  for (let i = 0; i < k; i++) {
    const j = i + randomInt(rng, copy.length - i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, k);
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Draws an index 0…k − 1 with the given probabilities (the last takes any remainder). */
function pick(rng: Rng, probabilities: number[]): number {
  let u = rng();
  for (let k = 0; k < probabilities.length - 1; k++) {
    u -= probabilities[k];
    if (u < 0) return k;
  }
  return probabilities.length - 1;
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Answer 1…5 of a standard-normal response y: 1 + the number of thresholds below y. */
function likertAnswer(y: number, thresholds: number[]): number {
  return 1 + thresholds.filter((t) => t < y).length;
}

/** Mixes a factor with fresh noise so the result is standard normal and loads `a` on it. */
function loaded(rng: Rng, a: number, factor: number): number {
  return a * factor + Math.sqrt(1 - a * a) * randomNormal(rng);
}

interface Respondent {
  truth: RespondentTruth;
  answers: (number | null)[];
  record: number[];
  profile: number[];
}

const profileSpecs: {column: string; label: Label; categories: string[]}[] = [
  {
    column: "purpose",
    label: {en: "Stay purpose", zh: "入住目的"},
    categories: ["business", "leisure", "other"]
  },
  {
    column: "channel",
    label: {en: "Booking channel", zh: "预订渠道"},
    categories: ["direct", "corporate", "online travel agency", "travel agent"]
  },
  {
    column: "gender",
    label: {en: "Gender", zh: "性别"},
    categories: ["female", "male", "not stated"]
  },
  {
    column: "age",
    label: {en: "Age band", zh: "年龄段"},
    categories: ["18–24", "25–34", "35–44", "45–54", "55–64", "65+"]
  }
];

/**
 * Draws the profile of one respondent. Business stays grow with the current-value factor and
 * intermediated bookings with the relationship-cost factor; gender and age are independent.
 */
function drawProfile(rng: Rng, factors: Record<string, number>): number[] {
  const business = rng() < logistic(-0.5 + 0.8 * factors.current);
  const intermediated = rng() < logistic(-0.3 + 0.9 * factors.cost);
  return [
    business ? 1 : 2 + pick(rng, [0.85, 0.15]),
    intermediated ? 3 + pick(rng, [0.75, 0.25]) : 1 + pick(rng, [0.7, 0.3]),
    1 + pick(rng, [0.49, 0.48, 0.03]),
    1 + pick(rng, [0.1, 0.27, 0.26, 0.19, 0.12, 0.06])
  ];
}

function drawRecord(rng: Rng, factors: Record<string, number>, a: number): number[] {
  const poisson = randomPoisson.source(rng);
  const values = new Map<string, number>();
  for (const spec of teachingRecordFields) {
    const z = loaded(rng, a, spec.sign * factors[spec.dimension]);
    const level = Math.exp(Math.log(spec.median) + spec.sigma * z);
    if (spec.kind === "count") values.set(spec.field, poisson(level)());
    else if (spec.digits === 0) values.set(spec.field, Math.max(1, Math.round(level)));
    else values.set(spec.field, roundTo(level, spec.digits));
  }
  // A last stay cannot lie before the first one.
  values.set("recency", Math.min(values.get("recency")!, values.get("tenure")!));
  const rate = Math.exp(Math.log(teachingNightlyRate.median) + teachingNightlyRate.sigma * randomNormal(rng));
  values.set("revenue", roundTo(values.get("room_nights")! * rate, 2));
  return recordColumns.map((field) => values.get(field)!);
}

const recordColumns = [
  "revenue",
  "room_nights",
  "ancillary",
  "tenure",
  "recency",
  "cost_to_serve",
  "discounts",
  "cancellations",
  "no_shows"
];

function drawRespondent(
  rng: Rng,
  id: string,
  options: SyntheticOptions,
  columns: string[],
  dimensionOf: Map<string, string>,
  sideOf: Map<string, Side>
): Respondent {
  const crv = randomNormal(rng);
  const hrv = options.rho * crv + Math.sqrt(1 - options.rho ** 2) * randomNormal(rng);
  const factors: Record<string, number> = {};
  for (const dimension of defaultIndexSystem.dimensions) {
    const latent = sideOf.get(dimension.id) === "crv" ? crv : hrv;
    const sign = negativeDimensions.has(dimension.id) ? -1 : 1;
    factors[dimension.id] = loaded(rng, options.dimensionLoadings[dimension.id], sign * latent);
  }

  const answers = columns.map((column) => {
    if (column === teachingAttentionCheck.item) return teachingAttentionCheck.pass[0];
    const loading = options.itemLoadings[column] ?? options.itemLoading;
    const y = loaded(rng, loading, factors[dimensionOf.get(column)!]);
    const answer = likertAnswer(y, options.thresholds);
    return options.reverse.includes(column) ? 6 - answer : answer;
  });
  const record = drawRecord(rng, factors, options.recordLoading);
  const profile = drawProfile(rng, factors);
  const truth: RespondentTruth = {
    id,
    crv,
    hrv,
    factors,
    careless: null,
    defect: null,
    duplicated: false
  };
  return {truth, answers, record, profile};
}

/** Draws an answer position 0…width − 1 other than the attention check's `check`. */
function randomItem(rng: Rng, width: number, check: number): number {
  const k = randomInt(rng, width - 1);
  return k < check ? k : k + 1;
}

/**
 * Turns chosen respondents into careless ones and spoils others with missing or out-of-range
 * answers. Each respondent gets at most one of these defects. A straight-liner gives one
 * answer from 1…5 to every item and to the attention check. A random responder draws each of
 * these answers uniformly from 1…5.
 * Missing and out-of-range answers never touch the attention check, so each such row breaks
 * one rule only: half the incomplete respondents stop part-way, at least five items after
 * the check, and half skip one item.
 */
function addDefects(
  rng: Rng,
  respondents: Respondent[],
  options: SyntheticOptions,
  check: number
): void {
  const careless = Math.round(options.careless * respondents.length);
  const straight = Math.round(options.straightLining * careless);
  const chosen = sample(rng, respondents, careless + options.incomplete + options.outOfRange);

  chosen.forEach((respondent, k) => {
    const {answers, truth} = respondent;
    const width = answers.length;
    if (k < straight) {
      truth.careless = "straight-lining";
      answers.fill(1 + randomInt(rng, 5));
    } else if (k < careless) {
      truth.careless = "random";
      for (let j = 0; j < width; j++) answers[j] = 1 + randomInt(rng, 5);
    } else if (k < careless + options.incomplete) {
      truth.defect = "incomplete";
      if ((k - careless) % 2 === 0) {
        answers.fill(null, check + 6 + randomInt(rng, width - check - 8));
      } else {
        answers[randomItem(rng, width, check)] = null;
      }
    } else {
      truth.defect = "out-of-range";
      answers[randomItem(rng, width, check)] = [0, 6, 7][randomInt(rng, 3)];
    }
  });
}

/**
 * Generates the synthetic teaching case: n respondents' answers to every survey item of the
 * default index system (1–5) plus an attention check, their stay records, profile variables,
 * and the experts' AHP judgments. Latent CRV and HRV are standard normal with correlation ρ.
 * Each dimension factor is f_d = ±λ_d·L + √(1 − λ_d²)·u, with the minus sign for perceived
 * sacrifice and relationship cost. An item's response y = ℓ·f_d + √(1 − ℓ²)·e is cut into
 * 1…5 at the thresholds. Record fields are log-normal (counts Poisson), and their logs load
 * on the dimension factor. Careless, incomplete, out-of-range and duplicated rows are then
 * added for the cleaning step to find. Details and defaults: docs/teaching-case.md.
 *
 * `overrides` replaces options of `defaultSyntheticOptions`. The three maps
 * (`dimensionLoadings`, `itemLoadings`, `baseWeights`) are merged key by key instead, so
 * `{itemLoadings: {F1: 0.6}}` keeps the default loading of O2. All draws come from
 * `seededRandom(seed)`, so the same options give the same case on every run.
 *
 * @throws Error naming the option when an option is out of its range, or when the defects
 *   (careless, incomplete, out-of-range, duplicates) need more rows than n
 * @example
 * const data = syntheticCase({n: 100, seed: 1});
 * data.survey.values.length; // 105 (100 respondents + 5 duplicates)
 * data.experts.judgments[0]; // {node: "goal", order: ["crv", "hrv"], matrices: [5 matrices]}
 */
export function syntheticCase(overrides: Partial<SyntheticOptions> = {}): SyntheticCase {
  const defaults = defaultSyntheticOptions;
  const options: SyntheticOptions = {
    ...defaults,
    ...overrides,
    dimensionLoadings: {...defaults.dimensionLoadings, ...overrides.dimensionLoadings},
    itemLoadings: {...defaults.itemLoadings, ...overrides.itemLoadings},
    baseWeights: {...defaults.baseWeights, ...overrides.baseWeights}
  };
  const system = teachingSystem(options.reverse);
  const items = surveyItems(system);
  checkModelOptions(options, items);
  checkDefectOptions(options);
  checkExpertOptions(options);

  const rng = seededRandom(options.seed);
  const at = items.indexOf(attentionCheckAfter) + 1;
  const columns = [...items.slice(0, at), teachingAttentionCheck.item, ...items.slice(at)];
  const dimensionOf = new Map(
    system.indicators.flatMap((x) => x.items.map((item) => [item, x.dimension] as const))
  );
  const sideOf = new Map(system.dimensions.map((dimension) => [dimension.id, dimension.side]));
  const width = String(options.n).length;
  const respondents = Array.from({length: options.n}, (_, i) => {
    const id = `T${String(i + 1).padStart(Math.max(4, width), "0")}`;
    return drawRespondent(rng, id, options, columns, dimensionOf, sideOf);
  });
  addDefects(rng, respondents, options, columns.indexOf(teachingAttentionCheck.item));

  const rows = respondents.slice();
  const clean = respondents.filter((r) => r.truth.careless === null && r.truth.defect === null);
  for (const original of sample(rng, clean, options.duplicates)) {
    original.truth.duplicated = true;
    const after = rows.indexOf(original) + 1;
    rows.splice(after + randomInt(rng, rows.length - after + 1), 0, original);
  }

  const survey: ResponseTable = {
    file: "teaching survey (synthetic)",
    ids: rows.map((row) => row.truth.id),
    columns: [...columns, ...profileSpecs.map((spec) => spec.column)],
    values: rows.map((row) => [...row.answers, ...row.profile])
  };
  const profile = profileSpecs.map(({column, label, categories}) => ({
    column,
    label,
    range: {min: 1, max: categories.length},
    codes: Object.fromEntries(categories.map((category, k) => [k + 1, category]))
  }));
  const surveyItemLabels = items.map((column) => ({column, label: teachingItemLabels[column]}));
  const records = {
    ids: respondents.map((r) => r.truth.id),
    columns: recordColumns.slice(),
    values: respondents.map((r) => r.record)
  };
  const experts = syntheticExperts(system, options, rng);
  const truth = respondents.map((r) => r.truth);
  return {
    options,
    system,
    survey,
    items: surveyItemLabels,
    profile,
    records,
    truth,
    experts
  };
}

// ---------------------------------------------------------------------------------------
// Experts' AHP judgments.

const expertRoles = [
  "general manager",
  "revenue manager",
  "front office manager",
  "marketing director",
  "hospitality lecturer"
];

/** Base judgment a_ij = the Saaty value nearest to w_i / w_j, reciprocal below the diagonal. */
function baseMatrix(weights: number[]): number[][] {
  return weights.map((wi, i) =>
    weights.map((wj, j) => {
      if (i === j) return 1;
      const upper = i < j ? nearestSaatyValue(wi / wj) : nearestSaatyValue(wj / wi);
      return i < j ? upper : 1 / upper;
    })
  );
}

function setJudgment(matrix: number[][], i: number, j: number, value: number): void {
  matrix[i][j] = value;
  matrix[j][i] = 1 / value;
}

/** Moves each judgment above the diagonal one step up or down Saaty's scale with probability p. */
function perturb(rng: Rng, base: number[][], p: number): number[][] {
  const matrix = base.map((row) => row.slice());
  for (let i = 0; i < matrix.length; i++) {
    for (let j = i + 1; j < matrix.length; j++) {
      if (rng() >= p) continue;
      const k = SAATY_SCALE.indexOf(matrix[i][j]) + (rng() < 0.5 ? -1 : 1);
      setJudgment(matrix, i, j, SAATY_SCALE[Math.min(SAATY_SCALE.length - 1, Math.max(0, k))]);
    }
  }
  return matrix;
}

const consistentTries = 100;

/** Draws a perturbation of the base judgment with CR < 0.1; returns the base if none is found. */
function consistentExpert(rng: Rng, base: number[][], p: number): number[][] {
  for (let attempt = 0; attempt < consistentTries; attempt++) {
    const matrix = perturb(rng, base, p);
    if (ahp(matrix).cr < 0.1) return matrix;
  }
  return base.map((row) => row.slice());
}

/**
 * Draws a perturbation and turns around its judgment of the most against the least important
 * element, then pushes that judgment further toward the wrong side until CR > 0.1. Nodes of
 * one or two elements are always consistent (CR = 0), so they only get the perturbation.
 */
function inconsistentExpert(
  rng: Rng,
  node: string,
  weights: number[],
  base: number[][],
  p: number
): number[][] {
  const matrix = perturb(rng, base, p);
  if (weights.length < 3) return matrix;

  const top = weights.indexOf(Math.max(...weights));
  const bottom = weights.lastIndexOf(Math.min(...weights));
  if (top === bottom) fail(`node "${node}" has equal base weights, so no judgment is reversible`);
  let k = SAATY_SCALE.indexOf(1 / base[top][bottom]);
  setJudgment(matrix, top, bottom, SAATY_SCALE[k]);
  while (ahp(matrix).cr <= 0.1 && k > 0) {
    k -= 1;
    setJudgment(matrix, top, bottom, SAATY_SCALE[k]);
  }
  if (ahp(matrix).cr <= 0.1) fail(`node "${node}": no reversed judgment gives CR > 0.1`);
  return matrix;
}

/**
 * Draws the experts' pairwise comparison matrices at every node of the hierarchy. Each
 * consistent expert moves each base judgment one step on Saaty's scale with probability
 * `perturbation` and redraws until CR < 0.1; the designated expert reverses one judgment per
 * node of three or more elements until CR > 0.1.
 */
function syntheticExperts(
  system: IndexSystem,
  options: SyntheticOptions,
  rng: Rng
): SyntheticCase["experts"] {
  const names = Array.from({length: options.experts}, (_, k) => {
    const role = expertRoles[k % expertRoles.length];
    return `Expert ${k + 1} (${role})`;
  });
  const judgments = hierarchyNodes(system).map(({node, order}) => {
    const priorities = options.baseWeights[node] ?? {};
    const weights = order.map((id) => priorities[id] ?? 1);
    if (weights.some((w) => !(Number.isFinite(w) && w > 0))) {
      fail(`base weights of node "${node}" must be positive numbers; got [${weights.join(", ")}]`);
    }
    const base = baseMatrix(weights);
    if (ahp(base).cr >= 0.1) fail(`the base judgment of node "${node}" has CR ≥ 0.1`);
    const matrices = names.map((_, k) =>
      k === options.inconsistentExpert
        ? inconsistentExpert(rng, node, weights, base, options.perturbation)
        : consistentExpert(rng, base, options.perturbation)
    );
    return {node, order, matrices};
  });
  const k = options.inconsistentExpert;
  const note =
    "Synthetic judgments: each expert perturbs one base judgment on Saaty's scale. " +
    (k < 0
      ? "Every expert's matrices have CR < 0.1."
      : `${names[k]} is deliberately inconsistent (CR > 0.1 at every node of three or more ` +
        "elements); the others have CR < 0.1.");
  return {names, judgments, inconsistent: k, note};
}

// ---------------------------------------------------------------------------------------
// The teaching case: cleaning and scoring as for the real surveys.

/** The teaching case as emitted: a survey case plus the latent values of its kept rows. */
export interface TeachingCaseData extends SurveyCaseData {
  generator: {options: SyntheticOptions; latent: {crv: number[]; hrv: number[]}};
}

/** Selects the survey part of a system: indicators with a scale and their dimensions. */
function surveyPart(system: IndexSystem): IndexSystem {
  const indicators = system.indicators.filter((indicator) => indicator.scale !== undefined);
  const measured = new Set(indicators.map((indicator) => indicator.dimension));
  const dimensions = system.dimensions.filter((dimension) => measured.has(dimension.id));
  return {...system, id: `${system.id}-survey`, dimensions, indicators};
}

/**
 * Builds the teaching case from a generated one: the survey goes through the same cleaning,
 * audit and indicator scoring as the real surveys (`buildSurveyCase`), then each kept
 * respondent's stay record is joined by id for the record indicators. The result is marked
 * synthetic in its flag, title and source.
 *
 * @throws Error when a kept respondent has no stay record, and as `buildSurveyCase` does
 * @example
 * const teaching = buildTeachingCase(syntheticCase());
 * teaching.synthetic; // true
 * teaching.audit.rawRows; // 605 (600 respondents + 5 duplicated submissions)
 */
export function buildTeachingCase(data: SyntheticCase): TeachingCaseData {
  const {seed, n} = data.options;
  const surveySystem = surveyPart(data.system);
  const survey = buildSurveyCase(
    {
      id: "teaching",
      title: {en: "Teaching case (synthetic data)", zh: "教学案例（模拟数据）"},
      source: {
        citation: `Synthetic data from this project's generator (seed ${seed}, n = ${n}).`,
        licence: "MIT, as the project",
        note:
          "Synthetic: no real guest answered this survey. The data come from a documented " +
          "model with known latent values, so every step of the method can be checked."
      },
      file: data.survey.file,
      scale: [1, 5],
      idColumn: "id",
      items: data.items,
      profile: data.profile,
      system: surveySystem,
      attentionCheck: {item: teachingAttentionCheck.item, pass: teachingAttentionCheck.pass},
      straightLining: {
        items: data.items.map((item) => item.column),
        minItems: defaultStraightLiningMinItems
      },
      experts: data.experts
    },
    data.survey
  );

  const recordRow = new Map(data.records.ids.map((id, i) => [id, data.records.values[i]]));
  const truth = new Map(data.truth.map((respondent) => [respondent.id, respondent]));
  const surveyColumn = new Map(surveySystem.indicators.map((indicator, k) => [indicator.id, k]));
  const values = survey.ids.map((id, i) => {
    const record = recordRow.get(id);
    if (record === undefined) fail(`kept respondent ${id} has no stay record`);
    return data.system.indicators.map((indicator) => {
      const k = surveyColumn.get(indicator.id);
      if (k !== undefined) return survey.values[i][k];
      return record[data.records.columns.indexOf(indicator.items[0])];
    });
  });

  return {
    ...survey,
    synthetic: true,
    system: data.system,
    values,
    experts: {
      names: data.experts.names,
      judgments: data.experts.judgments,
      note: data.experts.note
    },
    generator: {
      options: data.options,
      latent: {
        crv: survey.ids.map((id) => truth.get(id)!.crv),
        hrv: survey.ids.map((id) => truth.get(id)!.hrv)
      }
    }
  };
}
