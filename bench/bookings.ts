// The hotel bookings as a full-size case: reading and cleaning the real file, the whole
// analysis, and the same scoring as SQL in DuckDB.
import {readFileSync} from "node:fs";
import {gunzipSync} from "node:zlib";
import {DuckDBInstance} from "@duckdb/node-api";
import {median} from "simple-statistics";
import {bookingsFile, readBookingsCase} from "../lib/bookings.js";
import {encodeCase} from "../lib/compactCase.js";
import {analyzeCase} from "../lib/pipeline.js";
import {scoringModel, scoringSql} from "../lib/sql.js";
import type {Row} from "./report.js";
import {planFor, timed} from "./timing.js";

/** Counts and sizes of the bookings run, besides its table rows. */
export interface BookingsSummary {
  rawRows: number;
  keptRows: number;
  dropped: {reason: string; count: number}[];
  caseJsonBytes: number;
}

function row(
  id: string,
  title: string,
  rows: number,
  {times, cpuTimes}: {times: number[]; cpuTimes: number[]},
  check: string
): Row {
  return {
    case: id,
    title,
    rows,
    note: "",
    node: {
      medianMs: median(times),
      reps: times.length,
      timesMs: times,
      cpuMedianMs: median(cpuTimes),
      cpuTimesMs: cpuTimes
    },
    numpy: null,
    ratio: null,
    check,
    maxDifference: null,
    agrees: null
  };
}

/**
 * Times the bookings case: decompressing, validating and cleaning the CSV, analyzeCase with the
 * default configuration, and the scoring query of `scoringSql` in an in-memory DuckDB, whose
 * classes must equal those of lib/.
 */
export async function runBookings(): Promise<{rows: Row[]; summary: BookingsSummary}> {
  const compressed = readFileSync(bookingsFile);
  const plan = planFor(100_000);
  const read = timed(plan, () => readBookingsCase(gunzipSync(compressed), bookingsFile));
  const data = read.result;
  const kept = data.values.length;
  const analysis = timed(plan, () => analyzeCase(data));

  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const columns = data.system.indicators.map((indicator) => `"${indicator.id}" DOUBLE`);
  await connection.run(`CREATE TABLE bookings (id VARCHAR, ${columns.join(", ")})`);
  const appender = await connection.createAppender("bookings");
  data.values.forEach((values, i) => {
    appender.appendVarchar(data.ids[i]);
    for (const value of values) appender.appendDouble(value);
    appender.endRow();
  });
  appender.closeSync();
  const sql = scoringSql(scoringModel(data, analysis.result), {table: "bookings"});

  // DuckDB runs the query on threads of its own, which the CPU time of the process includes.
  const sqlTimes = {times: [] as number[], cpuTimes: [] as number[]};
  let columnsRead: unknown[][] = [];
  for (let k = 0; k < plan.warmup + plan.maxReps; k++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const reader = await connection.runAndReadAll(`SELECT id, class FROM (${sql})`);
    const cpu = process.cpuUsage(cpuStart);
    if (k >= plan.warmup) {
      sqlTimes.times.push(performance.now() - start);
      sqlTimes.cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    columnsRead = reader.getColumnsJS();
  }
  connection.closeSync();
  instance.closeSync();

  const labels = new Map(data.ids.map((id, i) => [id, analysis.result.classes.labels[i]]));
  const [ids, classes] = columnsRead;
  const differing = ids.filter((id, i) => labels.get(id as string) !== classes[i]).length;
  if (ids.length !== kept || differing > 0) {
    throw new Error(
      `DuckDB returned ${ids.length} bookings, ${differing} of them in another class than lib/`
    );
  }

  return {
    rows: [
      row("bookings-read", "Bookings: decompress, validate, clean", 119_390, read, "audit"),
      row("bookings-analyze", "Bookings: analyzeCase", kept, analysis, "–"),
      row("bookings-sql", "Bookings: scoringSql in DuckDB", kept, sqlTimes, "classes = lib/")
    ],
    summary: {
      rawRows: data.audit.rawRows,
      keptRows: kept,
      dropped: data.audit.dropped.map(({reason, count}) => ({reason, count})),
      // The loader writes the column layout of encodeCase, so that is the size a page downloads.
      caseJsonBytes: Buffer.byteLength(JSON.stringify(encodeCase(data)))
    }
  };
}
