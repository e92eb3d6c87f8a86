import {parseArgs} from "node:util";
import type {Threshold} from "../lib/classify.js";
import type {RelationshipModel} from "../lib/coupling.js";
import type {ObjectiveMethod} from "../lib/hierarchy.js";
import type {AnalysisConfig} from "../lib/pipeline.js";
import {quoteText, shortenText} from "../lib/quote.js";

/** Weighting choices of the command line: AHP, one objective method, or their combination. */
export type WeightsOption = "ahp" | ObjectiveMethod | "combined";

/** Parsed and validated command-line options. */
export interface CliOptions {
  file: string;
  index: string | null;
  weights: WeightsOption;
  alpha: number;
  model: RelationshipModel;
  threshold: Threshold;
  scale: [number, number] | null;
  /** Drop rows with problem cells instead of stopping at the first. */
  dropOutOfRange: boolean;
  /** Survey items to reverse-code, in addition to those the index system marks. */
  reverse: string[];
  straightLining: boolean;
  id: string | null;
  judgments: string | null;
  /** Encoding of FILE, or null to detect it. */
  encoding: EncodingOption | null;
  out: string;
}

/** Encodings that --encoding accepts. */
export type EncodingOption = "utf-8" | "gb18030" | "windows-1252";

/** A command-line mistake: the process prints the message and exits with status 2. */
export class UsageError extends Error {}

const weightsChoices: WeightsOption[] = ["ahp", "entropy", "critic", "pca", "combined"];
const modelChoices: RelationshipModel[] = ["coupling", "additive", "geometric"];
const encodingChoices: EncodingOption[] = ["utf-8", "gb18030", "windows-1252"];
const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Default output folder, relative to the working directory. */
export const defaultOutDir = "analysis-out";

export const usage = `Usage: npm run analyze -- FILE [options]

Scores every row of a survey or records table by relationship value: reads FILE
(CSV, semicolon- or tab-separated; UTF-8, UTF-16, GBK or Latin-1; or the first sheet
of an XLSX workbook), matches its columns to the items of the index system, cleans
the rows, weights the indicators, and writes scores.csv, classes.csv and
summary.json. Records outside their valid range (−3 room nights, a negative amount)
stop the run.

Options:
  --index FILE.json    index system as JSON (id, label, dimensions, indicators);
                       default: the built-in system with items F1…F8, S1…S6, E1…E6,
                       O1…O4, P1…P6, W1, W2, R1…R6 and the record fields revenue,
                       room_nights, ancillary, tenure, recency, cost_to_serve,
                       discounts, cancellations, no_shows
  --weights METHOD     indicator weights: ahp, entropy, critic, pca or combined
                       (AHP mixed with entropy); default combined. Without
                       --judgments, AHP gives equal weights at every node
  --alpha A            share of AHP in combined weights, 0 to 1; default 0.5
  --model MODEL        relationship value of CRV and HRV: coupling (coupling
                       coordination degree D), additive or geometric; default coupling
  --threshold T        where the value matrix splits each axis: mean, median,
                       midpoint (0.5) or a number from 0 to 1 on the normalised
                       scores; default mean
  --scale MIN,MAX      answer scale of every survey item, integers; default 1,5.
                       An answer outside it, between two of its points (2.5) or
                       unreadable stops the run with the cell named
  --drop-out-of-range  drop the rows with such answers, or with impossible record
                       values (negative or fractional nights, negative amounts),
                       instead of stopping; the audit lists them under "problem
                       cell" with each cell's column and reason
  --reverse ITEM,...   survey items worded in reverse, such as E4,P2: their
                       answers become MIN + MAX - x before they are averaged
  --no-straightlining  keep rows that give one answer to every survey item
                       (the straight-lining rule drops them by default when
                       they answer at least 5 items)
  --encoding NAME      encoding of FILE: utf-8, gb18030 (GBK) or windows-1252
                       (Latin-1); default: detected, and named in summary.json
  --id COLUMN          respondent or customer id column; default a column named "id",
                       "respondent", "customer id", "编号", "序号" or the like if
                       any, else rows are named by line number
  --judgments FILE     AHP judgments as JSON: [{node, order, matrices}] or
                       {names, note, judgments: [...]}; entries are numbers or
                       fractions such as "1/3"
  --out DIR            output folder, created if missing; default ./${defaultOutDir}
  --help               print this help and exit

Exit status: 0 on success, 1 on unusable input (file, table or values), 2 on a
command-line mistake. Errors are one line on stderr. When an indicator or an axis
of the value matrix has the same value in every kept row, a line "analyze:
warning: ..." on stderr and "warnings" in summary.json say so, because such scores
cannot tell customers apart.
`;

function parseNumber(option: string, text: string, expected: string): number {
  const value = Number(text);
  if (!numberPattern.test(text.trim()) || !Number.isFinite(value)) {
    throw new UsageError(`invalid --${option} ${quoteText(text)}: expected ${expected}`);
  }
  return value;
}

function parseChoice<T extends string>(option: string, text: string, choices: T[]): T {
  if (!(choices as string[]).includes(text)) {
    const list = `${choices.slice(0, -1).join(", ")} or ${choices[choices.length - 1]}`;
    throw new UsageError(`invalid --${option} ${quoteText(text)}: expected ${list}`);
  }
  return text as T;
}

function parseUnitInterval(option: string, text: string, expected: string): number {
  const value = parseNumber(option, text, expected);
  if (value < 0 || value > 1)
    throw new UsageError(`invalid --${option} ${quoteText(text)}: expected ${expected}`);
  return value;
}

function parseThreshold(text: string): Threshold {
  if (text === "mean" || text === "median" || text === "midpoint") return text;
  return parseUnitInterval("threshold", text, "mean, median, midpoint or a number from 0 to 1");
}

function parseItems(text: string): string[] {
  const items = text.split(",").map((item) => item.trim());
  if (items.some((item) => item === "")) {
    throw new UsageError(
      `invalid --reverse ${quoteText(text)}: expected item names separated by commas, ` +
        "such as E4,P2"
    );
  }
  return items;
}

function parseScale(text: string): [number, number] {
  const expected = "MIN,MAX with integers MIN < MAX, such as 1,5 or 1,7";
  const parts = text.split(",");
  if (parts.length !== 2) {
    throw new UsageError(`invalid --scale ${quoteText(text)}: expected ${expected}`);
  }
  const [min, max] = parts.map((part) => parseNumber("scale", part, expected));
  if (!Number.isInteger(min) || !Number.isInteger(max) || !(min < max)) {
    throw new UsageError(`invalid --scale ${quoteText(text)}: expected ${expected}`);
  }
  return [min, max];
}

/** Rewrites the errors of `parseArgs` as one short line that points to --help. */
function usageErrorOf(error: Error & {code?: string}): UsageError {
  const option = shortenText(/'(-[^' ]+)/.exec(error.message)?.[1] ?? "");
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new UsageError(`unknown option ${option}; run with --help to list the options`);
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (error.message.includes("does not take an argument")) {
        return new UsageError(`option ${option} takes no value`);
      }
      return new UsageError(`option ${option} needs a value; run with --help for its values`);
    default:
      return new UsageError(error.message.split("\n")[0]);
  }
}

/**
 * Parses the arguments after `analyze`. Returns null when --help is given.
 *
 * @throws UsageError naming the option, the value found and the values allowed
 * @example
 * parseOptions(["s.csv", "--weights", "ahp"]).weights // "ahp"
 */
export function parseOptions(argv: string[]): CliOptions | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        index: {type: "string"},
        weights: {type: "string"},
        alpha: {type: "string"},
        model: {type: "string"},
        threshold: {type: "string"},
        scale: {type: "string"},
        "drop-out-of-range": {type: "boolean"},
        reverse: {type: "string"},
        "no-straightlining": {type: "boolean"},
        id: {type: "string"},
        judgments: {type: "string"},
        encoding: {type: "string"},
        out: {type: "string"},
        help: {type: "boolean"}
      }
    });
  } catch (error) {
    if (error instanceof TypeError) throw usageErrorOf(error);
    throw error;
  }
  const {values, positionals} = parsed;
  if (values.help) return null;

  if (positionals.length === 0) {
    throw new UsageError("no input file given; usage: npm run analyze -- FILE [options]");
  }
  if (positionals.length > 1) {
    throw new UsageError(
      `expected one input file, got ${positionals.length}: ${positionals.join(", ")}`
    );
  }
  return {
    file: positionals[0],
    index: values.index ?? null,
    weights: parseChoice("weights", values.weights ?? "combined", weightsChoices),
    alpha: parseUnitInterval("alpha", values.alpha ?? "0.5", "a number from 0 to 1"),
    model: parseChoice("model", values.model ?? "coupling", modelChoices),
    threshold: parseThreshold(values.threshold ?? "mean"),
    scale: values.scale === undefined ? null : parseScale(values.scale),
    dropOutOfRange: values["drop-out-of-range"] ?? false,
    reverse: values.reverse === undefined ? [] : parseItems(values.reverse),
    straightLining: !(values["no-straightlining"] ?? false),
    id: values.id ?? null,
    judgments: values.judgments ?? null,
    encoding:
      values.encoding === undefined
        ? null
        : parseChoice("encoding", values.encoding.toLowerCase(), encodingChoices),
    out: values.out ?? defaultOutDir
  };
}

/**
 * Turns the options into the pipeline's configuration: entropy, CRITIC and PCA weight on
 * their own; combined mixes AHP with entropy by α.
 *
 * @example analysisConfig({...options, weights: "pca"}).objective // "pca"
 */
export function analysisConfig(options: CliOptions): Partial<AnalysisConfig> {
  const common = {model: options.model, threshold: options.threshold, alpha: options.alpha};
  switch (options.weights) {
    case "ahp":
      return {...common, weighting: "ahp"};
    case "combined":
      return {...common, weighting: "combined", objective: "entropy"};
    default:
      return {...common, weighting: "objective", objective: options.weights};
  }
}
