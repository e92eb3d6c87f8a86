import * as Plot from "npm:@observablehq/plot";
import * as d3 from "npm:d3";

/**
 * Places the answers of one item on a diverging axis: answers below the scale's midpoint
 * stack leftwards from 0, answers above it rightwards, and the middle answer of an odd scale
 * straddles 0 half and half.
 */
function itemSegments(item, levels, middle) {
  const segment = (k, x1, x2) => ({
    item: item.column,
    level: levels[k],
    share: item.shares[k],
    count: item.counts[k],
    n: item.n,
    x1,
    x2
  });
  const rows = [];
  let left = 0;
  let right = 0;
  const centre = levels.indexOf(middle);
  if (centre >= 0) {
    const half = item.shares[centre] / 2;
    rows.push(segment(centre, -half, half));
    left = -half;
    right = half;
  }
  for (let k = levels.length - 1; k >= 0; k--) {
    if (levels[k] >= middle) continue;
    rows.push(segment(k, left - item.shares[k], left));
    left -= item.shares[k];
  }
  levels.forEach((level, k) => {
    if (level <= middle) return;
    rows.push(segment(k, right, right + item.shares[k]));
    right += item.shares[k];
  });
  return rows;
}

const texts = {
  en: {
    axis: "← lower answers · share of respondents (%) · higher answers →",
    legend: "Answer",
    tip: (d, share) => `answer ${d.level}: ${d.count} of ${d.n} (${share}%)`,
    aria: (k) => `Shares of each answer for ${k} items, lower answers left of 0, higher right`
  },
  zh: {
    axis: "← 较低的作答 · 受访者占比（%）· 较高的作答 →",
    legend: "作答",
    tip: (d, share) => `作答 ${d.level}：${d.n} 人中 ${d.count} 人（${share}%）`,
    aria: (k) => `${k} 个题项各作答的占比，较低的作答在 0 左侧，较高的在右侧`
  }
};

/**
 * Diverging stacked bars of Likert answers, one bar per item: answers below the scale's
 * midpoint extend left of 0, answers above it right, and the middle answer of an odd scale
 * is split half and half across 0. `counts` is lib's likertCounts; `names` maps an item
 * column to the label shown on the axis. Items nobody answered get no bar. `lang` ("en" or
 * "zh") sets the language of the axis, legend, tooltips and aria-label.
 */
export function likertBars(counts, {names = {}, width: requestedWidth, lang = "en"} = {}) {
  const words = texts[lang] ?? texts.en;
  // A chart narrower than its margins would draw bars of negative width.
  const width = Math.max(requestedWidth ?? 640, 320);
  const levels = counts[0]?.levels ?? [];
  const middle = (levels[0] + levels[levels.length - 1]) / 2;
  const answered = counts.filter((item) => item.n > 0);
  const segments = answered.flatMap((item) => itemSegments(item, levels, middle));
  const domain = counts.map((item) => item.column);
  const colors = d3
    .quantize(d3.interpolateRdBu, Math.max(levels.length, 3))
    .slice(0, levels.length);
  const shorten = (column) => {
    const name = names[column] ?? column;
    return name.length > 40 ? name.slice(0, 38) + "…" : name;
  };

  return Plot.plot({
    width,
    height: domain.length * 20 + 80,
    marginLeft: Math.min(260, width * 0.4),
    ariaLabel: words.aria(counts.length),
    x: {
      label: words.axis,
      tickFormat: (x) => Math.round(Math.abs(100 * x)),
      domain: [-1, 1],
      grid: true
    },
    y: {domain, label: null, tickFormat: shorten},
    color: {type: "ordinal", domain: levels, range: colors, legend: true, label: words.legend},
    marks: [
      Plot.barX(segments, {
        y: "item",
        x1: "x1",
        x2: "x2",
        fill: "level",
        tip: true,
        title: (d) => {
          const share = (100 * d.share).toFixed(1);
          return `${names[d.item] ?? d.item}\n${words.tip(d, share)}`;
        }
      }),
      Plot.ruleX([0], {stroke: "currentColor"})
    ]
  });
}
