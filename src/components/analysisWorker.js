// Reads and analyses a user's table off the page's thread, so a file of 200,000 rows does not
// freeze the page. Messages in: {id, type, ...}; messages out: {id, type: "progress" |
// "result" | "error", ...}. The worker keeps the last file and the last reading of it, so
// changing the problem handling or a method choice does not read the file again.
import {readSheet} from "read-excel-file/web-worker";
import {defaultReportConfig} from "../lib/config.js";
import {degenerateParts} from "../lib/degenerate.js";
import {defaultIndexSystem} from "../lib/indexSystem.js";
import {axisScores} from "../lib/pipeline.js";
import {analyzeWithConfig} from "../lib/reweight.js";
import {classProfiles} from "../lib/strategy.js";
import {inspectTable, sheetToCsv} from "../lib/tableInspection.js";
import {
  buildUserCase,
  dimensionReliability,
  groupProblems,
  readUserTable
} from "../lib/userData.js";
import {valueClasses} from "../lib/classify.js";

const classIds = valueClasses.map((info) => info.id);
let source = null;
let reading = null;

function isXlsx(bytes) {
  // An XLSX file is a ZIP archive, which starts with "PK\x03\x04".
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

async function inspect({name, bytes}) {
  let data = new Uint8Array(bytes);
  let sheet = false;
  if (isXlsx(data)) {
    const rows = await readSheet(data.buffer);
    data = new TextEncoder().encode(sheetToCsv(rows));
    sheet = true;
  } else if (/\.xlsx?$/i.test(name)) {
    throw new Error(`${name} is not an XLSX workbook; save it as .xlsx or as CSV`);
  }
  source = {name, bytes: data};
  reading = null;
  return {inspection: inspectTable(data, name, defaultIndexSystem), sheet};
}

function read({options}) {
  if (source === null) throw new Error("no file has been read yet");
  reading = readUserTable(source.bytes, defaultIndexSystem, {...options, file: source.name});
  return {
    rows: reading.table.ids.length,
    problemCount: reading.problems.length,
    groups: groupProblems(reading.problems),
    system: reading.user.system,
    unmeasured: reading.user.unmeasured,
    encoding: reading.table.encoding
  };
}

function problemRows() {
  if (reading === null) throw new Error("the file has not been read with its settings yet");
  return reading.problems.map(({row, line, column, value, message}) => ({
    file: source.name,
    row,
    line,
    column,
    value,
    message
  }));
}

function analyse({decisions, fallback, config}, progress) {
  if (reading === null) throw new Error("the file has not been read with its settings yet");
  const timings = {};
  let started = performance.now();
  const lap = (stage) => {
    const now = performance.now();
    timings[stage] = Math.round(now - started);
    started = now;
  };

  progress("cleaning", 0.2);
  const data = buildUserCase(reading, decisions, fallback);
  lap("cleaning");
  progress("weights and scores", 0.5);
  const method = {...defaultReportConfig, ...config, weights: {}, judgments: {}};
  const analysis = analyzeWithConfig(data, method);
  lap("analysis");
  progress("reliability", 0.8);
  const reliability = dimensionReliability(data);
  lap("reliability");

  progress("results", 0.95);
  const labels = Uint8Array.from(analysis.classes.labels, (label) => classIds.indexOf(label));
  const x = Float64Array.from(axisScores(analysis.scores, analysis.axes.x));
  const y = Float64Array.from(axisScores(analysis.scores, analysis.axes.y));
  const value = analysis.value ? Float64Array.from(analysis.value) : null;
  return {
    result: {
      file: source.name,
      ids: data.ids,
      system: data.system,
      audit: data.audit,
      axes: analysis.axes,
      weights: analysis.weights,
      degenerate: analysis.degenerate,
      constant: degenerateParts(analysis),
      thresholds: analysis.classes.thresholds,
      counts: analysis.classes.counts,
      profiles: classProfiles(analysis),
      reliability,
      labels,
      x,
      y,
      value,
      timings
    },
    transfer: [labels.buffer, x.buffer, y.buffer, ...(value ? [value.buffer] : [])]
  };
}

self.onmessage = async (event) => {
  const {id, type} = event.data;
  const progress = (stage, fraction) => self.postMessage({id, type: "progress", stage, fraction});
  try {
    if (type === "inspect") {
      self.postMessage({id, type: "result", result: await inspect(event.data)});
    } else if (type === "read") {
      progress("reading", 0.1);
      self.postMessage({id, type: "result", result: read(event.data)});
    } else if (type === "problems") {
      self.postMessage({id, type: "result", result: problemRows()});
    } else if (type === "analyse") {
      const {result, transfer} = analyse(event.data, progress);
      self.postMessage({id, type: "result", result}, transfer);
    } else {
      throw new Error(`unknown request "${type}"`);
    }
  } catch (error) {
    self.postMessage({id, type: "error", message: error.message ?? String(error)});
  }
};
