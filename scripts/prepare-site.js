// Fills Observable Framework's npm cache from node_modules so that the site builds and
// runs with no CDN. Framework looks in src/.observablehq/cache/_npm/NAME@VERSION/ before
// it fetches anything; each entry here is one self-contained ES module bundled by esbuild.
import {build} from "esbuild";
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";

const cacheRoot = join("src", ".observablehq", "cache", "_npm");

// Packages the pages use through Framework's implicit imports (d3, Plot, Inputs, html).
const packages = ["d3", "@observablehq/plot", "@observablehq/inputs", "htl", "isoformat", "d3-dsv"];

function packageJsonOf(name) {
  return JSON.parse(readFileSync(join("node_modules", name, "package.json"), "utf8"));
}

for (const name of packages) {
  const pkg = packageJsonOf(name);
  const outfile = join(cacheRoot, `${name}@${pkg.version}`, "_esm.js");
  if (existsSync(outfile)) continue;
  mkdirSync(dirname(outfile), {recursive: true});
  await build({
    stdin: {contents: `export * from ${JSON.stringify(name)};`, resolveDir: process.cwd()},
    bundle: true,
    format: "esm",
    platform: "browser",
    mainFields: ["browser", "module", "main"],
    minify: true,
    legalComments: "inline",
    outfile,
    logLevel: "error"
  });
  writeFileSync(join(dirname(outfile), "package.json"), JSON.stringify(pkg));
}
