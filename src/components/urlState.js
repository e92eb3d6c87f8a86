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

function withQuery(href) {
  const url = new URL(href, location.href);
  if (!isSitePage(url)) return null;
  url.search = location.search;
  return url.href;
}

/** Adds the current query to every link to another page of the site. */
export function carryQuery(root = document) {
  for (const a of root.querySelectorAll("a[href]")) {
    if (a.hasAttribute("download") || a.getAttribute("href").startsWith("#")) continue;
    const href = withQuery(a.href);
    if (href) a.href = href;
  }
  if (listening) return;
  listening = true;
  // Links drawn later by cells get the query when they are followed.
  document.addEventListener(
    "click",
    (event) => {
      const a = event.target.closest?.("a[href]");
      if (a && !a.hasAttribute("download") && !a.getAttribute("href").startsWith("#")) {
        const href = withQuery(a.href);
        if (href) a.href = href;
      }
    },
    true
  );
}
