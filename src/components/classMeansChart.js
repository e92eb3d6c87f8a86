import * as Plot from "npm:@observablehq/plot";
import {classScale} from "./classColors.js";

function describeDot(d, zh) {
  if (zh) {
    const sd = d.sd === null ? "" : `，标准差 ${d.sd.toFixed(3)}`;
    return `${d.score}\n${d.label}：均值 ${d.mean.toFixed(3)}${sd}\nn = ${d.n}`;
  }
  const sd = d.sd === null ? "" : `, sd ${d.sd.toFixed(3)}`;
  return `${d.score}\n${d.label}: mean ${d.mean.toFixed(3)}${sd}\nn = ${d.n}`;
}

/**
 * Draws the class means of every score as a dot plot: one row per score (sides, dimensions, the
 * relationship value), one coloured dot per non-empty class on a 0–1 axis, with the class
 * size in the tooltip. `differences` is lib's classDifferences; `classes` lib's valueClasses;
 * `scoreName(score)` names a score in `lang` ("en" or "zh"), which sets the other texts.
 */
export function classMeansChart(differences, options = {}) {
  const {classes, scoreName, width: requestedWidth, lang = "en"} = options;
  const zh = lang === "zh";
  // A chart narrower than its margins would draw with a negative range.
  const width = Math.max(requestedWidth ?? 640, 320);
  const rows = differences.flatMap((difference) =>
    difference.groups
      .filter((group) => group.n > 0)
      .map((group) => ({
        score: scoreName(difference.score),
        class: group.id,
        label: zh ? group.label.zh : group.label.en,
        mean: group.mean,
        sd: group.sd,
        n: group.n
      }))
  );
  const domain = differences.map((difference) => scoreName(difference.score));

  return Plot.plot({
    width,
    height: domain.length * 30 + 70,
    marginLeft: Math.min(200, width * 0.4),
    ariaLabel: zh
      ? `${domain.length} 个得分在各类别的均值点图`
      : `Dot plot of the class means of ${domain.length} scores`,
    x: {domain: [0, 1], label: zh ? "类别平均得分 →" : "Class mean score →", grid: true},
    y: {domain, label: null},
    color: classScale(classes, {legend: true, lang}),
    marks: [
      Plot.ruleY(domain, {stroke: "#eee"}),
      Plot.dot(rows, {
        x: "mean",
        y: "score",
        fill: "class",
        r: 6,
        stroke: "white",
        tip: true,
        title: (d) => describeDot(d, zh)
      })
    ]
  });
}
