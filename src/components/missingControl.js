import * as Inputs from "npm:@observablehq/inputs";
import {readParam, writeParam} from "./urlState.js";

const handlings = ["listwise", "pairwise"];

/**
 * A radio input choosing how missing answers are handled ("listwise" or "pairwise"). It
 * starts from `?missing=` in the URL and writes changes back, so the choice carries to the
 * other survey-analysis pages.
 */
export function missingControl({label = "Missing answers"} = {}) {
  const input = Inputs.radio(handlings, {
    label,
    value: readParam("missing", "listwise", handlings),
    format: (handling) =>
      handling === "listwise"
        ? "listwise: respondents who answered every item"
        : "pairwise: every answer a statistic can use"
  });
  input.addEventListener("input", () => writeParam("missing", input.value));
  return input;
}
