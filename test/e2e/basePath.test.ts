import {existsSync, mkdtempSync, rmSync, symlinkSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {chromium, type Browser, type Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {startStaticServer, type StaticServer} from "./server.js";

// Serves the built site under a sub-path, as a project page on a static host would, and
// checks that pages, their assets and the links between them stay under that path. Run
// `npm run build` first. DIST_DIR sets the site folder (default dist).
const distDir = resolve(process.env.DIST_DIR ?? "dist");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const base = "/report/";
const loadTimeoutMs = 30_000;
const cellTimeoutMs = 15_000;

// Pages at the root and one level down, with and without a trailing slash in their address.
const pages = ["", "value", "explore", "learn/", "learn/idea", "learn/ahp", "glossary"];

let scratch: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "base-path-"));
  symlinkSync(distDir, join(scratch, base.slice(1, -1)), "dir");
  server = await startStaticServer(scratch);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ]
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) rmSync(scratch, {recursive: true, force: true});
});

interface Visit {
  page: Page;
  /** Requests that failed, got an error status or left the base path. */
  problems: string[];
  close(): Promise<void>;
}

async function visit(path: string): Promise<Visit> {
  const problems: string[] = [];
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== server.origin) {
      problems.push(`other host: ${url.href}`);
      await route.abort("blockedbyclient");
    } else if (!url.pathname.startsWith(base)) {
      problems.push(`outside ${base}: ${url.pathname}`);
      await route.continue();
    } else {
      await route.continue();
    }
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()}`));
  await page.goto(`${server.origin}${base}${path}`, {waitUntil: "load", timeout: loadTimeoutMs});
  await page.waitForFunction(() => !document.querySelector("observablehq-loading"), null, {
    timeout: cellTimeoutMs
  });
  await page.waitForLoadState("networkidle", {timeout: cellTimeoutMs});
  return {page, problems, close: () => context.close()};
}

/** Lists the same-origin links of the page, resolved against its address. */
async function siteLinks(page: Page): Promise<string[]> {
  const origin = server.origin;
  const hrefs = await page.$$eval("a[href]", (anchors) =>
    anchors.map((anchor) => (anchor as HTMLAnchorElement).href)
  );
  return [...new Set(hrefs.filter((href) => href.startsWith(origin)))];
}

test("site is built", () => {
  expect(existsSync(join(distDir, "index.html")), "run `npm run build` first").toBe(true);
});

describe.each(pages)(`page %j under ${base}`, (path) => {
  test("loads with every asset under the base path", async () => {
    const {page, problems, close} = await visit(path);
    try {
      expect(problems).toEqual([]);
      expect(await page.$$(".observablehq--error")).toHaveLength(0);
    } finally {
      await close();
    }
  });

  test("links only to pages under the base path", async () => {
    const {page, close} = await visit(path);
    try {
      const links = await siteLinks(page);
      expect(links.length).toBeGreaterThan(0);
      const outside = links.filter((href) => !new URL(href).pathname.startsWith(base));
      expect(outside).toEqual([]);
      const missing: string[] = [];
      for (const href of links) {
        const response = await fetch(href.replace(/#.*$/, ""), {method: "HEAD"});
        if (response.status !== 200) missing.push(`${href}: HTTP ${response.status}`);
      }
      expect(missing).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe("moving between pages", () => {
  test("next-step link keeps the base path and the query", async () => {
    const {page, problems, close} = await visit("learn/idea?case=cruise");
    try {
      await Promise.all([page.waitForURL(/index-system/), page.click("a.tour-next")]);
      const url = new URL(page.url());
      expect(url.pathname).toBe(`${base}learn/index-system`);
      expect(url.searchParams.get("case")).toBe("cruise");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  test("glossary term link opens its entry", async () => {
    const {page, close} = await visit("learn/ahp");
    try {
      const link = page.locator("a.glossary-term", {hasText: "consistency ratio"}).first();
      await Promise.all([page.waitForURL(/glossary/), link.click()]);
      const url = new URL(page.url());
      expect(url.pathname).toBe(`${base}glossary`);
      expect(url.hash).toBe("#consistency-ratio");
      await page.waitForSelector("#consistency-ratio", {timeout: cellTimeoutMs});
    } finally {
      await close();
    }
  });

  test("sidebar link from a nested page stays under the base path", async () => {
    const {page, close} = await visit("learn/ahp");
    try {
      const href = await page.$eval("#observablehq-sidebar a[href]", (a) => (a as HTMLAnchorElement).href);
      expect(new URL(href).pathname.startsWith(base)).toBe(true);
    } finally {
      await close();
    }
  });
});
