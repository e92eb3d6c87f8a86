import {html} from "npm:htl";
import {glossaryEntry} from "../lib/glossary.js";

// Framework serves local modules from SITE/_import/…, so the site root is the part of this
// module's URL before "/_import/". It is right at any base path the site is published under.
const moduleUrl = import.meta.url;
const siteRoot = moduleUrl.includes("/_import/")
  ? moduleUrl.slice(0, moduleUrl.lastIndexOf("/_import/") + 1)
  : new URL("/", location.href).href;

// A page opened as NAME.html links to glossary.html, for hosts without clean URLs.
const extension = location.pathname.endsWith(".html") ? ".html" : "";

/** Returns the URL of a term's entry on the glossary page; throws on an unknown id. */
export function glossaryHref(id) {
  glossaryEntry(id);
  return `${siteRoot}glossary${extension}#${id}`;
}

/**
 * Renders a glossary term as a link to its entry, with its definition in `lang` ("en" or
 * "zh") as the link's tooltip. `text` replaces the term's name, e.g.
 * term("coupling-degree", "coupling degree"). Throws on an unknown id, naming the ids that
 * contain it.
 */
export function term(id, text, lang = "en") {
  const entry = glossaryEntry(id);
  const zh = lang === "zh";
  return html`<a
    class="glossary-term"
    href=${glossaryHref(id)}
    title=${zh ? entry.definition.zh : entry.definition.en}
    >${text ?? (zh ? entry.term.zh : entry.term.en)}</a
  >`;
}
