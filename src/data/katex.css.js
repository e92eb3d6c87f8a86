// Writes KaTeX's stylesheet with each font source replaced by a placeholder,
// url(katex-font:NAME), that src/components/tex.js turns into the address of the font file
// src/data/katex/NAME.woff2. Fonts thus stay separate files, and the browser downloads only
// those that a page's formulas use. The WOFF and TTF fallbacks are dropped: every browser
// that runs the report's modules reads WOFF2.
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve("katex/dist/katex.min.css"));
const css = readFileSync(join(dist, "katex.min.css"), "utf8");

// Each @font-face lists url(fonts/NAME.woff2) format("woff2") and then its fallbacks.
const fontSources =
  /url\(fonts\/([\w-]+)\.woff2\) format\("woff2"\)(?:,url\([^)]*\) format\("[\w-]+"\))*/g;

const output = css.replace(fontSources, (_, name) => `url(katex-font:${name}) format("woff2")`);
const external = output.match(/url\((?!katex-font:)[^)]*\)/g);
if (external) {
  throw new Error(`katex.min.css has sources other than WOFF2 fonts: ${external.join(", ")}`);
}
process.stdout.write(output);
