import {describe, expect, test} from "vitest";
import {foldLabel, likertExamples, likertRanks, likertValue} from "../lib/likert.js";

// Expected ranks are the printed order of the answer options on common questionnaires:
// agreement, satisfaction and likelihood scales, 1 = most negative.
const fivePoint: [string, number][] = [
  ["Strongly disagree", 1],
  ["Disagree", 2],
  ["Neither agree nor disagree", 3],
  ["Agree", 4],
  ["Strongly agree", 5],
  ["Somewhat disagree", 2],
  ["Neutral", 3],
  ["Somewhat agree", 4],
  ["Very dissatisfied", 1],
  ["Very satisfied", 5],
  ["非常不同意", 1],
  ["不同意", 2],
  ["一般", 3],
  ["同意", 4],
  ["非常同意", 5],
  ["完全不同意", 1],
  ["比较不同意", 2],
  ["比较同意", 4],
  ["完全同意", 5],
  ["非常不满意", 1],
  ["满意", 4]
];

const sevenPoint: [string, number][] = [
  ["Strongly disagree", 1],
  ["Disagree", 2],
  ["Somewhat disagree", 3],
  ["Neither agree nor disagree", 4],
  ["Somewhat agree", 5],
  ["Agree", 6],
  ["Strongly agree", 7],
  ["完全不同意", 1],
  ["不同意", 2],
  ["比较不同意", 3],
  ["一般", 4],
  ["比较同意", 5],
  ["同意", 6],
  ["完全同意", 7],
  ["非常满意", 7]
];

describe("foldLabel", () => {
  test("ignores case, spaces and punctuation", () => {
    expect(foldLabel("  Neither agree, nor DISAGREE ")).toBe("neitheragreenordisagree");
    expect(foldLabel("Strongly\tagree")).toBe("stronglyagree");
  });

  test("turns full-width forms into ASCII", () => {
    expect(foldLabel("客房质量（1）")).toBe("客房质量1");
    expect(foldLabel("Ｆ１")).toBe("f1");
  });
});

describe("likertValue", () => {
  test.each(fivePoint)("5-point %s is %i", (label, rank) => {
    expect(likertValue(label, [1, 5])).toBe(rank);
  });

  test.each(sevenPoint)("7-point %s is %i", (label, rank) => {
    expect(likertValue(label, [1, 7])).toBe(rank);
  });

  test("shifts ranks onto the scale's minimum", () => {
    expect(likertValue("Strongly disagree", [0, 4])).toBe(0);
    expect(likertValue("Neutral", [0, 4])).toBe(2);
    expect(likertValue("完全同意", [-3, 3])).toBe(3);
  });

  test("ignores case and spacing", () => {
    expect(likertValue("  STRONGLY   agree ", [1, 5])).toBe(5);
    expect(likertValue("neither agree, nor disagree", [1, 7])).toBe(4);
  });

  test("returns undefined for unknown labels", () => {
    expect(likertValue("maybe", [1, 5])).toBeUndefined();
    expect(likertValue("很不同意", [1, 5])).toBeUndefined();
  });

  test("returns undefined for scales other than 5 or 7 points", () => {
    expect(likertValue("Agree", [1, 10])).toBeUndefined();
    expect(likertValue("Agree", [1, 4])).toBeUndefined();
    expect(likertValue("Agree", [0.5, 4.5])).toBeUndefined();
  });
});

describe("likertRanks", () => {
  // Mirror pairs: the negative form of a label sits as far below the midpoint as the
  // positive form sits above it (rank + mirror rank = points + 1).
  const mirrors: [string, string][] = [
    ["strongly agree", "strongly disagree"],
    ["agree", "disagree"],
    ["somewhat agree", "somewhat disagree"],
    ["very satisfied", "very dissatisfied"],
    ["satisfied", "dissatisfied"],
    ["very likely", "very unlikely"],
    ["非常同意", "非常不同意"],
    ["比较同意", "比较不同意"],
    ["同意", "不同意"],
    ["满意", "不满意"],
    ["非常可能", "非常不可能"]
  ];

  for (const points of [5, 7] as const) {
    test.each(mirrors)(`${points}-point "%s" mirrors "%s"`, (positive, negative) => {
      const high = likertRanks[points].get(foldLabel(positive));
      const low = likertRanks[points].get(foldLabel(negative));
      expect(high).toBeDefined();
      expect(low).toBeDefined();
      expect(high! + low!).toBe(points + 1);
    });
  }

  test("keeps every rank within the scale", () => {
    for (const points of [5, 7] as const) {
      for (const rank of likertRanks[points].values()) {
        expect(rank).toBeGreaterThanOrEqual(1);
        expect(rank).toBeLessThanOrEqual(points);
      }
    }
  });
});

describe("likertExamples", () => {
  test("lists a label per point of 1–5", () => {
    expect(likertExamples([1, 5])).toEqual([
      "Strongly disagree (非常不同意)",
      "Disagree (不同意)",
      "Neutral (一般)",
      "Agree (同意)",
      "Strongly agree (非常同意)"
    ]);
  });

  test("lists seven labels for 1–7", () => {
    expect(likertExamples([1, 7])[2]).toBe("Somewhat disagree (比较不同意)");
  });

  test("has none for 0–10", () => {
    expect(likertExamples([0, 10])).toEqual([]);
  });
});
