import type {CaseData, Recode} from "./caseData.js";
import {cruiseCase, touristCase, type SurveyProfileColumn} from "./cases.js";
import {checkAudit, defaultStraightLiningMinItems, type AttentionCheck} from "./clean.js";
import {teachingAttentionCheck} from "./synthetic.js";
import type {Label} from "./types.js";

/** The settings of the cleaning rules of one case, as its loader applies them. */
export interface CleaningSettings {
  /** Answer scale of the survey items, or null for records. */
  scale: [number, number] | null;
  /** Id column of the file, or null when rows are identified by their line number. */
  idColumn: string | null;
  attentionCheck: AttentionCheck | null;
  /** Items checked for straight-lining (null: every scored item) and the minimum answered. */
  straightLining: {items: string[] | null; minItems: number} | null;
  /** Profile columns whose codes are range-checked with the items. */
  profileRanges: {column: string; min: number; max: number}[];
}

const profileRanges = (profile: SurveyProfileColumn[]) =>
  profile.map(({column, range}) => ({column, min: range.min, max: range.max}));

/**
 * Cleaning settings of the report's cases, from the definitions the loaders use. The
 * teaching case runs the survey rules with the attention check AC1 and straight-lining over
 * every item at the default minimum.
 */
export const cleaningSettings: Record<string, CleaningSettings> = {
  cruise: {
    scale: cruiseCase.scale,
    idColumn: cruiseCase.idColumn,
    attentionCheck: cruiseCase.attentionCheck,
    straightLining: cruiseCase.straightLining,
    profileRanges: profileRanges(cruiseCase.profile)
  },
  tourists: {
    scale: touristCase.scale,
    idColumn: touristCase.idColumn,
    attentionCheck: touristCase.attentionCheck,
    straightLining: touristCase.straightLining,
    profileRanges: profileRanges(touristCase.profile)
  },
  teaching: {
    scale: [1, 5],
    idColumn: "id",
    attentionCheck: {item: teachingAttentionCheck.item, pass: teachingAttentionCheck.pass},
    straightLining: {items: null, minItems: defaultStraightLiningMinItems},
    profileRanges: []
  },
  lisbon: {
    scale: null,
    idColumn: "ID",
    attentionCheck: null,
    straightLining: null,
    profileRanges: []
  }
};

/** One cleaning rule of a case with its settings and what it did. */
export interface CleaningRule {
  /** Position in the order the rules ran (1 = first). */
  order: number;
  reason: string;
  label: Label;
  /** The rule's settings in words, e.g. "AC1 must be 4". */
  parameters: string;
  /** Rows the rule flagged, including rows an earlier rule already dropped. */
  flagged: number;
  /** Rows dropped for this reason (flagged rows that no earlier rule dropped). */
  dropped: number;
  note: string | null;
}

/** The cleaning of one case: every rule, the recodings and the row balance. */
export interface CleaningReport {
  rules: CleaningRule[];
  recoded: Recode[];
  /** Reverse-worded items per indicator, recoded as min + max − x before scoring. */
  reverse: {indicator: string; label: Label; items: string[]}[];
  rawRows: number;
  keptRows: number;
  droppedRows: number;
  /** True when raw = kept + Σ dropped and every dropped row is listed once. */
  balanced: boolean;
  /** "raw = kept + dropped" or the message of the failed check. */
  balanceMessage: string;
}

function ruleParameters(
  reason: string,
  settings: CleaningSettings | undefined,
  data: CaseData
): string {
  const scored = data.items?.columns.length ?? 0;
  switch (reason) {
    case "out-of-range": {
      if (!settings?.scale) return "answers must lie on their item's scale";
      const [min, max] = settings.scale;
      const profile = settings.profileRanges.map(
        (range) => `${range.column} ${range.min}–${range.max}`
      );
      return (
        `items: integers ${min}–${max}` +
        (profile.length > 0 ? `; profile codes: ${profile.join(", ")}` : "")
      );
    }
    case "duplicate id":
      if (settings === undefined) return "an id repeated after its first row";
      return settings.idColumn === null
        ? "no id column, so rows are identified by their line number"
        : `id column ${settings.idColumn}: every repeat after the first row is dropped`;
    case "failed attention check": {
      const check = settings?.attentionCheck;
      if (settings === undefined) return "the attention-check item must get its passing answer";
      return check ? `${check.item} must be ${check.pass.join(" or ")}` : "no attention-check item";
    }
    case "straight-lining": {
      const rule = settings?.straightLining;
      if (!rule) return "the same answer to every answered item";
      const items = rule.items?.length ?? scored;
      return (
        `the same answer to all of at least ${rule.minItems} answered items, ` +
        `over ${items} items`
      );
    }
    case "incomplete":
      return `every one of the ${scored} scored items answered (listwise)`;
    case "never stayed":
      return "BookingsCheckedIn = 0";
    default:
      return "";
  }
}

/**
 * Describes how a case was cleaned: each rule in the order it ran, with its settings (from
 * `cleaningSettings` for the report's cases, generic words for others), the rows it flagged
 * and dropped; the recodings; the reverse-worded items of the index system; and whether the
 * audit balances (raw = kept + Σ dropped, see `checkAudit`).
 *
 * @example
 * cleaningReport(teaching).rules[2] // {reason: "failed attention check",
 * //   parameters: "AC1 must be 4", flagged: 20, dropped: 20, …}
 */
export function cleaningReport(data: CaseData): CleaningReport {
  const settings = cleaningSettings[data.id];
  const {audit} = data;
  let balanced = true;
  let balanceMessage = "raw = kept + dropped";
  try {
    checkAudit(audit);
  } catch (error) {
    balanced = false;
    balanceMessage = (error as Error).message;
  }

  const rules = audit.dropped.map((drop, k) => {
    const extra = drop as {flagged?: number; note?: string};
    return {
      order: k + 1,
      reason: drop.reason,
      label: drop.label,
      parameters: ruleParameters(drop.reason, settings, data),
      flagged: extra.flagged ?? drop.count,
      dropped: drop.count,
      note: extra.note ?? null
    };
  });
  const reverse = data.system.indicators
    .filter((indicator) => (indicator.reverse?.length ?? 0) > 0)
    .map((indicator) => ({
      indicator: indicator.id,
      label: indicator.label,
      items: indicator.reverse as string[]
    }));
  return {
    rules,
    recoded: audit.recoded,
    reverse,
    rawRows: audit.rawRows,
    keptRows: audit.keptRows,
    droppedRows: audit.dropped.reduce((sum, drop) => sum + drop.count, 0),
    balanced,
    balanceMessage
  };
}

/** One dropped row of a cleaning audit. */
export interface DroppedRow {
  /** Id, "id (row N)" for a repeated id, or "line N" when the file has no id column. */
  row: string;
  reason: string;
  label: Label;
  /** The rule's finding in the row, e.g. "missing F3", or empty when the rule gives none. */
  detail: string;
}

/**
 * Lists every dropped row of a case's audit with its reason and detail, in rule order.
 *
 * @example
 * droppedRows(teaching.audit)[0] // {row: "T0091", reason: "out-of-range",
 * //   detail: "P4 = 0, expected an integer from 1 to 5", …}
 */
export function droppedRows(audit: CaseData["audit"]): DroppedRow[] {
  return audit.dropped.flatMap((drop) => {
    const details = (drop as {details?: string[]}).details;
    return drop.rows.map((row, k) => ({
      row,
      reason: drop.reason,
      label: drop.label,
      detail: details?.[k] ?? ""
    }));
  });
}
