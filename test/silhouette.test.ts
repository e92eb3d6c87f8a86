import {readFileSync} from "node:fs";
import {describe as group, expect, it} from "vitest";
import {silhouette} from "../lib/silhouette.js";

interface ReferenceCase {
  case: string;
  input: {points: number[][]; labels: number[]};
  expected: Record<string, unknown>;
  tolerance: number;
}

const reference: ReferenceCase[] = JSON.parse(
  readFileSync(new URL("./reference/silhouette.json", import.meta.url), "utf8"),
);

group("silhouette on reference cases (numpy)", () => {
  for (const c of reference) {
    it(c.case, () => {
      const {points, labels} = c.input;
      if (c.expected.error) {
        expect(() => silhouette(points, labels)).toThrow(/need 2 <= n_clusters <= n_samples-1/);
        return;
      }
      const result = silhouette(points, labels);
      const perSample = c.expected.per_sample as number[];
      expect(result.perPoint).toHaveLength(perSample.length);
      perSample.forEach((value, i) =>
        expect(Math.abs(result.perPoint[i] - value), `s(${i})`).toBeLessThanOrEqual(c.tolerance),
      );
      const mean = c.expected.mean as number;
      expect(Math.abs(result.mean - mean)).toBeLessThanOrEqual(c.tolerance);
      expect(result.clusters).toBe(3);
    });
  }
});

group("silhouette", () => {
  // Expected values from a numpy implementation of the definition (pairwise distance
  // matrix, a = mean within-cluster distance, b = smallest mean distance to another).
  it("two tight pairs", () => {
    const result = silhouette([[0, 0], [0, 1], [5, 5], [5, 6]], [0, 0, 1, 1]);
    const expected = [
      0.8656032974470583, 0.8515680945705274, 0.8515680945705274, 0.8656032974470583,
    ];
    expected.forEach((value, i) => expect(result.perPoint[i]).toBeCloseTo(value, 14));
    expect(result.mean).toBeCloseTo(0.8585856960087929, 14);
    expect(result.indexes).toEqual([0, 1, 2, 3]);
  });

  it("gives a singleton cluster s = 0 and accepts string labels", () => {
    const points = [[0, 0], [1, 0], [10, 0], [4, 3], [5, 3]];
    const result = silhouette(points, ["a", "a", "b", "c", "c"]);
    expect(result.perPoint[2]).toBe(0);
    expect(result.perPoint[0]).toBeCloseTo(0.8153440233677111, 14);
    expect(result.perPoint[1]).toBeCloseTo(0.7836116248912243, 14);
    expect(result.mean).toBeCloseTo(0.6395822593035742, 14);
  });

  it("is negative for points placed in the wrong cluster", () => {
    const result = silhouette([[0], [1], [10], [11]], [0, 1, 0, 1]);
    for (const s of result.perPoint) expect(s).toBeLessThan(0);
  });

  it("gives 0 when a = b = 0", () => {
    // Two clusters at the same location: every distance is 0.
    const result = silhouette([[1, 1], [1, 1], [1, 1], [1, 1]], [0, 0, 1, 1]);
    expect(result.perPoint).toEqual([0, 0, 0, 0]);
  });

  it("does not depend on the label values", () => {
    const points = [[0, 0], [1, 0], [10, 0], [4, 3], [5, 3]];
    const a = silhouette(points, [2, 2, 7, 0, 0]);
    const b = silhouette(points, ["x", "x", "y", "z", "z"]);
    expect(a.perPoint).toEqual(b.perPoint);
  });
});

group("silhouette with sampleSize", () => {
  const points = Array.from({length: 60}, (_, i) => [i % 3 === 0 ? i : i + 100, (i * 7) % 11]);
  const labels = points.map(([x]) => (x < 100 ? "low" : "high"));

  it("equals the full silhouette of the sampled points", () => {
    const sampled = silhouette(points, labels, {sampleSize: 20, seed: 4});
    expect(sampled.indexes).toHaveLength(20);
    expect(new Set(sampled.indexes).size).toBe(20);
    expect([...sampled.indexes].sort((a, b) => a - b)).toEqual(sampled.indexes);
    const direct = silhouette(
      sampled.indexes.map((i) => points[i]),
      sampled.indexes.map((i) => labels[i]),
    );
    expect(sampled.perPoint).toEqual(direct.perPoint);
    expect(sampled.mean).toBe(direct.mean);
  });

  it("is deterministic for a seed and varies with it", () => {
    const a = silhouette(points, labels, {sampleSize: 10, seed: 1});
    const b = silhouette(points, labels, {sampleSize: 10, seed: 1});
    const c = silhouette(points, labels, {sampleSize: 10, seed: 2});
    expect(a).toEqual(b);
    expect(a.indexes).not.toEqual(c.indexes);
  });

  it("uses every point when sampleSize is n", () => {
    expect(silhouette(points, labels, {sampleSize: 60})).toEqual(silhouette(points, labels));
  });

  it("rejects an invalid sampleSize", () => {
    for (const size of [1, 61, 2.5]) {
      expect(() => silhouette(points, labels, {sampleSize: size})).toThrow(
        `silhouette: invalid sampleSize ${size}: expected an integer from 2 to 60`,
      );
    }
  });

  it("rejects a sample with a single cluster", () => {
    const oneOutlier = points.map((_, i) => (i === 0 ? "rare" : "common"));
    expect(() => silhouette(points, oneOutlier, {sampleSize: 2, seed: 3})).toThrow(
      "silhouette: 1 clusters among 2 points: need 2 <= n_clusters <= n_samples-1",
    );
  });
});

group("silhouette input errors", () => {
  it("rejects one cluster per point", () => {
    expect(() => silhouette([[0], [1], [2]], [0, 1, 2])).toThrow(
      "silhouette: 3 clusters among 3 points: need 2 <= n_clusters <= n_samples-1",
    );
  });

  it("rejects mismatched or missing labels", () => {
    expect(() => silhouette([[0], [1], [2]], [0, 1])).toThrow(
      "silhouette: 2 labels for 3 points: expected one label per point",
    );
    expect(() => silhouette([[0], [1], [2]], [0, null as unknown as number, 1])).toThrow(
      "silhouette: labels[1] is null: expected a number or string label",
    );
    expect(() => silhouette([[0], [1], [2]], [0, NaN, 1])).toThrow("labels[1] is NaN");
  });

  it("rejects missing coordinates", () => {
    expect(() => silhouette([[0, 1], [NaN, 2], [3, 4]], [0, 0, 1])).toThrow(
      "silhouette: points[1][0] (row 1, column 0) is NaN",
    );
  });
});
