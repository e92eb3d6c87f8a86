import {readFile} from "node:fs/promises";
import {checkComparisonMatrix, parseJudgment} from "../lib/ahp.js";
import type {CaseData, ExpertJudgments} from "../lib/caseData.js";
import {checkSaatyScale} from "../lib/config.js";
import {hierarchyNodes} from "../lib/hierarchy.js";
import {quoteText} from "../lib/quote.js";
import {validateIndexSystem, type IndexSystem} from "../lib/indexSystem.js";
import type {Matrix} from "../lib/types.js";

type Experts = CaseData["experts"];

/**
 * Reads a whole file. Its errors name the path and what the file should contain.
 *
 * @throws Error for a missing file, a folder, or a file that cannot be read
 */
export async function readInputFile(path: string, expected: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`${path}: file not found; expected ${expected}`);
    if (code === "EISDIR") throw new Error(`${path} is a folder; expected ${expected}`);
    throw new Error(`${path} cannot be read (${code ?? (error as Error).message})`);
  }
}

async function readJson(path: string, expected: string): Promise<unknown> {
  const text = new TextDecoder().decode(await readInputFile(path, expected));
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${path} is not valid JSON (${(error as Error).message}); expected ${expected}`
    );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === "string");
}

function checkShape(condition: boolean, path: string, place: string, expected: string): void {
  if (!condition) throw new Error(`${path}: ${place} is invalid; expected ${expected}`);
}

/**
 * Reads an index system from JSON and checks it: the fields every part needs, then
 * `validateIndexSystem` (ids, dimensions, directions, reverse-coded items).
 *
 * @throws Error naming the file and the first missing or invalid field
 */
export async function loadIndexSystem(path: string): Promise<IndexSystem> {
  const value = await readJson(path, "an index system {id, label, dimensions, indicators}");
  checkShape(
    isObject(value),
    path,
    "the top level",
    "an object {id, label, dimensions, indicators}"
  );
  const system = value as Record<string, unknown>;
  checkShape(typeof system.id === "string", path, "id", "a string");
  checkShape(Array.isArray(system.dimensions), path, "dimensions", "a list");
  checkShape(Array.isArray(system.indicators), path, "indicators", "a list");
  const label = {en: "", zh: ""};
  const labelOf = (entry: Record<string, unknown>) => (isObject(entry.label) ? entry.label : label);

  (system.dimensions as unknown[]).forEach((entry, k) => {
    const place = `dimensions[${k}]`;
    checkShape(isObject(entry) && typeof entry.id === "string", path, place, "{id, side, label}");
  });
  (system.indicators as unknown[]).forEach((entry, k) => {
    const place = `indicators[${k}]`;
    checkShape(
      isObject(entry) && typeof entry.id === "string" && typeof entry.dimension === "string",
      path,
      place,
      "{id, dimension, label, direction, items}"
    );
    const indicator = entry as Record<string, unknown>;
    checkShape(
      isStringArray(indicator.items) && indicator.items.length > 0,
      path,
      `${place}.items`,
      "a non-empty list of item or column names"
    );
    const scale = indicator.scale;
    checkShape(
      scale === undefined ||
        (Array.isArray(scale) &&
          scale.length === 2 &&
          scale.every(Number.isInteger) &&
          scale[0] < scale[1]),
      path,
      `${place}.scale`,
      "[min, max] with integers min < max, or no scale for a record field"
    );
    checkShape(
      indicator.reverse === undefined || isStringArray(indicator.reverse),
      path,
      `${place}.reverse`,
      "a list of item names"
    );
  });

  const parsed = {
    ...system,
    label: labelOf(system),
    dimensions: (system.dimensions as Record<string, unknown>[]).map((d) => ({
      ...d,
      label: labelOf(d)
    })),
    indicators: (system.indicators as Record<string, unknown>[]).map((i) => ({
      ...i,
      label: labelOf(i)
    }))
  } as unknown as IndexSystem;
  try {
    validateIndexSystem(parsed);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  return parsed;
}

function parseEntry(entry: unknown): number {
  if (typeof entry === "number") return entry;
  if (typeof entry === "string") return parseJudgment(entry);
  return NaN;
}

function parseNode(entry: unknown, path: string, k: number): ExpertJudgments {
  const place = `judgments[${k}]`;
  checkShape(
    isObject(entry) && typeof entry.node === "string" && isStringArray(entry.order),
    path,
    place,
    '{node, order, matrices}, e.g. {"node": "crv", "order": ["functional", "service"], ' +
      '"matrices": [[[1, 3], ["1/3", 1]]]}'
  );
  const {node, order, matrices} = entry as {node: string; order: string[]; matrices: unknown};
  checkShape(
    Array.isArray(matrices) && matrices.length > 0,
    path,
    `${place}.matrices`,
    "a non-empty list of matrices, one per expert"
  );
  const parsed = (matrices as unknown[]).map((matrix, e) => {
    const where = `node ${quoteText(node)}, expert ${e + 1}`;
    const n = order.length;
    checkShape(
      Array.isArray(matrix) &&
        matrix.length === n &&
        matrix.every((row) => Array.isArray(row) && row.length === n),
      path,
      where,
      `a ${n} × ${n} matrix, one row and column per element of order [${order.join(", ")}]`
    );
    try {
      const numbers: Matrix = (matrix as unknown[][]).map((row) => row.map(parseEntry));
      checkComparisonMatrix(numbers, "comparison matrix");
      checkSaatyScale(numbers, "comparison matrix");
      return numbers;
    } catch (error) {
      throw new Error(`${path}: ${where}: ${(error as Error).message}`);
    }
  });
  return {node, order, matrices: parsed};
}

/**
 * Reads AHP judgments from JSON: a list of nodes `{node, order, matrices}` or an object
 * `{names, note, judgments}`. Matrix entries are numbers or fractions such as "1/3".
 *
 * @throws Error naming the file, the node and the expert of the first invalid matrix
 */
export async function loadJudgments(path: string): Promise<Experts> {
  const expected = "AHP judgments: [{node, order, matrices}] or {names, note, judgments}";
  const value = await readJson(path, expected);
  const list = isObject(value) ? value.judgments : value;
  checkShape(Array.isArray(list), path, "the top level", expected);
  const judgments = (list as unknown[]).map((entry, k) => parseNode(entry, path, k));

  const seen = new Set<string>();
  for (const judgment of judgments) {
    if (seen.has(judgment.node)) {
      throw new Error(
        `${path}: node ${quoteText(judgment.node)} appears twice; give each node once`
      );
    }
    seen.add(judgment.node);
  }
  const experts = Math.max(...judgments.map((judgment) => judgment.matrices.length), 0);
  const names =
    isObject(value) && isStringArray(value.names)
      ? value.names
      : Array.from({length: experts}, (_, e) => `Expert ${e + 1}`);
  const note =
    isObject(value) && typeof value.note === "string" ? value.note : `Judgments from ${path}.`;
  return {names, note, judgments};
}

/**
 * Checks that every node of the judgments is a node of the whole index system, before it is
 * fitted to the part a file measures.
 *
 * @throws Error naming the file, the unknown node and the valid node ids
 */
export function checkJudgmentNodes(experts: Experts, system: IndexSystem, path: string): void {
  const nodes = hierarchyNodes(system).map(({node}) => node);
  const unknown = experts.judgments.find((judgment) => !nodes.includes(judgment.node));
  if (unknown !== undefined) {
    throw new Error(
      `${path}: node ${quoteText(unknown.node)} is not a node of index system ${system.id}; ` +
        `valid nodes: ${nodes.join(", ")}`
    );
  }
}

/** Judgments fitted to the measured part of an index system, with what was changed. */
export interface FittedJudgments {
  experts: Experts;
  notes: string[];
}

/**
 * Fits judgments written for a whole index system to the part a file measures. A node whose
 * elements are all measured keeps its matrices. A node with unmeasured elements keeps the
 * rows and columns of the measured ones, because a pairwise judgment does not depend on the
 * other elements (its consistency ratio may change, though). A node that the measured system
 * lacks is left out, and a node without judgments gets equal weights. Every such change is
 * listed in `notes`.
 *
 * @throws Error when a node's judgments lack a measured element
 */
export function fitJudgments(experts: Experts, system: IndexSystem, path: string): FittedJudgments {
  const byNode = new Map(experts.judgments.map((judgment) => [judgment.node, judgment]));
  const nodes = hierarchyNodes(system);
  const notes: string[] = [];
  const judgments: ExpertJudgments[] = [];

  for (const {node, order} of nodes) {
    const given = byNode.get(node);
    if (given === undefined) {
      if (order.length > 1)
        notes.push(`node "${node}" has no judgments, so its elements have equal weights`);
      continue;
    }
    const indexes = order.map((id) => given.order.indexOf(id));
    const missing = order.filter((_, k) => indexes[k] < 0);
    if (missing.length > 0) {
      throw new Error(
        `${path}: node "${node}" compares [${given.order.join(", ")}] but the measured ` +
          `index system has [${order.join(", ")}]; add judgments for ${missing.join(", ")} ` +
          "or leave the node out for equal weights"
      );
    }
    if (order.length < given.order.length) {
      const dropped = given.order.filter((id) => !order.includes(id));
      notes.push(`node "${node}": judgments on ${dropped.join(", ")} left out (not measured)`);
    }
    const matrices = given.matrices.map((matrix) =>
      indexes.map((i) => indexes.map((j) => matrix[i][j]))
    );
    judgments.push({node, order, matrices});
  }
  const unused = experts.judgments.filter(
    (judgment) => !nodes.some((n) => n.node === judgment.node)
  );
  if (unused.length > 0) {
    notes.push(
      `judgments for ${unused.map((j) => `"${j.node}"`).join(", ")} left out (not measured)`
    );
  }
  return {experts: {...experts, judgments}, notes};
}
