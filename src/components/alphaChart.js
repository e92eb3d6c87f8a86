import * as Plot from "npm:@observablehq/plot";

const bandColor = {
  good: "#3d8f4a",
  acceptable: "#8cb369",
  questionable: "#f2a541",
  poor: "#e15759",
  negative: "#a4161a"
};

function shortReason(group) {
  if (group.items.length === 0) return "no survey item";
  if (group.items.length === 1) return "one item: α needs two or more";
  return "α could not be computed";
}

/**
 * Cronbach's α of each dimension and side as dots on one axis, with the usual reading marked:
 * 0.7 (solid) as the common minimum, 0.6 and 0.8 (dashed) as the questionable and good
 * bounds. A negative α is drawn in dark red. Groups without α are listed at the left edge
 * with a short reason. `groups` is lib's systemReliability; `thresholds` its
 * alphaThresholds.
 */
export function alphaChart(groups, {thresholds, width: requestedWidth} = {}) {
  // A chart narrower than its margins would draw with a negative range.
  const width = Math.max(requestedWidth ?? 640, 320);
  const name = (g) => (g.level === "side" ? `${g.id.toUpperCase()} side (all items)` : g.label.en);
  const rows = groups.map((g) => ({
    name: name(g),
    alpha: g.result?.alpha ?? null,
    band: g.band,
    k: g.items.length,
    n: g.n,
    short: g.result ? null : shortReason(g)
  }));
  const computed = rows.filter((r) => r.alpha !== null);
  const low = Math.min(0, ...computed.map((r) => r.alpha));

  return Plot.plot({
    width,
    height: rows.length * 26 + 60,
    marginLeft: 190,
    marginRight: 40,
    x: {domain: [low, 1], label: "Cronbach's α →", grid: true},
    y: {domain: rows.map((r) => r.name), label: null},
    color: {domain: Object.keys(bandColor), range: Object.values(bandColor), legend: true},
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
        title: (r) => `${r.name}\nα = ${r.alpha.toFixed(3)} (${r.band})\n${r.k} items, n = ${r.n}`
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
        fill: "#888",
        fontStyle: "italic"
      })
    ]
  });
}
