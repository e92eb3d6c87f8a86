import {html} from "npm:htl";
import {math} from "./tex.js";

// KaTeX breaks lines only in inline math, after relations and binary operators, so a long sum
// of products still fits a narrow card. \displaystyle keeps fractions at full size.
function stepFormula(source) {
  const formula = math(`\\displaystyle ${source}`);
  formula.classList.add("solution-formula");
  return formula;
}

/** Renders the steps of a worked solution: each step's text, then its formula if it has one. */
export function solutionSteps(steps) {
  return html`<ol class="solution-steps">
    ${steps.map(
      (step) =>
        html`<li>
          <p>${step.text}</p>
          ${step.tex ? stepFormula(step.tex) : ""}
        </li>`
    )}
  </ol>`;
}

const headings = {
  en: ["Symbol", "Meaning", "Value"],
  zh: ["符号", "含义", "数值"]
};

/**
 * Renders the quantities an exercise gives as a table: symbol, meaning and value, with the
 * headings in `lang` ("en" or "zh").
 */
export function givenTable(given, lang = "en") {
  const [symbol, meaning, value] = headings[lang] ?? headings.en;
  return html`<table class="given-values">
    <thead>
      <tr>
        <th>${symbol}</th>
        <th>${meaning}</th>
        <th>${value}</th>
      </tr>
    </thead>
    <tbody>
      ${given.map(
        (entry) =>
          html`<tr>
            <td>${math(entry.symbol)}</td>
            <td>${entry.label}</td>
            <td class="number">${entry.value}</td>
          </tr>`
      )}
    </tbody>
  </table>`;
}

/** Renders a comparison matrix with its row and column labels. */
export function matrixTable({labels, rows}) {
  return html`<table class="ahp-matrix">
    <thead>
      <tr>
        <th></th>
        ${labels.map((label) => html`<th>${label}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row, i) =>
          html`<tr>
            <th>${labels[i]}</th>
            ${row.map((cell, j) => html`<td class=${i === j ? "diagonal" : ""}>${cell}</td>`)}
          </tr>`
      )}
    </tbody>
  </table>`;
}
