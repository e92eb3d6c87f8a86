import {html} from "npm:htl";

/** The steps of the guided tour in teaching order, each a page in learn/ titled in en and zh. */
export const tourSteps = [
  {
    id: "idea",
    path: "idea",
    title: {en: "The idea: value on both sides", zh: "基本思想：双方的价值"}
  },
  {
    id: "indexSystem",
    path: "index-system",
    title: {en: "The evaluation index system", zh: "评价指标体系"}
  },
  {
    id: "ahp",
    path: "ahp",
    title: {en: "AHP: weights from experts", zh: "层次分析法：来自专家的权重"}
  },
  {
    id: "objectiveWeights",
    path: "objective-weights",
    title: {en: "Weights from the data", zh: "来自数据的客观权重"}
  },
  {id: "scores", path: "scores", title: {en: "Scores", zh: "得分"}},
  {
    id: "relationshipValue",
    path: "relationship-value",
    title: {en: "Relationship value", zh: "关系价值"}
  },
  {
    id: "classes",
    path: "classes",
    title: {en: "Classes and development goals", zh: "客户类别与发展目标"}
  },
  {id: "strategies", path: "strategies", title: {en: "Strategies", zh: "策略"}}
];

const texts = {
  en: {
    steps: "Steps of the guided tour",
    stepOf: (k, n) => `Step ${k} of ${n}`,
    pager: "Previous and next step",
    previous: "Previous step",
    next: "Next step",
    backTo: "Back to",
    overview: "The tour's overview",
    goOn: "Go on to",
    glossary: "The glossary"
  },
  zh: {
    steps: "导览步骤",
    stepOf: (k, n) => `第 ${k} 步，共 ${n} 步`,
    pager: "上一步与下一步",
    previous: "上一步",
    next: "下一步",
    backTo: "返回",
    overview: "导览概览",
    goOn: "继续阅读",
    glossary: "术语表"
  }
};

// A page opened as NAME.html links to NAME.html too, so the tour also works on hosts without
// clean URLs (a site built with Framework's preserveExtension option).
const extension = location.pathname.endsWith(".html") ? ".html" : "";

/** Returns the relative address of a step's page from another page of the tour. */
export function stepHref(step) {
  return `./${step.path}${extension}`;
}

/** Returns a step's title in `lang` ("en" or "zh"). */
export function stepTitle(step, lang = "en") {
  return lang === "zh" ? step.title.zh : step.title.en;
}

function stepIndex(id) {
  const index = tourSteps.findIndex((step) => step.id === id);
  if (index < 0) {
    throw new Error(`unknown tour step "${id}"; expected ${tourSteps.map((s) => s.id).join(", ")}`);
  }
  return index;
}

function stepState(k, current) {
  if (k === current) return "current";
  return k < current ? "done" : "";
}

/** Shows where a step sits in the tour, "Step 3 of 8" and a link per step, in `lang`. */
export function tourProgress(id, lang = "en") {
  const text = texts[lang] ?? texts.en;
  const index = stepIndex(id);
  return html`<nav class="tour-progress" aria-label=${text.steps}>
    <span>${text.stepOf(index + 1, tourSteps.length)}</span>
    <ol>
      ${tourSteps.map(
        (step, k) =>
          html`<li class=${stepState(k, index)}>
            <a
              href=${stepHref(step)}
              title=${stepTitle(step, lang)}
              aria-label=${`${k + 1} · ${stepTitle(step, lang)}`}
              aria-current=${k === index ? "step" : null}
              >${k + 1}</a
            >
          </li>`
      )}
    </ol>
  </nav>`;
}

/**
 * Creates the previous and next links of a step in `lang`. The first step goes back to the
 * tour's overview and the last one on to the glossary. Links are relative, so they work under
 * any base path, and the site carries the page's query on them.
 */
export function tourPager(id, lang = "en") {
  const text = texts[lang] ?? texts.en;
  const index = stepIndex(id);
  const previous = tourSteps[index - 1];
  const next = tourSteps[index + 1];
  return html`<nav class="tour-pager" aria-label=${text.pager}>
    ${previous
      ? html`<a class="tour-previous" href=${stepHref(previous)}
          ><small>${text.previous}</small>${stepTitle(previous, lang)}</a
        >`
      : html`<a class="tour-previous" href="./"><small>${text.backTo}</small>${text.overview}</a>`}
    ${next
      ? html`<a class="tour-next" href=${stepHref(next)}
          ><small>${text.next}</small>${stepTitle(next, lang)}</a
        >`
      : html`<a class="tour-next" href=${`../glossary${extension}`}
          ><small>${text.goOn}</small>${text.glossary}</a
        >`}
  </nav>`;
}
