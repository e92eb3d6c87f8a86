import {html} from "npm:htl";
import {provenance} from "./cases.js";
import {bi} from "./i18n.js";

/**
 * Creates a small label that shows whether a case is real or synthetic, survey or records,
 * in both languages (the page's language shows).
 */
export function caseBadge(data) {
  const text = bi(provenance(data, "en"), provenance(data, "zh"));
  return html`<span class="badge ${data.synthetic ? "badge-synthetic" : "badge-real"}"
    >${text}</span
  >`;
}
