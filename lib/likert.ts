import {quoteText} from "./quote.js";

/**
 * Folds a label or a column name for comparison: Unicode NFKC (full-width forms become
 * ASCII), lower case, and whitespace, punctuation and symbols removed.
 *
 * @example
 * foldLabel("  Neither agree, nor DISAGREE ") // "neitheragreenordisagree"
 * foldLabel("客房质量（1）") // "客房质量1"
 */
export function foldLabel(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");
}

// Ranks (1 = most negative) of common answer labels. A label whose rank differs between
// published variants of a scale (such as "很不同意", which is the 1st point of some 5-point
// scales and the 2nd of some 7-point ones) is left out, so it is reported instead of guessed.
const neutralLabels = [
  "neutral",
  "neither agree nor disagree",
  "neither disagree nor agree",
  "neither satisfied nor dissatisfied",
  "neither likely nor unlikely",
  "undecided",
  "一般",
  "中立",
  "中性",
  "不确定",
  "说不清",
  "既不同意也不反对"
];

// The end points read the same on 5- and 7-point scales.
const lowestLabels = [
  "strongly disagree",
  "completely disagree",
  "totally disagree",
  "very dissatisfied",
  "very unlikely",
  "非常不同意",
  "完全不同意",
  "非常不满意",
  "非常不可能"
];

const highestLabels = [
  "strongly agree",
  "completely agree",
  "totally agree",
  "very satisfied",
  "very likely",
  "非常同意",
  "完全同意",
  "非常满意",
  "非常可能"
];

const fivePointRanks: [number, string[]][] = [
  [1, lowestLabels],
  [
    2,
    [
      "disagree",
      "somewhat disagree",
      "slightly disagree",
      "tend to disagree",
      "dissatisfied",
      "somewhat dissatisfied",
      "unlikely",
      "somewhat unlikely",
      "不同意",
      "比较不同意",
      "有点不同意",
      "不太同意",
      "不满意",
      "比较不满意",
      "不太满意",
      "不太可能",
      "不可能"
    ]
  ],
  [3, neutralLabels],
  [
    4,
    [
      "agree",
      "somewhat agree",
      "slightly agree",
      "tend to agree",
      "satisfied",
      "somewhat satisfied",
      "likely",
      "somewhat likely",
      "同意",
      "比较同意",
      "有点同意",
      "满意",
      "比较满意",
      "可能",
      "比较可能"
    ]
  ],
  [5, highestLabels]
];

const sevenPointRanks: [number, string[]][] = [
  [1, lowestLabels],
  [
    2,
    [
      "disagree",
      "mostly disagree",
      "moderately disagree",
      "dissatisfied",
      "unlikely",
      "不同意",
      "不满意",
      "不可能"
    ]
  ],
  [
    3,
    [
      "somewhat disagree",
      "slightly disagree",
      "somewhat dissatisfied",
      "slightly dissatisfied",
      "somewhat unlikely",
      "比较不同意",
      "有点不同意",
      "有些不同意",
      "比较不满意",
      "有点不满意"
    ]
  ],
  [4, neutralLabels],
  [
    5,
    [
      "somewhat agree",
      "slightly agree",
      "somewhat satisfied",
      "slightly satisfied",
      "somewhat likely",
      "比较同意",
      "有点同意",
      "有些同意",
      "比较满意",
      "有点满意"
    ]
  ],
  [
    6,
    [
      "agree",
      "mostly agree",
      "moderately agree",
      "satisfied",
      "likely",
      "同意",
      "满意",
      "可能"
    ]
  ],
  [7, highestLabels]
];

function rankMap(table: [number, string[]][]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const [rank, labels] of table) {
    for (const label of labels) {
      const key = foldLabel(label);
      const previous = ranks.get(key);
      if (previous !== undefined && previous !== rank) {
        throw new Error(`Likert label ${quoteText(label)} has ranks ${previous} and ${rank}`);
      }
      ranks.set(key, rank);
    }
  }
  return ranks;
}

/** Built-in answer labels of 5- and 7-point scales, folded, with their 1-based rank. */
export const likertRanks: Record<5 | 7, ReadonlyMap<string, number>> = {
  5: rankMap(fivePointRanks),
  7: rankMap(sevenPointRanks)
};

/**
 * Returns the value of a Likert answer label on a scale [min, max]: min + rank − 1, where
 * the rank comes from the built-in English and Simplified Chinese labels of agreement,
 * satisfaction and likelihood scales. Only 5-point and 7-point scales (max − min = 4 or 6)
 * have built-in labels. Labels are compared after `foldLabel`, so case, spaces and
 * punctuation do not matter. Returns undefined for an unknown label or another scale length.
 *
 * @example
 * likertValue("Strongly agree", [1, 5]) // 5
 * likertValue("比较同意", [1, 7]) // 5
 * likertValue("Neutral", [0, 4]) // 2
 */
export function likertValue(label: string, scale: [number, number]): number | undefined {
  const [min, max] = scale;
  const points = max - min + 1;
  if (!Number.isInteger(min) || (points !== 5 && points !== 7)) return undefined;
  const rank = likertRanks[points].get(foldLabel(label));
  return rank === undefined ? undefined : min + rank - 1;
}

/**
 * Lists the first English and first Chinese built-in label of each point of a 5- or 7-point
 * scale, for messages that list the valid answers. Returns an empty list for other
 * scale lengths, which have no built-in labels.
 *
 * @example likertExamples([1, 5])[0] // "Strongly disagree (非常不同意)"
 */
export function likertExamples(scale: [number, number]): string[] {
  const points = scale[1] - scale[0] + 1;
  if (!Number.isInteger(scale[0]) || (points !== 5 && points !== 7)) return [];
  const table = points === 5 ? fivePointRanks : sevenPointRanks;
  return table.map(([, labels]) => {
    const english = labels.find((label) => /^[a-z]/i.test(label)) ?? labels[0];
    const chinese = labels.find((label) => /\p{Script=Han}/u.test(label));
    const capital = english.charAt(0).toUpperCase() + english.slice(1);
    return chinese === undefined ? capital : `${capital} (${chinese})`;
  });
}
