/** Maximum length of a text that a message quotes whole; longer texts are cut. */
export const maxQuotedLength = 40;

/**
 * Shortens a value from a user's file for a message: a text of up to `max` UTF-16 code
 * units stays whole, and a longer one keeps its first `max` units followed by its length. A
 * cut never splits a surrogate pair, so an emoji at the cut is left out whole.
 *
 * @example
 * shortenText("abc") // "abc"
 * shortenText("x".repeat(100)) // "xxxx…x… (100 characters)" with 40 x's before "…"
 */
export function shortenText(text: string, max = maxQuotedLength): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, end)}… (${text.length} characters)`;
}

/**
 * Quotes a value from a user's file for a message, shortened as `shortenText` does: the
 * quotes enclose the kept text, and the length follows them.
 *
 * @example
 * quoteText("Agree") // '"Agree"'
 * quoteText("y".repeat(5_000_000)) // '"yyy…y…" (5000000 characters)' with 40 y's
 */
export function quoteText(text: string, max = maxQuotedLength): string {
  if (text.length <= max) return `"${text}"`;
  const short = shortenText(text, max);
  const cut = short.lastIndexOf("… (");
  return `"${short.slice(0, cut + 1)}"${short.slice(cut + 1)}`;
}
