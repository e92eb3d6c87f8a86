// Writes KaTeX's stylesheet with its WOFF2 fonts inlined as data: URLs, so that formulas render
// on a site served with no font host and no network. The WOFF and TTF fallbacks are dropped:
// every browser that runs the report's modules reads WOFF2.
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve("katex/dist/katex.min.css"));
const css = readFileSync(join(dist, "katex.min.css"), "utf8");

// Each @font-face lists url(fonts/NAME.woff2) format("woff2") and then its fallbacks.
const fontSources =
  /url\((fonts\/[\w-]+\.woff2)\) format\("woff2"\)(?:,url\([^)]*\) format\("[\w-]+"\))*/g;

function inline(_, file) {
  const font = readFileSync(join(dist, file)).toString("base64");
  return `url(data:font/woff2;base64,${font}) format("woff2")`;
}

const output = css.replace(fontSources, inline);
const external = output.match(/url\((?!data:)[^)]*\)/g);
if (external) {
  throw new Error(`katex.min.css still loads ${external.join(", ")} after inlining its fonts`);
}
process.stdout.write(output);
