import {hierarchyNodes} from "./hierarchy.js";
import type {IndexSystem} from "./indexSystem.js";
import {quoteText, shortenText} from "./quote.js";
import type {Side} from "./types.js";

/**
 * Local weights by parent node: a side maps its dimensions to their weights within the side,
 * a dimension maps its indicators to their weights within the dimension. Each node's weights
 * sum to 1.
 */
export type LocalWeights = Record<string, Record<string, number>>;

const sumTolerance = 1e-6;

/**
 * Sets one weight of a vector that sums to 1 and rescales the others proportionally so that
 * the vector still sums to 1: w'_k = w_k·(1 − v)/Σ_{i≠index} w_i for k ≠ index. When the
 * others are all 0, they share 1 − v equally. The new value is clamped to [0, 1], and a
 * vector of one weight stays [1].
 *
 * @throws Error when the vector is empty, an entry is not a finite number ≥ 0, the index is
 *   not an integer inside the vector, or the value is not a finite number
 * @example setWeight([0.5, 0.3, 0.2], 0, 0.8) // [0.8, 0.12, 0.08]
 */
export function setWeight(weights: readonly number[], index: number, value: number): number[] {
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new Error("no weights given; expected a vector of at least one weight");
  }
  weights.forEach((w, k) => {
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw new Error(`weight ${k} is ${String(w)}; expected a finite number ≥ 0`);
    }
  });
  if (!Number.isInteger(index) || index < 0 || index >= weights.length) {
    throw new Error(`weight index ${index} is outside 0…${weights.length - 1}`);
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`new weight is ${String(value)}; expected a finite number from 0 to 1`);
  }

  if (weights.length === 1) return [1];
  const target = Math.min(1, Math.max(0, value));
  const others = weights.reduce((sum, w, k) => (k === index ? sum : sum + w), 0);
  const share = 1 - target;
  return weights.map((w, k) => {
    if (k === index) return target;
    return others > 0 ? (w * share) / others : share / (weights.length - 1);
  });
}

function sidesOf(system: IndexSystem): Side[] {
  const sideOf = new Map(system.dimensions.map((dimension) => [dimension.id, dimension.side]));
  return system.indicators.map((item) => sideOf.get(item.dimension) as Side);
}

/**
 * Splits indicator weights that sum to 1 within each side into local weights: a dimension's
 * weight within its side is W_d = Σ_{j∈d} w_j, and an indicator's weight within its
 * dimension is w_j / W_d. A dimension whose indicators all weigh 0 gives them equal local
 * weights, so every node's weights sum to 1. Only dimensions with indicators appear.
 *
 * @throws Error when the number of weights differs from the number of indicators or a
 *   weight is not a finite number ≥ 0
 * @example
 * // indicators a, b in dimension d of side crv with weights [0.25, 0.75]
 * localWeights(system, [0.25, 0.75]) // {crv: {d: 1}, d: {a: 0.25, b: 0.75}}
 */
export function localWeights(system: IndexSystem, weights: ArrayLike<number>): LocalWeights {
  if (weights.length !== system.indicators.length) {
    throw new Error(
      `got ${weights.length} weights for ${system.indicators.length} indicators of ` +
        `index system ${system.id}`
    );
  }
  for (let j = 0; j < weights.length; j++) {
    if (!(Number.isFinite(weights[j]) && weights[j] >= 0)) {
      throw new Error(
        `weight of indicator "${system.indicators[j].id}" is ${weights[j]}; ` +
          "expected a finite number ≥ 0"
      );
    }
  }

  const local: LocalWeights = {};
  for (const {node, order} of hierarchyNodes(system)) {
    if (node !== "goal") local[node] = Object.fromEntries(order.map((id) => [id, 0]));
  }
  const sides = sidesOf(system);
  system.indicators.forEach((item, j) => {
    local[sides[j]][item.dimension] += weights[j];
  });
  for (const dimension of system.dimensions) {
    const children = local[dimension.id];
    if (children === undefined) continue;
    const ids = Object.keys(children);
    const total = local[dimension.side][dimension.id];
    for (const id of ids) {
      const j = system.indicators.findIndex((item) => item.id === id);
      children[id] = total > 0 ? weights[j] / total : 1 / ids.length;
    }
  }
  return local;
}

/**
 * Multiplies local weights down the hierarchy into indicator weights within each side:
 * w_j = (weight of the dimension in its side) × (weight of the indicator in its dimension).
 * The result is in `system.indicators` order and sums to 1 per side when every node's local
 * weights do.
 *
 * @throws Error naming the node and element when a local weight is missing or is not a
 *   finite number ≥ 0
 * @example globalWeights(system, {crv: {d: 1}, d: {a: 0.25, b: 0.75}}) // [0.25, 0.75]
 */
export function globalWeights(system: IndexSystem, local: LocalWeights): number[] {
  const sides = sidesOf(system);
  const weightOf = (node: string, id: string): number => {
    const value = local[node]?.[id];
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new Error(
        `local weight of ${quoteText(id)} under ${quoteText(node)} is ${String(value)}; ` +
          "expected a finite number ≥ 0"
      );
    }
    return value;
  };
  return system.indicators.map(
    (item, j) => weightOf(sides[j], item.dimension) * weightOf(item.dimension, item.id)
  );
}

// A value from a user's file as JSON, cut as `shortenText` cuts it.
function describeValue(value: unknown): string {
  return shortenText(JSON.stringify(value) ?? String(value));
}

/**
 * Checks hand-set local weights against an index system and throws naming the first
 * problem: a node that is neither a side nor a dimension with indicators, a node whose
 * elements differ from the system's, a weight that is not a finite number ≥ 0, or weights
 * that do not sum to 1 (within 1e-6). The goal node is not a weights node: the split between
 * the sides is the relationship-value weight of customer-received value.
 *
 * @example checkLocalWeights(system, {crv: {functional: 0.6, service: 0.4}}) // passes
 */
export function checkLocalWeights(system: IndexSystem, overrides: LocalWeights): void {
  const nodes = new Map(
    hierarchyNodes(system)
      .filter(({node}) => node !== "goal")
      .map(({node, order}) => [node, order])
  );
  for (const [node, children] of Object.entries(overrides)) {
    const order = nodes.get(node);
    const field = `weights.${shortenText(node)}`;
    if (order === undefined) {
      throw new Error(
        `${field}: ${quoteText(node)} is not a side or dimension of index system ${system.id}; ` +
          `expected one of ${[...nodes.keys()].join(", ")}`
      );
    }
    if (children === null || typeof children !== "object" || Array.isArray(children)) {
      throw new Error(`${field} is ${describeValue(children)}; expected {id: weight}`);
    }
    const given = Object.keys(children);
    const missing = order.filter((id) => !given.includes(id));
    const unknown = given.filter((id) => !order.includes(id));
    if (unknown.length > 0 || missing.length > 0) {
      const parts = [
        unknown.length > 0 ? `unknown ${unknown.map((id) => shortenText(id)).join(", ")}` : "",
        missing.length > 0 ? `missing ${missing.join(", ")}` : ""
      ].filter((part) => part !== "");
      throw new Error(
        `${field} has ${parts.join(" and ")}; expected a weight for each of ` +
          order.join(", ")
      );
    }
    let total = 0;
    for (const id of order) {
      const value = children[id];
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        throw new Error(
          `${field}.${id} is ${describeValue(value)}; expected a number ≥ 0`
        );
      }
      total += value;
    }
    if (Math.abs(total - 1) > sumTolerance) {
      throw new Error(`${field} sum to ${total}; expected 1 (within 1e-6)`);
    }
  }
}

/**
 * Replaces the local weights of the nodes in `overrides` and multiplies the hierarchy out
 * again (see `localWeights` and `globalWeights`). Nodes not in `overrides` keep the local
 * weights implied by `weights`, so setting a side's dimension weights keeps each dimension's
 * split among its indicators.
 *
 * @throws Error as `localWeights` and `checkLocalWeights` do
 * @example
 * // two dimensions d (a, b) and e (c) on one side, weights [0.2, 0.2, 0.6]
 * overrideWeights(system, [0.2, 0.2, 0.6], {crv: {d: 0.8, e: 0.2}}) // [0.4, 0.4, 0.2]
 */
export function overrideWeights(
  system: IndexSystem,
  weights: ArrayLike<number>,
  overrides: LocalWeights
): number[] {
  checkLocalWeights(system, overrides);
  const local = localWeights(system, weights);
  for (const [node, children] of Object.entries(overrides)) local[node] = {...children};
  return globalWeights(system, local);
}
