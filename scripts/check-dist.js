// Checks a built site for problems that `observable build` does not stop on: error cells
// baked into pages, references to files that are not in the output, and resources loaded
// from other hosts (the site must work offline).
//
// Usage: node scripts/check-dist.js [DIR]   (DIR defaults to dist)
// Prints every finding as "FILE: what" to stderr and exits with status 1 if there is any.
//
// JavaScript and CSS are parsed by esbuild, so only real import specifiers, @import rules and
// url() tokens are checked. URLs inside strings or comments (XML namespaces, licence headers)
// are not references and are ignored. HTML is scanned tag by tag with a quote-aware pattern,
// which is enough for the markup Observable Framework writes but is not a full HTML parser.
import {build} from "esbuild";
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, extname, join, relative, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";

const ATTRIBUTES = String.raw`(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?)*`;
const TAG = new RegExp(String.raw`<([a-zA-Z][\w:-]*)(${ATTRIBUTES})\s*/?>`, "g");
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g;
const IMPORT_META_RESOLVE = /import\.meta\.resolve\(\s*(["'`])([^"'`]+)\1\s*\)/g;
const NEW_URL = /new\s+URL\(\s*(["'`])([^"'`]+)\1\s*,\s*import\.meta\.url\s*\)/g;

// Schemes whose URLs load nothing from a file or a host.
const INERT_SCHEME = /^(?:data|blob|about|javascript|mailto|tel):/i;
const EXTERNAL = /^(?:[a-z][a-z\d+.-]*:)?\/\//i;
const ANY_SCHEME = /^[a-z][a-z\d+.-]*:/i;
// The KaTeX stylesheet names each font as url(katex-font:NAME), which src/components/tex.js
// replaces by the address of _file/data/katex/NAME.HASH.woff2 when a formula is first drawn.
const KATEX_FONT = /^katex-font:([\w-]+)$/;
const KATEX_FONT_DIR = join("_file", "data", "katex");

// <link rel> values that name a related document instead of loading a resource.
const NON_LOADING_RELS = new Set(["alternate", "author", "canonical", "help", "license", "me"]);

// Attributes that contain one URL each. `srcset` is handled separately.
const URL_ATTRIBUTES = ["src", "href", "poster", "data", "action", "formaction"];

const JS_TYPES = new Set(["", "module", "text/javascript", "application/javascript"]);

/**
 * Checks every file under `root` and returns the findings, sorted by file.
 * Each finding is {file, message}. The file is relative to the current directory when it is
 * inside it, and absolute otherwise.
 */
export async function checkDist(root) {
  const findings = [];
  const files = listFiles(root);
  const pages = files.filter((file) => file.endsWith(".html"));
  if (pages.length === 0) {
    findings.push({file: root, message: "no HTML pages found (run `npm run build` first)"});
    return findings;
  }

  const context = {root: resolve(root), findings};
  for (const page of pages) await checkHtml(context, page);
  const modules = files.filter((file) => /\.(?:m?js|css)$/.test(file));
  await checkModules(context, modules);

  findings.sort((a, b) => a.file.localeCompare(b.file));
  return findings;
}

function listFiles(root) {
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  const files = [];
  for (const entry of readdirSync(root, {withFileTypes: true, recursive: true})) {
    if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
  }
  return files.sort();
}

function report(context, file, message) {
  context.findings.push({file: displayPath(file), message});
}

function displayPath(path) {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd === "" || fromCwd.startsWith("..") ? resolve(path) : fromCwd;
}

async function checkHtml(context, file) {
  const html = readFileSync(file, "utf8").replace(/<!--[\s\S]*?-->/g, "");
  checkErrorCells(context, file, html);

  TAG.lastIndex = 0;
  let match;
  while ((match = TAG.exec(html))) {
    const tag = match[1].toLowerCase();
    const attributes = parseAttributes(match[2]);
    checkTagReferences(context, file, tag, attributes);

    const selfClosing = match[0].endsWith("/>");
    if ((tag === "script" || tag === "style") && !selfClosing) {
      const end = html.toLowerCase().indexOf(`</${tag}`, TAG.lastIndex);
      const body = html.slice(TAG.lastIndex, end === -1 ? html.length : end);
      TAG.lastIndex = end === -1 ? html.length : end;
      const type = (attributes.get("type") ?? "").toLowerCase();
      if (tag === "style") await checkInline(context, file, body, "css");
      else if (JS_TYPES.has(type) && !attributes.has("src")) {
        await checkInline(context, file, body, "js");
      }
    }
  }
}

function checkErrorCells(context, file, html) {
  const errorCell = /<[^>]*class\s*=\s*["'][^"']*\bobservablehq--error\b[^"']*["'][^>]*>([^<]*)/g;
  let cells = 0;
  let match;
  while ((match = errorCell.exec(html))) {
    cells++;
    report(context, file, `error cell: ${decodeEntities(match[1]).trim() || "(no text)"}`);
  }
  if (cells === 0 && html.includes("non-local import")) {
    const at = html.indexOf("non-local import");
    const excerpt = html.slice(at, at + 120).split("\n")[0];
    report(context, file, `unresolved import baked into the page: ${excerpt}`);
  }
}

function parseAttributes(source) {
  const attributes = new Map();
  ATTRIBUTE.lastIndex = 0;
  let match;
  while ((match = ATTRIBUTE.exec(source))) {
    const value = match[2] ?? match[3] ?? match[4] ?? "";
    attributes.set(match[1].toLowerCase(), decodeEntities(value));
  }
  return attributes;
}

function decodeEntities(text) {
  return text.replace(/&(#x[\da-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (entity, name) => {
    const lower = name.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return {amp: "&", lt: "<", gt: ">", quot: '"', apos: "'"}[lower] ?? entity;
  });
}

function checkTagReferences(context, file, tag, attributes) {
  const navigation = tag === "a" || tag === "area" || tag === "form" || tag === "iframe";
  const rels = (attributes.get("rel") ?? "").toLowerCase().split(/\s+/);
  const namesDocument = tag === "link" && rels.some((rel) => NON_LOADING_RELS.has(rel));
  const linksElsewhere = navigation || namesDocument;

  for (const name of URL_ATTRIBUTES) {
    const url = attributes.get(name);
    if (url === undefined) continue;
    const where = `<${tag} ${name}>`;
    if (EXTERNAL.test(url)) {
      if (!linksElsewhere) report(context, file, `external URL in ${where}: ${url}`);
      continue;
    }
    checkLocal(context, file, url, where, {page: navigation, allowScheme: linksElsewhere});
  }

  const srcset = attributes.get("srcset");
  if (srcset !== undefined) {
    for (const candidate of srcset.split(",")) {
      const url = candidate.trim().split(/\s+/)[0];
      if (!url) continue;
      if (EXTERNAL.test(url)) report(context, file, `external URL in <${tag} srcset>: ${url}`);
      else checkLocal(context, file, url, `<${tag} srcset>`, {});
    }
  }

  const style = attributes.get("style");
  if (style !== undefined) checkCssText(context, file, style, `<${tag} style>`);
}

function checkCssText(context, file, css, where) {
  CSS_URL.lastIndex = 0;
  let match;
  while ((match = CSS_URL.exec(css))) {
    const url = match[1] ?? match[2] ?? match[3];
    if (EXTERNAL.test(url)) report(context, file, `external URL in ${where} url(): ${url}`);
    else checkLocal(context, file, url, `${where} url()`, {});
  }
}

/**
 * Reports a local reference that points outside the site or to a missing file. Links to
 * pages (`page`) may leave out ".html" or "index.html", as Framework's clean URLs do.
 * An `optional` reference may be missing.
 */
function checkLocal(context, file, url, where, options) {
  const {page = false, allowScheme = false, optional = false} = options;
  if (url === "" || url.startsWith("#") || url.startsWith("?") || INERT_SCHEME.test(url)) return;
  const font = KATEX_FONT.exec(url);
  if (font) {
    if (!hasKatexFont(context.root, font[1])) {
      report(context, file, `missing KaTeX font in ${where}: ${url} (looked for ` +
        `${displayPath(join(context.root, KATEX_FONT_DIR, font[1]))}.*.woff2)`);
    }
    return;
  }
  if (ANY_SCHEME.test(url)) {
    if (!allowScheme) report(context, file, `unsupported URL scheme in ${where}: ${url}`);
    return;
  }

  let path = url.replace(/[?#].*$/, "");
  try {
    path = decodeURIComponent(path);
  } catch {
    report(context, file, `invalid percent-encoding in ${where}: ${url}`);
    return;
  }
  const target = path.startsWith("/")
    ? join(context.root, path)
    : resolve(dirname(resolve(file)), path);
  const inside = relative(context.root, target);
  if (inside === ".." || inside.startsWith(`..${sep}`)) {
    report(context, file, `reference outside the site in ${where}: ${url}`);
    return;
  }

  const candidates = page
    ? [target, `${target}.html`, join(target, "index.html")]
    : [target];
  if (!optional && !candidates.some((candidate) => isFile(candidate))) {
    report(context, file, `missing file in ${where}: ${url} (looked for ${displayPath(target)})`);
  }
}

/** Tells whether the built site has the woff2 file of the KaTeX font `name`, under any hash. */
function hasKatexFont(root, name) {
  const folder = join(root, KATEX_FONT_DIR);
  if (!existsSync(folder)) return false;
  return readdirSync(folder).some((entry) => entry.startsWith(`${name}.`) && entry.endsWith(".woff2"));
}

function isFile(path) {
  return existsSync(path) && statSync(path).isFile();
}

async function checkInline(context, file, body, loader) {
  if (body.trim() === "") return;
  const references = [];
  const result = await collectReferences({
    stdin: {contents: body, loader, resolveDir: dirname(resolve(file)), sourcefile: file},
    references
  });
  for (const error of result.errors) {
    report(context, file, `cannot parse inline ${loader}: ${error.text}`);
  }
  for (const reference of references) checkReference(context, file, reference);
  if (loader === "js") checkUrlExpressions(context, file, body);
}

async function checkModules(context, files) {
  if (files.length === 0) return;
  const references = [];
  const entryPoints = files.map((file) => resolve(file));
  const result = await collectReferences({entryPoints, references});
  for (const error of result.errors) {
    report(context, error.file ?? context.root, `cannot parse: ${error.text}`);
  }
  for (const reference of references) {
    const lazy = isFrameworkRuntime(context, reference.importer);
    checkReference(context, reference.importer, reference, {lazy});
  }
  for (const file of files.filter((name) => !name.endsWith(".css"))) {
    const lazy = isFrameworkRuntime(context, file);
    checkUrlExpressions(context, file, readFileSync(file, "utf8"), {lazy});
  }
}

/**
 * Parses JavaScript or CSS with esbuild and records every import specifier, @import rule and
 * url() token as {importer, path, kind}. Every reference is marked external, so no file is
 * read beyond the entry points and nothing is written.
 */
async function collectReferences({entryPoints, stdin, references}) {
  const recorder = {
    name: "record-references",
    setup(builder) {
      builder.onResolve({filter: /.*/}, (args) => {
        if (args.kind === "entry-point") return undefined;
        references.push({importer: args.importer, path: args.path, kind: args.kind});
        return {path: args.path, external: true};
      });
    }
  };
  try {
    await build({
      entryPoints,
      stdin,
      bundle: true,
      write: false,
      outdir: "check-dist-output",
      format: "esm",
      platform: "browser",
      target: "esnext",
      logLevel: "silent",
      plugins: [recorder]
    });
    return {errors: []};
  } catch (error) {
    const messages = error.errors ?? [{text: String(error)}];
    return {
      errors: messages.map((message) => ({file: message.location?.file, text: message.text}))
    };
  }
}

function checkReference(context, importer, {path, kind}, {lazy = false} = {}) {
  const isCss = kind === "import-rule" || kind === "url-token" || kind === "composes-from";
  // Browsers do not define require(), so bundled libraries reach such calls only on their
  // Node.js code paths.
  if (kind === "require-call" || kind === "require-resolve") return;
  if (kind === "url-token" && path.startsWith("#")) return;
  if (INERT_SCHEME.test(path)) return;

  const where = referenceLabel(kind);
  if (EXTERNAL.test(path)) {
    report(context, importer, `external URL in ${where}: ${path}`);
    return;
  }
  const relativePath = path.startsWith("/") || path.startsWith("./") || path.startsWith("../");
  if (!isCss && !relativePath && !ANY_SCHEME.test(path)) {
    const reason = "a browser cannot load it without an import map";
    report(context, importer, `bare module specifier in ${where}: ${path} (${reason})`);
    return;
  }
  checkLocal(context, importer, path, where, {optional: lazy && kind === "dynamic-import"});
}

function referenceLabel(kind) {
  if (kind === "import-rule") return "CSS @import";
  if (kind === "url-token" || kind === "composes-from") return "CSS url()";
  if (kind === "dynamic-import") return "import()";
  return "import";
}

/**
 * Returns whether `file` is part of Framework's client runtime (dist/_observablehq/). The
 * runtime has a lazy loader for every library that cells can use without an import (d3, aq,
 * duckdb, …). The build points the loaders of the libraries that pages use at built files and
 * leaves the others at paths that are never built and never requested. So there, a missing
 * import() or import.meta.resolve() target is expected. Static imports are still checked.
 */
function isFrameworkRuntime(context, file) {
  const inside = relative(context.root, resolve(file));
  return inside.split(sep)[0] === "_observablehq";
}

function checkUrlExpressions(context, file, source, {lazy = false} = {}) {
  for (const [pattern, where] of [
    [IMPORT_META_RESOLVE, "import.meta.resolve()"],
    [NEW_URL, "new URL(…, import.meta.url)"]
  ]) {
    pattern.lastIndex = 0;
    let match;
    while ((match = pattern.exec(source))) {
      const url = match[2];
      if (EXTERNAL.test(url)) report(context, file, `external URL in ${where}: ${url}`);
      else checkLocal(context, file, url, where, {optional: lazy});
    }
  }
}

async function main() {
  const root = process.argv[2] ?? "dist";
  const findings = await checkDist(root);
  if (findings.length > 0) {
    for (const {file, message} of findings) console.error(`${file}: ${message}`);
    console.error(`check-dist: ${findings.length} problem(s) in ${root}`);
    process.exit(1);
  }
  const count = listFiles(root).length;
  console.log(`check-dist: ${count} files in ${root}, no problems found`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
