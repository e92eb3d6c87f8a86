import {mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join, relative, resolve, sep} from "node:path";
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {startStaticServer, type StaticServer} from "./server.js";

// Loads every page of the built site in headless Chromium, served from 127.0.0.1 with no other
// host reachable, and checks that it runs cleanly and draws its chart. Run `npm run build` first.
// DIST_DIR sets the site folder (default dist) and CHROMIUM_PATH the browser binary.
const distDir = resolve(process.env.DIST_DIR ?? "dist");
const screenshotDir = resolve("test-results", "e2e");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const widths = [1280, 375];

// Pages that have no chart on purpose, each with the reason (page path → reason).
const chartAllowlist: Record<string, string> = JSON.parse(
  readFileSync(new URL("./chart-allowlist.json", import.meta.url), "utf8")
);

// Limits for one page load. Cells run after the load event, so the test waits for them too.
const loadTimeoutMs = 30_000;
const cellTimeoutMs = 15_000;

/** Lists the site's pages: every .html file except those in Framework's "_" asset folders. */
function listPages(root: string): string[] {
  let entries;
  try {
    entries = readdirSync(root, {withFileTypes: true, recursive: true});
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .filter((path) => !path.split("/").some((part) => part.startsWith("_")))
    .sort();
}

const pages = listPages(distDir);

let server: StaticServer;
let browser: Browser;
let pixelPage: Page;

beforeAll(async () => {
  server = await startStaticServer(distDir);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Playwright gives each launch a new, empty profile (its own --user-data-dir).
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
  const context = await browser.newContext();
  pixelPage = await context.newPage();
  mkdirSync(screenshotDir, {recursive: true});
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Problems seen while a page loads and runs, one list for each kind. */
interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

/**
 * Opens a page in a new browser context whose requests may go to the test server only.
 * A request to any other origin is aborted and recorded.
 */
async function openPage(
  width: number
): Promise<{context: BrowserContext; page: Page; problems: PageProblems}> {
  const problems: PageProblems = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    foreignRequests: []
  };
  const context = await browser.newContext({viewport: {width, height: 900}});
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (new URL(url).origin === server.origin) {
      await route.continue();
    } else {
      problems.foreignRequests.push(url);
      await route.abort("blockedbyclient");
    }
  });

  const page = await context.newPage();
  page.on("pageerror", (error) => problems.pageErrors.push(`${error.name}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const {url, lineNumber} = message.location();
    problems.consoleErrors.push(`${message.text()} (${url}:${lineNumber})`);
  });
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "unknown error";
    problems.failedRequests.push(`${request.url()}: ${reason}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) {
      problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    }
  });
  page.on("websocket", (socket) => problems.foreignRequests.push(socket.url()));
  return {context, page, problems};
}

/** Waits until no cell shows Framework's loading indicator and the network is idle. */
async function waitForCells(page: Page): Promise<string | undefined> {
  try {
    await page.waitForFunction(() => !document.querySelector("observablehq-loading"), null, {
      timeout: cellTimeoutMs
    });
  } catch {
    return `cells still loading after ${cellTimeoutMs} ms`;
  }
  await page.waitForLoadState("networkidle", {timeout: cellTimeoutMs});
  // Two animation frames let charts that size themselves from the page width finish drawing.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
  );
  return undefined;
}

/** Returns the text of every error cell on the page. */
async function findErrorCells(page: Page): Promise<string[]> {
  return page.$$eval(".observablehq--error", (cells) =>
    cells.map((cell) => cell.textContent?.trim() || "(no text)")
  );
}

/**
 * Describes each chart drawn inside `main`: an SVG or canvas of at least 100 × 50 px
 * (smaller ones are icons and swatches) that contains marks. SVG marks are shapes and text
 * outside definitions, axes, grids and frames as Observable Plot labels them. A canvas
 * counts once any pixel is painted, or when it uses WebGL, whose pixels a 2D context
 * cannot read.
 */
async function findCharts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const charts: string[] = [];
    const main = document.querySelector("main");
    if (!main) return charts;
    const notMarks = "defs, clipPath, marker, pattern, mask, " +
      "[aria-label*='axis'], [aria-label*='grid'], [aria-label='frame']";
    const shapes = "circle, ellipse, line, path, polygon, polyline, rect, text, image";

    for (const svg of main.querySelectorAll("svg")) {
      if (svg.parentElement?.closest("svg")) continue;
      const box = svg.getBoundingClientRect();
      if (box.width < 100 || box.height < 50) continue;
      const marks = [...svg.querySelectorAll(shapes)].filter((shape) => !shape.closest(notMarks));
      const size = `${Math.round(box.width)}×${Math.round(box.height)}`;
      if (marks.length > 0) charts.push(`svg ${size}, ${marks.length} marks`);
    }

    for (const canvas of main.querySelectorAll("canvas")) {
      const box = canvas.getBoundingClientRect();
      if (box.width < 100 || box.height < 50) continue;
      const size = `${Math.round(box.width)}×${Math.round(box.height)}`;
      const context = canvas.getContext("2d");
      if (context === null) {
        charts.push(`canvas ${size} (WebGL)`);
        continue;
      }
      const {data} = context.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      if (painted > 0) charts.push(`canvas ${size}, ${painted} painted pixels`);
    }
    return charts;
  });
}

/**
 * Measures how uniform a PNG screenshot is. Returns the share of pixels that differ from
 * the most common colour (0 for a blank image) and the pixel count.
 */
async function measureVariety(png: Buffer): Promise<{differingShare: number; pixels: number}> {
  return pixelPage.evaluate(async (base64) => {
    const response = await fetch(`data:image/png;base64,${base64}`);
    const bitmap = await createImageBitmap(await response.blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext("2d")!;
    context.drawImage(bitmap, 0, 0);
    const image = context.getImageData(0, 0, bitmap.width, bitmap.height);
    const pixels = new Uint32Array(image.data.buffer);

    const counts = new Map<number, number>();
    for (const pixel of pixels) counts.set(pixel, (counts.get(pixel) ?? 0) + 1);
    const mostCommon = Math.max(...counts.values());
    const differingShare = (pixels.length - mostCommon) / pixels.length;
    return {differingShare, pixels: pixels.length};
  }, png.toString("base64"));
}

test("site has pages", () => {
  expect(pages, `no pages in ${distDir}; run \`npm run build\` first`).not.toEqual([]);
});

test("chart allowlist names existing pages", () => {
  const unknown = Object.keys(chartAllowlist).filter((path) => !pages.includes(path));
  expect(unknown).toEqual([]);
});

describe.each(pages)("%s", (path) => {
  test.each(widths)("runs cleanly at %i px", async (width) => {
    const {context, page, problems} = await openPage(width);
    try {
      await page.goto(`${server.origin}/${path}`, {waitUntil: "load", timeout: loadTimeoutMs});
      const stuck = await waitForCells(page);
      expect.soft(stuck, "cells did not finish").toBeUndefined();

      expect.soft(problems.consoleErrors, "console errors").toEqual([]);
      expect.soft(problems.pageErrors, "uncaught page errors").toEqual([]);
      expect.soft(problems.failedRequests, "failed requests").toEqual([]);
      expect.soft(problems.foreignRequests, "requests to other hosts").toEqual([]);
      expect.soft(await findErrorCells(page), "error cells").toEqual([]);

      const charts = await findCharts(page);
      if (path in chartAllowlist) {
        expect.soft(charts, "allowlisted page has a chart; remove it from the list").toEqual([]);
      } else {
        expect.soft(charts.length, "charts with marks inside <main>").toBeGreaterThan(0);
      }

      const name = `${path.replace(/\.html$/, "").replaceAll("/", "_")}-${width}.png`;
      const screenshot = await page.screenshot({fullPage: true});
      writeFileSync(join(screenshotDir, name), screenshot);
      const {differingShare} = await measureVariety(screenshot);
      // A page with only a title and the footer differs in 0.24 % of its pixels at 1280 px
      // and in 0.8 % at 375 px (Chromium 156). A blank page differs in none.
      const label = `share of non-background pixels in ${name}`;
      expect.soft(differingShare, label).toBeGreaterThan(0.001);
    } finally {
      await context.close();
    }
  });
});
