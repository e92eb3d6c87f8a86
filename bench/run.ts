// Benchmarks lib/ against numpy at 10k, 100k and 1M rows × 20 indicators and checks the speed
// and memory targets. Usage: npm run bench [-- CASE… SIZE…], e.g. npm run bench -- entropy 100k.
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {loadavg, tmpdir} from "node:os";
import {join} from "node:path";
import {median} from "simple-statistics";
import {analyzeCase} from "../lib/pipeline.js";
import {
  benchCases,
  kmeansSettings,
  sensitivityDraws,
  type BenchInput,
  type Results
} from "./cases.js";
import {runBookings, type BookingsSummary} from "./bookings.js";
import {benchCase, benchDirections, benchRows, benchSystem} from "./data.js";
import {
  describeMachine,
  printRecord,
  writeRecord,
  type BenchRecord,
  type Row,
  type Target
} from "./report.js";
import {planFor, timed} from "./timing.js";

const allSizes = [10_000, 100_000, 1_000_000];
const memoryTarget = {rows: 1_000_000, heapMb: 500};
const tolerance = 1e-9;

interface Selection {
  cases: string[];
  sizes: number[];
  memory: boolean;
  bookings: boolean;
}

function parseArguments(args: string[]): Selection {
  const caseIds = benchCases.map((c) => c.id);
  const cases: string[] = [];
  const sizes: number[] = [];
  let memory = false;
  let bookings = false;
  for (const arg of args.map((a) => a.toLowerCase())) {
    const size = /^(\d+)(k|m)$/.exec(arg);
    if (size) {
      const rows = Number(size[1]) * (size[2] === "k" ? 1000 : 1_000_000);
      if (!allSizes.includes(rows)) {
        throw new Error(`unknown size ${arg}; expected 10k, 100k or 1m`);
      }
      sizes.push(rows);
    } else if (arg === "memory") {
      memory = true;
    } else if (arg === "bookings") {
      bookings = true;
    } else if (caseIds.includes(arg)) {
      cases.push(arg);
    } else {
      const names = [...caseIds, "memory", "bookings"].join(", ");
      throw new Error(`unknown case ${arg}; expected one of ${names} or a size`);
    }
  }
  const all = cases.length === 0 && !memory && !bookings;
  const chosenSizes = sizes.length === 0 ? allSizes : sizes.sort((a, b) => a - b);
  // The memory target is measured at 1M rows, so a run limited to smaller sizes skips it.
  const memoryRows = chosenSizes.includes(memoryTarget.rows);
  return {
    cases: all ? caseIds : cases,
    sizes: chosenSizes,
    memory: memory || (all && memoryRows),
    bookings: bookings || (all && sizes.length === 0)
  };
}

interface NodeRun {
  id: string;
  rows: number;
  times: number[];
  cpuTimes: number[];
  results: Results;
}

/**
 * Runs every selected case at every selected size, and collects what numpy needs. Each size
 * draws its own rows, which equal the first rows of a larger draw. So the heap holds only
 * the data of the size being timed, and a garbage collection during a timed run costs what
 * it would cost an application with that data. Returns the rows of the largest size, which
 * numpy reads.
 */
function runNode(
  cases: string[],
  sizes: number[],
  scratch: (name: string, values: Float64Array | Int32Array) => string
): {runs: NodeRun[]; specs: Record<string, object>; allRows: number[][]} {
  const runs: NodeRun[] = [];
  const specs: Record<string, object> = {};
  let values: number[][] = [];
  for (const rows of sizes) {
    values = benchRows(rows);
    const data = benchCase(values);
    const start = performance.now();
    const analysis = analyzeCase(data);
    const analysed = ((performance.now() - start) / 1000).toFixed(1);
    process.stderr.write(`node ${rows} rows: analyzeCase for the score cases ${analysed} s\n`);
    const input: BenchInput = {rows: values, data, analysis};
    const plan = planFor(rows);
    const spec: Record<string, unknown> = {plan, cases, weights: analysis.weights.final};

    for (const id of cases) {
      const benchCase = benchCases.find((c) => c.id === id)!;
      const warmup = benchCase.warmup ? () => benchCase.warmup!(input) : undefined;
      const {times, cpuTimes, result} = timed(plan, () => benchCase.run(input), warmup);
      const results = benchCase.results
        ? benchCase.results(result as never)
        : (result as Results);
      runs.push({id, rows, times, cpuTimes, results});
      if (benchCase.numpyInputs) {
        spec[id] = benchCase.numpyInputs(input, results, (file, array) =>
          scratch(`${file}-${rows}`, array)
        );
      }
      process.stderr.write(`node ${id}-${rows}: median ${median(times).toFixed(1)} ms\n`);
    }
    specs[String(rows)] = spec;
  }
  return {runs, specs, allRows: values};
}

interface NumpyReport {
  machine: {numpy: string; blas: string; core: string | null; threads: number | null};
  results: Record<
    string,
    {
      times: number[];
      cpuTimes: number[];
      values: Record<string, number[] | NumpyFile>;
      info?: {iterations?: number};
    }
  >;
}

interface NumpyFile {
  file: string;
  length: number;
}

/** Runs bench/numpy_bench.py, or returns the reason it cannot run. */
function runNumpy(specFile: string, reportFile: string): NumpyReport | string {
  // OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are set on some machines for older OpenBLAS
  // builds and slow a current one down. One BLAS thread matches Node's single thread and does
  // not stall when other processes keep both cores busy.
  const env: NodeJS.ProcessEnv = {...process.env, OPENBLAS_NUM_THREADS: "1"};
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const probe = spawnSync("python3", ["-c", "import numpy"], {env, encoding: "utf8"});
  if (probe.error) return `python3 is not available (${probe.error.message})`;
  if (probe.status !== 0) {
    const reason = probe.stderr.trim().split("\n").pop();
    return `numpy is not available to python3 (${reason})`;
  }

  const result = spawnSync("python3", [join("bench", "numpy_bench.py"), specFile, reportFile], {
    env,
    stdio: ["ignore", "inherit", "inherit"]
  });
  if (result.status !== 0) return `bench/numpy_bench.py failed with exit code ${result.status}`;
  return JSON.parse(readFileSync(reportFile, "utf8")) as NumpyReport;
}

function numpyValues(value: number[] | NumpyFile): ArrayLike<number> {
  if (Array.isArray(value)) return value;
  const bytes = readFileSync(value.file);
  return new Float64Array(bytes.buffer, bytes.byteOffset, value.length);
}

/** Largest difference of the results that numpy also reports; relative for `relative` keys. */
function compare(
  ours: Results,
  theirs: Record<string, number[] | NumpyFile>,
  relative: string[]
): number {
  let largest = 0;
  for (const [key, value] of Object.entries(theirs)) {
    const a = ours[key];
    const b = numpyValues(value);
    if (a === undefined || a.length !== b.length) {
      throw new Error(`result ${key}: lib/ has ${a?.length ?? "no"} values, numpy ${b.length}`);
    }
    for (let i = 0; i < a.length; i++) {
      const scale = relative.includes(key) ? Math.max(Math.abs(b[i]), 1) : 1;
      largest = Math.max(largest, Math.abs(a[i] - b[i]) / scale);
    }
  }
  return largest;
}

function noteOf(run: NodeRun, nodeMedian: number, numpyInfo?: {iterations?: number}): string {
  if (run.id === "sensitivity") {
    const draws = sensitivityDraws(run.rows);
    return `${draws} draws, ${(nodeMedian / draws).toFixed(1)} ms a draw in Node`;
  }
  if (run.id === "kmeans") {
    const starts = `${kmeansSettings(run.rows).restarts} k-means++ starts`;
    const numpyIterations = numpyInfo?.iterations ?? "?";
    return `${starts}; Lloyd iterations of the best start: lib/ ${run.results.iterations[0]}, ` +
      `numpy ${numpyIterations}`;
  }
  return "";
}

/** A time target of one case at one size, in Node. */
interface TimeTarget {
  case: string;
  rows: number;
  ms: number;
  name: string;
  detail: string;
}

const timeTargets: TimeTarget[] = [
  {
    case: "rescore",
    rows: 100_000,
    ms: 16,
    name: "Re-scoring 100,000 customers in Node",
    detail: "Normalised columns kept, new weights → dimension and side scores, D and classes."
  },
  {
    case: "kmeans",
    rows: 100_000,
    ms: 500,
    name: "k-means of 100,000 customers × 20 indicators, k = 4, 3 starts, in Node",
    detail: "k-means++ starts, Lloyd iterations until no label changes."
  },
  {
    case: "sensitivity",
    rows: 100_000,
    ms: 5000,
    name: "Monte Carlo sensitivity, 1,000 draws on 100,000 customers, in Node",
    detail: "Each draw rescored, classified and ranked against the chosen weights."
  }
];

/** Node / numpy ratio targets: no slower than numpy, PCA within twice numpy's time. */
const ratioTargets: {case: string; title: string; limit: number}[] = [
  {case: "entropy", title: "Entropy weights", limit: 1},
  {case: "critic", title: "CRITIC weights", limit: 1},
  {case: "scores", title: "Normalise + scores + coupling coordination", limit: 1},
  {case: "pca", title: "PCA weights", limit: 2}
];

function timeTargetsOf(rows: Row[]): Target[] {
  return timeTargets.flatMap((target) => {
    const row = rows.find((r) => r.case === target.case && r.rows === target.rows);
    if (row === undefined) return [];
    const measured = row.node.medianMs;
    const met = measured < target.ms;
    return [
      {
        name: target.name,
        limit: `< ${target.ms.toLocaleString("en")} ms`,
        measured:
          `${measured.toFixed(1)} ms median of ${row.node.reps} runs ` +
          `(CPU ${row.node.cpuMedianMs.toFixed(1)} ms)`,
        met,
        detail: met
          ? target.detail
          : `Gap: ${(measured - target.ms).toFixed(1)} ms over the target ` +
            `(${(measured / target.ms).toFixed(1)}× the limit).`
      }
    ];
  });
}

function ratioTargetsOf(rows: Row[]): Target[] {
  return ratioTargets.flatMap((target) => {
    const measured = rows.filter((r) => r.case === target.case && r.ratio !== null);
    if (measured.length === 0) return [];
    const over = measured.filter((r) => r.ratio! > target.limit);
    const sizes = (list: Row[]) =>
      list.map((r) => `${r.rows.toLocaleString("en")} rows ${r.ratio!.toFixed(2)}`).join(", ");
    return [
      {
        name: `${target.title}, Node / numpy`,
        limit: `≤ ${target.limit.toFixed(1)}`,
        measured: sizes(measured),
        met: over.length === 0,
        detail:
          over.length === 0
            ? "Ratio of the medians at every measured size."
            : `Gap at ${over.map((r) => r.rows.toLocaleString("en")).join(", ")} rows: ` +
              over
                .map((r) => `${(r.node.medianMs - target.limit * r.numpy!.medianMs).toFixed(1)} ms`)
                .join(", ") +
              " over the limit."
      }
    ];
  });
}

interface MemoryReport {
  steps: Record<string, Record<string, number>>;
  maxRss: number;
  peakHeapMb: number;
  fitsLimit: boolean;
}

/** Runs bench/memory.ts twice: traced to find the peak heap, then under the heap limit. */
function measureMemory(): MemoryReport {
  const script = join("bench", "memory.ts");
  const rows = String(memoryTarget.rows);
  const traced = spawnSync(
    process.execPath,
    ["--expose-gc", "--trace-gc", "--import", "tsx", script, rows],
    {encoding: "utf8", maxBuffer: 64 << 20}
  );
  if (traced.status !== 0) throw new Error(`bench/memory.ts failed: ${traced.stderr}`);
  const summaryLine = traced.stdout.split("\n").find((line) => line.startsWith("memory: "));
  const summary = JSON.parse(summaryLine!.slice("memory: ".length));
  // Each GC trace line reads "… Mark-Compact 909.1 (948.2) -> 450.1 (490.0) MB, …": the heap
  // in use before the collection, then after it.
  let peakHeapMb = 0;
  for (const match of traced.stdout.matchAll(/ ([\d.]+) \([\d.]+\) -> [\d.]+ \([\d.]+\) MB/g)) {
    peakHeapMb = Math.max(peakHeapMb, Number(match[1]));
  }
  const limited = spawnSync(
    process.execPath,
    [`--max-old-space-size=${memoryTarget.heapMb}`, "--import", "tsx", script, rows],
    {encoding: "utf8", maxBuffer: 64 << 20}
  );
  const fitsLimit = limited.status === 0;
  return {steps: summary.steps, maxRss: summary.maxRss, peakHeapMb, fitsLimit};
}

function memoryTargetOf(memory: MemoryReport): Target {
  const analysed = memory.steps["analysed"];
  return {
    name: `Memory of the whole method on ${memoryTarget.rows.toLocaleString("en")} × 20`,
    limit: `< ${memoryTarget.heapMb} MB heap`,
    measured:
      `heap ${memory.steps["data generated"].heapUsed} MB after generating the data, ` +
      `${analysed.heapUsed} MB (+ ${analysed.arrayBuffers} MB typed arrays) after the ` +
      `analysis; peak heap ${memory.peakHeapMb.toFixed(0)} MB (GC trace), peak RSS ` +
      `${memory.maxRss.toFixed(0)} MB`,
    met: memory.fitsLimit,
    detail: memory.fitsLimit
      ? `The analysis completes with --max-old-space-size=${memoryTarget.heapMb}.`
      : `Gap: the analysis runs out of memory with --max-old-space-size=${memoryTarget.heapMb}; ` +
        `the heap peaks near ${memory.peakHeapMb.toFixed(0)} MB, ` +
        `${(memory.peakHeapMb - memoryTarget.heapMb).toFixed(0)} MB over the limit.`
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const filters = process.argv.slice(2);
  const {cases, sizes, memory, bookings} = parseArguments(filters);
  const machine = describeMachine();
  const scratchDir = mkdtempSync(join(tmpdir(), "bench-"));
  const scratch = (name: string, values: Float64Array | Int32Array) => {
    const file = join(scratchDir, `${name}.bin`);
    writeFileSync(file, values);
    return file;
  };

  try {
    const {runs, specs, allRows} = cases.length > 0
      ? runNode(cases, sizes, scratch)
      : {runs: [], specs: {}, allRows: []};

    let numpy: NumpyReport | string = "no case selected";
    if (runs.length > 0) {
      const flat = new Float64Array(allRows.length * benchDirections.length);
      allRows.forEach((row, i) => flat.set(row, i * benchDirections.length));
      const sides = benchSystem.indicators.map(
        (indicator) => benchSystem.dimensions.find((d) => d.id === indicator.dimension)!.side
      );
      const dimensionOf = benchSystem.indicators.map((indicator) =>
        benchSystem.dimensions.findIndex((d) => d.id === indicator.dimension)
      );
      const spec = {
        data: scratch("data", flat),
        columns: benchDirections.length,
        directions: benchDirections,
        sides,
        dimensionOf,
        sizes: specs
      };
      const specFile = join(scratchDir, "spec.json");
      writeFileSync(specFile, JSON.stringify(spec));
      numpy = runNumpy(specFile, join(scratchDir, "numpy.json"));
    }

    const notes: string[] = [];
    if (typeof numpy === "string") {
      if (runs.length > 0) {
        notes.push(`numpy ratios skipped: ${numpy}.`);
        process.stderr.write(`numpy comparison skipped: ${numpy}\n`);
      }
    } else {
      machine.numpy = numpy.machine.numpy;
      machine.blas =
        `${numpy.machine.blas} (${numpy.machine.core ?? "unknown"} kernel, BLAS threads: ` +
        `${numpy.machine.threads ?? "unknown"})`;
    }

    const rows: Row[] = runs.map((run) => {
      const definition = benchCases.find((c) => c.id === run.id)!;
      const theirs = typeof numpy === "string" ? undefined : numpy.results[`${run.id}-${run.rows}`];
      const relative = definition.relative ?? [];
      const difference = theirs ? compare(run.results, theirs.values, relative) : null;
      const nodeMedian = median(run.times);
      const numpyMedian = theirs ? median(theirs.times) * 1000 : null;
      return {
        case: run.id,
        title: definition.title,
        rows: run.rows,
        note: noteOf(run, nodeMedian, theirs?.info),
        node: {
          medianMs: nodeMedian,
          reps: run.times.length,
          timesMs: run.times,
          cpuMedianMs: median(run.cpuTimes),
          cpuTimesMs: run.cpuTimes
        },
        numpy: theirs
          ? {
              medianMs: numpyMedian!,
              reps: theirs.times.length,
              timesMs: theirs.times.map((t) => t * 1000),
              cpuMedianMs: median(theirs.cpuTimes) * 1000,
              cpuTimesMs: theirs.cpuTimes.map((t) => t * 1000)
            }
          : null,
        ratio: numpyMedian === null ? null : nodeMedian / numpyMedian,
        check: definition.check,
        maxDifference: difference,
        agrees: difference === null ? null : difference <= tolerance
      };
    });

    let bookingsSummary: BookingsSummary | null = null;
    if (bookings) {
      const result = await runBookings();
      rows.push(...result.rows);
      bookingsSummary = result.summary;
    }
    const targets = [...timeTargetsOf(rows), ...ratioTargetsOf(rows)];
    let memoryReport: MemoryReport | null = null;
    if (memory) {
      memoryReport = measureMemory();
      targets.push(memoryTargetOf(memoryReport));
    }
    machine.loadAverage.end = loadavg().map((value) => Math.round(value * 100) / 100);
    if (runs.length > 0) notes.push(...standingNotes);
    const minutes = (performance.now() - started) / 60_000;
    notes.push(`This run took ${minutes.toFixed(1)} minutes from start to the written record.`);

    const record: BenchRecord = {
      date: new Date().toISOString(),
      filters,
      machine,
      rows,
      targets,
      memory: memoryReport,
      bookings: bookingsSummary,
      notes
    };
    printRecord(record);
    // A run of some cases or sizes would replace the full record with a partial one.
    if (filters.length === 0) writeRecord(record);
    else console.log("Partial run: the benchmark record files are not written.");
    const failed = rows.filter((row) => row.agrees === false);
    if (failed.length > 0) {
      process.stderr.write(
        `lib/ and numpy disagree by more than ${tolerance} on: ` +
          `${failed.map((row) => `${row.case} ${row.rows}`).join(", ")}\n`
      );
      process.exitCode = 1;
    }
  } finally {
    rmSync(scratchDir, {recursive: true, force: true});
  }
}

const standingNotes = [
  "Node runs on one thread, and numpy runs with OPENBLAS_NUM_THREADS=1, so both use one core.",
  "Each size draws its own rows, the first rows of the largest draw, so the heap holds " +
    "only the data being timed and a garbage collection costs what it would in an " +
    "application of that size.",
  "Runs per size: at 10k two warm-up runs and up to 9 timed, at 100k one warm-up and up to " +
    "5, at 1M no warm-up (the smaller sizes compiled the code) and up to 3. A case stops " +
    "repeating once the next run would pass the size's time budget of 3, 5 or 8 s.",
  "Monte Carlo sensitivity: 1,000 draws at 10k and 100k, 10 at 1M to keep the run short. " +
    "numpy scores the same weight draws, redrawn in bench/cases.ts with lib/random.ts as " +
    "weightSensitivity draws them. The report page splits the draws among up to four " +
    "workers, one per processor, and the table times one thread.",
  "k-means: 3 k-means++ starts at 10k and 100k, 1 at 1M, at most 300 Lloyd iterations. lib/ " +
    "and numpy start from different seeds, so their iterations differ and the ratio compares " +
    "whole runs, not equal work. The check runs one Lloyd step in numpy from lib/'s " +
    "centroids: no label may change, and the centroids and inertia must match.",
  "The score cases use the weights of analyzeCase on the data (equal AHP weights combined " +
    "with entropy weights); its time is not part of the table. The normalise case reads the " +
    "rows into normalised typed columns as analyzeCase does (minMaxDecisionColumns: the rows " +
    "are read twice, for the ranges and for the values). numpy starts from a float64 array, " +
    "so its times leave out reading the data. Re-scoring returns class codes, which are " +
    "numpy's class codes; it computes every dimension score, C, T, the " +
    "grades and the class counts as the report does, where numpy computes the two side " +
    "scores, D and the classes only."
];

await main();
