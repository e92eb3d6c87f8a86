import * as Plot from "npm:@observablehq/plot";
import {classScale} from "./classColors.js";

function describeDot(d) {
  const sd = d.sd === null ? "" : `, sd ${d.sd.toFixed(3)}`;
  return `${d.score}\n${d.label}: mean ${d.mean.toFixed(3)}${sd}\nn = ${d.n}`;
}

/**
 * Class means of every score as a dot plot: one row per score (sides, dimensions, the
 * relationship value), one coloured dot per non-empty class on a 0–1 axis, with the class
 * size in the tooltip. `differences` is lib's classDifferences; `classes` lib's valueClasses.
 */
export function classMeansChart(differences, {classes, scoreName, width: requestedWidth} = {}) {
  // A chart narrower than its margins would draw with a negative range.
  const width = Math.max(requestedWidth ?? 640, 320);
  const rows = differences.flatMap((difference) =>
    difference.groups
      .filter((group) => group.n > 0)
      .map((group) => ({
        score: scoreName(difference.score),
        class: group.id,
        label: group.label.en,
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
    x: {domain: [0, 1], label: "Class mean score →", grid: true},
    y: {domain, label: null},
    color: classScale(classes, {legend: true}),
    marks: [
      Plot.ruleY(domain, {stroke: "#eee"}),
      Plot.dot(rows, {
        x: "mean",
        y: "score",
        fill: "class",
        r: 6,
        stroke: "white",
        tip: true,
        title: describeDot
      })
    ]
  });
}
