import {mkdirSync, writeFileSync} from "node:fs";
import {cpus, loadavg, totalmem} from "node:os";
import {join, resolve} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {launchBrowser, listPages, loadPage, openPage} from "./browser.js";
import {startStaticServer, type StaticServer} from "./server.js";

// Measures how long each page of the built site takes to draw its first chart, with the
// browser's CPU slowed down four times (Chromium's Emulation.setCPUThrottlingRate) and the
// site served from this machine. The time runs from the start of navigation to the first
// animation frame after a chart with marks is in the page's main element. Such a chart is an
// SVG at least 100 × 50 px with a mark that is not an axis, grid or frame, or a canvas of that
// size. The times are written to test-results/e2e/first-chart.json and printed. They are
// reported, not asserted: they depend on the machine and its load. Run `npm run build` first.
const distDir = resolve(process.env.DIST_DIR ?? "dist");
const outputDir = resolve("test-results", "e2e");
const pages = listPages(distDir);
const cpuSlowdown = 4;

interface FirstChart {
  page: string;
  /** Milliseconds from navigation start to the frame that shows the first chart, or null. */
  firstChartMs: number | null;
  /** "svg" or "canvas": how the first chart is drawn; null for a page with no chart. */
  kind: "svg" | "canvas" | null;
  /** Milliseconds from navigation start to the load event. */
  loadEventMs: number;
}

const results: FirstChart[] = [];
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer(distDir);
  browser = await launchBrowser();
  mkdirSync(outputDir, {recursive: true});
}, 60_000);

afterAll(async () => {
  const version = browser?.version();
  await browser?.close();
  await server?.close();
  if (results.length === 0) return;
  results.sort((a, b) => a.page.localeCompare(b.page));
  const cpu = cpus();
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpu[0]?.model ?? "unknown",
      cores: cpu.length,
      memoryGB: Math.round(totalmem() / 2 ** 30),
      loadAverage1min: Number(loadavg()[0].toFixed(2))
    },
    browser: `Chromium ${version}`,
    cpuSlowdown,
    server: "static files from 127.0.0.1, no network throttling",
    pages: results
  };
  writeFileSync(join(outputDir, "first-chart.json"), JSON.stringify(report, null, 2) + "\n");
  const ms = (value: number | null) => (value === null ? "no chart" : `${Math.round(value)} ms`);
  console.log(
    `first chart with the CPU ${cpuSlowdown}× slower (${report.machine.cpu}, ` +
      `${report.machine.cores} cores, load ${report.machine.loadAverage1min}):\n` +
      results
        .map((r) => `${r.page.padEnd(30)} ${ms(r.firstChartMs).padStart(9)} ${r.kind ?? ""}`)
        .join("\n")
  );
});

test("site has pages", () => {
  expect(pages, `no pages in ${distDir}; run \`npm run build\` first`).not.toEqual([]);
});

describe.each(pages)("%s", (path) => {
  test("records the time to its first chart", {timeout: 120_000}, async () => {
    const {context, page} = await openPage(browser, server.origin, 1280);
    // Watches the page from its first byte and notes the frame after a chart first appears.
    // It checks after every change to the page and every 100 ms, because a chart can also
    // appear without a change, when its hidden container is shown.
    await page.addInitScript(() => {
      const page = window as unknown as {
        firstChart?: {ms: number; kind: string};
        chartKind: () => string | undefined;
      };
      page.chartKind = () => {
        for (const svg of document.querySelectorAll("main svg")) {
          const box = svg.getBoundingClientRect();
          if (box.width < 100 || box.height < 50) continue;
          for (const mark of svg.querySelectorAll("g[aria-label]")) {
            if (/axis|grid|frame/.test(mark.getAttribute("aria-label") ?? "")) continue;
            if (mark.querySelector(":is(circle, rect, path, line, polygon, image, text)")) {
              return "svg";
            }
          }
        }
        for (const canvas of document.querySelectorAll("main canvas")) {
          const box = canvas.getBoundingClientRect();
          if (box.width >= 100 && box.height >= 50) return "canvas";
        }
        return undefined;
      };
      let found = false;
      const check = () => {
        if (found) return;
        const kind = page.chartKind();
        if (!kind) return;
        found = true;
        observer.disconnect();
        clearInterval(timer);
        requestAnimationFrame(() => {
          page.firstChart = {ms: performance.now(), kind};
        });
      };
      const observer = new MutationObserver(check);
      observer.observe(document, {childList: true, subtree: true, attributes: true});
      const timer = setInterval(check, 100);
    });
    try {
      const session = await context.newCDPSession(page);
      await session.send("Emulation.setCPUThrottlingRate", {rate: cpuSlowdown});
      await loadPage(page, `${server.origin}/${path}`, 90_000);
      const measured = await page.evaluate(() => {
        const record = window as unknown as {firstChart?: {ms: number; kind: string}};
        const [navigation] = performance.getEntriesByType(
          "navigation"
        ) as PerformanceNavigationTiming[];
        return {chart: record.firstChart ?? null, loadEventMs: navigation.loadEventStart};
      });
      // A chart on the page at the end must have been seen when it first appeared.
      const chartNow = await page.evaluate(
        () => (window as unknown as {chartKind: () => string | undefined}).chartKind() ?? null
      );
      if (chartNow) {
        expect(measured.chart, `${path} shows a chart that was not timed`).not.toBeNull();
      }
      results.push({
        page: path,
        firstChartMs: measured.chart ? Math.round(measured.chart.ms) : null,
        kind: measured.chart ? (measured.chart.kind as "svg" | "canvas") : null,
        loadEventMs: Math.round(measured.loadEventMs)
      });
    } finally {
      await context.close();
    }
  });
});
