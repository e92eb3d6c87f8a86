// Profiles one case on 100,000 rows outside the benchmark harness, e.g.
// `node --import tsx --cpu-prof --cpu-prof-dir=prof bench/profile.ts sensitivity 100`.
import {analyzeCase} from "../lib/pipeline.js";
import {kmeans} from "../lib/kmeans.js";
import {rescore} from "../lib/pipeline.js";
import {scoreHierarchy} from "../lib/scores.js";
import {weightSensitivity} from "../lib/sensitivity.js";
import {kmeansSettings, rescoreWeights} from "./cases.js";
import {benchCase, benchRows, benchSystem} from "./data.js";

const [name = "sensitivity", repeatText = "100"] = process.argv.slice(2);
const repeat = Number(repeatText);
const rows = benchRows(100_000);
const data = benchCase(rows);
const analysis = analyzeCase(data);
const started = performance.now();
const cpu = process.cpuUsage();
if (name === "sensitivity") {
  weightSensitivity(data, analysis, {draws: repeat, concentration: 100, seed: 1});
} else if (name === "kmeans") {
  const {k, ...options} = kmeansSettings(rows.length);
  for (let r = 0; r < repeat; r++) kmeans(rows, k, options);
} else if (name === "rescore") {
  const scores = scoreHierarchy(analysis.columns, benchSystem, rescoreWeights(analysis));
  for (let r = 0; r < repeat; r++) rescore(data, scores, analysis.config);
} else {
  throw new Error(`unknown case ${name}: expected sensitivity, kmeans or rescore`);
}
const used = process.cpuUsage(cpu);
const wall = performance.now() - started;
const cpuMs = (used.user + used.system) / 1000;
console.log(`${name} × ${repeat}: ${wall.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU`);
