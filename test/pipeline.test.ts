import {describe, expect, it} from "vitest";
import type {CaseData} from "../lib/caseData.js";
import {
  ahpHierarchy,
  hierarchyNodes,
  objectiveWeights,
  objectiveWeightsOfColumns
} from "../lib/hierarchy.js";
import {entropyWeights} from "../lib/entropy.js";
import type {IndexSystem} from "../lib/indexSystem.js";
import {analyzeCase, matrixAxes} from "../lib/pipeline.js";
import {seededRandom} from "../lib/random.js";

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

// Expected values computed independently with numpy: min-max with directions, entropy per
// side, principal eigenvectors, α = 0.5, weighted sums, C, T, D and mean thresholds.
const expected = {
  objective: [0.45211598678514003, 0.5478840132148599, 0.5920642832188929, 0.40793571678110707],
  subjective: [0.75, 0.25, 1 / 3, 2 / 3],
  final: [0.60105799339257, 0.39894200660742996, 0.4626988082761132, 0.5373011917238868],
  crv: [0.6502644983481425, 0.9002644983481425, 0.25, 0.699471003303715, 0, 0.5505289966962851],
  hrv: [0.6012753830541064, 0.06609982975373045, 1, 0.2686505958619434, 0.43177453182275877, 0.5021256384235108],
  d: [0.7907530340233222, 0.49390408287175036, 0.7071067811865476, 0.658399330976412, 0, 0.7251004069140403],
  classes: ["partners", "growers", "atRisk", "growers", "transactional", "partners"]
};

function expectClose(actual: ArrayLike<number>, wanted: number[], tolerance = 1e-9) {
  expect(actual.length).toBe(wanted.length);
  wanted.forEach((value, i) => expect(Math.abs(actual[i] - value)).toBeLessThanOrEqual(tolerance));
}

describe("analyzeCase", () => {
  const analysis = analyzeCase(tinyCase);

  it("computes entropy weights per side", () => {
    expectClose(analysis.weights.objective, expected.objective);
  });

  it("computes AHP global weights down the hierarchy", () => {
    expectClose(analysis.weights.subjective, expected.subjective);
  });

  it("combines the two with alpha 0.5", () => {
    expectClose(analysis.weights.final, expected.final);
  });

  it("scores both sides", () => {
    expectClose(analysis.scores.sides.crv!, expected.crv);
    expectClose(analysis.scores.sides.hrv!, expected.hrv);
  });

  it("computes coupling coordination D as relationship value", () => {
    expectClose(analysis.value!, expected.d);
  });

  it("classifies on CRV and HRV at their means", () => {
    expect(analysis.classes.labels).toEqual(expected.classes);
    expect(analysis.classes.counts).toEqual({partners: 2, growers: 2, atRisk: 1, transactional: 1});
  });

  it("uses AHP weights alone when asked", () => {
    const ahpOnly = analyzeCase(tinyCase, {weighting: "ahp"});
    expectClose(ahpOnly.weights.final, expected.subjective);
  });

  it("switches the relationship-value model", () => {
    const additive = analyzeCase(tinyCase, {model: "additive"});
    expectClose(additive.value!, expected.crv.map((u, i) => 0.5 * u + 0.5 * expected.hrv[i]));
  });

  it("rejects a case with one row", () => {
    expect(() => analyzeCase({...tinyCase, values: [[1, 2, 3, 4]], ids: ["1"]})).toThrow(
      /case tiny has 1 row; the method needs at least 2/
    );
  });
});

describe("matrixAxes", () => {
  it("uses CRV × HRV when both sides are measured", () => {
    expect(matrixAxes(tinyCase)).toEqual({x: {kind: "side", id: "crv"}, y: {kind: "side", id: "hrv"}});
  });

  it("uses the first two dimensions of a one-sided case", () => {
    const hotelSide: CaseData = {
      ...tinyCase,
      system: {...system, indicators: system.indicators.slice(2)}
    };
    expect(matrixAxes(hotelSide)).toEqual({
      x: {kind: "dimension", id: "current"},
      y: {kind: "dimension", id: "cost"}
    });
  });
});

describe("ahpHierarchy", () => {
  it("gives equal weights to a node without judgments and flags it", () => {
    const result = ahpHierarchy(system, []);
    expect(result.nodes[0].weights).toEqual([0.5, 0.5]);
    expect(result.nodes[0].equalWeights).toBe(true);
  });

  it("does not flag a node with one element", () => {
    const result = ahpHierarchy(system, []);
    const single = result.nodes.find((node) => node.node === "functional")!;
    expect(single.weights).toEqual([1]);
    expect(single.equalWeights).toBe(false);
  });

  it("aggregates two experts by geometric mean of judgments", () => {
    // Judgments 2 and 8 aggregate to √16 = 4, so the weights are 4/5 and 1/5.
    const result = ahpHierarchy(system, [
      {node: "goal", order: ["crv", "hrv"], matrices: [[[1, 2], [0.5, 1]], [[1, 8], [0.125, 1]]]}
    ]);
    expectClose(result.nodes[0].weights, [0.8, 0.2], 1e-12);
    expectClose(result.nodes[0].expertCr, [0, 0]);
  });

  it("rejects judgments that compare other elements", () => {
    expect(() =>
      ahpHierarchy(system, [{node: "goal", order: ["hrv", "crv"], matrices: [[[1, 2], [0.5, 1]]]}])
    ).toThrow(/node "goal" compare \[hrv, crv\] but the index system has \[crv, hrv\]/);
  });

  it("keeps an indicator apart from a dimension of the same id", () => {
    const clash: IndexSystem = {
      ...system,
      indicators: system.indicators.map((item) =>
        item.id === "b" ? {...item, id: "service"} : item
      )
    };
    const result = ahpHierarchy(clash, [
      {node: "crv", order: ["functional", "service"], matrices: [[[1, 3], [1 / 3, 1]]]}
    ]);
    // service is the only indicator of its dimension, so its global weight is the dimension's 0.25
    expectClose(result.indicatorWeights, [0.75, 0.25, 0.5, 0.5], 1e-12);
  });

  it("lists nodes goal, sides, then dimensions", () => {
    expect(hierarchyNodes(system).map((node) => node.node)).toEqual([
      "goal",
      "crv",
      "hrv",
      "functional",
      "service",
      "current",
      "cost"
    ]);
  });
});

describe("objectiveWeights", () => {
  it("gives weight 1 to the only indicator of a side", () => {
    const oneSided: IndexSystem = {...system, indicators: [system.indicators[0], system.indicators[2]]};
    const weights = objectiveWeights(
      [
        [1, 2],
        [2, 1],
        [3, 5]
      ],
      oneSided
    );
    expect(weights).toEqual([1, 1]);
  });

  it("rejects an unknown method", () => {
    expect(() => objectiveWeights(tinyCase.values, system, "variance" as never)).toThrow(
      /unknown objective weighting method "variance"/
    );
  });

  it("weights each side on that side's columns", () => {
    // Entropy weights of the HRV indicators c and d alone, computed from their rows.
    const hrv = entropyWeights(
      tinyCase.values.map((row) => [row[2], row[3]]),
      ["benefit", "cost"]
    ).weights;
    const weights = objectiveWeights(tinyCase.values, system);
    expect(weights[2]).toBeCloseTo(hrv[0], 14);
    expect(weights[3]).toBeCloseTo(hrv[1], 14);
  });

  it("names a bad cell by its place within the side", () => {
    const values = tinyCase.values.map((row) => row.slice());
    values[4][3] = NaN;
    expect(() => objectiveWeights(values, system)).toThrow(
      "data[4][1] is NaN; expected a finite number"
    );
  });
});

describe("objectiveWeightsOfColumns", () => {
  const columns = system.indicators.map((_, j) =>
    Float64Array.from(tinyCase.values, (row) => row[j])
  );

  it("equals objectiveWeights for every method", () => {
    for (const method of ["entropy", "critic", "pca"] as const) {
      expect(objectiveWeightsOfColumns(columns, system, method), method).toEqual(
        objectiveWeights(tinyCase.values, system, method)
      );
    }
  });

  it("rejects a wrong number of columns", () => {
    expect(() => objectiveWeightsOfColumns(columns.slice(1), system)).toThrow(
      "got 3 columns for 4 indicators of index system tiny"
    );
  });
});

describe("analyzeCase objective weights from normalised columns", () => {
  // Random rows with a cost indicator and a constant one on the customer side.
  const random = seededRandom(12);
  const values = Array.from({length: 300}, () => [random(), 7, 100 * random(), random() ** 2]);
  const randomCase = {...tinyCase, values, ids: values.map((_, i) => String(i))};

  it("gives the entropy weights of the raw values exactly", () => {
    const analysis = analyzeCase(randomCase);
    expect(analysis.weights.objective).toEqual(objectiveWeights(values, system, "entropy"));
    expect(analysis.degenerate).toEqual(["b"]);
  });

  it("gives the CRITIC and PCA weights of the raw values", () => {
    const changing = values.map((row) => [row[0], row[0] + random(), row[2], row[3]]);
    const changingCase = {...randomCase, values: changing};
    for (const objective of ["critic", "pca"] as const) {
      const analysis = analyzeCase(changingCase, {objective});
      const direct = objectiveWeights(changing, system, objective);
      analysis.weights.objective.forEach((w, j) => {
        expect(Math.abs(w - direct[j]), `${objective} ${j}`).toBeLessThan(1e-12);
      });
    }
  });
});
