// Texts that follow the report language inside elements a page makes once and keeps, such as
// the options of a select or the aria-label of an input. An option or an attribute holds one
// text only, so it cannot carry both languages the way i18n.js's bi() spans do. Instead the
// element stores both texts, and every marked element on the page is rewritten when the
// language changes.
import {currentLang, onLangChange} from "./i18n.js";

const attribute = "data-local-texts";

function apply(element, lang) {
  const texts = JSON.parse(element.getAttribute(attribute));
  for (const [name, text] of Object.entries(texts)) {
    const value = lang === "zh" && typeof text.zh === "string" ? text.zh : text.en;
    if (name === "text") element.textContent = value;
    else element.setAttribute(name, value);
  }
}

/**
 * Sets an element's text ("text") and attributes in the current language, and again whenever
 * the language changes while the element is on the page. `texts` maps "text" or an attribute
 * name to {en, zh}. Returns the element.
 * Example: `localize(option, {text: {en: "not used", zh: "不使用"}})`.
 */
export function localize(element, texts) {
  element.setAttribute(attribute, JSON.stringify(texts));
  apply(element, currentLang());
  return element;
}

onLangChange((lang) => {
  for (const element of document.querySelectorAll(`[${attribute}]`)) apply(element, lang);
});
