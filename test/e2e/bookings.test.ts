import {resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {launchBrowser, listPages, openPage, withLang} from "./browser.js";
import {startStaticServer, type StaticServer} from "./server.js";

// Opens the report pages with the full hotel bookings case (118,558 kept rows) in headless
// Chromium and checks that each finishes loading with no error cell, console error or NaN,
// draws no SVG with one element per booking, and states what a records case cannot show.
// Run `npm run build` first.
const distDir = resolve(process.env.DIST_DIR ?? "dist");
const hasSite = listPages(distDir).length > 0;

/** Time for one page to download, decode and analyse the case on a slow machine. */
const loadTimeoutMs = 60_000;

/** Maximum number of elements in one SVG. More means one element per row. */
const maxSvgElements = 10_000;

// Pages to open, each with a sentence it must show for the bookings case, by language.
const pages: {path: string; en: string; zh: string}[] = [
  {path: "data", en: "118,558 of 119,390 kept", zh: "保留 118,558 / 119,390"},
  {path: "value", en: "CRV, the coupling degree C and D cannot", zh: "无法计算 CRV、耦合度 C 和 D"},
  {path: "classes", en: "measures the hotel side only", zh: "只衡量酒店一侧"},
  {path: "reliability", en: "Choose a survey case", zh: "请在上方选择一个问卷案例"},
  {path: "validity", en: "Choose a survey case", zh: "请在上方选择一个问卷案例"},
  {path: "survey-items", en: "Choose a survey case", zh: "请在上方选择一个问卷案例"},
  {path: "index", en: "Hotel bookings", zh: "酒店预订"},
  {path: "weights", en: "Hotel bookings", zh: "酒店预订"},
  {path: "explore", en: "118,558 customers", zh: "118,558"},
  {path: "profiles", en: "Hotel bookings", zh: "酒店预订"},
  {path: "strategies", en: "of 118,558 customers", zh: "118,558"},
  {path: "learn/idea", en: "Choose a survey case", zh: "请选择一个问卷案例"}
];

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!hasSite) return;
  server = await startStaticServer(distDir);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until no cell is pending and no case download shows its progress bar. */
async function waitForCase(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector("observablehq-loading") &&
      !document.querySelector(".loading-note progress"),
    null,
    {timeout: loadTimeoutMs}
  );
  await page.waitForLoadState("networkidle", {timeout: loadTimeoutMs});
}

/** Collects what the page shows: error cells, NaN texts, large SVGs and the chosen case. */
function inspect(page: Page) {
  return page.evaluate((limit) => {
    const main = document.querySelector("main");
    const text = main?.innerText ?? "";
    return {
      errorCells: [...document.querySelectorAll(".observablehq--error")].map(
        (cell) => cell.textContent?.trim() ?? ""
      ),
      nan: [...text.matchAll(/.{0,40}\b(NaN|Infinity)\b.{0,40}/g)].map((m) => m[0]),
      largeSvgs: [...(main?.querySelectorAll("svg") ?? [])]
        .map((svg) => svg.querySelectorAll("*").length)
        .filter((count) => count > limit),
      chosen: document.querySelector(".case-selector .print-value")?.textContent ?? "",
      text
    };
  }, maxSvgElements);
}

describe.skipIf(!hasSite)("bookings case on the report pages", () => {
  for (const lang of ["en", "zh"] as const) {
    test.each(pages)(`$path opens the bookings case (${lang})`, async ({path, en, zh}) => {
      const {context, page, errors} = await openPage(browser, server.origin, 1280);
      const consoleErrors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(message.text());
      });
      try {
        const url = `${server.origin}/${path === "index" ? "" : path}?case=bookings`;
        await page.goto(withLang(url, lang), {waitUntil: "load", timeout: loadTimeoutMs});
        await waitForCase(page);
        const seen = await inspect(page);

        expect(seen.chosen).toContain(lang === "en" ? "Hotel bookings" : "酒店预订");
        expect(seen.errorCells).toEqual([]);
        expect(errors).toEqual([]);
        expect(consoleErrors).toEqual([]);
        expect(seen.nan).toEqual([]);
        expect(seen.largeSvgs).toEqual([]);
        const expected = lang === "en" ? en : zh;
        expect(seen.text.includes(expected), `"${expected}" not on ${path}`).toBe(true);
      } finally {
        await context.close();
      }
    });
  }
});

describe.skipIf(!hasSite)("bookings download", () => {
  test("progress bar shows during download", async () => {
    const {context, page} = await openPage(browser, server.origin, 1280);
    let release: () => void = () => {};
    const gate = new Promise<void>((done) => (release = done));
    // Holds the case file back until the progress bar has been seen.
    await page.route(/\/bookings\.[0-9a-f]+\.json$/, async (route) => {
      await gate;
      await route.continue();
    });
    try {
      await page.goto(`${server.origin}/value?case=bookings`, {waitUntil: "load"});
      const bar = page.locator(".loading-note progress");
      await bar.waitFor({state: "visible", timeout: loadTimeoutMs});
      expect(await page.locator(".loading-note").innerText()).toContain("Hotel bookings");
      expect(Number(await bar.getAttribute("max"))).toBeGreaterThan(1_000_000);

      release();
      await waitForCase(page);
      expect(await page.locator(".loading-note").count()).toBeGreaterThan(0);
      expect(await page.locator(".loading-note").first().innerText()).toBe("");
    } finally {
      release();
      await context.close();
    }
  });
});
