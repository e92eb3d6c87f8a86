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

/**
 * Draws one bar per case as shares of its raw rows: the kept part, then one part per drop
 * reason that dropped any row, stacked, so every bar ends at 100%. The right margin gives
 * kept and raw counts; on narrow screens the counts move into the tooltips and long case
 * names wrap. `audits` is a list of {name, audit}.
 */
export function auditChart(audits, {width = 640, height} = {}) {
  const narrow = width < 640;
  const rows = audits.flatMap(({name, audit}) => [
    {name, part: "kept", count: audit.keptRows, share: audit.keptRows / audit.rawRows},
    ...audit.dropped
      .filter((drop) => drop.count > 0)
      .map((drop) => ({
        name,
        part: `dropped: ${drop.label.en}`,
        count: drop.count,
        share: drop.count / audit.rawRows
      }))
  ]);
  const parts = [...new Set(rows.map((row) => row.part))];
  const totals = audits.map(({name, audit}) => ({
    name,
    text: `${audit.keptRows.toLocaleString("en-US")} of ${audit.rawRows.toLocaleString("en-US")} kept`
  }));
  return Plot.plot({
    width,
    height: height ?? audits.length * 44 + 110,
    marginLeft: narrow ? Math.round(width * 0.34) : 230,
    marginRight: narrow ? 12 : 150,
    x: {label: "Share of raw rows →", domain: [0, 1], tickFormat: "%"},
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
          title: (d) => `${d.name}\n${d.part}: ${d.count.toLocaleString("en-US")} rows`
        })
      ),
      narrow ? null : Plot.text(totals, {x: 1, y: "name", text: "text", textAnchor: "start", dx: 6}),
      Plot.ruleX([0, 1])
    ]
  });
}
