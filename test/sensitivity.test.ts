import {describe, expect, it} from "vitest";
import type {CaseData} from "../lib/caseData.js";
import {spearman} from "../lib/correlation.js";
import type {IndexSystem} from "../lib/indexSystem.js";
import {analyzeCase, axisScores, rescore, type Analysis} from "../lib/pipeline.js";
import {randomDirichlet, seededRandom} from "../lib/random.js";
import {scoreHierarchy} from "../lib/scores.js";
import {
  drawRandom,
  mergeSensitivityShares,
  sensitivityShare,
  weightSensitivity
} from "../lib/sensitivity.js";
import type {Side} from "../lib/types.js";

const label = (text: string) => ({en: text, zh: text});

const system: IndexSystem = {
  id: "sensitivity",
  label: label("sensitivity"),
  dimensions: [
    {id: "functional", side: "crv", label: label("functional")},
    {id: "current", side: "hrv", label: label("current")}
  ],
  indicators: ["a", "b", "c"].map((id) => ({
    id,
    dimension: "functional",
    label: label(id),
    direction: "benefit" as const,
    items: [id]
  })).concat(
    ["d", "e"].map((id) => ({
      id,
      dimension: "current",
      label: label(id),
      direction: "benefit" as const,
      items: [id]
    }))
  )
};

const rng = seededRandom(7);
const values = Array.from({length: 200}, () => Array.from({length: 5}, () => rng()));
const data: CaseData = {
  id: "sensitivity",
  title: label("sensitivity"),
  kind: "survey",
  synthetic: true,
  source: {citation: "seeded uniform data", licence: "CC0"},
  system,
  ids: values.map((_, i) => String(i)),
  values,
  profile: [],
  experts: {names: [], note: "", judgments: []},
  audit: {file: "generated", rawRows: 200, keptRows: 200, dropped: [], recoded: []}
};
const analysis = analyzeCase(data);

describe("weightSensitivity", () => {
  it("keeps every class when the draws barely move", () => {
    const result = weightSensitivity(data, analysis, {draws: 20, concentration: 1e9});
    expect(Math.min(...result.keepShare)).toBeGreaterThan(0.99);
    expect(Math.min(...result.rankCorrelation)).toBeGreaterThan(0.9999);
  });

  it("moves customers when the draws are wide", () => {
    const result = weightSensitivity(data, analysis, {draws: 50, concentration: 2});
    const meanKeep = result.keepShare.reduce((a, b) => a + b, 0) / result.draws;
    expect(meanKeep).toBeLessThan(0.95);
    expect(meanKeep).toBeGreaterThan(0.3);
    expect(Math.max(...result.flipRate)).toBeGreaterThan(0);
  });

  it("counts flips consistently with the keep shares", () => {
    // Σ_i flipRate_i · draws = Σ_draws (1 − keepShare) · n
    const result = weightSensitivity(data, analysis, {draws: 30, concentration: 5});
    const flips = result.flipRate.reduce((a, b) => a + b, 0) * result.draws;
    const moved = result.keepShare.reduce((a, b) => a + (1 - b), 0) * values.length;
    expect(flips).toBeCloseTo(moved, 8);
  });

  it("is reproducible for a seed", () => {
    const first = weightSensitivity(data, analysis, {draws: 10, concentration: 10, seed: 3});
    const second = weightSensitivity(data, analysis, {draws: 10, concentration: 10, seed: 3});
    expect(Array.from(first.keepShare)).toEqual(Array.from(second.keepShare));
  });

  it("reports progress after each draw", () => {
    const seen: number[] = [];
    weightSensitivity(data, analysis, {draws: 3, onProgress: (done) => seen.push(done)});
    expect(seen).toEqual([1, 2, 3]);
  });

  it("ranks relationship value when both sides are measured", () => {
    expect(weightSensitivity(data, analysis, {draws: 1}).ranked).toBe("relationship value");
  });

  it("marks rank correlation undefined for constant scores", () => {
    const flat: CaseData = {...data, values: values.map((row) => [0.5, row[1], row[2], row[3], 0.5])};
    const flatAnalysis = analyzeCase(flat, {weighting: "ahp"});
    // With AHP equal weights the HRV side mixes d (varying) and e (constant), so force the
    // ranked score constant by giving e all the HRV weight.
    const weights = flatAnalysis.weights.final.map((w, j) => (j < 3 ? w : j === 4 ? 1 : 0));
    const pinned = {...flatAnalysis, weights: {...flatAnalysis.weights, final: weights}};
    const result = weightSensitivity(flat, pinned, {draws: 4});
    expect(result.undefinedRankDraws).toBe(4);
    expect(Number.isNaN(result.rankCorrelation[0])).toBe(true);
  });

  it("rejects a non-positive concentration", () => {
    expect(() => weightSensitivity(data, analysis, {concentration: 0})).toThrow(
      /concentration = 0; expected a positive number/
    );
  });

  it("rejects a fractional number of draws", () => {
    expect(() => weightSensitivity(data, analysis, {draws: 1.5})).toThrow(
      /draws = 1.5; expected a positive integer/
    );
  });
});

/**
 * The sensitivity analysis done the direct way: every draw runs scoreHierarchy, rescore
 * and spearman on fresh arrays, with the weight draws of weightSensitivity.
 */
function directSensitivity(data: CaseData, analysis: Analysis, draws: number, seed: number) {
  const concentration = 100;
  const sideOf = new Map(data.system.dimensions.map((d) => [d.id, d.side]));
  const groups = new Map<Side, number[]>();
  data.system.indicators.forEach((item, j) => {
    const side = sideOf.get(item.dimension) as Side;
    if (analysis.weights.final[j] > 0) groups.set(side, [...(groups.get(side) ?? []), j]);
  });
  const weights = analysis.weights.final.slice();
  const base = analysis.value ?? axisScores(analysis.scores, analysis.axes.y);
  const keepShare: number[] = [];
  const rankCorrelation: number[] = [];
  const flips = new Array<number>(base.length).fill(0);
  for (let draw = 0; draw < draws; draw++) {
    const rng = drawRandom(seed, draw);
    for (const indexes of groups.values()) {
      const alphas = indexes.map((j) => concentration * analysis.weights.final[j]);
      const sample = randomDirichlet(rng, alphas);
      indexes.forEach((j, k) => (weights[j] = sample[k]));
    }
    const scores = scoreHierarchy(analysis.columns, data.system, weights);
    const result = rescore(data, scores, analysis.config);
    let kept = 0;
    result.classes.labels.forEach((label, i) => {
      if (label === analysis.classes.labels[i]) kept++;
      else flips[i]++;
    });
    keepShare.push(kept / base.length);
    const ranked = result.value ?? axisScores(scores, analysis.axes.y);
    rankCorrelation.push(spearman(Array.from(base), Array.from(ranked)).rho);
  }
  return {keepShare, rankCorrelation, flipRate: flips.map((count) => count / draws)};
}

function expectSameAsDirect(data: CaseData, analysis: Analysis, draws: number) {
  const fast = weightSensitivity(data, analysis, {draws, concentration: 100, seed: 9});
  const direct = directSensitivity(data, analysis, draws, 9);
  expect(Array.from(fast.keepShare)).toEqual(direct.keepShare);
  expect(Array.from(fast.flipRate)).toEqual(direct.flipRate);
  direct.rankCorrelation.forEach((rho, draw) => {
    expect(Math.abs(fast.rankCorrelation[draw] - rho), `draw ${draw}`).toBeLessThan(1e-12);
  });
}

describe("weightSensitivity against direct rescoring", () => {
  // 23 draws span several batches of draws and a partial last batch.
  const configs = [
    {},
    {model: "additive" as const},
    {model: "geometric" as const, threshold: "median" as const},
    {threshold: {x: 0.45, y: "midpoint" as const}, sideAlpha: 0.3}
  ];
  for (const config of configs) {
    it(`matches for ${JSON.stringify(config)}`, () => {
      expectSameAsDirect(data, analyzeCase(data, config), 23);
    });
  }

  it("matches with tied scores", () => {
    // Values on a 1–5 scale tie often, so the ranks average over ties.
    const likert = values.map((row) => row.map((x) => 1 + Math.floor(5 * x)));
    const tied = {...data, values: likert};
    expectSameAsDirect(tied, analyzeCase(tied), 7);
  });

  it("matches when most scores crowd into one bucket of the rank sort", () => {
    // One customer far above the rest leaves every other relationship value below 0.001 of
    // the range, so more than 64 of them share one of the equal-width buckets of the sort.
    const crowded = {...data, values: values.map((row, i) => row.map((x) => x + (i ? 0 : 1e6)))};
    expectSameAsDirect(crowded, analyzeCase(crowded), 5);
  });

  it("matches on one side with dimension axes", () => {
    const oneSided: IndexSystem = {
      ...system,
      dimensions: [
        {id: "current", side: "hrv", label: label("current")},
        {id: "potential", side: "hrv", label: label("potential")}
      ],
      indicators: system.indicators.map((item, j) => ({
        ...item,
        dimension: j < 3 ? "current" : "potential"
      }))
    };
    const records = {...data, kind: "records" as const, system: oneSided};
    const analysis = analyzeCase(records);
    expect(analysis.value).toBeNull();
    expectSameAsDirect(records, analysis, 5);
  });
});

describe("drawRandom", () => {
  it("starts draw 0 at the seed's stream", () => {
    const direct = seededRandom(5);
    const derived = drawRandom(5, 0);
    for (let k = 0; k < 3; k++) expect(derived()).toBe(direct());
  });

  it("gives draws their own streams", () => {
    // Draw 3 of seed 5 is the stream of seed 5 + 3·0x9E3779B9 mod 2³² = 3,668,340,016 (python3).
    expect((5 + 3 * 0x9e3779b9) % 2 ** 32).toBe(3668340016);
    const direct = seededRandom(3668340016);
    const derived = drawRandom(5, 3);
    for (let k = 0; k < 3; k++) expect(derived()).toBe(direct());
    expect(drawRandom(5, 4)()).not.toBe(drawRandom(5, 3)());
  });

  it("rejects a negative draw", () => {
    expect(() => drawRandom(1, -1)).toThrow("draw = -1; expected a non-negative integer");
  });
});

describe("mergeSensitivityShares", () => {
  const options = {concentration: 100, seed: 4};
  const whole = weightSensitivity(data, analysis, {...options, draws: 23});

  it("equals the single run for any split", () => {
    // Splits into 1, 2, 3 and 4 shares as the page does for 1 to 4 workers, given in reverse.
    for (const bounds of [[0, 23], [0, 12, 23], [0, 8, 16, 23], [0, 6, 12, 18, 23]]) {
      const shares = bounds.slice(0, -1).map((first, s) =>
        sensitivityShare(data, analysis, options, first, bounds[s + 1] - first)
      );
      const merged = mergeSensitivityShares(shares.reverse());
      expect(merged.draws).toBe(23);
      expect(Array.from(merged.keepShare)).toEqual(Array.from(whole.keepShare));
      expect(Array.from(merged.rankCorrelation)).toEqual(Array.from(whole.rankCorrelation));
      expect(Array.from(merged.flipRate)).toEqual(Array.from(whole.flipRate));
      expect(merged.undefinedRankDraws).toBe(whole.undefinedRankDraws);
      expect(merged.ranked).toBe(whole.ranked);
    }
  });

  it("rejects a gap between shares", () => {
    const shares = [
      sensitivityShare(data, analysis, options, 0, 3),
      sensitivityShare(data, analysis, options, 4, 3)
    ];
    expect(() => mergeSensitivityShares(shares)).toThrow(
      "sensitivity share starts at draw 4; expected draw 3"
    );
  });

  it("rejects shares of different concentrations", () => {
    const shares = [
      sensitivityShare(data, analysis, options, 0, 3),
      sensitivityShare(data, analysis, {...options, concentration: 50}, 3, 3)
    ];
    expect(() => mergeSensitivityShares(shares)).toThrow(
      "concentration 50; expected 200 and 100"
    );
  });
});
