// Emits the Lisbon hotel customer case (see `buildLisbonCase`) in the column layout of
// `encodeCase`, which pages decode with `readCaseFile`. An optional argument names another
// customer file of the same layout, gzipped or not.
import {readFileSync} from "node:fs";
import {gunzipSync} from "node:zlib";
import {readLisbonCase} from "../../../lib/cases.js";
import {auditSummary} from "../../../lib/clean.js";
import {encodeCase} from "../../../lib/compactCase.js";

const file =
  process.argv[2] ??
  "data/hotel_customers_lisbon_sample20/hotel_customers_sample20_restored.csv.gz";

try {
  const raw = readFileSync(file);
  let bytes: Uint8Array = raw;
  if (file.endsWith(".gz")) {
    try {
      bytes = gunzipSync(raw);
    } catch (error) {
      throw new Error(`${file} is not a valid gzip file (${(error as Error).message})`);
    }
  }
  const data = readLisbonCase(bytes, file);
  process.stdout.write(JSON.stringify(encodeCase(data)));
  process.stderr.write(`lisbon: ${auditSummary(data.audit)}\n`);
} catch (error) {
  process.stderr.write(`lisbon: ${(error as Error).message}\n`);
  process.exit(1);
}
