import {readdirSync} from "node:fs";
import {join, relative, sep} from "node:path";
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";

/** Path of the Chromium binary (CHROMIUM_PATH, default /usr/bin/chromium). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Languages of the report as they appear in `?lang=`. */
export const reportLanguages = ["en", "zh"] as const;

/**
 * Lists the pages of a built site: every .html file except those in Framework's "_" asset
 * folders, as paths relative to `root` with "/" separators. Returns [] when `root` is missing.
 */
export function listPages(root: string): string[] {
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

/** Starts headless Chromium with no sandbox, GPU or background network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
  });
}

/**
 * Opens a new context of `width` × 900 px whose requests may reach `origin` only; requests to
 * other hosts are aborted. Page errors are collected in `errors`.
 */
export async function openPage(
  browser: Browser,
  origin: string,
  width: number
): Promise<{context: BrowserContext; page: Page; errors: string[]}> {
  const context = await browser.newContext({viewport: {width, height: 900}});
  await context.route("**/*", (route) =>
    new URL(route.request().url()).origin === origin
      ? route.continue()
      : route.abort("blockedbyclient")
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${error.name}: ${error.message}`));
  return {context, page, errors};
}

/**
 * Loads `url` and waits until no cell shows Framework's loading indicator, the network is
 * idle and two frames have been drawn, so that charts sized from the page width are done.
 */
export async function loadPage(page: Page, url: string, timeout = 30_000): Promise<void> {
  await page.goto(url, {waitUntil: "load", timeout});
  await page.waitForFunction(() => !document.querySelector("observablehq-loading"), null, {
    timeout
  });
  await page.waitForLoadState("networkidle", {timeout});
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
  );
}

/** Returns `path` with `?lang=` set, keeping any query it has. */
export function withLang(path: string, lang: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;
}
