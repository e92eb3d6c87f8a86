import {AxeBuilder} from "@axe-core/playwright";
import {resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {launchBrowser, loadPage, openPage} from "./browser.js";
import {startStaticServer, type StaticServer} from "./server.js";

// Opens "explain this number" panels on the built site and checks that the inputs and steps
// they list reproduce the figure, and that they open and close from the keyboard. Run
// `npm run build` first; DIST_DIR and CHROMIUM_PATH are read as in site.test.ts.
const distDir = resolve(process.env.DIST_DIR ?? "dist");

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer(distDir);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Full-precision value of the quantity `id` in the open panel. */
async function quantity(page: Page, id: string): Promise<number> {
  const text = await page.getAttribute(`.explain-panel tr[data-id="${id}"] td`, "data-value");
  expect(text, `quantity ${id} is listed`).not.toBeNull();
  return Number(text);
}

/** Full-precision values of the quantities whose ids start with `prefix`. */
async function quantities(page: Page, prefix: string): Promise<number[]> {
  const texts = await page.$$eval(`.explain-panel tr[data-id^="${prefix}"] td`, (cells) =>
    cells.map((cell) => cell.getAttribute("data-value"))
  );
  return texts.map(Number);
}

const add = (xs: number[]) => xs.reduce((total, x) => total + x, 0);

describe("weights page", () => {
  test("entropy weight is reproduced by its listed divergences", async () => {
    const {context, page, errors} = await openPage(browser, server.origin, 1280);
    try {
      await loadPage(page, `${server.origin}/weights?case=cruise`);
      const button = page.locator('.explain-button[data-explain="entropy"]').first();
      const displayed = Number(await button.evaluate((b) => b.firstChild?.textContent));
      await button.click();
      await page.waitForSelector(".explain-panel");
      expect(await page.textContent(".explain-panel .explain-title")).toContain("Entropy weight");

      const n = await quantity(page, "n");
      const e = -(1 / Math.log(n)) * (await quantity(page, "sumPLogP"));
      expect(await quantity(page, "e")).toBeCloseTo(e, 10);
      const d = await quantity(page, "d");
      expect(d).toBeCloseTo(1 - e, 10);
      const sumD = d + add(await quantities(page, "d:"));
      expect(await quantity(page, "sumD")).toBeCloseTo(sumD, 10);
      const w = await quantity(page, "w");
      expect(w).toBeCloseTo(d / sumD, 10);
      // The table shows the weight with 4 decimals.
      expect(Math.abs(w - displayed)).toBeLessThanOrEqual(5e-5);
      const formulas = await page.$$eval(".explain-panel .katex", (nodes) => nodes.length);
      expect(formulas).toBeGreaterThan(0);
      const axe = await new AxeBuilder({page}).include(".explain-panel").analyze();
      const blocking = axe.violations.filter((v) => ["serious", "critical"].includes(v.impact!));
      const found = blocking.map((v) => `${v.id}: ${v.nodes.map((node) => node.target).join("; ")}`);
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("combined weight is α·AHP + (1 − α)·objective", async () => {
    const {context, page} = await openPage(browser, server.origin, 1280);
    try {
      await loadPage(page, `${server.origin}/weights?case=cruise`);
      await page.locator('.explain-button[data-explain="combined"]').nth(2).click();
      await page.waitForSelector(".explain-panel");
      const alpha = await quantity(page, "alpha");
      const a = await quantity(page, "a");
      const b = await quantity(page, "b");
      expect(await quantity(page, "w")).toBeCloseTo(alpha * a + (1 - alpha) * b, 12);
    } finally {
      await context.close();
    }
  });

  test("opens with Enter and closes with Escape", async () => {
    const {context, page} = await openPage(browser, server.origin, 1280);
    try {
      await loadPage(page, `${server.origin}/weights?case=cruise`);
      const button = page.locator('.explain-button[data-explain="cr"]').first();
      await button.focus();
      await page.keyboard.press("Enter");
      await page.waitForSelector(".explain-panel");
      expect(await button.getAttribute("aria-expanded")).toBe("true");
      const inPanel = await page.evaluate(
        () => document.querySelector(".explain-panel")?.contains(document.activeElement) ?? false
      );
      expect(inPanel, "focus moves into the panel").toBe(true);
      const n = await quantity(page, "n");
      const ci = ((await quantity(page, "lambdaMax")) - n) / (n - 1);
      expect(await quantity(page, "ci")).toBeCloseTo(ci, 12);

      await page.keyboard.press("Escape");
      expect(await page.$(".explain-panel")).toBeNull();
      expect(await button.getAttribute("aria-expanded")).toBe("false");
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);

      await page.keyboard.press(" ");
      await page.waitForSelector(".explain-panel");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      expect(await page.$(".explain-panel"), "Tab past the last control closes").toBeNull();
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe("classes page", () => {
  test("class count follows from the thresholds and the other counts", async () => {
    const {context, page, errors} = await openPage(browser, server.origin, 1280);
    try {
      await loadPage(page, `${server.origin}/classes?case=cruise`);
      const button = page.locator('.explain-button[data-explain="count-partners"]');
      const text = await button.evaluate((b) => b.firstChild?.textContent ?? "");
      const displayed = Number(text.replace(/,/g, ""));
      await button.click();
      await page.waitForSelector(".explain-panel");
      const n = await quantity(page, "n");
      const others = await quantities(page, "count:");
      expect(others).toHaveLength(3);
      expect(await quantity(page, "count")).toBe(n - add(others));
      expect(await quantity(page, "count")).toBe(displayed);

      // The thresholds listed are those of the chart's heading.
      const tx = await quantity(page, "tx");
      await page.keyboard.press("Escape");
      await page.locator('.explain-button[data-explain="threshold"]').first().click();
      await page.waitForSelector(".explain-panel");
      expect(await quantity(page, "threshold")).toBe(tx);
      expect(tx).toBeCloseTo((await quantity(page, "sum")) / (await quantity(page, "n")), 12);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("panel fits a 375 px screen and closes on a click outside", async () => {
    const {context, page} = await openPage(browser, server.origin, 375);
    try {
      await loadPage(page, `${server.origin}/classes?case=cruise&lang=zh`);
      const button = page.locator('.explain-button[data-explain="count-atRisk"]');
      await button.scrollIntoViewIfNeeded();
      await button.click();
      await page.waitForSelector(".explain-panel");
      const box = await page.locator(".explain-panel").boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(375);
      expect(await page.textContent(".explain-panel .explain-title")).toContain("客户数");
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth
      );
      expect(sideways).toBe(false);
      await page.mouse.click(5, 5);
      expect(await page.$(".explain-panel")).toBeNull();
    } finally {
      await context.close();
    }
  });
});
