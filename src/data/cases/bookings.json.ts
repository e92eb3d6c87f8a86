// Emits the hotel bookings case (see `buildBookingsCase`) in the column layout of
// `encodeCase`. For the 118,558 kept bookings that is about 2 MB of JSON (0.3 MB gzipped),
// where the row layout took 9.9 MB. Pages decode it with `readCaseFile`. An optional
// argument names another raw file of the same layout, gzipped or not.
import {readFileSync} from "node:fs";
import {gunzipSync} from "node:zlib";
import {bookingsFile, readBookingsCase} from "../../../lib/bookings.js";
import {auditSummary} from "../../../lib/clean.js";
import {encodeCase} from "../../../lib/compactCase.js";

const file = process.argv[2] ?? bookingsFile;

/** Reads the file's bytes and decompresses them when they start with the gzip magic number. */
function fileBytes(path: string): Uint8Array {
  const raw = readFileSync(path);
  if (raw[0] !== 0x1f || raw[1] !== 0x8b) return raw;
  try {
    return gunzipSync(raw);
  } catch (error) {
    const reason = (error as Error).message;
    throw new Error(`${path} starts like gzip but does not decompress: ${reason}`);
  }
}

try {
  const data = readBookingsCase(fileBytes(file), file);
  process.stdout.write(JSON.stringify(encodeCase(data)));
  process.stderr.write(`bookings: ${auditSummary(data.audit)}\n`);
} catch (error) {
  process.stderr.write(`bookings: ${(error as Error).message}\n`);
  process.exit(1);
}
