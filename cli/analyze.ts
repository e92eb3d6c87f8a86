// Command line: scores a survey or records CSV by relationship value. Run with --help.
import {mkdir, writeFile} from "node:fs/promises";
import {basename, join} from "node:path";
import type {CaseData} from "../lib/caseData.js";
import {auditSummary} from "../lib/clean.js";
import {defaultIndexSystem, type IndexSystem} from "../lib/indexSystem.js";
import {analyzeCase} from "../lib/pipeline.js";
import {degenerateParts} from "../lib/degenerate.js";
import {readSurvey} from "../lib/read.js";
import {readTableCase, reverseItems, setItemScale} from "../lib/survey.js";
import {readSheet} from "read-excel-file/node";
import {sheetToCsv, suggestIdColumn} from "../lib/tableInspection.js";
import {
  checkJudgmentNodes,
  fitJudgments,
  loadIndexSystem,
  loadJudgments,
  readInputFile
} from "./inputs.js";
import {
  analysisConfig,
  parseOptions,
  usage,
  UsageError,
  type CliOptions,
  type EncodingOption
} from "./options.js";
import {classesCsv, degenerateWarning, scoresCsv, summaryJson} from "./report.js";

/** Rows that `analyzeCase` needs: with one, min–max normalisation and the weights are undefined. */
const minimumRows = 2;

/** Appends the options that help to the error for a problem cell of a used column. */
function withScaleHint<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const drop = "pass --drop-out-of-range to drop the rows with such cells";
    if (/ is outside the \S+ scale/.test(error.message)) {
      throw new Error(
        `${error.message}; if the survey uses another scale, pass --scale MIN,MAX, else ${drop}`
      );
    }
    const unreadable = / is not a whole number, so| is not a number or a known answer label/;
    if (unreadable.test(error.message)) {
      throw new Error(`${error.message}; ${drop}`);
    }
    if (/ is not a valid value; expected /.test(error.message)) {
      throw new Error(`${error.message}; correct the records, or ${drop}`);
    }
    throw error;
  }
}

/** Prefixes the file name to an error from the analysis unless the message names it. */
function inFile<T>(file: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof Error && !error.message.includes(basename(file))) {
      throw new Error(`${file}: ${error.message}`);
    }
    throw error;
  }
}

/** Rejects PCA weights when an indicator is constant, because its correlations are undefined. */
function rejectConstantIndicators(data: CaseData, file: string): void {
  data.system.indicators.forEach((indicator, j) => {
    const first = data.values[0][j];
    if (data.values.every((row) => row[j] === first)) {
      throw new Error(
        `${file}: indicator "${indicator.id}" is ${first} in every kept row, so PCA weights are ` +
          "undefined; use --weights entropy or critic, which give it weight 0"
      );
    }
  });
}

function reverseOption(system: IndexSystem, items: string[]): IndexSystem {
  try {
    return reverseItems(system, items);
  } catch (error) {
    throw new UsageError(`invalid --reverse: ${(error as Error).message}`);
  }
}

/** Tells whether a file is a ZIP archive, as an XLSX workbook is: it starts with "PK\x03\x04". */
function isXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads the first sheet of an XLSX workbook as the Your data page does, as UTF-8 CSV. */
async function xlsxToCsv(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  try {
    const rows = await readSheet(Buffer.from(bytes));
    return new TextEncoder().encode(sheetToCsv(rows));
  } catch (error) {
    throw new Error(
      `reading ${file} as an XLSX workbook failed (${(error as Error).message}); save it ` +
        "as CSV and read it again"
    );
  }
}

/** Decodes a file in the encoding that --encoding names and returns it as UTF-8. */
function recode(bytes: Uint8Array, encoding: EncodingOption, file: string): Uint8Array {
  try {
    const text = new TextDecoder(encoding, {fatal: true}).decode(bytes);
    return new TextEncoder().encode(text);
  } catch {
    throw new Error(`${file} is not valid ${encoding} text; check --encoding`);
  }
}

/** Reads the index system, the judgments and the table, and fits the judgments to the table. */
async function readCase(options: CliOptions) {
  let system = options.index ? await loadIndexSystem(options.index) : defaultIndexSystem;
  if (options.scale) system = setItemScale(system, options.scale);
  if (options.reverse.length > 0) system = reverseOption(system, options.reverse);
  const experts = options.judgments ? await loadJudgments(options.judgments) : undefined;
  if (experts) checkJudgmentNodes(experts, system, options.judgments!);
  const fileBytes = await readInputFile(options.file, "a CSV file of survey answers or records");
  const workbook = isXlsx(fileBytes);
  let bytes = fileBytes;
  if (workbook) bytes = await xlsxToCsv(fileBytes, options.file);
  else if (options.encoding) bytes = recode(fileBytes, options.encoding, options.file);

  const name = basename(options.file);
  // The id column is found by name as the Your data page finds it, e.g. "编号" or "respondent".
  const idColumn = options.id ?? suggestIdColumn(readSurvey(bytes, {file: options.file}).columns);
  const read = withScaleHint(() =>
    readTableCase(bytes, options.file, system, {
      id: name,
      title: {en: name, zh: name},
      source: {citation: options.file, licence: "not stated"},
      problemCells: options.dropOutOfRange ? "drop" : "stop",
      straightLining: options.straightLining,
      ...(idColumn === null ? {} : {idColumn})
    })
  );
  if (options.encoding) read.read.encoding = options.encoding;
  const fitted = experts ? fitJudgments(experts, read.data.system, options.judgments!) : null;
  if (fitted) read.data.experts = fitted.experts;
  return {read, judgmentNotes: fitted?.notes ?? []};
}

/** Rejects a case that the method cannot analyse, saying what the file lacks. */
function checkCase(data: CaseData, options: CliOptions): void {
  const dimensions = data.system.dimensions.map((dimension) => dimension.id);
  if (dimensions.length < 2) {
    throw new Error(
      `${options.file} measures only dimension ${dimensions[0]}, but the value matrix needs ` +
        "two; add the items of another dimension (see --help for the item names)"
    );
  }

  const {audit} = data;
  if (audit.keptRows < minimumRows) {
    const reasons = audit.dropped
      .filter((drop) => drop.count > 0)
      .map((drop) => `${drop.reason} ${drop.count}`);
    const dropped = reasons.length > 0 ? ` (dropped: ${reasons.join(", ")})` : "";
    const remain = `${audit.keptRows} of ${audit.rawRows} rows remain after cleaning`;
    throw new Error(
      `${options.file}: ${remain}${dropped}; the analysis needs at least ${minimumRows} ` +
        "complete rows"
    );
  }
  if (options.weights === "pca") rejectConstantIndicators(data, options.file);
}

/** Analyses the file and writes the three outputs. Returns the lines to log. */
async function run(options: CliOptions): Promise<string[]> {
  const {read, judgmentNotes} = await readCase(options);
  checkCase(read.data, options);
  const analysis = inFile(options.file, () => analyzeCase(read.data, analysisConfig(options)));
  const warning = degenerateWarning(read.data, degenerateParts(analysis));

  await mkdir(options.out, {recursive: true});
  await writeFile(join(options.out, "scores.csv"), scoresCsv(read.data, analysis));
  await writeFile(join(options.out, "classes.csv"), classesCsv(analysis));
  await writeFile(
    join(options.out, "summary.json"),
    summaryJson(read, analysis, options, judgmentNotes)
  );
  const files = "scores.csv, classes.csv and summary.json";
  const done = `${auditSummary(read.data.audit)}; wrote ${files} to ${options.out}`;
  return warning === null ? [done] : [`analyze: warning: ${options.file}: ${warning}`, done];
}

/** Runs the command and returns the exit status: 0 done, 1 unusable input, 2 usage mistake. */
async function main(argv: string[]): Promise<number> {
  try {
    const options = parseOptions(argv);
    if (options === null) {
      process.stdout.write(usage);
      return 0;
    }
    for (const line of await run(options)) process.stderr.write(`${line}\n`);
    return 0;
  } catch (error) {
    // Expected failures are plain Errors whose message names the place and the fix. A bug
    // shows up as a TypeError or the like, which keeps its stack trace.
    if (
      !(error instanceof Error) ||
      !(error.constructor === Error || error instanceof UsageError)
    ) {
      throw error;
    }
    const line = error.message.replace(/\s*\n\s*/g, " ");
    process.stderr.write(`analyze: ${line}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
