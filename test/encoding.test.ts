import {describe, expect, test} from "vitest";
import {decodeText} from "../lib/encoding.js";

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

  test("rejects neither UTF-8 nor GB18030", () => {
    expect(() => decodeText(bytes("8120"), "x.csv")).toThrow(
      "x.csv is neither UTF-8 nor GB18030 (GBK) text"
    );
  });

  test("rejects invalid UTF-8 after a mark", () => {
    expect(() => decodeText(bytes("efbbbfc4e3"), "x.csv")).toThrow(
      "x.csv starts with a UTF-8 byte order mark but is not valid UTF-8 text"
    );
  });
});
