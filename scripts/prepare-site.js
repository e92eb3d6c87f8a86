// Fills Observable Framework's module caches from node_modules so that the site builds and
// runs with no CDN, and keeps what pages download small:
// - src/.observablehq/cache/_npm/NAME@VERSION/_esm.js: the packages that pages import with
//   `npm:` (d3, Plot, Inputs, htl). Framework looks there before it fetches anything. Plot's
//   bundle keeps only the functions that the site calls (`Plot.NAME` in src/), which saves
//   about a fifth of its size.
// - src/.observablehq/cache/_node/@stdlib/NAME@VERSION/index.js: the @stdlib packages that the
//   library (lib/) imports, bundled together with their shared code split into common chunks.
//   Framework would otherwise serve each of their 120 internal packages as its own module, and
//   small files compress poorly: about 58 kB gzip in 122 requests against 38 kB in three.
// - src/.observablehq/cache/_node/simple-statistics@VERSION/index.js: only the functions that
//   the library and the components import by name, about 3 kB gzip in place of 10 kB.
import {build} from "esbuild";
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";

const require = createRequire(join(process.cwd(), "package.json"));
const npmRoot = join("src", ".observablehq", "cache", "_npm");
const nodeRoot = join("src", ".observablehq", "cache", "_node");

// Packages the pages use through Framework's implicit imports (d3, Plot, Inputs, html).
const packages = ["d3", "@observablehq/plot", "@observablehq/inputs", "htl", "isoformat", "d3-dsv"];

function packageJsonOf(name) {
  return JSON.parse(readFileSync(join("node_modules", name, "package.json"), "utf8"));
}

/** Lists the files under `dir` whose names end with one of `extensions`, skipping caches. */
function sourceFiles(dir, extensions) {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.includes(".observablehq"));
}

/**
 * Returns the sorted names NAME of every `Plot.NAME` in the pages and components. A page
 * that reached Plot's functions another way (destructuring, `Plot[name]`) would find them
 * missing, so such uses are rejected.
 */
function plotFunctionsUsed() {
  const names = new Set();
  for (const file of sourceFiles("src", [".md", ".js"])) {
    const text = readFileSync(file, "utf8");
    if (/\bPlot\s*\[|\{[^}]*\}\s*=\s*Plot\b/.test(text)) {
      throw new Error(`${file} reaches Plot's functions other than as Plot.NAME; write Plot.NAME`);
    }
    for (const match of text.matchAll(/\bPlot\.([A-Za-z_$][\w$]*)/g)) names.add(match[1]);
  }
  return [...names].sort();
}

/** Bundles `contents`, a module that re-exports a package, into one ES module at `outfile`. */
async function bundleModule(contents, outfile) {
  mkdirSync(dirname(outfile), {recursive: true});
  await build({
    stdin: {contents, resolveDir: process.cwd()},
    bundle: true,
    format: "esm",
    platform: "browser",
    mainFields: ["browser", "module", "main"],
    minify: true,
    legalComments: "inline",
    outfile,
    logLevel: "error"
  });
}

for (const name of packages) {
  const pkg = packageJsonOf(name);
  const outfile = join(npmRoot, `${name}@${pkg.version}`, "_esm.js");
  const stamp = join(dirname(outfile), "exports.txt");
  let contents = `export * from ${JSON.stringify(name)};`;
  let exportList = "*";
  if (name === "@observablehq/plot") {
    const used = plotFunctionsUsed();
    contents = `export {${used.join(", ")}} from ${JSON.stringify(name)};`;
    exportList = used.join("\n");
  }
  // A bundle is rebuilt when it is missing or exports another list of names.
  if (existsSync(outfile) && existsSync(stamp) && readFileSync(stamp, "utf8") === exportList) {
    continue;
  }
  await bundleModule(contents, outfile);
  writeFileSync(join(dirname(outfile), "package.json"), JSON.stringify(pkg));
  writeFileSync(stamp, exportList);
}

// The @stdlib packages are bundled on every run: it takes well under a second, and Framework
// reuses any file it finds in its cache, so a stale one would be served.
const stdlibPackages = [
  ...new Set(
    sourceFiles("lib", [".ts"]).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/from "(@stdlib\/[\w-]+)"/g)].map((m) => m[1])
    )
  )
].sort();
const sharedDir = join(nodeRoot, "@stdlib", "_shared");
rmSync(sharedDir, {recursive: true, force: true});
await build({
  entryPoints: stdlibPackages.map((name) => ({
    in: require.resolve(name),
    out: join("@stdlib", `${name.slice("@stdlib/".length)}@${packageJsonOf(name).version}`, "index")
  })),
  outdir: nodeRoot,
  chunkNames: "@stdlib/_shared/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "browser",
  minify: true,
  legalComments: "eof",
  logLevel: "error"
});

/**
 * Returns the sorted names that files under lib/ and src/components import from `name` with
 * `import {a, b as c} from "name"`. Other forms (default or namespace imports) would need the
 * whole package, so they are rejected.
 */
function namedImportsOf(name) {
  const names = new Set();
  const quoted = JSON.stringify(name);
  for (const file of [...sourceFiles("lib", [".ts"]), ...sourceFiles("src/components", [".js"])]) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/import\s+([^;]*?)\s+from\s+("[^"]+")/g)) {
      if (match[2] !== quoted) continue;
      const list = /^\{([^}]*)\}$/.exec(match[1].trim());
      if (!list) throw new Error(`${file} imports ${name} other than by name: ${match[0]}`);
      for (const part of list[1].split(",")) {
        const imported = part.trim().split(/\s+as\s+/)[0];
        if (imported) names.add(imported);
      }
    }
  }
  return [...names].sort();
}

// Like the @stdlib bundles, this one is written on every run, from the names imported now.
for (const name of ["simple-statistics"]) {
  const used = namedImportsOf(name);
  if (used.length === 0) continue;
  const outfile = join(nodeRoot, `${name}@${packageJsonOf(name).version}`, "index.js");
  await bundleModule(`export {${used.join(", ")}} from ${JSON.stringify(name)};`, outfile);
}
