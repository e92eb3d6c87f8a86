// Emits the cruise survey case (see `buildSurveyCase`). An optional argument names another
// file of the same layout.
import {readFileSync} from "node:fs";
import {cruiseCase, readSurveyCase} from "../../../lib/cases.js";
import {auditSummary} from "../../../lib/clean.js";

const file = process.argv[2] ?? cruiseCase.file;

try {
  const data = readSurveyCase(cruiseCase, readFileSync(file), file);
  process.stdout.write(JSON.stringify(data));
  process.stderr.write(`cruise: ${auditSummary(data.audit)}\n`);
} catch (error) {
  process.stderr.write(`cruise: ${(error as Error).message}\n`);
  process.exit(1);
}
