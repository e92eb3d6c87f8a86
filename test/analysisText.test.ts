import {describe, expect, test, vi} from "vitest";
import {decodeText} from "../lib/encoding.js";
import {readSurvey} from "../lib/read.js";
// @ts-expect-error: a JavaScript module of the site, which has no type declarations
import {zhSentence} from "../src/components/analysisText.js";

// The module builds page elements with Observable's htl, which the translations do not use.
vi.mock("npm:htl", () => ({html: () => null}));

const encode = (text: string) => new TextEncoder().encode(text);

/** Reasons of the problem cells that readSurvey reports, without "file line N, column X: ". */
function reasons(text: string, options: Parameters<typeof readSurvey>[1]): string[] {
  return readSurvey(encode(text), {file: "s.csv", ...options}).problems.map((problem) =>
    problem.message.slice(problem.message.indexOf(`column ${problem.column}: `) +
      `column ${problem.column}: `.length)
  );
}

/** Numbers of a sentence, such as "-3", "2.5" and "0". */
const numbers = (text: string) => text.match(/-?\d+(?:\.\d+)?/g) ?? [];

/** Checks that a translation exists, keeps the numbers and has no English word left. */
function expectChinese(english: string, kept: string[] = []): string {
  const zh = zhSentence(english);
  expect(zh).not.toBeNull();
  for (const number of numbers(english)) expect(zh).toContain(number);
  let rest = zh!;
  for (const text of kept) {
    expect(zh).toContain(text);
    rest = rest.split(text).join("");
  }
  expect(rest).not.toMatch(/[A-Za-z]{2,}/);
  return zh!;
}

describe("zhSentence of unreadable cells", () => {
  test("translates an unknown label on 1–5", () => {
    const [english] = reasons("F1\nxy\n", {scale: [1, 5]});
    expect(english).toContain("is not a number or a known answer label");
    expect(english).toContain("Strongly disagree (非常不同意)");
    const zh = expectChinese(english, ["xy"]);
    expect(zh).toBe(
      "“xy”既不是数字，也不是已知的作答标签；有效作答为 1 到 5 的整数，或以下标签之一：" +
        "“非常不同意”、“不同意”、“一般”、“同意”、“非常同意”"
    );
  });

  test("translates an unknown label on 1–10", () => {
    const [english] = reasons("F1\nxy\n", {scale: [1, 10]});
    expect(english).toBe(
      '"xy" is not a number or a known answer label; valid answers are the whole numbers 1 to 10'
    );
    expect(expectChinese(english, ["xy"])).toBe(
      "“xy”既不是数字，也不是已知的作答标签；有效作答为 1 到 10 的整数"
    );
  });
});

describe("zhSentence of invalid record values", () => {
  const ranges = {
    nights: {min: 0, max: Infinity, integer: true},
    revenue: {min: 0, max: Infinity},
    canceled: {min: 0, max: 1, integer: true},
    change: {min: -Infinity, max: 10},
    any: {min: -Infinity, max: Infinity, integer: true}
  };
  const [nights, revenue, canceled, change, any] = reasons(
    "nights,revenue,canceled,change,any\n-3,-500,2,11,2.5\n",
    {ranges}
  );

  test("translates a whole number ≥ 0", () => {
    expect(nights).toBe('"-3" is not a valid value; expected a whole number ≥ 0');
    expect(expectChinese(nights)).toBe("“-3”不是有效的值，应为 ≥ 0 的整数");
  });

  test("translates a number ≥ 0", () => {
    expect(expectChinese(revenue)).toBe("“-500”不是有效的值，应为 ≥ 0 的数");
  });

  test("translates a range from 0 to 1", () => {
    expect(canceled).toBe('"2" is not a valid value; expected a whole number from 0 to 1');
    expect(expectChinese(canceled)).toBe("“2”不是有效的值，应为 0 到 1 的整数");
  });

  test("translates an upper bound only", () => {
    expect(expectChinese(change)).toBe("“11”不是有效的值，应为 ≤ 10 的数");
  });

  test("translates a whole number without bounds", () => {
    expect(expectChinese(any)).toBe("“2.5”不是有效的值，应为整数");
  });
});

describe("zhSentence of a binary file", () => {
  test("translates the NUL byte error", () => {
    const bytes = new Uint8Array([0x69, 0x64, 0x0a, 0x00, 0xff]);
    let english = "";
    try {
      decodeText(bytes, "data.csv");
    } catch (error) {
      english = (error as Error).message;
    }
    expect(english).toContain("NUL byte at byte 4");
    expect(expectChinese(english, ["data.csv", "NUL", "UTF-8 CSV"])).toBe(
      "data.csv 不是文本文件：第 4 个字节为 NUL 字节；请将表格另存为 UTF-8 CSV 后重新读取"
    );
  });
});
