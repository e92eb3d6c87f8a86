/** A text encoding that `decodeText` recognises. `utf-8-bom` is UTF-8 with a byte order mark. */
export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

/** Text decoded from bytes, with the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Decodes the bytes of a text file and detects their encoding. A byte order mark decides
 * between UTF-8, UTF-16LE and UTF-16BE (the mark is not part of the text). Without one, the
 * bytes are read as strict UTF-8, and if that fails, as GB18030, the superset of GBK and
 * GB2312 that Chinese-locale spreadsheet programs write. Uses only `TextDecoder`, so it runs
 * in Node and in browsers.
 *
 * @param bytes - the file's content
 * @param file - the file name used in error messages
 * @throws Error when the bytes are neither valid UTF-8 nor valid GB18030
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

  try {
    return {text: new TextDecoder("utf-8", {fatal: true}).decode(bytes), encoding: "utf-8"};
  } catch {
    // Not UTF-8: GBK and GB2312 files are valid GB18030, so try that next.
  }
  try {
    return {text: new TextDecoder("gb18030", {fatal: true}).decode(bytes), encoding: "gb18030"};
  } catch {
    throw new Error(
      `${file} is neither UTF-8 nor GB18030 (GBK) text; save it as UTF-8 CSV and read it again`
    );
  }
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
