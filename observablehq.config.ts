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
  "/learn/": "分步导览",
  "/learn/idea": "1 · 基本思想：双方的价值",
  "/learn/index-system": "2 · 评价指标体系",
  "/learn/ahp": "3 · AHP：专家给出的权重",
  "/learn/objective-weights": "4 · 来自数据的权重",
  "/learn/scores": "5 · 得分",
  "/learn/relationship-value": "6 · 关系价值",
  "/learn/classes": "7 · 客户类别与发展目标",
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

document.addEventListener("DOMContentLoaded", () => apply(initial));
document.addEventListener("report-lang", (event) => apply(event.detail));
`;

export default {
  title: siteTitle.en,
  root: "src",
  output: "dist",
  style: "style.css",
  globalStylesheets: [],
  head: `<meta name="description" content="Hotel customer relationship management by relationship value: customer-received and hotel-received value, weights, classes and strategies.">
<link rel="icon" href="data:,">
<script>{${siteLanguage}}</script>`,
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
    {name: "Data & methods", path: "/data"}
  ],
  footer: `<span lang="en">Hotel relationship value: an open report. Data sources and licences
are on the Data &amp; methods page.</span><span lang="zh-CN">酒店客户关系价值：一份开放报告。
数据来源与许可见“数据与方法”页。</span>`,
  search: false
};
