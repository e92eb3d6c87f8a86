import {fixed, say} from "./common.js";
import type {AnswerCheck, Exercise, ExerciseLang} from "./types.js";

/**
 * Parses a typed number: a decimal with a point or a comma ("0.42", "0,42"), a leading sign,
 * an exponent ("4.2e-1") or a fraction ("1/3"). Spaces around the text are ignored. Throws
 * an Error that shows the text when it matches none of these forms.
 *
 * @example parseAnswerNumber("0,5") // 0.5
 */
export function parseAnswerNumber(text: string): number {
  const trimmed = String(text).trim().replace(/^\+/, "");
  const decimal = /^-?(?:\d+[.,]?\d*|[.,]\d+)(?:e[+-]?\d+)?$/i;
  const fraction = /^(-?\d+(?:[.,]\d+)?)\s*\/\s*(\d+(?:[.,]\d+)?)$/;
  let value = NaN;
  if (decimal.test(trimmed)) {
    value = Number(trimmed.replace(",", "."));
  } else {
    const match = fraction.exec(trimmed);
    if (match) value = Number(match[1].replace(",", ".")) / Number(match[2].replace(",", "."));
  }
  if (!Number.isFinite(value)) {
    throw new Error(
      `"${text}" is not a number; type a decimal such as 0.42 or a fraction such as 1/3`
    );
  }
  return value;
}

function fold(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

function checkChoice(exercise: Exercise, input: string, lang: ExerciseLang): AnswerCheck {
  const {answer} = exercise;
  if (answer.type !== "choice") throw new Error(`exercise ${exercise.id} has no options`);
  const typed = fold(input);
  const option = answer.options.find(
    (entry) => fold(entry.id) === typed || fold(entry.label) === typed
  );
  if (!option) {
    const names = answer.options.map((entry) => entry.label);
    return {
      status: "invalid",
      message: say(
        lang,
        `Choose one of: ${names.join(", ")}.`,
        `请从以下选项中选择：${names.join("、")}。`
      )
    };
  }
  const correct = answer.options.find((entry) => entry.id === answer.value)!;
  return option.id === answer.value
    ? {
        status: "correct",
        message: say(lang, `Correct: ${correct.label}.`, `正确：${correct.label}。`)
      }
    : {
        status: "incorrect",
        message: say(
          lang,
          `Not ${option.label}. Look at the worked solution, or try again.`,
          `不是“${option.label}”。请查看解题过程，或再试一次。`
        )
      };
}

/**
 * Checks a typed answer and writes the feedback in the exercise's language (or in `lang`).
 * A number is correct within ± the exercise's tolerance (the answer is never exactly the
 * rounded value a student computes from the shown decimals). A choice is matched by option
 * id or label, ignoring case, spaces and punctuation. Text that is not a number, or not one
 * of the options, is `invalid` with a message saying what to type.
 *
 * @example checkAnswer(exercise, "0.70") // {status: "correct", message: "Correct: …"}
 */
export function checkAnswer(
  exercise: Exercise,
  input: string,
  lang: ExerciseLang = exercise.lang ?? "en"
): AnswerCheck {
  const {answer} = exercise;
  if (answer.type === "choice") return checkChoice(exercise, input, lang);

  let value: number;
  try {
    value = parseAnswerNumber(input);
  } catch (error) {
    const message = say(
      lang,
      (error as Error).message,
      `“${String(input).trim()}”不是数字；请输入小数（如 0.42）或分数（如 1/3）。`
    );
    return {status: "invalid", message};
  }
  const tolerance = `±${answer.tolerance}`;
  const shown = fixed(answer.value, answer.decimals);
  const rule = say(
    lang,
    `answers within ${tolerance} count`,
    `与准确值相差不超过 ${tolerance} 即算正确`
  );
  if (Math.abs(value - answer.value) <= answer.tolerance + 1e-12) {
    return {
      status: "correct",
      message: say(lang, `Correct: ${shown} (${rule}).`, `正确：${shown}（${rule}）。`)
    };
  }
  const high = value > answer.value;
  const typed = input.trim();

  return {
    status: "incorrect",
    message: say(
      lang,
      `${typed} is ${high ? "too high" : "too low"} (${rule}). Try again.`,
      `${typed} ${high ? "偏高" : "偏低"}（${rule}）。请再试一次。`
    )
  };
}
