import {FileAttachment} from "observablehq:stdlib";

// FileAttachment needs literal paths, so every case file is declared here and a page picks
// one by the selected id.
export const caseFiles = {
  teaching: FileAttachment("../data/cases/teaching.json"),
  cruise: FileAttachment("../data/cases/cruise.json"),
  tourists: FileAttachment("../data/cases/tourists.json"),
  lisbon: FileAttachment("../data/cases/lisbon.json")
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
  }
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

/** Loads the CaseData of one case id. */
export function loadCase(id) {
  const file = caseFiles[id];
  if (!file)
    throw new Error(`unknown case "${id}"; expected one of ${Object.keys(caseFiles).join(", ")}`);
  return file.json();
}
