import {html} from "npm:htl";

/**
 * Builds a drop zone with a file picker whose value is the chosen File (null until one is chosen).
 * It dispatches "input" when a file is dropped or picked, so `view()` follows it, and
 * `element.choose(file)` sets a file from code. The file is only read by the page; nothing is
 * uploaded.
 */
export function fileDrop({accept = ".csv,.tsv,.txt,.xlsx", label = "Drop a file here or"} = {}) {
  const picker = html`<input type="file" accept=${accept}>`;
  const name = html`<span class="muted">No file chosen.</span>`;
  const zone = html`<div class="drop-zone">${label} ${picker}<div>${name}</div></div>`;
  zone.value = null;

  const choose = (file) => {
    if (!file) return;
    zone.value = file;
    name.textContent = `${file.name} (${file.size.toLocaleString("en-US")} bytes)`;
    zone.dispatchEvent(new Event("input", {bubbles: true}));
  };
  zone.choose = choose;
  picker.onchange = () => choose(picker.files[0]);
  zone.ondragover = (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  };
  zone.ondragleave = () => zone.classList.remove("dragging");
  zone.ondrop = (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    choose(event.dataTransfer.files[0]);
  };
  return zone;
}
