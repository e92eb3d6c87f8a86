import * as Plot from "npm:@observablehq/plot";

const quadrantColor = {
  concentrate: "#d1495b",
  keep: "#3d8f4a",
  lowPriority: "#9a9a9a",
  overkill: "#4e79a7"
};

/** Names of the importance–performance quadrants in English and Chinese. */
export const quadrantNames = {
  concentrate: {en: "Concentrate here", zh: "重点改进"},
  keep: {en: "Keep up the good work", zh: "继续保持"},
  lowPriority: {en: "Low priority", zh: "次要改进"},
  overkill: {en: "Possible overkill", zh: "可能过度"}
};

/** English names of the quadrants, keyed by quadrant id. */
export const quadrantName = Object.fromEntries(
  Object.entries(quadrantNames).map(([id, label]) => [id, label.en])
);

const texts = {
  en: {
    performance: "Performance (class mean, normalised) →",
    importance: "↑ Importance (weight within axis)",
    words: ["importance", "performance", "gain"],
    title: "Importance–performance chart"
  },
  zh: {
    performance: "表现（类别均值，标准化）→",
    importance: "↑ 重要性（轴内权重）",
    words: ["重要性", "表现", "收益"],
    title: "重要性–表现分析图"
  }
};

/**
 * Draws the importance–performance chart of one class, one panel per value-matrix axis.
 * Performance (class mean of the normalised score) runs across and importance (weight within
 * the axis) up, split at each axis's means. `ipa` is the result of importancePerformance,
 * `names` maps an indicator id to its label and `axisNames` an axis ("x", "y") to its name,
 * both already in `lang` ("en" or "zh"), which sets the chart's own texts.
 */
export function ipaChart(ipa, {names, axisNames, width, height = 340, lang = "en"} = {}) {
  const text = texts[lang] ?? texts.en;
  const quadrant = (q) => (lang === "zh" ? quadrantNames[q].zh : quadrantNames[q].en);
  const rows = ipa.rows.map((row) => ({
    ...row,
    name: names[row.indicator],
    panel: axisNames[row.axis]
  }));
  const splits = ["x", "y"].map((axis) => ({panel: axisNames[axis], ...ipa.splits[axis]}));
  const [importance, performance, gain] = text.words;
  return Plot.plot({
    width,
    height,
    marginRight: 30,
    ariaLabel: text.title,
    ariaDescription: rows
      .map((d) => `${d.panel}, ${d.name}: ${quadrant(d.quadrant)}`)
      .join("; "),
    fx: {label: null, domain: ["x", "y"].map((axis) => axisNames[axis])},
    x: {domain: [0, 1], label: text.performance, grid: true},
    y: {label: text.importance, grid: true, nice: true, zero: true},
    color: {
      legend: true,
      domain: Object.keys(quadrantNames),
      range: Object.keys(quadrantNames).map((q) => quadrantColor[q]),
      tickFormat: quadrant
    },
    marks: [
      Plot.ruleX(splits, {fx: "panel", x: "performance", strokeDasharray: "4 3"}),
      Plot.ruleY(splits, {fx: "panel", y: "importance", strokeDasharray: "4 3"}),
      Plot.dot(rows, {
        fx: "panel",
        x: "performance",
        y: "importance",
        fill: "quadrant",
        r: 5,
        tip: true,
        title: (d) =>
          [
            d.name,
            `${importance} ${d.importance.toFixed(3)}`,
            `${performance} ${d.performance.toFixed(3)}`,
            `${gain} ${d.gain.toFixed(3)}`,
            quadrant(d.quadrant)
          ].join("\n")
      }),
      // Only "concentrate" indicators are named, because the others often crowd together;
      // every dot names its indicator on hover.
      Plot.text(rows, {
        filter: (d) => d.quadrant === "concentrate",
        fx: "panel",
        x: "performance",
        y: "importance",
        text: "name",
        dy: -9,
        fontSize: 10
      })
    ]
  });
}
