// The report's two languages. English is the default; `?lang=zh` in the address shows
// Simplified Chinese. The language lives in the address (so links carry it) and in
// `<html lang>`, which the site's stylesheet uses to hide the prose of the other language:
//
//   <div lang="en">English paragraph</div>
//   <div lang="zh-CN">中文段落</div>
//
// Cells that draw text (charts, tables, messages) depend on the reactive value of the
// toggle, `const lang = view(langToggle())`, and re-run when it changes.
import * as Inputs from "npm:@observablehq/inputs";
import {html} from "npm:htl";
import {carryQuery, readParam, writeParam} from "./urlState.js";

/** The report's languages as they appear in `?lang=`. */
export const languages = ["en", "zh"];

/** The `<html lang>` value (BCP 47 tag) of each report language. */
export const languageTag = {en: "en", zh: "zh-CN"};

/** The locale for numbers and dates of each report language. */
export const numberLocale = {en: "en-US", zh: "zh-CN"};

// The event sent on `document` when the language changes. The site's head script translates
// the sidebar, the pager and the window title on it.
const changeEvent = "report-lang";

/** Returns the language in the address: "zh" for `?lang=zh`, otherwise "en". */
export function currentLang() {
  return readParam("lang", "en", languages);
}

/**
 * Switches the report language without a reload: writes `?lang=` to the address and the
 * site's links, sets `<html lang>` and notifies listeners. Throws on a language other than
 * "en" or "zh". Example: `setLang("zh")` → address gets `?lang=zh`, `<html lang="zh-CN">`.
 */
export function setLang(lang) {
  if (!languages.includes(lang)) {
    throw new Error(`unknown language "${lang}"; expected one of ${languages.join(", ")}`);
  }
  writeParam("lang", lang);
  document.documentElement.lang = languageTag[lang];
  document.dispatchEvent(new CustomEvent(changeEvent, {detail: lang}));
}

/**
 * Calls `callback(lang)` on every later language change; returns a function that stops it.
 * For use with Framework's `Generators.observe`, see `observeLang`.
 */
export function onLangChange(callback) {
  const listener = (event) => callback(event.detail);
  document.addEventListener(changeEvent, listener);
  return () => document.removeEventListener(changeEvent, listener);
}

/**
 * Reports the language now and at every change, in the form `Generators.observe` expects:
 * `const lang = Generators.observe(observeLang)` gives a reactive "en" or "zh" on a page
 * whose toggle is elsewhere.
 */
export function observeLang(notify) {
  notify(currentLang());
  return onLangChange(notify);
}

/**
 * Creates the language toggle: two buttons, "English" and "中文", whose pressed state shows
 * the current language. Its value is "en" or "zh", so `const lang = view(langToggle())` gives
 * pages a reactive language. Pressing a button calls `setLang`.
 */
export function langToggle() {
  const lang = currentLang();
  const button = (code, text) => html`<button type="button" class="lang-option"
    lang=${languageTag[code]} data-lang=${code} aria-pressed=${String(code === lang)}>${text}</button>`;
  const form = html`<form class="lang-toggle" role="group" aria-label="Language 语言">
    ${button("en", "English")}${button("zh", "中文")}</form>`;
  let value = lang;
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("click", (event) => {
    const target = event.target.closest("button[data-lang]");
    if (!target || target.dataset.lang === value) return;
    value = target.dataset.lang;
    for (const b of form.querySelectorAll("button")) {
      b.setAttribute("aria-pressed", String(b.dataset.lang === value));
    }
    setLang(value);
    form.dispatchEvent(new Event("input", {bubbles: true}));
  });
  Object.defineProperty(form, "value", {get: () => value});
  document.documentElement.lang = languageTag[lang];
  carryQuery();
  return form;
}

/**
 * Picks the text of the current language from `{en, zh}`, falling back to English when the
 * Chinese text is missing. Throws when `strings` has no English text.
 * Example: `t({en: "Weights", zh: "权重"}, "zh")` → "权重".
 */
export function t(strings, lang) {
  if (!strings || typeof strings.en !== "string") {
    throw new TypeError(`expected {en, zh} texts, got ${JSON.stringify(strings)}`);
  }
  return lang === "zh" && typeof strings.zh === "string" ? strings.zh : strings.en;
}

/**
 * Returns the name of a labelled object of the library (indicator, dimension, side, class) in the
 * current language. Example: `label({en: "Service value", zh: "服务价值"}, "zh")` → "服务价值".
 */
export function label(l, lang) {
  return t(l, lang);
}

/**
 * Creates an inline element holding both texts, each marked with its language; the site's
 * stylesheet shows the one of the current language. For labels that should not be re-created
 * when the language changes, such as those of inputs: `Inputs.radio(xs, {label: bi("Model",
 * "模型")})`. Accepts `bi({en, zh})` too.
 */
export function bi(en, zh) {
  const texts = typeof en === "object" ? en : {en, zh};
  return html`<span class="bi"><span lang="en">${texts.en}</span><span lang="zh-CN"
    >${texts.zh ?? texts.en}</span></span>`;
}

/**
 * Formats a number with the grouping of the language's locale.
 * Example: `formatCount(12741, "zh")` → "12,741".
 */
export function formatCount(x, lang) {
  return x.toLocaleString(numberLocale[lang] ?? "en-US");
}

/**
 * Creates an `Inputs.select` whose option texts follow the language: `format(d, lang)` gives
 * the text of option `d`. Option elements can hold text only, so the texts are rewritten on
 * every language change instead of holding both languages. Other options go to Inputs.select.
 */
export function localizedSelect(data, {format, ...options}) {
  const values = Array.from(data);
  const input = Inputs.select(values, {...options, format: (d) => format(d, currentLang())});
  // The listener stays for the page's life; a select no longer on the page is skipped.
  onLangChange((lang) => {
    if (!input.isConnected) return;
    for (const option of input.querySelectorAll("option")) {
      option.textContent = format(values[+option.value], lang);
    }
  });
  return input;
}
