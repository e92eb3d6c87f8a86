// A sample survey export as a Chinese-locale spreadsheet program writes it: GBK text,
// Chinese column names and Chinese agreement labels, from the synthetic teaching case.
import {encodeGbk, formatTable, sampleSurveyTable} from "../../../lib/sampleFiles.js";

process.stdout.write(encodeGbk(formatTable(sampleSurveyTable({answers: "zh", headers: "zh"}))));
