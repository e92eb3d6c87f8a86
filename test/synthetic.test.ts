import {sampleCorrelation} from "simple-statistics";
import {describe as group, expect, it} from "vitest";
import {ahp, SAATY_SCALE} from "../lib/ahp.js";
import {ahpHierarchy, hierarchyNodes} from "../lib/hierarchy.js";
import {validateIndexSystem} from "../lib/indexSystem.js";
import {analyzeCase} from "../lib/pipeline.js";
import {
  teachingAttentionCheck,
  buildTeachingCase,
  defaultSyntheticOptions,
  syntheticCase,
  type SyntheticCase
} from "../lib/synthetic.js";

/** Options that leave only attentive, complete, unique respondents. */
const noDefects = {careless: 0, incomplete: 0, outOfRange: 0, duplicates: 0};

/** Column of the survey as numbers (the rows used here have no missing answer). */
function column(data: SyntheticCase, name: string): number[] {
  const j = data.survey.columns.indexOf(name);
  return data.survey.values.map((row) => row[j] as number);
}

function mean(x: number[]): number {
  return x.reduce((sum, v) => sum + v, 0) / x.length;
}

/**
 * Four standard errors of a sample correlation r from n pairs. The standard error (1 − r²)/√n
 * is the large-sample value for normal data and an approximation for 1–5 answers. A correct
 * generator fails a 4-standard-error check about once in 16,000 seeds.
 */
function correlationTolerance(r: number, n: number): number {
  return (4 * (1 - r * r)) / Math.sqrt(n);
}

group("syntheticCase reproducibility", () => {
  it("gives identical output for the same seed", () => {
    const first = syntheticCase({n: 150, seed: 11});
    const second = syntheticCase({n: 150, seed: 11});
    expect(second).toEqual(first);
  });

  it("gives different output for another seed", () => {
    const first = syntheticCase({n: 150, seed: 11});
    const second = syntheticCase({n: 150, seed: 12});
    expect(second.survey.values).not.toEqual(first.survey.values);
    expect(second.records.values).not.toEqual(first.records.values);
    expect(second.truth.map((t) => t.crv)).not.toEqual(first.truth.map((t) => t.crv));
  });

  it("uses the documented defaults", () => {
    const data = syntheticCase();
    expect(data.options).toEqual(defaultSyntheticOptions);
    expect(data.truth).toHaveLength(600);
    expect(data.survey.values).toHaveLength(605);
    expect(data.records.ids).toEqual(data.truth.map((t) => t.id));
  });
});

group("syntheticCase latent model", () => {
  const n = 20000;
  const data = syntheticCase({n, seed: 7, ...noDefects});
  const crv = data.truth.map((t) => t.crv);
  const hrv = data.truth.map((t) => t.hrv);

  it("recovers the latent correlation rho", () => {
    const rho = defaultSyntheticOptions.rho;
    const r = sampleCorrelation(crv, hrv);
    expect(Math.abs(r - rho)).toBeLessThan(correlationTolerance(rho, n));
  });

  it("recovers a negative rho", () => {
    const other = syntheticCase({n, seed: 8, rho: -0.6, ...noDefects});
    const r = sampleCorrelation(
      other.truth.map((t) => t.crv),
      other.truth.map((t) => t.hrv)
    );
    expect(Math.abs(r + 0.6)).toBeLessThan(correlationTolerance(0.6, n));
  });

  it("draws standard normal latent values", () => {
    // Standard errors: 1/√n for a mean of N(0, 1) draws.
    expect(Math.abs(mean(crv))).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(mean(hrv))).toBeLessThan(4 / Math.sqrt(n));
  });

  it("loads each dimension factor on its side", () => {
    const loadings = defaultSyntheticOptions.dimensionLoadings;
    const cases: [string, number[], number][] = [
      ["functional", crv, loadings.functional],
      ["social", crv, loadings.social],
      ["sacrifice", crv, -loadings.sacrifice],
      ["potential", hrv, loadings.potential],
      ["cost", hrv, -loadings.cost]
    ];
    for (const [dimension, latent, expected] of cases) {
      const factor = data.truth.map((t) => t.factors[dimension]);
      const r = sampleCorrelation(factor, latent);
      expect(Math.abs(r - expected), dimension).toBeLessThan(correlationTolerance(expected, n));
    }
  });
});

group("syntheticCase survey items", () => {
  const n = 20000;
  const data = syntheticCase({n, seed: 7, ...noDefects});

  // Expected Pearson correlations of two 1–5 answers cut at thresholds [-2, -1.2, -0.2, 0.9]
  // from a bivariate normal with the model's latent correlation, computed with scipy
  // (multivariate_normal.cdf over the 25 cells): latent 0.64 → 0.57687, 0.36 → 0.32203,
  // 0.4352 → 0.39003, −0.3072 → −0.27114, 0.15232 → 0.13560.
  const cases: [string, string, number][] = [
    ["F1", "F2", 0.5768674183114079], // same dimension: 0.8 · 0.8
    ["O1", "O2", 0.3220278747241689], // weak item O2: 0.8 · 0.45
    ["F1", "S1", 0.3900308847369793], // same side: 0.8 · 0.8 · 0.8 · 0.85
    ["F1", "P1", -0.2711427866047846], // sacrifice: −0.8 · 0.8 · 0.8 · 0.6
    ["F1", "R1", 0.1356039668528633], // across sides: 0.8 · 0.8 · 0.8 · 0.85 · 0.35
    ["E3", "E4", -0.5768674183114079] // E4 is reverse-worded: 6 − x flips the sign
  ];

  it("reproduces the model's item correlations", () => {
    for (const [a, b, expected] of cases) {
      const r = sampleCorrelation(column(data, a), column(data, b));
      expect(Math.abs(r - expected), `${a}–${b}`).toBeLessThan(correlationTolerance(expected, n));
    }
  });

  it("matches the answer mean implied by the thresholds", () => {
    // scipy: mean 3.62550, variance 0.92351 of an answer cut from N(0, 1) at the thresholds.
    const f1 = column(data, "F1");
    expect(Math.abs(mean(f1) - 3.6255000326159745)).toBeLessThan(
      4 * Math.sqrt(0.9235098607430414 / n)
    );
  });

  it("keeps answers on the 1–5 scale", () => {
    const answers = data.items.flatMap((item) => column(data, item.column));
    expect(answers.every((x) => Number.isInteger(x) && x >= 1 && x <= 5)).toBe(true);
    expect(new Set(answers)).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it("passes the attention check when attentive", () => {
    expect(new Set(column(data, teachingAttentionCheck.item))).toEqual(new Set([4]));
  });

  it("declares the reverse-worded items in its index system", () => {
    validateIndexSystem(data.system);
    const reversed = data.system.indicators.filter((x) => x.reverse !== undefined);
    expect(reversed.map((x) => [x.id, x.reverse])).toEqual([
      ["trust", ["E4"]],
      ["price", ["P2"]]
    ]);
  });
});

group("syntheticCase stay records", () => {
  const n = 20000;
  const data = syntheticCase({n, seed: 9, ...noDefects});
  const field = (name: string) => {
    const j = data.records.columns.indexOf(name);
    return data.records.values.map((row) => row[j]);
  };

  it("loads log ancillary on current value", () => {
    const logAncillary = field("ancillary").map(Math.log);
    const current = data.truth.map((t) => t.factors.current);
    const a = defaultSyntheticOptions.recordLoading;
    const r = sampleCorrelation(logAncillary, current);
    expect(Math.abs(r - a)).toBeLessThan(correlationTolerance(a, n));
    // log x = ln 150 + 0.9 z with z ~ N(0, 1): mean ln 150, standard error 0.9/√n.
    expect(Math.abs(mean(logAncillary) - Math.log(150))).toBeLessThan((4 * 0.9) / Math.sqrt(n));
  });

  it("matches the cancellation mean", () => {
    // Mean m·exp(σ²/2) = 0.4·e^0.32 = 0.55083; variance E[λ] + Var[λ] = 0.55083 + 0.27197.
    const cancellations = field("cancellations");
    const expected = 0.4 * Math.exp(0.32);
    const sd = Math.sqrt(expected + 0.16 * Math.exp(0.64) * (Math.exp(0.64) - 1));
    expect(Math.abs(mean(cancellations) - expected)).toBeLessThan((4 * sd) / Math.sqrt(n));
    expect(cancellations.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
  });

  it("bounds recency and room nights", () => {
    const tenure = field("tenure");
    expect(field("recency").every((x, i) => x >= 1 && x <= tenure[i])).toBe(true);
    expect(field("room_nights").every((x) => Number.isInteger(x) && x >= 1)).toBe(true);
  });

  it("prices revenue per room night", () => {
    const nights = field("room_nights");
    const rates = field("revenue").map((revenue, i) => Math.log(revenue / nights[i]));
    // ln rate = ln 120 + 0.25 z, up to rounding revenue to cents.
    expect(Math.abs(mean(rates) - Math.log(120))).toBeLessThan((4 * 0.25) / Math.sqrt(n) + 1e-4);
  });

  it("ties revenue and discounts to HRV", () => {
    const hrv = data.truth.map((t) => t.hrv);
    expect(sampleCorrelation(field("revenue").map(Math.log), hrv)).toBeGreaterThan(0.2);
    expect(sampleCorrelation(field("discounts").map(Math.log), hrv)).toBeLessThan(-0.15);
  });
});

group("syntheticCase careless respondents", () => {
  function itemsAllEqual(data: SyntheticCase): number {
    const items = data.items.map((item) => data.survey.columns.indexOf(item.column));
    return data.survey.values.filter((row) => items.every((j) => row[j] === row[items[0]])).length;
  }

  it("straight-lines the expected share by default", () => {
    const data = syntheticCase();
    // round(0.04 · 600) = 24 careless respondents, round(0.5 · 24) = 12 of them straight-line.
    expect(data.truth.filter((t) => t.careless === "straight-lining")).toHaveLength(12);
    expect(data.truth.filter((t) => t.careless === "random")).toHaveLength(12);
    expect(itemsAllEqual(data)).toBe(12);
  });

  it("follows the careless options", () => {
    const data = syntheticCase({n: 1000, careless: 0.1, straightLining: 0.3, duplicates: 0});
    // round(0.1 · 1000) = 100 careless, round(0.3 · 100) = 30 straight-line.
    expect(data.truth.filter((t) => t.careless !== null)).toHaveLength(100);
    expect(itemsAllEqual(data)).toBe(30);
  });

  it("fails the check only when careless", () => {
    const data = syntheticCase();
    const check = data.survey.columns.indexOf(teachingAttentionCheck.item);
    const careless = new Set(data.truth.filter((t) => t.careless !== null).map((t) => t.id));
    data.survey.values.forEach((row, i) => {
      const id = data.survey.ids[i];
      if (row[check] !== 4) expect(careless.has(id), id).toBe(true);
    });
  });
});

group("buildTeachingCase", () => {
  const data = syntheticCase();
  const teaching = buildTeachingCase(data);
  const truth = new Map(data.truth.map((t) => [t.id, t]));
  const drop = (reason: string) => teaching.audit.dropped.find((d) => d.reason === reason)!;

  it("is marked synthetic", () => {
    expect(teaching.synthetic).toBe(true);
    expect(teaching.title.en).toContain("synthetic");
    expect(teaching.title.zh).toContain("模拟");
    expect(teaching.source.note).toMatch(/^Synthetic/);
  });

  it("drops each defect for its reason", () => {
    const {audit} = teaching;
    expect(audit.rawRows).toBe(605);
    expect(drop("out-of-range").count).toBe(3);
    expect(drop("duplicate id").count).toBe(5);
    expect(drop("incomplete").count).toBe(8);
    for (const id of drop("out-of-range").rows) expect(truth.get(id)!.defect).toBe("out-of-range");
    for (const id of drop("incomplete").rows) expect(truth.get(id)!.defect).toBe("incomplete");
    for (const reason of ["failed attention check", "straight-lining"]) {
      for (const id of drop(reason).rows) expect(truth.get(id)!.careless, id).not.toBeNull();
    }
    // All 12 straight-liners are flagged; those who happened to choose 4 pass the check.
    expect(drop("straight-lining").flagged).toBe(12);
  });

  it("keeps every respondent without a defect", () => {
    const careful = data.truth.filter((t) => t.careless === null && t.defect === null);
    const kept = new Set(teaching.ids);
    expect(careful.every((t) => kept.has(t.id))).toBe(true);
    expect(kept.size).toBe(teaching.ids.length);
    expect(teaching.audit.keptRows).toBe(teaching.ids.length);
  });

  it("emits complete indicator values in system order", () => {
    expect(teaching.values).toHaveLength(teaching.ids.length);
    const width = teaching.system.indicators.length;
    expect(width).toBe(28);
    for (const row of teaching.values) {
      expect(row).toHaveLength(width);
      expect(row.every(Number.isFinite)).toBe(true);
    }
  });

  const items = teaching.items!;
  const answer = (i: number, name: string) => items.values[i][items.columns.indexOf(name)]!;
  const indicator = (i: number, id: string) =>
    teaching.values[i][teaching.system.indicators.findIndex((x) => x.id === id)];

  it("reverse-codes items before averaging", () => {
    for (const i of [0, 1, 2]) {
      expect(indicator(i, "trust")).toBe((answer(i, "E3") + 6 - answer(i, "E4")) / 2);
      expect(indicator(i, "price")).toBe((answer(i, "P1") + 6 - answer(i, "P2")) / 2);
      expect(indicator(i, "room_quality")).toBe((answer(i, "F1") + answer(i, "F2")) / 2);
    }
  });

  it("joins records by customer id", () => {
    for (const i of [0, 100, 500]) {
      const record = data.records.values[data.records.ids.indexOf(teaching.ids[i])];
      const recordValue = (name: string) => record[data.records.columns.indexOf(name)];
      expect(indicator(i, "revenue")).toBe(recordValue("revenue"));
      expect(indicator(i, "no_shows")).toBe(recordValue("no_shows"));
    }
  });

  it("emits kept items and profile", () => {
    expect(teaching.items!.columns).toHaveLength(38);
    expect(teaching.items!.values).toHaveLength(teaching.ids.length);
    expect(teaching.profile.map((p) => p.name)).toEqual(["purpose", "channel", "gender", "age"]);
    const channels = new Set(teaching.profile[1].values);
    const expected = ["direct", "corporate", "online travel agency", "travel agent"];
    expect(channels).toEqual(new Set(expected));
  });

  it("runs through the analysis pipeline", () => {
    const analysis = analyzeCase(teaching);
    const {crv, hrv} = teaching.generator.latent;
    // Side scores are weighted means of indicators that each track their side's latent value,
    // so they should correlate strongly with it (0.89 and 0.82 with the defaults).
    expect(sampleCorrelation(Array.from(analysis.scores.sides.crv!), crv)).toBeGreaterThan(0.7);
    expect(sampleCorrelation(Array.from(analysis.scores.sides.hrv!), hrv)).toBeGreaterThan(0.7);
  });

  it("aligns latent values with kept rows", () => {
    const {crv} = teaching.generator.latent;
    expect(crv).toHaveLength(teaching.ids.length);
    expect(crv[3]).toBe(truth.get(teaching.ids[3])!.crv);
  });
});

group("syntheticCase experts", () => {
  const data = syntheticCase();
  const {judgments, names, inconsistent} = data.experts;

  it("judges every node of the hierarchy", () => {
    expect(names).toHaveLength(5);
    expect(judgments.map(({node, order}) => ({node, order}))).toEqual(hierarchyNodes(data.system));
    expect(() => ahpHierarchy(data.system, judgments)).not.toThrow();
  });

  it("gives reciprocal matrices on Saaty's scale", () => {
    for (const {node, matrices} of judgments) {
      expect(matrices, node).toHaveLength(5);
      for (const matrix of matrices) {
        matrix.forEach((row, i) =>
          row.forEach((a, j) => {
            const place = `${node} ${i},${j}`;
            expect(i === j ? a === 1 : SAATY_SCALE.includes(a), place).toBe(true);
            expect(Math.abs(a * matrix[j][i] - 1)).toBeLessThan(1e-12);
          })
        );
      }
    }
  });

  it("keeps four experts consistent and one not", () => {
    expect(inconsistent).toBe(4);
    for (const {node, order, matrices} of judgments) {
      matrices.forEach((matrix, k) => {
        const {cr} = ahp(matrix);
        if (k !== inconsistent) expect(cr, `${node}, expert ${k + 1}`).toBeLessThan(0.1);
        else if (order.length >= 3) expect(cr, `${node}, expert ${k + 1}`).toBeGreaterThan(0.1);
        else expect(cr).toBe(0);
      });
    }
  });

  it("matches numpy CR of expert 5", () => {
    // numpy.linalg.eigvals on the seed-2026 matrices of expert 5: λmax 6.319776 at "crv"
    // (CR = (λ − 5)/4/1.12) and 4.002313 at "sacrifice" (CR = (λ − 3)/2/0.58).
    const matrix = (node: string) => judgments.find((j) => j.node === node)!.matrices[4];
    expect(ahp(matrix("crv")).cr).toBeCloseTo(0.2945929518675941, 9);
    expect(ahp(matrix("sacrifice")).cr).toBeCloseTo(0.8640627658563289, 9);
  });

  it("keeps all consistent without designation", () => {
    const calm = syntheticCase({inconsistentExpert: -1});
    for (const {matrices} of calm.experts.judgments) {
      for (const matrix of matrices) expect(ahp(matrix).cr).toBeLessThan(0.1);
    }
  });
});

group("syntheticCase options", () => {
  it("merges loading maps with defaults", () => {
    const {options} = syntheticCase({
      n: 50,
      itemLoadings: {F1: 0.6},
      dimensionLoadings: {social: 0.3}
    });
    expect(options.itemLoadings).toEqual({O2: 0.45, F1: 0.6});
    expect(options.dimensionLoadings.social).toBe(0.3);
    expect(options.dimensionLoadings.functional).toBe(0.8);
  });

  const cases: [string, Parameters<typeof syntheticCase>[0], RegExp][] = [
    ["rho of 1", {rho: 1}, /rho is 1; expected a correlation strictly between −1 and 1/],
    ["a fractional n", {n: 10.5}, /n is 10.5; expected a positive integer/],
    ["decreasing thresholds", {thresholds: [0, -1, 1, 2]}, /expected 4 increasing/],
    ["an unknown reverse item", {reverse: ["Z9"]}, /reverse names "Z9"/],
    ["a loading above 1", {itemLoadings: {F1: 1.2}}, /loading of item F1 is 1.2/],
    ["too many defects", {n: 15}, /need more than n = 15 respondents/],
    ["an expert out of range", {inconsistentExpert: 5}, /inconsistentExpert is 5/],
    ["a careless share of 2", {careless: 2}, /careless is 2; expected a number from 0 to 1/]
  ];
  for (const [name, options, message] of cases) {
    it(`rejects ${name}`, () => {
      expect(() => syntheticCase(options)).toThrow(message);
    });
  }
});
