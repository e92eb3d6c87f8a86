import {csvParseRows} from "d3-dsv";
import type {ExpertJudgments} from "./caseData.js";
import {defaultIndexSystem, type Dimension, type Indicator} from "./indexSystem.js";
import type {Direction, Label} from "./types.js";

const newline = 0x0a;
const comma = 0x2c;

function splitBytes(bytes: Uint8Array, separator: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === separator) {
      parts.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return parts;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a comma-separated case file as strict UTF-8 (a leading byte order mark is dropped).
 * The case files are UTF-8, so other bytes mean a wrong or damaged file, and the error points
 * to the first cell that contains them. Newline and comma bytes never occur inside a multi-byte
 * UTF-8 character, so lines and fields can be split before decoding; a comma inside quotes
 * would shift the reported column by one.
 *
 * @throws Error naming the file, line and column of the first byte sequence that is not UTF-8
 * @example
 * decodeUtf8(new Uint8Array([0x41, 0x2c, 0x42]), "a.csv") // "A,B"
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return new TextDecoder("utf-8").decode(body);

  const lines = splitBytes(body, newline);
  const line = lines.findIndex((bytesOfLine) => !isUtf8(bytesOfLine));
  const fields = splitBytes(lines[line], comma);
  const field = fields.findIndex((bytesOfField) => !isUtf8(bytesOfField));
  const header = csvParseRows(new TextDecoder("utf-8").decode(lines[0]))[0] ?? [];
  const column = line > 0 && header[field] !== undefined ? header[field].trim() : `${field + 1}`;
  const hex = [...fields[field].subarray(0, 8)]
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join(" ");
  throw new Error(
    `${file} line ${line + 1}, column ${column}: bytes ${hex} are not UTF-8 text; ` +
      "save the file as UTF-8 CSV"
  );
}

/** Picks the default system's dimensions with the given ids, in the default order. */
export function dimensionsOf(ids: string[]): Dimension[] {
  const unknown = ids.filter((id) => !defaultIndexSystem.dimensions.some((d) => d.id === id));
  if (unknown.length > 0) throw new Error(`unknown dimension ids: ${unknown.join(", ")}`);
  return defaultIndexSystem.dimensions.filter((dimension) => ids.includes(dimension.id));
}

/** Builds an indicator computed from one or more record fields. */
export function recordIndicator(
  id: string,
  dimension: string,
  label: Label,
  direction: Direction,
  items: string[],
  unit: string
): Indicator {
  return {id, dimension, label, direction, items, unit};
}

/** Builds a benefit indicator measured by one survey item on a Likert scale. */
export function itemIndicator(
  id: string,
  dimension: string,
  label: Label,
  item: string,
  scale: [number, number]
): Indicator {
  const unit = `Likert ${scale[0]}–${scale[1]}`;
  return {id, dimension, label, direction: "benefit", items: [item], unit, scale};
}

/**
 * Pairwise comparison matrices of one hierarchy node, one per expert, each given by its upper
 * triangle row by row (a₁₂, a₁₃, …, a₂₃, …). The lower triangle contains the exact
 * reciprocals.
 */
export function upperTriangleJudgments(node: string, order: string[], ...uppers: number[][]): ExpertJudgments {
  const n = order.length;
  const matrices = uppers.map((upper) => {
    if (upper.length !== (n * (n - 1)) / 2) {
      throw new Error(`node ${node}: ${upper.length} judgments for ${n} elements`);
    }
    const matrix = order.map(() => new Array<number>(n).fill(1));
    let k = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        matrix[i][j] = upper[k];
        matrix[j][i] = 1 / upper[k];
        k++;
      }
    }
    return matrix;
  });
  return {node, order, matrices};
}

/** Names and caveat of the illustrative experts of the real cases. */
export const illustrativeExperts = {
  names: ["Expert A (illustrative)", "Expert B (illustrative)"],
  note:
    "Illustrative judgments written for this report to show how AHP works. They were not " +
    "elicited from hotel managers or researchers; replace them with real judgments before " +
    "drawing conclusions from AHP weights."
};
