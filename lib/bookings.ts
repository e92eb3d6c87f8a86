import type {CaseData, ExpertJudgments, ProfileVariable, Recode} from "./caseData.js";
import {decodeUtf8, lisbonExperts} from "./cases.js";
import {
  buildAudit,
  flagRows,
  incompleteRows,
  outOfRangeRows,
  type Audit,
  type RuleResult,
  type ValueRange
} from "./clean.js";
import {defaultIndexSystem, validateIndexSystem, type IndexSystem} from "./indexSystem.js";
import {readSurvey, type SurveyTable} from "./read.js";

// Hotel booking demand (Antonio, de Almeida & Nunes 2019): one row per booking of a resort
// hotel and a city hotel in Portugal, 2015–2017, hotel-received value only.

/** Path of the bookings file from the project root. */
export const bookingsFile = "data/hotel_bookings/hotel_bookings.csv.gz";

/** Columns read as text; every other column of the file is read as a number. */
export const bookingsTextColumns = [
  "hotel",
  "arrival_date_month",
  "meal",
  "country",
  "market_segment",
  "distribution_channel",
  "reserved_room_type",
  "assigned_room_type",
  "deposit_type",
  "customer_type",
  "reservation_status",
  "reservation_status_date"
];

/** Distribution channels of the file. "Undefined" is dropped by the "unknown channel" rule. */
export const bookingsChannels = ["Direct", "Corporate", "TA/TO", "GDS", "Undefined"] as const;

/** Channels through a travel agent, tour operator or global distribution system. */
export const intermediatedChannels: readonly string[] = ["TA/TO", "GDS"];

const count: ValueRange = {min: 0, max: Infinity};
const flag: ValueRange = {min: 0, max: 1};

/**
 * Allowed values of the numeric columns the case uses. A value outside them is an error in
 * the file, not a cleaning drop: the cleaning rules work on values that are valid but unfit.
 */
export const bookingsRanges: Record<string, ValueRange> = {
  is_canceled: flag,
  is_repeated_guest: flag,
  arrival_date_year: {min: 1900, max: 2100},
  stays_in_weekend_nights: count,
  stays_in_week_nights: count,
  adults: count,
  children: count,
  babies: count,
  previous_cancellations: count,
  total_of_special_requests: count,
  adr: {min: -Infinity, max: Infinity, integer: false}
};

/** Numeric columns that may hold a missing-value code: "NA" children, "NULL" agent, company. */
export const bookingsOptionalColumns = ["children", "agent", "company"];

/**
 * Highest plausible average daily rate (EUR). The file's rates end at 451.50, 508 and 510,
 * then one booking at 5,400, ten times the next, which the cleaning drops.
 */
export const maxPlausibleRate = 1000;

/**
 * Index system of the bookings: the three hotel-received dimensions.
 * - current value: revenue of the booking;
 * - potential value: what the booking shows about the guest's future with the hotel, a
 *   repeat guest (benefit) and the guest's earlier cancellations (cost);
 * - relationship cost: this booking's cancellation, its special requests (cost to serve)
 *   and an intermediated channel (commission).
 */
export const bookingsSystem: IndexSystem = {
  id: "bookings",
  label: {en: "Hotel-received value from bookings", zh: "基于预订记录的酒店获得价值"},
  dimensions: defaultIndexSystem.dimensions.filter((dimension) =>
    ["current", "potential", "cost"].includes(dimension.id)
  ),
  indicators: [
    {
      id: "revenue",
      dimension: "current",
      label: {en: "Booking revenue", zh: "预订收入"},
      direction: "benefit",
      items: ["adr", "stays_in_weekend_nights", "stays_in_week_nights"],
      unit: "EUR, rounded to cents"
    },
    {
      id: "repeated_guest",
      dimension: "potential",
      label: {en: "Repeat guest", zh: "回头客"},
      direction: "benefit",
      items: ["is_repeated_guest"],
      unit: "1 = the guest stayed before"
    },
    {
      id: "previous_cancellations",
      dimension: "potential",
      label: {en: "Previous cancellations", zh: "既往取消次数"},
      direction: "cost",
      items: ["previous_cancellations"],
      unit: "count"
    },
    {
      id: "canceled",
      dimension: "cost",
      label: {en: "Booking canceled", zh: "预订被取消"},
      direction: "cost",
      items: ["is_canceled"],
      unit: "1 = canceled"
    },
    {
      id: "special_requests",
      dimension: "cost",
      label: {en: "Special requests", zh: "特殊要求数"},
      direction: "cost",
      items: ["total_of_special_requests"],
      unit: "count"
    },
    {
      id: "intermediated",
      dimension: "cost",
      label: {en: "Intermediated channel", zh: "中介渠道"},
      direction: "cost",
      items: ["distribution_channel"],
      unit: "1 = travel agent/operator (TA/TO) or GDS"
    }
  ]
};

/** Reciprocal matrices of 1, 2 and 3 elements from their upper triangles. */
function reciprocal(upper: number[]): number[][] {
  if (upper.length === 0) return [[1]];
  if (upper.length === 1) return [
    [1, upper[0]],
    [1 / upper[0], 1]
  ];
  const [a, b, c] = upper;
  return [
    [1, a, b],
    [1 / a, 1, c],
    [1 / b, 1 / c, 1]
  ];
}

function node(id: string, order: string[], ...uppers: number[][]): ExpertJudgments {
  return {node: id, order, matrices: uppers.map(reciprocal)};
}

/**
 * Illustrative AHP judgments for the bookings hierarchy, two experts (the same illustrative
 * experts and note as the Lisbon case). Both put current value first, and both judge a
 * canceled booking the heaviest cost.
 */
export const bookingsExperts: CaseData["experts"] = {
  names: lisbonExperts.names,
  note: lisbonExperts.note,
  judgments: [
    node("goal", ["hrv"], [], []),
    node("hrv", ["current", "potential", "cost"], [2, 3, 2], [3, 2, 1]),
    node("current", ["revenue"], [], []),
    node("potential", ["repeated_guest", "previous_cancellations"], [2], [3]),
    node("cost", ["canceled", "special_requests", "intermediated"], [5, 3, 1 / 2], [4, 2, 1 / 2])
  ]
};

const bookingsSource: CaseData["source"] = {
  citation:
    "Antonio, N., de Almeida, A., & Nunes, L. (2019). Hotel booking demand datasets. " +
    "Data in Brief, 22, 41–49.",
  licence: "CC BY 4.0",
  url: "https://doi.org/10.1016/j.dib.2018.11.126",
  note:
    "Bookings of a resort hotel (Algarve) and a city hotel (Lisbon) with arrivals from July " +
    "2015 to August 2017, in the merged file that stacks the two and adds the hotel column. " +
    "A row is a booking, not a customer: the file has no booking or guest id, so each row " +
    "is identified by its line number, and repeat business shows only through the repeat-" +
    "guest flag and the counts of earlier bookings. 31,994 rows equal an earlier row in " +
    "every column; they are kept, because group bookings of identical rooms look the same."
};

function columnIndex(table: SurveyTable, column: string): number {
  return table.columns.indexOf(column);
}

/**
 * Reads and validates the bookings CSV (the merged layout of Antonio, de Almeida & Nunes
 * 2019, 32 columns). Cells "NULL" and "NA" are missing values; only `children`, `agent`
 * and `company` may be missing among the numeric columns. Flags and counts must be integers
 * in `bookingsRanges`, `adr` a number, `distribution_channel` one of `bookingsChannels`.
 *
 * @param bytes - the decompressed file content
 * @param file - the file name used in error messages
 * @throws Error naming the file, line and column of the first invalid byte or cell, the
 *   missing required columns, or a line whose number of fields differs from the header's
 * @example
 * readBookings(bytes, "hotel_bookings.csv").values.length // 119390
 */
export function readBookings(bytes: Uint8Array, file: string): SurveyTable {
  decodeUtf8(bytes, file);
  const table = readSurvey(bytes, {
    file,
    delimiter: ",",
    decimalSeparator: ".",
    textColumns: bookingsTextColumns
  });
  if (table.problems.length > 0) {
    const first = table.problems.slice(0, 5).map((problem) => problem.message);
    const more = table.problems.length > 5 ? `; and ${table.problems.length - 5} more` : "";
    throw new Error(`${file} has unreadable cells: ${first.join("; ")}${more}`);
  }
  const required = Object.keys(bookingsRanges);
  const absent = required.filter((column) => columnIndex(table, column) < 0);
  if (absent.length > 0) {
    throw new Error(`${file} is missing required columns: ${absent.join(", ")}`);
  }

  const complete = required.filter((column) => !bookingsOptionalColumns.includes(column));
  for (const result of [incompleteRows(table, complete), outOfRangeRows(table, bookingsRanges)]) {
    if (result.rows.length === 0) continue;
    const i = result.rows[0];
    throw new Error(`${file} line ${table.lines[i]}: ${result.details[0]}`);
  }
  const channels = table.text.distribution_channel;
  const unknown = channels.findIndex(
    (channel) => channel !== null && !(bookingsChannels as readonly string[]).includes(channel)
  );
  if (unknown >= 0) {
    throw new Error(
      `${file} line ${table.lines[unknown]}, column distribution_channel: ` +
        `"${channels[unknown]}" is invalid; expected one of ${bookingsChannels.join(", ")}`
    );
  }
  return table;
}

/** Numeric column `name` of a validated bookings table, missing values as null. */
function column(table: SurveyTable, name: string): (number | null)[] {
  const j = columnIndex(table, name);
  return table.values.map((row) => row[j]);
}

/**
 * Builds the cleaning rules of the bookings, in the order they are applied. They flag a
 * negative rate, a rate above `maxPlausibleRate`, a stay of zero nights, a booking with no
 * guests, and a channel that is "Undefined" or missing. A missing children count reads as 0.
 */
export function bookingsRules(table: SurveyTable): RuleResult[] {
  const n = table.values.length;
  const adr = column(table, "adr") as number[];
  const weekend = column(table, "stays_in_weekend_nights") as number[];
  const week = column(table, "stays_in_week_nights") as number[];
  const adults = column(table, "adults") as number[];
  const children = column(table, "children");
  const babies = column(table, "babies") as number[];
  const channels = table.text.distribution_channel;

  return [
    flagRows("negative rate", {en: "Negative daily rate", zh: "日均房价为负"}, n, (i) =>
      adr[i] < 0 ? `adr = ${adr[i]}` : null
    ),
    flagRows(
      "implausible rate",
      {
        en: `Daily rate above ${maxPlausibleRate} EUR`,
        zh: `日均房价高于 ${maxPlausibleRate} 欧元`
      },
      n,
      (i) => (adr[i] > maxPlausibleRate ? `adr = ${adr[i]}` : null)
    ),
    flagRows("no nights", {en: "Stay of zero nights", zh: "入住零晚"}, n, (i) =>
      weekend[i] + week[i] === 0 ? "" : null
    ),
    flagRows("no guests", {en: "No adults, children or babies", zh: "无入住客人"}, n, (i) =>
      adults[i] + (children[i] ?? 0) + babies[i] === 0 ? "" : null
    ),
    flagRows(
      "unknown channel",
      {en: "Distribution channel undefined", zh: "分销渠道未定义"},
      n,
      (i) => (channels[i] === null || channels[i] === "Undefined" ? `${channels[i]}` : null)
    )
  ];
}

/** Revenue of a booking in EUR, adr × nights, rounded to cents. */
export function bookingRevenue(adr: number, nights: number): number {
  return Math.round(adr * nights * 100) / 100;
}

function missingCodes(table: SurveyTable): Recode[] {
  const rules: [string, string][] = [
    ["children", '"NA" children → missing (read as 0 by the no-guests rule)'],
    ["agent", '"NULL" agent → missing (booked without a travel agent)'],
    ["company", '"NULL" company → missing (no company paid)']
  ];
  const recoded = rules.map(([name, rule]) => ({
    rule,
    count: table.missing[columnIndex(table, name)] ?? 0
  }));
  const country = table.text.country ?? [];
  recoded.push({
    rule: '"NULL" country → missing',
    count: country.filter((value) => value === null).length
  });
  return recoded;
}

/**
 * Builds the bookings case from a validated table (see `readBookings`): applies
 * `bookingsRules` with an audit, computes the six indicators in `bookingsSystem` order
 * (revenue = adr × (weekend + week nights) rounded to cents, repeat guest, previous
 * cancellations, canceled, special requests, 1 for a TA/TO or GDS channel) and the profile
 * (hotel, market segment, customer type, deposit type, arrival year). Ids are the line
 * numbers of the bookings in the file, the header being line 1.
 *
 * @example
 * buildBookingsCase(readBookings(bytes, file)).audit.keptRows // 118558 for the real file
 */
export function buildBookingsCase(table: SurveyTable): CaseData & {audit: Audit} {
  validateIndexSystem(bookingsSystem);
  const lineIds = table.lines.map(String);
  const {audit, kept} = buildAudit(
    table.file,
    lineIds,
    bookingsRules(table),
    missingCodes(table)
  );

  const adr = column(table, "adr") as number[];
  const weekend = column(table, "stays_in_weekend_nights") as number[];
  const week = column(table, "stays_in_week_nights") as number[];
  const repeated = column(table, "is_repeated_guest") as number[];
  const previous = column(table, "previous_cancellations") as number[];
  const canceled = column(table, "is_canceled") as number[];
  const requests = column(table, "total_of_special_requests") as number[];
  const channels = table.text.distribution_channel;
  const values = kept.map((i) => [
    bookingRevenue(adr[i], weekend[i] + week[i]),
    repeated[i],
    previous[i],
    canceled[i],
    requests[i],
    intermediatedChannels.includes(channels[i] as string) ? 1 : 0
  ]);

  const year = column(table, "arrival_date_year");
  const text = (name: string) => kept.map((i) => table.text[name][i]);
  const variable = (name: string, en: string, zh: string, values: (string | null)[]) => ({
    name,
    label: {en, zh},
    values
  });
  const profile: ProfileVariable[] = [
    variable("hotel", "Hotel", "酒店", text("hotel")),
    variable("segment", "Market segment", "细分市场", text("market_segment")),
    variable("customer_type", "Customer type", "客户类型", text("customer_type")),
    variable("deposit", "Deposit type", "押金类型", text("deposit_type")),
    variable("arrival_year", "Arrival year", "抵达年份", kept.map((i) => String(year[i])))
  ];

  return {
    id: "bookings",
    title: {en: "Hotel bookings", zh: "酒店预订"},
    kind: "records",
    synthetic: false,
    source: bookingsSource,
    system: bookingsSystem,
    ids: kept.map((i) => lineIds[i]),
    values,
    profile,
    experts: bookingsExperts,
    audit
  };
}

/**
 * Reads the bookings case from the bytes of its decompressed CSV: see `readBookings` and
 * `buildBookingsCase`.
 *
 * @throws Error naming the file, line and column of the first invalid byte or cell
 */
export function readBookingsCase(bytes: Uint8Array, file: string): CaseData & {audit: Audit} {
  return buildBookingsCase(readBookings(bytes, file));
}
