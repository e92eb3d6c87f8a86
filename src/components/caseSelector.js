import * as Inputs from "npm:@observablehq/inputs";
import {caseCatalog, provenance} from "./cases.js";
import {carryQuery, readParam, writeParam} from "./urlState.js";

/**
 * Creates a select input of the report's cases whose value is the case id. It starts from `?case=`
 * in the URL (or the first case), writes changes back to the URL and carries the query on
 * the site's links.
 */
export function caseSelector({label = "Case"} = {}) {
  const ids = caseCatalog.map((entry) => entry.id);
  const byId = new Map(caseCatalog.map((entry) => [entry.id, entry]));
  const value = readParam("case", ids[0], ids);
  const input = Inputs.select(ids, {
    label,
    value,
    format: (id) => `${byId.get(id).name} (${provenance(byId.get(id))})`
  });
  input.classList.add("case-selector");
  input.addEventListener("input", () => writeParam("case", input.value));
  writeParam("case", value);
  carryQuery();
  return input;
}
