import {mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {chromium, type Browser, type Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {CaseData} from "../../lib/caseData.js";
import {
  configFromJson,
  configFromQuery,
  defaultReportConfig,
  type ReportConfig
} from "../../lib/config.js";
import {defaultIndexSystem} from "../../lib/indexSystem.js";
import {analyzeWithConfig} from "../../lib/reweight.js";
import {inspectTable} from "../../lib/tableInspection.js";
import {
  buildUserCase,
  ownIndicatorRole,
  problemKey,
  readUserTable,
  type ColumnRole,
  type ProblemAction
} from "../../lib/userData.js";
import {startStaticServer, type StaticServer} from "./server.js";

// Drives the interactive pages of the built site in headless Chromium. Each test checks that
// what a page shows equals what the library computes in Node for the same settings. These
// are the class counts of fixture files read on the "Your data" page, and of cases
// re-weighted on the live weights and AHP pages. Run `npm run build` first. DIST_DIR and
// CHROMIUM_PATH are read as in site.test.ts.
const distDir = resolve(process.env.DIST_DIR ?? "dist");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const screenshotDir = resolve("test-results", "e2e");
const fixtureDir = resolve("test", "fixtures");

type Counts = Record<string, number>;

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
async function open(path: string): Promise<{page: Page; errors: string[]}> {
  const context = await browser.newContext({
    viewport: {width: 1280, height: 900},
    acceptDownloads: true
  });
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

async function classCounts(page: Page): Promise<Counts> {
  return page.$$eval(".class-counts [data-class]", (spans) =>
    Object.fromEntries(
      spans.map((span) => [
        (span as HTMLElement).dataset.class,
        Number(span.querySelector("strong")!.textContent!.replace(/,/g, ""))
      ])
    )
  );
}

async function recomputes(page: Page): Promise<number> {
  return page.$eval(".recompute-status", (element) =>
    Number((element as HTMLElement).dataset.recomputes)
  );
}

function caseData(id: string): CaseData {
  const folder = join(distDir, "_file", "data", "cases");
  const file = readdirSync(folder).find(
    (name) => name.startsWith(`${id}.`) && name.endsWith(".json")
  );
  if (!file) throw new Error(`no ${id} case in ${folder}; run npm run build first`);
  return JSON.parse(readFileSync(join(folder, file), "utf8"));
}

/** Reads the configuration in a page's address as the page reads it. */
function configOf(page: Page, data: CaseData): ReportConfig {
  return configFromQuery(new URL(page.url()).search, data.system).config;
}

/** Sets a range input as a drag ends there: an input event, then a change event. */
async function moveSlider(page: Page, selector: string, value: number) {
  await page.locator(selector).evaluate((input: HTMLInputElement, to: number) => {
    input.value = String(to);
    input.dispatchEvent(new Event("input", {bubbles: true}));
    input.dispatchEvent(new Event("change", {bubbles: true}));
  }, value);
}

async function shot(page: Page, name: string) {
  const png = await page.screenshot({fullPage: true});
  writeFileSync(join(screenshotDir, `interactive-${name}.png`), png);
}

// Each fixture with the changes a reader makes on the page: column roles and problem handling.
interface FixtureCase {
  file: string;
  roles?: Record<string, string>;
  unscaled?: string[];
  replace?: {column: string; value: string; by: number};
}

const fixtureCases: FixtureCase[] = [
  {file: "survey-gbk.csv", roles: {P1: "own:potential"}},
  {
    file: "survey-bom.csv",
    roles: {Q1: "item:F1", Q2: "item:F2", Q3: "own:potential"},
    replace: {column: "Q3", value: "6", by: 5}
  },
  {
    file: "semicolon-decimal-comma.csv",
    roles: {satisfaction: "own:potential"},
    unscaled: ["satisfaction"]
  },
  {file: "records-utf16.txt"}
];

/** Class counts and audit of a fixture as the library computes them with the same settings. */
function expectedFromLibrary({file, roles = {}, unscaled = [], replace}: FixtureCase) {
  const bytes = new Uint8Array(readFileSync(join(fixtureDir, file)));
  const inspection = inspectTable(bytes, file, defaultIndexSystem);
  const chosen: Record<string, ColumnRole> = {...inspection.roles};
  for (const [column, value] of Object.entries(roles)) {
    const [kind, target] = value.split(":");
    const summary = inspection.summaries.find((entry) => entry.column === column);
    chosen[column] =
      kind === "item"
        ? {kind: "item", item: target}
        : ownIndicatorRole(defaultIndexSystem, target, summary, inspection.scale);
  }
  for (const column of unscaled) chosen[column] = {...chosen[column], scaled: false} as ColumnRole;
  const read = readUserTable(bytes, defaultIndexSystem, {
    file,
    idColumn: inspection.idColumn,
    roles: chosen,
    scale: inspection.scale,
    reverse: [],
    delimiter: inspection.delimiter,
    decimalSeparator: inspection.decimalSeparator
  });
  const decisions: Record<string, ProblemAction> = {};
  if (replace) decisions[problemKey(replace)] = {action: "replace", value: replace.by};
  const data = buildUserCase(read, decisions);
  const analysis = analyzeWithConfig(data, {...defaultReportConfig, weighting: "objective"});
  return {counts: analysis.classes.counts, raw: data.audit.rawRows, kept: data.audit.keptRows};
}

async function auditOf(page: Page): Promise<{raw: number; kept: number}> {
  return page.$eval(".audit-summary", (element) => ({
    raw: Number((element as HTMLElement).dataset.raw),
    kept: Number((element as HTMLElement).dataset.kept)
  }));
}

describe("your data page", () => {
  test.each(fixtureCases)("$file gives the library's class counts", async (fixture) => {
    const expected = expectedFromLibrary(fixture);
    const {page, errors} = await open("your-data");
    try {
      await page.setInputFiles(".drop-zone input[type=file]", join(fixtureDir, fixture.file));
      await page.waitForSelector(".column-mapping tbody tr");
      for (const [column, value] of Object.entries(fixture.roles ?? {})) {
        await page.selectOption(`select[data-column="${column}"]`, value);
      }
      for (const column of fixture.unscaled ?? []) {
        await page.getByLabel(`${column} is on the answer scale`).uncheck();
      }
      if (fixture.replace) {
        const {column, value, by} = fixture.replace;
        const handling = page.getByLabel(`handling of ${column} = ${value}`);
        await handling.selectOption("replace");
        const row = `tr:has(select[aria-label="handling of ${column} = ${value}"])`;
        const input = page.locator(`${row} input`);
        await input.fill(String(by));
        await input.dispatchEvent("change");
      }
      await expect.poll(() => classCounts(page), {timeout: 20_000}).toEqual(expected.counts);
      expect(await auditOf(page)).toEqual({raw: expected.raw, kept: expected.kept});
      await shot(page, `your-data-${fixture.file.replace(/\W+/g, "-")}`);
      expect(await page.locator("main").innerText()).not.toMatch(/\bNaN\b/);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("a sample file gives the library's class counts", async () => {
    const {page, errors} = await open("your-data");
    try {
      const href = await page.locator(".sample-list a").first().getAttribute("href");
      const response = await fetch(new URL(href!, server.origin));
      const bytes = new Uint8Array(await response.arrayBuffer());
      const inspection = inspectTable(bytes, "survey-en.csv", defaultIndexSystem);
      const read = readUserTable(bytes, defaultIndexSystem, {
        file: "survey-en.csv",
        idColumn: inspection.idColumn,
        roles: inspection.roles,
        scale: inspection.scale,
        reverse: [],
        delimiter: inspection.delimiter,
        decimalSeparator: inspection.decimalSeparator
      });
      const data = buildUserCase(read, {});
      const expected = analyzeWithConfig(data, {...defaultReportConfig, weighting: "objective"});

      await page.locator(".use-sample").first().click();
      const counts = expected.classes.counts;
      await expect.poll(() => classCounts(page), {timeout: 20_000}).toEqual(counts);
      expect(await auditOf(page)).toEqual({raw: data.audit.rawRows, kept: data.audit.keptRows});
      expect(await page.locator(".problem-groups tbody tr").count()).toBeGreaterThan(0);
      await shot(page, "your-data-sample");
      expect(await page.locator("main").innerText()).not.toMatch(/\bNaN\b/);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe("live weights page", () => {
  test("moving a weight changes the class counts as the library does", async () => {
    const data = caseData("cruise");
    const {page, errors} = await open("explore?case=cruise");
    try {
      await page.waitForSelector(".recompute-status");
      const before = await classCounts(page);
      expect(before).toEqual(analyzeWithConfig(data, defaultReportConfig).classes.counts);

      await moveSlider(page, 'input[data-node="crv"][data-element="functional"]', 0.9);
      await expect.poll(() => classCounts(page)).not.toEqual(before);
      await expect.poll(() => new URL(page.url()).searchParams.has("w.crv")).toBe(true);
      const config = configOf(page, data);
      expect(config.weights.crv.functional).toBeCloseTo(0.9, 4);
      const siblings = Object.values(config.weights.crv).reduce((sum, w) => sum + w, 0);
      expect(siblings).toBeCloseTo(1, 6);
      const after = await classCounts(page);
      expect(after).toEqual(analyzeWithConfig(data, config).classes.counts);
      await shot(page, "explore-moved");

      // A reload keeps the weight, because it is in the address.
      await page.reload();
      await page.waitForSelector(".recompute-status");
      await expect.poll(() => classCounts(page)).toEqual(after);

      await page.click("button.reset-defaults");
      await expect.poll(() => classCounts(page)).toEqual(before);
      await expect.poll(() => new URL(page.url()).searchParams.has("w.crv")).toBe(false);
      expect(await page.locator("main").innerText()).not.toMatch(/\bNaN\b/);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("a burst of slider input is coalesced", async () => {
    const {page, errors} = await open("explore?case=teaching");
    try {
      await page.waitForSelector(".recompute-status");
      const start = await recomputes(page);
      // Twenty input events in one task, as a fast drag delivers them between two frames.
      await page.evaluate(`(() => {
        const input = document.querySelector('input[data-node="crv"][data-element="functional"]');
        for (let k = 1; k <= 20; k++) {
          input.value = String(0.2 + k * 0.02);
          input.dispatchEvent(new Event("input", {bubbles: true}));
        }
        input.dispatchEvent(new Event("change", {bubbles: true}));
      })()`);
      await page.waitForTimeout(800);
      const runs = (await recomputes(page)) - start;
      expect(runs).toBeGreaterThanOrEqual(1);
      expect(runs).toBeLessThanOrEqual(2);
      expect(await page.locator("main").innerText()).not.toMatch(/\bNaN\b/);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("the configuration file round-trips and a bad one is named", async () => {
    const data = caseData("cruise");
    const {page, errors} = await open("explore?case=cruise&alpha=0.3&model=additive");
    try {
      await page.waitForSelector(".recompute-status");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", {name: "Save configuration (JSON)"}).click()
      ]);
      const text = readFileSync((await download.path())!, "utf8");
      const config = configFromJson(text, data.system, "cruise");
      expect(config.alpha).toBe(0.3);
      expect(config.model).toBe("additive");

      const bad = join(screenshotDir, "bad-configuration.json");
      writeFileSync(bad, JSON.stringify({...JSON.parse(text), alpha: 2, colour: "red"}));
      await page.setInputFiles(".config-file input[type=file]", bad);
      const message = await page.locator(".config-error").textContent();
      expect(message).toContain("alpha is 2; expected a number from 0 to 1");
      expect(message).toContain("colour is not a configuration field");
      expect(await page.locator("main").innerText()).not.toMatch(/\bNaN\b/);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("charts save as SVG and PNG", async () => {
    const {page, errors} = await open("explore?case=tourists");
    try {
      await page.waitForSelector(".recompute-status");
      const buttons = page.locator(".explore-results .chart-download").first();
      const [svg] = await Promise.all([
        page.waitForEvent("download"),
        buttons.getByRole("button", {name: "SVG"}).click()
      ]);
      const svgText = readFileSync((await svg.path())!, "utf8");
      expect(svgText.startsWith("<svg")).toBe(true);
      expect(svgText).toContain("Partners");
      const [png] = await Promise.all([
        page.waitForEvent("download"),
        buttons.getByRole("button", {name: "PNG"}).click()
      ]);
      const bytes = readFileSync((await png.path())!);
      expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(png.suggestedFilename()).toBe("value-matrix-tourists.png");
      expect(await page.locator("main").innerText()).not.toMatch(/\bNaN\b/);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe("AHP editor page", () => {
  test("edited judgments reach the live weights page", async () => {
    const data = caseData("cruise");
    const {page, errors} = await open("ahp?case=cruise&node=crv");
    try {
      await page.waitForSelector(".expert-consistency");
      const consistency = page.locator(".expert-consistency");
      const cr = async () => Number(await consistency.getAttribute("data-cr"));
      expect(await cr()).toBeLessThan(0.1);

      await page.selectOption('select[data-i="0"][data-j="2"]', {label: "1/9"});
      await expect.poll(cr).toBeGreaterThan(0.1);
      const inconsistent = await cr();
      await page.locator(".apply-suggestion").first().click();
      await expect.poll(cr).toBeLessThan(inconsistent);
      await page.click(".add-expert");
      // Three experts and the group.
      await expect.poll(() => page.locator(".group-table tbody tr").count()).toBe(4);
      await expect.poll(() => new URL(page.url()).searchParams.has("j.crv")).toBe(true);
      await shot(page, "ahp-edited");

      const config = configOf(page, data);
      expect(config.judgments.crv.matrices).toHaveLength(3);
      await page.goto(page.url().replace("/ahp?", "/explore?"));
      await page.waitForSelector(".recompute-status");
      const differences = await page.locator(".config-differences").textContent();
      expect(differences).toContain("AHP judgments of Customer-received value");
      expect(await classCounts(page)).toEqual(analyzeWithConfig(data, config).classes.counts);
      expect(await page.locator("main").innerText()).not.toMatch(/\bNaN\b/);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
