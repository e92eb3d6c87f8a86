/**
 * Sends requests to a Web Worker and returns promises of their results. Requests of one
 * `channel` replace each other while they wait: when a request of that channel is running,
 * only the newest waiting one is sent after it, and the ones it replaced resolve to
 * `{superseded: true}`. So a method slider moved quickly does not queue analyses.
 * `onProgress({stage, fraction})` hears the worker's progress messages of a request.
 */
export function workerClient(worker) {
  let nextId = 1;
  const handlers = new Map();
  const channels = new Map();

  worker.onmessage = (event) => {
    const {id, type} = event.data;
    const handler = handlers.get(id);
    if (!handler) return;
    if (type === "progress") {
      handler.onProgress?.(event.data);
      return;
    }
    handlers.delete(id);
    if (type === "error") handler.reject(new Error(event.data.message));
    else handler.resolve(event.data.result);
  };
  worker.onerror = (event) => {
    const error = new Error(`the analysis worker failed: ${event.message ?? "unknown error"}`);
    for (const handler of handlers.values()) handler.reject(error);
    handlers.clear();
  };

  function send(message, {onProgress, transfer = []} = {}) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      handlers.set(id, {resolve, reject, onProgress});
      worker.postMessage({...message, id}, transfer);
    });
  }

  function request(message, {channel, ...options} = {}) {
    if (channel === undefined) return send(message, options);
    const state = channels.get(channel) ?? {running: false, waiting: null};
    channels.set(channel, state);
    return new Promise((resolve, reject) => {
      state.waiting?.resolve({superseded: true});
      state.waiting = {message, options, resolve, reject};
      if (!state.running) next(state);
    });
  }

  async function next(state) {
    const job = state.waiting;
    if (job === null) {
      state.running = false;
      return;
    }
    state.waiting = null;
    state.running = true;
    try {
      job.resolve(await send(job.message, job.options));
    } catch (error) {
      job.reject(error);
    }
    next(state);
  }

  return {request, terminate: () => worker.terminate()};
}
