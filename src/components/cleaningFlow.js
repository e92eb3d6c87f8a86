import * as Plot from "npm:@observablehq/plot";

// Bar colours, and darker text colours that keep 4.5:1 contrast on white.
const colors = {rows: "#3d8f4a", dropped: "#e15759", raw: "#9a9a9a"};
const droppedText = "#b8323a";
const count = (n) => n.toLocaleString("en-US");

const texts = {
  en: {
    raw: "Raw rows",
    kept: "Kept rows",
    rawText: (n) => `${count(n)} raw rows`,
    keptText: (n) => `${count(n)} kept`,
    flagged: (n) => ` (flagged ${count(n)})`,
    rows: "rows",
    dropped: "dropped",
    axis: "Rows →",
    aria: (report) =>
      `Cleaning flow: ${count(report.rawRows)} raw rows, ${count(report.keptRows)} kept, ` +
      `${count(report.droppedRows)} dropped by ${report.rules.length} rules`
  },
  zh: {
    raw: "原始行",
    kept: "保留行",
    rawText: (n) => `原始 ${count(n)} 行`,
    keptText: (n) => `保留 ${count(n)} 行`,
    flagged: (n) => `（标记 ${count(n)}）`,
    rows: "行数",
    dropped: "剔除",
    axis: "行数 →",
    aria: (report) =>
      `清洗流程：原始 ${count(report.rawRows)} 行，保留 ${count(report.keptRows)} 行，` +
      `${report.rules.length} 条规则共剔除 ${count(report.droppedRows)} 行`
  }
};

/**
 * The cleaning of one case as a flow from raw to kept rows: one bar for the raw rows, then
 * one bar per rule in the order the rules ran, its green part the rows still in and its red
 * part the rows it dropped, and a last bar for the kept rows. `report` is lib's
 * cleaningReport; `lang` ("en" or "zh") sets the language of labels and the chart's
 * aria-label.
 */
export function cleaningFlow(report, {width: requestedWidth, height, lang = "en"} = {}) {
  // A chart narrower than its margins would draw bars of negative width.
  const width = Math.max(requestedWidth ?? 640, 320);
  const words = texts[lang] ?? texts.en;
  const raw = report.rawRows;
  const steps = [{step: words.raw, from: 0, to: raw, part: "raw", text: words.rawText(raw)}];
  let remaining = raw;
  for (const rule of report.rules) {
    const after = remaining - rule.dropped;
    const step = `${rule.order}. ${lang === "zh" ? rule.label.zh : rule.label.en}`;
    const flagged = rule.flagged > rule.dropped ? words.flagged(rule.flagged) : "";
    steps.push({step, from: 0, to: after, part: "rows", text: null});
    const text = `−${count(rule.dropped)}${flagged}`;
    steps.push({step, from: after, to: remaining, part: "dropped", text});
    remaining = after;
  }
  const kept = report.keptRows;
  steps.push({step: words.kept, from: 0, to: kept, part: "rows", text: words.keptText(kept)});
  const order = [...new Set(steps.map((s) => s.step))];
  const marginLeft = Math.min(300, width * 0.45);
  // Characters that fit the left margin, at about 6 px a Latin letter and 10 px a Chinese one.
  const room = Math.floor(marginLeft / (lang === "zh" ? 10 : 6));
  const shorten = (s) => (s.length > room ? s.slice(0, room - 1) + "…" : s);

  return Plot.plot({
    width,
    height: height ?? order.length * 38 + 50,
    marginLeft,
    marginRight: 120,
    ariaLabel: words.aria(report),
    x: {label: words.axis, grid: true, domain: [0, raw]},
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
          const what = d.part === "dropped" ? words.dropped : words.rows;
          return `${d.step}\n${what}: ${count(d.to - d.from)}`;
        }
      }),
      Plot.text(steps.filter((d) => d.text), {
        y: "step",
        x: "to",
        text: "text",
        textAnchor: "start",
        dx: 4,
        fill: (d) => (d.part === "dropped" ? droppedText : "currentColor")
      }),
      Plot.ruleX([0])
    ]
  });
}
