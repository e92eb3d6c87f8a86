/** Whether more of an indicator is better (`benefit`) or worse (`cost`). */
export type Direction = "benefit" | "cost";

/** The two sides of a relationship: customer-received and hotel-received value. */
export type Side = "crv" | "hrv";

/** A text in English and Simplified Chinese. */
export interface Label {
  en: string;
  zh: string;
}

/** A dense matrix as an array of rows (rows are customers or alternatives). */
export type Matrix = number[][];
