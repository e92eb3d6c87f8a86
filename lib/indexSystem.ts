import type {ValueRange} from "./clean.js";
import type {Direction, Label, Side} from "./types.js";

/** A dimension of one side of the index system, e.g. service value on the CRV side. */
export interface Dimension {
  id: string;
  side: Side;
  label: Label;
}

/**
 * An indicator: one measured quantity with its direction. `items` names the survey items or
 * record fields it is computed from; `reverse` lists the items that are reverse-coded
 * (x' = min + max − x on the item's scale) before they are averaged.
 */
export interface Indicator {
  id: string;
  dimension: string;
  label: Label;
  direction: Direction;
  unit?: string;
  scale?: [number, number];
  items: string[];
  reverse?: string[];
  /**
   * Valid values of the record fields of an indicator without a scale. When absent, the unit
   * decides (see `recordRange`); `{min: -Infinity, max: Infinity}` allows any number, such
   * as a negative balance.
   */
  range?: ValueRange;
}

/** The three-level evaluation index system: side → dimension → indicator. */
export interface IndexSystem {
  id: string;
  label: Label;
  dimensions: Dimension[];
  indicators: Indicator[];
}

/** Labels of the two sides and of the goal. */
export const sideLabels: Record<Side | "goal", Label> = {
  goal: {en: "Relationship value", zh: "关系价值"},
  crv: {en: "Customer-received value", zh: "顾客感知价值"},
  hrv: {en: "Hotel-received value", zh: "酒店获得价值"}
};

const dimensions: Dimension[] = [
  {id: "functional", side: "crv", label: {en: "Functional value", zh: "功能价值"}},
  {id: "service", side: "crv", label: {en: "Service value", zh: "服务价值"}},
  {id: "emotional", side: "crv", label: {en: "Emotional value", zh: "情感价值"}},
  {id: "social", side: "crv", label: {en: "Social value", zh: "社会价值"}},
  {id: "sacrifice", side: "crv", label: {en: "Perceived sacrifice", zh: "感知付出"}},
  {id: "current", side: "hrv", label: {en: "Current value", zh: "当前价值"}},
  {id: "potential", side: "hrv", label: {en: "Potential value", zh: "潜在价值"}},
  {id: "cost", side: "hrv", label: {en: "Relationship cost", zh: "关系成本"}}
];

function indicator(
  id: string,
  dimension: string,
  en: string,
  zh: string,
  direction: Direction,
  items: string[],
  unit?: string
): Indicator {
  return {id, dimension, label: {en, zh}, direction, items, ...(unit ? {unit} : {})};
}

const likert: [number, number] = [1, 5];

function surveyIndicator(
  id: string,
  dimension: string,
  en: string,
  zh: string,
  direction: Direction,
  items: string[]
): Indicator {
  return {...indicator(id, dimension, en, zh, direction, items, "Likert 1–5"), scale: likert};
}

/**
 * The default index system: customer-received value in five dimensions measured by survey
 * items, hotel-received value in three dimensions measured by stay records and survey items.
 * Item names are those of the teaching questionnaire; a case maps its own columns onto the
 * same dimensions.
 */
export const defaultIndexSystem: IndexSystem = {
  id: "default",
  label: {en: "Hotel relationship value", zh: "酒店客户关系价值"},
  dimensions,
  indicators: [
    surveyIndicator("room_quality", "functional", "Room quality", "客房质量", "benefit", ["F1", "F2"]),
    surveyIndicator("location", "functional", "Location and convenience", "位置与便利", "benefit", [
      "F3",
      "F4"
    ]),
    surveyIndicator("facilities", "functional", "Facilities", "设施", "benefit", ["F5", "F6"]),
    surveyIndicator("cleanliness", "functional", "Cleanliness", "清洁卫生", "benefit", ["F7", "F8"]),
    surveyIndicator("responsiveness", "service", "Staff responsiveness", "员工响应性", "benefit", [
      "S1",
      "S2"
    ]),
    surveyIndicator("reliability", "service", "Reliability", "服务可靠性", "benefit", ["S3", "S4"]),
    surveyIndicator("personalisation", "service", "Personalisation", "个性化服务", "benefit", [
      "S5",
      "S6"
    ]),
    surveyIndicator("comfort", "emotional", "Comfort and enjoyment", "舒适与愉悦", "benefit", [
      "E1",
      "E2"
    ]),
    surveyIndicator("trust", "emotional", "Trust", "信任", "benefit", ["E3", "E4"]),
    surveyIndicator("valued", "emotional", "Sense of being valued", "受重视感", "benefit", [
      "E5",
      "E6"
    ]),
    surveyIndicator("status", "social", "Status and image", "身份与形象", "benefit", ["O1", "O2"]),
    surveyIndicator("belonging", "social", "Belonging (member benefits)", "归属感（会员权益）", "benefit", [
      "O3",
      "O4"
    ]),
    surveyIndicator("price", "sacrifice", "Price paid vs expectation", "价格与预期", "cost", [
      "P1",
      "P2"
    ]),
    surveyIndicator("effort", "sacrifice", "Time and effort", "时间与精力", "cost", ["P3", "P4"]),
    surveyIndicator("risk", "sacrifice", "Perceived risk", "感知风险", "cost", ["P5", "P6"]),
    indicator("revenue", "current", "Revenue per year", "年度收入", "benefit", ["revenue"], "EUR/year"),
    indicator("room_nights", "current", "Room nights", "间夜数", "benefit", ["room_nights"], "nights"),
    indicator("ancillary", "current", "Ancillary spend", "附加消费", "benefit", ["ancillary"], "EUR"),
    surveyIndicator("wallet_share", "current", "Share of wallet", "钱包份额", "benefit", ["W1", "W2"]),
    surveyIndicator("repurchase", "potential", "Repurchase intention", "再购意愿", "benefit", [
      "R1",
      "R2"
    ]),
    surveyIndicator("referral", "potential", "Referral / word of mouth", "推荐与口碑", "benefit", [
      "R3",
      "R4"
    ]),
    surveyIndicator("feedback", "potential", "Feedback and co-creation", "反馈与价值共创", "benefit", [
      "R5",
      "R6"
    ]),
    indicator("tenure", "potential", "Tenure", "关系时长", "benefit", ["tenure"], "days"),
    indicator("recency", "potential", "Recency", "最近入住间隔", "cost", ["recency"], "days"),
    indicator("cost_to_serve", "cost", "Cost to serve", "服务成本", "cost", ["cost_to_serve"], "EUR"),
    indicator("discounts", "cost", "Discounts and commission", "折扣与佣金", "cost", ["discounts"], "EUR"),
    indicator("cancellations", "cost", "Cancellations", "取消预订", "cost", ["cancellations"], "count"),
    indicator("no_shows", "cost", "No-shows", "未入住（No-show）", "cost", ["no_shows"], "count")
  ]
};

// Valid values of record fields by unit: counts and days are whole numbers ≥ 0, amounts of
// money are ≥ 0, and a flag such as "1 = canceled" is 0 or 1.
const unitRanges: Record<string, ValueRange> = {
  nights: {min: 0, max: Infinity, integer: true},
  count: {min: 0, max: Infinity, integer: true},
  days: {min: 0, max: Infinity, integer: true},
  EUR: {min: 0, max: Infinity},
  "EUR/year": {min: 0, max: Infinity},
  "1 = canceled": {min: 0, max: 1, integer: true}
};

/**
 * Returns the valid values of an indicator's record fields: its own `range`, else the range
 * of its unit (counts, nights and days whole and ≥ 0, money ≥ 0, "1 = canceled" 0 or 1).
 * Survey indicators (with a scale) and units without a known range give null.
 *
 * @example recordRange(defaultIndexSystem.indicators.find((i) => i.id === "recency")!)
 * // {min: 0, max: Infinity, integer: true}
 */
export function recordRange(indicator: Indicator): ValueRange | null {
  if (indicator.scale !== undefined) return null;
  if (indicator.range !== undefined) return indicator.range;
  return (indicator.unit !== undefined && unitRanges[indicator.unit]) || null;
}

/**
 * Describes a range for messages, e.g. "a whole number ≥ 0" or "a number from 0 to 1".
 *
 * @example describeRange({min: 0, max: Infinity, integer: true}) // "a whole number ≥ 0"
 */
export function describeRange(range: ValueRange): string {
  const kind = range.integer ? "a whole number" : "a number";
  const low = Number.isFinite(range.min);
  const high = Number.isFinite(range.max);
  if (low && high) return `${kind} from ${range.min} to ${range.max}`;
  if (low) return `${kind} ≥ ${range.min}`;
  if (high) return `${kind} ≤ ${range.max}`;
  return kind;
}

/** Names of the hierarchy nodes above the dimensions, which no dimension or indicator may take. */
const reservedIds = new Set(["goal", "crv", "hrv"]);

/**
 * Checks an index system and throws on the first problem. Problems are a duplicate dimension
 * or indicator id (also across sides), an indicator with the id of a dimension, an id "goal",
 * "crv" or "hrv" (the names of the nodes above the dimensions), an invalid side or direction, an
 * indicator whose dimension is not declared, a dimension with no indicator, a reverse-coded
 * item that is not among the indicator's items, a survey item (of an indicator with a scale)
 * used by two indicators of one side, where it would count twice, or an item used by
 * indicators of both sides. Record fields may feed several indicators of one side.
 * Messages name the ids and their places as paths such as `indicators[3].id`, which are the
 * places in the system's JSON file.
 *
 * @throws Error naming the index system, the ids and their paths
 * @example
 * validateIndexSystem({...system, indicators: [{...indicator, id: "service"}]})
 * // throws 'index system s: indicators[0].id "service" is also the id of dimensions[1]; …'
 */
export function validateIndexSystem(system: IndexSystem): void {
  const fail = (message: string): never => {
    throw new Error(`index system ${system.id}: ${message}`);
  };
  const dimensionAt = new Map<string, number>();
  system.dimensions.forEach((dimension, k) => {
    const place = `dimensions[${k}]`;
    const first = dimensionAt.get(dimension.id);
    if (first !== undefined) {
      const sides = `sides ${system.dimensions[first].side} and ${dimension.side}`;
      fail(
        `duplicate dimension id "${dimension.id}" at dimensions[${first}] and ${place} ` +
          `(${sides}); give every dimension its own id`
      );
    }
    if (reservedIds.has(dimension.id)) {
      fail(`${place}.id "${dimension.id}" is reserved for a node of the hierarchy; rename it`);
    }
    if (dimension.side !== "crv" && dimension.side !== "hrv") {
      fail(`${place} "${dimension.id}" has side "${dimension.side}", expected "crv" or "hrv"`);
    }
    dimensionAt.set(dimension.id, k);
  });

  const indicatorAt = new Map<string, number>();
  const used = new Set<string>();
  system.indicators.forEach((item, k) => {
    const place = `indicators[${k}]`;
    const first = indicatorAt.get(item.id);
    if (first !== undefined) {
      fail(
        `duplicate indicator id "${item.id}" at indicators[${first}] and ${place}; give ` +
          "every indicator its own id"
      );
    }
    if (dimensionAt.has(item.id)) {
      fail(
        `${place}.id "${item.id}" is also the id of dimensions[${dimensionAt.get(item.id)}]; ` +
          "give every dimension and indicator its own id"
      );
    }
    if (reservedIds.has(item.id)) {
      fail(`${place}.id "${item.id}" is reserved for a node of the hierarchy; rename it`);
    }
    indicatorAt.set(item.id, k);
    if (!dimensionAt.has(item.dimension)) {
      fail(`${place} "${item.id}" names dimension "${item.dimension}", which is not declared`);
    }
    if (item.direction !== "benefit" && item.direction !== "cost") {
      fail(`${place} "${item.id}" has direction "${item.direction}", expected "benefit" or "cost"`);
    }
    for (const reversed of item.reverse ?? []) {
      if (!item.items.includes(reversed)) {
        fail(
          `${place} "${item.id}" reverses item "${reversed}", which is not one of its items`
        );
      }
    }
    used.add(item.dimension);
  });

  for (const dimension of system.dimensions) {
    if (!used.has(dimension.id)) fail(`dimension "${dimension.id}" has no indicator`);
  }
  checkItemSides(system, fail);
}

// An item feeds one side only: used by both, it would count one answer as value received by
// the customer and by the hotel at once.
function checkItemSides(system: IndexSystem, fail: (message: string) => never): void {
  const sideOf = new Map(system.dimensions.map((dimension) => [dimension.id, dimension.side]));
  const firstUse = new Map<string, number>();
  system.indicators.forEach((indicator, k) => {
    for (const item of indicator.items) {
      const first = firstUse.get(item);
      if (first === undefined) {
        firstUse.set(item, k);
        continue;
      }
      if (first === k) continue;
      const other = system.indicators[first];
      const place = (i: number, x: Indicator) =>
        `indicators[${i}].items[${x.items.indexOf(item)}] ("${x.id}", ` +
        `${sideOf.get(x.dimension)!.toUpperCase()})`;
      if (sideOf.get(other.dimension) === sideOf.get(indicator.dimension)) {
        // Record fields may feed several derived quantities, such as revenue and its share.
        if (other.scale === undefined || indicator.scale === undefined) continue;
        fail(
          `item "${item}" is used by two indicators, at ${place(first, other)} and ` +
            `${place(k, indicator)}; it would count twice, so give one of them another item`
        );
      }
      fail(
        `item "${item}" is used on both sides, at ${place(first, other)} and ` +
          `${place(k, indicator)}; an item measures one side only, so give one of them ` +
          "another item"
      );
    }
  });
}

/** Dimensions of `reference` that `system` does not measure, shown as "not measured". */
export function unmeasuredDimensions(
  system: IndexSystem,
  reference: IndexSystem = defaultIndexSystem
): Dimension[] {
  const measured = new Set(system.indicators.map((item) => item.dimension));
  return reference.dimensions.filter((dimension) => !measured.has(dimension.id));
}

/** Indicators of a system grouped by side then dimension, in declaration order. */
export function indicatorsBySide(system: IndexSystem, side: Side): Indicator[] {
  const sideOf = new Map(system.dimensions.map((dimension) => [dimension.id, dimension.side]));
  return system.indicators.filter((item) => sideOf.get(item.dimension) === side);
}

// Chinese names of the units the report's cases give their indicators.
const unitsZh: Record<string, string> = {
  EUR: "欧元",
  "EUR/year": "欧元/年",
  "EUR, rounded to cents": "欧元，精确到分",
  count: "次数",
  days: "天",
  nights: "晚",
  "1 = canceled": "1 = 已取消",
  "1 = the guest stayed before": "1 = 曾入住过",
  "1 = travel agent/operator (TA/TO) or GDS": "1 = 旅行社/旅游经营商（TA/TO）或 GDS"
};

/**
 * Names an indicator's unit in English and Chinese. Likert units ("Likert 1–5") and the units
 * of the report's cases have a Chinese name; any other unit, e.g. one from a user's file,
 * keeps its own text in both languages. Throws nothing.
 * @example unitLabel("1 = canceled") // {en: "1 = canceled", zh: "1 = 已取消"}
 */
export function unitLabel(unit: string): Label {
  const likert = /^Likert (\S+)$/.exec(unit);
  const zh = likert ? `李克特 ${likert[1]} 分` : unitsZh[unit];
  return {en: unit, zh: zh ?? unit};
}
