import type {IndexSystem} from "./indexSystem.js";
import type {Label} from "./types.js";

/** Rows removed for one reason during cleaning. `rows` holds ids or 1-based line numbers. */
export interface DroppedRows {
  reason: string;
  label: Label;
  count: number;
  rows: string[];
}

/** Cells changed by one recoding rule, e.g. "Stata missing code → empty". */
export interface Recode {
  rule: string;
  count: number;
}

/** What cleaning did to one raw file. Invariant: rawRows = keptRows + Σ dropped.count. */
export interface CleaningAudit {
  file: string;
  rawRows: number;
  keptRows: number;
  dropped: DroppedRows[];
  recoded: Recode[];
}

/** Item-level survey answers of the kept rows; `null` is a missing answer. */
export interface ItemTable {
  columns: string[];
  labels: Label[];
  scale: [number, number];
  values: (number | null)[][];
}

/** A categorical profile variable of the kept rows (gender, channel, …). */
export interface ProfileVariable {
  name: string;
  label: Label;
  values: (string | null)[];
}

/**
 * Pairwise comparison matrices for one node of the hierarchy, one matrix per expert.
 * `node` is "goal" (comparing the sides), a side id (comparing its dimensions) or a
 * dimension id (comparing its indicators); `order` lists the compared elements.
 */
export interface ExpertJudgments {
  node: string;
  order: string[];
  matrices: number[][][];
}

/** One case of the report, as a loader emits it. */
export interface CaseData {
  id: string;
  title: Label;
  kind: "survey" | "records";
  synthetic: boolean;
  source: {citation: string; licence: string; url?: string; note?: string};
  system: IndexSystem;
  ids: string[];
  values: number[][];
  items?: ItemTable;
  profile: ProfileVariable[];
  experts: {names: string[]; judgments: ExpertJudgments[]; note: string};
  audit: CleaningAudit;
}
