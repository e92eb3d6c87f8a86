import {AxeBuilder} from "@axe-core/playwright";
import {resolve} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {launchBrowser, listPages, loadPage, openPage, reportLanguages, withLang} from "./browser.js";
import {startStaticServer, type StaticServer} from "./server.js";

// Runs axe-core on every page of the built site in both languages and fails on a violation
// of serious or critical impact (contrast, names of controls and charts, page language, …).
// It also checks that the language switch and the case selector work from the keyboard.
// Run `npm run build` first; DIST_DIR and CHROMIUM_PATH are read as in site.test.ts.
const distDir = resolve(process.env.DIST_DIR ?? "dist");
const pages = listPages(distDir);
const blocking = new Set(["serious", "critical"]);

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

test("site has pages", () => {
  expect(pages, `no pages in ${distDir}; run \`npm run build\` first`).not.toEqual([]);
});

describe.each(pages)("%s", (path) => {
  test.each(reportLanguages)("has no serious accessibility violation in %s", async (lang) => {
    const {context, page, errors} = await openPage(browser, server.origin, 1280);
    try {
      await loadPage(page, `${server.origin}/${withLang(path, lang)}`);
      const expectedLang = lang === "zh" ? "zh-CN" : "en";
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(expectedLang);

      const results = await new AxeBuilder({page}).analyze();
      const violations = results.violations
        .filter((violation) => blocking.has(violation.impact ?? ""))
        .map((violation) => {
          const where = violation.nodes.slice(0, 3).map((node) => node.target.join(" "));
          return `${violation.id} (${violation.impact}, ${violation.nodes.length}×): ${where.join("; ")}`;
        });
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("keyboard", () => {
  test("switches language with Tab and Enter", async () => {
    const {context, page} = await openPage(browser, server.origin, 1280);
    try {
      await loadPage(page, `${server.origin}/value`);
      const reached = await tabTo(page, ".lang-toggle button[data-lang='zh']");
      expect(reached, "the 中文 button is reachable with Tab").toBe(true);
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
      expect(new URL(page.url()).searchParams.get("lang")).toBe("zh");
      expect(await page.title()).toContain("关系价值");
      const pressed = await page.getAttribute(".lang-toggle button[data-lang='zh']", "aria-pressed");
      expect(pressed).toBe("true");
    } finally {
      await context.close();
    }
  });

  test("changes the case with the keyboard", async () => {
    const {context, page} = await openPage(browser, server.origin, 1280);
    try {
      await loadPage(page, `${server.origin}/classes`);
      expect(await tabTo(page, ".case-selector select"), "the case selector is reachable").toBe(true);
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(() => new URLSearchParams(location.search).get("case") === "cruise");
      await page.waitForFunction(() => !document.querySelector("observablehq-loading"));
      const heading = await page.textContent("main h2");
      expect(heading).toContain("Value matrix");
    } finally {
      await context.close();
    }
  });
});

/** Presses Tab until `selector` has the focus, at most 60 times; returns whether it did. */
async function tabTo(page: import("playwright-core").Page, selector: string): Promise<boolean> {
  for (let k = 0; k < 60; k++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      return true;
    }
  }
  return false;
}
