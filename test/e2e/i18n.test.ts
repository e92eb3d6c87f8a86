import {mkdirSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {chromium, type Browser, type Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {startStaticServer, type StaticServer} from "./server.js";

// Opens the empirical-analysis and interactive pages of the built site in Chinese
// (`?lang=zh`) in headless Chromium and checks that no English prose shows, that headings,
// form controls and charts read in Chinese and have accessible names, and that switching the
// language keeps what the reader set. Run `npm run build` first. DIST_DIR and CHROMIUM_PATH
// are read as in site.test.ts.
const distDir = resolve(process.env.DIST_DIR ?? "dist");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const screenshotDir = resolve("test-results", "e2e");
const fixtureDir = resolve("test", "fixtures");

// Chinese characters of the CJK Unified Ideographs block.
const chinese = /[\u4e00-\u9fff]/;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer(distDir);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox"]
  });
  mkdirSync(screenshotDir, {recursive: true});
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page that may reach the test server only, and collects its errors. */
async function open(path: string, width = 1280): Promise<{page: Page; errors: string[]}> {
  const context = await browser.newContext({viewport: {width, height: 900}});
  const errors: string[] = [];
  await context.route("**/*", (route) =>
    new URL(route.request().url()).origin === server.origin
      ? route.continue()
      : route.abort("blockedbyclient")
  );
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().includes("404")) errors.push(message.text());
  });
  await page.goto(`${server.origin}/${path}`);
  return {page, errors};
}

/** Waits until the page's cells have run: its heading and, if given, a selector are drawn. */
async function settle(page: Page, selector?: string) {
  await page.waitForSelector("main h1:visible");
  if (selector) await page.waitForSelector(selector, {timeout: 20_000});
  await page.waitForTimeout(500);
}

async function shot(page: Page, name: string) {
  const png = await page.screenshot({fullPage: true});
  writeFileSync(join(screenshotDir, `i18n-${name}.png`), png);
}

// Page scripts are passed as strings, so that the test's compiler adds no helpers to them.

// Visible elements marked English, other than the language buttons.
const visibleEnglish = `[...document.querySelectorAll('body [lang="en"]')]
  .filter((e) => !e.classList.contains("lang-option") && e.checkVisibility())
  .map((e) => e.outerHTML.slice(0, 120))`;

// Visible headings of the page's main part.
const visibleHeadings = `[...document.querySelectorAll("main h1, main h2")]
  .filter((e) => e.checkVisibility())
  .map((e) => e.innerText.trim())`;

// Visible form controls with no accessible name: no aria-label, no labelling element with
// text, no label with text, and for a button no text of its own.
const unnamedControls = `[...document.querySelectorAll(
    "main input, main select, main button, main textarea")]
  .filter((e) => e.checkVisibility())
  .filter((e) => !(e.getAttribute("aria-label") || "").trim())
  .filter((e) => !(document.getElementById(e.getAttribute("aria-labelledby"))?.innerText || "").trim())
  .filter((e) => !e.labels || ![...e.labels].some((l) => l.innerText.trim()))
  .filter((e) => e.tagName !== "BUTTON" || !e.innerText.trim())
  .map((e) => e.outerHTML.slice(0, 120))`;

// Observable Plot charts (not their legends) without an aria-label.
const unlabelledCharts = `[...document.querySelectorAll("main svg[class^='plot-']")]
  .filter((e) => !e.getAttribute("class").includes("-ramp") && e.checkVisibility())
  .filter((e) => !(e.getAttribute("aria-label") || "").trim())
  .map((e) => e.getAttribute("class"))`;

// Each page in Chinese with its main heading and an element drawn once its cells have run.
const pages = [
  {path: "survey-cleaning?case=teaching", heading: "数据清洗审计", ready: "table.stat-table"},
  {path: "survey-items?case=teaching", heading: "样本与题项", ready: "table.stat-table"},
  {path: "reliability?case=teaching", heading: "信度", ready: "table.stat-table"},
  {path: "validity?case=teaching", heading: "效度", ready: ".card table.stat-table"},
  {path: "profiles?case=teaching", heading: "类别画像", ready: "table.stat-table"},
  {path: "sensitivity?case=teaching", heading: "敏感性分析", ready: ".badge-real"},
  {path: "countermeasures?case=teaching", heading: "对策", ready: ".class-card"},
  {path: "explore?case=teaching", heading: "探索权重", ready: ".recompute-status"},
  {path: "ahp?case=teaching&node=crv", heading: "AHP 编辑器", ready: ".expert-consistency"},
  {path: "your-data", heading: "分析你自己的数据", ready: ".drop-zone"},
  {path: "glossary", heading: "术语表", ready: ".glossary-entry"}
];

describe("pages in Chinese", () => {
  test.each(pages)("$path reads in Chinese", async ({path, heading, ready}) => {
    const {page, errors} = await open(`${path}${path.includes("?") ? "&" : "?"}lang=zh`);
    try {
      await settle(page, ready);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
      expect(await page.evaluate(visibleEnglish)).toEqual([]);

      const headings = (await page.evaluate(visibleHeadings)) as string[];
      expect(headings[0]).toContain(heading);
      expect(headings.filter((text) => !chinese.test(text))).toEqual([]);

      expect(await page.evaluate(unnamedControls)).toEqual([]);
      expect(await page.evaluate(unlabelledCharts)).toEqual([]);
      const text = await page.locator("main").innerText();
      expect(text).not.toMatch(/\bNaN\b/);
      for (const width of [375, 1280]) {
        await page.setViewportSize({width, height: 900});
        await page.waitForTimeout(300);
        await shot(page, `${path.split("?")[0]}-zh-${width}`);
      }
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe("language switch", () => {
  test("switches a page to English and back", async () => {
    const {page, errors} = await open("reliability?case=teaching&lang=zh");
    try {
      await settle(page, "table.stat-table");
      const caption = page.locator("table.stat-table caption").first();
      expect(await caption.innerText()).toContain("克朗巴哈系数");

      await page.locator('.lang-toggle button[data-lang="en"]').click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("en");
      await expect.poll(() => page.locator("main h1:visible").innerText()).toContain("Reliability");
      await expect.poll(() => caption.innerText()).toContain("Cronbach's α");
      expect(new URL(page.url()).searchParams.get("lang")).not.toBe("zh");
      const chart = page.locator("main svg[aria-label]").first();
      expect(await chart.getAttribute("aria-label")).toContain("Cronbach's α");

      await page.locator('.lang-toggle button[data-lang="zh"]').click();
      await expect.poll(() => page.locator("main h1:visible").innerText()).toContain("信度");
      expect(new URL(page.url()).searchParams.get("lang")).toBe("zh");
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("keeps hand-set weights and the language in the address", async () => {
    const {page, errors} = await open("explore?case=cruise");
    try {
      await settle(page, ".recompute-status");
      await page.locator('input[data-node="crv"][data-element="functional"]').evaluate((input) => {
        (input as HTMLInputElement).value = "0.9";
        input.dispatchEvent(new Event("input", {bubbles: true}));
        input.dispatchEvent(new Event("change", {bubbles: true}));
      });
      await expect.poll(() => new URL(page.url()).searchParams.has("w.crv")).toBe(true);
      const counts = await page.locator(".class-counts").innerText();

      await page.locator('.lang-toggle button[data-lang="zh"]').click();
      await expect.poll(() => page.locator(".class-counts").innerText()).toContain("伙伴型客户");
      const digits = (text: string) => text.match(/[\d,]+/g);
      expect(digits(await page.locator(".class-counts").innerText())).toEqual(digits(counts));
      const slider = page.locator('input[data-node="crv"][data-element="functional"]');
      expect(Number(await slider.inputValue())).toBeCloseTo(0.9, 3);
      expect(await slider.getAttribute("aria-label")).toBe("功能价值的权重");

      // A later change of the configuration writes the address again; the language stays.
      await page.locator('form[data-field="model"] label', {hasText: "几何型"}).click();
      await expect.poll(() => new URL(page.url()).searchParams.get("model")).toBe("geometric");
      expect(new URL(page.url()).searchParams.get("lang")).toBe("zh");
      expect(new URL(page.url()).searchParams.has("w.crv")).toBe(true);
      expect(await page.locator(".config-differences").innerText()).not.toContain("lang");
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("keeps a finished sensitivity run", async () => {
    const {page, errors} = await open("sensitivity?case=teaching&lang=zh");
    try {
      await settle(page, ".sensitivity-progress .badge-real");
      const badge = page.locator(".sensitivity-progress .badge");
      expect(await badge.innerText()).toBe("完成");
      const numbers = await page.locator(".big-number").allInnerTexts();

      await page.locator('.lang-toggle button[data-lang="en"]').click();
      await expect.poll(() => badge.innerText()).toBe("Done");
      expect(await page.locator(".sensitivity-progress progress").isHidden()).toBe(true);
      expect(await page.locator(".big-number").allInnerTexts()).toEqual(numbers);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("translates the cleaning rules the library describes", async () => {
    const {page, errors} = await open("survey-cleaning?case=teaching&lang=zh");
    try {
      await settle(page, "table.stat-table");
      const rules = await page.locator("table.stat-table").innerText();
      expect(rules).toContain("题项：1–5 的整数");
      expect(rules).toContain("AC1 须为 4");
      await page.getByLabel("显示剔除的行").check();
      const dropped = page.locator("form table").last();
      await expect.poll(() => dropped.innerText()).toContain("应为 1 到 5 的整数");
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe("keyboard use", () => {
  test("AHP judgments change by arrow keys", async () => {
    const {page, errors} = await open("ahp?case=cruise&node=crv&lang=zh");
    try {
      await settle(page, ".expert-consistency");
      const cr = async () => Number(await page.locator(".expert-consistency").getAttribute("data-cr"));
      const select = 'select[data-i="0"][data-j="1"]';
      const before = await page.locator(select).inputValue();
      const crBefore = await cr();
      await page.locator(select).focus();
      expect(await page.locator(select).getAttribute("aria-label")).toContain("相对于");

      await page.keyboard.press("ArrowDown");
      await expect.poll(() => page.locator(select).inputValue()).not.toBe(before);
      await expect.poll(cr).not.toBe(crBefore);
      const focused = () =>
        page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          return `${element.tagName} ${element.dataset.i} ${element.dataset.j}`;
        });
      expect(await focused()).toBe("SELECT 0 1");

      // The table is drawn anew after each change, and the focus stays for the next key.
      const once = await page.locator(select).inputValue();
      await page.keyboard.press("ArrowDown");
      await expect.poll(() => page.locator(select).inputValue()).not.toBe(once);
      expect(await focused()).toBe("SELECT 0 1");
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("the file button opens the file picker", async () => {
    const {page, errors} = await open("your-data?lang=zh");
    try {
      // Listening before the key press lets Playwright take over the browser's file dialog.
      const chooser = page.waitForEvent("filechooser");
      await settle(page, ".drop-zone");
      const button = page.getByRole("button", {name: "选择文件…"});
      await button.focus();
      await page.keyboard.press("Enter");
      await (await chooser).setFiles(join(fixtureDir, "survey-gbk.csv"));
      await page.waitForSelector(".column-mapping tbody tr");
      expect(await page.locator(".drop-zone .file-name").innerText()).toContain("字节");

      // The mapper keeps its choices when the language changes, and its options follow.
      const select = page.locator(".column-mapping select[data-column]:visible").first();
      await select.selectOption("unused");
      expect(await select.locator("option:checked").innerText()).toBe("不使用");
      await page.locator('.lang-toggle button[data-lang="en"]').click();
      await expect.poll(() => select.locator("option:checked").innerText()).toBe("not used");
      expect(await select.inputValue()).toBe("unused");
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe("texts that used to stay English", () => {
  /** Opens `path`, waits for `ready` and returns the main part's text. */
  async function mainText(path: string, ready: string, timeout = 20_000) {
    const {page, errors} = await open(path);
    try {
      await page.waitForSelector("main h1:visible");
      await page.waitForSelector(ready, {timeout});
      await page.waitForTimeout(500);
      const text = await page.locator("main").innerText();
      expect(errors).toEqual([]);
      return text;
    } finally {
      await page.context().close();
    }
  }

  test("the glossary names the tour's steps in either language", async () => {
    const zh = await mainText("glossary?lang=zh", ".glossary-entry");
    expect(zh).not.toContain("[object Object]");
    expect(zh).toContain("分步导览第 1 步：基本思想：双方的价值");
    expect(zh).toContain("实际用法：");
    expect(zh).toContain("本方法的术语");
    expect(zh).not.toContain("See it at work");
    const en = await mainText("glossary", ".glossary-entry");
    expect(en).not.toContain("[object Object]");
    expect(en).toContain("Guided tour, step 1: The idea: value on both sides");
    expect(en).toContain("Related: ");
  });

  test("the countermeasures name their measures in Chinese only", async () => {
    const text = await mainText("countermeasures?case=teaching&lang=zh", ".class-card");
    expect(text).toContain("分级会员与礼遇");
    expect(text).not.toContain("Loyalty tiers with recognition");
  });

  test("the benchmarks page reads in Chinese", async () => {
    const text = await mainText("benchmarks?lang=zh", ".scroll-table td");
    for (const words of ["最近一次运行", "机器", "最大差异", "如何重新运行", "熵权"]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain("Max difference");
    expect(text).not.toContain("Time against data size");
  });

  test("the AHP editor gives the illustrative note in Chinese", async () => {
    const text = await mainText("ahp?case=cruise&node=crv&lang=zh", ".expert-consistency");
    expect(text).toContain("为本报告编写的示例性判断");
    expect(text).not.toContain("Illustrative judgments");
  });

  test("the data page cites the generator in Chinese", async () => {
    const text = await mainText("data?lang=zh", ".card");
    expect(text).toContain("本项目生成器产生的合成数据（种子");
    expect(text).not.toContain("Synthetic data from this project's generator");
  });

  test("the bookings case reads in Chinese", async () => {
    const system = await mainText("index-system?case=bookings&lang=zh", "main table td", 60_000);
    expect(system).toContain("1 = 曾入住过");
    expect(system).not.toContain("the guest stayed before");

    const cleaning = await mainText("survey-cleaning?case=bookings&lang=zh", "table.stat-table", 60_000);
    expect(cleaning).toContain("日均房价为负");
    expect(cleaning).toContain("日均房价高于 1000 欧元");
    expect(cleaning).toContain("“NULL”国家 → 缺失");
    expect(cleaning).not.toContain("Negative daily rate");
    expect(cleaning).not.toContain("Daily rate above");
  }, 150_000);

  test("the case loading bar is named in the page's language", async () => {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}});
    try {
      // The case file is held back a while, so the loading bar stays long enough to read.
      await context.route("**/*", async (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== server.origin) return route.abort("blockedbyclient");
        if (url.pathname.includes("bookings")) await new Promise((done) => setTimeout(done, 3000));
        return route.continue();
      });
      const page = await context.newPage();
      await page.goto(`${server.origin}/index-system?case=bookings&lang=zh`);
      const bar = page.locator(".loading-note progress").first();
      await bar.waitFor({timeout: 20_000});
      expect(await bar.getAttribute("aria-label")).toBe("酒店预订");
    } finally {
      await context.close();
    }
  }, 90_000);
});
