import * as Plot from "npm:@observablehq/plot";

const keptColor = "#3d8f4a";
const dropColors = [
  "#e15759",
  "#f28e2b",
  "#b07aa1",
  "#edc948",
  "#76b7b2",
  "#9c755f",
  "#ff9da7",
  "#4e79a7",
  "#bab0ac"
];

const texts = {
  en: {
    kept: "kept",
    dropped: (label) => `dropped: ${label}`,
    total: (kept, raw) => `${kept} of ${raw} kept`,
    rows: "rows",
    axis: "Share of raw rows →",
    title: "Cleaning audit: kept and dropped rows"
  },
  zh: {
    kept: "保留",
    dropped: (label) => `剔除：${label}`,
    total: (kept, raw) => `保留 ${kept} / ${raw}`,
    rows: "行",
    axis: "占原始行数的比例 →",
    title: "数据清洗审计：保留与剔除的行"
  }
};

/**
 * Draws one bar per case as shares of its raw rows: the kept part, then one part per drop
 * reason that dropped any row, stacked, so every bar ends at 100%. The right margin gives
 * kept and raw counts; on narrow screens the counts move into the tooltips and long case
 * names wrap. `audits` is a list of {name, audit}, names in `lang` ("en" or "zh"), which also
 * sets the drop reasons and the chart's texts; the accessible description gives every count.
 */
export function auditChart(audits, {width = 640, height, lang = "en"} = {}) {
  const text = texts[lang] ?? texts.en;
  const narrow = width < 640;
  const count = (x) => x.toLocaleString("en-US");
  const rows = audits.flatMap(({name, audit}) => [
    {name, part: text.kept, count: audit.keptRows, share: audit.keptRows / audit.rawRows},
    ...audit.dropped
      .filter((drop) => drop.count > 0)
      .map((drop) => ({
        name,
        part: text.dropped(lang === "zh" ? drop.label.zh : drop.label.en),
        count: drop.count,
        share: drop.count / audit.rawRows
      }))
  ]);
  const parts = [...new Set(rows.map((row) => row.part))];
  const totals = audits.map(({name, audit}) => ({
    name,
    text: text.total(count(audit.keptRows), count(audit.rawRows))
  }));
  const description = audits
    .map(({name}) => {
      const parts = rows.filter((row) => row.name === name);
      return `${name}: ${parts.map((row) => `${row.part} ${count(row.count)}`).join(", ")}`;
    })
    .join("; ");
  return Plot.plot({
    width,
    height: height ?? audits.length * 44 + 110,
    marginLeft: narrow ? Math.round(width * 0.34) : 230,
    marginRight: narrow ? 12 : 150,
    ariaLabel: text.title,
    ariaDescription: description,
    x: {label: text.axis, domain: [0, 1], tickFormat: "%"},
    y: {label: null, domain: audits.map((a) => a.name)},
    color: {
      legend: true,
      domain: parts,
      range: parts.map((part, k) => (k === 0 ? keptColor : dropColors[(k - 1) % dropColors.length]))
    },
    marks: [
      Plot.axisY({lineWidth: narrow ? 9 : 30, label: null}),
      Plot.barX(
        rows,
        Plot.stackX({
          x: "share",
          y: "name",
          fill: "part",
          order: parts,
          tip: true,
          title: (d) => `${d.name}\n${d.part}: ${count(d.count)} ${text.rows}`
        })
      ),
      narrow ? null : Plot.text(totals, {x: 1, y: "name", text: "text", textAnchor: "start", dx: 6}),
      Plot.ruleX([0, 1])
    ]
  });
}
