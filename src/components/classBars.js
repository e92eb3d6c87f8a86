import * as Plot from "npm:@observablehq/plot";
import {classScale} from "./classColors.js";

const texts = {
  en: {customers: "Customers", title: "Customers per class"},
  zh: {customers: "客户数", title: "各类别客户数"}
};

/**
 * Draws customers per class as bars labelled with count and share (from classProfiles), with
 * class names in `lang` ("en" or "zh"). The chart's accessible description lists the counts.
 */
export function classBars(profiles, {classes, width, height = 180, lang = "en"} = {}) {
  const text = texts[lang] ?? texts.en;
  const name = (p) => (lang === "zh" ? p.label.zh : p.label.en);
  const share = (p) => `${(100 * p.share).toFixed(1)}%`;
  return Plot.plot({
    // The margins take 240 px, so narrower charts would have no room for bars.
    width: Math.max(width, 360),
    height,
    marginLeft: 130,
    marginRight: 110,
    ariaLabel: text.title,
    ariaDescription: profiles
      .map((p) => `${name(p)}: ${p.count.toLocaleString("en-US")} (${share(p)})`)
      .join("; "),
    x: {label: text.customers, grid: true},
    y: {
      domain: profiles.map((p) => p.id),
      tickFormat: (id) => name(profiles.find((p) => p.id === id)),
      label: null
    },
    color: classScale(classes, {lang}),
    marks: [
      Plot.barX(profiles, {x: "count", y: "id", fill: "id"}),
      Plot.text(profiles, {
        x: "count",
        y: "id",
        text: (p) => `${p.count.toLocaleString("en-US")} (${share(p)})`,
        textAnchor: "start",
        dx: 4
      }),
      Plot.ruleX([0])
    ]
  });
}
