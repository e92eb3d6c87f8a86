/**
 * Starts a weight-sensitivity run in a Web Worker and reports its state through
 * `onUpdate`: {status: "running", done, total}, then {status: "done", result, labels,
 * elapsed}, {status: "error", message} or {status: "cancelled", done, total}. Returns
 * `cancel()`, which terminates the worker and reports "cancelled", and `stop()`, which
 * terminates it silently (for a page cell that is being replaced).
 */
export function runSensitivity(input, onUpdate) {
  const worker = new Worker(import.meta.resolve("./sensitivityWorker.js"), {type: "module"});
  let finished = false;
  let done = 0;
  const finish = () => {
    finished = true;
    worker.terminate();
  };

  worker.onmessage = ({data: message}) => {
    if (finished) return;
    if (message.type === "progress") {
      done = message.done;
      onUpdate({status: "running", done, total: message.total});
      return;
    }
    finish();
    if (message.type === "result") {
      const {result, labels, elapsed} = message;
      onUpdate({status: "done", result, labels, elapsed});
    } else {
      onUpdate({status: "error", message: message.message});
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    if (finished) return;
    finish();
    const reason = event.message || "the worker script could not be loaded";
    onUpdate({status: "error", message: `the sensitivity worker failed: ${reason}`});
  };
  worker.postMessage(input);
  queueMicrotask(() => {
    if (!finished && done === 0) onUpdate({status: "running", done: 0, total: input.draws});
  });

  return {
    cancel() {
      if (finished) return;
      finish();
      onUpdate({status: "cancelled", done, total: input.draws});
    },
    stop() {
      if (!finished) finish();
    }
  };
}
