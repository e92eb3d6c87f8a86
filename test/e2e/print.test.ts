import {mkdirSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {inflateSync} from "node:zlib";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {launchBrowser, listPages, loadPage, openPage, reportLanguages, withLang} from "./browser.js";
import {startStaticServer, type StaticServer} from "./server.js";

// Prints a report page to PDF and checks that the file contains text, and checks that no page
// scrolls sideways on a 375 px phone screen (wide tables scroll inside their card instead).
// Run `npm run build` first; DIST_DIR and CHROMIUM_PATH are read as in site.test.ts.
const distDir = resolve(process.env.DIST_DIR ?? "dist");
const outputDir = resolve("test-results", "e2e");
const pages = listPages(distDir);
const printedPage = "value.html";

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
});

/**
 * Returns the decompressed content streams of a PDF. Chromium writes each page's drawing
 * operators as a Flate-compressed stream; streams that are not Flate data are skipped.
 */
function contentStreams(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  const streams: string[] = [];
  const pattern = /stream\r?\n/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      // Images and fonts in other encodings are not drawing operators.
    }
    pattern.lastIndex = end;
  }
  return streams;
}

describe.each(reportLanguages)("printing in %s", (lang) => {
  test(`${printedPage} prints as a PDF with text`, async () => {
    const {context, page, errors} = await openPage(browser, server.origin, 1280);
    try {
      await loadPage(page, `${server.origin}/${withLang(printedPage, lang)}`);
      const pdf = await page.pdf({format: "A4", printBackground: true});
      writeFileSync(join(outputDir, `print-${lang}.pdf`), pdf);

      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(1024);
      const streams = contentStreams(pdf);
      // BT … ET brackets a text object; Tj and TJ show its glyphs.
      const textObjects = streams.filter((s) => /\bBT\b[\s\S]*?\bT[jJ]\b[\s\S]*?\bET\b/.test(s));
      expect(textObjects.length, "pages with text objects").toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("print style hides the controls and keeps the key figures", async () => {
    const {context, page} = await openPage(browser, server.origin, 1280);
    try {
      await loadPage(page, `${server.origin}/${withLang(printedPage, lang)}`);
      await page.emulateMedia({media: "print"});
      const shown = (selector: string) =>
        page.$$eval(selector, (elements) =>
          elements.some((element) => element.getClientRects().length > 0)
        );
      expect(await shown(".lang-toggle"), "language switch").toBe(false);
      expect(await shown("#observablehq-sidebar"), "sidebar").toBe(false);
      expect(await shown("#observablehq-footer nav"), "previous / next links").toBe(false);
      expect(await shown("main input[type=radio]"), "radio buttons").toBe(false);
      expect(await shown("main select"), "selects").toBe(false);
      expect(await shown(".key-figures"), "key figures").toBe(true);
      expect(await shown(".case-selector .print-value"), "the chosen case").toBe(true);
      expect(await shown("main svg"), "charts").toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe.each(pages)("%s", (path) => {
  test.each(reportLanguages)("has no sideways scroll at 375 px in %s", async (lang) => {
    const {context, page} = await openPage(browser, server.origin, 375);
    try {
      await loadPage(page, `${server.origin}/${withLang(path, lang)}`);
      const overflow = await page.evaluate(() => {
        const {scrollWidth, clientWidth} = document.documentElement;
        const wide = [...document.querySelectorAll("main *")]
          .filter((element) => {
            const box = element.getBoundingClientRect();
            const parent = element.parentElement?.getBoundingClientRect();
            return box.right > clientWidth + 1 && (!parent || parent.right <= clientWidth + 1);
          })
          .slice(0, 5)
          .map((element) => `${element.tagName.toLowerCase()}.${element.getAttribute("class")}`);
        return {pixels: scrollWidth - clientWidth, wide};
      });
      expect(overflow.pixels, `wider than the screen: ${overflow.wide.join(", ")}`).toBe(0);
    } finally {
      await context.close();
    }
  });
});
