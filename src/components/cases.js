import {FileAttachment} from "observablehq:stdlib";
import {html} from "npm:htl";
import {readCaseFile} from "../lib/compactCase.js";
import {bi, currentLang, onLangChange, t} from "./i18n.js";

// FileAttachment needs literal paths, so every case file is declared here and a page picks
// one by the selected id.
export const caseFiles = {
  teaching: FileAttachment("../data/cases/teaching.json"),
  cruise: FileAttachment("../data/cases/cruise.json"),
  tourists: FileAttachment("../data/cases/tourists.json"),
  lisbon: FileAttachment("../data/cases/lisbon.json"),
  bookings: FileAttachment("../data/cases/bookings.json")
};

/**
 * The cases of the report in selector order, with what the selector shows before loading:
 * `name` in English and Chinese.
 */
export const caseCatalog = [
  {id: "teaching", name: {en: "Teaching case", zh: "教学案例"}, kind: "survey", synthetic: true},
  {id: "cruise", name: {en: "Cruise passengers", zh: "邮轮乘客"}, kind: "survey", synthetic: false},
  {id: "tourists", name: {en: "Holiday tourists", zh: "度假游客"}, kind: "survey", synthetic: false},
  {
    id: "lisbon",
    name: {en: "Lisbon hotel customers", zh: "里斯本酒店客户"},
    kind: "records",
    synthetic: false
  },
  {id: "bookings", name: {en: "Hotel bookings", zh: "酒店预订"}, kind: "records", synthetic: false}
];

const provenanceZh = {
  "real survey": "真实问卷",
  "synthetic survey": "模拟问卷",
  "real records": "真实记录",
  "synthetic records": "模拟记录"
};

/**
 * Describes a case or a loaded CaseData: "real survey", "synthetic survey", "real records";
 * with `lang` "zh" in Chinese ("真实问卷", "模拟问卷", "真实记录").
 */
export function provenance({kind, synthetic}, lang = "en") {
  const text = `${synthetic ? "synthetic" : "real"} ${kind === "records" ? "records" : "survey"}`;
  return lang === "zh" ? provenanceZh[text] : text;
}

// One download per case and page: every cell that requests a case gets the same download. A
// failed download is forgotten, so that a new request retries it.
const loading = new Map();

/**
 * Downloads a case file and reports the bytes received so far to the download's listeners.
 * It uses XMLHttpRequest, whose progress events count the bytes as they arrive. Chromium
 * logs a fetch whose body is read as a stream as aborted even after every byte arrived, so
 * real failures would hide among false ones in the network log.
 */
function download(file, progress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("GET", file.href);
    request.responseType = "text";
    request.onprogress = (event) => {
      // With a compressed response, `loaded` counts compressed bytes against its own total.
      progress.received = event.loaded;
      if (event.lengthComputable) progress.total = event.total;
      for (const listener of progress.listeners) listener(progress);
    };
    request.onerror = () => reject(new Error(`${file.name}: download failed (network error)`));
    request.onload = () => {
      if (request.status !== 200) {
        reject(new Error(`${file.name}: download failed with HTTP status ${request.status}`));
        return;
      }
      try {
        resolve(readCaseFile(JSON.parse(request.responseText)));
      } catch (error) {
        reject(new Error(`${file.name}: ${error.message}`));
      }
    };
    request.send();
  });
}

/** Starts or joins the download of one case and returns its entry in `loading`. */
function caseDownload(id) {
  const file = caseFiles[id];
  if (!file)
    throw new Error(`unknown case "${id}"; expected one of ${Object.keys(caseFiles).join(", ")}`);
  if (!loading.has(id)) {
    const progress = {received: 0, total: file.size, listeners: new Set()};
    const request = download(file, progress).catch((error) => {
      loading.delete(id);
      throw error;
    });
    loading.set(id, {request, progress});
  }
  return loading.get(id);
}

/**
 * Loads the CaseData of one case id, decoding a file in the column layout (see
 * `lib/compactCase.ts`). Throws on an id that is not in `caseFiles`.
 */
export function loadCase(id) {
  return caseDownload(id).request;
}

/** Case files from this size up announce their download while it runs. */
const announcedBytes = 200_000;

const megabytes = (bytes) => (bytes / 1e6).toFixed(1);

/**
 * Creates a status line, in both languages, that names the case being downloaded, its size
 * and a progress bar of the bytes received while a large case file (200 kB or more) arrives.
 * It empties itself once the case is loaded or has failed, and small files show nothing.
 * Example: the bookings case shows "Loading Hotel bookings: 0.8 of 2.0 MB…" and a bar.
 */
export function caseLoadingNote(id) {
  const entry = caseCatalog.find((c) => c.id === id);
  const file = caseFiles[id];
  const note = html`<div class="loading-note" role="status" aria-live="polite"></div>`;
  if (!entry || !file || !(file.size >= announcedBytes)) return note;

  const {request, progress} = caseDownload(id);
  const name = bi(`Loading ${entry.name.en}`, `正在加载${entry.name.zh}`);
  const bar = html`<progress max=${file.size} value="0"></progress>`;
  // The bar's name follows the page's language, as the visible text does.
  const nameBar = (lang) => bar.setAttribute("aria-label", t(entry.name, lang));
  nameBar(currentLang());
  const stopNaming = onLangChange(nameBar);
  const amount = html`<span aria-hidden="true"></span>`;
  const show = ({received, total}) => {
    bar.max = total;
    bar.value = Math.min(received, total);
    amount.textContent = `: ${megabytes(received)} / ${megabytes(total)} MB…`;
  };
  show(progress);
  note.append(name, amount, " ", bar);
  progress.listeners.add(show);
  const clear = () => {
    progress.listeners.delete(show);
    stopNaming();
    note.replaceChildren();
  };
  request.then(clear, clear);
  return note;
}

const illustrativeZh =
  "为本报告编写的示例性判断，用于演示 AHP 的计算过程。它们并非征询自酒店管理者或研究者；" +
  "在依据 AHP 权重下结论之前，请换成真实的专家判断。";
const surveyBookZh = "（该书配套代码库，GPL-3.0）";

/**
 * Chinese versions of the free-text notes that the case files give in English: the note on
 * the expert judgments, the experts' names and the note on the source. A page shows them
 * when the language is Chinese.
 */
export const caseNotesZh = {
  teaching: {
    experts:
      "模拟判断：每位专家在同一组基准判断上加入扰动（Saaty 标度）。专家 5（酒店管理专业讲师）" +
      "被有意设置为不一致（在三个及以上元素的每个节点上 CR > 0.1）；其他专家的 CR < 0.1。",
    expertNames: [
      "专家 1（总经理）",
      "专家 2（收益经理）",
      "专家 3（前厅经理）",
      "专家 4（市场总监）",
      "专家 5（酒店管理专业讲师）"
    ],
    source:
      "模拟数据：没有真实客人填写过这份问卷。数据来自一个有文档说明、潜在价值已知的模型，" +
      "因此方法的每一步都可以核对。"
  },
  cruise: {
    experts: illustrativeZh,
    expertNames: ["专家 A（示例）", "专家 B（示例）"],
    source:
      "调查对象是邮轮乘客而非酒店客人；采用 1–7 级同意量表。没有题项测量社会价值、感知付出、" +
      `当前价值或关系成本。${surveyBookZh}`
  },
  tourists: {
    experts: illustrativeZh,
    expertNames: ["专家 A（示例）", "专家 B（示例）"],
    source:
      "调查对象是度假游客而非酒店客人；采用 1–5 级同意量表。每个已测维度只有一个题项，" +
      `因此无法估计维度内的信度。${surveyBookZh}`
  },
  lisbon: {
    experts: illustrativeZh,
    expertNames: ["专家 A（示例）", "专家 B（示例）"],
    source:
      "已发表文件的 20% 无放回简单随机样本（83,590 位客户中的 16,718 位），并撤销了抽样时所做的" +
      "均值填补；计数和总额约为该酒店的五分之一。样本不含姓名和证件的哈希值，因此无法合并同一人" +
      "的重复记录：有 131 行（其中 67 行为入住过的客户）除编号外各列都与另一行相同。"
  },
  bookings: {
    experts: illustrativeZh,
    expertNames: ["专家 A（示例）", "专家 B（示例）"],
    source:
      "一家度假酒店（阿尔加维）和一家城市酒店（里斯本）的预订记录，抵达日期为 2015 年 7 月至 " +
      "2017 年 8 月，取自将两者合并并加上酒店列的文件。每行是一笔预订而非一位客户：文件没有" +
      "预订编号或客人编号，因此每行以其行号标识，回头生意只能通过回头客标记和既往预订次数看出。" +
      "有 31,994 行与之前某行的各列完全相同；它们被保留，因为相同房型的团体预订看起来就是这样。"
  }
};
