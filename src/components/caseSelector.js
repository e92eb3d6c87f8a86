import {html} from "npm:htl";
import {caseCatalog, provenance} from "./cases.js";
import {bi, localizedSelect} from "./i18n.js";
import {carryQuery, readParam, writeParam} from "./urlState.js";

/**
 * Creates a select input of the report's cases whose value is the case id. It starts from `?case=`
 * in the URL (or the first case), writes changes back to the URL and carries the query on
 * the site's links. Its label and options follow the report language. A printed page shows the
 * chosen case as text in place of the select.
 */
export function caseSelector({label = bi("Case", "案例")} = {}) {
  const ids = caseCatalog.map((entry) => entry.id);
  const byId = new Map(caseCatalog.map((entry) => [entry.id, entry]));
  const value = readParam("case", ids[0], ids);
  const format = (id, lang) => {
    const entry = byId.get(id);
    return lang === "zh"
      ? `${entry.name.zh}（${provenance(entry, lang)}）`
      : `${entry.name.en} (${provenance(entry, lang)})`;
  };
  const input = localizedSelect(ids, {label, value, format});
  input.classList.add("case-selector");
  const printed = html`<span class="print-value"></span>`;
  const showChoice = () => printed.replaceChildren(bi(format(input.value, "en"), format(input.value, "zh")));
  showChoice();
  input.append(printed);
  input.addEventListener("input", () => {
    writeParam("case", input.value);
    showChoice();
  });
  writeParam("case", value);
  carryQuery();
  return input;
}
