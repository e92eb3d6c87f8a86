import katex from "katex";
import {FileAttachment} from "observablehq:stdlib";

// KaTeX's stylesheet with its fonts inlined (see src/data/katex.css.js), linked once per page.
const stylesheet = FileAttachment("../data/katex.css");
let linked = false;

function linkStylesheet() {
  if (linked) return;
  linked = true;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = stylesheet.href;
  document.head.append(link);
}

/**
 * Renders TeX source with KaTeX into a span (inline) or a div (`{display: true}`). A TeX error
 * throws, so a broken formula shows as an error cell instead of red source text.
 */
export function math(source, {display = false} = {}) {
  linkStylesheet();
  const element = document.createElement(display ? "div" : "span");
  element.className = display ? "formula-block" : "formula-inline";
  katex.render(source, element, {
    displayMode: display,
    throwOnError: true,
    output: "htmlAndMathml"
  });
  return element;
}

/**
 * Renders an inline formula from a tagged template, with backslashes kept as written:
 * tex`D = \sqrt{C T}`. `tex.block` renders a displayed formula. It works like Framework's
 * built-in `tex` but serves KaTeX, its stylesheet and its fonts from the site itself.
 */
export function tex(strings, ...values) {
  return math(String.raw(strings, ...values));
}

tex.block = (strings, ...values) => math(String.raw(strings, ...values), {display: true});
