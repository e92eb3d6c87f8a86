import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {gzipSync} from "node:zlib";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {launchBrowser, listPages, loadPage, openPage} from "./browser.js";
import {startStaticServer, type StaticServer} from "./server.js";

// Measures what each page of the built site transfers when it opens (English), as the gzip
// size of every file it fetches, split into code (HTML, JavaScript, CSS) and data (case files,
// fonts and other attachments). A file fetched twice, once by the page and once by one of its
// workers, counts once, because a browser serves the second request from its cache on any
// server that lets it cache (the test server does not). Each page with the default case must
// stay within 500 kB gzip. Pages that show a full large case are listed below: they may pass
// the budget by the case file alone, and must show a loading state while it arrives. The sizes
// go to test-results/e2e/page-weight.json and a printed table. Run `npm run build` first.
const distDir = resolve(process.env.DIST_DIR ?? "dist");
const outputDir = resolve("test-results", "e2e");
const pages = listPages(distDir);
const budgetBytes = 500 * 1024;

/**
 * Pages opened with a large case: the case file alone is over 300 kB gzip (Lisbon 12,741
 * customers, bookings 118,558 rows), so the page cannot stay within the budget while it
 * shows the whole case. Everything but the case file must still fit the budget.
 */
const largeCasePages = [
  {path: "index.html?case=lisbon", caseFile: "lisbon", reason: "value matrix of 12,741 customers"},
  {path: "index.html?case=bookings", caseFile: "bookings", reason: "value matrix of 118,558 rows"}
];

interface PageWeight {
  page: string;
  requests: number;
  codeGzip: number;
  dataGzip: number;
  totalGzip: number;
  largest: string;
  /** Gzip bytes of the large case file on an allowed page, else 0. */
  caseGzip: number;
}

interface FileSize {
  url: string;
  kind: "code" | "data";
  gzip: number;
}

const weights: PageWeight[] = [];
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer(distDir);
  browser = await launchBrowser();
  mkdirSync(outputDir, {recursive: true});
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (weights.length === 0) return;
  weights.sort((a, b) => b.totalGzip - a.totalGzip);
  writeFileSync(join(outputDir, "page-weight.json"), JSON.stringify(weights, null, 2) + "\n");
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(
    "gzip bytes per page (code + data = total; largest file):\n" +
      weights
        .map((w) => {
          const over = w.totalGzip > budgetBytes ? "  over 500 KB" : "";
          const sizes = `${kb(w.codeGzip)} + ${kb(w.dataGzip)} = ${kb(w.totalGzip)}`;
          const name = `${w.page} (${w.requests} requests)`;
          return `${name.padEnd(44)} ${sizes.padEnd(28)} ${w.largest}${over}`;
        })
        .join("\n")
  );
});

/**
 * Returns the file of the built site that the test server sends for a URL path: the path
 * itself, then PATH.html, then PATH/index.html (the server's clean URLs).
 */
function builtFile(pathname: string): string {
  const target = join(distDir, decodeURIComponent(pathname));
  const candidates = pathname.endsWith("/")
    ? [join(target, "index.html")]
    : [target, `${target}.html`, join(target, "index.html")];
  const found = candidates.find((file) => existsSync(file) && statSync(file).isFile());
  if (!found) throw new Error(`no file in ${distDir} for ${pathname}`);
  return found;
}

/**
 * Opens `path` and returns the gzip size of each distinct file of the site it fetched. Sizes
 * come from the built files, because the browser keeps no copy of a body that a page read
 * as a stream.
 */
async function measure(page: Page, path: string): Promise<{files: FileSize[]; requests: number}> {
  const files = new Map<string, FileSize>();
  let requests = 0;
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.origin !== server.origin || response.status() !== 200) return;
    requests += 1;
    if (files.has(url.pathname)) return;
    const kind = /\.(html|js|css)$/.test(url.pathname) || !/\.\w+$/.test(url.pathname)
      ? "code"
      : "data";
    const gzip = gzipSync(readFileSync(builtFile(url.pathname))).length;
    files.set(url.pathname, {url: url.pathname, kind, gzip});
  });
  await loadPage(page, `${server.origin}/${path}`);
  return {files: [...files.values()], requests};
}

function pageWeight(path: string, files: FileSize[], requests: number, caseFile?: string) {
  const sum = (kind: string) =>
    files.filter((f) => f.kind === kind).reduce((total, f) => total + f.gzip, 0);
  const largest = files.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const caseGzip = caseFile
    ? files
        .filter((f) => f.url.startsWith(`/_file/data/cases/${caseFile}.`))
        .reduce((total, f) => total + f.gzip, 0)
    : 0;
  const weight: PageWeight = {
    page: path,
    requests,
    codeGzip: sum("code"),
    dataGzip: sum("data"),
    totalGzip: sum("code") + sum("data"),
    largest: `${largest.url} ${(largest.gzip / 1024).toFixed(0)} KB`,
    caseGzip
  };
  weights.push(weight);
  return weight;
}

/** Lists the five largest files, for the message of a page over the budget. */
function largestFiles(files: FileSize[]): string {
  return [...files]
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 5)
    .map((f) => `${f.url} ${(f.gzip / 1024).toFixed(0)} KB`)
    .join(", ");
}

test("site has pages", () => {
  expect(pages, `no pages in ${distDir}; run \`npm run build\` first`).not.toEqual([]);
});

describe.each(pages)("%s", (path) => {
  test("transfers at most 500 KB gzip", async () => {
    const {context, page} = await openPage(browser, server.origin, 1280);
    try {
      const {files, requests} = await measure(page, path);
      const weight = pageWeight(path, files, requests);
      expect(weight.codeGzip).toBeGreaterThan(0);
      expect(
        weight.totalGzip,
        `${path} transfers ${weight.totalGzip} bytes gzip; largest: ${largestFiles(files)}`
      ).toBeLessThanOrEqual(budgetBytes);
    } finally {
      await context.close();
    }
  });
});

describe.each(largeCasePages)("$path", ({path, caseFile, reason}) => {
  test(`shows a loading state while the case arrives (${reason})`, async () => {
    const {context, page} = await openPage(browser, server.origin, 1280);
    // Records whether a non-empty loading status was ever on the page.
    await page.addInitScript(() => {
      const seen = () => {
        const note = document.querySelector(".loading-note[role=status]");
        if (note && note.textContent.trim() !== "") {
          (window as unknown as {loadingShown: boolean}).loadingShown = true;
        }
      };
      new MutationObserver(seen).observe(document, {childList: true, subtree: true});
    });
    try {
      const {files, requests} = await measure(page, path);
      const weight = pageWeight(path, files, requests, caseFile);
      expect(weight.caseGzip, `${path} did not load the ${caseFile} case`).toBeGreaterThan(0);
      expect(
        weight.totalGzip - weight.caseGzip,
        `${path} transfers ${weight.totalGzip - weight.caseGzip} bytes gzip besides the ` +
          `case file; largest: ${largestFiles(files)}`
      ).toBeLessThanOrEqual(budgetBytes);
      expect(await page.evaluate(() => "loadingShown" in window), "loading state shown").toBe(
        true
      );
    } finally {
      await context.close();
    }
  });
});
