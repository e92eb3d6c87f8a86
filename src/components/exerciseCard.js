import {html} from "npm:htl";
import {checkAnswer, exerciseKinds, generateExercise} from "../lib/exercises.js";
import {givenTable, matrixTable, solutionSteps} from "./solutionSteps.js";
import {math} from "./tex.js";

const maxSeed = 2 ** 32;

function answerInput(exercise, name) {
  const {answer} = exercise;
  if (answer.type === "number") {
    return html`<input
      type="text"
      inputmode="decimal"
      class="answer-input"
      name=${name}
      aria-label="Your answer"
      autocomplete="off"
      spellcheck="false"
      size="12"
    />`;
  }
  return html`<span class="answer-choices" role="radiogroup"
    >${answer.options.map(
      (option) =>
        html`<label><input type="radio" name=${name} value=${option.id} /> ${option.label}</label>`
    )}</span
  >`;
}

function readAnswer(form, exercise) {
  if (exercise.answer.type === "number") return form.querySelector(".answer-input").value;
  return form.querySelector("input[type=radio]:checked")?.value ?? "";
}

function toleranceNote(answer) {
  return answer.type === "number"
    ? `Type a number; answers within ±${answer.tolerance} of the exact value count.`
    : "Choose one answer.";
}

/**
 * Creates an exercise card for one step of the tour. It shows the question with the numbers it
 * gives and the formula, and an answer box that the library checks (`checkAnswer`, with the
 * tolerance stated). The worked solution opens on request, and "New variant" draws another
 * seed. `kinds` are the exercise kinds to offer (see lib's `availableKinds`); with several, a
 * menu switches between them. The first variant uses seed 1, so the page looks the same on
 * every load.
 */
export function exerciseCard(context, kinds, {seed = 1} = {}) {
  const card = html`<div class="card exercise-card"></div>`;
  if (kinds.length === 0) {
    card.append(html`<p class="muted">This case offers no exercise for this step.</p>`);
    return card;
  }
  let kind = kinds[0];
  let current = seed;
  const name = `answer-${Math.random().toString(36).slice(2)}`;

  function render() {
    const exercise = generateExercise(kind, context, current);
    const feedback = html`<p class="answer-feedback" aria-live="polite"></p>`;
    const form = html`<form class="answer-form">
      ${answerInput(exercise, name)}
      <button type="submit">Check</button>
      <small class="muted">${toleranceNote(exercise.answer)}</small>
    </form>`;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const result = checkAnswer(exercise, readAnswer(form, exercise));
      feedback.className = `answer-feedback ${result.status}`;
      feedback.textContent = result.message;
    });
    const another = html`<button type="button" class="new-variant">New variant</button>`;
    another.onclick = () => {
      current = Math.floor(Math.random() * maxSeed);
      render();
    };
    const menu =
      kinds.length > 1
        ? html`<select class="exercise-kind" aria-label="Exercise">
            ${kinds.map(
              (k) =>
                html`<option value=${k} selected=${k === kind}>${exerciseKinds[k].title}</option>`
            )}
          </select>`
        : "";
    if (menu) {
      menu.onchange = () => {
        kind = menu.value;
        render();
      };
    }
    card.replaceChildren(
      html`<h3>
          Exercise: ${exerciseKinds[kind].title} <small class="muted">variant ${current}</small>
        </h3>
        ${menu}
        <p>${exercise.question}</p>
        ${givenTable(exercise.given)} ${exercise.matrix ? matrixTable(exercise.matrix) : ""}
        <p class="muted">Formula:</p>
        ${math(exercise.formula, {display: true})} ${form}${feedback}
        <details class="worked-solution">
          <summary>Show the worked solution</summary>
          ${solutionSteps(exercise.solution)}
        </details>
        ${another}`
    );
  }

  render();
  return card;
}
