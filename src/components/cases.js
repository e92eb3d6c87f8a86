import {FileAttachment} from "observablehq:stdlib";

// FileAttachment needs literal paths, so every case file is declared here and a page picks
// one by the selected id.
export const caseFiles = {
  teaching: FileAttachment("../data/cases/teaching.json"),
  cruise: FileAttachment("../data/cases/cruise.json"),
  tourists: FileAttachment("../data/cases/tourists.json"),
  lisbon: FileAttachment("../data/cases/lisbon.json")
};

/** The cases of the report in selector order, with what the selector shows before loading. */
export const caseCatalog = [
  {id: "teaching", name: "Teaching case", kind: "survey", synthetic: true},
  {id: "cruise", name: "Cruise passengers", kind: "survey", synthetic: false},
  {id: "tourists", name: "Holiday tourists", kind: "survey", synthetic: false},
  {id: "lisbon", name: "Lisbon hotel customers", kind: "records", synthetic: false}
];

/** Describes a case or a loaded CaseData: "real survey", "synthetic survey", "real records". */
export function provenance({kind, synthetic}) {
  return `${synthetic ? "synthetic" : "real"} ${kind === "records" ? "records" : "survey"}`;
}

/** Loads the CaseData of one case id. */
export function loadCase(id) {
  const file = caseFiles[id];
  if (!file)
    throw new Error(`unknown case "${id}"; expected one of ${Object.keys(caseFiles).join(", ")}`);
  return file.json();
}
