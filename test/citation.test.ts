import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {parse} from "yaml";

// Checks CITATION.cff against the rules of the Citation File Format 1.2.0 schema that its
// fields fall under: required keys, value types and the DOI, ISBN and licence patterns.
const cff = parse(readFileSync(new URL("../CITATION.cff", import.meta.url), "utf8"));
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const doiPattern = /^10\.\d{4,9}(\.\d+)?\/[A-Za-z0-9:/_;\-.()[\]\\]+$/;

interface Reference {
  type: string;
  title: string;
  authors: Record<string, string>[];
  doi?: string;
  year?: unknown;
  volume?: unknown;
  start?: unknown;
  end?: unknown;
  isbn?: string;
}

describe("CITATION.cff", () => {
  it("declares CFF 1.2.0", () => {
    expect(cff["cff-version"]).toBe("1.2.0");
  });

  it("has the required keys", () => {
    expect(typeof cff.message).toBe("string");
    expect(typeof cff.title).toBe("string");
    expect(cff.authors.length).toBeGreaterThan(0);
  });

  it("describes the project as software", () => {
    expect(cff.type).toBe("software");
    expect(cff.license).toBe(pkg.license);
  });

  it("has the version of package.json", () => {
    expect(cff.version).toBe(pkg.version);
  });

  it("names each author as a person or an entity", () => {
    for (const author of cff.authors) {
      expect(Boolean(author.name) || Boolean(author["family-names"])).toBe(true);
    }
  });

  it("cites the data sets of the real cases", () => {
    const dois = (cff.references as Reference[]).map((reference) => reference.doi);
    expect(dois).toContain("10.1016/j.dib.2020.106583");
    expect(dois).toContain("10.1016/j.dib.2018.11.126");
    const titles = (cff.references as Reference[]).map((reference) => reference.title);
    expect(titles).toContain(
      "Structural Equation Modelling with Partial Least Squares Using Stata and R"
    );
  });

  it.each(cff.references as Reference[])("reference $title is well formed", (reference) => {
    expect(["article", "book", "data", "software"]).toContain(reference.type);
    expect(reference.authors.length).toBeGreaterThan(0);
    for (const author of reference.authors) expect(author["family-names"]).toBeTruthy();
    if (reference.doi !== undefined) expect(reference.doi).toMatch(doiPattern);
    if (reference.isbn !== undefined) expect(reference.isbn).toMatch(/^[0-9\- ]{10,17}X?$/);
    for (const key of ["year", "volume", "start", "end"] as const) {
      if (reference[key] !== undefined) expect(Number.isInteger(reference[key])).toBe(true);
    }
  });
});
