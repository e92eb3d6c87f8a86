// Writes one of KaTeX's WOFF2 fonts, named by the `--font` parameter (the file name without
// its extension, such as KaTeX_Main-Regular). A page downloads only the fonts its formulas use.
import {readdirSync, readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {parseArgs} from "node:util";

const require = createRequire(import.meta.url);
const fontsDir = join(dirname(require.resolve("katex/dist/katex.min.css")), "fonts");
const {values} = parseArgs({options: {font: {type: "string"}}});
const known = readdirSync(fontsDir)
  .filter((file) => file.endsWith(".woff2"))
  .map((file) => file.slice(0, -".woff2".length));

if (!known.includes(values.font)) {
  process.stderr.write(
    `katex font: invalid --font "${values.font}"; expected one of ${known.join(", ")}\n`
  );
  process.exit(1);
}
process.stdout.write(readFileSync(join(fontsDir, `${values.font}.woff2`)));
