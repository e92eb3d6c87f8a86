// "Explain this number": a figure of the report drawn as a button that opens a panel with how
// the library computed it (formula, inputs, steps, result). The explanation comes from
// lib/explain.ts and is computed only when the panel opens, so a table can hold many buttons.
// KaTeX is loaded with the first panel, so pages that only show the buttons do not load it.
import {html} from "npm:htl";
import {bi, currentLang, onLangChange, t} from "./i18n.js";

/** `math` of tex.js, once the first panel has loaded it. */
let math = null;

const styles = `
.explain-button {
  font: inherit; color: inherit; background: none; border: none; padding: 0; margin: 0;
  cursor: pointer; text-decoration: underline dotted; text-underline-offset: 0.2em;
  position: relative;
}
.explain-button:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
.explain-icon { font-size: 0.7em; margin-left: 0.1em; vertical-align: super; }
/* Hidden but read aloud. The button is its containing block, so that the hint stays inside
   a table's scroll box instead of widening the page. */
.explain-hint {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap;
}
.explain-panel {
  position: fixed; z-index: 1000; box-sizing: border-box;
  width: min(30rem, calc(100vw - 16px)); max-height: calc(100vh - 16px); overflow: auto;
  padding: 0.75rem 1rem; font-size: 14px; line-height: 1.4;
  background: var(--theme-background, #fff); color: var(--theme-foreground, #1b1e23);
  border: 1px solid var(--theme-foreground-faint, #ccc); border-radius: 6px;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.2);
}
.explain-panel:focus { outline: none; }
.explain-title { font-weight: 700; margin: 0 2.5rem 0.5rem 0; }
.explain-close { position: absolute; top: 0.5rem; right: 0.5rem; font: inherit; }
.explain-formula { overflow-x: auto; max-width: 100%; }
.explain-table { width: 100%; border-collapse: collapse; margin: 0.25rem 0; }
.explain-table caption { text-align: left; font-weight: 600; padding-top: 0.5rem; }
.explain-table th, .explain-table td {
  padding: 0.15rem 0.25rem; vertical-align: top; border-top: 1px solid
  var(--theme-foreground-faintest, #eee); font-weight: normal; text-align: left;
}
.explain-table td { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.explain-step { display: block; font-size: 0.9em; }
.explain-result th, .explain-result td { font-weight: 700; }
.explain-note { margin: 0.5rem 0 0; }
@media print {
  .explain-icon, .explain-panel { display: none; }
  .explain-button { text-decoration: none; }
}
`;

let styled = false;
let panelCount = 0;
/** The open panel's close function, so that opening another panel closes it. */
let closeOpen = null;

function addStyles() {
  if (styled) return;
  styled = true;
  document.head.append(html`<style>${styles}</style>`);
}

/**
 * Formats a value of an explanation: integers with grouping, other numbers with 6 significant
 * digits, very small or large ones in exponent form.
 */
export function formatExplained(x) {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return x.toLocaleString("en-US");
  const size = Math.abs(x);
  if (size < 1e-4 || size >= 1e7) return x.toExponential(4);
  return String(Number(x.toPrecision(6)));
}

function quantityRow(quantity, lang, className = "") {
  return html`<tr data-id=${quantity.id} class=${className}>
    <th scope="row">${math(quantity.symbol)} ${t(quantity.label, lang)}${quantity.formula
      ? html`<span class="explain-step">${math(quantity.formula)}</span>`
      : ""}</th>
    <td data-value=${String(quantity.value)}>${formatExplained(quantity.value)}</td>
  </tr>`;
}

function section(caption, quantities, lang) {
  if (quantities.length === 0) return "";
  return html`<table class="explain-table"><caption>${caption}</caption>
    <tbody>${quantities.map((quantity) => quantityRow(quantity, lang))}</tbody></table>`;
}

function panelContent(explanation, lang, titleId, close) {
  const closeButton = html`<button type="button" class="explain-close">${t(
    {en: "Close", zh: "关闭"}, lang)}</button>`;
  closeButton.addEventListener("click", () => close(true));
  return [
    html`<p class="explain-title" id=${titleId}>${t(explanation.title, lang)}</p>`,
    closeButton,
    html`<div class="explain-formula" tabindex="0" role="group"
      aria-label=${t({en: "Formula", zh: "公式"}, lang)}>${math(
      String.raw`\begin{gathered}${explanation.formula}\end{gathered}`, {display: true})}</div>`,
    section(t({en: "Inputs", zh: "输入"}, lang), explanation.inputs, lang),
    section(t({en: "Steps", zh: "计算步骤"}, lang), explanation.steps, lang),
    html`<table class="explain-table explain-result"><caption>${t(
      {en: "Result", zh: "结果"}, lang)}</caption><tbody>${quantityRow(
      explanation.result, lang, "explain-result-row")}</tbody></table>`,
    explanation.note ? html`<p class="explain-note">${t(explanation.note, lang)}</p>` : ""
  ];
}

/** Places the panel below the button, or above it when there is no room below. */
function place(panel, button) {
  const margin = 8;
  const box = button.getBoundingClientRect();
  const width = panel.offsetWidth;
  const height = panel.offsetHeight;
  const left = Math.max(margin, Math.min(box.left, window.innerWidth - width - margin));
  const below = box.bottom + 4;
  const top = below + height <= window.innerHeight - margin
    ? below
    : Math.max(margin, box.top - height - 4);
  panel.style.left = `${left}px`;
  panel.style.top = `${top}px`;
}

function focusables(panel) {
  return [...panel.querySelectorAll("button, [tabindex='0']")];
}

/**
 * Creates a figure of the report that explains itself: `text` (the formatted number) drawn
 * as a button which opens a panel with `explanation`, a lib/explain.ts Explanation or a
 * function returning one (called when the panel opens). The panel follows the report's
 * language. It closes on Escape, on its Close button, on a click outside it, and when Tab
 * leaves it; focus then returns to the figure. `kind` names the figure's kind in the
 * button's `data-explain` attribute, for styles and tests.
 *
 * Example: explain("0.4521", () => explainWeight(data, analysis, 0, "entropy"), {kind:
 * "entropy"}).
 */
export function explain(text, explanation, {kind} = {}) {
  addStyles();
  const id = `explain-panel-${++panelCount}`;
  const hint = bi(" (how it was computed)", "（计算过程）");
  const button = html`<button type="button" class="explain-button" aria-expanded="false"
    aria-haspopup="dialog" data-explain=${kind}>${text}<span class="explain-icon"
    aria-hidden="true">ⓘ</span><span class="explain-hint">${hint}</span></button>`;
  let panel = null;
  let stopLang = null;

  const onOutside = (event) => {
    if (panel && !panel.contains(event.target) && !button.contains(event.target)) close(false);
  };
  const onMove = () => {
    if (!button.isConnected) close(false);
    else if (panel) place(panel, button);
  };

  function close(returnFocus) {
    if (!panel) return;
    panel.remove();
    panel = null;
    stopLang?.();
    stopLang = null;
    closeOpen = null;
    button.setAttribute("aria-expanded", "false");
    button.removeAttribute("aria-controls");
    document.removeEventListener("pointerdown", onOutside, true);
    window.removeEventListener("scroll", onMove, true);
    window.removeEventListener("resize", onMove);
    if (returnFocus && button.isConnected) button.focus();
  }

  function render(lang) {
    const value = typeof explanation === "function" ? explanation() : explanation;
    panel.replaceChildren(...panelContent(value, lang, `${id}-title`, close));
    place(panel, button);
  }

  let loading = false;

  async function open() {
    closeOpen?.(false);
    if (!math) {
      loading = true;
      ({math} = await import("./tex.js"));
      loading = false;
    }

    panel = html`<div class="explain-panel" id=${id} role="dialog"
      aria-labelledby=${`${id}-title`} tabindex="-1"></div>`;
    panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        close(true);
      } else if (event.key === "Tab") {
        const items = focusables(panel);
        const leaving = event.shiftKey
          ? document.activeElement === items[0] || document.activeElement === panel
          : document.activeElement === items[items.length - 1];
        if (leaving) {
          event.preventDefault();
          close(true);
        }
      }
    });

    document.body.append(panel);
    render(currentLang());
    closeOpen = close;
    button.setAttribute("aria-expanded", "true");
    button.setAttribute("aria-controls", id);
    document.addEventListener("pointerdown", onOutside, true);
    window.addEventListener("scroll", onMove, true);
    window.addEventListener("resize", onMove);
    stopLang = onLangChange((lang) => (button.isConnected ? render(lang) : close(false)));
    panel.focus();
  }

  button.addEventListener("click", () => {
    if (panel) close(true);
    else if (!loading) open();
  });
  return html`<span class="explain">${button}</span>`;
}
