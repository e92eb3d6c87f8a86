import {html} from "npm:htl";
import {bi, currentLang} from "./i18n.js";
import {saveBlob} from "./saveFile.js";

const svgNamespace = "http://www.w3.org/2000/svg";

function svgElement(name, attributes = {}) {
  const element = document.createElementNS(svgNamespace, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
}

// Text outside the chart's SVGs (legend swatches, titles) becomes SVG text at the place the
// page draws it, so the file looks like the page. Hidden text, such as the other language's
// half of a bilingual label, is left out.
function textNodesOutsideSvg(root) {
  const skip = (node) =>
    node.textContent.trim() === "" ||
    node.parentElement?.closest("svg, button, style, script") ||
    node.parentElement?.checkVisibility?.() === false;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (skip(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT)
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

/**
 * Draws a chart element (an SVG, or a figure with legends and SVGs as Observable Plot makes
 * it) as one standalone SVG document on a white background. Each inner SVG is copied to its
 * place on the page, and text outside them (legend labels) becomes SVG text. Returns the
 * SVG text and its size in CSS pixels.
 */
export function chartToSvg(chart) {
  const box = chart.getBoundingClientRect();
  const width = Math.ceil(box.width);
  const height = Math.ceil(box.height);
  const style = getComputedStyle(chart);
  const root = svgElement("svg", {
    xmlns: svgNamespace,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    "font-family": style.fontFamily,
    style: `color: ${style.color}`
  });
  root.append(svgElement("rect", {width, height, fill: "white"}));

  const svgs = chart instanceof SVGSVGElement ? [chart] : [...chart.querySelectorAll("svg")];
  for (const svg of svgs) {
    if (svg.parentElement?.closest("svg")) continue;
    const rect = svg.getBoundingClientRect();
    const copy = svg.cloneNode(true);
    copy.setAttribute("x", rect.left - box.left);
    copy.setAttribute("y", rect.top - box.top);
    copy.setAttribute("width", rect.width);
    copy.setAttribute("height", rect.height);
    copy.style.color = getComputedStyle(svg).color;
    root.append(copy);
  }
  if (!(chart instanceof SVGSVGElement)) {
    for (const node of textNodesOutsideSvg(chart)) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      const font = getComputedStyle(node.parentElement);
      const text = svgElement("text", {
        x: rect.left - box.left,
        y: rect.bottom - box.top - rect.height * 0.25,
        "font-size": font.fontSize,
        "font-weight": font.fontWeight,
        fill: font.color
      });
      text.textContent = node.textContent.trim();
      root.append(text);
    }
  }
  return {text: new XMLSerializer().serializeToString(root), width, height};
}

/** Renders SVG text into a PNG Blob at `scale` times its size, with no network access. */
export async function svgToPng({text, width, height}, scale = 2) {
  const url = URL.createObjectURL(new Blob([text], {type: "image/svg+xml;charset=utf-8"}));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise((resolve, reject) => {
      const done = (blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed")));
      canvas.toBlob(done, "image/png");
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Wraps a chart with two buttons that save it as SVG and as PNG. `filename` has no
 * extension. The file is made when a button is pressed, from the chart as it is drawn then.
 * The buttons' texts follow the report language.
 */
export function chartDownload(chart, {filename = "chart"} = {}) {
  const svgButton = html`<button type="button" class="download">SVG</button>`;
  const pngButton = html`<button type="button" class="download">PNG</button>`;
  const status = html`<span class="muted"></span>`;
  svgButton.onclick = () => {
    const {text} = chartToSvg(chart);
    saveBlob(new Blob([text], {type: "image/svg+xml;charset=utf-8"}), `${filename}.svg`);
  };
  pngButton.onclick = async () => {
    status.textContent = "";
    try {
      saveBlob(await svgToPng(chartToSvg(chart)), `${filename}.png`);
    } catch (error) {
      const lead = currentLang() === "zh" ? "PNG 生成失败：" : "PNG failed: ";
      status.textContent = lead + error.message;
    }
  };
  return html`<div class="chart-download">${chart}
    <div class="download-row">
      ${bi("Save chart:", "保存图表：")} ${svgButton} ${pngButton} ${status}
    </div>
  </div>`;
}
