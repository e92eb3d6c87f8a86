import {
  configFromQuery,
  configToQuery,
  defaultReportConfig,
  isConfigQueryKey
} from "../lib/config.js";
import {currentLang} from "./i18n.js";
import {carryQuery} from "./urlState.js";

// The case of the last state made on this page. A new state for another case means that the
// reader switched cases, and weights and judgments of the old case no longer apply.
let lastCaseId = null;

const urlDelayMs = 250;

function copyDefaults() {
  return structuredClone(defaultReportConfig);
}

// The language is a configuration field too. The language switch owns it, so the query gets
// the language shown now rather than the one the configuration started with.
function writeQuery(config, system) {
  const url = new URL(location.href);
  for (const key of [...url.searchParams.keys()]) {
    if (isConfigQueryKey(key)) url.searchParams.delete(key);
  }
  const shown = {...config, lang: currentLang()};
  for (const [key, value] of configToQuery(shown, system)) url.searchParams.append(key, value);
  if (url.href === location.href) return;
  history.replaceState(history.state, "", url);
  carryQuery();
}

/**
 * Keeps the report configuration of one case, shared by the pages through the URL query (see
 * lib's configToQuery). It starts from the query, keeps the configuration in memory and
 * writes the query 250 ms after the last change, so a slider drag does not flood the
 * browser's history API. Listeners hear about changes once per animation frame at most,
 * with the latest configuration, so rapid input never queues recomputes.
 *
 * `problems` lists query parameters that were skipped because they do not fit the case.
 * With `{url: false}` the state neither reads nor writes the query, and starts from
 * `initial` (a ReportConfig) when given.
 */
export function configState(system, {caseId, url = true, initial} = {}) {
  let config = initial === undefined ? copyDefaults() : structuredClone(initial);
  let problems = [];
  let cleared = false;
  if (url) {
    ({config, problems} = configFromQuery(location.search, system));
    const switched = lastCaseId !== null && lastCaseId !== caseId;
    if (switched) {
      const keys = [...new URLSearchParams(location.search).keys()];
      cleared = keys.some((key) => key.startsWith("w.") || key.startsWith("j."));
      config = {...config, weights: {}, judgments: {}};
      problems = [];
    }
    lastCaseId = caseId;
  }

  const listeners = new Set();
  let frame = null;
  let timer = null;
  let changes = 0;

  function flush() {
    frame = null;
    for (const listener of listeners) listener(config);
  }

  function commit(next) {
    config = next;
    changes++;
    if (frame === null) frame = requestAnimationFrame(flush);
    if (!url) return;
    clearTimeout(timer);
    timer = setTimeout(() => writeQuery(config, system), urlDelayMs);
  }

  if (url && cleared) writeQuery(config, system);

  return {
    system,
    caseId,
    get config() {
      return config;
    },
    /** Query parameters that did not fit the case, as messages. */
    get problems() {
      return problems;
    },
    /** Whether weights and judgments of another case were dropped when the case changed. */
    cleared,
    /** Number of changes so far, for checking that input is coalesced. */
    get changes() {
      return changes;
    },
    /** Changes top-level fields, e.g. `set({alpha: 0.7})`. */
    set(patch) {
      commit({...config, ...patch});
    },
    /** Sets one node's hand-set local weights ({id: weight}), or removes them with null. */
    setWeights(node, weights) {
      const next = {...config.weights};
      if (weights === null) delete next[node];
      else next[node] = weights;
      commit({...config, weights: next});
    },
    /** Sets one node's edited judgments ({order, matrices}), or removes them with null. */
    setJudgments(node, judgments) {
      const next = {...config.judgments};
      if (judgments === null) delete next[node];
      else next[node] = judgments;
      commit({...config, judgments: next});
    },
    /** Replaces the whole configuration, e.g. with one loaded from a file. */
    replace(next) {
      commit(structuredClone(next));
    },
    /** Returns to the published defaults; the language stays. */
    reset() {
      commit({...copyDefaults(), lang: config.lang});
    },
    /** Calls `listener(config)` after changes; returns a function that stops it. */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** For Generators.observe: sends the current configuration, then every change. */
    observe(notify) {
      notify(config);
      return this.subscribe(notify);
    },
    /**
     * Like `observe`, but sends a configuration only once it has stayed the same for
     * `delayMs`, for views that need not follow a drag (tables, downloads).
     */
    observeSettled(notify, delayMs = 300) {
      let pending = null;
      notify(config);
      const stop = this.subscribe((next) => {
        clearTimeout(pending);
        pending = setTimeout(() => notify(next), delayMs);
      });
      return () => {
        clearTimeout(pending);
        stop();
      };
    },
    /** Writes a pending query change now, e.g. before the address is copied. */
    writeNow() {
      if (!url) return;
      clearTimeout(timer);
      writeQuery(config, system);
    },
    /** Writes a pending query change now and stops listening. */
    dispose() {
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null && url) {
        clearTimeout(timer);
        // A state of another case may own the query by now.
        if (lastCaseId === caseId) writeQuery(config, system);
      }
      listeners.clear();
    }
  };
}
