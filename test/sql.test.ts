import {readFileSync} from "node:fs";
import {gunzipSync} from "node:zlib";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {bookingsFile, readBookingsCase} from "../lib/bookings.js";
import type {CaseData} from "../lib/caseData.js";
import {analyzeCase, type Analysis, type AnalysisConfig} from "../lib/pipeline.js";
import {
  scoringModel,
  scoringSql,
  type ScoringIndicator,
  type ScoringModel
} from "../lib/sql.js";
import {buildTeachingCase, syntheticCase} from "../lib/synthetic.js";
import type {Direction} from "../lib/types.js";

// The SQL runs in DuckDB (through @duckdb/node-api) on the same raw indicator values that
// lib/ scores, and every score must agree with lib/ to 1e-9 and every class exactly.

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

/** Loads the raw indicator values of a case into a DuckDB table named `table`. */
async function loadTable(data: CaseData, table: string): Promise<void> {
  const columns = data.system.indicators.map((indicator) => `"${indicator.id}" DOUBLE`);
  await connection.run(`CREATE OR REPLACE TABLE ${table} (id VARCHAR, ${columns.join(", ")})`);
  const appender = await connection.createAppender(table);
  data.values.forEach((row, i) => {
    appender.appendVarchar(data.ids[i]);
    for (const value of row) appender.appendDouble(value);
    appender.endRow();
  });
  appender.closeSync();
}

async function query(sql: string): Promise<Record<string, unknown[]>> {
  const reader = await connection.runAndReadAll(sql);
  const names = reader.columnNames();
  const columns = reader.getColumnsJS();
  return Object.fromEntries(names.map((name, j) => [name, columns[j]]));
}

function maxDifference(a: ArrayLike<number>, b: unknown[]): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - Number(b[i])));
  return max;
}

/** Compares every score and class of the SQL output with the lib/ analysis. */
function expectSameScores(
  analysis: Analysis,
  model: ScoringModel,
  ids: string[],
  result: Record<string, unknown[]>
): void {
  // Engines may return rows in any order, so the SQL rows are matched to lib/ rows by id.
  const order = new Map(result.id.map((id, k) => [id as string, k]));
  expect(order.size).toBe(ids.length);
  const rows = ids.map((id) => order.get(id) as number);
  result = Object.fromEntries(
    Object.entries(result).map(([name, column]) => [name, rows.map((k) => column[k])])
  );
  expect(result.id).toEqual(ids);
  for (const dimension of model.dimensions) {
    const scores = analysis.scores.dimensions[dimension.id];
    expect(maxDifference(scores, result[`dimension_${dimension.id}`])).toBeLessThanOrEqual(1e-9);
  }
  for (const [side, scores] of Object.entries(analysis.scores.sides)) {
    expect(maxDifference(scores, result[`side_${side}`])).toBeLessThanOrEqual(1e-9);
  }
  if (analysis.value !== null) {
    expect(maxDifference(analysis.value, result.relationship_value)).toBeLessThanOrEqual(1e-9);
    expect(maxDifference(analysis.coupling!.c, result.coupling_c)).toBeLessThanOrEqual(1e-9);
    expect(maxDifference(analysis.coupling!.t, result.coupling_t)).toBeLessThanOrEqual(1e-9);
    expect(result.grade.map(Number)).toEqual(Array.from(analysis.coupling!.grade));
  }
  const differing = analysis.classes.labels.filter((label, i) => label !== result.class[i]);
  expect(differing).toEqual([]);
}

describe("scoringSql on the bookings case", () => {
  const bytes = gunzipSync(readFileSync(bookingsFile));
  const data = readBookingsCase(bytes, bookingsFile);
  const analysis = analyzeCase(data);
  const model = scoringModel(data, analysis);

  test("model carries bounds, weights and thresholds", () => {
    expect(model.indicators.map((i) => [i.id, i.min, i.max])).toEqual([
      ["revenue", 0, 7590],
      ["repeated_guest", 0, 1],
      ["previous_cancellations", 0, 26],
      ["canceled", 0, 1],
      ["special_requests", 0, 5],
      ["intermediated", 0, 1]
    ]);
    expect(model.indicators.map((i) => i.weight)).toEqual(analysis.weights.final);
    expect(model.relationship).toBeNull();
    expect(model.thresholds).toEqual(analysis.classes.thresholds);
  });

  test("DuckDB gives the scores and classes of lib/", async () => {
    await loadTable(data, "bookings");
    const result = await query(scoringSql(model, {table: "bookings"}));
    expect(Object.keys(result)).toEqual([
      "id",
      "dimension_current",
      "dimension_potential",
      "dimension_cost",
      "side_hrv",
      "class"
    ]);
    expectSameScores(analysis, model, data.ids, result);
  }, 60_000);
});

describe("scoringSql on a case with both sides", () => {
  const data = buildTeachingCase(syntheticCase());
  const configs: Partial<AnalysisConfig>[] = [
    {},
    {model: "additive", sideAlpha: 0.3, threshold: "median"},
    {model: "geometric", weighting: "objective", objective: "critic"}
  ];

  test.each(configs)("DuckDB gives the scores of lib/ with %o", async (config) => {
    const analysis = analyzeCase(data, config);
    const model = scoringModel(data, analysis);
    await loadTable(data, "teaching");
    const result = await query(scoringSql(model, {table: "teaching"}));
    const relationship = {model: config.model ?? "coupling", alpha: config.sideAlpha ?? 0.5};
    expect(model.relationship).toEqual(relationship);
    expectSameScores(analysis, model, data.ids, result);
  });
});

describe("scoringSql edge cases", () => {
  const indicator = (
    id: string,
    dimension: string,
    direction: Direction,
    [min, max]: [number, number],
    weight: number
  ): ScoringIndicator => ({id, side: "hrv", dimension, direction, min, max, weight});
  const model: ScoringModel = {
    indicators: [
      indicator("a", "current", "benefit", [0, 10], 0.5),
      indicator("b", "potential", "cost", [-2, 2], 0.5),
      indicator("c", "potential", "benefit", [3, 3], 0)
    ],
    dimensions: [
      {id: "current", side: "hrv", weight: 0.5},
      {id: "potential", side: "hrv", weight: 0.5}
    ],
    relationship: null,
    axes: {x: {kind: "dimension", id: "current"}, y: {kind: "dimension", id: "potential"}},
    thresholds: {x: 0.5, y: 0.5}
  };

  test("clamps values beyond the bounds and handles NULL", async () => {
    await connection.run(
      "CREATE OR REPLACE TABLE edge AS SELECT * FROM (VALUES " +
        "('in', 5, 0, 3), ('above', 20, -4, 3), ('below', -1, 4, 9), ('gap', NULL, 0, 3)" +
        ") AS t(id, a, b, c)"
    );
    const result = await query(scoringSql(model, {table: "edge"}));
    expect(result.id).toEqual(["in", "above", "below", "gap"]);
    // a: (5 − 0)/10 = 0.5, clamped to 1 and 0; b (cost): (2 − 0)/4 = 0.5, then 1 and 0.
    expect(result.dimension_current).toEqual([0.5, 1, 0, null]);
    expect(result.dimension_potential).toEqual([0.5, 1, 0, 0.5]);
    expect(result.side_hrv).toEqual([0.5, 1, 0, null]);
    expect(result.class).toEqual(["partners", "partners", "transactional", null]);
  });

  test("quotes identifiers for Spark and BigQuery", () => {
    const sql = scoringSql(model, {table: "edge", identifierQuote: "`", doubleType: "FLOAT64"});
    expect(sql).toContain("CAST(`a` AS FLOAT64)");
    expect(sql).toContain("FROM `edge`");
    expect(sql).not.toContain('"');
  });

  test("writes numbers that read back exactly", async () => {
    const weights = [0.1, 1 / 3, 2 / 3 - 1e-17, 0.30000000000000004, 5e-324];
    const literals = weights.map((w) => w.toExponential());
    const result = await query(`SELECT ${literals.join(", ")}`);
    expect(Object.values(result).map((column) => column[0])).toEqual(weights);
  });

  test("rejects invalid models and options", () => {
    const bad = (change: (m: ScoringModel) => void) => {
      const copy = structuredClone(model);
      change(copy);
      return () => scoringSql(copy);
    };
    expect(bad((m) => (m.indicators[0].min = 11))).toThrow('indicator "a" has bounds [11, 10]');
    expect(bad((m) => (m.indicators[0].weight = -1))).toThrow('indicator "a" has weight -1');
    expect(bad((m) => (m.indicators[0].dimension = "x"))).toThrow('names dimension "x"');
    expect(bad((m) => (m.thresholds.x = NaN))).toThrow("threshold of axis x is NaN");
    expect(bad((m) => (m.indicators = []))).toThrow("scoring model has no indicators");
    expect(() => scoringSql(model, {doubleType: "DOUBLE; DROP"})).toThrow("not a type name");
  });
});
