import {readFileSync} from "node:fs";
import {expect} from "vitest";

/** One case of a reference file in test/reference/ (values computed with numpy/scipy). */
export interface ReferenceCase {
  case: string;
  input: Record<string, any>;
  expected: Record<string, any>;
  tolerance: number;
}

/** Reads the cases of one reference file, e.g. "ahp.json". */
export function loadCases(file: string): ReferenceCase[] {
  return JSON.parse(readFileSync(new URL(`../reference/${file}`, import.meta.url), "utf8"));
}

/**
 * Asserts that numbers, or nested arrays of numbers, differ from the expected ones by at most
 * `tolerance`; a failure names the path of the first differing entry.
 */
export function expectClose(actual: unknown, expected: unknown, tolerance: number, path = "value") {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const list = actual as unknown[];
    expect(list.length, `${path} length`).toBe(expected.length);
    expected.forEach((x, k) => expectClose(list[k], x, tolerance, `${path}[${k}]`));
    return;
  }
  const difference = Math.abs((actual as number) - (expected as number));
  expect(difference, `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}
