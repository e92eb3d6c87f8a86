import {readFileSync} from "node:fs";
import katex from "katex";
import {describe, expect, it} from "vitest";
import {ahp} from "../lib/ahp.js";
import type {CaseData} from "../lib/caseData.js";
import {cruiseCase, readSurveyCase} from "../lib/cases.js";
import {cronbachAlpha} from "../lib/reliability.js";
import {bartlett, kmo} from "../lib/factor.js";
import {
  explainAhpWeight,
  explainBartlett,
  explainClassCount,
  explainCombinedWeight,
  explainConsistency,
  explainCoupling,
  explainCriticWeight,
  explainCronbachAlpha,
  explainEntropyWeight,
  explainKmo,
  explainMean,
  explainPcaWeight,
  explainRelationshipValue,
  explainThreshold,
  explainWeight,
  type Explanation
} from "../lib/explain.js";
import type {IndexSystem} from "../lib/indexSystem.js";
import {analyzeCase, axisScores, type Analysis} from "../lib/pipeline.js";
import {itemValidity, systemReliability} from "../lib/scaleQuality.js";

const label = (text: string) => ({en: text, zh: text});

// Six customers, two indicators a side; indicator d is a cost.
const system: IndexSystem = {
  id: "tiny",
  label: label("tiny"),
  dimensions: [
    {id: "functional", side: "crv", label: label("functional")},
    {id: "service", side: "crv", label: label("service")},
    {id: "current", side: "hrv", label: label("current")},
    {id: "cost", side: "hrv", label: label("cost")}
  ],
  indicators: [
    {id: "a", dimension: "functional", label: label("a"), direction: "benefit", items: ["a"]},
    {id: "b", dimension: "service", label: label("b"), direction: "benefit", items: ["b"]},
    {id: "c", dimension: "current", label: label("c"), direction: "benefit", items: ["c"]},
    {id: "d", dimension: "cost", label: label("d"), direction: "cost", items: ["d"]}
  ]
};

const tinyCase: CaseData = {
  id: "tiny",
  title: label("tiny"),
  kind: "survey",
  synthetic: true,
  source: {citation: "hand-made", licence: "CC0"},
  system,
  ids: ["1", "2", "3", "4", "5", "6"],
  values: [
    [4, 3, 120, 2],
    [5, 4, 80, 5],
    [2, 2, 200, 1],
    [3, 5, 60, 3],
    [1, 1, 150, 4],
    [4, 2, 90, 2]
  ],
  profile: [],
  experts: {
    names: ["expert"],
    note: "hand-made",
    judgments: [
      {node: "goal", order: ["crv", "hrv"], matrices: [[[1, 2], [0.5, 1]]]},
      {node: "crv", order: ["functional", "service"], matrices: [[[1, 3], [1 / 3, 1]]]},
      {node: "hrv", order: ["current", "cost"], matrices: [[[1, 0.5], [2, 1]]]}
    ]
  },
  audit: {file: "tiny.csv", rawRows: 6, keptRows: 6, dropped: [], recoded: []}
};

const cruise = readSurveyCase(cruiseCase, readFileSync(cruiseCase.file), cruiseCase.file);

/** Finds the value of a quantity by its id among the inputs, steps and result. */
function value(explanation: Explanation, id: string): number {
  const all = [...explanation.inputs, ...explanation.steps, explanation.result];
  const found = all.find((entry) => entry.id === id);
  if (!found) throw new Error(`no quantity "${id}" in "${explanation.title.en}"`);
  return found.value;
}

/** Lists the values of the inputs whose ids start with `prefix` (one per other indicator). */
function values(explanation: Explanation, prefix: string): number[] {
  return explanation.inputs.filter((entry) => entry.id.startsWith(prefix)).map((e) => e.value);
}

const add = (xs: number[]) => xs.reduce((total, x) => total + x, 0);

/** Recomputes an entropy weight from the listed inputs with plain arithmetic. */
function checkEntropy(explanation: Explanation): void {
  const n = value(explanation, "n");
  const e = -(1 / Math.log(n)) * value(explanation, "sumPLogP");
  expect(value(explanation, "k")).toBeCloseTo(1 / Math.log(n), 12);
  expect(value(explanation, "e")).toBeCloseTo(e, 12);
  expect(value(explanation, "d")).toBeCloseTo(1 - e, 12);
  const sumD = 1 - e + add(values(explanation, "d:"));
  expect(value(explanation, "sumD")).toBeCloseTo(sumD, 12);
  expect(explanation.result.value).toBeCloseTo((1 - e) / sumD, 12);
}

function checkCritic(explanation: Explanation): void {
  const rs = values(explanation, "r:");
  const conflict = add(rs.map((r) => 1 - r));
  const information = value(explanation, "sd") * conflict;
  expect(value(explanation, "conflict")).toBeCloseTo(conflict, 12);
  expect(value(explanation, "C")).toBeCloseTo(information, 12);
  const total = information + add(values(explanation, "C:"));
  expect(value(explanation, "sumC")).toBeCloseTo(total, 12);
  expect(explanation.result.value).toBeCloseTo(information / total, 12);
}

function checkPca(explanation: Explanation): void {
  const lambdas = values(explanation, "lambda:");
  const loadings = values(explanation, "u:");
  const a = add(loadings.map((u, k) => u * lambdas[k])) / add(lambdas);
  expect(value(explanation, "a")).toBeCloseTo(a, 12);
  const total = Math.abs(a) + add(values(explanation, "a:").map(Math.abs));
  expect(explanation.result.value).toBeCloseTo(Math.abs(a) / total, 12);
}

function checkCombined(explanation: Explanation, analysis: Analysis): void {
  const a = value(explanation, "a");
  const b = value(explanation, "b");
  if (analysis.config.combination === "multiplicative") {
    const total = a * b + add(values(explanation, "ab:"));
    expect(explanation.result.value).toBeCloseTo((a * b) / total, 12);
  } else {
    const alpha = value(explanation, "alpha");
    expect(explanation.result.value).toBeCloseTo(alpha * a + (1 - alpha) * b, 12);
  }
}

function checkCoupling(explanation: Explanation): void {
  const u1 = value(explanation, "u1");
  const u2 = value(explanation, "u2");
  const c = u1 + u2 === 0 ? 0 : (2 * Math.sqrt(u1 * u2)) / (u1 + u2);
  const t = value(explanation, "alpha") * u1 + value(explanation, "beta") * u2;
  expect(value(explanation, "c")).toBeCloseTo(c, 12);
  expect(value(explanation, "t")).toBeCloseTo(t, 12);
  expect(explanation.result.value).toBeCloseTo(Math.sqrt(c * t), 12);
  expect(value(explanation, "grade")).toBe(Math.min(Math.floor(10 * Math.sqrt(c * t)), 9));
}

function checkClassCount(explanation: Explanation, analysis: Analysis, id: string): void {
  const x = axisScores(analysis.scores, analysis.axes.x);
  const y = axisScores(analysis.scores, analysis.axes.y);
  const tx = value(explanation, "tx");
  const ty = value(explanation, "ty");
  const highX = id === "partners" || id === "growers";
  const highY = id === "partners" || id === "atRisk";
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] >= tx === highX && y[i] >= ty === highY) count++;
  }
  expect(explanation.result.value).toBe(count);
  const others = explanation.steps.map((step) => step.value);
  expect(count + add(others)).toBe(value(explanation, "n"));
}

describe("explainEntropyWeight", () => {
  const analysis = analyzeCase(tinyCase, {weighting: "objective"});

  it("lists the hand-checked quantities of indicator a", () => {
    // Σ x', Σ p ln p, e, d and w computed independently with numpy.
    const explanation = explainEntropyWeight(tinyCase, 0);
    expect(value(explanation, "n")).toBe(6);
    expect(value(explanation, "min")).toBe(0);
    expect(value(explanation, "max")).toBe(1);
    expect(value(explanation, "sumX")).toBeCloseTo(3.25, 12);
    expect(value(explanation, "sumPLogP")).toBeCloseTo(-1.5247073930301434, 12);
    expect(value(explanation, "e")).toBeCloseTo(0.8509553984313721, 12);
    expect(value(explanation, "d:b")).toBeCloseTo(0.1806154987707539, 12);
    expect(explanation.result.value).toBeCloseTo(0.45211598678514003, 12);
  });

  it("reproduces every weight of the tiny case from its inputs", () => {
    for (let j = 0; j < 4; j++) {
      const explanation = explainEntropyWeight(tinyCase, j);
      checkEntropy(explanation);
      expect(explanation.result.value).toBe(analysis.weights.objective[j]);
    }
  });

  it("reproduces every weight of the cruise case", () => {
    const cruiseAnalysis = analyzeCase(cruise);
    cruise.system.indicators.forEach((_, j) => {
      const explanation = explainEntropyWeight(cruise, j);
      if (explanation.steps.length === 0) {
        expect(explanation.result.value).toBe(1);
      } else {
        checkEntropy(explanation);
      }
      expect(explanation.result.value).toBeCloseTo(cruiseAnalysis.weights.objective[j], 14);
    });
  });

  it("rejects an indicator index out of range", () => {
    expect(() => explainEntropyWeight(tinyCase, 4)).toThrow(/indicator index 4 is out of range/);
  });
});

describe("explainCriticWeight", () => {
  it("lists the hand-checked quantities of indicator c", () => {
    // sd (ddof 1), r and C computed independently with numpy.
    const explanation = explainCriticWeight(tinyCase, 2);
    expect(value(explanation, "sd")).toBeCloseTo(0.3688555567816587, 12);
    expect(value(explanation, "r:d")).toBeCloseTo(0.48238191061886593, 12);
    expect(value(explanation, "C")).toBeCloseTo(0.19092630855893658, 12);
    expect(explanation.result.value).toBeCloseTo(0.5005873148275771, 12);
  });

  it("reproduces the weights of both cases from their inputs", () => {
    for (const data of [tinyCase, cruise]) {
      const analysis = analyzeCase(data, {weighting: "objective", objective: "critic"});
      data.system.indicators.forEach((_, j) => {
        const explanation = explainCriticWeight(data, j);
        if (explanation.steps.length > 0) checkCritic(explanation);
        expect(explanation.result.value).toBeCloseTo(analysis.weights.final[j], 14);
      });
    }
  });
});

describe("explainPcaWeight", () => {
  it("gives equal weights to two positively correlated indicators", () => {
    // Two columns with r > 0: λ₁ = 1 + r is kept, u₁ = (1, 1)/√2, so a = 1/√2 each.
    const explanation = explainPcaWeight(tinyCase, 0);
    expect(values(explanation, "u:")[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(value(explanation, "a")).toBeCloseTo(Math.SQRT1_2, 12);
    expect(explanation.result.value).toBeCloseTo(0.5, 12);
  });

  it("reproduces the weights of both cases from their inputs", () => {
    for (const data of [tinyCase, cruise]) {
      const analysis = analyzeCase(data, {weighting: "objective", objective: "pca"});
      data.system.indicators.forEach((_, j) => {
        const explanation = explainPcaWeight(data, j);
        if (explanation.steps.length > 0) checkPca(explanation);
        expect(explanation.result.value).toBeCloseTo(analysis.weights.final[j], 14);
      });
    }
  });
});

describe("explainAhpWeight", () => {
  it("multiplies the local weights of the tiny case", () => {
    // Indicators are alone in their dimensions (local weight 1); the crv node gives
    // functional 0.75 from the judgment 3 (3/4), the hrv node gives cost 2/3.
    const analysis = analyzeCase(tinyCase);
    const a = explainAhpWeight(tinyCase, analysis, 0);
    expect(value(a, "local")).toBe(1);
    expect(value(a, "dimension")).toBeCloseTo(0.75, 12);
    expect(a.result.value).toBeCloseTo(0.75, 12);
    expect(explainAhpWeight(tinyCase, analysis, 3).result.value).toBeCloseTo(2 / 3, 12);
  });

  it("reproduces the AHP weights of the cruise case", () => {
    const analysis = analyzeCase(cruise);
    cruise.system.indicators.forEach((_, j) => {
      const explanation = explainAhpWeight(cruise, analysis, j);
      expect(explanation.result.value).toBe(analysis.weights.subjective[j]);
      expect(explanation.result.value).toBeCloseTo(
        value(explanation, "local") * value(explanation, "dimension"),
        14
      );
    });
  });
});

describe("explainCombinedWeight", () => {
  it("blends the tiny case's weights with α = 0.5", () => {
    // 0.5 · 0.75 + 0.5 · 0.45211598678514003, the AHP and entropy weights of a.
    const analysis = analyzeCase(tinyCase);
    const explanation = explainCombinedWeight(tinyCase, analysis, 0);
    expect(value(explanation, "alpha")).toBe(0.5);
    expect(explanation.result.value).toBeCloseTo(0.60105799339257, 12);
  });

  it("reproduces linear and multiplicative weights of both cases", () => {
    for (const data of [tinyCase, cruise]) {
      for (const overrides of [{alpha: 0.3}, {combination: "multiplicative" as const}]) {
        const analysis = analyzeCase(data, overrides);
        data.system.indicators.forEach((_, j) => {
          const explanation = explainCombinedWeight(data, analysis, j);
          checkCombined(explanation, analysis);
          expect(explanation.result.value).toBe(analysis.weights.final[j]);
        });
      }
    }
  });

  it("names the single source when no combination is used", () => {
    const analysis = analyzeCase(tinyCase, {weighting: "ahp"});
    const explanation = explainCombinedWeight(tinyCase, analysis, 0);
    expect(explanation.inputs.map((entry) => entry.id)).toEqual(["a"]);
    expect(explanation.result.value).toBe(analysis.weights.subjective[0]);
  });
});

describe("explainWeight", () => {
  it("dispatches on the weight kind", () => {
    const analysis = analyzeCase(tinyCase);
    expect(explainWeight(tinyCase, analysis, 1, "entropy").title.en).toBe("Entropy weight of b");
    expect(explainWeight(tinyCase, analysis, 1, "ahp").result.value).toBeCloseTo(0.25, 12);
    expect(() => explainWeight(tinyCase, analysis, 1, "topsis" as "ahp")).toThrow(
      /unknown weight kind "topsis"/
    );
  });
});

describe("explainConsistency", () => {
  it("reproduces CR of Saaty's 3 × 3 example", () => {
    // λmax of this matrix is 3.0536 (numpy.linalg.eigvals); RI(3) = 0.58.
    const matrix = [[1, 1 / 3, 1 / 2], [3, 1, 3], [2, 1 / 3, 1]];
    const result = ahp(matrix);
    const explanation = explainConsistency(result, 3);
    const n = value(explanation, "n");
    const ci = (value(explanation, "lambdaMax") - n) / (n - 1);
    expect(value(explanation, "lambdaMax")).toBeCloseTo(3.0536, 4);
    expect(value(explanation, "ci")).toBeCloseTo(ci, 12);
    expect(explanation.result.value).toBeCloseTo(ci / value(explanation, "ri"), 12);
    expect(explanation.result.value).toBe(result.cr);
  });

  it("reproduces CR of every node of the cruise case", () => {
    for (const node of analyzeCase(cruise).ahp.nodes) {
      const explanation = explainConsistency(node, node.order.length);
      expect(explanation.result.value).toBe(node.cr);
      if (node.order.length > 2 && node.ri > 0) {
        const n = node.order.length;
        const ci = (value(explanation, "lambdaMax") - n) / (n - 1);
        expect(explanation.result.value).toBeCloseTo(ci / value(explanation, "ri"), 12);
      }
    }
  });
});

describe("explainCronbachAlpha", () => {
  it("reproduces α = 12/13 of a five-respondent example", () => {
    // Item variances 1.3, 1, 0.7 and total variance 7.8 by hand, so α = 1.5·(1 − 3/7.8).
    const rows = [[3, 4, 3], [4, 5, 4], [2, 3, 3], [5, 5, 4], [3, 3, 2]];
    const explanation = explainCronbachAlpha(cronbachAlpha(rows), ["q1", "q2", "q3"]);
    expect(values(explanation, "var:")).toEqual([1.3, 1, 0.7].map((x) => expect.closeTo(x, 12)));
    expect(value(explanation, "totalVariance")).toBeCloseTo(7.8, 12);
    expect(explanation.result.value).toBeCloseTo(12 / 13, 12);
    expect(explanation.inputs[2].label.en).toBe("variance of q1");
  });

  it("reproduces α of every group of the cruise case", () => {
    for (const group of systemReliability(cruise.system, cruise.items, "listwise")) {
      if (!group.result) continue;
      const explanation = explainCronbachAlpha(group.result, group.items);
      const k = value(explanation, "k");
      const varianceSum = add(values(explanation, "var:"));
      expect(value(explanation, "varianceSum")).toBeCloseTo(varianceSum, 12);
      const alpha = (k / (k - 1)) * (1 - varianceSum / value(explanation, "totalVariance"));
      expect(explanation.result.value).toBeCloseTo(alpha, 12);
      expect(explanation.result.value).toBe(group.result.alpha);
    }
  });
});

describe("explainKmo and explainBartlett", () => {
  // The example of lib/factor.ts: KMO 0.4327, χ² 15.535, df 3, det(R) 0.007403.
  const rows = [[1, 2, 3], [2, 2, 4], [3, 4, 4], [4, 3, 6], [5, 5, 5], [6, 5, 7]];

  it("reproduces KMO from the sums of squares", () => {
    const explanation = explainKmo(kmo(rows), rows.length);
    const r2 = value(explanation, "r2");
    const q2 = value(explanation, "q2");
    expect(explanation.result.value).toBeCloseTo(r2 / (r2 + q2), 12);
    expect(explanation.result.value).toBeCloseTo(0.4327, 4);
  });

  it("reproduces χ² from n, p and the determinant", () => {
    const explanation = explainBartlett(bartlett(rows), rows.length, 3);
    const n = value(explanation, "n");
    const p = value(explanation, "p");
    const chiSquare = -(n - 1 - (2 * p + 5) / 6) * Math.log(value(explanation, "det"));
    expect(explanation.result.value).toBeCloseTo(chiSquare, 12);
    expect(explanation.result.value).toBeCloseTo(15.535, 3);
    expect(value(explanation, "df")).toBe((p * (p - 1)) / 2);
  });

  it("reproduces KMO and χ² of the cruise case", () => {
    const validity = itemValidity(cruise.system, cruise.items, "listwise");
    expect(validity.kmo.ok).toBe(true);
    expect(validity.bartlett.ok).toBe(true);
    if (!validity.kmo.ok || !validity.bartlett.ok) return;
    const p = validity.items.length;
    const kmoExplanation = explainKmo(validity.kmo.value, validity.n);
    const r2 = value(kmoExplanation, "r2");
    expect(kmoExplanation.result.value).toBeCloseTo(r2 / (r2 + value(kmoExplanation, "q2")), 12);
    expect(value(kmoExplanation, "p")).toBe(p);
    const chi = explainBartlett(validity.bartlett.value, validity.n, p);
    const factor = validity.n - 1 - (2 * p + 5) / 6;
    expect(chi.result.value).toBeCloseTo(-factor * Math.log(value(chi, "det")), 8);
  });
});

describe("explainCoupling and explainRelationshipValue", () => {
  it("reproduces D of the tiny case's first customer", () => {
    // D = 0.7907530340233222 computed independently with numpy (see test/pipeline.test.ts).
    const analysis = analyzeCase(tinyCase);
    const explanation = explainCoupling(tinyCase, analysis, 0);
    checkCoupling(explanation);
    expect(explanation.result.value).toBeCloseTo(0.7907530340233222, 12);
  });

  it("gives D = 0 for a customer with CRV 0", () => {
    const analysis = analyzeCase(tinyCase);
    // Customer 5 has CRV 0 but HRV 0.43, so C = 0 and D = 0.
    const explanation = explainCoupling(tinyCase, analysis, 4);
    checkCoupling(explanation);
    expect(explanation.result.value).toBe(0);
  });

  it("reproduces D of every cruise customer", () => {
    const analysis = analyzeCase(cruise, {sideAlpha: 0.4});
    for (let i = 0; i < cruise.ids.length; i++) {
      const explanation = explainCoupling(cruise, analysis, i);
      checkCoupling(explanation);
      expect(explanation.result.value).toBe(analysis.coupling!.d[i]);
    }
  });

  it("reproduces additive and geometric values", () => {
    for (const model of ["additive", "geometric"] as const) {
      const analysis = analyzeCase(cruise, {model, sideAlpha: 0.3});
      for (const i of [0, 17, 200]) {
        const explanation = explainRelationshipValue(cruise, analysis, i);
        const [u1, u2] = [value(explanation, "u1"), value(explanation, "u2")];
        const [alpha, beta] = [value(explanation, "alpha"), value(explanation, "beta")];
        const expected = model === "additive" ? alpha * u1 + beta * u2 : u1 ** alpha * u2 ** beta;
        expect(explanation.result.value).toBeCloseTo(expected, 12);
        expect(explanation.result.value).toBe(analysis.value![i]);
      }
    }
  });

  it("rejects a customer index out of range", () => {
    expect(() => explainCoupling(tinyCase, analyzeCase(tinyCase), 6)).toThrow(
      /customer index 6 is out of range; case tiny has 6 customers/
    );
  });
});

describe("explainThreshold and explainClassCount", () => {
  it("reproduces the mean threshold and the class counts of the tiny case", () => {
    // Classes from test/pipeline.test.ts: partners 2, growers 2, atRisk 1, transactional 1.
    const analysis = analyzeCase(tinyCase);
    const threshold = explainThreshold(analysis, "x");
    expect(threshold.result.value).toBeCloseTo(value(threshold, "sum") / value(threshold, "n"), 12);
    const expected = {partners: 2, growers: 2, atRisk: 1, transactional: 1};
    for (const [id, count] of Object.entries(expected)) {
      const explanation = explainClassCount(analysis, id as keyof typeof expected);
      checkClassCount(explanation, analysis, id);
      expect(explanation.result.value).toBe(count);
    }
  });

  it("reproduces median thresholds from the middle scores", () => {
    for (const data of [tinyCase, cruise]) {
      const analysis = analyzeCase(data, {threshold: "median"});
      for (const axis of ["x", "y"] as const) {
        const explanation = explainThreshold(analysis, axis);
        const middle = explanation.inputs.filter((entry) => entry.id !== "n").map((e) => e.value);
        expect(explanation.result.value).toBeCloseTo(add(middle) / middle.length, 12);
        expect(explanation.result.value).toBe(analysis.classes.thresholds[axis]);
      }
    }
  });

  it("reproduces the counts of the cruise case", () => {
    const analysis = analyzeCase(cruise);
    for (const id of ["partners", "growers", "atRisk", "transactional"] as const) {
      const explanation = explainClassCount(analysis, id);
      checkClassCount(explanation, analysis, id);
      expect(explanation.result.value).toBe(analysis.classes.counts[id]);
    }
  });

  it("states the midpoint rule", () => {
    const explanation = explainThreshold(analyzeCase(tinyCase, {threshold: "midpoint"}), "y");
    expect(explanation.result.value).toBe(0.5);
    expect(explanation.note?.en).toMatch(/midpoint 0\.5/);
  });
});

describe("explainMean", () => {
  it("divides the sum by n", () => {
    const explanation = explainMean([0.2, 0.4, 0.9], "D", {en: "D", zh: "D"});
    expect(value(explanation, "sum")).toBeCloseTo(1.5, 12);
    expect(explanation.result.value).toBeCloseTo(0.5, 12);
  });
});

describe("explanation texts", () => {
  it("have English and Chinese titles and labels", () => {
    const analysis = analyzeCase(cruise);
    const explanations = [
      explainEntropyWeight(cruise, 0),
      explainCombinedWeight(cruise, analysis, 0),
      explainCoupling(cruise, analysis, 0),
      explainClassCount(analysis, "partners")
    ];
    for (const explanation of explanations) {
      const labels = [explanation.title, ...explanation.inputs.map((entry) => entry.label)];
      for (const text of labels) {
        expect(text.en.length).toBeGreaterThan(0);
        expect(text.zh).toMatch(/[\u4e00-\u9fff]|^[A-Za-z0-9_ ]+$/);
      }
    }
  });
});

describe("explanation formulas", () => {
  it("parse as TeX", () => {
    const analysis = analyzeCase(cruise, {threshold: "median"});
    const group = systemReliability(cruise.system, cruise.items, "listwise").find((g) => g.result);
    const rows = [[1, 2, 3], [2, 2, 4], [3, 4, 4], [4, 3, 6], [5, 5, 5], [6, 5, 7]];
    const explanations = [
      ...(["ahp", "entropy", "critic", "pca", "combined"] as const).map((kind) =>
        explainWeight(cruise, analysis, 0, kind)
      ),
      explainCombinedWeight(cruise, analyzeCase(cruise, {combination: "multiplicative"}), 0),
      explainConsistency(analysis.ahp.nodes[1], analysis.ahp.nodes[1].order.length),
      explainCronbachAlpha(group!.result!),
      explainKmo(kmo(rows), 6),
      explainBartlett(bartlett(rows), 6, 3),
      explainCoupling(cruise, analysis, 0),
      explainRelationshipValue(cruise, analyzeCase(cruise, {model: "geometric"}), 0),
      explainThreshold(analysis, "x"),
      explainClassCount(analysis, "atRisk"),
      explainMean([0.2, 0.4], "D", {en: "D", zh: "D"})
    ];
    for (const explanation of explanations) {
      const quantities = [...explanation.inputs, ...explanation.steps, explanation.result];
      const sources = [
        String.raw`\begin{gathered}${explanation.formula}\end{gathered}`,
        ...quantities.flatMap((entry) => [entry.symbol, entry.formula ?? "x"])
      ];
      for (const source of sources) {
        expect(() => katex.renderToString(source, {throwOnError: true}), source).not.toThrow();
      }
    }
  });
});
