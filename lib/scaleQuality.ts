import type {ItemTable} from "./caseData.js";
import {pairwiseCorrelation, type PairwiseCorrelation} from "./correlation.js";
import {listwise} from "./describe.js";
import {bartlett, kmo, pca, type BartlettResult, type KmoResult, type PcaResult} from "./factor.js";
import type {IndexSystem} from "./indexSystem.js";
import {
  checkMissingHandling,
  itemRoles,
  selectItems,
  type ItemRole,
  type MissingHandling
} from "./itemAnalysis.js";
import {cronbachAlpha, type CronbachResult} from "./reliability.js";
import type {Label, Side} from "./types.js";

/** Conventional reading of α: ≥ 0.8 good, ≥ 0.7 acceptable, ≥ 0.6 questionable. */
export type AlphaBand = "good" | "acceptable" | "questionable" | "poor" | "negative";

/** Lower bounds of the α bands, the thresholds a reliability chart marks. */
export const alphaThresholds = {good: 0.8, acceptable: 0.7, questionable: 0.6};

/**
 * Names the band of an α value: negative, poor (< 0.6), questionable (0.6–0.7),
 * acceptable (0.7–0.8) or good (≥ 0.8); lower bounds are inclusive.
 *
 * @example alphaBand(0.7) // "acceptable"
 */
export function alphaBand(alpha: number): AlphaBand {
  if (alpha < 0) return "negative";
  if (alpha >= alphaThresholds.good) return "good";
  if (alpha >= alphaThresholds.acceptable) return "acceptable";
  if (alpha >= alphaThresholds.questionable) return "questionable";
  return "poor";
}

/** Kaiser's (1974) words for a KMO value, from "unacceptable" below 0.5 to "marvellous". */
export type KmoReading =
  | "marvellous"
  | "meritorious"
  | "middling"
  | "mediocre"
  | "miserable"
  | "unacceptable";

/**
 * Reads a KMO value on Kaiser's scale: ≥ 0.9 marvellous, ≥ 0.8 meritorious, ≥ 0.7 middling,
 * ≥ 0.6 mediocre, ≥ 0.5 miserable, below 0.5 unacceptable for factor analysis.
 *
 * @example kmoReading(0.74) // "middling"
 */
export function kmoReading(value: number): KmoReading {
  if (value >= 0.9) return "marvellous";
  if (value >= 0.8) return "meritorious";
  if (value >= 0.7) return "middling";
  if (value >= 0.6) return "mediocre";
  if (value >= 0.5) return "miserable";
  return "unacceptable";
}

/** Cronbach's α of one dimension or side, or the reason it cannot be computed. */
export interface ReliabilityGroup {
  level: "dimension" | "side";
  /** Dimension id, or the side id for a side. */
  id: string;
  side: Side;
  label: Label;
  /** Survey items of the group, in index-system order. */
  items: string[];
  /** Items recoded as min + max − x because their indicator declares them reverse-worded. */
  reversed: string[];
  /**
   * Side level only: items of cost indicators turned around (min + max − x) so that every
   * item of the side rises with the side's value.
   */
  flipped: string[];
  /** Indicators of the group that are record fields, not survey items, so α leaves them out. */
  recordIndicators: string[];
  /** Complete rows α used, and rows left out for a missing answer to one of the items. */
  n: number;
  excluded: number;
  result: CronbachResult | null;
  band: AlphaBand | null;
  /** Why α is null: one item, no items, or the message of the failed computation. */
  reason: string | null;
}

interface GroupSpec {
  level: "dimension" | "side";
  id: string;
  side: Side;
  label: Label;
  roles: ItemRole[];
  recordIndicators: string[];
}

/**
 * Computes Cronbach's α (see `cronbachAlpha`) of every dimension and every side of an index
 * system from the survey items of a table, with α if item deleted and the corrected
 * item–total correlation. Declared reverse-worded items are recoded first. At side level,
 * items of cost indicators (e.g. perceived sacrifice) are turned around too, so that all items
 * of a side point the same way. α needs complete rows: `listwise` uses the rows that
 * answered every item of the table, `pairwise` the rows that answered the group's items.
 *
 * A group with one survey item, with none (record fields only), or whose α fails (e.g. zero
 * total variance) gets `result: null` and a `reason`. A negative α is returned, banded
 * "negative".
 *
 * @throws Error for an unknown handling, or an answer to a recoded item outside the scale
 * @example
 * systemReliability(system, table, "listwise")
 * // [{level: "dimension", id: "functional", items: ["F1", …], result: {alpha: 0.87, …}}, …]
 */
export function systemReliability(
  system: IndexSystem,
  table: ItemTable,
  handling: MissingHandling
): ReliabilityGroup[] {
  checkMissingHandling(handling);
  const roles = itemRoles(system, table).items;
  const surveyIndicators = new Set(roles.map((role) => role.indicator));
  const recordsOf = (keep: (dimension: string) => boolean) =>
    system.indicators
      .filter((indicator) => keep(indicator.dimension) && !surveyIndicators.has(indicator.id))
      .map((indicator) => indicator.id);
  const sideOf = new Map(system.dimensions.map((dimension) => [dimension.id, dimension.side]));

  const specs: GroupSpec[] = system.dimensions.map((dimension) => ({
    level: "dimension",
    id: dimension.id,
    side: dimension.side,
    label: dimension.label,
    roles: roles.filter((role) => role.dimension === dimension.id),
    recordIndicators: recordsOf((id) => id === dimension.id)
  }));
  for (const side of ["crv", "hrv"] as const) {
    if (!system.dimensions.some((dimension) => dimension.side === side)) continue;
    specs.push({
      level: "side",
      id: side,
      side,
      label: sideLabel[side],
      roles: roles.filter((role) => role.side === side),
      recordIndicators: recordsOf((id) => sideOf.get(id) === side)
    });
  }
  const rows = handling === "listwise" ? completeRows(table) : null;
  return specs.map((spec) => groupReliability(table, spec, rows));
}

const sideLabel: Record<Side, Label> = {
  crv: {en: "Customer-received value (all items)", zh: "顾客感知价值（全部题项）"},
  hrv: {en: "Hotel-received value (all items)", zh: "酒店获得价值（全部题项）"}
};

function completeRows(table: ItemTable): Set<number> {
  return new Set(listwise(table.values).kept);
}

function groupReliability(
  table: ItemTable,
  spec: GroupSpec,
  rows: Set<number> | null
): ReliabilityGroup {
  const items = spec.roles.map((role) => role.column);
  const reversed = spec.roles.filter((role) => role.reverse).map((role) => role.column);
  // A reverse-worded item of a cost indicator at side level is turned twice: not at all.
  const flip = (role: ItemRole) =>
    role.reverse !== (spec.level === "side" && role.direction === "cost");
  const flipped =
    spec.level === "side"
      ? spec.roles.filter((role) => role.direction === "cost").map((role) => role.column)
      : [];
  const base = {
    level: spec.level,
    id: spec.id,
    side: spec.side,
    label: spec.label,
    items,
    reversed,
    flipped,
    recordIndicators: spec.recordIndicators
  };
  if (items.length < 2) {
    const reason =
      items.length === 0
        ? "no survey item: its indicators are record fields, not Likert items, so α does " +
          "not apply"
        : `one item (${items[0]}): α measures how consistently several items measure one ` +
          "thing, so it needs at least two items";
    return {...base, n: 0, excluded: 0, result: null, band: null, reason};
  }

  const selected = selectItems(
    table,
    spec.roles.map((role) => role.index),
    spec.roles.filter(flip).map((role) => role.index)
  );
  const kept = rows ? selected.filter((_, i) => rows.has(i)) : selected;
  const complete = listwise(kept).rows;
  const n = complete.length;
  const excluded = table.values.length - n;
  try {
    const result = cronbachAlpha(complete);
    return {...base, n, excluded, result, band: alphaBand(result.alpha), reason: null};
  } catch (error) {
    return {...base, n, excluded, result: null, band: null, reason: (error as Error).message};
  }
}

/** A statistic that either has a value or failed with a message. */
export type StatisticOutcome<T> = {ok: true; value: T} | {ok: false; message: string};

function attempt<T>(compute: () => T): StatisticOutcome<T> {
  try {
    return {ok: true, value: compute()};
  } catch (error) {
    return {ok: false, message: (error as Error).message};
  }
}

/** One item's rotated loadings and whether it loads with another dimension's items. */
export interface LoadingRow {
  column: string;
  label: Label;
  dimension: string;
  indicator: string;
  /** Varimax-rotated loadings, one per kept component. */
  loadings: number[];
  /** Component with the item's largest |loading| (0-based). */
  main: number;
  /** Dimension that dominates the main component. */
  mainDimension: string;
  /** True when another dimension dominates the main component (needs ≥ 2 components). */
  flagged: boolean;
}

/** KMO, Bartlett's test and PCA with varimax of the survey items of a case. */
export interface ItemValidity {
  handling: MissingHandling;
  /** Items in index-system order, with declared reverse-worded items recoded. */
  items: ItemRole[];
  /** Complete rows used, and rows of the table left out. */
  n: number;
  excluded: number;
  /** n divided by the number of items (0 without items). */
  rowsPerItem: number;
  kmo: StatisticOutcome<KmoResult>;
  bartlett: StatisticOutcome<BartlettResult>;
  pca: StatisticOutcome<PcaResult>;
  /** Per kept component: the dimension whose items have the largest Σ loading² on it. */
  componentDimensions: string[];
  loadings: LoadingRow[];
  /** Warnings that do not stop the analysis, e.g. fewer than 5 rows per item. */
  cautions: string[];
}

/** Options of `itemValidity`. */
export interface ItemValidityOptions {
  /** Kept components: "kaiser" (eigenvalue > 1, the default), "dimensions" or a number. */
  components?: "kaiser" | "dimensions" | number;
}

/**
 * Checks the construct validity of a case's survey items against its index system: KMO
 * (overall and per item), Bartlett's test of sphericity, and PCA of the correlation matrix
 * with varimax rotation (see `kmo`, `bartlett`, `pca`). Declared reverse-worded items are
 * recoded first and items come in index-system order. All three need complete rows, so both
 * handlings use the rows that answered every item.
 *
 * Each kept component is assigned the dimension whose items have the largest sum of squared
 * rotated loadings on it. An item is flagged when its largest |loading| lies on a component
 * assigned to another dimension; with one component nothing is flagged. A statistic that
 * cannot be computed (n ≤ p, a constant item, a singular correlation matrix) is returned as
 * `{ok: false, message}` instead of throwing.
 *
 * @throws Error for an unknown handling or components option, or a recoded answer outside
 *   the scale
 * @example
 * itemValidity(system, table, "listwise").kmo // {ok: true, value: {overall: 0.91, …}}
 */
export function itemValidity(
  system: IndexSystem,
  table: ItemTable,
  handling: MissingHandling,
  {components = "kaiser"}: ItemValidityOptions = {}
): ItemValidity {
  checkMissingHandling(handling);
  const items = itemRoles(system, table).items;
  const dimensions = [...new Set(items.map((role) => role.dimension))];
  const k = componentCount(components, dimensions.length, items.length);
  const selected = selectItems(
    table,
    items.map((role) => role.index),
    items.filter((role) => role.reverse).map((role) => role.index)
  );
  const rows = listwise(selected).rows;
  const n = rows.length;
  const p = items.length;

  const result = {
    handling,
    items,
    n,
    excluded: table.values.length - n,
    rowsPerItem: p > 0 ? n / p : 0,
    kmo: attempt(() => kmo(rows)),
    bartlett: attempt(() => bartlett(rows)),
    pca: attempt(() => pca(rows, k === null ? {} : {components: k})),
    componentDimensions: [] as string[],
    loadings: [] as LoadingRow[],
    cautions: [] as string[]
  };
  if (p > 0 && n < 5 * p) {
    result.cautions.push(
      `${n} complete rows for ${p} items: fewer than 5 rows per item, so loadings are ` +
        "unstable and can change much with a few respondents"
    );
  }
  if (result.pca.ok && result.pca.value.rotated) {
    assignComponents(result, result.pca.value.rotated.loadings);
  }
  return result;
}

function componentCount(
  option: ItemValidityOptions["components"],
  dimensions: number,
  items: number
): number | null {
  if (option === "kaiser") return null;
  if (option === "dimensions") return Math.max(1, Math.min(dimensions, items));
  if (typeof option === "number" && Number.isInteger(option) && option >= 1) return option;
  throw new Error(
    `invalid components ${JSON.stringify(option)}: expected "kaiser", "dimensions" or an ` +
      "integer ≥ 1"
  );
}

function assignComponents(
  result: {items: ItemRole[]; componentDimensions: string[]; loadings: LoadingRow[]},
  loadings: number[][]
): void {
  const k = loadings[0]?.length ?? 0;
  const dimensions = [...new Set(result.items.map((role) => role.dimension))];

  result.componentDimensions = Array.from({length: k}, (_, c) => {
    let best = dimensions[0];
    let bestSum = -1;
    for (const dimension of dimensions) {
      const sum = result.items.reduce(
        (total, role, i) => total + (role.dimension === dimension ? loadings[i][c] ** 2 : 0),
        0
      );
      if (sum > bestSum) [best, bestSum] = [dimension, sum];
    }
    return best;
  });
  result.loadings = result.items.map((role, i) => {
    const row = loadings[i];
    const main = row.reduce((top, value, c) => (Math.abs(value) > Math.abs(row[top]) ? c : top), 0);
    const mainDimension = result.componentDimensions[main];
    return {
      column: role.column,
      label: role.label,
      dimension: role.dimension,
      indicator: role.indicator,
      loadings: row,
      main,
      mainDimension,
      flagged: k >= 2 && mainDimension !== role.dimension
    };
  });
}

/** Inter-item correlations with the rows behind each entry. */
export interface ItemCorrelations extends PairwiseCorrelation {
  handling: MissingHandling;
  columns: string[];
  /** Smallest and largest n over the pairs of distinct items (0 and 0 with one item). */
  pairRows: {min: number; max: number};
}

/**
 * Computes the Pearson correlation matrix of a table's items. `listwise` uses the rows that
 * answered every item; `pairwise` uses, for each pair, the rows that answered both (see
 * `pairwiseCorrelation`). `n[i][j]` gives the rows behind each entry, and an entry is null
 * when fewer than 2 rows remain or an item is constant on them.
 *
 * @throws Error for an unknown handling or a value that is not a number or null
 * @example
 * itemCorrelations({columns: ["A", "B"], values: [[1, 2], [2, null], [3, 5], [4, 9]], …},
 *   "pairwise").n // [[4, 3], [3, 3]]
 */
export function itemCorrelations(table: ItemTable, handling: MissingHandling): ItemCorrelations {
  checkMissingHandling(handling);
  const rows = handling === "listwise" ? listwise(table.values).rows : table.values;
  const width = table.columns.length;
  const correlation: PairwiseCorrelation =
    rows.length > 0
      ? pairwiseCorrelation(rows)
      : {
          r: Array.from({length: width}, () => new Array(width).fill(null)),
          n: Array.from({length: width}, () => new Array(width).fill(0))
        };
  const counts = correlation.n.flatMap((row, i) => row.filter((_, j) => j !== i));
  const pairRows =
    counts.length === 0
      ? {min: 0, max: 0}
      : {min: Math.min(...counts), max: Math.max(...counts)};
  return {handling, columns: table.columns, ...correlation, pairRows};
}
