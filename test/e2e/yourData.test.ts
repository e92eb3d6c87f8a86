import {AxeBuilder} from "@axe-core/playwright";
import {resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {launchBrowser, loadPage, openPage} from "./browser.js";
import {startStaticServer, type StaticServer} from "./server.js";

// The "Your data" page on a wide file: the column table of a file with hundreds of columns
// is made in batches, so a click is handled before the table is finished. Run
// `npm run build` first; DIST_DIR is read as in site.test.ts.
const distDir = resolve(process.env.DIST_DIR ?? "dist");
const columnCount = 400;

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

/** Runs axe-core on the page and lists violations of serious or critical impact. */
async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({page}).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(" ")}`);
}

/** A survey of `columns` columns: id, the items F1…F8 and R1…R6, then q15, q16, … */
function wideCsv(columns: number, rows: number): string {
  const names = ["id", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8"];
  names.push("R1", "R2", "R3", "R4", "R5", "R6");
  for (let j = names.length; j < columns; j++) names.push(`q${j}`);
  const lines = [names.join(",")];
  for (let i = 0; i < rows; i++) {
    const cells = names.map((_, j) => (j === 0 ? `r${i + 1}` : String(1 + ((i * 7 + j * 3) % 5))));
    lines.push(cells.join(","));
  }
  return lines.join("\n") + "\n";
}

describe("your data page with constant data", () => {
  test("warns in both languages", async () => {
    const {page, errors} = await openPage(browser, server.origin, 1280);
    try {
      await loadPage(page, `${server.origin}/your-data`);
      const rows = ["id,F1,F2,R1,R2", "a,3,3,3,3", "b,3,3,3,3", "c,3,3,3,3"];
      await page.setInputFiles(".drop-zone input[type=file]", {
        name: "constant.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(rows.join("\n") + "\n")
      });
      const warning = page.locator(".degenerate-warning");
      await warning.waitFor({timeout: 60_000});
      expect(await warning.locator('[lang="en"]').innerText()).toBe(
        "The indicators Room quality, Repurchase intention have the same value in every kept " +
          "row, so they score 0 for everyone and cannot tell customers apart. CRV is 0 for " +
          "every customer, so every customer is on its high side (a score equal to the " +
          "threshold counts as high) and the classes do not reflect CRV. HRV is 0 for every " +
          "customer, so every customer is on its high side (a score equal to the threshold " +
          "counts as high) and the classes do not reflect HRV. Every customer is in the class " +
          "Partners. Check that the columns hold the answers you expect and are mapped to the " +
          "right items."
      );
      expect(await page.locator(".class-counts [data-class=partners] strong").innerText()).toBe(
        "3"
      );

      await page.locator(".lang-toggle button[data-lang=zh]").click();
      const chinese = page.locator('.degenerate-warning [lang="zh-CN"]');
      await chinese.waitFor({state: "visible"});
      expect(await chinese.innerText()).toContain("所有客户都属于“伙伴型客户”类。");
      expect(await chinese.innerText()).toContain("所有客户的顾客感知价值都为 0");
      expect(await blockingViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe("your data page with one problem cell", () => {
  test("speaks of one cell", async () => {
    const {page, errors} = await openPage(browser, server.origin, 1280);
    try {
      await loadPage(page, `${server.origin}/your-data`);
      const rows = ["id,F1,F2,R1,R2", "a,3,9,3,3", "b,2,3,4,5", "c,3,4,3,2", "d,4,2,5,3"];
      await page.setInputFiles(".drop-zone input[type=file]", {
        name: "one-problem.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(rows.join("\n") + "\n")
      });
      const note = page.locator("main p", {hasText: "of the used columns of one-problem.csv"});
      await note.waitFor({timeout: 60_000});
      expect((await note.innerText()).replace(/\s+/g, " ")).toBe(
        "1 cell of the used columns of one-problem.csv cannot be used as it is. Choose what " +
          "to do with it; the audit below records it."
      );
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe("your data page with a wide file", () => {
  test("handles a click while the column table is made", async () => {
    const {context, page, errors} = await openPage(browser, server.origin, 1280);
    try {
      await loadPage(page, `${server.origin}/your-data`);
      // As soon as the column table is on the page, a click on the language switch is put
      // in the page's task queue. It is handled before the table is finished only if making
      // the table gives the page turns.
      await page.evaluate(() => {
        const state = window as unknown as {rowsAtClick?: number};
        document.addEventListener(
          "click",
          () => {
            const built = document.querySelector<HTMLElement>(".column-mapping")?.dataset.built;
            state.rowsAtClick = Number(built);
          },
          {capture: true, once: true}
        );
        const observer = new MutationObserver(() => {
          if (!document.querySelector(".column-mapping[data-built]")) return;
          observer.disconnect();
          const zh = document.querySelector<HTMLButtonElement>(".lang-toggle [data-lang=zh]");
          setTimeout(() => zh?.click(), 0);
        });
        observer.observe(document.body, {childList: true, subtree: true});
      });

      await page.setInputFiles(".drop-zone input[type=file]", {
        name: "wide.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(wideCsv(columnCount, 60))
      });
      await page.waitForFunction(() => document.documentElement.lang === "zh-CN", null, {
        timeout: 60_000
      });

      const rowsAtClick = await page.evaluate(
        () => (window as unknown as {rowsAtClick?: number}).rowsAtClick
      );
      expect(rowsAtClick).toBeGreaterThan(0);
      expect(rowsAtClick).toBeLessThan(columnCount);
      await expect
        .poll(() => page.locator(".column-mapping").getAttribute("data-built"), {timeout: 60_000})
        .toBe(String(columnCount));
      expect(await page.locator(".column-mapping tbody tr").count()).toBe(columnCount);
      expect(await page.locator(".mapping-progress").isHidden()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
      // Rows made before and after the switch show their options in Chinese.
      for (const column of ["F1", `q${columnCount - 1}`]) {
        const first = page.locator(`select[data-column="${column}"] option`).first();
        expect(await first.textContent()).toBe("不使用");
      }
      const f1 = page.locator('select[data-column="F1"]');
      expect(await f1.inputValue()).toBe("item:F1");
      // A column's select gets every option once it is focused, and keeps its choice.
      expect(await f1.locator("option").count()).toBe(3);
      await f1.focus();
      expect(await f1.locator("option").count()).toBeGreaterThan(40);
      expect(await f1.inputValue()).toBe("item:F1");
      await f1.selectOption("item:F2");
      expect(await f1.inputValue()).toBe("item:F2");
      expect(await blockingViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
