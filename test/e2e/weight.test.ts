import {mkdirSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {gzipSync} from "node:zlib";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {launchBrowser, listPages, loadPage, openPage} from "./browser.js";
import {startStaticServer, type StaticServer} from "./server.js";

// Measures what each page of the built site transfers when it opens (English, default case),
// as the gzip size of every response, split into code (HTML, JavaScript, CSS) and data
// (case files and other attachments). It reports the sizes in page-weight.json and prints a
// table; it asserts no timing. Pages above the budget must show a loading message while
// their case file arrives. Run `npm run build` first.
const distDir = resolve(process.env.DIST_DIR ?? "dist");
const outputDir = resolve("test-results", "e2e");
const pages = listPages(distDir);
const budgetBytes = 500 * 1024;

interface PageWeight {
  page: string;
  requests: number;
  codeGzip: number;
  dataGzip: number;
  totalGzip: number;
  largest: string;
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
          return `${w.page.padEnd(30)} ${sizes.padEnd(28)} ${w.largest}${over}`;
        })
        .join("\n")
  );
});

test("site has pages", () => {
  expect(pages, `no pages in ${distDir}; run \`npm run build\` first`).not.toEqual([]);
});

describe.each(pages)("%s", (path) => {
  test("transfers a measured amount of code and data", async () => {
    const {context, page} = await openPage(browser, server.origin, 1280);
    const sizes: {url: string; kind: "code" | "data"; gzip: number}[] = [];
    const pending: Promise<void>[] = [];
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.origin !== server.origin || response.status() !== 200) return;
      const kind = /\.(html|js|css)$/.test(url.pathname) || !/\.\w+$/.test(url.pathname)
        ? "code"
        : "data";
      pending.push(
        response.body().then((body) => {
          sizes.push({url: url.pathname, kind, gzip: gzipSync(body).length});
        })
      );
    });
    try {
      await loadPage(page, `${server.origin}/${path}`);
      await Promise.all(pending);
      const sum = (kind: string) =>
        sizes.filter((s) => s.kind === kind).reduce((total, s) => total + s.gzip, 0);
      const largest = sizes.reduce((a, b) => (b.gzip > a.gzip ? b : a));
      const weight = {
        page: path,
        requests: sizes.length,
        codeGzip: sum("code"),
        dataGzip: sum("data"),
        totalGzip: sum("code") + sum("data"),
        largest: `${largest.url} ${(largest.gzip / 1024).toFixed(0)} KB`
      };
      weights.push(weight);
      expect(weight.codeGzip).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
