// Emits the tourists survey case (see `buildSurveyCase`). An optional argument names another
// file of the same layout.
import {readFileSync} from "node:fs";
import {touristCase, readSurveyCase} from "../../../lib/cases.js";
import {auditSummary} from "../../../lib/clean.js";

const file = process.argv[2] ?? touristCase.file;

try {
  const data = readSurveyCase(touristCase, readFileSync(file), file);
  process.stdout.write(JSON.stringify(data));
  process.stderr.write(`tourists: ${auditSummary(data.audit)}\n`);
} catch (error) {
  process.stderr.write(`tourists: ${(error as Error).message}\n`);
  process.exit(1);
}
