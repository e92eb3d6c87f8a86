/** A text encoding that `decodeText` recognises. `utf-8-bom` is UTF-8 with a byte order mark. */
export type TextEncoding =
  | "utf-8"
  | "utf-8-bom"
  | "utf-16le"
  | "utf-16be"
  | "gb18030"
  | "windows-1252";

/** Text decoded from bytes, with the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Decodes the bytes of a text file and detects their encoding. A byte order mark decides
 * between UTF-8, UTF-16LE and UTF-16BE (the mark is not part of the text). Without one, the
 * bytes are read as strict UTF-8. If that fails and the bytes look like Chinese text (see
 * `looksLikeGbk`), they are read as GB18030, the superset of GBK and GB2312 that
 * Chinese-locale spreadsheet programs write. Otherwise, or when that gives no Chinese
 * character, they are read as Windows-1252, the superset of Latin-1 of Western locales. Uses only `TextDecoder`, so it runs
 * in Node and in browsers.
 *
 * @param bytes - the file's content
 * @param file - the file name used in error messages
 * @throws Error when the bytes contain a NUL byte, which text files do not (unless they are
 *   UTF-16 with a byte order mark)
 * @example
 * decodeText(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3])) // {text: "你好", encoding: "gb18030"}
 */
export function decodeText(bytes: Uint8Array, file = "input"): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {text: decodeStrict("utf-8", bytes.subarray(3), file), encoding: "utf-8-bom"};
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {text: decodeStrict("utf-16le", bytes.subarray(2), file), encoding: "utf-16le"};
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {text: decodeStrict("utf-16be", bytes.subarray(2), file), encoding: "utf-16be"};
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new Error(
      `${file} is not a text file: it contains a NUL byte at byte ${nul + 1}; save the table ` +
        "as UTF-8 CSV and read it again"
    );
  }

  try {
    return {text: new TextDecoder("utf-8", {fatal: true}).decode(bytes), encoding: "utf-8"};
  } catch {
    // Not UTF-8: a GBK or a Latin-1 file, which their double-byte pairs distinguish.
  }
  if (looksLikeGbk(bytes)) {
    try {
      const text = new TextDecoder("gb18030", {fatal: true}).decode(bytes);
      if (/\p{Script=Han}/u.test(text)) return {text, encoding: "gb18030"};
    } catch {
      // Not valid GB18030, so Windows-1252 below.
    }
  }
  return {text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252"};
}

/**
 * Tells whether non-UTF-8 bytes look like GBK Chinese text rather than Latin-1. In GBK text
 * almost every byte ≥ 0x80 starts a pair whose second byte is ≥ 0x80 too (the GB2312 area);
 * Latin-1 text has single accented letters between ASCII letters, as in "agência". At least
 * 90% of the pairs must have a high second byte or be four-byte GB18030 sequences.
 *
 * @example looksLikeGbk(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3])) // true
 */
export function looksLikeGbk(bytes: Uint8Array): boolean {
  let pairs = 0;
  let highPairs = 0;
  const digit = (byte: number) => byte >= 0x30 && byte <= 0x39;
  for (let k = 0; k < bytes.length; k++) {
    if (bytes[k] < 0x80) continue;
    pairs++;
    // A four-byte GB18030 sequence is high byte, digit, high byte, digit.
    if (digit(bytes[k + 1]) && bytes[k + 2] >= 0x81 && digit(bytes[k + 3])) {
      highPairs++;
      k += 3;
      continue;
    }
    if (k + 1 < bytes.length && bytes[k + 1] >= 0x80) highPairs++;
    k++;
  }
  return pairs > 0 && highPairs >= 0.9 * pairs;
}

function decodeStrict(encoding: string, bytes: Uint8Array, file: string): string {
  try {
    // ignoreBOM keeps a second mark as text; the first one was already removed.
    return new TextDecoder(encoding, {fatal: true, ignoreBOM: true}).decode(bytes);
  } catch {
    throw new Error(
      `${file} starts with a ${encoding.toUpperCase()} byte order mark but is not valid ` +
        `${encoding.toUpperCase()} text; save it again as UTF-8 CSV`
    );
  }
}
