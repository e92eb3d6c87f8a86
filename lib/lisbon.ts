import {csvParseRows} from "d3-dsv";
import type {CaseData, ProfileVariable, Recode} from "./caseData.js";
import {
  decodeUtf8,
  dimensionsOf,
  illustrativeExperts,
  recordIndicator,
  upperTriangleJudgments
} from "./caseBuilding.js";
import {buildAudit, duplicateIdRows, flagRows, type Audit} from "./clean.js";
import {validateIndexSystem, type IndexSystem, type Indicator} from "./indexSystem.js";

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
    upperTriangleJudgments("goal", ["hrv"], [], []),
    upperTriangleJudgments("hrv", ["current", "potential", "cost"], [2, 3, 2], [1, 2, 3]),
    upperTriangleJudgments("current", ["revenue", "room_nights", "ancillary_share"], [3, 5, 2], [2, 5, 3]),
    upperTriangleJudgments("potential", ["stays", "recency", "tenure"], [1, 3, 2], [2, 3, 1]),
    upperTriangleJudgments(
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
