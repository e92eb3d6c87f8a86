import {describe, expect, it} from "vitest";
import {
  checkReportConfig,
  ConfigError,
  configDifferences,
  configFromJson,
  configFromQuery,
  configToJson,
  configToQuery,
  defaultReportConfig,
  isConfigQueryKey,
  type ReportConfig
} from "../lib/config.js";
import {cruiseCase} from "../lib/cases.js";

// The cruise system: goal (crv, hrv); crv (functional, service, emotional); hrv (potential);
// functional (food, hygiene); service (staff_help); emotional (lively, lighting);
// potential (positive_talk, recommend).
const system = cruiseCase.system;

const edited: ReportConfig = {
  ...defaultReportConfig,
  lang: "zh",
  weighting: "ahp",
  objective: "critic",
  ahpMethod: "geometric",
  aggregation: "aip",
  combination: "multiplicative",
  alpha: 0.35,
  model: "additive",
  sideAlpha: 0.6,
  threshold: {x: "median", y: 0.42},
  weights: {
    crv: {functional: 0.5, service: 0.2, emotional: 0.3},
    functional: {food: 0.25, hygiene: 0.75}
  },
  judgments: {
    crv: {
      order: ["functional", "service", "emotional"],
      matrices: [
        [
          [1, 3, 1 / 2],
          [1 / 3, 1, 1 / 5],
          [2, 5, 1]
        ],
        [
          [1, 9, 7],
          [1 / 9, 1, 1 / 2],
          [1 / 7, 2, 1]
        ]
      ]
    }
  }
};

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("configToJson and configFromJson", () => {
  it("round-trip every field", () => {
    const text = configToJson(edited, "cruise");
    expect(configFromJson(text, system, "cruise")).toEqual(edited);
  });

  it("write the format tag, version and case", () => {
    const value = JSON.parse(configToJson(defaultReportConfig, "cruise"));
    expect(value.format).toBe("hotel-relationship-value/config");
    expect(value.version).toBe(1);
    expect(value.case).toBe("cruise");
  });

  it("reject text that is not JSON", () => {
    expect(() => configFromJson("{alpha: 1", system, "cruise", "my.json")).toThrow(
      /^my\.json has a problem: it is not valid JSON/
    );
  });

  it("reject a file made for another case", () => {
    const text = configToJson(defaultReportConfig, "tourists");
    expect(problemsOf(() => configFromJson(text, system, "cruise"))).toEqual([
      'case is "tourists" but the report shows case "cruise"; choose that case first or ' +
        "load a file made for this one"
    ]);
  });

  it("shorten long values in problems", () => {
    const text = JSON.stringify({format: "f".repeat(1000), version: [1, 2, 3], case: "cruise"});
    expect(problemsOf(() => configFromJson(text, system, "cruise"))).toEqual([
      `format is "${"f".repeat(40)}…" (1000 characters); expected ` +
        '"hotel-relationship-value/config"',
      "version is [1,2,3]; expected 1"
    ]);
  });

  it("reject a wrong format tag and version", () => {
    const text = JSON.stringify({format: "other", version: 2, case: "cruise"});
    expect(problemsOf(() => configFromJson(text, system, "cruise"))).toEqual([
      'format is "other"; expected "hotel-relationship-value/config"',
      "version is 2; expected 1"
    ]);
  });
});

describe("checkReportConfig", () => {
  it("fills missing fields with the defaults", () => {
    expect(checkReportConfig({alpha: 0.2}, system)).toEqual({...defaultReportConfig, alpha: 0.2});
  });

  it("accepts one threshold for both axes", () => {
    expect(checkReportConfig({threshold: 0.3}, system).threshold).toEqual({x: 0.3, y: 0.3});
  });

  it("names every bad field", () => {
    const problems = problemsOf(() =>
      checkReportConfig(
        {
          alpha: 1.5,
          model: "sum",
          colour: "red",
          threshold: {x: "mode", z: 1},
          sideAlpha: "half"
        },
        system
      )
    );
    expect(problems).toEqual([
      "colour is not a configuration field; expected lang, weighting, objective, ahpMethod, " +
        "aggregation, combination, alpha, model, sideAlpha, threshold, weights, judgments",
      'model is "sum"; expected one of coupling, additive, geometric',
      "alpha is 1.5; expected a number from 0 to 1",
      'sideAlpha is "half"; expected a number from 0 to 1',
      "threshold.z is not a threshold field; expected x and y",
      'threshold.x is "mode"; expected "mean", "median", "midpoint" or a number from 0 to 1'
    ]);
  });

  it("names weights that do not fit the system", () => {
    const problems = problemsOf(() =>
      checkReportConfig(
        {
          weights: {
            crv: {functional: 0.5, service: 0.5},
            social: {status: 1},
            emotional: {lively: 0.7, lighting: 0.2}
          }
        },
        system
      )
    );
    expect(problems).toEqual([
      "weights.crv has missing emotional; expected a weight for each of functional, service, " +
        "emotional",
      'weights.social: "social" is not a side or dimension of index system cruise; expected ' +
        "one of crv, hrv, functional, service, emotional, potential",
      "weights.emotional sum to 0.8999999999999999; expected 1 (within 1e-6)"
    ]);
  });

  it("names judgments that do not fit the system", () => {
    const problems = problemsOf(() =>
      checkReportConfig(
        {
          judgments: {
            service: {order: ["staff_help"], matrices: [[[1]]]},
            functional: {order: ["hygiene", "food"], matrices: [[[1, 2], [0.5, 1]]]},
            emotional: {order: ["lively", "lighting"], matrices: [[[1, 3], [0.5, 1]]]},
            potential: {order: ["positive_talk", "recommend"], matrices: []}
          }
        },
        system
      )
    );
    expect(problems).toEqual([
      'judgments.service: "service" is not a node with two or more elements in index system ' +
        "cruise; expected one of goal, crv, functional, emotional, potential",
      'judgments.functional.order is ["hygiene","food"]; expected ["food","hygiene"]',
      "judgments.emotional.matrices[0] is not reciprocal: a[0][1] = 3 but a[1][0] = 0.5, " +
        "expected 0.333 (indices are 0-based; give reciprocals to at least 7 significant digits)",
      "judgments.potential.matrices is []; expected one matrix per expert"
    ]);
  });

  it("rejects a judgment outside Saaty's scale", () => {
    const problems = problemsOf(() =>
      checkReportConfig(
        {judgments: {goal: {order: ["crv", "hrv"], matrices: [[[1, 1000], [0.001, 1]]]}}},
        system
      )
    );
    expect(problems).toEqual([
      "judgments.goal.matrices[0] entry a[0][1] is 1000; Saaty's scale allows judgments from " +
        "1/9 to 9"
    ]);
  });

  it("shortens a long node name", () => {
    const node = "n".repeat(60);
    const problems = problemsOf(() =>
      checkReportConfig({judgments: {[node]: {order: ["a"], matrices: [[[1]]]}}}, system)
    );
    expect(problems).toEqual([
      `judgments.${"n".repeat(40)}… (60 characters): "${"n".repeat(40)}…" (60 characters) ` +
        "is not a node with two or more elements in index system cruise; expected one of " +
        "goal, crv, functional, emotional, potential"
    ]);
  });

  it("rejects a matrix of the wrong order", () => {
    const problems = problemsOf(() =>
      checkReportConfig({judgments: {goal: {order: ["crv", "hrv"], matrices: [[[1]]]}}}, system)
    );
    expect(problems).toEqual(["judgments.goal.matrices[0] has order 1; expected 2"]);
  });
});

describe("configToQuery and configFromQuery", () => {
  it("write nothing for the defaults", () => {
    expect(configToQuery(defaultReportConfig, system)).toEqual([]);
  });

  it("write the changed fields", () => {
    const entries = configToQuery(edited, system);
    expect(Object.fromEntries(entries)).toEqual({
      lang: "zh",
      weighting: "ahp",
      objective: "critic",
      ahpMethod: "geometric",
      aggregation: "aip",
      combination: "multiplicative",
      alpha: "0.35",
      model: "additive",
      sideAlpha: "0.6",
      thresholdX: "median",
      thresholdY: "0.42",
      "w.crv": "0.5_0.2_0.3",
      "w.functional": "0.25_0.75",
      "j.crv": "3_-2_-5*9_7_-2"
    });
    expect(entries.every(([key]) => isConfigQueryKey(key))).toBe(true);
    expect(isConfigQueryKey("case")).toBe(false);
  });

  it("round-trip every field", () => {
    const query = new URLSearchParams(configToQuery(edited, system)).toString();
    const {config, problems} = configFromQuery(`case=cruise&${query}`, system);
    expect(problems).toEqual([]);
    expect(config.weights.crv.functional).toBeCloseTo(0.5, 12);
    expect(config.judgments.crv.matrices[0][2][0]).toBeCloseTo(2, 12);
    expect(config.judgments.crv.matrices[1][1][2]).toBeCloseTo(0.5, 12);
    expect(config).toEqual(edited);
  });

  it("write one threshold shared by both axes", () => {
    const config = {...defaultReportConfig, threshold: {x: 0.5, y: 0.5}};
    expect(configToQuery(config, system)).toEqual([["threshold", "0.5"]]);
    expect(configFromQuery("threshold=0.5", system).config.threshold).toEqual({x: 0.5, y: 0.5});
  });

  it("let an axis threshold override the shared one", () => {
    const {config} = configFromQuery("thresholdY=median&threshold=midpoint", system);
    expect(config.threshold).toEqual({x: "midpoint", y: "median"});
  });

  it("rescale rounded weights to sum 1", () => {
    const {config} = configFromQuery("w.emotional=0.333333_0.666667", system);
    const {lively, lighting} = config.weights.emotional;
    expect(lively + lighting).toBeCloseTo(1, 12);
    expect(lively).toBeCloseTo(0.333333, 6);
  });

  it("skip and report parameters that do not fit", () => {
    const {config, problems} = configFromQuery(
      "alpha=2&model=additive&w.social=0.5_0.5&w.crv=1_0&j.emotional=3_4&thresholdX=0.3",
      system
    );
    expect(config).toEqual({
      ...defaultReportConfig,
      model: "additive",
      threshold: {x: 0.3, y: "mean"}
    });
    // Counts are checked while the link is read, the values afterwards.
    expect(problems).toEqual([
      "link: w.crv has 2 values; expected 3 (functional, service, emotional)",
      "link: j.emotional gives expert 1 2 judgments; expected 1, the upper triangle of a " +
        "2 × 2 matrix",
      "link: alpha is 2; expected a number from 0 to 1",
      'link: weights.social: "social" is not a side or dimension of index system cruise; ' +
        "expected one of crv, hrv, functional, service, emotional, potential"
    ]);
  });
});

describe("configDifferences", () => {
  it("is empty for the defaults", () => {
    expect(configDifferences(defaultReportConfig)).toEqual([]);
  });

  it("lists each changed field", () => {
    const differences = configDifferences({
      ...defaultReportConfig,
      alpha: 0.7,
      threshold: {x: "mean", y: "median"},
      weights: {functional: {food: 0.25, hygiene: 0.75}},
      judgments: {crv: edited.judgments.crv}
    });
    expect(differences).toEqual([
      {field: "alpha", value: "0.7", default: "0.5"},
      {field: "threshold.y", value: "median", default: "mean"},
      {
        field: "weights.functional",
        value: "food 0.250, hygiene 0.750",
        default: "from the weighting method"
      },
      {field: "judgments.crv", value: "edited (2 experts)", default: "the case's judgments"}
    ]);
  });
});
