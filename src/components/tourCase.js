import {html} from "npm:htl";
import {configDifferences, configFromQuery} from "../lib/config.js";
import {analyzeWithConfig, withJudgments} from "../lib/reweight.js";

/**
 * Runs a case with the configuration in the page's address, the one the interactive pages
 * (Explore weights, AHP editor) write, so that the tour shows the reader's own settings.
 * Returns the configuration, the parameters skipped because they do not fit the case, the
 * analysis and the context that exercises are drawn from.
 */
export function tourAnalysis(data) {
  const {config, problems} = configFromQuery(location.search, data.system);
  const analysis = analyzeWithConfig(data, config);
  const judged = withJudgments(data, config.judgments);
  return {
    config,
    problems,
    analysis,
    context: {data: judged, analysis, threshold: config.threshold}
  };
}

/** Says whether the tour runs on the published defaults or on settings from the address. */
export function settingsNote({config, problems}) {
  const differences = configDifferences(config);
  const skipped =
    problems.length > 0
      ? html`<p class="muted">Skipped from the address: ${problems.join("; ")}.</p>`
      : "";
  if (differences.length === 0) {
    return html`<div class="tour-settings muted">
      Numbers on this page use the published defaults. ${skipped}
    </div>`;
  }
  return html`<div class="tour-settings">
    Numbers on this page use your settings from the address:
    ${differences.map((d, k) => html`${k > 0 ? "; " : ""}<strong>${d.field}</strong> ${d.value}`)}.
    ${skipped}
  </div>`;
}
