import {describe, expect, it} from "vitest";
import type {CaseData} from "../lib/caseData.js";
import {defaultReportConfig, type ReportConfig} from "../lib/config.js";
import type {IndexSystem} from "../lib/indexSystem.js";
import {analyzeCase} from "../lib/pipeline.js";
import {analyzeWithConfig, createReweighter, withJudgments} from "../lib/reweight.js";

const label = (text: string) => ({en: text, zh: text});

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

// Computed with numpy: min-max normalisation with directions, CRV = 0.2·a' + 0.8·b', HRV with
// the method's weights [0.46270, 0.53730] (entropy and AHP combined with α = 0.5), then
// C = 2√(UV)/(U + V), T = (U + V)/2, D = √(C·T).
const handSet = {
  crv: [0.55, 0.8, 0.25, 0.9, 0, 0.35],
  hrv: [
    0.6012753830541064, 0.06609982975373045, 1, 0.2686505958619434, 0.43177453182275877,
    0.5021256384235108
  ],
  d: [
    0.7583313811943073, 0.47953750790968563, 0.7071067811865476, 0.7012253040051004, 0,
    0.6474706854693679
  ],
  additive: [
    0.565382614916232, 0.579829948926119, 0.475, 0.710595178758583, 0.12953235954682762,
    0.3956376915270532
  ]
};

const handSetConfig: ReportConfig = {
  ...defaultReportConfig,
  weights: {crv: {functional: 0.2, service: 0.8}}
};

function expectClose(actual: ArrayLike<number>, expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((x, k) => expect(actual[k], `entry ${k}`).toBeCloseTo(x, 10));
}

describe("analyzeWithConfig", () => {
  it("matches analyzeCase with the defaults", () => {
    const plain = analyzeCase(tinyCase);
    const result = analyzeWithConfig(tinyCase, defaultReportConfig);
    expect(result.weights.final).toEqual(plain.weights.final);
    expect(result.methodWeights).toEqual(plain.weights.final);
    expect(result.classes).toEqual(plain.classes);
    expect(Array.from(result.value!)).toEqual(Array.from(plain.value!));
  });

  it("scores with hand-set dimension weights", () => {
    const result = analyzeWithConfig(tinyCase, handSetConfig);
    expectClose(result.weights.final.slice(0, 2), [0.2, 0.8]);
    expectClose(result.scores.sides.crv!, handSet.crv);
    expectClose(result.scores.sides.hrv!, handSet.hrv);
    expectClose(result.value!, handSet.d);
    expect(result.local.crv).toEqual({functional: 0.2, service: 0.8});
    expect(result.methodLocal.crv.functional).toBeCloseTo(0.60105799339257, 10);
  });

  it("classifies with mean thresholds", () => {
    const {classes} = analyzeWithConfig(tinyCase, handSetConfig);
    expect(classes.labels).toEqual([
      "partners",
      "growers",
      "atRisk",
      "growers",
      "transactional",
      "atRisk"
    ]);
    expect(classes.counts).toEqual({partners: 1, growers: 2, atRisk: 2, transactional: 1});
  });

  it("splits each axis at its own threshold", () => {
    const config: ReportConfig = {...handSetConfig, threshold: {x: "median", y: 0.55}};
    const {classes} = analyzeWithConfig(tinyCase, config);
    // The CRV median is 0.45; rows with HRV ≥ 0.55 are the first and the third.
    expect(classes.thresholds.x).toBeCloseTo(0.45, 12);
    expect(classes.thresholds.y).toBe(0.55);
    expect(classes.counts).toEqual({partners: 1, growers: 2, atRisk: 1, transactional: 2});
  });

  it("uses the configured model and CRV weight", () => {
    const config: ReportConfig = {...handSetConfig, model: "additive", sideAlpha: 0.7};
    expectClose(analyzeWithConfig(tinyCase, config).value!, handSet.additive);
  });

  it("uses edited judgments", () => {
    const config: ReportConfig = {
      ...defaultReportConfig,
      weighting: "ahp",
      judgments: {
        crv: {order: ["functional", "service"], matrices: [[[1, 1 / 3], [3, 1]]]}
      }
    };
    // Eigenvector of [[1, 1/3], [3, 1]] is (1, 3)/4; the hrv node keeps (1, 2)/3.
    expectClose(analyzeWithConfig(tinyCase, config).weights.final, [0.25, 0.75, 1 / 3, 2 / 3]);
  });

  it("rejects weights of a node the case lacks", () => {
    const config = {...defaultReportConfig, weights: {social: {status: 1}}};
    expect(() => analyzeWithConfig(tinyCase, config)).toThrow(
      'weights.social: "social" is not a side or dimension of index system tiny'
    );
  });
});

describe("withJudgments", () => {
  it("replaces and adds nodes without changing the case", () => {
    const edited = withJudgments(tinyCase, {
      crv: {order: ["functional", "service"], matrices: [[[1, 2], [0.5, 1]]]},
      functional: {order: ["a"], matrices: [[[1]]]}
    });
    expect(edited.experts.judgments.map((entry) => entry.node)).toEqual([
      "goal",
      "crv",
      "hrv",
      "functional"
    ]);
    expect(edited.experts.judgments[1].matrices[0][0][1]).toBe(2);
    expect(tinyCase.experts.judgments[1].matrices[0][0][1]).toBe(3);
  });
});

describe("createReweighter", () => {
  it("gives the results of analyzeWithConfig", () => {
    const run = createReweighter(tinyCase);
    for (const config of [defaultReportConfig, handSetConfig, {...handSetConfig, alpha: 0.9}]) {
      const expected = analyzeWithConfig(tinyCase, config);
      const result = run(config);
      expect(result.weights).toEqual(expected.weights);
      expect(result.classes).toEqual(expected.classes);
    }
  });

  it("reuses the weighting step when only hand-set weights change", () => {
    const run = createReweighter(tinyCase);
    const first = run(defaultReportConfig);
    const second = run(handSetConfig);
    const third = run({...handSetConfig, alpha: 0.2});
    expect(second.columns).toBe(first.columns);
    expect(third.columns).not.toBe(first.columns);
  });
});
