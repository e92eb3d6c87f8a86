import {html} from "npm:htl";
import {exampleCustomer} from "../lib/exercises.js";
import {bi, currentLang, onLangChange} from "./i18n.js";
import {readParam, writeParam} from "./urlState.js";

const fieldNames = {en: "Customer id", zh: "客户编号"};

/**
 * Creates an input whose value is the row of the customer the tour follows. It starts from
 * `?customer=ID` in the address, or from the typical customer (nearest to the medians of the
 * value matrix's axes), and writes the chosen id back to the address. The reader types an id
 * (suggestions come from the case) or takes the typical or a random customer. Its texts hold
 * both languages, and the page's language shows.
 */
export function customerPicker(data, analysis) {
  const rowOf = new Map(data.ids.map((id, i) => [id, i]));
  const typical = exampleCustomer(analysis);
  const start = rowOf.get(readParam("customer", "")) ?? typical;
  const listId = `customers-${data.id}`;
  const field = html`<input
    type="text"
    list=${listId}
    value=${data.ids[start]}
    size="10"
    aria-label=${fieldNames[currentLang()]}
    spellcheck="false"
  />`;
  const message = html`<span class="customer-message muted"></span>`;
  const typicalButton = html`<button type="button">${bi("Typical customer", "典型客户")}</button>`;
  const randomButton = html`<button type="button">${bi("Random customer", "随机客户")}</button>`;
  const options = data.ids.slice(0, 2000).map((id) => html`<option value=${id}></option>`);
  const form = html`<form class="customer-picker">
    <label>${bi("Customer", "客户")}</label>${field}<datalist id=${listId}>${options}</datalist>
    ${typicalButton}${randomButton}${message}
  </form>`;
  form.value = start;

  const showTypical = (row) =>
    message.replaceChildren(row === typical ? bi("the typical customer", "典型客户") : "");

  function choose(row) {
    form.value = row;
    field.value = data.ids[row];
    showTypical(row);
    writeParam("customer", data.ids[row]);
    form.dispatchEvent(new Event("input", {bubbles: true}));
  }

  showTypical(start);
  // Keystrokes are not choices: only a committed id (change) moves the tour.
  field.addEventListener("input", (event) => event.stopPropagation());
  field.addEventListener("change", () => {
    const id = field.value.trim();
    const row = rowOf.get(id);
    if (row === undefined) {
      message.replaceChildren(
        bi(`no customer "${id}" in this case`, `本案例中没有编号为“${id}”的客户`)
      );
      return;
    }
    choose(row);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  typicalButton.onclick = () => choose(typical);
  randomButton.onclick = () => choose(Math.floor(Math.random() * data.ids.length));
  // An attribute cannot hold both languages, so the field's name follows the language.
  const stop = onLangChange((lang) => {
    if (!form.isConnected) return stop();
    field.setAttribute("aria-label", fieldNames[lang] ?? fieldNames.en);
  });
  return form;
}
