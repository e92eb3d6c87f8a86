import {mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {CaseData} from "../../lib/caseData.js";
import {configFromQuery} from "../../lib/config.js";
import {checkAnswer, generateExercise, type ExerciseKind} from "../../lib/exercises.js";
import {analyzeWithConfig, withJudgments} from "../../lib/reweight.js";
import {launchBrowser, loadPage, openPage} from "./browser.js";
import {startStaticServer, type StaticServer} from "./server.js";

// Walks the guided tour of the built site in Chinese (`?lang=zh`) from its overview to the
// glossary, checks that each step reads in Chinese, and answers exercises in Chinese. The
// expected exercises, answers and feedback come from the library run in Node on the same case
// and settings. Run `npm run build` first; DIST_DIR and CHROMIUM_PATH are read as in
// site.test.ts.
const distDir = resolve(process.env.DIST_DIR ?? "dist");
const screenshotDir = resolve("test-results", "e2e");

// Chinese characters of the CJK Unified Ideographs block.
const chinese = /[\u4e00-\u9fff]/;

// The steps in tour order with their Chinese headings.
const steps = [
  {path: "idea", heading: "基本思想：双方的价值"},
  {path: "index-system", heading: "评价指标体系"},
  {path: "ahp", heading: "层次分析法：来自专家的权重"},
  {path: "objective-weights", heading: "来自数据的客观权重"},
  {path: "scores", heading: "得分"},
  {path: "relationship-value", heading: "关系价值"},
  {path: "classes", heading: "客户类别与发展目标"},
  {path: "strategies", heading: "策略"}
];

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer(distDir);
  browser = await launchBrowser();
  mkdirSync(screenshotDir, {recursive: true});
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function caseData(id: string): CaseData {
  const folder = join(distDir, "_file", "data", "cases");
  const file = readdirSync(folder).find(
    (name) => name.startsWith(`${id}.`) && name.endsWith(".json")
  );
  if (!file) throw new Error(`no ${id} case in ${folder}; run npm run build first`);
  return JSON.parse(readFileSync(join(folder, file), "utf8"));
}

/** Draws an exercise as the tour's card draws its first variant for the page's address. */
function expectedExercise(id: string, search: string, kind: ExerciseKind, lang: "en" | "zh") {
  const data = caseData(id);
  const {config} = configFromQuery(search, data.system);
  const analysis = analyzeWithConfig(data, config);
  const context = {
    data: withJudgments(data, config.judgments),
    analysis,
    threshold: config.threshold
  };
  return generateExercise(kind, context, 1, {}, lang);
}

/** Opens a page of the tour and collects its errors and console errors. */
async function open(path: string, width = 1280) {
  const {context, page, errors} = await openPage(browser, server.origin, width);
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().includes("404")) errors.push(message.text());
  });
  await loadPage(page, `${server.origin}/${path}`);
  return {context, page, errors};
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

// Visible form controls with no accessible name.
const unnamedControls = `[...document.querySelectorAll(
    "main input, main select, main button, main textarea")]
  .filter((e) => e.checkVisibility())
  .filter((e) => !(e.getAttribute("aria-label") || "").trim())
  .filter((e) => !(document.getElementById(e.getAttribute("aria-labelledby"))?.innerText || "").trim())
  .filter((e) => !e.labels || ![...e.labels].some((l) => l.innerText.trim()))
  .filter((e) => e.tagName !== "BUTTON" || !e.innerText.trim())
  .map((e) => e.outerHTML.slice(0, 120))`;

// Visible texts of the main part with three or more Latin letters in a row, less the words a
// Chinese page keeps: abbreviations, formula symbols and customer ids.
const latinWords = `(() => {
  const keep = new Set(["CRV", "HRV", "AHP", "AIJ", "AIP", "CRITIC", "IPA", "Saaty", "BibTeX",
    "English", "max", "min", "Ctrl", "GDS",
    // "No-show" stays in the Chinese name of an indicator of the booking cases.
    "show"]);
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!parent || !parent.checkVisibility() || parent.closest(".katex, textarea, option")) continue;
    for (const word of node.data.match(/[A-Za-z]{3,}/g) || []) {
      if (!keep.has(word) && !/^[A-Z]\\d/.test(word)) found.push(word + " in " + node.data.trim().slice(0, 60));
    }
  }
  return found;
})()`;

/** Checks that the page shown reads in Chinese, with its step's heading. */
async function expectChinese(page: Page, heading: string) {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
  expect(await page.evaluate(visibleEnglish)).toEqual([]);
  const headings = (await page.evaluate(visibleHeadings)) as string[];
  expect(headings[0]).toContain(heading);
  expect(headings.filter((text) => !chinese.test(text) && !/^[A-Z\d ×=.:·-]+$/.test(text))).toEqual(
    []
  );
  expect(await page.evaluate(unnamedControls)).toEqual([]);
  expect(await page.evaluate(latinWords)).toEqual([]);
  expect(await page.locator("main").innerText()).not.toMatch(/\bNaN\b|undefined/);
}

describe("guided tour in Chinese", () => {
  test("walks from the overview to the glossary", async () => {
    const {context, page, errors} = await open("learn/?case=teaching&lang=zh");
    try {
      await expectChinese(page, "分步导览");
      const links = page.locator(".tour-steps a");
      expect(await links.allInnerTexts()).toEqual(steps.map((step) => step.heading));

      await Promise.all([page.waitForURL(/learn\/idea/), links.first().click()]);
      for (const [k, step] of steps.entries()) {
        await loadPage(page, page.url());
        expect(new URL(page.url()).pathname).toMatch(new RegExp(`/learn/${step.path}$`));
        expect(new URL(page.url()).searchParams.get("lang")).toBe("zh");
        await expectChinese(page, step.heading);
        expect(await page.locator(".tour-progress span").innerText()).toBe(
          `第 ${k + 1} 步，共 8 步`
        );
        expect(await page.locator(".exercise-card h3").innerText()).toMatch(/^练习：/);
        writeFileSync(
          join(screenshotDir, `tour-zh-${step.path}.png`),
          await page.screenshot({fullPage: true})
        );
        const next = page.locator("a.tour-next");
        const label = k + 1 < steps.length ? `下一步${steps[k + 1].heading}` : "继续阅读术语表";
        expect((await next.innerText()).replace(/\s+/g, "")).toBe(label);
        await next.click();
        await page.waitForURL((url) => !url.pathname.endsWith(`/${step.path}`));
      }
      expect(new URL(page.url()).pathname).toMatch(/\/glossary$/);
      expect(new URL(page.url()).searchParams.get("lang")).toBe("zh");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("checks a right numeric answer and a wrong one", async () => {
    const search = "?case=teaching&lang=zh";
    const {context, page, errors} = await open(`learn/relationship-value${search}`);
    try {
      const expected = expectedExercise("teaching", search, "coupling", "zh");
      const card = page.locator(".exercise-card");
      expect(await card.locator(".exercise-question").innerText()).toBe(expected.question);
      const value = expected.answer.value as number;

      const wrong = (value + 0.1).toFixed(3);
      await card.getByLabel("你的答案").fill(wrong);
      await card.getByRole("button", {name: "检查答案"}).click();
      const feedback = card.locator(".answer-feedback");
      await expect.poll(() => feedback.innerText()).toBe(checkAnswer(expected, wrong).message);
      expect(await feedback.innerText()).toContain("偏高");
      expect(await feedback.getAttribute("class")).toContain("incorrect");

      const right = value.toFixed(4);
      await card.getByLabel("你的答案").fill(right);
      await card.getByRole("button", {name: "检查答案"}).click();
      await expect
        .poll(() => feedback.innerText())
        .toBe(`正确：${right}（与准确值相差不超过 ±0.005 即算正确）。`);
      expect(await feedback.getAttribute("class")).toContain("correct");

      await card.getByText("查看解题过程").click();
      const solution = await card.locator(".worked-solution").innerText();
      for (const step of expected.solution) expect(solution).toContain(step.text);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("checks a wrong choice and keeps it across languages", async () => {
    const search = "?case=teaching&lang=zh";
    const {context, page, errors} = await open(`learn/classes${search}`);
    try {
      const expected = expectedExercise("teaching", search, "classify", "zh");
      if (expected.answer.type !== "choice") throw new Error("classify is a choice exercise");
      const {options, value} = expected.answer;
      const card = page.locator(".exercise-card");
      expect(await card.locator(".exercise-question").innerText()).toBe(expected.question);
      const wrong = options.find((option) => option.id !== value)!;
      await card.getByLabel(wrong.label, {exact: true}).check();
      await card.getByRole("button", {name: "检查答案"}).click();
      const feedback = card.locator(".answer-feedback");
      await expect
        .poll(() => feedback.innerText())
        .toBe(`不是“${wrong.label}”。请查看解题过程，或再试一次。`);

      // The card follows the language and keeps the chosen option and its feedback.
      await page.locator('.lang-toggle button[data-lang="en"]').click();
      await expect.poll(() => card.locator("h3").innerText()).toMatch(/^Exercise: Which class\?/);
      const english = expectedExercise("teaching", search, "classify", "en");
      expect(await card.locator(".exercise-question").innerText()).toBe(english.question);
      expect(await card.locator(`input[value="${wrong.id}"]`).isChecked()).toBe(true);
      expect(await feedback.innerText()).toMatch(
        /^Not .+\. Look at the worked solution, or try again\.$/
      );

      await page.locator('.lang-toggle button[data-lang="zh"]').click();
      const right = options.find((option) => option.id === value)!;
      await card.getByLabel(right.label, {exact: true}).check();
      await card.getByRole("button", {name: "检查答案"}).click();
      await expect.poll(() => feedback.innerText()).toBe(`正确：${right.label}。`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("reads in Chinese on a hotel-only case at 375 px", async () => {
    const {context, page, errors} = await open("learn/relationship-value?case=lisbon&lang=zh", 375);
    try {
      await expectChinese(page, "关系价值");
      expect(await page.locator(".warning").first().getAttribute("label")).toBe("只测量了酒店一方");
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
