// Emits a short summary of every case, so that the overview and the data pages can describe
// all cases without downloading their rows (the largest case files are over 300 kB
// gzipped). It runs each case loader in src/data/cases/ and keeps what those pages show: id,
// title, kind, synthetic, source, index system, cleaning audit and the number of kept rows.
import {execFileSync} from "node:child_process";
import {readdirSync} from "node:fs";
import {join} from "node:path";
import type {CaseData} from "../../lib/caseData.js";
import {readCaseFile} from "../../lib/compactCase.js";

const casesDir = join("src", "data", "cases");

/** A case without its rows: what a page needs to list and describe it. */
type CaseSummary = Omit<CaseData, "ids" | "values" | "items" | "profile" | "experts"> & {
  rows: number;
};

/** Runs one case loader with tsx and returns its CaseData. Errors name the loader. */
function runCaseLoader(file: string): CaseData {
  const path = join(casesDir, file);
  let output: string;
  try {
    output = execFileSync(process.execPath, ["--import", "tsx", path], {
      encoding: "utf8",
      maxBuffer: 1 << 30,
      stdio: ["ignore", "pipe", "pipe"]
    });
  } catch (error) {
    const stderr = String((error as {stderr?: string}).stderr ?? "").trim();
    throw new Error(`${path} failed: ${stderr || (error as Error).message}`);
  }
  try {
    return readCaseFile(JSON.parse(output));
  } catch (error) {
    throw new Error(`${path} wrote invalid case JSON: ${(error as Error).message}`);
  }
}

function summarize(data: CaseData): CaseSummary {
  const {id, title, kind, synthetic, source, system, audit} = data;
  return {id, title, kind, synthetic, source, system, audit, rows: data.ids.length};
}

try {
  const loaders = readdirSync(casesDir)
    .filter((file) => /^[\w-]+\.json\.ts$/.test(file))
    .sort();
  if (loaders.length === 0) throw new Error(`no case loader (*.json.ts) found in ${casesDir}`);
  const summaries = loaders.map((file) => summarize(runCaseLoader(file)));
  process.stdout.write(JSON.stringify(summaries));
} catch (error) {
  process.stderr.write(`case summaries failed: ${(error as Error).message}\n`);
  process.exit(1);
}
