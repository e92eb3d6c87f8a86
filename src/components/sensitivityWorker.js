// Runs the Monte Carlo weight sensitivity of one case off the main thread. It receives
// {data, config, draws, concentration, seed} with `config` a report configuration, posts
// {type: "progress", done, total} about a hundred times during the run, then
// {type: "result", result, labels, elapsed} or {type: "error", message}. The run is one
// synchronous loop, so the page cancels it by terminating the worker.
import {analyzeWithConfig} from "../lib/reweight.js";
import {weightSensitivity} from "../lib/sensitivity.js";

self.onmessage = (event) => {
  const {data, config, draws, concentration, seed} = event.data;
  const started = performance.now();
  try {
    const reweighted = analyzeWithConfig(data, config);
    // weightSensitivity re-classifies each draw with analysis.config.threshold, which contains
    // the x axis's threshold only. classify also accepts {x, y}, so passing the configured pair
    // keeps a different y threshold in the draws.
    const analysis = {...reweighted, config: {...reweighted.config, threshold: config.threshold}};
    const every = Math.max(1, Math.floor(draws / 100));
    const result = weightSensitivity(data, analysis, {
      draws,
      concentration,
      seed,
      onProgress: (done, total) => {
        if (done % every === 0 || done === total) self.postMessage({type: "progress", done, total});
      }
    });
    const elapsed = performance.now() - started;
    self.postMessage(
      {type: "result", result, labels: analysis.classes.labels, elapsed},
      [result.keepShare.buffer, result.rankCorrelation.buffer, result.flipRate.buffer]
    );
  } catch (error) {
    self.postMessage({type: "error", message: error.message});
  }
};
