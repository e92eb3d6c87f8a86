import {csvParseRows} from "d3-dsv";
import type {CaseData, ExpertJudgments, ItemTable, ProfileVariable, Recode} from "./caseData.js";
import {
  attentionCheckRows,
  buildAudit,
  defaultStraightLiningMinItems,
  duplicateIdRows,
  flagRows,
  incompleteRows,
  outOfRangeRows,
  straightLiningRows,
  type AttentionCheck,
  type Audit,
  type ResponseTable,
  type ValueRange
} from "./clean.js";
import {
  defaultIndexSystem,
  validateIndexSystem,
  type Dimension,
  type IndexSystem,
  type Indicator
} from "./indexSystem.js";
import {readSurvey} from "./read.js";
import type {Direction, Label} from "./types.js";

const newline = 0x0a;
const comma = 0x2c;

function splitBytes(bytes: Uint8Array, separator: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === separator) {
      parts.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return parts;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a comma-separated case file as strict UTF-8 (a leading byte order mark is dropped).
 * The case files are UTF-8, so other bytes mean a wrong or damaged file, and the error points
 * to the first cell that contains them. Newline and comma bytes never occur inside a multi-byte
 * UTF-8 character, so lines and fields can be split before decoding; a comma inside quotes
 * would shift the reported column by one.
 *
 * @throws Error naming the file, line and column of the first byte sequence that is not UTF-8
 * @example
 * decodeUtf8(new Uint8Array([0x41, 0x2c, 0x42]), "a.csv") // "A,B"
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return new TextDecoder("utf-8").decode(body);

  const lines = splitBytes(body, newline);
  const line = lines.findIndex((bytesOfLine) => !isUtf8(bytesOfLine));
  const fields = splitBytes(lines[line], comma);
  const field = fields.findIndex((bytesOfField) => !isUtf8(bytesOfField));
  const header = csvParseRows(new TextDecoder("utf-8").decode(lines[0]))[0] ?? [];
  const column = line > 0 && header[field] !== undefined ? header[field].trim() : `${field + 1}`;
  const hex = [...fields[field].subarray(0, 8)]
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join(" ");
  throw new Error(
    `${file} line ${line + 1}, column ${column}: bytes ${hex} are not UTF-8 text; ` +
      "save the file as UTF-8 CSV"
  );
}

/** Picks the default system's dimensions with the given ids, in the default order. */
function dimensionsOf(ids: string[]): Dimension[] {
  const unknown = ids.filter((id) => !defaultIndexSystem.dimensions.some((d) => d.id === id));
  if (unknown.length > 0) throw new Error(`unknown dimension ids: ${unknown.join(", ")}`);
  return defaultIndexSystem.dimensions.filter((dimension) => ids.includes(dimension.id));
}

function recordIndicator(
  id: string,
  dimension: string,
  label: Label,
  direction: Direction,
  items: string[],
  unit: string
): Indicator {
  return {id, dimension, label, direction, items, unit};
}

function itemIndicator(
  id: string,
  dimension: string,
  label: Label,
  item: string,
  scale: [number, number]
): Indicator {
  const unit = `Likert ${scale[0]}–${scale[1]}`;
  return {id, dimension, label, direction: "benefit", items: [item], unit, scale};
}

/**
 * Pairwise comparison matrices of one hierarchy node, one per expert, each given by its upper
 * triangle row by row (a₁₂, a₁₃, …, a₂₃, …). The lower triangle contains the exact
 * reciprocals.
 */
function judgments(node: string, order: string[], ...uppers: number[][]): ExpertJudgments {
  const n = order.length;
  const matrices = uppers.map((upper) => {
    if (upper.length !== (n * (n - 1)) / 2) {
      throw new Error(`node ${node}: ${upper.length} judgments for ${n} elements`);
    }
    const matrix = order.map(() => new Array<number>(n).fill(1));
    let k = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        matrix[i][j] = upper[k];
        matrix[j][i] = 1 / upper[k];
        k++;
      }
    }
    return matrix;
  });
  return {node, order, matrices};
}

const illustrativeExperts = {
  names: ["Expert A (illustrative)", "Expert B (illustrative)"],
  note:
    "Illustrative judgments written for this report to show how AHP works. They were not " +
    "elicited from hotel managers or researchers; replace them with real judgments before " +
    "drawing conclusions from AHP weights."
};

// ---------------------------------------------------------------------------------------
// Lisbon hotel customers: stay records, hotel-received value only.

/** Distribution channels of the Lisbon file; the first two are intermediated. */
export const lisbonChannels = [
  "Travel Agent/Operator",
  "Electronic Distribution",
  "Direct",
  "Corporate"
] as const;

/** Special-request flag columns of the Lisbon file (1 = the customer usually requests it). */
export const lisbonRequestColumns = [
  "SRHighFloor",
  "SRLowFloor",
  "SRAccessibleRoom",
  "SRMediumFloor",
  "SRBathtub",
  "SRShower",
  "SRCrib",
  "SRKingSizeBed",
  "SRTwinBed",
  "SRNearElevator",
  "SRAwayFromElevator",
  "SRNoAlcoholInMiniBar",
  "SRQuietRoom"
];

/** Index system of the Lisbon customers: the three hotel-received dimensions. */
export const lisbonSystem: IndexSystem = {
  id: "lisbon",
  label: {en: "Hotel-received value from stay records", zh: "基于入住记录的酒店获得价值"},
  dimensions: dimensionsOf(["current", "potential", "cost"]),
  indicators: [
    recordIndicator(
      "revenue",
      "current",
      {en: "Revenue per year", zh: "年度收入"},
      "benefit",
      ["LodgingRevenue", "OtherRevenue", "DaysSinceCreation"],
      "EUR/year"
    ),
    recordIndicator(
      "room_nights",
      "current",
      {en: "Room nights", zh: "间夜数"},
      "benefit",
      ["RoomNights"],
      "nights"
    ),
    recordIndicator(
      "ancillary_share",
      "current",
      {en: "Ancillary share of revenue", zh: "附加消费占比"},
      "benefit",
      ["OtherRevenue", "LodgingRevenue"],
      "share"
    ),
    recordIndicator(
      "stays",
      "potential",
      {en: "Stays", zh: "入住次数"},
      "benefit",
      ["BookingsCheckedIn"],
      "count"
    ),
    recordIndicator(
      "recency",
      "potential",
      {en: "Recency (days since last stay)", zh: "最近入住间隔（天）"},
      "cost",
      ["DaysSinceLastStay"],
      "days"
    ),
    recordIndicator(
      "tenure",
      "potential",
      {en: "Tenure (days since first stay)", zh: "关系时长（首次入住至今天数）"},
      "benefit",
      ["DaysSinceFirstStay"],
      "days"
    ),
    recordIndicator(
      "cancellation_rate",
      "cost",
      {en: "Cancellation rate", zh: "取消率"},
      "cost",
      ["BookingsCanceled", "BookingsNoShowed", "BookingsCheckedIn"],
      "share of bookings"
    ),
    recordIndicator(
      "no_show_rate",
      "cost",
      {en: "No-show rate", zh: "未到店率"},
      "cost",
      ["BookingsNoShowed", "BookingsCanceled", "BookingsCheckedIn"],
      "share of bookings"
    ),
    recordIndicator(
      "intermediated",
      "cost",
      {en: "Intermediated channel", zh: "中介渠道"},
      "cost",
      ["DistributionChannel"],
      "1 = travel agent/operator or electronic distribution"
    ),
    recordIndicator(
      "special_requests",
      "cost",
      {en: "Special requests", zh: "特殊要求数"},
      "cost",
      lisbonRequestColumns,
      "count of request flags"
    )
  ]
};

/** Illustrative AHP judgments for the Lisbon hierarchy, two experts. */
export const lisbonExperts: CaseData["experts"] = {
  ...illustrativeExperts,
  judgments: [
    judgments("goal", ["hrv"], [], []),
    judgments("hrv", ["current", "potential", "cost"], [2, 3, 2], [1, 2, 3]),
    judgments("current", ["revenue", "room_nights", "ancillary_share"], [3, 5, 2], [2, 5, 3]),
    judgments("potential", ["stays", "recency", "tenure"], [1, 3, 2], [2, 3, 1]),
    judgments(
      "cost",
      ["cancellation_rate", "no_show_rate", "intermediated", "special_requests"],
      [1 / 2, 2, 4, 3, 5, 3],
      [1, 3, 2, 2, 3, 2]
    )
  ]
};

const lisbonSource: CaseData["source"] = {
  citation:
    "Antonio, N., de Almeida, A., & Nunes, L. (2020). A hotel's customers personal, " +
    "behavioral, demographic, and geographic dataset from Lisbon, Portugal (2015–2018). " +
    "Data in Brief, 33, 106583.",
  licence: "CC BY 4.0",
  url: "https://doi.org/10.1016/j.dib.2020.106583",
  note:
    "A 20 % simple random sample without replacement (16,718 of 83,590 customers), with the " +
    "mean imputations of the sampler undone; counts and totals are about one fifth of the " +
    "hotel's. Name and document hashes are not in the sample, so repeated records of one " +
    "person cannot be merged: 131 rows (67 of them customers who stayed) equal another row in " +
    "every column but the id."
};

const lisbonIntegerColumns = [
  "DaysSinceCreation",
  "BookingsCanceled",
  "BookingsNoShowed",
  "BookingsCheckedIn",
  "RoomNights"
];
const lisbonAmountColumns = ["LodgingRevenue", "OtherRevenue"];
const lisbonDayColumns = ["DaysSinceLastStay", "DaysSinceFirstStay"];
const lisbonTextColumns = ["ID", "Nationality", "DistributionChannel", "MarketSegment"];

/** Columns the Lisbon loader needs; other columns of the file are ignored. */
export const lisbonRequiredColumns = [
  ...lisbonTextColumns,
  "Age",
  ...lisbonIntegerColumns,
  ...lisbonAmountColumns,
  ...lisbonDayColumns,
  ...lisbonRequestColumns
];

const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

class RecordCells {
  constructor(
    private file: string,
    private header: string[],
    private row: string[],
    private line: number
  ) {}

  private fail(column: string, expected: string): never {
    const value = this.row[this.header.indexOf(column)];
    throw new Error(
      `${this.file} line ${this.line}, column ${column}: "${value}" is invalid; ` +
        `expected ${expected}`
    );
  }

  text(column: string): string {
    return this.row[this.header.indexOf(column)].trim();
  }

  /** Parses a number ≥ min (an integer when `integer`), or null for an allowed empty cell. */
  number(column: string, min: number, integer: boolean, allowEmpty = false): number | null {
    const text = this.text(column);
    const expected = `${integer ? "an integer" : "a number"} ≥ ${min}`;
    if (text === "") return allowEmpty ? null : this.fail(column, expected);
    const value = Number(text);
    if (!numberPattern.test(text) || value < min || (integer && !Number.isInteger(value))) {
      this.fail(column, expected);
    }
    return value;
  }

  required(column: string, min: number, integer: boolean): number {
    return this.number(column, min, integer) as number;
  }

  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const text = this.text(column);
    if (!(allowed as readonly string[]).includes(text)) {
      this.fail(column, `one of ${allowed.map((value) => `"${value}"`).join(", ")}`);
    }
    return text as T;
  }

  nonEmpty(column: string): string {
    const text = this.text(column);
    if (text === "") this.fail(column, "a non-empty value");
    return text;
  }
}

/** One validated row of the Lisbon customer file. */
export interface LisbonRecord {
  id: string;
  nationality: string | null;
  age: number | null;
  daysSinceCreation: number;
  lodgingRevenue: number;
  otherRevenue: number;
  canceled: number;
  noShowed: number;
  checkedIn: number;
  roomNights: number;
  daysSinceLastStay: number;
  daysSinceFirstStay: number;
  channel: (typeof lisbonChannels)[number];
  segment: string;
  requests: number;
}

function readLisbonRecord(cells: RecordCells): LisbonRecord {
  const checkedIn = cells.required("BookingsCheckedIn", 0, true);
  // −1 codes "never stayed" in both day columns, so a customer with a check-in needs days ≥ 0.
  const dayMin = checkedIn > 0 ? 0 : -1;
  return {
    id: cells.nonEmpty("ID"),
    nationality: cells.text("Nationality") || null,
    age: cells.number("Age", 0, false, true),
    daysSinceCreation: cells.required("DaysSinceCreation", 0, true),
    lodgingRevenue: cells.required("LodgingRevenue", 0, false),
    otherRevenue: cells.required("OtherRevenue", 0, false),
    canceled: cells.required("BookingsCanceled", 0, true),
    noShowed: cells.required("BookingsNoShowed", 0, true),
    checkedIn,
    roomNights: cells.required("RoomNights", 0, true),
    daysSinceLastStay: cells.required("DaysSinceLastStay", dayMin, true),
    daysSinceFirstStay: cells.required("DaysSinceFirstStay", dayMin, true),
    channel: cells.oneOf("DistributionChannel", lisbonChannels),
    segment: cells.nonEmpty("MarketSegment"),
    requests: lisbonRequestColumns.reduce(
      (sum, column) => sum + Number(cells.oneOf(column, ["0", "1"])),
      0
    )
  };
}

/**
 * Parses and validates the Lisbon customer CSV (Antonio, de Almeida & Nunes 2020 layout).
 * Counts, days and revenues must be numbers ≥ 0, and counts and days must be integers. The
 * day columns may be −1, the file's "never stayed" code, only when BookingsCheckedIn is 0.
 * Age may be empty, request flags are 0 or 1, and DistributionChannel is one of
 * `lisbonChannels`.
 *
 * @param text - the decoded file content
 * @param file - the file name used in error messages
 * @throws Error naming the file, line and column of the first invalid cell, the missing
 *   required columns, or a line whose number of fields differs from the header's
 * @example
 * readLisbonRecords(text, "customers.csv")[0].id // "64031"
 */
export function readLisbonRecords(text: string, file: string): LisbonRecord[] {
  const rows = csvParseRows(text);
  if (rows.length < 2) throw new Error(`${file} has no data rows; expected a header and rows`);
  const header = rows[0].map((name) => name.trim());
  const missing = lisbonRequiredColumns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new Error(`${file} is missing required columns: ${missing.join(", ")}`);
  }

  const records: LisbonRecord[] = [];
  let line = 1;
  for (let r = 1; r < rows.length; r++) {
    line += 1 + rows[r - 1].reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
    const row = rows[r];
    if (row.length === 1 && row[0].trim() === "" && r === rows.length - 1) break;
    if (row.length !== header.length) {
      throw new Error(
        `${file} line ${line}: ${row.length} fields, but the header has ${header.length}`
      );
    }
    records.push(readLisbonRecord(new RecordCells(file, header, row, line)));
  }
  return records;
}

/**
 * Reads the Lisbon case from the bytes of its (decompressed) CSV: see `decodeUtf8` and
 * `buildLisbonCase`.
 *
 * @throws Error naming the file, line and column of the first invalid byte or cell
 */
export function readLisbonCase(bytes: Uint8Array, file: string): CaseData & {audit: Audit} {
  return buildLisbonCase(decodeUtf8(bytes, file), file);
}

/**
 * Age band of a customer: under 18, 18–24, 25–34, 35–44, 45–54, 55–64, 65+; null when the age
 * is unknown.
 *
 * @example ageBand(40) // "35–44"
 */
export function ageBand(age: number | null): string | null {
  if (age === null) return null;
  if (age < 18) return "under 18";
  if (age < 25) return "18–24";
  if (age >= 65) return "65+";
  const lower = Math.floor((age - 25) / 10) * 10 + 25;
  return `${lower}–${lower + 9}`;
}

/**
 * Indicator values of one customer in `lisbonSystem` order: revenue per year =
 * (lodging + other revenue) × 365 / max(days since creation, 365); room nights; ancillary
 * share = other / (lodging + other), 0 when both are 0; stays; days since last stay; days
 * since first stay; cancellation and no-show rates over all bookings (cancelled + no-show +
 * checked in; 0 when there are none); 1 for an intermediated channel; number of request flags.
 *
 * @example
 * lisbonIndicators({lodgingRevenue: 548, otherRevenue: 150, daysSinceCreation: 168, …})[0]
 * // 698 (the record is younger than a year, so its revenue is not scaled up)
 */
export function lisbonIndicators(record: LisbonRecord): number[] {
  const revenue = record.lodgingRevenue + record.otherRevenue;
  const bookings = record.canceled + record.noShowed + record.checkedIn;
  return [
    (revenue * 365) / Math.max(record.daysSinceCreation, 365),
    record.roomNights,
    revenue === 0 ? 0 : record.otherRevenue / revenue,
    record.checkedIn,
    record.daysSinceLastStay,
    record.daysSinceFirstStay,
    bookings === 0 ? 0 : record.canceled / bookings,
    bookings === 0 ? 0 : record.noShowed / bookings,
    record.channel === "Travel Agent/Operator" || record.channel === "Electronic Distribution"
      ? 1
      : 0,
    record.requests
  ];
}

/** Number of most frequent nationalities kept as their own profile category. */
export const topNationalities = 10;

function nationalityProfile(values: (string | null)[]): {variable: ProfileVariable; other: number} {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  const top = new Set(
    [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, topNationalities)
      .map(([code]) => code)
  );
  let other = 0;
  const mapped = values.map((value) => {
    if (value === null || top.has(value)) return value;
    other++;
    return "Other";
  });
  return {
    variable: {name: "nationality", label: {en: "Nationality", zh: "国籍"}, values: mapped},
    other
  };
}

/**
 * Builds the Lisbon case from the customer CSV: validates it (see `readLisbonRecords`), drops
 * repeated customer ids and customers who never stayed (BookingsCheckedIn = 0), computes the
 * indicators (see `lisbonIndicators`) and the profile (nationality as the 10 most frequent
 * among kept customers plus Other, channel, market segment, age band).
 *
 * @throws Error as `readLisbonRecords` does
 * @example
 * buildLisbonCase(text, "customers.csv").audit.dropped[1].reason // "never stayed"
 */
export function buildLisbonCase(text: string, file: string): CaseData & {audit: Audit} {
  const records = readLisbonRecords(text, file);
  const ids = records.map((record) => record.id);
  const neverStayed = flagRows(
    "never stayed",
    {en: "Never stayed (no check-in)", zh: "从未入住（无入住记录）"},
    records.length,
    (i) => (records[i].checkedIn === 0 ? "" : null)
  );

  const cleaned = buildAudit(file, ids, [duplicateIdRows(ids, "ID"), neverStayed]);
  const kept = cleaned.kept.map((i) => records[i]);
  const noRevenue = kept.filter((r) => r.lodgingRevenue + r.otherRevenue === 0).length;
  const ageZero = kept.filter((r) => r.age === 0).length;
  const nationality = nationalityProfile(kept.map((r) => r.nationality));
  const recoded: Recode[] = [
    {rule: "ancillary share of a customer without revenue (0 / 0) → 0", count: noRevenue},
    {rule: "Age 0 → unknown age band (not a plausible customer age)", count: ageZero},
    {
      rule: `Nationality outside the ${topNationalities} most frequent → "Other"`,
      count: nationality.other
    }
  ];

  validateIndexSystem(lisbonSystem);
  return {
    id: "lisbon",
    title: {en: "Lisbon hotel customers", zh: "里斯本酒店客户"},
    kind: "records",
    synthetic: false,
    source: lisbonSource,
    system: lisbonSystem,
    ids: kept.map((r) => r.id),
    values: kept.map(lisbonIndicators),
    profile: [
      nationality.variable,
      {
        name: "channel",
        label: {en: "Distribution channel", zh: "分销渠道"},
        values: kept.map((r) => r.channel)
      },
      {
        name: "segment",
        label: {en: "Market segment", zh: "细分市场"},
        values: kept.map((r) => r.segment)
      },
      {
        name: "age_band",
        label: {en: "Age band", zh: "年龄段"},
        values: kept.map((r) => ageBand(r.age === 0 ? null : r.age))
      }
    ],
    experts: lisbonExperts,
    audit: {...cleaned.audit, recoded}
  };
}

// ---------------------------------------------------------------------------------------
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
      judgments("goal", ["crv", "hrv"], [1], [1 / 2]),
      judgments("crv", ["functional", "service", "emotional"], [2, 3, 2], [1, 3, 2]),
      judgments("hrv", ["potential"], [], []),
      judgments("functional", ["food", "hygiene"], [1], [1 / 2]),
      judgments("service", ["staff_help"], [], []),
      judgments("emotional", ["lively", "lighting"], [3], [4]),
      judgments("potential", ["positive_talk", "recommend"], [1 / 2], [1 / 3])
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
      judgments("goal", ["crv", "hrv"], [1], [1 / 2]),
      judgments("crv", ["functional", "emotional"], [1 / 2], [1]),
      judgments("hrv", ["potential"], [], []),
      judgments("functional", ["expectations"], [], []),
      judgments("emotional", ["satisfaction"], [], []),
      judgments("potential", ["recommend"], [], [])
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
