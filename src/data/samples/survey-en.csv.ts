// A sample survey export in UTF-8 with English agreement labels, from the synthetic
// teaching case, for readers to try the "Your data" page.
import {formatTable, sampleSurveyTable} from "../../../lib/sampleFiles.js";

process.stdout.write(formatTable(sampleSurveyTable({answers: "en"})));
