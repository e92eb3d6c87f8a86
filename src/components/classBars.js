import * as Plot from "npm:@observablehq/plot";
import {classScale} from "./classColors.js";

/** Draws customers per class as bars labelled with count and share (from classProfiles). */
export function classBars(profiles, {classes, width, height = 180} = {}) {
  return Plot.plot({
    // The margins take 240 px, so narrower charts would have no room for bars.
    width: Math.max(width, 360),
    height,
    marginLeft: 130,
    marginRight: 110,
    x: {label: "Customers", grid: true},
    y: {
      domain: profiles.map((p) => p.id),
      tickFormat: (id) => profiles.find((p) => p.id === id).label.en,
      label: null
    },
    color: classScale(classes),
    marks: [
      Plot.barX(profiles, {x: "count", y: "id", fill: "id"}),
      Plot.text(profiles, {
        x: "count",
        y: "id",
        text: (p) => `${p.count.toLocaleString("en-US")} (${(100 * p.share).toFixed(1)}%)`,
        textAnchor: "start",
        dx: 4
      }),
      Plot.ruleX([0])
    ]
  });
}
