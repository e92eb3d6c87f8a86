// Sample stay records as a European-locale spreadsheet program writes them: semicolons
// between fields and decimal commas, from the synthetic teaching case.
import {formatTable, sampleRecordsTable} from "../../../lib/sampleFiles.js";

process.stdout.write(formatTable(sampleRecordsTable(), {delimiter: ";", decimalComma: true}));
