import {existsSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {glossary, glossaryEntry, glossaryTopics} from "../lib/glossary.js";

const cjk = /[\u4e00-\u9fff]/;

// Terms the report's pages and the guided tour rely on.
const required = [
  "customer-received-value",
  "hotel-received-value",
  "relationship-value",
  "index-system",
  "dimension",
  "indicator",
  "direction",
  "consistency-ratio",
  "random-index",
  "aij",
  "aip",
  "entropy-weight",
  "critic",
  "pca-weight",
  "combined-weight",
  "min-max-normalisation",
  "coupling-degree",
  "coordination-degree",
  "value-matrix",
  "development-goal",
  "importance-performance-analysis",
  "cronbach-alpha",
  "kmo",
  "bartlett-test",
  "varimax",
  "monte-carlo-sensitivity"
];

describe("glossary", () => {
  const ids = glossary.map((item) => item.id);

  it.each(required)("defines %s", (id) => {
    expect(ids).toContain(id);
  });

  it("has unique ids", () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has unique English terms", () => {
    const terms = glossary.map((item) => item.term.en.toLowerCase());
    expect(new Set(terms).size).toBe(terms.length);
  });

  it.each(ids)("%s is a plain anchor", (id) => {
    expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it.each(glossary)("$id has English and Chinese text", (item) => {
    for (const text of [item.term.en, item.definition.en]) {
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text).not.toMatch(cjk);
    }
    for (const text of [item.term.zh, item.definition.zh]) expect(text).toMatch(cjk);
  });

  it.each(glossary)("$id definition is a sentence", (item) => {
    expect(item.definition.en).toMatch(/[.)]$/);
    expect(item.definition.zh).toMatch(/[。）]$/);
  });

  it.each(glossary)("$id links to an existing page", (item) => {
    expect(item.page).toMatch(/^\/[a-z/-]+$/);
    expect(existsSync(new URL(`../src${item.page}.md`, import.meta.url))).toBe(true);
  });

  it.each(glossary)("$id refers to existing entries", (item) => {
    for (const other of item.see ?? []) {
      expect(ids).toContain(other);
      expect(other).not.toBe(item.id);
    }
  });

  it("uses every topic and only those", () => {
    const used = new Set(glossary.map((item) => item.topic));
    expect(used).toEqual(new Set(glossaryTopics.map((topic) => topic.id)));
  });

  it("lists the entries in topic order", () => {
    const order = glossaryTopics.map((topic) => topic.id);
    const positions = glossary.map((item) => order.indexOf(item.topic));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe("glossaryEntry", () => {
  it("returns an entry by id", () => {
    expect(glossaryEntry("consistency-ratio").term.en).toBe("Consistency ratio (CR)");
  });

  it("names similar ids for an unknown id", () => {
    expect(() => glossaryEntry("consistency")).toThrow(
      'no glossary entry "consistency"; did you mean consistency-index or consistency-ratio?'
    );
  });

  it("throws without a hint when nothing is similar", () => {
    expect(() => glossaryEntry("zeta")).toThrow(/^no glossary entry "zeta"$/);
  });
});
