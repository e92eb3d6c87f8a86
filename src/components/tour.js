import {html} from "npm:htl";

/** The steps of the guided tour in teaching order, each a page in learn/. */
export const tourSteps = [
  {id: "idea", path: "idea", title: "The idea: value on both sides"},
  {id: "indexSystem", path: "index-system", title: "The evaluation index system"},
  {id: "ahp", path: "ahp", title: "AHP: weights from experts"},
  {id: "objectiveWeights", path: "objective-weights", title: "Weights from the data"},
  {id: "scores", path: "scores", title: "Scores"},
  {id: "relationshipValue", path: "relationship-value", title: "Relationship value"},
  {id: "classes", path: "classes", title: "Classes and development goals"},
  {id: "strategies", path: "strategies", title: "Strategies"}
];

// A page opened as NAME.html links to NAME.html too, so the tour also works on hosts without
// clean URLs (a site built with Framework's preserveExtension option).
const extension = location.pathname.endsWith(".html") ? ".html" : "";

/** Returns the relative address of a step's page from another page of the tour. */
export function stepHref(step) {
  return `./${step.path}${extension}`;
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

/** Shows where a step sits in the tour: "Step 3 of 8" and a link per step. */
export function tourProgress(id) {
  const index = stepIndex(id);
  return html`<nav class="tour-progress" aria-label="Steps of the guided tour">
    <span>Step ${index + 1} of ${tourSteps.length}</span>
    <ol>
      ${tourSteps.map(
        (step, k) =>
          html`<li class=${stepState(k, index)}>
            <a
              href=${stepHref(step)}
              title=${step.title}
              aria-current=${k === index ? "step" : null}
              >${k + 1}</a
            >
          </li>`
      )}
    </ol>
  </nav>`;
}

/**
 * Creates the previous and next links of a step. The first step goes back to the tour's
 * overview and the last one on to the glossary. Links are relative, so they work under any
 * base path, and the site carries the page's query on them.
 */
export function tourPager(id) {
  const index = stepIndex(id);
  const previous = tourSteps[index - 1];
  const next = tourSteps[index + 1];
  return html`<nav class="tour-pager" aria-label="Previous and next step">
    ${
      previous
        ? html`<a class="tour-previous" href=${stepHref(previous)}
            ><small>Previous step</small>${previous.title}</a
          >`
        : html`<a class="tour-previous" href="./"><small>Back to</small>The tour's overview</a>`
    }
    ${
      next
        ? html`<a class="tour-next" href=${stepHref(next)}
            ><small>Next step</small>${next.title}</a
          >`
        : html`<a class="tour-next" href=${`../glossary${extension}`}
            ><small>Go on to</small>The glossary</a
          >`
    }
  </nav>`;
}
