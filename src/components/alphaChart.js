import * as Plot from "npm:@observablehq/plot";
import {bandNames} from "./analysisText.js";

const bandColor = {
  good: "#3d8f4a",
  acceptable: "#8cb369",
  questionable: "#f2a541",
  poor: "#e15759",
  negative: "#a4161a"
};

const texts = {
  en: {
    side: (id) => `${id.toUpperCase()} side (all items)`,
    none: "no survey item",
    one: "one item: α needs two or more",
    failed: "α could not be computed",
    tip: (r) => `${r.name}\nα = ${r.alpha.toFixed(3)} (${r.bandName})\n${r.k} items, n = ${r.n}`,
    aria: (shown, total) =>
      `Cronbach's α of ${total} dimensions and sides, ${shown} with a value, ` +
      "against the thresholds 0.6, 0.7 and 0.8"
  },
  zh: {
    side: (id) => `${id.toUpperCase()} 整体（全部题项）`,
    none: "无问卷题项",
    one: "只有一个题项：α 至少需要两个",
    failed: "无法计算 α",
    tip: (r) => `${r.name}\nα = ${r.alpha.toFixed(3)}（${r.bandName}）\n${r.k} 个题项，n = ${r.n}`,
    aria: (shown, total) =>
      `${total} 个维度和整体的克朗巴哈系数，其中 ${shown} 个有值，对照阈值 0.6、0.7 和 0.8`
  }
};

function shortReason(group, words) {
  if (group.items.length === 0) return words.none;
  if (group.items.length === 1) return words.one;
  return words.failed;
}

/**
 * Cronbach's α of each dimension and side as dots on one axis, with the usual reading marked:
 * 0.7 (solid) as the common minimum, 0.6 and 0.8 (dashed) as the questionable and good
 * bounds. A negative α is drawn in dark red. Groups without α are listed at the left edge
 * with a short reason. `groups` is lib's systemReliability; `thresholds` its
 * alphaThresholds; `lang` ("en" or "zh") the language of names, legend and aria-label.
 */
export function alphaChart(groups, {thresholds, width: requestedWidth, lang = "en"} = {}) {
  // A chart narrower than its margins would draw with a negative range.
  const width = Math.max(requestedWidth ?? 640, 320);
  const words = texts[lang] ?? texts.en;
  const bandName = (band) => (lang === "zh" ? bandNames[band].zh : band);
  const name = (g) => {
    if (g.level === "side") return words.side(g.id);
    return lang === "zh" ? g.label.zh : g.label.en;
  };
  const rows = groups.map((g) => ({
    name: name(g),
    alpha: g.result?.alpha ?? null,
    band: g.band,
    bandName: g.band ? bandName(g.band) : null,
    k: g.items.length,
    n: g.n,
    short: g.result ? null : shortReason(g, words)
  }));
  const computed = rows.filter((r) => r.alpha !== null);
  const low = Math.min(0, ...computed.map((r) => r.alpha));

  return Plot.plot({
    width,
    height: rows.length * 26 + 60,
    marginLeft: 190,
    marginRight: 40,
    ariaLabel: words.aria(computed.length, rows.length),
    x: {domain: [low, 1], label: lang === "zh" ? "克朗巴哈系数 α →" : "Cronbach's α →", grid: true},
    y: {domain: rows.map((r) => r.name), label: null},
    color: {
      domain: Object.keys(bandColor),
      range: Object.values(bandColor),
      legend: true,
      tickFormat: bandName
    },
    marks: [
      Plot.ruleX([thresholds.acceptable], {stroke: "#333"}),
      Plot.ruleX([thresholds.questionable, thresholds.good], {
        stroke: "#777",
        strokeDasharray: "4 3"
      }),
      Plot.ruleX([0], {stroke: "#bbb"}),
      Plot.ruleY(computed, {y: "name", x1: low, x2: "alpha", stroke: "#ddd"}),
      Plot.dot(computed, {
        x: "alpha",
        y: "name",
        fill: "band",
        r: 6,
        tip: true,
        title: words.tip
      }),
      Plot.text(computed, {
        x: "alpha",
        y: "name",
        text: (r) => r.alpha.toFixed(2),
        dx: 10,
        textAnchor: "start"
      }),
      Plot.text(rows.filter((r) => r.alpha === null), {
        x: low,
        y: "name",
        text: "short",
        textAnchor: "start",
        dx: 4,
        fill: "#666",
        fontStyle: "italic"
      })
    ]
  });
}
