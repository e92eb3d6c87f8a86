import {mergeSensitivityShares} from "../lib/sensitivity.js";

/** Most workers a run uses, whatever the number of processors. */
const maxWorkers = 4;

/**
 * Splits the draws 0 … draws − 1 into `parts` consecutive shares of nearly equal size, as
 * [first, count] pairs. Draw i depends only on the seed and i, so the split does not change
 * the merged result.
 */
export function splitDraws(draws, parts) {
  const shares = [];
  for (let part = 0; part < parts; part++) {
    const first = Math.floor((draws * part) / parts);
    const end = Math.floor((draws * (part + 1)) / parts);
    if (end > first) shares.push([first, end - first]);
  }
  return shares;
}

/**
 * Starts a weight-sensitivity run in Web Workers, one per processor up to four, each
 * computing a share of the draws, and reports its state through `onUpdate`:
 * {status: "running", done, total}, then {status: "done", result, labels, elapsed},
 * {status: "error", message} or {status: "cancelled", done, total}. `input` is
 * {data, config, draws, concentration, seed}. Returns `cancel()`, which terminates the
 * workers and reports "cancelled", and `stop()`, which terminates them silently (for a page
 * cell that is being replaced).
 */
export function runSensitivity(input, onUpdate) {
  const started = performance.now();
  const {draws, ...common} = input;
  const processors = Math.max(1, navigator.hardwareConcurrency || 1);
  const plan = splitDraws(draws, Math.min(maxWorkers, processors, draws));
  const workers = plan.map(() =>
    new Worker(import.meta.resolve("./sensitivityWorker.js"), {type: "module"})
  );
  const doneByWorker = plan.map(() => 0);
  const shares = [];
  let labels = null;
  let finished = false;
  const done = () => doneByWorker.reduce((sum, count) => sum + count, 0);
  const finish = () => {
    finished = true;
    for (const worker of workers) worker.terminate();
  };
  const fail = (message) => {
    finish();
    onUpdate({status: "error", message});
  };

  workers.forEach((worker, w) => {
    worker.onmessage = ({data: message}) => {
      if (finished) return;
      if (message.type === "progress") {
        doneByWorker[w] = message.done;
        onUpdate({status: "running", done: done(), total: draws});
        return;
      }
      if (message.type !== "result") {
        fail(message.message);
        return;
      }
      shares.push(message.share);
      labels = message.labels;
      if (shares.length < workers.length) return;
      finish();
      try {
        const result = mergeSensitivityShares(shares);
        onUpdate({status: "done", result, labels, elapsed: performance.now() - started});
      } catch (error) {
        onUpdate({status: "error", message: error.message});
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (finished) return;
      const reason = event.message || "the worker script could not be loaded";
      fail(`the sensitivity worker failed: ${reason}`);
    };
    const [first, count] = plan[w];
    worker.postMessage({...common, first, count});
  });
  queueMicrotask(() => {
    if (!finished && done() === 0) onUpdate({status: "running", done: 0, total: draws});
  });

  return {
    cancel() {
      if (finished) return;
      finish();
      onUpdate({status: "cancelled", done: done(), total: draws});
    },
    stop() {
      if (!finished) finish();
    }
  };
}
