import {html} from "npm:htl";
import {checkAnswer, exerciseKinds, generateExercise} from "../lib/exercises.js";
import {currentLang, onLangChange} from "./i18n.js";
import {givenTable, matrixTable, solutionSteps} from "./solutionSteps.js";
import {math} from "./tex.js";

const maxSeed = 2 ** 32;

const texts = {
  en: {
    none: "This case offers no exercise for this step.",
    exercise: "Exercise",
    heading: (title) => `Exercise: ${title}`,
    variant: (seed) => `variant ${seed}`,
    yourAnswer: "Your answer",
    check: "Check",
    typeNumber: (tolerance) =>
      `Type a number; answers within ±${tolerance} of the exact value count.`,
    chooseOne: "Choose one answer.",
    formula: "Formula:",
    showSolution: "Show the worked solution",
    newVariant: "New variant"
  },
  zh: {
    none: "本案例在这一步没有可做的练习。",
    exercise: "练习",
    heading: (title) => `练习：${title}`,
    variant: (seed) => `第 ${seed} 题`,
    yourAnswer: "你的答案",
    check: "检查答案",
    typeNumber: (tolerance) => `请输入数字；与准确值相差不超过 ±${tolerance} 即算正确。`,
    chooseOne: "请选择一个答案。",
    formula: "公式：",
    showSolution: "查看解题过程",
    newVariant: "换一道题"
  }
};

function answerInput(exercise, name, text) {
  const {answer} = exercise;
  if (answer.type === "number") {
    return html`<input
      type="text"
      inputmode="decimal"
      class="answer-input"
      name=${name}
      aria-label=${text.yourAnswer}
      autocomplete="off"
      spellcheck="false"
      size="12"
    />`;
  }
  return html`<span class="answer-choices" role="radiogroup" aria-label=${text.yourAnswer}
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

function writeAnswer(form, exercise, value) {
  if (exercise.answer.type === "number") {
    form.querySelector(".answer-input").value = value;
    return;
  }
  for (const radio of form.querySelectorAll("input[type=radio]")) {
    radio.checked = radio.value === value;
  }
}

function toleranceNote(answer, text) {
  return answer.type === "number" ? text.typeNumber(answer.tolerance) : text.chooseOne;
}

/**
 * Creates an exercise card for one step of the tour. It shows the question with the numbers it
 * gives and the formula, and an answer box that the library checks (`checkAnswer`, with the
 * tolerance stated). The worked solution opens on request, and "New variant" draws another
 * seed. `kinds` are the exercise kinds to offer (see lib's `availableKinds`); with several, a
 * menu switches between them. The first variant uses seed 1, so the page looks the same on
 * every load. The card is written in the report's language and follows its changes, keeping
 * the exercise, the typed answer, its feedback and an open solution.
 */
export function exerciseCard(context, kinds, {seed = 1} = {}) {
  const card = html`<div class="card exercise-card"></div>`;
  let lang = currentLang();
  let kind = kinds[0];
  let current = seed;
  // The reader's answer and whether it was checked, carried over a change of language.
  let typed = "";
  let checked = false;
  let solutionOpen = false;
  const name = `answer-${Math.random().toString(36).slice(2)}`;

  function render() {
    const text = texts[lang] ?? texts.en;
    if (kinds.length === 0) {
      card.replaceChildren(html`<p class="muted">${text.none}</p>`);
      return;
    }
    const exercise = generateExercise(kind, context, current, {}, lang);
    const feedback = html`<p class="answer-feedback" aria-live="polite"></p>`;
    const form = html`<form class="answer-form">
      ${answerInput(exercise, name, text)}
      <button type="submit">${text.check}</button>
      <small class="muted">${toleranceNote(exercise.answer, text)}</small>
    </form>`;
    const showFeedback = () => {
      const result = checkAnswer(exercise, typed);
      feedback.className = `answer-feedback ${result.status}`;
      feedback.textContent = result.message;
    };
    form.addEventListener("input", () => {
      typed = readAnswer(form, exercise);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      typed = readAnswer(form, exercise);
      checked = true;
      showFeedback();
    });
    writeAnswer(form, exercise, typed);
    if (checked) showFeedback();

    const another = html`<button type="button" class="new-variant">${text.newVariant}</button>`;
    another.onclick = () => {
      current = Math.floor(Math.random() * maxSeed);
      [typed, checked, solutionOpen] = ["", false, false];
      render();
    };
    const menu =
      kinds.length > 1
        ? html`<select class="exercise-kind" aria-label=${text.exercise}>
            ${kinds.map(
              (k) =>
                html`<option value=${k} selected=${k === kind}>
                  ${exerciseKinds[k].label[lang] ?? exerciseKinds[k].title}
                </option>`
            )}
          </select>`
        : "";
    if (menu) {
      menu.onchange = () => {
        kind = menu.value;
        [typed, checked, solutionOpen] = ["", false, false];
        render();
      };
    }
    const solution = html`<details class="worked-solution" open=${solutionOpen}>
      <summary>${text.showSolution}</summary>
      ${solutionSteps(exercise.solution)}
    </details>`;
    solution.addEventListener("toggle", () => {
      solutionOpen = solution.open;
    });
    const title = exerciseKinds[kind].label[lang] ?? exerciseKinds[kind].title;
    card.replaceChildren(
      html`<h3>${text.heading(title)} <small class="muted">${text.variant(current)}</small></h3>
        ${menu}
        <p class="exercise-question">${exercise.question}</p>
        ${givenTable(exercise.given, lang)} ${exercise.matrix ? matrixTable(exercise.matrix) : ""}
        <p class="muted">${text.formula}</p>
        ${math(exercise.formula, {display: true})} ${form}${feedback} ${solution} ${another}`
    );
  }

  render();
  // The reader changes the language after the card is shown. A card that has left the page,
  // as when its cell ran again, stops listening.
  const stop = onLangChange((next) => {
    if (!card.isConnected) {
      stop();
      return;
    }
    lang = next;
    render();
  });
  return card;
}
