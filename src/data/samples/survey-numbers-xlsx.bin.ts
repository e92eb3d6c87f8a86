// A sample survey workbook (XLSX) with answers as numbers 1–5, from the synthetic teaching
// case. The output is named .bin, because for an .xlsx file Framework would load an XLSX
// reader from a CDN. The page's download link names it survey-numbers.xlsx.
import {sampleSurveyTable, writeXlsx} from "../../../lib/sampleFiles.js";

process.stdout.write(writeXlsx(sampleSurveyTable({answers: "numbers"})));
