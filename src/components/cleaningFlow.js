import * as Plot from "npm:@observablehq/plot";

const colors = {rows: "#3d8f4a", dropped: "#e15759", raw: "#9a9a9a"};
const count = (n) => n.toLocaleString("en-US");

/**
 * The cleaning of one case as a flow from raw to kept rows: one bar for the raw rows, then
 * one bar per rule in the order the rules ran, its green part the rows still in and its red
 * part the rows it dropped, and a last bar for the kept rows. `report` is lib's
 * cleaningReport.
 */
export function cleaningFlow(report, {width: requestedWidth, height} = {}) {
  // A chart narrower than its margins would draw bars of negative width.
  const width = Math.max(requestedWidth ?? 640, 320);
  const raw = report.rawRows;
  const steps = [{step: "Raw rows", from: 0, to: raw, part: "raw", text: `${count(raw)} raw rows`}];
  let remaining = raw;
  for (const rule of report.rules) {
    const after = remaining - rule.dropped;
    const step = `${rule.order}. ${rule.label.en}`;
    const flagged = rule.flagged > rule.dropped ? ` (flagged ${count(rule.flagged)})` : "";
    steps.push({step, from: 0, to: after, part: "rows", text: null});
    const text = `−${count(rule.dropped)}${flagged}`;
    steps.push({step, from: after, to: remaining, part: "dropped", text});
    remaining = after;
  }
  const kept = report.keptRows;
  steps.push({step: "Kept rows", from: 0, to: kept, part: "rows", text: `${count(kept)} kept`});
  const order = [...new Set(steps.map((s) => s.step))];
  const shorten = (s) => (s.length > 48 ? s.slice(0, 46) + "…" : s);

  return Plot.plot({
    width,
    height: height ?? order.length * 38 + 50,
    marginLeft: Math.min(300, width * 0.45),
    marginRight: 120,
    x: {label: "Rows →", grid: true, domain: [0, raw]},
    y: {domain: order, label: null, tickFormat: shorten},
    color: {domain: ["raw", "rows", "dropped"], range: [colors.raw, colors.rows, colors.dropped]},
    marks: [
      Plot.barX(steps, {
        y: "step",
        x1: "from",
        x2: "to",
        fill: "part",
        insetTop: 4,
        insetBottom: 4,
        tip: true,
        title: (d) => {
          const what = d.part === "dropped" ? "dropped" : "rows";
          return `${d.step}\n${what}: ${count(d.to - d.from)}`;
        }
      }),
      Plot.text(steps.filter((d) => d.text), {
        y: "step",
        x: "to",
        text: "text",
        textAnchor: "start",
        dx: 4,
        fill: (d) => (d.part === "dropped" ? colors.dropped : "currentColor")
      }),
      Plot.ruleX([0])
    ]
  });
}
