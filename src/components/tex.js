import katex from "katex";
import {FileAttachment} from "observablehq:stdlib";

// KaTeX's stylesheet, whose font sources are placeholders (see src/data/katex.css.js), and its
// WOFF2 fonts. FileAttachment needs literal paths, so every font is listed here. The browser
// downloads a font only when a formula on the page uses it.
const stylesheet = FileAttachment("../data/katex.css");
const fonts = {
  "KaTeX_AMS-Regular": FileAttachment("../data/katex/KaTeX_AMS-Regular.woff2"),
  "KaTeX_Caligraphic-Bold": FileAttachment("../data/katex/KaTeX_Caligraphic-Bold.woff2"),
  "KaTeX_Caligraphic-Regular": FileAttachment("../data/katex/KaTeX_Caligraphic-Regular.woff2"),
  "KaTeX_Fraktur-Bold": FileAttachment("../data/katex/KaTeX_Fraktur-Bold.woff2"),
  "KaTeX_Fraktur-Regular": FileAttachment("../data/katex/KaTeX_Fraktur-Regular.woff2"),
  "KaTeX_Main-Bold": FileAttachment("../data/katex/KaTeX_Main-Bold.woff2"),
  "KaTeX_Main-BoldItalic": FileAttachment("../data/katex/KaTeX_Main-BoldItalic.woff2"),
  "KaTeX_Main-Italic": FileAttachment("../data/katex/KaTeX_Main-Italic.woff2"),
  "KaTeX_Main-Regular": FileAttachment("../data/katex/KaTeX_Main-Regular.woff2"),
  "KaTeX_Math-BoldItalic": FileAttachment("../data/katex/KaTeX_Math-BoldItalic.woff2"),
  "KaTeX_Math-Italic": FileAttachment("../data/katex/KaTeX_Math-Italic.woff2"),
  "KaTeX_SansSerif-Bold": FileAttachment("../data/katex/KaTeX_SansSerif-Bold.woff2"),
  "KaTeX_SansSerif-Italic": FileAttachment("../data/katex/KaTeX_SansSerif-Italic.woff2"),
  "KaTeX_SansSerif-Regular": FileAttachment("../data/katex/KaTeX_SansSerif-Regular.woff2"),
  "KaTeX_Script-Regular": FileAttachment("../data/katex/KaTeX_Script-Regular.woff2"),
  "KaTeX_Size1-Regular": FileAttachment("../data/katex/KaTeX_Size1-Regular.woff2"),
  "KaTeX_Size2-Regular": FileAttachment("../data/katex/KaTeX_Size2-Regular.woff2"),
  "KaTeX_Size3-Regular": FileAttachment("../data/katex/KaTeX_Size3-Regular.woff2"),
  "KaTeX_Size4-Regular": FileAttachment("../data/katex/KaTeX_Size4-Regular.woff2"),
  "KaTeX_Typewriter-Regular": FileAttachment("../data/katex/KaTeX_Typewriter-Regular.woff2")
};
let linked = false;

/** Replaces each url(katex-font:NAME) of KaTeX's stylesheet by the address of that font. */
function withFontAddresses(css) {
  return css.replace(/url\(katex-font:([\w-]+)\)/g, (_, name) => {
    if (!fonts[name]) {
      throw new Error(`katex.css names font "${name}", which is missing from tex.js`);
    }
    return `url(${fonts[name].href})`;
  });
}

// Adds the stylesheet to the page once, as a style element filled when its text arrives.
function linkStylesheet() {
  if (linked) return;
  linked = true;
  const style = document.createElement("style");
  document.head.append(style);
  stylesheet.text().then((css) => {
    style.textContent = withFontAddresses(css);
  });
}

/**
 * Renders TeX source with KaTeX into a span (inline) or a div (`{display: true}`). A TeX error
 * throws, so a broken formula shows as an error cell instead of red source text.
 */
export function math(source, {display = false} = {}) {
  linkStylesheet();
  const element = document.createElement(display ? "div" : "span");
  // A displayed formula wider than its column scrolls; the site's script makes a scroll box
  // whose class names "scroll" take the focus when it overflows, so keys can scroll it.
  element.className = display ? "formula-block formula-scroll" : "formula-inline";
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
