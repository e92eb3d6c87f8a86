import {html} from "npm:htl";
import {provenance} from "./cases.js";

/** Creates a small label that shows whether a case is real or synthetic, survey or records. */
export function caseBadge(data) {
  const text = provenance(data);
  return html`<span class="badge ${data.synthetic ? "badge-synthetic" : "badge-real"}"
    >${text}</span
  >`;
}
