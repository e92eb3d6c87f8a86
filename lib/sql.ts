import {extent} from "simple-statistics";
import type {CaseData} from "./caseData.js";
import type {ValueClass} from "./classify.js";
import type {RelationshipModel} from "./coupling.js";
import type {Analysis, MatrixAxes} from "./pipeline.js";
import type {Direction, Side} from "./types.js";

/** One indicator of a scoring model: its column, place, direction, bounds and weight. */
export interface ScoringIndicator {
  /** Indicator id, which is also the column name of its raw values in the scored table. */
  id: string;
  side: Side;
  dimension: string;
  direction: Direction;
  /** Min–max normalisation bounds from the data the model was built on. */
  min: number;
  max: number;
  /** Final weight within the side (the weights of a side sum to 1). */
  weight: number;
}

/**
 * Everything needed to score customers without the data the model came from: normalisation
 * bounds, final weights, the relationship-value model (null when one side is not measured)
 * and the value matrix with its numeric thresholds.
 */
export interface ScoringModel {
  indicators: ScoringIndicator[];
  /** Dimensions in system order, each with the sum of its indicators' weights. */
  dimensions: {id: string; side: Side; weight: number}[];
  relationship: {model: RelationshipModel; alpha: number} | null;
  axes: MatrixAxes;
  thresholds: {x: number; y: number};
}

/** Options of `scoringSql`. */
export interface ScoringSqlOptions {
  /** Table or view with one row per customer and one raw column per indicator; "customers". */
  table?: string;
  /** Column that identifies a customer, copied to the output; "id". */
  idColumn?: string;
  /** Quote for identifiers: '"' (standard SQL, DuckDB, PostgreSQL) or '`' (Spark, BigQuery). */
  identifierQuote?: '"' | "`";
  /** 64-bit floating-point type: "DOUBLE" (default), "FLOAT64", "DOUBLE PRECISION", … */
  doubleType?: string;
}

/**
 * Freezes an analysis of a case into a scoring model: the min–max bounds of every indicator
 * in `data.values`, the final weights, the relationship-value model with α = the CRV weight
 * (when both sides are measured), the value-matrix axes and the numeric thresholds that the
 * analysis resolved (e.g. the means).
 *
 * @throws Error when the analysis has another number of weights than the case has indicators
 * @example
 * scoringModel(data, analyzeCase(data)).thresholds // {x: 0.05…, y: 0.52…} for bookings
 */
export function scoringModel(data: CaseData, analysis: Analysis): ScoringModel {
  const {system} = data;
  const weights = analysis.weights.final;
  if (weights.length !== system.indicators.length) {
    throw new Error(
      `analysis has ${weights.length} weights but case ${data.id} has ` +
        `${system.indicators.length} indicators`
    );
  }
  const sideOf = new Map(system.dimensions.map((dimension) => [dimension.id, dimension.side]));

  const indicators = system.indicators.map((indicator, j) => {
    const [min, max] = extent(data.values.map((row) => row[j]));
    return {
      id: indicator.id,
      side: sideOf.get(indicator.dimension) as Side,
      dimension: indicator.dimension,
      direction: indicator.direction,
      min,
      max,
      weight: weights[j]
    };
  });
  const dimensions = system.dimensions
    .filter((dimension) => indicators.some((indicator) => indicator.dimension === dimension.id))
    .map((dimension) => ({
      id: dimension.id,
      side: dimension.side,
      weight: analysis.scores.dimensionWeights[dimension.id]
    }));
  return {
    indicators,
    dimensions,
    relationship:
      analysis.value === null
        ? null
        : {model: analysis.config.model, alpha: analysis.config.sideAlpha},
    axes: analysis.axes,
    thresholds: analysis.classes.thresholds
  };
}

function checkModel(model: ScoringModel): void {
  if (model.indicators.length === 0) throw new Error("scoring model has no indicators");
  for (const indicator of model.indicators) {
    const {id, min, max, weight, direction} = indicator;
    if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
      throw new Error(`indicator "${id}" has bounds [${min}, ${max}]; expected finite min ≤ max`);
    }
    if (!(weight >= 0) || !Number.isFinite(weight)) {
      throw new Error(`indicator "${id}" has weight ${weight}; expected a finite number ≥ 0`);
    }
    if (direction !== "benefit" && direction !== "cost") {
      throw new Error(`indicator "${id}" has direction "${direction}"; expected benefit or cost`);
    }
    if (!model.dimensions.some((dimension) => dimension.id === indicator.dimension)) {
      throw new Error(
        `indicator "${id}" names dimension "${indicator.dimension}", which the model lacks`
      );
    }
  }
  for (const [axis, value] of Object.entries(model.thresholds)) {
    if (!Number.isFinite(value)) {
      throw new Error(`threshold of axis ${axis} is ${value}; expected a finite number`);
    }
  }
  const alpha = model.relationship?.alpha ?? 0.5;
  if (!(alpha >= 0 && alpha <= 1)) {
    throw new Error(`relationship alpha is ${alpha}; expected a number from 0 to 1`);
  }
}

/**
 * Writes a scoring model as one SQL query over a table of raw indicator values (one row per
 * customer, one column per indicator id). The query returns the id, every dimension score
 * (`dimension_<id>`), every side score (`side_crv`, `side_hrv`), with both sides also
 * `coupling_c`, `coupling_t`, `relationship_value` and `grade` (0–9), and the value-matrix
 * `class` (partners, growers, atRisk, transactional). It computes what lib/ computes, in the
 * same order of operations. Indicators are min–max normalised with the model's bounds (cost
 * reversed, 0 for a constant indicator) and summed with their weights in indicator order.
 * Then come the chosen relationship-value model and the class split at the thresholds, where
 * a score equal to a threshold is high.
 *
 * Normalised values are clamped to [0, 1], so a new customer beyond a bound scores like the
 * bound; on the data the model came from this changes nothing. A row with a NULL indicator
 * gets NULL scores and a NULL class. Numbers are written in exponent notation with enough
 * digits to read back as the same doubles. The query uses only CASE, SQRT, POWER, FLOOR and
 * CAST, and the tests run it on DuckDB 1.5.
 * NOTE: Spark SQL and BigQuery (identifierQuote "`", BigQuery doubleType "FLOAT64") and
 * PostgreSQL (doubleType "DOUBLE PRECISION") should accept it, but no test runs it there.
 *
 * @throws Error on an empty model, bounds that are not finite with min ≤ max, a negative
 *   weight, an unknown direction or dimension, a threshold that is not finite, an α
 *   outside [0, 1], an identifierQuote other than '"' and '`', or a doubleType that is not
 *   letters, digits, underscores and spaces
 * @example
 * scoringSql(model, {table: "bookings"})
 * // 'WITH scaled AS (SELECT "id", (CAST("revenue" AS DOUBLE) - 0e+0) / 7.59e+3 AS x0, …'
 */
export function scoringSql(model: ScoringModel, options: ScoringSqlOptions = {}): string {
  const {table = "customers", idColumn = "id", identifierQuote = '"', doubleType = "DOUBLE"} =
    options;
  checkModel(model);
  if (!/^[A-Za-z_][A-Za-z0-9_ ]*$/.test(doubleType)) {
    throw new Error(`doubleType "${doubleType}" is not a type name; expected e.g. DOUBLE`);
  }
  if (identifierQuote !== '"' && identifierQuote !== "`") {
    throw new Error(`identifierQuote ${identifierQuote} is invalid; expected '"' or '\`'`);
  }
  const q = (name: string) =>
    identifierQuote + name.split(identifierQuote).join(identifierQuote + identifierQuote) +
    identifierQuote;
  const id = q(idColumn);

  const normalised = model.indicators.map((indicator, j) => {
    const x = `CAST(${q(indicator.id)} AS ${doubleType})`;
    const range = indicator.max - indicator.min;
    if (range === 0) return `CASE WHEN ${x} IS NULL THEN NULL ELSE 0 END AS x${j}`;
    const scaled =
      indicator.direction === "cost"
        ? `(${number(indicator.max)} - ${x}) / ${number(range)}`
        : `(${x} - ${number(indicator.min)}) / ${number(range)}`;
    return `${scaled} AS x${j}`;
  });
  // CASE rather than GREATEST and LEAST, which skip NULL arguments in most engines.
  const clamped = model.indicators.map(
    (_, j) => `CASE WHEN x${j} < 0 THEN 0 WHEN x${j} > 1 THEN 1 ELSE x${j} END AS x${j}`
  );

  const scoreColumns: string[] = [];
  for (const dimension of model.dimensions) {
    const terms = model.indicators.flatMap((indicator, j) => {
      if (indicator.dimension !== dimension.id) return [];
      const local = dimension.weight > 0 ? indicator.weight / dimension.weight : 0;
      return [`${number(local)} * x${j}`];
    });
    scoreColumns.push(`${terms.join(" + ")} AS ${q(`dimension_${dimension.id}`)}`);
  }
  const sides = [...new Set(model.indicators.map((indicator) => indicator.side))];
  for (const side of sides) {
    const terms = model.indicators.flatMap((indicator, j) =>
      indicator.side === side ? [`${number(indicator.weight)} * x${j}`] : []
    );
    scoreColumns.push(`${terms.join(" + ")} AS ${q(`side_${side}`)}`);
  }

  const valueColumns = relationshipColumns(model, q);
  const axis = (name: keyof MatrixAxes) =>
    q(`${model.axes[name].kind}_${model.axes[name].id}`);
  const [x, y] = [axis("x"), axis("y")];
  const high = (score: string, threshold: number) => `${score} >= ${number(threshold)}`;
  const label = (id: ValueClass) => `'${id}'`;
  const classColumn =
    `CASE WHEN ${x} IS NULL OR ${y} IS NULL THEN NULL ` +
    `WHEN ${high(y, model.thresholds.y)} THEN ` +
    `CASE WHEN ${high(x, model.thresholds.x)} THEN ${label("partners")} ` +
    `ELSE ${label("atRisk")} END ` +
    `ELSE CASE WHEN ${high(x, model.thresholds.x)} THEN ${label("growers")} ` +
    `ELSE ${label("transactional")} END END AS ${q("class")}`;

  return [
    `WITH scaled AS (SELECT ${id}, ${normalised.join(", ")} FROM ${q(table)}),`,
    `normalised AS (SELECT ${id}, ${clamped.join(", ")} FROM scaled),`,
    `scores AS (SELECT ${id}, ${scoreColumns.join(", ")} FROM normalised)`,
    `SELECT *, ${[...valueColumns, classColumn].join(", ")} FROM scores`
  ].join("\n");
}

/** Relationship value columns of a model with both sides, none otherwise. */
function relationshipColumns(model: ScoringModel, q: (name: string) => string): string[] {
  if (model.relationship === null) return [];
  const {model: kind, alpha} = model.relationship;
  const [u1, u2] = [q("side_crv"), q("side_hrv")];
  const [a, b] = [number(alpha), number(1 - alpha)];
  const t = `${a} * ${u1} + ${b} * ${u2}`;
  const c = `CASE WHEN ${u1} + ${u2} = 0 THEN 0 ELSE 2 * SQRT(${u1} * ${u2}) / (${u1} + ${u2}) END`;
  const d = `SQRT((${c}) * (${t}))`;
  const value =
    kind === "coupling"
      ? d
      : kind === "additive"
        ? t
        : `POWER(${u1}, ${a}) * POWER(${u2}, ${b})`;
  return [
    `${c} AS ${q("coupling_c")}`,
    `${t} AS ${q("coupling_t")}`,
    `${value} AS ${q("relationship_value")}`,
    `CASE WHEN FLOOR(10 * (${d})) > 9 THEN 9 ELSE FLOOR(10 * (${d})) END AS ${q("grade")}`
  ];
}

/** Writes a double as an SQL literal that reads back exactly, a negative one in brackets. */
function number(value: number): string {
  const text = value.toExponential();
  return value < 0 ? `(${text})` : text;
}
