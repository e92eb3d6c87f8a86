import * as Plot from "npm:@observablehq/plot";

const quadrantColor = {
  concentrate: "#d1495b",
  keep: "#3d8f4a",
  lowPriority: "#9a9a9a",
  overkill: "#4e79a7"
};
const quadrantName = {
  concentrate: "Concentrate here",
  keep: "Keep up the good work",
  lowPriority: "Low priority",
  overkill: "Possible overkill"
};

/**
 * Draws the importance–performance chart of one class, one panel per value-matrix axis.
 * Performance (class mean of the normalised score) runs across and importance (weight within
 * the axis) up, split at each axis's means. `ipa` is the result of importancePerformance,
 * `names` maps an indicator id to its label and `axisNames` an axis ("x", "y") to its name.
 */
export function ipaChart(ipa, {names, axisNames, width, height = 340} = {}) {
  const rows = ipa.rows.map((row) => ({
    ...row,
    name: names[row.indicator],
    panel: axisNames[row.axis]
  }));
  const splits = ["x", "y"].map((axis) => ({panel: axisNames[axis], ...ipa.splits[axis]}));
  return Plot.plot({
    width,
    height,
    marginRight: 30,
    fx: {label: null, domain: ["x", "y"].map((axis) => axisNames[axis])},
    x: {domain: [0, 1], label: "Performance (class mean, normalised) →", grid: true},
    y: {label: "↑ Importance (weight within axis)", grid: true, nice: true, zero: true},
    color: {
      legend: true,
      domain: Object.keys(quadrantName),
      range: Object.values(quadrantColor),
      tickFormat: (q) => quadrantName[q]
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
            `importance ${d.importance.toFixed(3)}`,
            `performance ${d.performance.toFixed(3)}`,
            `gain ${d.gain.toFixed(3)}`,
            quadrantName[d.quadrant]
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

export {quadrantName};
