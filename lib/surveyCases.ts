import type {CaseData, ItemTable, ProfileVariable} from "./caseData.js";
import {
  decodeUtf8,
  dimensionsOf,
  illustrativeExperts,
  itemIndicator,
  upperTriangleJudgments
} from "./caseBuilding.js";
import {
  attentionCheckRows,
  buildAudit,
  defaultStraightLiningMinItems,
  duplicateIdRows,
  incompleteRows,
  outOfRangeRows,
  straightLiningRows,
  type AttentionCheck,
  type Audit,
  type ResponseTable,
  type ValueRange
} from "./clean.js";
import {validateIndexSystem, type IndexSystem, type Indicator} from "./indexSystem.js";
import {readSurvey} from "./read.js";
import type {Label} from "./types.js";

// Survey cases.

/** A profile column of a survey: its allowed codes and, optionally, their labels. */
export interface SurveyProfileColumn {
  column: string;
  label: Label;
  range: ValueRange;
  codes?: Record<number, string>;
}

/** Everything needed to turn one survey file into a case. */
export interface SurveyCase {
  id: string;
  title: Label;
  source: CaseData["source"];
  /** Path of the raw file from the project root. */
  file: string;
  scale: [number, number];
  /** Respondent id column, or null when rows are identified by their line number. */
  idColumn: string | null;
  /** Scored items (those of the indicators), in the order of the item table. */
  items: {column: string; label: Label}[];
  profile: SurveyProfileColumn[];
  system: IndexSystem;
  attentionCheck: AttentionCheck | null;
  /** Items checked for straight-lining, and the minimum number of non-missing items. */
  straightLining: {items: string[]; minItems: number};
  experts: CaseData["experts"];
}

/** A survey case as emitted. `allItems` also contains the rows dropped only as incomplete. */
export interface SurveyCaseData extends CaseData {
  audit: Audit;
  items: ItemTable;
  /** Item responses of every row that passed all rules but completeness, for pairwise use. */
  allItems: ItemTable;
  /** Ids of the `allItems` rows. */
  allIds: string[];
}

const cruiseScale: [number, number] = [1, 7];

// Long-string (straight-lining) checks are meant for long inventories. Both real batteries
// have 7 items and no reverse-coded ones, so identical responses there are mostly real
// agreement. Of the 360 complete cruise passengers, 22 gave 7 to every item and 37 more gave
// six 7s, a smooth ceiling rather than a separate cluster. So the rule runs with minItems 10
// and cannot flag a row. The audit note reports how many rows the default minItems would flag.
const shortBatteryMinItems = 10;

/** Cruise passengers (Mehmetoglu & Venturini 2021, ch. 7): 7-point items, both sides. */
export const cruiseCase: SurveyCase = {
  id: "cruise",
  title: {en: "Cruise passengers", zh: "邮轮乘客"},
  source: {
    citation:
      "Mehmetoglu, M., & Venturini, S. (2021). Structural Equation Modelling with Partial " +
      "Least Squares Using Stata and R. CRC Press. Data set ch7_Cruise.",
    licence: "GPL-3.0 (companion repository of the book)",
    url: "https://github.com/sergioventurini/SEMwPLS",
    note:
      "Cruise-ship passengers rather than hotel guests; agreement on a 1–7 scale. No item " +
      "measures social value, perceived sacrifice, current value or relationship cost."
  },
  file: "data/semwpls_tourism_surveys/ch7_Cruise.csv",
  scale: cruiseScale,
  idColumn: null,
  items: [
    {
      column: "Food",
      label: {en: "The quality of the food is good", zh: "餐饮质量好"}
    },
    {
      column: "Hygiene",
      label: {en: "The cleaning of the cabins is satisfactory", zh: "客舱清洁令人满意"}
    },
    {
      column: "Service",
      label: {
        en: "The staff are capable of helping me with any questions that I have",
        zh: "员工能够帮助解答我的任何问题"
      }
    },
    {
      column: "Lively",
      label: {en: "The ship has an atmosphere full of warmth", zh: "邮轮上充满温暖的氛围"}
    },
    {
      column: "Lighting",
      label: {en: "The lighting contributes to the warm atmosphere", zh: "灯光营造了温暖的氛围"}
    },
    {
      column: "Positive_talk",
      label: {en: "I shall talk positively about this cruise ship", zh: "我会正面谈论这艘邮轮"}
    },
    {
      column: "Recommend",
      label: {
        en: "I shall recommend my friends to travel with this cruise ship",
        zh: "我会推荐朋友乘坐这艘邮轮"
      }
    }
  ],
  profile: [
    {
      column: "Gender",
      label: {en: "Gender", zh: "性别"},
      range: {min: 1, max: 2},
      codes: {1: "female", 2: "male"}
    }
  ],
  system: {
    id: "cruise",
    label: {en: "Relationship value of cruise passengers", zh: "邮轮乘客关系价值"},
    dimensions: dimensionsOf(["functional", "service", "emotional", "potential"]),
    indicators: [
      itemIndicator("food", "functional", {en: "Food quality", zh: "餐饮质量"}, "Food", cruiseScale),
      itemIndicator(
        "hygiene",
        "functional",
        {en: "Cabin cleanliness", zh: "客舱清洁"},
        "Hygiene",
        cruiseScale
      ),
      itemIndicator(
        "staff_help",
        "service",
        {en: "Staff helpfulness", zh: "员工帮助能力"},
        "Service",
        cruiseScale
      ),
      itemIndicator(
        "lively",
        "emotional",
        {en: "Warm atmosphere", zh: "温暖氛围"},
        "Lively",
        cruiseScale
      ),
      itemIndicator(
        "lighting",
        "emotional",
        {en: "Lighting and ambience", zh: "灯光与氛围"},
        "Lighting",
        cruiseScale
      ),
      itemIndicator(
        "positive_talk",
        "potential",
        {en: "Positive word of mouth", zh: "正面口碑"},
        "Positive_talk",
        cruiseScale
      ),
      itemIndicator(
        "recommend",
        "potential",
        {en: "Recommendation", zh: "推荐意愿"},
        "Recommend",
        cruiseScale
      )
    ]
  },
  attentionCheck: null,
  straightLining: {
    items: ["Lively", "Service", "Lighting", "Food", "Hygiene", "Positive_talk", "Recommend"],
    minItems: shortBatteryMinItems
  },
  experts: {
    ...illustrativeExperts,
    judgments: [
      upperTriangleJudgments("goal", ["crv", "hrv"], [1], [1 / 2]),
      upperTriangleJudgments("crv", ["functional", "service", "emotional"], [2, 3, 2], [1, 3, 2]),
      upperTriangleJudgments("hrv", ["potential"], [], []),
      upperTriangleJudgments("functional", ["food", "hygiene"], [1], [1 / 2]),
      upperTriangleJudgments("service", ["staff_help"], [], []),
      upperTriangleJudgments("emotional", ["lively", "lighting"], [3], [4]),
      upperTriangleJudgments("potential", ["positive_talk", "recommend"], [1 / 2], [1 / 3])
    ]
  }
};

const touristScale: [number, number] = [1, 5];
const touristMotives: [string, Label][] = [
  ["energy", {en: "Motive: to gain new energy", zh: "动机：获得新的活力"}],
  ["getaway", {en: "Motive: to get away from everyday life", zh: "动机：逃离日常生活"}],
  ["boredom", {en: "Motive: to avoid boredom", zh: "动机：避免无聊"}],
  ["exciting", {en: "Motive: to experience excitement", zh: "动机：体验刺激"}]
];
const touristActivities: [string, Label][] = [
  ["entertain", {en: "Activity: amusement or theme parks", zh: "活动：游乐园或主题公园"}],
  ["visittown", {en: "Activity: visit the town", zh: "活动：游览城镇"}],
  ["nature", {en: "Activity: be in and see nature", zh: "活动：亲近自然"}],
  ["fishing", {en: "Activity: fishing", zh: "活动：钓鱼"}]
];

/** Holiday tourists (Mehmetoglu & Venturini 2021, ch. 3): 5-point items, both sides thinly. */
export const touristCase: SurveyCase = {
  id: "tourists",
  title: {en: "Holiday tourists", zh: "度假游客"},
  source: {
    citation:
      "Mehmetoglu, M., & Venturini, S. (2021). Structural Equation Modelling with Partial " +
      "Least Squares Using Stata and R. CRC Press. Data set ch3_MotivesActivity.",
    licence: "GPL-3.0 (companion repository of the book)",
    url: "https://github.com/sergioventurini/SEMwPLS",
    note:
      "Holiday tourists rather than hotel guests; agreement on a 1–5 scale. One item per " +
      "measured dimension, so reliability within a dimension cannot be estimated."
  },
  file: "data/semwpls_tourism_surveys/ch3_MotivesActivity.csv",
  scale: touristScale,
  idColumn: null,
  items: [
    {
      column: "expecta",
      label: {en: "My holiday here exceeded my expectations", zh: "这次度假超出了我的预期"}
    },
    {
      column: "satisf",
      label: {en: "Overall I am satisfied with my holiday here", zh: "总体上我对这次度假感到满意"}
    },
    {
      column: "recommend",
      label: {
        en: "I am going to recommend my friends to spend a holiday here",
        zh: "我会推荐朋友来这里度假"
      }
    }
  ],
  profile: [
    ...touristMotives.map(([column, label]) => ({column, label, range: {min: 1, max: 5}})),
    ...touristActivities.map(([column, label]) => ({
      column,
      label,
      range: {min: 0, max: 1},
      codes: {0: "no", 1: "yes"}
    }))
  ],
  system: {
    id: "tourists",
    label: {en: "Relationship value of holiday tourists", zh: "度假游客关系价值"},
    // Exceeded expectations judge delivered against expected performance, so the item
    // measures functional value. Overall satisfaction is the affective response to the
    // holiday, so it measures emotional value.
    dimensions: dimensionsOf(["functional", "emotional", "potential"]),
    indicators: [
      itemIndicator(
        "expectations",
        "functional",
        {en: "Expectations exceeded", zh: "超出预期"},
        "expecta",
        touristScale
      ),
      itemIndicator(
        "satisfaction",
        "emotional",
        {en: "Overall satisfaction", zh: "总体满意度"},
        "satisf",
        touristScale
      ),
      itemIndicator(
        "recommend",
        "potential",
        {en: "Recommendation", zh: "推荐意愿"},
        "recommend",
        touristScale
      )
    ]
  },
  attentionCheck: null,
  straightLining: {
    items: ["energy", "getaway", "boredom", "exciting", "satisf", "expecta", "recommend"],
    minItems: shortBatteryMinItems
  },
  experts: {
    ...illustrativeExperts,
    judgments: [
      upperTriangleJudgments("goal", ["crv", "hrv"], [1], [1 / 2]),
      upperTriangleJudgments("crv", ["functional", "emotional"], [1 / 2], [1]),
      upperTriangleJudgments("hrv", ["potential"], [], []),
      upperTriangleJudgments("functional", ["expectations"], [], []),
      upperTriangleJudgments("emotional", ["satisfaction"], [], []),
      upperTriangleJudgments("potential", ["recommend"], [], [])
    ]
  }
};

function itemTable(
  definition: SurveyCase,
  table: ResponseTable,
  rows: number[],
  indexes: number[]
): ItemTable {
  return {
    columns: definition.items.map((item) => item.column),
    labels: definition.items.map((item) => item.label),
    scale: definition.scale,
    values: rows.map((i) => indexes.map((j) => table.values[i][j]))
  };
}

function indicatorValue(indicator: Indicator, row: (number | null)[], columns: string[]): number {
  const [low, high] = indicator.scale ?? [0, 0];
  const answers = indicator.items.map((item) => {
    const value = row[columns.indexOf(item)] as number;
    return indicator.reverse?.includes(item) ? low + high - value : value;
  });
  return answers.reduce((sum, value) => sum + value, 0) / answers.length;
}

/**
 * Builds a survey case from its responses. Rules run in this order, and a row is dropped by
 * the first rule that flags it: value outside the scale (items and profile codes), duplicate
 * id, failed attention check, straight-lining, incomplete (a scored item unanswered). A
 * missing profile answer only makes that profile value null. An indicator is the mean of its
 * items after reverse coding. `allItems` contains the kept rows and the incomplete ones.
 *
 * @throws Error when a column of the definition is not in the table, or when an indicator
 *   names an item that is not among the definition's items
 * @example
 * buildSurveyCase(cruiseCase, table).audit.rawRows // 408 for the cruise file
 */
export function buildSurveyCase(definition: SurveyCase, table: ResponseTable): SurveyCaseData {
  validateIndexSystem(definition.system);
  const itemColumns = definition.items.map((item) => item.column);
  for (const indicator of definition.system.indicators) {
    const unknown = indicator.items.filter((item) => !itemColumns.includes(item));
    if (unknown.length > 0) {
      throw new Error(
        `case ${definition.id}: indicator "${indicator.id}" uses ${unknown.join(", ")}, ` +
          `not in the case's item list (${itemColumns.join(", ")})`
      );
    }
  }
  const ranges: Record<string, ValueRange> = {};
  for (const column of itemColumns) {
    ranges[column] = {min: definition.scale[0], max: definition.scale[1]};
  }
  for (const column of definition.profile) ranges[column.column] = column.range;
  const {items: lineItems, minItems} = definition.straightLining;

  const straight = straightLiningRows(table, lineItems, minItems);
  if (straight.note !== undefined) {
    const atDefault = straightLiningRows(table, lineItems, defaultStraightLiningMinItems);
    straight.note +=
      `; with minItems ${defaultStraightLiningMinItems} it would flag ` +
      `${atDefault.rows.length} rows`;
  }
  const rules = [
    outOfRangeRows(table, ranges),
    duplicateIdRows(table.ids, definition.idColumn),
    attentionCheckRows(table, definition.attentionCheck),
    straight,
    incompleteRows(table, itemColumns)
  ];
  const emptyCells = table.values.reduce(
    (sum, row) => sum + row.filter((value) => value === null).length,
    0
  );
  const {audit, kept, reasons} = buildAudit(table.file, table.ids, rules, [
    {rule: "empty cell → missing answer", count: emptyCells}
  ]);

  const all = reasons.flatMap((reason, i) =>
    reason === null || reason === "incomplete" ? [i] : []
  );
  const indexes = itemColumns.map((column) => table.columns.indexOf(column));
  const profile: ProfileVariable[] = definition.profile.map((column) => {
    const j = table.columns.indexOf(column.column);
    return {
      name: column.column,
      label: column.label,
      values: kept.map((i) => {
        const value = table.values[i][j];
        if (value === null) return null;
        return column.codes?.[value] ?? String(value);
      })
    };
  });

  return {
    id: definition.id,
    title: definition.title,
    kind: "survey",
    synthetic: false,
    source: definition.source,
    system: definition.system,
    ids: kept.map((i) => table.ids[i]),
    values: kept.map((i) =>
      definition.system.indicators.map((indicator) =>
        indicatorValue(indicator, table.values[i], table.columns)
      )
    ),
    items: itemTable(definition, table, kept, indexes),
    allItems: itemTable(definition, table, all, indexes),
    allIds: all.map((i) => table.ids[i]),
    profile,
    experts: definition.experts,
    audit
  };
}

/**
 * Reads a survey case from the bytes of its CSV: checks the encoding (see `decodeUtf8`),
 * reads the responses with `readSurvey` without a scale, so that values outside the scale
 * reach the out-of-range rule, and builds the case (see `buildSurveyCase`).
 *
 * @throws Error listing the first unreadable cells (each message names file, line and
 *   column) when a cell is neither a number nor empty, and as `readSurvey` and
 *   `buildSurveyCase` do
 * @example
 * readSurveyCase(cruiseCase, bytes, cruiseCase.file).audit.keptRows // 360
 */
export function readSurveyCase(
  definition: SurveyCase,
  bytes: Uint8Array,
  file: string
): SurveyCaseData {
  decodeUtf8(bytes, file);
  const table = readSurvey(bytes, {
    file,
    delimiter: ",",
    decimalSeparator: ".",
    ...(definition.idColumn === null ? {} : {idColumn: definition.idColumn})
  });
  const unreadable = table.problems.filter((problem) => problem.column !== definition.idColumn);
  if (unreadable.length > 0) {
    const firstMessages = unreadable.slice(0, 5).map((problem) => problem.message);
    const more = unreadable.length > 5 ? `; and ${unreadable.length - 5} more` : "";
    throw new Error(`${file} has unreadable cells: ${firstMessages.join("; ")}${more}`);
  }
  return buildSurveyCase(definition, table);
}
