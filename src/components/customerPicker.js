import {html} from "npm:htl";
import {exampleCustomer} from "../lib/exercises.js";
import {readParam, writeParam} from "./urlState.js";

/**
 * Creates an input whose value is the row of the customer the tour follows. It starts from
 * `?customer=ID` in the address, or from the typical customer (nearest to the medians of the
 * value matrix's axes), and writes the chosen id back to the address. The reader types an id
 * (suggestions come from the case) or takes the typical or a random customer.
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
    aria-label="Customer id"
    spellcheck="false"
  />`;
  const message = html`<span class="customer-message muted"></span>`;
  const typicalButton = html`<button type="button">Typical customer</button>`;
  const randomButton = html`<button type="button">Random customer</button>`;
  const options = data.ids.slice(0, 2000).map((id) => html`<option value=${id}></option>`);
  const form = html`<form class="customer-picker">
    <label>Customer</label>${field}<datalist id=${listId}>${options}</datalist>
    ${typicalButton}${randomButton}${message}
  </form>`;
  form.value = start;

  function choose(row) {
    form.value = row;
    field.value = data.ids[row];
    message.textContent = row === typical ? "the typical customer" : "";
    writeParam("customer", data.ids[row]);
    form.dispatchEvent(new Event("input", {bubbles: true}));
  }

  message.textContent = start === typical ? "the typical customer" : "";
  // Keystrokes are not choices: only a committed id (change) moves the tour.
  field.addEventListener("input", (event) => event.stopPropagation());
  field.addEventListener("change", () => {
    const row = rowOf.get(field.value.trim());
    if (row === undefined) {
      message.textContent = `no customer "${field.value.trim()}" in this case`;
      return;
    }
    choose(row);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  typicalButton.onclick = () => choose(typical);
  randomButton.onclick = () => choose(Math.floor(Math.random() * data.ids.length));
  return form;
}
