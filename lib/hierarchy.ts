import {ahp, aggregateJudgments, aggregatePriorities, inconsistentJudgments} from "./ahp.js";
import type {ExpertJudgments} from "./caseData.js";
import {criticWeightsOfColumns} from "./critic.js";
import {entropyWeightsOfColumns} from "./entropy.js";
import type {IndexSystem} from "./indexSystem.js";
import {selectedDecisionColumns} from "./normalize.js";
import {pcaWeightsOfColumns} from "./pcaWeights.js";
import type {Direction, Side} from "./types.js";

/** Priority method for one AHP matrix. */
export type AhpMethod = "eigenvector" | "geometric" | "column-mean";

/** Group rule for several experts: aggregated judgments (AIJ) or priorities (AIP). */
export type Aggregation = "aij" | "aip";

/** Data-driven weighting methods. */
export type ObjectiveMethod = "entropy" | "critic" | "pca";

/** AHP result for one node of the hierarchy. */
export interface NodeWeights {
  node: string;
  order: string[];
  /** Local priorities of `order`, summing to 1. */
  weights: number[];
  /** Consistency of the aggregated matrix (AIJ) or of the one expert's matrix. */
  lambdaMax: number;
  ci: number;
  cr: number;
  ri: number;
  consistent: boolean;
  /** CR of each expert's own matrix. */
  expertCr: number[];
  /** Judgments of the aggregated matrix that deviate most from its weights, worst first. */
  inconsistent: {i: number; j: number; value: number; suggested: number}[];
  /** True when no judgments were given and equal weights were used. */
  equalWeights: boolean;
}

export interface AhpHierarchyOptions {
  method?: AhpMethod;
  aggregation?: Aggregation;
  /** Weight of each expert (positive, sum 1); equal by default. */
  expertWeights?: number[];
}

export interface AhpHierarchy {
  nodes: NodeWeights[];
  /** Global weight of each indicator within its side (sums to 1 per side). */
  indicatorWeights: number[];
  /** Weights of the two sides from the goal node (equal when it has no judgments). */
  sideWeights: Partial<Record<Side, number>>;
}

function sideOfDimension(system: IndexSystem): Map<string, Side> {
  return new Map(system.dimensions.map((dimension) => [dimension.id, dimension.side]));
}

/** Lists the elements compared at each node of the system's hierarchy, in system order. */
export function hierarchyNodes(system: IndexSystem): {node: string; order: string[]}[] {
  const sides = [...new Set(system.dimensions.map((dimension) => dimension.side))];
  const nodes = [{node: "goal", order: sides as string[]}];
  for (const side of sides) {
    const order = system.dimensions
      .filter((dimension) => dimension.side === side)
      .filter((dimension) => system.indicators.some((item) => item.dimension === dimension.id))
      .map((dimension) => dimension.id);
    nodes.push({node: side, order});
  }
  for (const dimension of system.dimensions) {
    const order = system.indicators.filter((item) => item.dimension === dimension.id).map((item) => item.id);
    if (order.length > 0) nodes.push({node: dimension.id, order});
  }
  return nodes;
}

function nodeWeights(
  node: string,
  order: string[],
  judgments: ExpertJudgments | undefined,
  {method = "eigenvector", aggregation = "aij", expertWeights}: AhpHierarchyOptions
): NodeWeights {
  const n = order.length;
  if (!judgments || judgments.matrices.length === 0) {
    return {
      node,
      order,
      weights: order.map(() => 1 / n),
      lambdaMax: n,
      ci: 0,
      cr: 0,
      ri: 0,
      consistent: true,
      expertCr: [],
      inconsistent: [],
      equalWeights: n > 1
    };
  }
  const sameOrder =
    judgments.order.length === n && judgments.order.every((id, k) => id === order[k]);
  if (!sameOrder) {
    throw new Error(
      `AHP judgments for node "${node}" compare [${judgments.order.join(", ")}] but the index system has [${order.join(", ")}]`
    );
  }

  const experts = judgments.matrices.map((matrix) => ahp(matrix, {method}));
  const combined = aggregateJudgments(judgments.matrices, expertWeights);
  const pooled = ahp(combined, {method});
  const weights =
    aggregation === "aip"
      ? aggregatePriorities(
          experts.map((result) => result.weights),
          expertWeights
        )
      : pooled.weights;
  return {
    node,
    order,
    weights,
    lambdaMax: pooled.lambdaMax,
    ci: pooled.ci,
    cr: pooled.cr,
    ri: pooled.ri,
    consistent: pooled.cr <= 0.1,
    expertCr: experts.map((result) => result.cr),
    inconsistent: n > 2 ? inconsistentJudgments(combined) : [],
    equalWeights: false
  };
}

/**
 * Computes AHP weights down the hierarchy goal → side → dimension → indicator. The global
 * weight of an indicator within its side is its local weight times its dimension's local
 * weight. Nodes without judgments get equal weights (flagged `equalWeights`). Throws when a
 * node's judgments compare other elements than the index system has, and as `ahp` does on an
 * invalid matrix.
 */
export function ahpHierarchy(
  system: IndexSystem,
  judgments: ExpertJudgments[],
  options: AhpHierarchyOptions = {}
): AhpHierarchy {
  const byNode = new Map(judgments.map((judgment) => [judgment.node, judgment]));
  const nodes = hierarchyNodes(system).map(({node, order}) =>
    nodeWeights(node, order, byNode.get(node), options)
  );
  // Weights are keyed by node and element, because an indicator may share its id with a
  // dimension or a side.
  const local = new Map<string, number>();
  for (const node of nodes) {
    node.order.forEach((id, k) => local.set(`${node.node}/${id}`, node.weights[k]));
  }
  const sideOf = sideOfDimension(system);
  const indicatorWeights = system.indicators.map(
    (item) =>
      (local.get(`${item.dimension}/${item.id}`) ?? 0) *
      (local.get(`${sideOf.get(item.dimension)}/${item.dimension}`) ?? 0)
  );
  const sideWeights: Partial<Record<Side, number>> = {};
  for (const side of nodes[0].order as Side[]) sideWeights[side] = local.get(`goal/${side}`) ?? 0;
  return {nodes, indicatorWeights, sideWeights};
}

/**
 * Computes data-driven indicator weights separately on each side: entropy, CRITIC or PCA on
 * the raw indicator values of that side's indicators, so the weights sum to 1 per side. A
 * side with one indicator gives it weight 1. `rows` are customers × indicators in
 * `system.indicators` order. Each side's columns are read straight from the rows, and
 * errors name a cell by its place among the side's indicators. Throws as the chosen method
 * does.
 */
export function objectiveWeights(
  rows: number[][],
  system: IndexSystem,
  method: ObjectiveMethod = "entropy"
): number[] {
  checkObjectiveMethod(method);
  return weightsPerSide(system, method, (indexes, directions) =>
    selectedDecisionColumns(rows, indexes, directions)
  );
}

/**
 * Computes the weights of {@link objectiveWeights} from raw indicator columns
 * (`columns[j][i]` is customer i's value of indicator j, in `system.indicators` order), so
 * a caller that already holds columns saves reading the rows again. Throws as
 * `objectiveWeights` does, with the input errors of `checkedColumns` for each side.
 *
 * @example with a CRV side of indicators a, b and an HRV side of c alone,
 *   objectiveWeightsOfColumns([[1, 2, 3], [5, 5, 5], [4, 1, 2]], system) // [1, 0, 1]
 */
export function objectiveWeightsOfColumns(
  columns: readonly ArrayLike<number>[],
  system: IndexSystem,
  method: ObjectiveMethod = "entropy"
): number[] {
  checkObjectiveMethod(method);
  if (columns.length !== system.indicators.length) {
    throw new Error(
      `got ${columns.length} columns for ${system.indicators.length} indicators of ` +
        `index system ${system.id}`
    );
  }
  return weightsPerSide(system, method, (indexes) => indexes.map((j) => columns[j]));
}

function checkObjectiveMethod(method: ObjectiveMethod): void {
  if (method !== "entropy" && method !== "critic" && method !== "pca") {
    throw new Error(
      `unknown objective weighting method "${method}"; expected entropy, critic or pca`
    );
  }
}

/** Runs the method on each side's columns, which `sideColumns` supplies. */
function weightsPerSide(
  system: IndexSystem,
  method: ObjectiveMethod,
  sideColumns: (indexes: number[], directions: Direction[]) => readonly ArrayLike<number>[]
): number[] {
  const sideOf = sideOfDimension(system);
  const weights = new Array<number>(system.indicators.length).fill(0);
  for (const side of ["crv", "hrv"] as Side[]) {
    const indexes = system.indicators
      .map((item, j) => (sideOf.get(item.dimension) === side ? j : -1))
      .filter((j) => j >= 0);
    if (indexes.length === 0) continue;
    if (indexes.length === 1) {
      weights[indexes[0]] = 1;
      continue;
    }
    const directions: Direction[] = indexes.map((j) => system.indicators[j].direction);
    const columns = sideColumns(indexes, directions);
    const result =
      method === "entropy"
        ? entropyWeightsOfColumns(columns, directions)
        : method === "critic"
          ? criticWeightsOfColumns(columns, directions)
          : pcaWeightsOfColumns(columns, directions);
    indexes.forEach((j, k) => (weights[j] = result.weights[k]));
  }
  return weights;
}
