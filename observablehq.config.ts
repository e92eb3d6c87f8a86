// Site configuration of the report. The site builds with no network: fonts are not linked
// (globalStylesheets is empty) and search stays off because its index library would have to
// come from a CDN.
//
// The report has two languages (English, Simplified Chinese with `?lang=zh`). The script in
// `head` runs before the page is drawn: it sets `<html lang>`, which the stylesheet uses to
// show one language's prose, and translates the parts Framework draws (sidebar, pager, table
// of contents, window title). Pages switch language with src/components/i18n.js.

const siteTitle = {en: "Hotel relationship value", zh: "酒店客户关系价值"};

// Chinese names of the pages, keyed by path from the site root.
const pageNamesZh: Record<string, string> = {
  "/": "概览",
  "/index-system": "指标体系",
  "/weights": "权重",
  "/value": "关系价值",
  "/classes": "客户分类",
  "/strategies": "策略",
  "/survey-cleaning": "数据清洗审计",
  "/survey-items": "样本与题项",
  "/reliability": "信度",
  "/validity": "效度",
  "/profiles": "类别画像",
  "/sensitivity": "敏感性",
  "/countermeasures": "对策",
  "/explore": "探索权重",
  "/ahp": "AHP 编辑器",
  "/your-data": "你的数据",
  "/data": "数据与方法",
  "/glossary": "术语表",
  "/benchmarks": "性能基准",
  "/learn/": "开始导览",
  "/learn/idea": "1 · 基本思想",
  "/learn/index-system": "2 · 指标体系",
  "/learn/ahp": "3 · AHP",
  "/learn/objective-weights": "4 · 客观权重",
  "/learn/scores": "5 · 得分",
  "/learn/relationship-value": "6 · 关系价值",
  "/learn/classes": "7 · 客户类别",
  "/learn/strategies": "8 · 策略"
};

// Chinese names of the sidebar's sections and of Framework's own labels, keyed by English.
const chromeNamesZh: Record<string, string> = {
  "Empirical analysis": "实证分析",
  "Interactive": "交互工具",
  "Guided tour": "分步导览",
  "Contents": "目录"
};

// Sets `<html lang>` from `?lang=` at once, then translates the sidebar, pager, table of
// contents and window title, now and whenever a page switches language (the "report-lang"
// event). Links in the sidebar and pager carry `lang`, which Framework's own links drop. It is
// plain browser JavaScript in a string: a function's source would carry the config loader's
// helpers with it.
const siteLanguage = `
const pages = ${JSON.stringify(pageNamesZh)};
const chrome = ${JSON.stringify(chromeNamesZh)};
const title = ${JSON.stringify(siteTitle)};
const tags = {en: "en", zh: "zh-CN"};
const initial = new URLSearchParams(location.search).get("lang") === "zh" ? "zh" : "en";
document.documentElement.lang = tags[initial];
const english = new Map();

function rename(element, text, zh) {
  if (!english.has(element)) english.set(element, element.textContent);
  element.textContent = zh && text ? text : english.get(element);
}

function apply(lang) {
  const zh = lang === "zh";
  const home = document.querySelector("#observablehq-sidebar a");
  const root = home ? new URL(home.href).pathname : "/";
  const pathOf = (url) =>
    ("/" + url.pathname.slice(root.length)).replace(/[.]html$/, "").replace(/[/]index$/, "/");
  for (const a of document.querySelectorAll("#observablehq-sidebar a, #observablehq-footer nav a")) {
    const url = new URL(a.href);
    rename(a.querySelector("span") || a, a === home ? title.zh : pages[pathOf(url)], zh);
    if (zh) url.searchParams.set("lang", "zh");
    else url.searchParams.delete("lang");
    a.href = url.href;
  }
  for (const summary of document.querySelectorAll("#observablehq-sidebar summary")) {
    rename(summary, chrome[english.get(summary) || summary.textContent], zh);
  }
  const toc = document.querySelector("#observablehq-toc");
  const tocTitle = toc && toc.querySelector("nav > div");
  if (tocTitle) rename(tocTitle, chrome[english.get(tocTitle) || tocTitle.textContent], zh);
  // Headings of the other language are hidden, so are their entries.
  for (const a of toc ? toc.querySelectorAll("a[href^='#']") : []) {
    const heading = document.getElementById(decodeURIComponent(a.hash.slice(1)));
    const block = heading && heading.closest("[lang]:not(html)");
    const hidden = block ? block.getAttribute("lang") !== tags[lang] : false;
    const item = a.closest("li");
    if (item) item.hidden = hidden;
  }
  if (!english.has(document)) english.set(document, document.title);
  const name = pages[pathOf(new URL(location.href))];
  document.title = zh && name ? name + " | " + title.zh : english.get(document);
}

// Markdown turns a line break inside a paragraph into a space, which Chinese does not put
// between characters. Such spaces between two Chinese characters or punctuation marks are
// removed from the page's text as it is drawn.
const cjkBreak = /([\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef])[ \\t]*\\n\\s*(?=[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef])/g;
function joinChineseLines(root) {
  const join = (text) => {
    if (text.data.includes("\\n")) text.data = text.data.replace(cjkBreak, "$1");
  };
  if (root.nodeType === Node.TEXT_NODE) join(root);
  if (root.nodeType !== Node.ELEMENT_NODE) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) join(walker.currentNode);
}
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) joinChineseLines(node);
}).observe(document.documentElement, {childList: true, subtree: true});

document.addEventListener("DOMContentLoaded", () => {
  joinChineseLines(document.body);
  apply(initial);
});
document.addEventListener("report-lang", (event) => apply(event.detail));
`;

// Names the controls that Observable Inputs and Framework draw without a label, and marks each
// chart with a text alternative as one image, as they appear on the page. A slider takes the
// label of its form, a table's row checkbox a "select row" name in the page's language, the
// sidebar toggle a name; a scroll box takes the focus; a chart without a name takes its
// card's heading. Plot's own labels of marks ("dot", "rule") are dropped from the
// accessibility tree, because the chart's aria-label and aria-description carry its meaning.
const siteAccessibility = `
const selectNames = {
  en: {row: "Select row", all: "Select all rows", sidebar: "Toggle sidebar", chart: "Chart"},
  zh: {row: "选择此行", all: "选择全部行", sidebar: "显示或隐藏侧边栏", chart: "图表"}
};
let labelCount = 0;

function nameControls(force) {
  const names = selectNames[document.documentElement.lang === "zh-CN" ? "zh" : "en"];
  const toggle = document.getElementById("observablehq-sidebar-toggle");
  if (toggle) toggle.setAttribute("aria-label", names.sidebar);
  for (const input of document.querySelectorAll("form input[type=range]:not([aria-labelledby])")) {
    const label = input.closest("form").querySelector("label");
    if (!label || input.labels.length > 0) continue;
    if (!label.id) label.id = "control-label-" + ++labelCount;
    input.setAttribute("aria-labelledby", label.id);
  }
  const boxes = force
    ? "table input[type=checkbox]"
    : "table input[type=checkbox]:not([aria-label])";
  for (const box of document.querySelectorAll(boxes)) {
    if (box.labels.length > 0) continue;
    box.setAttribute("aria-label", box.closest("thead") ? names.all : names.row);
  }
  // A box that scrolls must take the focus, so that keys can scroll it: Inputs' tables, code
  // blocks, tables, and wrappers whose class names a scroll box or a wrapper.
  for (const box of document.querySelectorAll("main form:not([tabindex]) > table")) {
    box.parentElement.tabIndex = 0;
  }
  for (const box of document.querySelectorAll(
    "main :is(pre, table, [class*=scroll], [class*=wrap]):not([tabindex])"
  )) {
    const style = getComputedStyle(box);
    const scrolls = /auto|scroll/.test(style.overflowX + style.overflowY);
    if (scrolls && (box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight)) {
      box.tabIndex = 0;
    }
  }
  for (const svg of document.querySelectorAll("main svg:not([role])")) {
    if (svg.parentElement.closest("svg") || !svg.querySelector("[aria-label]")) continue;
    // A chart drawn without a name is named after the heading of its card or section.
    if (!svg.hasAttribute("aria-label")) {
      const card = svg.closest(".card, figure, section") || svg.parentElement;
      const heading = card.querySelector("h2, h3, figcaption");
      svg.setAttribute("aria-label", (heading && heading.innerText.trim()) || names.chart);
    }
    svg.setAttribute("role", "img");
    for (const mark of svg.querySelectorAll("[aria-label]")) mark.setAttribute("aria-hidden", "true");
  }
}

let pending = false;
new MutationObserver(() => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    nameControls(false);
  });
}).observe(document.documentElement, {childList: true, subtree: true});
document.addEventListener("DOMContentLoaded", () => {
  // Framework puts the sidebar's close button inside its first list, where only items belong.
  const close = document.getElementById("observablehq-sidebar-close");
  if (close && close.parentElement.tagName === "OL") close.parentElement.before(close);
  nameControls(false);
});
document.addEventListener("report-lang", () => nameControls(true));
`;

export default {
  title: siteTitle.en,
  root: "src",
  output: "dist",
  style: "style.css",
  globalStylesheets: [],
  head: `<meta name="description" content="Hotel customer relationship management by relationship value: customer-received and hotel-received value, weights, classes and strategies.">
<link rel="icon" href="data:,">
<script>{${siteLanguage}}{${siteAccessibility}}</script>`,
  pages: [
    {name: "Index system", path: "/index-system"},
    {name: "Weights", path: "/weights"},
    {name: "Relationship value", path: "/value"},
    {name: "Classification", path: "/classes"},
    {name: "Strategies", path: "/strategies"},
    {
      name: "Empirical analysis",
      pages: [
        {name: "Cleaning audit", path: "/survey-cleaning"},
        {name: "Sample and items", path: "/survey-items"},
        {name: "Reliability", path: "/reliability"},
        {name: "Validity", path: "/validity"},
        {name: "Class profiles", path: "/profiles"},
        {name: "Sensitivity", path: "/sensitivity"},
        {name: "Countermeasures", path: "/countermeasures"}
      ]
    },
    {
      name: "Interactive",
      pages: [
        {name: "Explore weights", path: "/explore"},
        {name: "AHP editor", path: "/ahp"},
        {name: "Your data", path: "/your-data"}
      ]
    },
    {
      name: "Guided tour",
      pages: [
        {name: "Start the tour", path: "/learn/"},
        {name: "1 · The idea", path: "/learn/idea"},
        {name: "2 · Index system", path: "/learn/index-system"},
        {name: "3 · AHP", path: "/learn/ahp"},
        {name: "4 · Objective weights", path: "/learn/objective-weights"},
        {name: "5 · Scores", path: "/learn/scores"},
        {name: "6 · Relationship value", path: "/learn/relationship-value"},
        {name: "7 · Classes", path: "/learn/classes"},
        {name: "8 · Strategies", path: "/learn/strategies"}
      ]
    },
    {name: "Glossary", path: "/glossary"},
    {name: "Benchmarks", path: "/benchmarks"},
    {name: "Data & methods", path: "/data"}
  ],
  footer: `<span lang="en">Hotel relationship value: an open report. Data sources and licences
are on the Data &amp; methods page.</span><span lang="zh-CN">酒店客户关系价值：一份开放报告。
数据来源与许可见“数据与方法”页。</span>`,
  search: false
};
