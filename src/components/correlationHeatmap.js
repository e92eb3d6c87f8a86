import * as Plot from "npm:@observablehq/plot";

function describeCell(d, zh) {
  const missing = zh
    ? "n/a（少于 2 行或题项作答恒定）"
    : "n/a (fewer than 2 rows or a constant item)";
  const r = d.r === null ? missing : d.r.toFixed(3);
  return `${d.a} × ${d.b}\nr = ${r}\nn = ${d.n}`;
}

/**
 * Draws an item correlation matrix as a heatmap, with the number of rows behind each entry
 * in the tooltip. Entries that could not be computed (null) are grey. `correlations` is
 * lib's itemCorrelations and `order` lists the item columns in the order to draw. `lang`
 * ("en" or "zh") sets the language of the legend, tooltips and aria-label.
 */
export function correlationHeatmap(correlations, options = {}) {
  const {order, width: requestedWidth, lang = "en"} = options;
  const zh = lang === "zh";
  // A chart narrower than its margins would draw with a negative range.
  const width = Math.max(requestedWidth ?? 640, 320);
  const columns = order ?? correlations.columns;
  const index = new Map(correlations.columns.map((column, j) => [column, j]));
  const cells = columns.flatMap((a) =>
    columns.map((b) => {
      const i = index.get(a);
      const j = index.get(b);
      return {a, b, r: correlations.r[i][j], n: correlations.n[i][j]};
    })
  );
  const labelRoom = Math.max(...columns.map((c) => c.length)) * 7 + 16;
  const cell = columns.length <= 10 ? 40 : 22;
  const size = Math.min(width, columns.length * cell + labelRoom + 20);

  return Plot.plot({
    width: size,
    height: size,
    marginLeft: labelRoom,
    marginTop: labelRoom,
    padding: 0.02,
    ariaLabel: zh
      ? `${columns.length} 个题项的 Pearson 相关系数矩阵热图`
      : `Heatmap of the Pearson correlations of ${columns.length} items`,
    x: {domain: columns, axis: "top", label: null, tickRotate: -90},
    y: {domain: columns, label: null},
    color: {
      type: "linear",
      domain: [-1, 1],
      scheme: "RdBu",
      legend: true,
      label: zh ? "Pearson 相关系数 r" : "Pearson r",
      unknown: "#ddd"
    },
    marks: [
      Plot.cell(cells, {x: "b", y: "a", fill: "r", tip: true, title: (d) => describeCell(d, zh)})
    ]
  });
}
