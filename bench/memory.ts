// Measures the memory of the whole method on generated data. bench/run.ts runs it in a
// process of its own with --expose-gc and --trace-gc. It prints one line "memory: JSON" with
// process.memoryUsage() in MB after each step and the peak resident set size.
import {analyzeCase} from "../lib/pipeline.js";
import {benchCase, benchRows} from "./data.js";

const rows = Number(process.argv[2] ?? 1_000_000);
const gc = (globalThis as {gc?: () => void}).gc;
const steps: Record<string, Record<string, number>> = {};
const megabytes = (bytes: number) => Math.round(bytes / 1e5) / 10;

function record(step: string): void {
  gc?.();
  const usage = process.memoryUsage();
  steps[step] = Object.fromEntries(
    Object.entries(usage).map(([key, bytes]) => [key, megabytes(bytes)])
  );
}

record("start");
const data = benchCase(benchRows(rows));
record("data generated");
const analysis = analyzeCase(data);
record("analysed");
const maxRss = megabytes(process.resourceUsage().maxRSS * 1024);
const summary = {rows, steps, maxRss, classes: analysis.classes.counts};
process.stdout.write(`memory: ${JSON.stringify(summary)}\n`);
