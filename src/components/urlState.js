// Keeps report state in the URL query (e.g. ?case=cruise) and carries it on every link
// within the site, so that moving between pages keeps the selection.

let listening = false;

/** Reads a query parameter; returns `fallback` when it is missing or not in `allowed`. */
export function readParam(name, fallback, allowed) {
  const value = new URLSearchParams(location.search).get(name);
  if (value === null) return fallback;
  return allowed && !allowed.includes(value) ? fallback : value;
}

/** Writes a query parameter without reloading the page and updates the site's links. */
export function writeParam(name, value) {
  const url = new URL(location.href);
  url.searchParams.set(name, value);
  history.replaceState(history.state, "", url);
  carryQuery();
}

function isSitePage(url) {
  return (
    url.origin === location.origin && !/\/_(file|import|npm|node|observablehq)\//.test(url.pathname)
  );
}

/** Returns `href` with the current page's query parameters set, or null if off-site. */
function withQuery(href) {
  const url = new URL(href, location.href);
  if (!isSitePage(url)) return null;
  for (const [name, value] of new URLSearchParams(location.search)) {
    url.searchParams.set(name, value);
  }
  return url.href;
}

function isPageLink(a) {
  return !a.hasAttribute("download") && !a.getAttribute("href").startsWith("#");
}

/**
 * Sets the current page's query parameters (the selected case and any other report state)
 * on every link to another page of the site, keeping other parameters a link has.
 */
export function carryQuery(root = document) {
  for (const a of root.querySelectorAll("a[href]")) {
    const href = isPageLink(a) && withQuery(a.href);
    if (href) a.href = href;
  }
  if (listening) return;
  listening = true;
  // Links drawn later by cells, and parameters written by other code, reach a link when it
  // is followed.
  document.addEventListener(
    "click",
    (event) => {
      const a = event.target.closest?.("a[href]");
      const href = a && isPageLink(a) && withQuery(a.href);
      if (href) a.href = href;
    },
    true
  );
}
