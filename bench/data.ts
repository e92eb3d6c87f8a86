// Seeded benchmark data: customers × 20 indicators of a two-sided index system.
import {randomNormal as d3Normal} from "d3-random";
import type {CaseData} from "../lib/caseData.js";
import {defaultIndexSystem, type IndexSystem, type Indicator} from "../lib/indexSystem.js";
import {seededRandom} from "../lib/random.js";
import type {Direction} from "../lib/types.js";

/** Dimension of each indicator: 10 on the customer side, 10 on the hotel side. */
const layout: [string, Direction][] = [
  ["functional", "benefit"],
  ["functional", "benefit"],
  ["functional", "benefit"],
  ["service", "benefit"],
  ["service", "benefit"],
  ["service", "benefit"],
  ["emotional", "benefit"],
  ["emotional", "benefit"],
  ["sacrifice", "cost"],
  ["sacrifice", "cost"],
  ["current", "benefit"],
  ["current", "benefit"],
  ["current", "benefit"],
  ["potential", "benefit"],
  ["potential", "benefit"],
  ["potential", "cost"],
  ["cost", "cost"],
  ["cost", "cost"],
  ["cost", "cost"],
  ["cost", "cost"]
];

/** Index system of the benchmark: indicators x1…x20 in six dimensions of the default system. */
export const benchSystem: IndexSystem = {
  id: "bench",
  label: {en: "Benchmark indicators", zh: "基准测试指标"},
  dimensions: defaultIndexSystem.dimensions.filter((dimension) =>
    layout.some(([id]) => id === dimension.id)
  ),
  indicators: layout.map(
    ([dimension, direction], j): Indicator => ({
      id: `x${j + 1}`,
      dimension,
      label: {en: `Indicator ${j + 1}`, zh: `指标 ${j + 1}`},
      direction,
      items: [`x${j + 1}`]
    })
  )
};

/** Directions of the benchmark indicators, in system order. */
export const benchDirections: Direction[] = layout.map(([, direction]) => direction);

/**
 * Generates `rows` customers from a latent model, seeded by lib/random.ts. A customer-side
 * and a hotel-side value correlate 0.4. Each dimension has a factor of 0.8 × its side's value
 * plus noise, and each indicator is 50 ± 10 × (0.7 × factor + noise), with the sign reversed
 * for cost indicators. So the columns correlate within dimensions and sides, as survey and
 * record indicators do, and the principal components are not trivial. The first n rows of a
 * larger draw equal a draw of n rows.
 */
export function benchRows(rows: number, seed = 2024): number[][] {
  const normal = d3Normal.source(seededRandom(seed))(0, 1);
  const dimensionIds = benchSystem.dimensions.map((dimension) => dimension.id);
  const hotelSide = benchSystem.dimensions.map((dimension) => dimension.side === "hrv");
  const dimensionOf = layout.map(([id]) => dimensionIds.indexOf(id));
  const factors = new Float64Array(dimensionIds.length);
  const data: number[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const crv = normal();
    const hrv = 0.4 * crv + Math.sqrt(1 - 0.16) * normal();
    for (let d = 0; d < factors.length; d++) {
      factors[d] = 0.8 * (hotelSide[d] ? hrv : crv) + 0.6 * normal();
    }
    const row = new Array<number>(layout.length);
    for (let j = 0; j < layout.length; j++) {
      const z = 0.7 * factors[dimensionOf[j]] + 0.714 * normal();
      row[j] = 50 + (benchDirections[j] === "cost" ? -10 : 10) * z;
    }
    data[i] = row;
  }
  return data;
}

/** Wraps benchmark rows as a case with no expert judgments, so AHP weights are equal. */
export function benchCase(values: number[][]): CaseData {
  return {
    id: "bench",
    title: {en: "Benchmark data", zh: "基准测试数据"},
    kind: "records",
    synthetic: true,
    source: {citation: "Seeded benchmark data (bench/data.ts)", licence: "MIT"},
    system: benchSystem,
    ids: values.map((_, i) => String(i + 1)),
    values,
    profile: [],
    experts: {names: [], judgments: [], note: "none"},
    audit: {
      file: "bench",
      rawRows: values.length,
      keptRows: values.length,
      dropped: [],
      recoded: []
    }
  };
}
