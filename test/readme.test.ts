import {readFileSync} from "node:fs";
import {gunzipSync} from "node:zlib";
import {describe, expect, test} from "vitest";
import {cruiseCase, readSurveyCase, touristCase} from "../lib/cases.js";
import {readLisbonCase} from "../lib/lisbon.js";
import {buildTeachingCase, syntheticCase} from "../lib/synthetic.js";

// The README's data table states rows read → kept for every case; these are the audits of
// the same lib functions the case loaders call on the same files.
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

function tableRow(name: string): {read: number; kept: number} {
  const line = readme.split("\n").find((row) => row.startsWith(`| ${name} |`));
  if (line === undefined) throw new Error(`README has no data row "${name}"`);
  const match = /\| ([\d,]+)[^|→]*→ ([\d,]+) \|/.exec(line);
  if (match === null) throw new Error(`README row "${name}" has no "read → kept" cell`);
  const number = (text: string) => Number(text.replace(/,/g, ""));
  return {read: number(match[1]), kept: number(match[2])};
}

describe("README data table", () => {
  test("teaching case counts", () => {
    const {audit} = buildTeachingCase(syntheticCase());
    expect(tableRow("Teaching case")).toEqual({read: audit.rawRows, kept: audit.keptRows});
  });

  test("survey case counts", () => {
    for (const [name, definition] of [
      ["Cruise passengers", cruiseCase],
      ["Holiday tourists", touristCase]
    ] as const) {
      const {audit} = readSurveyCase(definition, readFileSync(definition.file), definition.file);
      expect(tableRow(name)).toEqual({read: audit.rawRows, kept: audit.keptRows});
    }
  });

  test("Lisbon counts", () => {
    const file = "data/hotel_customers_lisbon_sample20/hotel_customers_sample20_restored.csv.gz";
    const {audit} = readLisbonCase(gunzipSync(readFileSync(file)), file);
    expect(tableRow("Lisbon hotel customers")).toEqual({
      read: audit.rawRows,
      kept: audit.keptRows
    });
  });
});
