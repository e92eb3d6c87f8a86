import {html} from "npm:htl";
import {FileAttachment} from "observablehq:stdlib";
import {configDifferences} from "../lib/config.js";

const project = FileAttachment("../data/citation.json");

// Characters that BibTeX reads as commands or groups, with their escaped forms.
const bibtexEscapes = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}"
};

function escapeBibtex(text) {
  return text.replace(/[\\{}&%$#_~^]/g, (character) => bibtexEscapes[character]);
}

/** Lists the settings that differ from the published defaults, or says there are none. */
function settingsText(config) {
  // The language of the page is not a setting of the analysis.
  const differences = configDifferences(config).filter((d) => d.field !== "lang");
  if (differences.length === 0) return "the published default settings";
  const changes = differences.map((d) => `${d.field} = ${d.value} (default ${d.default})`);
  return `settings ${changes.join("; ")}`;
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

/** Writes the plain-text citation of an analysis: software, version, case, settings, address. */
function textCitation(meta, data, config, url) {
  const year = meta.built.slice(0, 4);
  return (
    `${meta.authors.join(", ")} (${year}). ${meta.title} (version ${meta.version}) ` +
    `[Computer software]. Analysis of the case "${data.title.en}" with ${settingsText(config)}. ` +
    `Built ${meta.built}; accessed ${today()} at ${url}. Data: ${data.source.citation}`
  );
}

/** Writes the BibTeX entry of an analysis, keyed by case and access date. */
function bibtexCitation(meta, data, config, url) {
  const key = `hotel_relationship_value_${data.id}_${today().replaceAll("-", "")}`;
  const fields = [
    ["author", `{${meta.authors.map(escapeBibtex).join(" and ")}}`],
    ["title", `{${escapeBibtex(meta.name)}}: analysis of the case ${escapeBibtex(data.title.en)}`],
    ["version", escapeBibtex(meta.version)],
    ["year", meta.built.slice(0, 4)],
    ["url", url],
    ["urldate", today()],
    [
      "note",
      escapeBibtex(
        `Run with ${settingsText(config)}. Built ${meta.built}. Data: ${data.source.citation}`
      )
    ]
  ];
  const lines = fields.map(([name, value]) => `  ${name} = {${value}}`);
  return `@software{${key},\n${lines.join(",\n")}\n}`;
}

async function copy(textarea, status, text) {
  try {
    await navigator.clipboard.writeText(textarea.value);
  } catch {
    // The clipboard API needs a secure context; selecting the text lets the reader copy it.
    textarea.select();
    if (!document.execCommand?.("copy")) {
      status.textContent = text.pressCopy;
      return;
    }
  }
  status.textContent = text.copied;
}

const texts = {
  en: {
    heading: "Cite this analysis",
    about: (version, built) =>
      `Version ${version}, built ${built}. The address records the case and the settings, ` +
      "so the link below opens the same analysis.",
    asText: "Citation as text",
    asBibtex: "Citation as BibTeX",
    copyText: "Copy text",
    copyBibtex: "Copy BibTeX",
    pressCopy: "Press Ctrl+C (⌘C) to copy the selected text.",
    copied: "Copied."
  },
  zh: {
    heading: "引用本分析",
    about: (version, built) =>
      `版本 ${version}，构建于 ${built}。网址记录了案例和各项设置，因此引用中的链接会打开同一分析。` +
      "引用采用英文格式，便于直接放入参考文献。",
    asText: "文本格式的引用",
    asBibtex: "BibTeX 格式的引用",
    copyText: "复制文本",
    copyBibtex: "复制 BibTeX",
    pressCopy: "请按 Ctrl+C（⌘C）复制所选文本。",
    copied: "已复制。"
  }
};

/**
 * Creates a "cite this analysis" box for a case and a report configuration, with a plain-text
 * citation and a BibTeX entry, each with a copy button. Both record the case, the settings
 * that differ from the published defaults, the software version, the build and access dates
 * and the page's address, whose query carries the settings. The address is read again at each
 * copy, so later changes to the query are included. The box's own texts are in `lang` ("en"
 * or "zh"); the citations themselves are in English.
 */
export async function citeAnalysis(data, config, lang = "en") {
  const meta = await project.json();
  const words = texts[lang] ?? texts.en;
  const text = html`<textarea rows="4" readonly aria-label=${words.asText}></textarea>`;
  const bibtex = html`<textarea rows="9" readonly aria-label=${words.asBibtex}></textarea>`;
  const status = html`<span class="muted" aria-live="polite"></span>`;
  const refresh = () => {
    text.value = textCitation(meta, data, config, location.href);
    bibtex.value = bibtexCitation(meta, data, config, location.href);
  };
  const button = (label, textarea) => {
    const element = html`<button type="button">${label}</button>`;
    element.onclick = () => {
      refresh();
      copy(textarea, status, words);
    };
    return element;
  };
  refresh();
  return html`<div class="card cite-analysis">
    <h3>${words.heading}</h3>
    <p class="muted">${words.about(meta.version, meta.built)}</p>
    ${text}
    <p>${button(words.copyText, text)}</p>
    ${bibtex}
    <p>${button(words.copyBibtex, bibtex)} ${status}</p>
  </div>`;
}
