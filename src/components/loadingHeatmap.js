import * as Plot from "npm:@observablehq/plot";

/**
 * Rotated loadings as a heatmap: one row per item in index-system order, one column per kept
 * component, colour from −1 (red) to 1 (blue) with the value printed. Each component is
 * named after the dimension that dominates it. The row labels name the item's dimension; the
 * outlined cell is the item's largest loading, and a flagged item (largest loading on another
 * dimension's component) is marked "⚠" with a red outline. `loadings` and
 * `componentDimensions` come from lib's itemValidity; `dimensionName(id)` names a dimension in
 * the page's language and `lang` ("en" or "zh") sets the other texts.
 */
export function loadingHeatmap(loadings, options = {}) {
  const {componentDimensions, dimensionName, width: requestedWidth, lang = "en"} = options;
  const zh = lang === "zh";
  // A chart narrower than its margins would draw with a negative range.
  const width = Math.max(requestedWidth ?? 640, 320);
  const componentName = (c) => `C${c + 1} · ${dimensionName(componentDimensions[c])}`;
  const rowName = (row) =>
    `${row.flagged ? "⚠ " : ""}${row.column} · ${dimensionName(row.dimension)}`;
  const cells = loadings.flatMap((row) =>
    row.loadings.map((value, c) => ({
      item: rowName(row),
      component: componentName(c),
      value,
      main: c === row.main,
      flagged: row.flagged
    }))
  );
  const columns = componentDimensions.map((_, c) => componentName(c));
  const rotated = columns.length > 4;

  return Plot.plot({
    width,
    height: loadings.length * 20 + (rotated ? 180 : 110),
    marginLeft: Math.min(220, width * 0.4),
    marginTop: rotated ? 110 : 40,
    marginBottom: 10,
    padding: 0.05,
    ariaLabel: zh
      ? `${loadings.length} 个题项在 ${columns.length} 个旋转后成分上的载荷热图`
      : `Heatmap of the rotated loadings of ${loadings.length} items on ` +
        `${columns.length} components`,
    x: {domain: columns, axis: "top", label: null, tickRotate: rotated ? -30 : 0},
    y: {domain: loadings.map(rowName), label: null},
    color: {
      type: "linear",
      domain: [-1, 1],
      scheme: "RdBu",
      legend: true,
      label: zh ? "载荷" : "Loading"
    },
    marks: [
      Plot.cell(cells, {
        x: "component",
        y: "item",
        fill: "value",
        tip: true,
        title: (d) => {
          const largest = d.main ? (zh ? "\n最大载荷" : "\nlargest loading") : "";
          return `${d.item}\n${d.component}: ${d.value.toFixed(3)}${largest}`;
        }
      }),
      Plot.cell(cells.filter((d) => d.main), {
        x: "component",
        y: "item",
        stroke: (d) => (d.flagged ? "#a4161a" : "#222"),
        strokeWidth: (d) => (d.flagged ? 2.5 : 1.2)
      }),
      Plot.text(cells, {
        x: "component",
        y: "item",
        text: (d) => d.value.toFixed(2),
        fill: (d) => (Math.abs(d.value) > 0.6 ? "white" : "black"),
        fontSize: 10
      })
    ]
  });
}
