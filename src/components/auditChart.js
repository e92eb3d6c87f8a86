import * as Plot from "npm:@observablehq/plot";

/**
 * Draws one bar per case as shares of its raw rows: the kept part, then one part per drop
 * reason, stacked, so every bar ends at 100%. `audits` is a list of {name, audit}.
 */
export function auditChart(audits, {width, height} = {}) {
  const rows = audits.flatMap(({name, audit}) => [
    {name, part: "kept", count: audit.keptRows, share: audit.keptRows / audit.rawRows},
    ...audit.dropped.map((drop) => ({
      name,
      part: `dropped: ${drop.label.en}`,
      count: drop.count,
      share: drop.count / audit.rawRows
    }))
  ]);
  const parts = [...new Set(rows.map((row) => row.part))];
  return Plot.plot({
    width,
    height: height ?? audits.length * 44 + 70,
    marginLeft: 170,
    x: {label: "Share of raw rows (%) →", percent: true, domain: [0, 1]},
    y: {label: null, domain: audits.map((a) => a.name)},
    color: {
      legend: true,
      domain: parts,
      range: ["#3d8f4a", "#e15759", "#f28e2b", "#b07aa1", "#edc948", "#76b7b2", "#9c755f"]
    },
    marks: [
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
      Plot.ruleX([0, 1])
    ]
  });
}
