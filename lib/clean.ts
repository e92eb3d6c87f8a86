import type {CleaningAudit, DroppedRows, Recode} from "./caseData.js";
import type {Label} from "./types.js";
import {quoteText, shortenText} from "./quote.js";

/**
 * Survey responses as read from one file: an id and a row of cells per respondent, `null` for
 * a missing answer. Ids come from the respondent id column, or are the rows' line numbers
 * ("line N") when the file has none.
 */
export interface ResponseTable {
  file: string;
  ids: string[];
  columns: string[];
  values: (number | null)[][];
}

/**
 * Rows that one cleaning rule flags: 0-based row indexes, with the reason for each row in
 * `details` (same order). `note` explains a rule that could not flag anything here.
 */
export interface RuleResult {
  reason: string;
  label: Label;
  rows: number[];
  details: string[];
  note?: string;
}

/**
 * Rows dropped for one reason. `flagged` counts every row the rule flagged, including rows
 * that an earlier rule already dropped, so `flagged − count` is the overlap with earlier rules.
 */
export interface AuditDrop extends DroppedRows {
  flagged: number;
  details?: string[];
  note?: string;
}

/** A cleaning audit whose drops carry the rule details. */
export interface Audit extends CleaningAudit {
  dropped: AuditDrop[];
}

/** Allowed values of one column: a closed range, integers only unless `integer` is false. */
export interface ValueRange {
  min: number;
  max: number;
  integer?: boolean;
}

/** Default minimum number of non-missing items for the straight-lining rule to flag a row. */
export const defaultStraightLiningMinItems = 5;

/** An attention-check item and the values that pass it. */
export interface AttentionCheck {
  item: string;
  pass: number[];
}

function columnIndexes(table: ResponseTable, items: string[]): number[] {
  return items.map((item) => {
    const j = table.columns.indexOf(item);
    if (j < 0) {
      throw new Error(
        `${table.file} has no column ${quoteText(item)}; its columns are ` +
          table.columns.map((column) => shortenText(column)).join(", ")
      );
    }
    return j;
  });
}

/**
 * Builds a rule result from a test run on every row: `test(i)` returns why row `i` is
 * flagged, or null when it passes. Used for rules specific to one case, such as
 * "never stayed" on stay records.
 *
 * @example
 * flagRows("never stayed", {en: "Never stayed", zh: "从未入住"}, 3, (i) => i === 1 ? "" : null)
 * // {reason: "never stayed", label: …, rows: [1], details: [""]}
 */
export function flagRows(
  reason: string,
  label: Label,
  rowCount: number,
  test: (row: number) => string | null
): RuleResult {
  const rows: number[] = [];
  const details: string[] = [];
  for (let i = 0; i < rowCount; i++) {
    const detail = test(i);
    if (detail === null) continue;
    rows.push(i);
    details.push(detail);
  }
  return {reason, label, rows, details};
}

/**
 * Flags respondents who left any of `items` unanswered (listwise deletion). The detail names
 * the missing items. Throws when an item is not a column of the table.
 *
 * @example
 * incompleteRows({file: "s.csv", ids: ["2", "3"], columns: ["Q1", "Q2"],
 *   values: [[1, null], [2, 3]]}, ["Q1", "Q2"]).rows // [0]
 */
export function incompleteRows(table: ResponseTable, items: string[]): RuleResult {
  const indexes = columnIndexes(table, items);
  return flagRows(
    "incomplete",
    {en: "Incomplete (an item unanswered)", zh: "作答不完整（有题项未作答）"},
    table.values.length,
    (i) => {
      const missing = indexes.filter((j) => table.values[i][j] === null);
      return missing.length === 0
        ? null
        : `missing ${missing.map((j) => table.columns[j]).join(", ")}`;
    }
  );
}

/**
 * Flags straight-lining: a respondent who answered at least `minItems` of `items` and gave
 * the same answer to all of them. Unanswered items are ignored, so a row with fewer than
 * `minItems` answers is never flagged. When the battery itself has fewer than `minItems`
 * items, the rule cannot flag anything and `note` explains why. Throws when an item is not a
 * column, or when `minItems` is not an integer ≥ 2.
 *
 * @example
 * straightLiningRows({file: "s.csv", ids: ["2", "3"], columns: ["A", "B", "C"],
 *   values: [[4, 4, 4], [4, 5, 4]]}, ["A", "B", "C"], 3).rows // [0]
 */
export function straightLiningRows(
  table: ResponseTable,
  items: string[],
  minItems = defaultStraightLiningMinItems
): RuleResult {
  if (!Number.isInteger(minItems) || minItems < 2) {
    throw new Error(`straight-lining needs minItems to be an integer ≥ 2; got ${minItems}`);
  }
  const indexes = columnIndexes(table, items);

  const result = flagRows(
    "straight-lining",
    {
      en: `Straight-lining (the same answer to all of ≥ ${minItems} answered items)`,
      zh: `直线作答（至少 ${minItems} 个已答题项全部相同）`
    },
    table.values.length,
    (i) => {
      const answers = indexes
        .map((j) => table.values[i][j])
        .filter((value): value is number => value !== null);
      if (answers.length < minItems || answers.some((value) => value !== answers[0])) return null;
      return `all ${answers.length} answered items = ${answers[0]}`;
    }
  );
  if (items.length < minItems) {
    result.note =
      `the battery has ${items.length} items, fewer than the ${minItems} the rule needs, ` +
      "so no row can be flagged";
  }
  return result;
}

function describeRange(range: ValueRange): string {
  return range.integer === false
    ? `${range.min}–${range.max}`
    : `an integer from ${range.min} to ${range.max}`;
}

/**
 * Flags respondents with an answer outside its column's allowed range (or not an integer,
 * unless the range allows fractions). Missing answers are not out of range. The detail names
 * each offending column and value. Throws when a column is not in the table or a range has
 * min > max.
 *
 * @example
 * outOfRangeRows({file: "s.csv", ids: ["2", "3"], columns: ["Q1"], values: [[6], [5]]},
 *   {Q1: {min: 1, max: 5}}).details // ["Q1 = 6, expected an integer from 1 to 5"]
 */
export function outOfRangeRows(
  table: ResponseTable,
  ranges: Record<string, ValueRange>
): RuleResult {
  const names = Object.keys(ranges);
  const indexes = columnIndexes(table, names);
  for (const name of names) {
    if (!(ranges[name].min <= ranges[name].max)) {
      throw new Error(
        `range of column "${name}" has min ${ranges[name].min} > max ${ranges[name].max}`
      );
    }
  }

  return flagRows(
    "out-of-range",
    {en: "Answer outside the scale", zh: "作答超出量表范围"},
    table.values.length,
    (i) => {
      const problems: string[] = [];
      indexes.forEach((j, k) => {
        const value = table.values[i][j];
        const range = ranges[names[k]];
        if (value === null) return;
        const fits =
          value >= range.min &&
          value <= range.max &&
          (range.integer === false || Number.isInteger(value));
        if (!fits) problems.push(`${names[k]} = ${value}, expected ${describeRange(range)}`);
      });
      return problems.length === 0 ? null : problems.join("; ");
    }
  );
}

/**
 * Flags every repeat of an id after its first occurrence. The detail points to the first row
 * with that id. When `idColumn` is null, the ids are line numbers, which cannot repeat, and
 * `note` states this.
 *
 * @example
 * duplicateIdRows(["7", "8", "7"], "id").details // ["same id 7 as row 1"]
 */
export function duplicateIdRows(ids: string[], idColumn: string | null): RuleResult {
  const first = new Map<string, number>();
  const result = flagRows(
    "duplicate id",
    {en: "Duplicate id", zh: "编号重复"},
    ids.length,
    (i) => {
      const seen = first.get(ids[i]);
      if (seen === undefined) {
        first.set(ids[i], i);
        return null;
      }
      return `same id ${shortenText(ids[i])} as row ${seen + 1}`;
    }
  );
  if (idColumn === null) {
    result.note = "the file has no id column; ids are line numbers, which are unique";
  }
  return result;
}

/**
 * Flags respondents whose answer to the attention-check item is not one of the passing
 * values. A missing answer fails too, because the respondent did not show attention. When
 * `check` is null (the questionnaire has no such item), nothing is flagged and `note` states
 * this.
 * Throws when the item is not a column.
 *
 * @example
 * attentionCheckRows({file: "s.csv", ids: ["2", "3"], columns: ["AC"], values: [[2], [4]]},
 *   {item: "AC", pass: [2]}).rows // [1]
 */
export function attentionCheckRows(
  table: ResponseTable,
  check: AttentionCheck | null
): RuleResult {
  const label = {en: "Failed attention check", zh: "未通过注意力检测题"};
  if (check === null) {
    return {
      reason: "failed attention check",
      label,
      rows: [],
      details: [],
      note: "the questionnaire has no attention-check item"
    };
  }
  const [j] = columnIndexes(table, [check.item]);

  return flagRows("failed attention check", label, table.values.length, (i) => {
    const value = table.values[i][j];
    if (value !== null && check.pass.includes(value)) return null;
    const answer = value === null ? "no answer" : `answer ${value}`;
    return `${check.item}: ${answer}, expected ${check.pass.join(" or ")}`;
  });
}

/**
 * Checks the audit invariant and throws naming the first violation: raw rows = kept rows
 * + Σ dropped counts, each count equals its number of listed rows, and no row is dropped
 * twice.
 *
 * @example
 * checkAudit({file: "s.csv", rawRows: 3, keptRows: 2, recoded: [],
 *   dropped: [{reason: "incomplete", label, count: 1, rows: ["4"]}]}) // passes
 */
export function checkAudit(audit: CleaningAudit): void {
  const total = audit.keptRows + audit.dropped.reduce((sum, drop) => sum + drop.count, 0);
  if (total !== audit.rawRows) {
    throw new Error(
      `cleaning audit of ${audit.file}: ${audit.rawRows} raw rows but ${audit.keptRows} kept ` +
        `+ ${total - audit.keptRows} dropped = ${total}`
    );
  }
  const seen = new Set<string>();
  for (const drop of audit.dropped) {
    if (drop.count !== drop.rows.length) {
      throw new Error(
        `cleaning audit of ${audit.file}: "${drop.reason}" counts ` +
          `${drop.count} ${drop.count === 1 ? "row" : "rows"} ` +
          `but lists ${drop.rows.length}`
      );
    }
    for (const row of drop.rows) {
      if (seen.has(row)) {
        throw new Error(`cleaning audit of ${audit.file}: row ${row} is dropped twice`);
      }
      seen.add(row);
    }
  }
}

/**
 * Applies cleaning rules in the given order and builds the audit. A row flagged by several
 * rules is dropped for the first of them only. Every rule appears in the audit, even when it
 * drops no row. The audit lists a dropped row by its id, or by "id (row N)" with N the 1-based
 * data row when the id occurs more than once. Returns the audit, the 0-based indexes of the
 * kept rows in file order, and for every row the reason it was dropped for (null if kept).
 * Throws when a rule returns a row index outside 0…ids.length − 1 or the same row twice,
 * when two rules share a reason, and when the finished audit breaks the invariant
 * raw = kept + Σ dropped (see `checkAudit`).
 *
 * @example
 * buildAudit("s.csv", ["2", "3", "4"], [incompleteRows(table, ["Q1"])]).kept // [1, 2]
 */
export function buildAudit(
  file: string,
  ids: string[],
  rules: RuleResult[],
  recoded: Recode[] = []
): {audit: Audit; kept: number[]; reasons: (string | null)[]} {
  const idCounts = new Map<string, number>();
  for (const id of ids) idCounts.set(id, (idCounts.get(id) ?? 0) + 1);
  const rowName = (i: number) => (idCounts.get(ids[i]) === 1 ? ids[i] : `${ids[i]} (row ${i + 1})`);
  const droppedBy = new Array<number>(ids.length).fill(-1);
  const seenReasons = new Set<string>();
  const dropped: AuditDrop[] = rules.map((rule, r) => {
    if (seenReasons.has(rule.reason)) {
      throw new Error(`two cleaning rules share reason "${rule.reason}"`);
    }
    seenReasons.add(rule.reason);

    const rows: string[] = [];
    const details: string[] = [];
    const flagged = new Set<number>();
    rule.rows.forEach((i, k) => {
      if (!Number.isInteger(i) || i < 0 || i >= ids.length) {
        throw new Error(`rule "${rule.reason}" flags row ${i}, outside 0…${ids.length - 1}`);
      }
      if (flagged.has(i)) throw new Error(`rule "${rule.reason}" flags row ${i} twice`);
      flagged.add(i);
      if (droppedBy[i] >= 0) return;
      droppedBy[i] = r;
      rows.push(rowName(i));
      details.push(rule.details[k] ?? "");
    });
    const drop: AuditDrop = {
      reason: rule.reason,
      label: rule.label,
      count: rows.length,
      rows,
      flagged: rule.rows.length
    };
    if (details.some((detail) => detail !== "")) drop.details = details;
    if (rule.note !== undefined) drop.note = rule.note;
    return drop;
  });

  const kept = droppedBy.flatMap((r, i) => (r < 0 ? [i] : []));
  const audit: Audit = {file, rawRows: ids.length, keptRows: kept.length, dropped, recoded};
  checkAudit(audit);
  const reasons = droppedBy.map((r) => (r < 0 ? null : rules[r].reason));
  return {audit, kept, reasons};
}

/**
 * Summarises an audit in one line for logs: rows read, kept and dropped, with the count of
 * every reason.
 *
 * @example
 * auditSummary(audit) // "s.csv: 3 rows read, 2 kept, 1 dropped (incomplete 1, duplicate id 0)"
 */
export function auditSummary(audit: CleaningAudit): string {
  const dropped = audit.rawRows - audit.keptRows;
  const reasons = audit.dropped.map((drop) => `${drop.reason} ${drop.count}`).join(", ");
  const rows = audit.rawRows === 1 ? "row" : "rows";
  return (
    `${audit.file}: ${audit.rawRows} ${rows} read, ${audit.keptRows} kept, ${dropped} dropped` +
    (reasons === "" ? "" : ` (${reasons})`)
  );
}
