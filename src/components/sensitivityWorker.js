// Runs one share of the Monte Carlo weight sensitivity of a case off the main thread. It
// receives {data, config, concentration, seed, first, count} with `config` a report
// configuration, and computes draws first … first + count − 1. It posts
// {type: "progress", done, total} about a hundred times during the run, then
// {type: "result", share, labels} or {type: "error", message}. The run is one synchronous
// loop, so the page cancels it by terminating the worker.
import {analyzeWithConfig} from "../lib/reweight.js";
import {sensitivityShare} from "../lib/sensitivity.js";

self.onmessage = (event) => {
  const {data, config, concentration, seed, first, count} = event.data;
  try {
    const reweighted = analyzeWithConfig(data, config);
    // The draws re-classify with analysis.config.threshold, which contains the x axis's
    // threshold only. classify also accepts {x, y}, so passing the configured pair keeps a
    // different y threshold in the draws.
    const analysis = {...reweighted, config: {...reweighted.config, threshold: config.threshold}};
    const every = Math.max(1, Math.floor(count / 100));
    const onProgress = (done, total) => {
      if (done % every === 0 || done === total) self.postMessage({type: "progress", done, total});
    };
    const share = sensitivityShare(data, analysis, {concentration, seed, onProgress}, first, count);
    self.postMessage(
      {type: "result", share, labels: analysis.classes.labels},
      [share.keepShare.buffer, share.rankCorrelation.buffer, share.flips.buffer]
    );
  } catch (error) {
    self.postMessage({type: "error", message: error.message});
  }
};
