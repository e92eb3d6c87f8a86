import {execFile} from "node:child_process";
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";
import {promisify} from "node:util";
import {afterAll, describe, expect, test} from "vitest";

// Runs scripts/check-dist.js as `npm run test:site` does, on small hand-written sites.
const script = resolve("scripts/check-dist.js");
const scratch = mkdtempSync(join(tmpdir(), "check-dist-"));
const run = promisify(execFile);

afterAll(() => rmSync(scratch, {recursive: true, force: true}));

let siteCount = 0;

/** Writes `files` (path → content) into a new folder and returns the folder. */
function makeSite(files: Record<string, string>): string {
  const root = join(scratch, `site${++siteCount}`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), {recursive: true});
    writeFileSync(join(root, path), content);
  }
  return root;
}

/**
 * Runs the checker on `root` from inside it, so findings name files relative to the site.
 * Returns the exit code and the output lines.
 */
async function checkSite(root: string, cwd = root): Promise<{code: number; lines: string[]}> {
  try {
    const {stdout, stderr} = await run(process.execPath, [script, root], {cwd});
    return {code: 0, lines: (stdout + stderr).split("\n")};
  } catch (error) {
    const failure = error as {code: number; stdout: string; stderr: string};
    return {code: failure.code, lines: (failure.stdout + failure.stderr).split("\n")};
  }
}

function lineStartingWith(prefix: string) {
  return expect.stringMatching(new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
}

function page(head: string, body = ""): string {
  return `<!DOCTYPE html>\n<html>\n<head>\n${head}\n</head>\n<body>\n<main>\n${body}\n</main>\n` +
    "</body>\n</html>\n";
}

// A site as Framework builds it: hashed modules, a cell with a dynamic import, a stylesheet
// with a local font and a data: URL, and text that contains URLs which are not references.
const validSite: Record<string, string> = {
  "index.html": page(
    [
      '<link rel="stylesheet" type="text/css" href="./_observablehq/theme.css">',
      '<link rel="modulepreload" href="./_observablehq/client.js">',
      '<link rel="canonical" href="https://example.org/">',
      '<script type="module">\nimport {define} from "./_observablehq/client.js";\n' +
        'define({body: async () => { const {f} = await import("./_import/lib/f.js"); }});\n' +
        "</script>",
      "<style>h1 { background: url(./_file/bg.png); }</style>"
    ].join("\n"),
    '<h1>Test</h1>\n<a href="./cases">Cases</a> <a href="./cases/">Folder</a>\n' +
      '<a href="#top">Top</a> <a href="https://observablehq.com/">Observable</a>\n' +
      '<img src="./_file/bg.png" srcset="./_file/bg.png 1x, ./_file/bg.png 2x" alt="">\n' +
      '<div class="observablehq observablehq--block"><!--:e3af33b0:--></div>'
  ),
  "cases.html": page(""),
  "cases/index.html": page(""),
  "_file/bg.png": "png",
  "_observablehq/theme.css":
    "/* Licence: https://example.org/licence */\n" +
    '@import url("./fonts.css");\n' +
    "svg { background: url(\"data:image/svg+xml," +
    "<svg xmlns='http://www.w3.org/2000/svg'/>\"); }\n" +
    "use { fill: url(#gradient); }\n",
  "_observablehq/fonts.css":
    '@font-face { font-family: Inter; src: url("./inter.woff2") format("woff2"); }\n',
  "_observablehq/inter.woff2": "font",
  "_observablehq/client.js":
    '/*! https://example.org/licence */\nimport {run} from "./runtime.js";\n' +
    'const svg = "http://www.w3.org/2000/svg";\n' +
    'const unused = () => import("../_npm/leaflet@1.9.4/_esm.js");\n' +
    'const fs = typeof require === "function" ? require("node:fs") : null;\n' +
    "export function define(cell) { run(cell, svg); }\n",
  "_observablehq/runtime.js": "export function run() {}\n",
  "_import/lib/f.js":
    'import {g} from "./g.js";\nexport const f = g;\n' +
    'export const worker = import.meta.resolve("./worker.js");\n',
  "_import/lib/g.js": "export const g = 1;\n",
  "_import/lib/worker.js": "self.onmessage = () => {};\n"
};

/** Writes the valid site with some files replaced or added and returns its folder. */
function siteWith(changes: Record<string, string>): string {
  return makeSite({...validSite, ...changes});
}

describe.concurrent("check-dist", () => {
  test("passes a complete offline site", async () => {
    const result = await checkSite(makeSite(validSite));
    expect(result.lines).toContainEqual(expect.stringContaining("no problems found"));
    expect(result.code).toBe(0);
  });

  test("accepts a KaTeX font placeholder whose font is built", async () => {
    const root = siteWith({
      "_file/data/katex.css": "@font-face { src: url(katex-font:KaTeX_Main-Regular); }\n",
      "_file/data/katex/KaTeX_Main-Regular.0cdd387c.woff2": "font"
    });
    const result = await checkSite(root);
    expect(result.lines).toContainEqual(expect.stringContaining("no problems found"));
    expect(result.code).toBe(0);
  });

  test("fails when there are no pages", async () => {
    const result = await checkSite(makeSite({"_observablehq/client.js": ""}));
    expect(result.code).toBe(1);
    expect(result.lines).toContainEqual(expect.stringContaining("no HTML pages found"));
  });

  test("fails when the folder does not exist", async () => {
    const result = await checkSite(join(scratch, "no-such-folder"), scratch);
    expect(result.code).toBe(1);
    expect(result.lines).toContainEqual(expect.stringContaining("no HTML pages found"));
  });

  const cases: Array<{name: string; files: Record<string, string>; expected: string[]}> = [
    {
      name: "error cell baked into a page",
      files: {
        "index.html": page(
          "",
          '<div class="observablehq observablehq--block">\n' +
            '  <div class="observablehq--inspect observablehq--error">SyntaxError: non-local ' +
            "import: ../lib/x.js (1:0)</div>\n</div>"
        )
      },
      expected: ["index.html: error cell: SyntaxError: non-local import: ../lib/x.js (1:0)"]
    },
    {
      name: "non-local import text outside an error cell",
      files: {"index.html": page("", "<p>non-local import: ../lib/x.js</p>")},
      expected: ["index.html: unresolved import baked into the page: non-local import"]
    },
    {
      name: "missing static import in a module",
      files: {"_import/lib/g.js": 'export {g} from "./gone.js";\n'},
      expected: ["_import/lib/g.js: missing file in import: ./gone.js"]
    },
    {
      name: "missing dynamic import in a page script",
      files: {
        "cases.html": page(
          '<script type="module">\nawait import("./_import/lib/h.js");\n</script>'
        )
      },
      expected: ["cases.html: missing file in import(): ./_import/lib/h.js"]
    },
    {
      name: "missing module in a script src",
      files: {"cases.html": page('<script type="module" src="./_observablehq/gone.js"></script>')},
      expected: ["cases.html: missing file in <script src>: ./_observablehq/gone.js"]
    },
    {
      name: "missing stylesheet in a link href",
      files: {"cases.html": page('<link rel="stylesheet" href="/_observablehq/gone.css">')},
      expected: ["cases.html: missing file in <link href>: /_observablehq/gone.css"]
    },
    {
      name: "missing font in a CSS url()",
      files: {"_observablehq/fonts.css": "@font-face { src: url(./gone.woff2); }\n"},
      expected: ["_observablehq/fonts.css: missing file in CSS url(): ./gone.woff2"]
    },
    {
      name: "KaTeX font placeholder without its font file",
      files: {"_file/data/katex.css": "@font-face { src: url(katex-font:KaTeX_Gone); }\n"},
      expected: ["_file/data/katex.css: missing KaTeX font in CSS url(): katex-font:KaTeX_Gone"]
    },
    {
      name: "missing page in a link",
      files: {"cases.html": page("", '<a href="./nowhere?x=1#y">x</a>')},
      expected: ["cases.html: missing file in <a href>: ./nowhere?x=1#y"]
    },
    {
      name: "missing worker resolved from import.meta",
      files: {"_import/lib/g.js": 'export const w = new URL("./w.js", import.meta.url);\n'},
      expected: ["_import/lib/g.js: missing file in new URL(…, import.meta.url): ./w.js"]
    },
    {
      name: "reference outside the site",
      files: {"cases.html": page('<script type="module" src="../secret.js"></script>')},
      expected: ["cases.html: reference outside the site in <script src>: ../secret.js"]
    },
    {
      name: "external script src",
      files: {"cases.html": page('<script src="https://cdn.example.com/x.js"></script>')},
      expected: ["cases.html: external URL in <script src>: https://cdn.example.com/x.js"]
    },
    {
      name: "protocol-relative script src",
      files: {"cases.html": page("<script src=//cdn.example.com/x.js></script>")},
      expected: ["cases.html: external URL in <script src>: //cdn.example.com/x.js"]
    },
    {
      name: "external stylesheet link",
      files: {
        "cases.html": page(
          '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter&amp;x">'
        )
      },
      expected: [
        "cases.html: external URL in <link href>: https://fonts.googleapis.com/css2?family=Inter&x"
      ]
    },
    {
      name: "external preconnect link",
      files: {"cases.html": page('<link rel="preconnect" href="https://fonts.gstatic.com">')},
      expected: ["cases.html: external URL in <link href>: https://fonts.gstatic.com"]
    },
    {
      name: "external CSS @import",
      files: {"_observablehq/fonts.css": '@import url("https://fonts.googleapis.com/css2");\n'},
      expected: [
        "_observablehq/fonts.css: external URL in CSS @import: https://fonts.googleapis.com/css2"
      ]
    },
    {
      name: "external font in CSS url()",
      files: {
        "_observablehq/fonts.css": "@font-face { src: url(https://fonts.gstatic.com/a.woff2); }\n"
      },
      expected: [
        "_observablehq/fonts.css: external URL in CSS url(): https://fonts.gstatic.com/a.woff2"
      ]
    },
    {
      name: "external URL in an inline style element",
      files: {"cases.html": page("<style>@import 'https://cdn.example.com/a.css';</style>")},
      expected: ["cases.html: external URL in CSS @import: https://cdn.example.com/a.css"]
    },
    {
      name: "external URL in a style attribute",
      files: {"cases.html": page("", '<div style="background: url(https://x.example/a.png)">')},
      expected: ["cases.html: external URL in <div style> url(): https://x.example/a.png"]
    },
    {
      name: "external image",
      files: {"cases.html": page("", '<img src="https://x.example/a.png" alt="">')},
      expected: ["cases.html: external URL in <img src>: https://x.example/a.png"]
    },
    {
      name: "external static import in a module",
      files: {"_import/lib/g.js": 'import "https://cdn.jsdelivr.net/npm/d3/+esm";\n'},
      expected: [
        "_import/lib/g.js: external URL in import: https://cdn.jsdelivr.net/npm/d3/+esm"
      ]
    },
    {
      name: "external dynamic import in a page script",
      files: {
        "cases.html": page(
          '<script type="module">\nawait import("https://cdn.example.com/m.js");\n</script>'
        )
      },
      expected: ["cases.html: external URL in import(): https://cdn.example.com/m.js"]
    },
    {
      name: "external import in the Framework runtime",
      files: {
        "_observablehq/runtime.js":
          'export const run = () => import("https://cdn.example.com/r.js");\n'
      },
      expected: [
        "_observablehq/runtime.js: external URL in import(): https://cdn.example.com/r.js"
      ]
    },
    {
      name: "bare module specifier",
      files: {"_import/lib/g.js": 'export {sum as g} from "d3-array";\n'},
      expected: ["_import/lib/g.js: bare module specifier in import: d3-array"]
    },
    {
      name: "Node.js built-in import",
      files: {
        "_import/lib/g.js": 'import {readFile} from "node:fs/promises";\nexport const g = 1;\n'
      },
      expected: ["_import/lib/g.js: unsupported URL scheme in import: node:fs/promises"]
    },
    {
      name: "missing static import in the Framework runtime",
      files: {
        "_observablehq/client.js": 'import {run} from "./gone.js";\nexport const define = run;\n'
      },
      expected: ["_observablehq/client.js: missing file in import: ./gone.js"]
    },
    {
      name: "module that does not parse",
      files: {"_import/lib/g.js": "export const g = ;\n"},
      expected: ["_import/lib/g.js: cannot parse: "]
    }
  ];

  test.each(cases)("fails on $name", async ({files, expected}) => {
    const root = siteWith(files);
    const result = await checkSite(root);
    expect(result.code).toBe(1);
    for (const line of expected) expect(result.lines).toContainEqual(lineStartingWith(line));
    expect(result.lines).toContain(`check-dist: ${expected.length} problem(s) in ${root}`);
  });

  test("lists every finding", async () => {
    const root = siteWith({
      "cases.html": page(
        '<script src="https://cdn.example.com/x.js"></script>',
        '<a href="./gone">gone</a>\n<span class="observablehq--error">RuntimeError</span>'
      ),
      "_observablehq/fonts.css": "@font-face { src: url(//fonts.example/a.woff2); }\n"
    });
    const result = await checkSite(root);
    expect(result.code).toBe(1);
    expect(result.lines).toContain("cases.html: error cell: RuntimeError");
    expect(result.lines).toContainEqual(lineStartingWith("cases.html: external URL in <script"));
    expect(result.lines).toContainEqual(lineStartingWith("cases.html: missing file in <a href>"));
    expect(result.lines).toContainEqual(lineStartingWith("_observablehq/fonts.css: external URL"));
    expect(result.lines).toContain(`check-dist: 4 problem(s) in ${root}`);
  });
});
