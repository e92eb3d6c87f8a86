// Chinese for the words and sentences that the library's analyses return in English: α bands,
// KMO readings, cleaning-rule settings, reasons why a statistic is missing, why a test was
// chosen. Each sentence is matched against the forms the library builds. A sentence of
// another form is shown in English, marked lang="en-GB" so that the Chinese page still shows
// it, and says so in its tooltip.
import {html} from "npm:htl";
import {valueClasses} from "../lib/classify.js";

/** Chinese names of the α bands of lib's alphaBand. */
export const bandNames = {
  good: {en: "good", zh: "良好"},
  acceptable: {en: "acceptable", zh: "可接受"},
  questionable: {en: "questionable", zh: "存疑"},
  poor: {en: "poor", zh: "较差"},
  negative: {en: "negative", zh: "负值"}
};

/** Kaiser's words for a KMO value (lib's kmoReading) with the usual Chinese readings. */
export const kmoNames = {
  marvellous: {en: "marvellous", zh: "非常适合"},
  meritorious: {en: "meritorious", zh: "很适合"},
  middling: {en: "middling", zh: "适合"},
  mediocre: {en: "mediocre", zh: "勉强适合"},
  miserable: {en: "miserable", zh: "很勉强"},
  unacceptable: {en: "unacceptable", zh: "不适合"}
};

/** Names of the tests of lib's classDifferences. */
export const testNames = {
  anova: {en: "ANOVA", zh: "单因素方差分析"},
  kruskal: {en: "Kruskal–Wallis", zh: "Kruskal–Wallis 检验"},
  none: {en: "none", zh: "无"}
};

// Class names inside a sentence, e.g. "Partners (12) has fewer than 5 members".
function classNamesZh(text) {
  let out = text;
  for (const info of valueClasses) out = out.split(info.label.en).join(info.label.zh);
  return out;
}

const orZh = (list) => list.replace(/ or /g, " 或 ");

// A whole-sentence pattern from pieces of regular-expression source, for long sentences.
const sentence = (...pieces) => new RegExp(`^${pieces.join("")}$`);

// A sentence that starts with a quoted cell, "text" or "start…" (N characters), then `rest`.
const cell = (rest) => new RegExp(`^"(.*)"(?: \\((\\d+) characters\\))?${rest}$`);
const quoted = (m) => (m[2] === undefined ? `“${m[1]}”` : `“${m[1]}”（共 ${m[2]} 个字符）`);

// The Chinese names of answer labels listed as "Strongly disagree (非常不同意), Agree (同意)".
function zhLabels(list) {
  const names = [...list.matchAll(/[^,(]+ \(([^)]+)\)/g)].map((m) => `“${m[1]}”`);
  return names.length > 0 ? names.join("、") : list;
}

// A valid range as lib's describeRange writes it: "a whole number ≥ 0", "a number from 0 to 1".
function zhRange(kind, from, to, atLeast, atMost) {
  const noun = kind === "a whole number" ? "整数" : "数";
  if (from !== undefined) return ` ${from} 到 ${to} 的${noun}`;
  if (atLeast !== undefined) return ` ≥ ${atLeast} 的${noun}`;
  if (atMost !== undefined) return ` ≤ ${atMost} 的${noun}`;
  return noun;
}

// [pattern, Chinese] pairs, tried in order against a whole sentence.
const sentences = [
  // Cleaning-rule settings (lib's cleaningReport).
  [
    /^items: integers (\S+)–(\S+); profile codes: (.+)$/,
    "题项：$1–$2 的整数；背景变量编码：$3"
  ],
  [/^items: integers (\S+)–(\S+)$/, "题项：$1–$2 的整数"],
  [/^answers must lie on their item's scale$/, "作答须在题项的量表范围内"],
  [/^an id repeated after its first row$/, "编号在首次出现之后重复"],
  [/^no id column, so rows are identified by their line number$/, "无编号列，按行号识别各行"],
  [
    /^id column (\S+): every repeat after the first row is dropped$/,
    "编号列 $1：首次出现之后的重复行全部剔除"
  ],
  [/^the attention-check item must get its passing answer$/, "注意力检测题须给出规定答案"],
  [/^no attention-check item$/, "无注意力检测题"],
  [/^(\S+) must be (.+)$/, (m) => `${m[1]} 须为 ${orZh(m[2])}`],
  [/^the same answer to every answered item$/, "所有已答题项作答相同"],
  [
    /^the same answer to all of at least (\d+) answered items, over (\d+) items$/,
    "在 $2 个题项中，至少 $1 个已答题项的作答全部相同"
  ],
  [
    /^every one of the (\d+) scored items answered \(listwise\)$/,
    "$1 个计分题项全部作答（成列删除）"
  ],
  // Notes of rules that could not flag anything.
  [
    /^the file has no id column; ids are line numbers, which are unique$/,
    "文件没有编号列；编号即行号，不会重复"
  ],
  [/^the questionnaire has no attention-check item$/, "问卷没有注意力检测题"],
  [
    sentence(
      String.raw`the battery has (\d+) items, fewer than the (\d+) the rule needs, so no row `,
      String.raw`can be flagged; with minItems (\d+) it would flag (\d+) rows`
    ),
    "量表只有 $1 个题项，少于该规则所需的 $2 个，因此不会标记任何行；" +
      "若 minItems 取 $3，将标记 $4 行"
  ],
  // Recodings.
  [/^empty cell → missing answer$/, "空单元格 → 缺失作答"],
  [
    /^ancillary share of a customer without revenue \(0 \/ 0\) → 0$/,
    "无收入客户的附加消费占比（0 / 0）→ 0"
  ],
  [
    /^Age 0 → unknown age band \(not a plausible customer age\)$/,
    "年龄 0 → 年龄段未知（不是合理的客户年龄）"
  ],
  [
    /^Nationality outside the (\d+) most frequent → "Other"$/,
    "最常见的 $1 个国籍以外的国籍 → “Other”"
  ],
  // What a cleaning rule found in a dropped row.
  [/^(\S+) = (\S+), expected an integer from (\S+) to (\S+)$/, "$1 = $2，应为 $3 到 $4 的整数"],
  [/^same id (\S+) as row (\d+)$/, "与第 $2 行编号 $1 相同"],
  [/^(\S+): answer (\S+), expected (.+)$/, (m) => `${m[1]}：作答 ${m[2]}，应为 ${orZh(m[3])}`],
  [/^all (\d+) answered items = (\S+)$/, "全部 $1 个已答题项均为 $2"],
  [/^missing (.+)$/, "缺失 $1"],
  // Item descriptives, α and validity.
  [
    /^no row answered every item, so listwise deletion leaves nothing$/,
    "没有一行回答了全部题项，成列删除后没有数据"
  ],
  [/^no row answered this item$/, "没有人回答该题项"],
  [
    sentence(
      String.raw`no survey item: its indicators are record fields, not Likert items, `,
      String.raw`so α does not apply`
    ),
    "无问卷题项：其指标是记录字段而非李克特题项，因此不适用 α"
  ],
  [
    sentence(
      String.raw`one item \((.+)\): α measures how consistently several items measure one `,
      String.raw`thing, so it needs at least two items`
    ),
    "只有一个题项（$1）：α 衡量多个题项测量同一事物的一致程度，至少需要两个题项"
  ],
  [
    sentence(
      String.raw`(\d+) complete rows for (\d+) items: fewer than 5 rows per item, so loadings `,
      String.raw`are unstable and can change much with a few respondents`
    ),
    "$2 个题项只有 $1 行完整数据：每个题项不足 5 行，载荷不稳定，" +
      "少数受访者就可能使其明显改变"
  ],
  // Answer scale suggested for a user's file (lib's inspectTable).
  [/^answer labels of a 7-point scale were found$/, "发现了 7 级量表的作答标签"],
  [
    /^no matched survey item has answers, and 1–5 is the most common scale$/,
    "已匹配的问卷题项都没有作答，而 1–5 是最常见的量表"
  ],
  [
    /^(\d+) of (\d+) answers to matched survey items are above 5$/,
    "已匹配问卷题项的 $2 个作答中有 $1 个大于 5"
  ],
  [
    sentence(
      String.raw`only (\d+) of (\d+) answers to matched survey items are above 5 \(up to (\d+)\), `,
      String.raw`which looks like data-entry errors; they are listed as problems`
    ),
    "已匹配问卷题项的 $2 个作答中只有 $1 个大于 5（最大为 $3），看起来像录入错误，已列为问题"
  ],
  [
    /^the largest answer to a matched survey item is (\S+)$/,
    "已匹配问卷题项的最大作答为 $1"
  ],
  // Recodings of the bookings file (lib's bookings.ts).
  [/^"NA" children → missing \(read as 0 by the no-guests rule\)$/, "“NA”儿童数 → 缺失（无入住客人规则按 0 计）"],
  [/^"NULL" agent → missing \(booked without a travel agent\)$/, "“NULL”代理 → 缺失（未经旅行代理预订）"],
  [/^"NULL" company → missing \(no company paid\)$/, "“NULL”公司 → 缺失（无公司付款）"],
  [/^"NULL" country → missing$/, "“NULL”国家 → 缺失"],
  // Recodings and reliability of a user's file (lib's buildUserCase, dimensionReliability).
  [/^problem cell → missing answer$/, "有问题的单元格 → 缺失作答"],
  [/^problem cell → value given$/, "有问题的单元格 → 指定的值"],
  [/^(\d+) survey items?; α needs at least 2$/, "$1 个问卷题项；α 至少需要 2 个"],
  [/^the items are on different scales$/, "这些题项的量表不同"],
  // Cells of a user's file that cannot be read (lib's readUserTable). A cell of more than 40
  // characters is quoted by its start and its length (lib's quoteText).
  [cell(" is outside the (\\S+)–(\\S+) scale"), (m) => `${quoted(m)}超出 ${m[3]}–${m[4]} 量表`],
  [
    cell(" is not a whole number, so it is not an answer of the (\\S+)–(\\S+) scale"),
    (m) => `${quoted(m)}不是整数，因此不是 ${m[3]}–${m[4]} 量表的作答`
  ],
  [
    cell(' is not a number in this file, whose decimal separator is ","'),
    (m) => `${quoted(m)}在本文件中不是数字（本文件的小数分隔符为逗号）`
  ],
  [
    cell(" is neither a number nor an answer label of the (\\S+)–(\\S+) scale"),
    (m) => `${quoted(m)}既不是数字，也不是 ${m[3]}–${m[4]} 量表的作答标签`
  ],
  [
    cell(
      " is not a number or a known answer label; valid answers are the whole numbers " +
        "(\\S+) to (\\S+) or one of the labels (.+)"
    ),
    (m) =>
      `${quoted(m)}既不是数字，也不是已知的作答标签；有效作答为 ${m[3]} 到 ${m[4]} 的整数，` +
      `或以下标签之一：${zhLabels(m[5])}`
  ],
  [
    cell(
      " is not a number or a known answer label; valid answers are the whole numbers " +
        "(\\S+) to (\\S+)"
    ),
    (m) => `${quoted(m)}既不是数字，也不是已知的作答标签；有效作答为 ${m[3]} 到 ${m[4]} 的整数`
  ],
  // A record value outside its range (lib's recordRange), e.g. −3 room nights.
  [
    cell(
      " is not a valid value; expected (a whole number|a number)" +
        "(?: from (\\S+) to (\\S+)| ≥ (\\S+)| ≤ (\\S+))?"
    ),
    (m) => `${quoted(m)}不是有效的值，应为${zhRange(m[3], m[4], m[5], m[6], m[7])}`
  ],
  // A binary file given as a table (lib's decodeText).
  [
    sentence(
      String.raw`(.+) is not a text file: it contains a NUL byte at byte (\d+); save the `,
      String.raw`table as UTF-8 CSV and read it again`
    ),
    "$1 不是文本文件：第 $2 个字节为 NUL 字节；请将表格另存为 UTF-8 CSV 后重新读取"
  ],
  [cell(" is neither a number nor one of the given labels"), (m) => `${quoted(m)}既不是数字，也不是给定的标签`],
  [cell(" is not a number"), (m) => `${quoted(m)}不是数字`],
  // Why a class test was chosen (lib's classDifferences), main clause only.
  [
    /^only (\d+) class has members, so there is nothing to compare$/,
    "只有 $1 个类别有成员，无从比较"
  ],
  [
    /^(.+) (?:has|have) fewer than (\d+) members$/,
    (m) => `${classNamesZh(m[1])}的成员少于 ${m[2]} 个`
  ],
  [/^Levene's test could not be computed$/, "无法计算 Levene 检验"],
  [
    /^Levene's test finds unequal variances \(p = (.+) < (.+)\)$/,
    "Levene 检验表明方差不齐（p = $1 < $2）"
  ],
  [
    sentence(
      String.raw`every class has at least (\d+) members and Levene's test finds no unequal `,
      String.raw`variances \(p = (.+) ≥ (.+)\)`
    ),
    "每个类别至少有 $1 个成员，且 Levene 检验未发现方差不齐（p = $2 ≥ $3）"
  ]
];

// Endings that the library appends to a sentence above.
const endings = [
  [", but ANOVA could not be computed", "，但无法计算方差分析"],
  [", and neither test could be computed", "，且两种检验都无法计算"],
  [", but Kruskal–Wallis could not be computed", "，但无法计算 Kruskal–Wallis 检验"]
];

/**
 * Translates one sentence of the forms the library builds into Chinese, or returns null for
 * a sentence of another form. Example: `zhSentence("missing F2, F3")` → "缺失 F2, F3".
 */
export function zhSentence(text) {
  for (const [ending, zh] of endings) {
    if (text.endsWith(ending)) {
      const head = zhSentence(text.slice(0, -ending.length));
      return head === null ? null : head + zh;
    }
  }
  for (const [pattern, zh] of sentences) {
    const match = pattern.exec(text);
    if (!match) continue;
    return typeof zh === "function" ? zh(match) : text.replace(pattern, zh);
  }
  return null;
}

/**
 * Shows a sentence of the library in the page's language: as given in English, or in
 * Chinese when its form is known. A sentence of an unknown form stays English on the Chinese
 * page, marked so. Returns text or an element.
 */
export function libText(text, lang) {
  if (lang !== "zh" || !text) return text;
  const zh = zhSentence(text);
  if (zh !== null) return zh;
  return html`<span lang="en-GB" title="英文原文">${text}</span>`;
}

/**
 * A row name of a cleaning audit in the page's language: "line 400" becomes "第 400 行" and
 * "T0539 (row 580)" becomes "T0539（第 580 行）".
 */
export function rowName(row, lang) {
  if (lang !== "zh") return row;
  return String(row)
    .replace(/^line (\d+)$/, "第 $1 行")
    .replace(/ \(row (\d+)\)$/, "（第 $1 行）");
}

/**
 * Shows an error message of the library after a sentence in the page's language, e.g.
 * `failure({en: "Not computed", zh: "未能计算"}, error.message, lang)`. The library's
 * message stays in English.
 */
export function failure(texts, message, lang) {
  const lead = lang === "zh" ? texts.zh : texts.en;
  return lang === "zh"
    ? html`${lead}：<span lang="en-GB">${message}</span>`
    : html`${lead}: ${message}`;
}

const sideNamesOf = {
  crv: {en: "CRV", zh: "顾客感知价值"},
  hrv: {en: "HRV", zh: "酒店获得价值"}
};

const listIn = (names, lang) => names.join(lang === "zh" ? "、" : ", ");

// One sentence a part, in both languages: constant indicators, then each constant axis.
function degenerateSentences(parts, {labelOf, dimensionLabel, classes}) {
  const en = [];
  const zh = [];
  if (parts.indicators.length > 0) {
    const labels = parts.indicators.map(labelOf);
    const namesEn = listIn(labels.map((l) => l.en), "en");
    const namesZh = listIn(labels.map((l) => l.zh), "zh");
    const plural = labels.length > 1;
    en.push(
      `${plural ? "The indicators" : "The indicator"} ${namesEn} ${plural ? "have" : "has"} ` +
        `the same value in every kept row, so ${plural ? "they score" : "it scores"} 0 for ` +
        "everyone and cannot tell customers apart."
    );
    zh.push(`指标 ${namesZh} 在所有保留的行中取值相同，因此每个人在这些指标上的得分都为 0，无法区分客户。`);
  }
  for (const axis of parts.axes) {
    const name = axis.kind === "side" ? sideNamesOf[axis.id] : dimensionLabel(axis.id);
    const score = Number(axis.score.toFixed(4));
    en.push(
      `${name.en} is ${score} for every customer, so every customer is on its ` +
        `${axis.high ? "high" : "low"} side (a score equal to the threshold counts as high) ` +
        `and the classes do not reflect ${name.en}.`
    );
    zh.push(
      `所有客户的${name.zh}都为 ${score}，因此都落在该轴${axis.high ? "高" : "低"}的一侧` +
        `（等于阈值的得分算作高），分类不反映${name.zh}。`
    );
  }
  if (parts.axes.length === 2) {
    const [x, y] = parts.axes;
    const info = classes.find((c) => c.highX === x.high && c.highY === y.high);
    en.push(`Every customer is in the class ${info.label.en}.`);
    zh.push(`所有客户都属于“${info.label.zh}”类。`);
  }
  return {en, zh};
}

/**
 * Builds a warning box, in both languages, for what an analysis cannot tell apart. `parts` is
 * lib's degenerateParts result ({indicators, axes}). Returns null when nothing is constant.
 * `labelOf(id)` gives an indicator's {en, zh} label and `dimensionLabel(id)` a dimension's.
 * The box's title follows `lang`. Example:
 * `degenerateWarning({indicators: ["price"], axes: []}, {labelOf, dimensionLabel, lang})`.
 */
export function degenerateWarning(parts, {labelOf, dimensionLabel, lang}) {
  if (!parts || (parts.indicators.length === 0 && parts.axes.length === 0)) return null;
  const {en, zh} = degenerateSentences(parts, {labelOf, dimensionLabel, classes: valueClasses});
  const checkEn =
    "Check that the columns hold the answers you expect and are mapped to the right items.";
  const checkZh = "请检查各列是否包含你预期的作答，以及是否匹配到了正确的题项。";
  const title = lang === "zh" ? "数据恒定，无法区分客户" : "Constant data cannot tell customers apart";
  return html`<div class="warning degenerate-warning" role="alert" label=${title}>
    <span lang="en">${en.join(" ")} ${checkEn}</span>
    <span lang="zh-CN">${zh.join("")}${checkZh}</span>
  </div>`;
}
