import {describe, expect, test} from "vitest";
import {decodeText, looksLikeGbk} from "../lib/encoding.js";

// Byte sequences from python3: "你好".encode("gbk"), "𠀀".encode("gb18030"),
// "你好".encode("utf-16le") and "你好".encode("utf-16be").
const bytes = (hex: string) => new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));

describe("decodeText", () => {
  test("reads plain UTF-8", () => {
    expect(decodeText(new TextEncoder().encode("a,b\n你好"))).toEqual({
      text: "a,b\n你好",
      encoding: "utf-8"
    });
  });

  test("drops a UTF-8 byte order mark", () => {
    expect(decodeText(bytes("efbbbf61"))).toEqual({text: "a", encoding: "utf-8-bom"});
  });

  test("reads GBK bytes as GB18030", () => {
    expect(decodeText(bytes("c4e3bac3"))).toEqual({text: "你好", encoding: "gb18030"});
  });

  test("reads four-byte GB18030 sequences", () => {
    expect(decodeText(bytes("95328236"))).toEqual({text: "𠀀", encoding: "gb18030"});
  });

  test("reads UTF-16 with a byte order mark", () => {
    expect(decodeText(bytes("fffe604f7d59"))).toEqual({text: "你好", encoding: "utf-16le"});
    expect(decodeText(bytes("feff4f60597d"))).toEqual({text: "你好", encoding: "utf-16be"});
  });

  test("decodes an empty file to empty text", () => {
    expect(decodeText(new Uint8Array())).toEqual({text: "", encoding: "utf-8"});
  });

  test("reads Latin-1 as Windows-1252", () => {
    // "agência" in Latin-1: 0xea is ê, followed by the ASCII letter n.
    expect(decodeText(bytes("6167ea6e636961"))).toEqual({
      text: "agência",
      encoding: "windows-1252"
    });
  });

  test("rejects bytes with NUL", () => {
    expect(() => decodeText(bytes("610062ff"), "x.bin")).toThrow(
      "x.bin is not a text file: it contains a NUL byte at byte 2; save the table as UTF-8 " +
        "CSV and read it again"
    );
  });

  test("rejects invalid UTF-8 after a mark", () => {
    expect(() => decodeText(bytes("efbbbfc4e3"), "x.csv")).toThrow(
      "x.csv starts with a UTF-8 byte order mark but is not valid UTF-8 text"
    );
  });
});

describe("looksLikeGbk", () => {
  test("accepts GBK pairs", () => {
    expect(looksLikeGbk(bytes("c4e3bac3"))).toBe(true);
  });

  test("rejects a Latin-1 letter before ASCII", () => {
    expect(looksLikeGbk(bytes("6167ea6e636961"))).toBe(false);
  });
});
