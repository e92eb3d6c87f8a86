// Emits the synthetic teaching case: every indicator of the default index system, generated
// from a documented model (docs/teaching-case.md) and cleaned like the real surveys.
import {buildTeachingCase, syntheticCase} from "../../../lib/synthetic.js";

const teaching = buildTeachingCase(syntheticCase());
const {rawRows, keptRows, dropped} = teaching.audit;
const drops = dropped.map((drop) => `${drop.count} ${drop.reason}`).join(", ");
process.stderr.write(
  `teaching case (synthetic): ${rawRows} rows generated, ${keptRows} kept, dropped ${drops}\n`
);
process.stdout.write(JSON.stringify(teaching));
