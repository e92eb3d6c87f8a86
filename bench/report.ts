// Machine description and the written record of a benchmark run: a table on the terminal,
// docs/benchmarks.md and src/data/benchmarks.json.
import {execFileSync} from "node:child_process";
import {readFileSync, writeFileSync} from "node:fs";
import {cpus, loadavg, totalmem} from "node:os";

/** Wall and CPU times of the timed runs of one case, in ms. */
export interface Timing {
  medianMs: number;
  reps: number;
  timesMs: number[];
  /** Median CPU time: time on a core, by every thread of the process. */
  cpuMedianMs: number;
  cpuTimesMs: number[];
}

/** One row of the table: a case at one size. */
export interface Row {
  case: string;
  title: string;
  rows: number;
  note: string;
  node: Timing;
  numpy: Timing | null;
  /** Node median / numpy median: how many times longer Node takes. */
  ratio: number | null;
  check: string;
  /** Largest difference to numpy over the compared results, null when not compared. */
  maxDifference: number | null;
  agrees: boolean | null;
}

/** A target of the method with its measured value. */
export interface Target {
  name: string;
  limit: string;
  measured: string;
  met: boolean;
  detail: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  numpy: string | null;
  blas: string | null;
  loadAverage: {start: number[]; end: number[]};
  commit: string | null;
}

export interface BenchRecord {
  date: string;
  filters: string[];
  machine: Machine;
  rows: Row[];
  targets: Target[];
  memory: object | null;
  bookings: {
    rawRows: number;
    keptRows: number;
    dropped: {reason: string; count: number}[];
    caseJsonBytes: number;
  } | null;
  notes: string[];
}

/** CPU model, cores, memory, Node version, load average and the checked-out commit. */
export function describeMachine(): Machine {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown";
  let commit: string | null = null;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {encoding: "utf8"}).trim();
  } catch {
    commit = null;
  }
  return {
    cpu: model.trim(),
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    numpy: null,
    blas: null,
    loadAverage: {start: loadavg().map(round2), end: []},
    commit
  };
}

function contention(machine: Machine): string {
  const busiest = Math.max(machine.loadAverage.start[0], machine.loadAverage.end[0] ?? 0);
  if (busiest < 1) return "";
  return (
    ` Other processes kept the ${machine.cores} cores busy, so the times are upper bounds ` +
    "and vary from run to run."
  );
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Formats milliseconds with three significant digits. */
function ms(value: number): string {
  if (value >= 100) return value.toFixed(0);
  return value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function size(rows: number): string {
  if (rows % 1000 !== 0) return rows.toLocaleString("en");
  return rows >= 1_000_000 ? `${rows / 1_000_000}M` : `${rows / 1000}k`;
}

function difference(row: Row): string {
  if (row.maxDifference === null) return "–";
  const text = row.maxDifference === 0 ? "0" : row.maxDifference.toExponential(1);
  return row.agrees ? text : `${text} FAIL`;
}

/** Formats the result table as Markdown, which also reads well on a terminal. */
export function markdownTable(rows: Row[]): string {
  const lines = [
    "| case | rows | Node median (ms) | Node CPU (ms) | runs | numpy median (ms) | " +
      "numpy CPU (ms) | runs | Node / numpy | max abs difference |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  ];
  for (const row of rows) {
    const title = row.note === "" ? row.title : `${row.title} (${row.note})`;
    const numpy =
      row.numpy === null
        ? ["–", "–", "–"]
        : [ms(row.numpy.medianMs), ms(row.numpy.cpuMedianMs), `${row.numpy.reps}`];
    const ratio = row.ratio === null ? "–" : row.ratio.toFixed(1);
    lines.push(
      `| ${title} | ${size(row.rows)} | ${ms(row.node.medianMs)} | ` +
        `${ms(row.node.cpuMedianMs)} | ${row.node.reps} | ${numpy.join(" | ")} | ${ratio} | ` +
        `${difference(row)} |`
    );
  }
  return lines.join("\n");
}

function targetLines(targets: Target[]): string {
  return targets
    .map((t) => {
      const verdict = t.met ? "met" : "not met";
      return `- ${t.name} (${t.limit}): ${t.measured}, ${verdict}. ${t.detail}`;
    })
    .join("\n");
}

/** Writes docs/benchmarks.md and src/data/benchmarks.json. */
export function writeRecord(record: BenchRecord): void {
  writeFileSync("src/data/benchmarks.json", JSON.stringify(record, null, 1) + "\n");
  const {machine} = record;
  const load = (values: number[]) => values.join(", ");
  const markdown = `# Benchmarks

Speed of the method at the scale of a hotel chain: lib/ in Node against the same computation
in numpy, on seeded data of 10,000, 100,000 and 1,000,000 customers × 20 indicators. This page
is written by \`npm run bench\`; the same record, with every run's time, is in
\`src/data/benchmarks.json\`.

## Last run

- Date: ${record.date}${record.filters.length > 0 ? ` (filters: ${record.filters.join(" ")})` : ""}
- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; Node ${machine.node}; \
numpy ${machine.numpy ?? "not available"}${machine.blas ? ` with ${machine.blas}` : ""}
- Load average (1, 5, 15 min) at the start: ${load(machine.loadAverage.start)}; at the end: \
${load(machine.loadAverage.end)}.${contention(machine)}
- Commit: ${machine.commit ?? "unknown"}

${markdownTable(record.rows)}

Node / numpy is the ratio of the median wall times: 10 means Node took ten times as long. CPU
is the median time the process spent on a core, which leaves out waiting for a core while
other processes run. The max abs difference is the largest difference between a result of
lib/ and numpy's (1e-9 is required).

### Targets

${targetLines(record.targets)}

### Notes

${record.notes.map((note) => `- ${note}`).join("\n")}

${bookingsSection(record)}
## How to re-run

\`\`\`sh
npm run bench                      # everything, about eight minutes on 2 cores
npm run bench -- entropy 100k      # only the named cases and sizes, printed, not recorded
npm run bench -- rescore kmeans sensitivity 100k memory   # the targets
\`\`\`

Case names: entropy, critic, scores, pca, kmeans, cronbach, sensitivity, rescore, memory;
sizes: 10k, 100k, 1m. numpy runs in \`python3\` (bench/numpy_bench.py) with
OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from its environment only. Without python3
or numpy the Node times are still measured and the ratios are left out.

${sqlSection}
`;
  writeFileSync("docs/benchmarks.md", markdown);
}

/** Prints the table and the targets to stdout. */
export function printRecord(record: BenchRecord): void {
  process.stdout.write(`\n${markdownTable(record.rows)}\n\n${targetLines(record.targets)}\n`);
  for (const note of record.notes) process.stdout.write(`- ${note}\n`);
}

/** The bookings case: how it maps onto the index system, its cleaning and its size. */
function bookingsSection(record: BenchRecord): string {
  const summary = record.bookings;
  const drops =
    summary === null
      ? "(not measured in this run)"
      : summary.dropped.map((drop) => `${drop.reason} ${drop.count}`).join(", ");
  const measured =
    summary === null
      ? "This run did not include the bookings."
      : `This run read ${summary.rawRows.toLocaleString("en")} bookings and kept ` +
        `${summary.keptRows.toLocaleString("en")}; the loader's JSON is ` +
        `${(summary.caseJsonBytes / 1e6).toFixed(1)} MB. Dropped: ${drops}.`;
  return `## Full-size case: hotel bookings

\`src/data/cases/bookings.json.ts\` emits the 119,390 bookings of a resort hotel and a city
hotel in Portugal, 2015–2017 (Antonio, de Almeida & Nunes 2019, CC BY 4.0), as a records case
of the hotel-received side, built by lib/bookings.ts. A row is a booking: the file has no guest
id. ${measured}

| dimension | indicator | from the file | direction |
|---|---|---|---|
| current value | revenue | adr × (weekend + week nights), rounded to cents | benefit |
| potential value | repeat guest | is_repeated_guest | benefit |
| potential value | previous cancellations | previous_cancellations | cost |
| relationship cost | canceled | is_canceled | cost |
| relationship cost | special requests (cost to serve) | total_of_special_requests | cost |
| relationship cost | intermediated channel | distribution_channel TA/TO or GDS → 1 | cost |

Previous cancellations describe the guest's future with the hotel, so they count against
potential value; the cancellation of this booking is a cost of this relationship. Revenue is
the booked value, also for canceled bookings, whose loss the canceled indicator carries.

The cleaning rules run in this order, and a row is dropped by the first rule that flags it:
a negative daily rate, a rate above 1,000 EUR, a stay of zero nights, no adults, children or
babies (a missing children count reads as 0), and a distribution channel "Undefined". The rate
limit drops one booking at 5,400 EUR, ten times the next highest rate of 510. "NULL" and "NA" cells are missing values and are counted
in the audit. Rows that equal an earlier row are kept, because identical group bookings look
the same. Profile: hotel, market segment, customer type, deposit type, arrival year. The AHP
judgments are the two illustrative experts of the other record case, not elicited ones.

`;
}

const sqlSection = `## Scoring beyond one machine

\`scoringModel(data, analysis)\` (lib/sql.ts) freezes an analysis into plain JSON: each
indicator's min–max bounds and direction, the final weights, the relationship-value model and
the numeric class thresholds. \`scoringSql(model, {table})\` turns it into one SQL query that
reads a table of raw indicator values (one row per customer, one column per indicator id) and
returns every dimension and side score, C, T, D, the grade and the class. test/sql.test.ts runs
it in DuckDB on the 118,558 hotel bookings and on the teaching case and gets the scores of lib/
to 1e-9 and the same class for every row. Values beyond the model's bounds are clamped to
[0, 1], so new customers are scored on the same scale without refitting.

The query is plain SQL (CASE, SQRT, POWER, FLOOR, CAST), so the same text can run where the
customers are. Write it to a file with Node, e.g.
\`writeFileSync("scoring.sql", scoringSql(model, {table: "customers"}))\`, then:

- **Spark SQL**: generate it with \`identifierQuote\` set to a backtick, because Spark reads
  double quotes as strings, and run \`spark.sql(open("scoring.sql").read())\` over a table or
  temporary view of that name; the result is a DataFrame to write back. Numbers in exponent
  notation (\`7.59e+3\`) are doubles in Spark.
- **BigQuery**: a backtick as \`identifierQuote\` and \`doubleType: "FLOAT64"\`, e.g. in a
  scheduled query that writes the classes to a table.
- **PostgreSQL, Snowflake, DuckDB**: \`doubleType: "DOUBLE PRECISION"\` on PostgreSQL, the
  defaults elsewhere; \`CREATE VIEW customer_value AS\` followed by the query keeps the scores
  current as rows arrive.

Fitting the model (bounds, entropy or CRITIC weights, thresholds) needs one pass over the data
and stays in lib/; on a warehouse the bounds are \`MIN\`/\`MAX\` per column. Only DuckDB 1.5 is
tested here; the other engines follow from the SQL they document, not from a run.
`;
