import {describe, expect, test} from "vitest";
import {maxQuotedLength, quoteText, shortenText} from "../lib/quote.js";

// Expected strings are written out by hand from the rule: up to 40 UTF-16 code units whole,
// longer texts cut to 40 with their length in code units after "…".
describe("shortenText", () => {
  test("keeps short texts whole", () => {
    expect(shortenText("Agree")).toBe("Agree");
    expect(shortenText("a".repeat(40))).toBe("a".repeat(40));
  });

  test("cuts long texts and gives their length", () => {
    expect(shortenText("a".repeat(41))).toBe(`${"a".repeat(40)}… (41 characters)`);
    expect(shortenText("abcdef", 3)).toBe("abc… (6 characters)");
  });

  test("keeps surrogate pairs whole at the cut", () => {
    // "😀" is two code units, so at max 4 the cut would fall inside the second emoji.
    expect(shortenText("abc😀😀", 4)).toBe("abc… (7 characters)");
  });

  test("uses 40 as the default maximum", () => {
    expect(maxQuotedLength).toBe(40);
  });
});

describe("quoteText", () => {
  test("quotes short texts whole", () => {
    expect(quoteText("6")).toBe('"6"');
  });

  test("puts the length after the closing quote", () => {
    expect(quoteText("y".repeat(5_000_000))).toBe(`"${"y".repeat(40)}…" (5000000 characters)`);
  });

  test("cuts texts that contain the ellipsis pattern", () => {
    expect(quoteText("a… (b" + "z".repeat(40), 5)).toBe('"a… (b…" (45 characters)');
  });
});
