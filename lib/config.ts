import {checkComparisonMatrix} from "./ahp.js";
import type {Threshold} from "./classify.js";
import type {RelationshipModel} from "./coupling.js";
import {
  hierarchyNodes,
  type AhpMethod,
  type Aggregation,
  type ObjectiveMethod
} from "./hierarchy.js";
import type {IndexSystem} from "./indexSystem.js";
import {defaultConfig, type AnalysisConfig} from "./pipeline.js";
import {checkLocalWeights, type LocalWeights} from "./weightsEdit.js";
import {quoteText, shortenText} from "./quote.js";

/** Language of the report's text. */
export type Language = "en" | "zh";

/** Pairwise comparison matrices of one hierarchy node, one per expert, in `order`. */
export interface NodeJudgments {
  order: string[];
  matrices: number[][][];
}

/**
 * Everything a reader can change in the report: the method choices of `AnalysisConfig`, a
 * class threshold per axis of the value matrix, local weights set by hand and AHP judgments
 * edited by hand. Weights and judgments belong to one case, because their keys are the
 * nodes of that case's index system.
 */
export interface ReportConfig extends Omit<AnalysisConfig, "threshold"> {
  lang: Language;
  /** Split of the x axis (CRV) and of the y axis (HRV) of the value matrix. */
  threshold: {x: Threshold; y: Threshold};
  /** Local weights that replace the method's at these nodes (see `overrideWeights`). */
  weights: LocalWeights;
  /** Judgments that replace the case's at these nodes. */
  judgments: Record<string, NodeJudgments>;
}

/** An entry of `configDifferences`: one field that differs from the published defaults. */
export interface ConfigDifference {
  field: string;
  value: string;
  default: string;
}

/** Tag and version written into every configuration file. */
export const configFormat = "hotel-relationship-value/config";
export const configVersion = 1;

/** The published defaults, with no weights or judgments changed. */
export const defaultReportConfig: ReportConfig = {
  lang: "en",
  weighting: defaultConfig.weighting,
  objective: defaultConfig.objective,
  ahpMethod: defaultConfig.ahpMethod,
  aggregation: defaultConfig.aggregation,
  combination: defaultConfig.combination,
  alpha: defaultConfig.alpha,
  model: defaultConfig.model,
  sideAlpha: defaultConfig.sideAlpha,
  threshold: {x: defaultConfig.threshold, y: defaultConfig.threshold},
  weights: {},
  judgments: {}
};

type ChoiceField =
  | "lang"
  | "weighting"
  | "objective"
  | "ahpMethod"
  | "aggregation"
  | "combination"
  | "model";

/** The allowed values of each field that is a choice. */
export const configChoices: Record<ChoiceField, readonly string[]> = {
  lang: ["en", "zh"] satisfies Language[],
  weighting: ["ahp", "objective", "combined"] satisfies AnalysisConfig["weighting"][],
  objective: ["entropy", "critic", "pca"] satisfies ObjectiveMethod[],
  ahpMethod: ["eigenvector", "geometric", "column-mean"] satisfies AhpMethod[],
  aggregation: ["aij", "aip"] satisfies Aggregation[],
  combination: ["linear", "multiplicative"] satisfies AnalysisConfig["combination"][],
  model: ["coupling", "additive", "geometric"] satisfies RelationshipModel[]
};

const numberFields = ["alpha", "sideAlpha"] as const;
const thresholdRules = ["mean", "median", "midpoint"];

// Query keys are the field names, which other controls of the report share (`alpha`,
// `threshold`, …). Weights and judgments use "w.NODE" and "j.NODE".
const queryKeys = {
  lang: "lang",
  weighting: "weighting",
  objective: "objective",
  ahpMethod: "ahpMethod",
  aggregation: "aggregation",
  combination: "combination",
  alpha: "alpha",
  model: "model",
  sideAlpha: "sideAlpha",
  threshold: "threshold",
  thresholdX: "thresholdX",
  thresholdY: "thresholdY"
} as const;

/** An error that lists every problem found in a configuration, one field each. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[]
  ) {
    const count = problems.length === 1 ? "a problem" : `${problems.length} problems`;
    super(`${source} has ${count}: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

// A value of a user's file as a message shows it: long texts and lists are cut.
function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (typeof value === "string") return quoteText(value);
  return shortenText(JSON.stringify(value));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function checkThreshold(value: unknown, field: string, problems: string[]): Threshold | null {
  if (typeof value === "string" && thresholdRules.includes(value)) return value as Threshold;
  if (typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1) {
    return value;
  }
  problems.push(
    `${field} is ${describe(value)}; expected "mean", "median", "midpoint" or a number ` +
      "from 0 to 1"
  );
  return null;
}

/** Smallest and largest judgment on Saaty's 1–9 scale. */
export const SAATY_RANGE: readonly [number, number] = [1 / 9, 9];

/**
 * Checks that every entry of a comparison matrix lies on Saaty's scale, 1/9 to 9 (with a
 * relative tolerance of 1e-6, so 0.1111111 passes as 1/9).
 *
 * @throws Error naming the matrix, the 0-based entry, its value and the valid range
 * @example checkSaatyScale([[1, 1000], [0.001, 1]], "m") // throws "m entry a[0][1] is 1000; …"
 */
export function checkSaatyScale(matrix: readonly (readonly number[])[], name: string): void {
  const [low, high] = SAATY_RANGE;
  matrix.forEach((row, i) =>
    row.forEach((value, j) => {
      if (value < low * (1 - 1e-6) || value > high * (1 + 1e-6)) {
        throw new Error(
          `${name} entry a[${i}][${j}] is ${value}; Saaty's scale allows judgments from 1/9 to 9`
        );
      }
    })
  );
}

function checkJudgments(
  system: IndexSystem,
  node: string,
  value: unknown,
  problems: string[]
): NodeJudgments | null {
  const field = `judgments.${shortenText(node)}`;
  const nodes = hierarchyNodes(system).filter(({order}) => order.length > 1);
  const expected = nodes.find((entry) => entry.node === node);
  if (expected === undefined) {
    problems.push(
      `${field}: ${quoteText(node)} is not a node with two or more elements in index system ` +
        `${system.id}; expected one of ${nodes.map((entry) => entry.node).join(", ")}`
    );
    return null;
  }
  if (!isRecord(value)) {
    problems.push(`${field} is ${describe(value)}; expected {order: [...], matrices: [...]}`);
    return null;
  }

  const {order, matrices} = value;
  const sameOrder =
    Array.isArray(order) &&
    order.length === expected.order.length &&
    order.every((id, k) => id === expected.order[k]);
  if (!sameOrder) {
    problems.push(
      `${field}.order is ${describe(order)}; expected ${JSON.stringify(expected.order)}`
    );
    return null;
  }
  if (!Array.isArray(matrices) || matrices.length === 0) {
    problems.push(`${field}.matrices is ${describe(matrices)}; expected one matrix per expert`);
    return null;
  }

  const n = expected.order.length;
  let valid = true;
  matrices.forEach((matrix, k) => {
    const name = `${field}.matrices[${k}]`;
    try {
      checkComparisonMatrix(matrix as number[][], name);
      if (matrix.length !== n) throw new Error(`${name} has order ${matrix.length}; expected ${n}`);
      checkSaatyScale(matrix as number[][], name);
    } catch (error) {
      problems.push((error as Error).message);
      valid = false;
    }
  });
  if (!valid) return null;
  const copies = matrices.map((matrix: number[][]) => matrix.map((row) => [...row]));
  return {order: [...expected.order], matrices: copies};
}

/**
 * Checks a configuration object, such as one read from a file, against an index system and
 * returns it as a `ReportConfig`. Missing fields take the published defaults. Every problem
 * is collected, each naming its field: an unknown field, a choice outside its allowed values,
 * α or the CRV weight outside [0, 1], a threshold that is not "mean", "median", "midpoint"
 * or a number in [0, 1], weights that `checkLocalWeights` rejects, and judgments for a node
 * the system does not have, in another order, or with an invalid matrix.
 *
 * @throws ConfigError listing every problem, prefixed with `source`
 * @example
 * checkReportConfig({alpha: 1.5, model: "sum"}, system)
 * // ConfigError: configuration has 2 problems: alpha is 1.5; expected a number from 0 to 1;
 * //   model is "sum"; expected one of coupling, additive, geometric
 */
export function checkReportConfig(
  value: unknown,
  system: IndexSystem,
  source = "configuration"
): ReportConfig {
  if (!isRecord(value)) {
    throw new ConfigError(source, [`it is ${describe(value)}; expected an object`]);
  }

  const problems: string[] = [];
  const config: ReportConfig = {
    ...defaultReportConfig,
    threshold: {...defaultReportConfig.threshold},
    weights: {},
    judgments: {}
  };
  const known = new Set(Object.keys(defaultReportConfig));
  for (const key of Object.keys(value)) {
    if (!known.has(key)) {
      problems.push(`${key} is not a configuration field; expected ${[...known].join(", ")}`);
    }
  }
  for (const [field, allowed] of Object.entries(configChoices) as [ChoiceField, string[]][]) {
    const given = value[field];
    if (given === undefined) continue;
    if (typeof given === "string" && allowed.includes(given)) {
      (config as unknown as Record<string, unknown>)[field] = given;
    } else {
      problems.push(`${field} is ${describe(given)}; expected one of ${allowed.join(", ")}`);
    }
  }
  for (const field of numberFields) {
    const given = value[field];
    if (given === undefined) continue;
    if (typeof given === "number" && Number.isFinite(given) && given >= 0 && given <= 1) {
      config[field] = given;
    } else {
      problems.push(`${field} is ${describe(given)}; expected a number from 0 to 1`);
    }
  }

  const threshold = value.threshold;
  if (threshold !== undefined) {
    if (isRecord(threshold)) {
      for (const key of Object.keys(threshold)) {
        if (key !== "x" && key !== "y") {
          problems.push(`threshold.${key} is not a threshold field; expected x and y`);
        }
      }
      for (const axis of ["x", "y"] as const) {
        if (threshold[axis] === undefined) continue;
        const checked = checkThreshold(threshold[axis], `threshold.${axis}`, problems);
        if (checked !== null) config.threshold[axis] = checked;
      }
    } else {
      const checked = checkThreshold(threshold, "threshold", problems);
      if (checked !== null) config.threshold = {x: checked, y: checked};
    }
  }

  if (value.weights !== undefined) {
    if (isRecord(value.weights)) {
      for (const [node, children] of Object.entries(value.weights)) {
        try {
          checkLocalWeights(system, {[node]: children as Record<string, number>});
          config.weights[node] = {...(children as Record<string, number>)};
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
    } else {
      problems.push(`weights is ${describe(value.weights)}; expected {node: {id: weight}}`);
    }
  }

  if (value.judgments !== undefined) {
    if (isRecord(value.judgments)) {
      for (const [node, entry] of Object.entries(value.judgments)) {
        const checked = checkJudgments(system, node, entry, problems);
        if (checked !== null) config.judgments[node] = checked;
      }
    } else {
      problems.push(
        `judgments is ${describe(value.judgments)}; expected {node: {order, matrices}}`
      );
    }
  }

  if (problems.length > 0) throw new ConfigError(source, problems);
  return config;
}

/**
 * Writes a configuration as the JSON of a configuration file: a `format` tag, the `version`
 * and the case id, then every field of the configuration.
 *
 * @example JSON.parse(configToJson(defaultReportConfig, "cruise")).case // "cruise"
 */
export function configToJson(config: ReportConfig, caseId: string): string {
  const file = {format: configFormat, version: configVersion, case: caseId, ...config};
  return JSON.stringify(file, null, 2);
}

/**
 * Reads a configuration file written by `configToJson` for the case `caseId` and checks it
 * with `checkReportConfig`.
 *
 * @throws ConfigError naming `file` when the text is not JSON, the format tag or version is
 *   not this report's, the file was made for another case, or a field is invalid
 * @example configFromJson(configToJson(config, "cruise"), system, "cruise") // equals config
 */
export function configFromJson(
  text: string,
  system: IndexSystem,
  caseId: string,
  file = "configuration file"
): ReportConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [`it is not valid JSON (${(error as Error).message})`]);
  }
  if (!isRecord(value)) {
    throw new ConfigError(file, [`it is ${describe(value)}; expected an object`]);
  }

  const {format, version, case: fileCase, ...fields} = value;
  const header: string[] = [];
  if (format !== configFormat) {
    header.push(`format is ${describe(format)}; expected "${configFormat}"`);
  }
  if (version !== configVersion) {
    header.push(`version is ${describe(version)}; expected ${configVersion}`);
  }
  if (fileCase !== caseId) {
    header.push(
      `case is ${describe(fileCase)} but the report shows case "${caseId}"; ` +
        "choose that case first or load a file made for this one"
    );
  }
  if (header.length > 0) throw new ConfigError(file, header);
  return checkReportConfig(fields, system, file);
}

function formatNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}

function formatJudgment(value: number): string {
  return value >= 1 ? formatNumber(value) : `-${formatNumber(1 / value)}`;
}

function formatThreshold(value: Threshold): string {
  return typeof value === "number" ? formatNumber(value) : value;
}

/**
 * Encodes the fields of a configuration that differ from the published defaults as query
 * parameters named after the fields (`alpha=0.7`, `model=additive`). A threshold shared by
 * both axes is `threshold`, otherwise `thresholdX` and `thresholdY` are both written.
 * Weights of a node become `w.NODE` with the values in the system's order joined by "_".
 * Judgments of a node become `j.NODE` with each expert's upper triangle, row by row, joined
 * by "_" and the experts joined by "*". A judgment below 1 is written as "-k" for 1/k.
 * Numbers keep 6 significant digits.
 *
 * @example configToQuery({...defaultReportConfig, alpha: 0.7}, system) // [["alpha", "0.7"]]
 */
export function configToQuery(config: ReportConfig, system: IndexSystem): [string, string][] {
  const entries: [string, string][] = [];
  for (const field of Object.keys(configChoices) as ChoiceField[]) {
    if (config[field] !== defaultReportConfig[field]) {
      entries.push([queryKeys[field], config[field]]);
    }
  }
  for (const field of numberFields) {
    if (config[field] !== defaultReportConfig[field]) {
      entries.push([queryKeys[field], formatNumber(config[field])]);
    }
  }
  const {x, y} = config.threshold;
  if (x !== y) {
    entries.push([queryKeys.thresholdX, formatThreshold(x)]);
    entries.push([queryKeys.thresholdY, formatThreshold(y)]);
  } else if (x !== defaultReportConfig.threshold.x) {
    entries.push([queryKeys.threshold, formatThreshold(x)]);
  }

  const orderOf = new Map(hierarchyNodes(system).map(({node, order}) => [node, order]));
  for (const [node, children] of Object.entries(config.weights)) {
    const order = orderOf.get(node) ?? Object.keys(children);
    entries.push([`w.${node}`, order.map((id) => formatNumber(children[id])).join("_")]);
  }
  for (const [node, {matrices}] of Object.entries(config.judgments)) {
    const experts = matrices.map((matrix) => {
      const upper: string[] = [];
      for (let i = 0; i < matrix.length; i++) {
        for (let j = i + 1; j < matrix.length; j++) upper.push(formatJudgment(matrix[i][j]));
      }
      return upper.join("_");
    });
    entries.push([`j.${node}`, experts.join("*")]);
  }
  return entries;
}

/** Whether a query key is one that `configToQuery` writes. */
export function isConfigQueryKey(key: string): boolean {
  return (
    (Object.values(queryKeys) as string[]).includes(key) ||
    key.startsWith("w.") ||
    key.startsWith("j.")
  );
}

function parseQueryNumber(text: string): number {
  return /^-?\d*\.?\d+(?:e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
}

function parseQueryThreshold(text: string): unknown {
  if (thresholdRules.includes(text)) return text;
  const value = parseQueryNumber(text);
  return Number.isNaN(value) ? text : value;
}

function parseQueryJudgment(text: string): number {
  const negative = text.startsWith("-");
  const value = parseQueryNumber(negative ? text.slice(1) : text);
  return negative ? 1 / value : value;
}

function matrixFromUpper(values: number[], n: number): number[][] {
  const matrix = Array.from({length: n}, () => new Array<number>(n).fill(1));
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      matrix[i][j] = values[k++];
      matrix[j][i] = 1 / matrix[i][j];
    }
  }
  return matrix;
}

/**
 * Reads a configuration from query parameters written by `configToQuery`. Parameters it
 * does not know are left alone, because the page's other state (such as `case`) shares the
 * query. A parameter that does not fit the index system, such as weights of a node the case
 * lacks, is skipped and reported in `problems`, so a link made for another case still opens.
 * Weights are rescaled to sum to 1 after reading, because the link rounds them.
 *
 * @example configFromQuery("case=cruise&alpha=0.7", system).config.alpha // 0.7
 */
export function configFromQuery(
  query: string | URLSearchParams,
  system: IndexSystem
): {config: ReportConfig; problems: string[]} {
  const params = typeof query === "string" ? new URLSearchParams(query) : query;
  const problems: string[] = [];
  const raw: Record<string, unknown> = {};
  const keyOf = new Map<string, string>(
    Object.entries(queryKeys).map(([field, key]) => [key, field])
  );
  const orderOf = new Map(hierarchyNodes(system).map(({node, order}) => [node, order]));
  const weights: Record<string, unknown> = {};
  const judgments: Record<string, unknown> = {};
  const threshold: Record<string, unknown> = {};

  for (const [key, text] of params) {
    const field = keyOf.get(key);
    if (field === "threshold") {
      threshold.x ??= parseQueryThreshold(text);
      threshold.y ??= parseQueryThreshold(text);
    } else if (field === "thresholdX" || field === "thresholdY") {
      threshold[field === "thresholdX" ? "x" : "y"] = parseQueryThreshold(text);
    } else if (field === "alpha" || field === "sideAlpha") {
      raw[field] = parseQueryNumber(text);
    } else if (field !== undefined) {
      raw[field] = text;
    } else if (key.startsWith("w.")) {
      const node = key.slice(2);
      const order = orderOf.get(node);
      const values = text.split("_").map(parseQueryNumber);
      if (order === undefined) {
        weights[node] = {};
        continue;
      }
      if (order.length !== values.length) {
        problems.push(
          `link: ${key} has ${values.length} values; expected ${order.length} ` +
            `(${order.join(", ")})`
        );
        continue;
      }
      const total = values.reduce((sum, x) => sum + x, 0);
      weights[node] = Object.fromEntries(order.map((id, k) => [id, values[k] / total]));
    } else if (key.startsWith("j.")) {
      const node = key.slice(2);
      const order = orderOf.get(node);
      if (order === undefined) {
        judgments[node] = {};
        continue;
      }
      const n = order.length;
      const experts = text.split("*").map((expert) => expert.split("_").map(parseQueryJudgment));
      const wrong = experts.findIndex((values) => values.length !== (n * (n - 1)) / 2);
      if (wrong >= 0) {
        problems.push(
          `link: ${key} gives expert ${wrong + 1} ${experts[wrong].length} judgments; ` +
            `expected ${(n * (n - 1)) / 2}, the upper triangle of a ${n} × ${n} matrix`
        );
        continue;
      }
      judgments[node] = {order, matrices: experts.map((values) => matrixFromUpper(values, n))};
    }
  }
  if (Object.keys(threshold).length > 0) raw.threshold = threshold;
  if (Object.keys(weights).length > 0) raw.weights = weights;
  if (Object.keys(judgments).length > 0) raw.judgments = judgments;

  // Each parameter is checked on its own, so one bad parameter does not discard the rest.
  const config = checkReportConfig({}, system);
  for (const [field, value] of Object.entries(raw)) {
    const perNode = isRecord(value) && field !== "threshold";
    const parts = perNode ? Object.entries(value) : [[null, value]];
    for (const [key, part] of parts) {
      const single = key === null ? {[field]: part} : {[field]: {[key as string]: part}};
      try {
        const checked = checkReportConfig(single, system, "link");
        if (field === "weights") Object.assign(config.weights, checked.weights);
        else if (field === "judgments") Object.assign(config.judgments, checked.judgments);
        else if (field === "threshold") {
          const given = part as Record<string, unknown>;
          if (given.x !== undefined) config.threshold.x = checked.threshold.x;
          if (given.y !== undefined) config.threshold.y = checked.threshold.y;
        } else {
          (config as unknown as Record<string, unknown>)[field] =
            checked[field as keyof ReportConfig];
        }
      } catch (error) {
        problems.push(...(error as ConfigError).problems.map((problem) => `link: ${problem}`));
      }
    }
  }
  return {config, problems};
}

function show(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Lists the fields of a configuration that differ from the published defaults: each choice
 * and number, each axis threshold, each node with hand-set weights and each node with edited
 * judgments. `value` and `default` are short texts for display.
 *
 * @example
 * configDifferences({...defaultReportConfig, alpha: 0.7})
 * // [{field: "alpha", value: "0.7", default: "0.5"}]
 */
export function configDifferences(config: ReportConfig): ConfigDifference[] {
  const differences: ConfigDifference[] = [];
  type Field = ChoiceField | (typeof numberFields)[number];
  const fields = [...Object.keys(configChoices), ...numberFields] as Field[];
  for (const field of fields) {
    if (config[field] !== defaultReportConfig[field]) {
      differences.push({
        field,
        value: show(config[field]),
        default: show(defaultReportConfig[field])
      });
    }
  }
  for (const axis of ["x", "y"] as const) {
    if (config.threshold[axis] !== defaultReportConfig.threshold[axis]) {
      differences.push({
        field: `threshold.${axis}`,
        value: show(config.threshold[axis]),
        default: show(defaultReportConfig.threshold[axis])
      });
    }
  }
  for (const [node, children] of Object.entries(config.weights)) {
    const value = Object.entries(children)
      .map(([id, weight]) => `${id} ${weight.toFixed(3)}`)
      .join(", ");
    differences.push({field: `weights.${node}`, value, default: "from the weighting method"});
  }
  for (const [node, {matrices}] of Object.entries(config.judgments)) {
    const experts = matrices.length === 1 ? "1 expert" : `${matrices.length} experts`;
    differences.push({
      field: `judgments.${node}`,
      value: `edited (${experts})`,
      default: "the case's judgments"
    });
  }
  return differences;
}
