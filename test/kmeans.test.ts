import {describe as group, expect, it} from "vitest";
import {kmeans, type KmeansResult} from "../lib/kmeans.js";
import {randomNormal, seededRandom} from "../lib/random.js";

function squaredDistance(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, value, j) => sum + (value - b[j]) ** 2, 0);
}

/** Points drawn around the given centres with normal noise of the given sd. */
function blobs(centres: number[][], perCentre: number, sd: number, seed: number) {
  const rng = seededRandom(seed);
  const points: number[][] = [];
  const truth: number[] = [];
  centres.forEach((centre, c) => {
    for (let i = 0; i < perCentre; i++) {
      points.push(centre.map((value) => value + randomNormal(rng, 0, sd)));
      truth.push(c);
    }
  });
  return {points, truth};
}

/** Asserts the fixed-point properties of a converged k-means result. */
function expectConsistent(points: number[][], k: number, result: KmeansResult) {
  const {labels, centroids, sizes, inertia} = result;
  expect(labels).toHaveLength(points.length);
  expect(centroids).toHaveLength(k);
  expect(sizes.reduce((s, v) => s + v, 0)).toBe(points.length);
  for (const size of sizes) expect(size).toBeGreaterThan(0);

  // Each centroid is the mean of its points.
  for (let c = 0; c < k; c++) {
    const members = points.filter((_, i) => labels[i] === c);
    expect(members.length).toBe(sizes[c]);
    const mean = members[0].map((_, j) => members.reduce((s, p) => s + p[j], 0) / members.length);
    mean.forEach((value, j) => expect(centroids[c][j]).toBeCloseTo(value, 9));
  }

  // Each point is nearest to its own centroid, and the inertia adds up.
  let total = 0;
  points.forEach((point, i) => {
    const own = squaredDistance(point, centroids[labels[i]]);
    for (const centroid of centroids) {
      expect(own).toBeLessThanOrEqual(squaredDistance(point, centroid) + 1e-9);
    }
    total += own;
  });
  expect(inertia).toBeCloseTo(total, 8);
}

/** True when two labelings define the same partition (labels may be permuted). */
function samePartition(a: number[], b: number[]): boolean {
  const map = new Map<number, number>();
  const used = new Map<number, number>();
  return a.every((label, i) => {
    if (!map.has(label) && !used.has(b[i])) {
      map.set(label, b[i]);
      used.set(b[i], label);
    }
    return map.get(label) === b[i];
  });
}

group("kmeans on separated clusters", () => {
  const centres = [
    [0, 0],
    [10, 0],
    [5, 9],
  ];
  const {points, truth} = blobs(centres, 40, 1, 3);

  it("recovers the true clusters", () => {
    const result = kmeans(points, 3, {seed: 7});
    expect(samePartition(result.labels, truth)).toBe(true);
    expect(result.converged).toBe(true);
    for (const centre of centres) {
      const nearest = Math.min(...result.centroids.map((c) => squaredDistance(c, centre)));
      // The mean of 40 points with sd 1 is within 0.5 of its centre with near certainty.
      expect(nearest).toBeLessThan(0.25);
    }
    expectConsistent(points, 3, result);
  });

  it("finds the same partition from every seed", () => {
    for (const seed of [1, 2, 99, 4294967295]) {
      expect(samePartition(kmeans(points, 3, {seed}).labels, truth), `seed ${seed}`).toBe(true);
    }
  });

  it("is deterministic for a seed", () => {
    expect(kmeans(points, 3, {seed: 5})).toEqual(kmeans(points, 3, {seed: 5}));
  });
});

group("kmeans on overlapping data", () => {
  const rng = seededRandom(17);
  const points = Array.from({length: 400}, () => [rng(), rng(), rng()]);

  it("returns a consistent fixed point", () => {
    for (const k of [2, 5, 8]) {
      const result = kmeans(points, k, {seed: 3, restarts: 6});
      expect(result.converged).toBe(true);
      expectConsistent(points, k, result);
    }
  });

  it("has inertia no worse than any restart", () => {
    const result = kmeans(points, 6, {seed: 11, restarts: 8});
    expect(result.restartInertias).toHaveLength(8);
    for (const value of result.restartInertias) {
      expect(result.inertia).toBeLessThanOrEqual(value + 1e-12);
    }
  });

  it("does no worse with more restarts from the same seed", () => {
    // The first 3 starts of an 8-start run are the starts of the 3-start run.
    const three = kmeans(points, 6, {seed: 11, restarts: 3});
    const eight = kmeans(points, 6, {seed: 11, restarts: 8});
    expect(eight.restartInertias.slice(0, 3)).toEqual(three.restartInertias);
    expect(Math.min(...eight.restartInertias)).toBeLessThanOrEqual(
      Math.min(...three.restartInertias),
    );
  });

  it("stops at maxIterations without convergence", () => {
    const result = kmeans(points, 8, {seed: 3, restarts: 1, maxIterations: 1});
    expect(result.iterations).toBe(1);
    expect(result.converged).toBe(false);
    expect(result.sizes.every((size) => size > 0)).toBe(true);
  });
});

group("kmeans degenerate cases", () => {
  it("k = 1 gives the mean and the total sum of squares", () => {
    const result = kmeans([[1, 2], [3, 4], [5, 9]], 1);
    expect(result.labels).toEqual([0, 0, 0]);
    expect(result.centroids[0][0]).toBeCloseTo(3, 14);
    expect(result.centroids[0][1]).toBeCloseTo(5, 14);
    // (4 + 0 + 4) + (9 + 1 + 16)
    expect(result.inertia).toBeCloseTo(34, 12);
  });

  it("k = n puts every point in its own cluster", () => {
    const points = [[0], [1], [5], [6]];
    const result = kmeans(points, 4);
    expect(new Set(result.labels).size).toBe(4);
    expect(result.inertia).toBe(0);
  });

  it("handles duplicate points when enough are distinct", () => {
    const points = [[1, 1], [1, 1], [1, 1], [4, 4], [4, 4]];
    const result = kmeans(points, 2);
    expect(samePartition(result.labels, [0, 0, 0, 1, 1])).toBe(true);
    expect(result.inertia).toBe(0);
  });

  it("refills a cluster left empty by its starting centre", () => {
    // The centre at 100 attracts no point, so it takes the point farthest from its
    // centre: 10, at distance 10 from the centre at 0.
    const result = kmeans([[0], [1], [2], [10]], 2, {init: [[0], [100]]});
    expect(result.labels).toEqual([0, 0, 0, 1]);
    expect(result.centroids).toEqual([[1], [10]]);
    expect(result.converged).toBe(true);
    expect(result.restartInertias).toHaveLength(1);
  });

  it("starts from given centres", () => {
    const points = [[0], [2], [4], [6]];
    // From centres 1 and 6 Lloyd's algorithm settles at {0, 2} and {4, 6}.
    const result = kmeans(points, 2, {init: [[1], [6]]});
    expect(result.labels).toEqual([0, 0, 1, 1]);
    expect(result.centroids).toEqual([[1], [5]]);
  });
});

group("kmeans input errors", () => {
  const points = [[0, 0], [1, 1], [2, 2]];

  it("rejects an invalid k", () => {
    for (const k of [0, 4, 1.5, NaN]) {
      expect(() => kmeans(points, k)).toThrow(`kmeans: invalid k ${k}: expected an integer`);
    }
  });

  it("rejects fewer distinct points than k", () => {
    const repeated = [[1, 2], [1, 2], [3, 4], [1, 2]];
    expect(() => kmeans(repeated, 3)).toThrow(
      "kmeans: k = 3 but the points have only 2 distinct values: expected k ≤ 2",
    );
    expect(() => kmeans(repeated, 3, {init: [[1, 2], [3, 4], [5, 6]]})).toThrow(
      "only 2 distinct values",
    );
  });

  it("rejects invalid options", () => {
    expect(() => kmeans(points, 2, {restarts: 0})).toThrow(
      "kmeans: invalid restarts 0: expected a positive integer",
    );
    expect(() => kmeans(points, 2, {maxIterations: 2.5})).toThrow("invalid maxIterations 2.5");
    expect(() => kmeans(points, 2, {seed: -1})).toThrow("invalid seed -1");
    expect(() => kmeans(points, 2, {init: [[0, 0]]})).toThrow(
      "kmeans: init has 1 rows of 2 values: expected k = 2 rows of 2 coordinates",
    );
    expect(() => kmeans(points, 2, {init: [[0, 0], [1, NaN]]})).toThrow(
      "kmeans: init[1][1] (row 1, column 1) is NaN",
    );
  });

  it("rejects missing coordinates", () => {
    expect(() => kmeans([[0, 0], [1, null as unknown as number]], 1)).toThrow(
      "kmeans: points[1][1] (row 1, column 1) is null",
    );
  });
});

group("kmeans against plain Lloyd iterations", () => {
  /** Lloyd's algorithm without bounds: assign every point, move the centres, repeat. */
  function plainLloyd(points: number[][], init: number[][]) {
    let centres = init.map((row) => row.slice());
    let labels: number[] = [];
    for (let iteration = 0; iteration < 1000; iteration++) {
      const next = points.map((point) => {
        let best = 0;
        centres.forEach((centre, c) => {
          if (squaredDistance(point, centre) < squaredDistance(point, centres[best])) best = c;
        });
        return best;
      });
      if (next.every((label, i) => label === labels[i])) break;
      labels = next;
      centres = centres.map((centre, c) => {
        const members = points.filter((_, i) => labels[i] === c);
        return centre.map((_, j) => members.reduce((s, p) => s + p[j], 0) / members.length);
      });
    }
    return {labels, centres};
  }

  it("reaches the same partition from the same start", () => {
    // Five overlapping blobs in 6 dimensions: k = 5 takes the four-centre distance
    // kernel and the one-centre remainder, and many points change cluster.
    const centres = [0, 1, 2, 3, 4].map((c) => [c, 2 * c, 0, 1, c % 2, 3 - c]);
    const {points} = blobs(centres, 300, 1.5, 21);
    const init = [0, 300, 600, 900, 1200].map((i) => points[i + 7]);
    const result = kmeans(points, 5, {init});
    const plain = plainLloyd(points, init);
    expect(result.labels).toEqual(plain.labels);
    result.centroids.forEach((centroid, c) =>
      centroid.forEach((value, j) => expect(value).toBeCloseTo(plain.centres[c][j], 9)),
    );
    expect(result.converged).toBe(true);
  });

  for (const k of [4, 7]) {
    it(`reaches the same partition with k = ${k}`, () => {
      // k = 4 uses only the four-centre kernel, and k = 7 adds a remainder of three.
      const centres = Array.from({length: k}, (_, c) => [c, (c * 3) % k, c % 2, k - c]);
      const {points} = blobs(centres, 150, 1.2, 30 + k);
      const init = centres.map((_, c) => points[150 * c + 11]);
      const result = kmeans(points, k, {init});
      const plain = plainLloyd(points, init);
      expect(result.labels).toEqual(plain.labels);
      result.centroids.forEach((centroid, c) =>
        centroid.forEach((value, j) => expect(value).toBeCloseTo(plain.centres[c][j], 9)),
      );
    });
  }
});
