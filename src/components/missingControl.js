import * as Inputs from "npm:@observablehq/inputs";
import {bi} from "./i18n.js";
import {readParam, writeParam} from "./urlState.js";

const handlings = ["listwise", "pairwise"];

const choices = {
  listwise: bi(
    "listwise: respondents who answered every item",
    "成列删除：只用回答了全部题项的受访者"
  ),
  pairwise: bi(
    "pairwise: every answer a statistic can use",
    "成对删除：使用每个统计量能用的全部作答"
  )
};

/**
 * A radio input choosing how missing answers are handled ("listwise" or "pairwise"). It
 * starts from `?missing=` in the URL and writes changes back, so the choice carries to the
 * other survey-analysis pages. Its texts hold both languages, so the input is made once and
 * keeps its value when the language changes.
 */
export function missingControl({label = bi("Missing answers", "缺失作答")} = {}) {
  const input = Inputs.radio(handlings, {
    label,
    value: readParam("missing", "listwise", handlings),
    format: (handling) => choices[handling].cloneNode(true)
  });
  input.addEventListener("input", () => writeParam("missing", input.value));
  return input;
}
