import {readFileSync} from "node:fs";
import {Matrix} from "ml-matrix";
import {PCA} from "ml-pca";
import {describe as group, expect, it} from "vitest";
import {bartlett, kmo, pca, varimax} from "../lib/factor.js";

interface ReferenceCase {
  case: string;
  input: {data: number[][]; k?: number};
  expected: Record<string, unknown>;
  tolerance: number;
}

function loadReference(name: string): ReferenceCase[] {
  const url = new URL(`./reference/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8"));
}

/** Asserts every entry of nested arrays to an absolute tolerance. */
function expectDeepClose(actual: unknown, expected: unknown, tolerance: number, path = "") {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    expect((actual as unknown[]).length, `${path} length`).toBe(expected.length);
    expected.forEach((value, i) =>
      expectDeepClose((actual as unknown[])[i], value, tolerance, `${path}[${i}]`),
    );
    return;
  }
  const difference = Math.abs((actual as number) - (expected as number));
  expect(difference, `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

function expectP(actual: number, expected: number, relative: number) {
  const allowed = expected < 1e-12 ? 1e-12 : relative * expected;
  expect(Math.abs(actual - expected), `p: ${actual} vs ${expected}`).toBeLessThanOrEqual(allowed);
}

// Expected values computed with numpy and scipy: eigh of the correlation matrix with the
// sign convention, varimax with Kaiser normalisation by the SVD update iterated until
// max|ΔT| < 1e-14, KMO from the inverse correlation matrix, and chi2.sf for Bartlett's p.
// 30 observations of 6 variables with three two-variable factors, rounded to 3 decimals.
const data = [
  [0.019, 0.367, 0.042, 0.735, -0.192, 0.1],
  [-1.403, -0.64, -1.396, -1.514, -0.991, -1.233],
  [0.264, 1.383, 0.613, 0.638, -0.157, -0.092],
  [-0.536, -0.404, 0.717, 0.479, -0.182, 0.148],
  [0.009, -0.642, -0.607, -1.059, 0.37, 0.086],
  [0.466, -0.123, -1.111, -1.801, -1.066, -0.069],
  [-2.714, -1.35, -2.279, -0.905, -2.025, -1.09],
  [-0.249, -1.159, -0.386, -0.213, 0.057, 0.029],
  [0.027, -0.667, 0.164, -0.371, -2.058, -2.143],
  [-0.749, -1.014, 0.547, -0.219, 0.569, 0.032],
  [-1.619, -1.428, -0.913, -0.636, -1.018, -0.988],
  [-1.23, -0.838, 1.514, 0.245, -1.067, -0.477],
  [0.766, -0.631, 0.542, 0.297, -1.259, -0.044],
  [-0.09, -0.014, -0.293, 0.282, -0.208, -0.038],
  [-1.527, -1.314, 0.742, -0.445, 1.241, 0.812],
  [-1.372, -1.153, 0.86, 0.141, 0.106, -0.06],
  [0.275, 0.368, 1.804, 0.99, 0.119, 0.944],
  [-0.469, -0.837, 0.268, 0.203, 0.884, 0.744],
  [-0.311, 0.755, -0.102, 0.871, 0.262, 0.371],
  [1.617, 1.429, 0.577, 0.296, 0.012, -0.914],
  [0.11, 0.482, -1.16, -1.339, 0.185, 0.132],
  [-1.131, -0.947, -1.032, -1.4, -0.298, -0.742],
  [0.012, 0.979, 0.843, 1.185, -1.439, -1.166],
  [-1.071, -1.069, 0.337, -0.098, -1.351, -1.304],
  [0.632, -0.914, 0.446, -0.205, 0.989, 0.109],
  [0.289, 0.752, -0.271, -0.051, -0.473, 0.388],
  [-0.059, -1.013, 0.805, 0.032, -1.816, -0.59],
  [0.459, -0.131, -0.347, -0.284, 0.504, -0.036],
  [-0.245, -0.389, -0.893, -0.417, 0.156, 0.08],
  [-0.76, 0.244, 0.612, 1.274, 0.004, 0.344],
];

const expected = {
  eigenvalues: [
    2.6002136217521254, 1.4532646137156515, 1.1123696272542871, 0.47168075693766215,
    0.2240522996294084, 0.13841908071086464
  ],
  eigenvectors: [
    [
      0.4000182444312347, -0.2367794994337722, -0.5260486731643936, 0.604621745016325,
      0.17402664188422545, 0.3336778979793831
    ],
    [
      0.39682625129776583, -0.34842792648503107, -0.4762684676338777, -0.5223382627516722,
      -0.1689930940252296, -0.4392030583925008
    ],
    [
      0.4363782039626204, -0.17824494211378777, 0.5420499463999466, 0.43744834322349313,
      -0.11227378862940463, -0.5291674618897546
    ],
    [
      0.4594803507763108, -0.2869378711598796, 0.4376574637479074, -0.3756367358039292,
      0.009160049561715905, 0.6114029325878796
    ],
    [
      0.3466722897932514, 0.6261411251601616, -0.10516594615069184, 0.03952207791238315,
      -0.6743129202208393, 0.14298891433825117
    ],
    [
      0.40097945614389635, 0.5624732338356104, -0.0043662344705164904, -0.16603999458581037,
      0.6883086790011804, -0.14656792137162228
    ],
  ],
  loadings: [
    [0.6450365353069075, -0.28544106133941183, -0.55481793372945],
    [0.639889389594932, -0.42003483145294773, -0.5023152810624846],
    [0.7036676168801286, -0.2148768182085478, 0.5716943062145023],
    [0.7409202395949809, -0.3459076933527185, 0.4615926664299423],
    [0.5590152344503675, 0.7548220506478445, -0.1109174035000281],
    [0.6465865062931391, 0.6780695002100673, -0.00460502100031573],
  ],
  varimax: [
    [0.1420585759536522, 0.11201811641475841, 0.8790011226159132],
    [0.02134128565105712, 0.1898479027066558, 0.8953829658327256],
    [0.1442747961648554, 0.9165608458443024, 0.08517946268929376],
    [0.06168367989499492, 0.9058849939263687, 0.2392701922045899],
    [0.9420763264531128, 0.027360081204791692, 0.0793766463393334],
    [0.9149558379071296, 0.1825429711426611, 0.0860664965011534],
  ],
  rotation: [
    [0.5271668175462605, 0.6319498750300622, 0.5680972644958229],
    [0.8461308547165319, -0.3286316548805857, -0.4195995854467905],
    [-0.07847116142136923, 0.7018836020736893, -0.7079559915455512],
  ],
  ssLoadings: [1.7699081728327481, 1.7433722012801496, 1.6525674886091641],
  criterion: 0.5901135776450332,
  scoresFirst3: [
    [1.2413011607353557, -0.34138909078069735, -0.16498287149632698],
    [-2.9471763255387557, -0.07253056337091676, -0.728843602669242],
    [1.9611446919991717, -1.0393148256934173, -0.6110766424197415],
  ],
  kmo: 0.4705407111746555,
  msa: [
    0.4595528938255543, 0.4111196873424505, 0.4459563528574811, 0.4476455385753937,
    0.5245689007339309, 0.5628132418764059
  ],
  bartlettChiSquare: 72.97620125272539,
  bartlettP: 1.3108952551343692e-09,
  determinant: 0.0614888506448626,
};

group("kmo and bartlett on reference cases (numpy/scipy)", () => {
  for (const c of loadReference("kmo_bartlett")) {
    it(c.case, () => {
      const data = c.input.data;
      if (c.expected.error) {
        expect(() => kmo(data)).toThrow(/n > p/);
        expect(() => bartlett(data)).toThrow(/n > p/);
        return;
      }
      const e = c.expected as Record<string, number & number[] & number[][]>;
      const result = kmo(data);
      expectDeepClose(result.correlation, e.R, c.tolerance, "R");
      expectDeepClose(result.partialCorrelation, e.partial_correlation, c.tolerance, "partial");
      expectDeepClose(result.antiImage, e.anti_image_correlation_SPSS, c.tolerance, "antiImage");
      expectDeepClose(result.overall, e.KMO, c.tolerance, "KMO");
      expectDeepClose(result.perItem, e.MSA_per_variable, c.tolerance, "MSA");
      const test = bartlett(data);
      expectDeepClose(test.chiSquare, e.bartlett_chi2, c.tolerance, "chi2");
      expect(test.df).toBe(e.bartlett_df);
      expectP(test.p, e.bartlett_p, c.tolerance);
      expectDeepClose(test.determinant, e.det_R, c.tolerance, "det");
    });
  }
});

group("kmo and bartlett", () => {
  it("match numpy on 30 × 6 data", () => {
    const result = kmo(data);
    expect(result.overall).toBeCloseTo(expected.kmo, 12);
    expectDeepClose(result.perItem, expected.msa, 1e-12);
    const test = bartlett(data);
    expect(test.chiSquare).toBeCloseTo(expected.bartlettChiSquare, 10);
    expect(test.df).toBe(15);
    expectP(test.p, expected.bartlettP, 1e-9);
    expect(test.determinant).toBeCloseTo(expected.determinant, 13);
  });

  it("reject n ≤ p", () => {
    const square = [[1, 2, 4], [2, 1, 3], [4, 3, 1]];
    expect(() => kmo(square)).toThrow(
      "kmo: 3 rows for 3 variables: need more respondents than variables (n > p)",
    );
    expect(() => bartlett(square)).toThrow("bartlett: 3 rows for 3 variables");
  });

  it("reject a constant column", () => {
    const withConstant = data.map((row) => [...row.slice(0, 3), 2]);
    expect(() => kmo(withConstant)).toThrow(
      "kmo: zero-variance column 3: its correlations are undefined, drop it first",
    );
    expect(() => bartlett(withConstant)).toThrow("bartlett: zero-variance column 3");
  });

  it("reject a singular correlation matrix", () => {
    const withSum = data.map((row) => [row[0], row[1], row[2], row[0] + row[1] - row[2]]);
    expect(() => kmo(withSum)).toThrow(/kmo: the correlation matrix is singular \(determinant/);
    expect(() => bartlett(withSum)).toThrow(/drop variables that are exact or near-exact/);
  });

  it("reject missing cells and a single variable", () => {
    const withGap = data.map((row, i) => (i === 4 ? [row[0], NaN, ...row.slice(2)] : row));
    expect(() => kmo(withGap)).toThrow("kmo: data[4][1] (row 4, column 1) is NaN");
    expect(() => bartlett(data.map((row) => [row[0]]))).toThrow(
      "bartlett: expected at least 2 variables, got 1",
    );
  });
});

group("pca on reference cases (numpy)", () => {
  for (const c of loadReference("pca_varimax")) {
    it(c.case, () => {
      const data = c.input.data;
      if (c.expected.error) {
        expect(() => pca(data, {components: c.input.k})).toThrow(/zero-variance column/);
        return;
      }
      const e = c.expected;
      const tol = c.tolerance;
      const result = pca(data, {components: c.input.k});
      expectDeepClose(result.correlation, e.correlation_matrix, tol, "R");
      expectDeepClose(result.eigenvalues, e.eigenvalues, tol, "eigenvalues");
      expectDeepClose(result.explained, e.explained_variance_ratio, tol, "explained");
      expectDeepClose(result.cumulative, e.cumulative_explained, tol, "cumulative");
      expect(result.kaiser).toBe(e.n_components_kaiser_eigen_gt_1);
      expectDeepClose(result.eigenvectors, e.eigenvectors_signfixed, tol, "eigenvectors");
      expect(result.components).toBe(e.k);
      expectDeepClose(result.loadings, e.loadings_first_k, tol, "loadings");
      expectDeepClose(result.communalities, e.communalities_first_k, tol, "communalities");
      const scores = e["component_scores_first5_rows (Z @ eigvec, Z with ddof=1)"];
      expectDeepClose(result.scores.slice(0, 5), scores, tol, "scores");
      const allLoadings = result.eigenvectors.map((row) =>
        row.map((v, j) => v * Math.sqrt(result.eigenvalues[j])),
      );
      expectDeepClose(allLoadings, e.loadings_all, tol, "loadings_all");
      const rotated = result.rotated!;
      expect(rotated.converged).toBe(true);
      expectDeepClose(rotated.loadings, e.varimax_loadings, tol, "varimax");
      const t = e["varimax_rotation_matrix_T (L_rot = L_k @ T)"];
      expectDeepClose(rotated.rotation, t, tol, "T");
      expectDeepClose(rotated.ssLoadings, e.varimax_SS_loadings, tol, "SS");
      expectDeepClose(rotated.criterion, e.varimax_criterion_kaiser_normalized, tol, "criterion");
    });
  }
});

group("pca", () => {
  it("matches numpy on 30 × 6 data with three factors", () => {
    const result = pca(data);
    expect(result.kaiser).toBe(3);
    expect(result.components).toBe(3);
    expectDeepClose(result.eigenvalues, expected.eigenvalues, 1e-12, "eigenvalues");
    expectDeepClose(result.eigenvectors, expected.eigenvectors, 1e-10, "eigenvectors");
    expectDeepClose(result.loadings, expected.loadings, 1e-10, "loadings");
    expectDeepClose(result.scores.slice(0, 3), expected.scoresFirst3, 1e-10, "scores");
    const rotated = result.rotated!;
    expect(rotated.converged).toBe(true);
    expectDeepClose(rotated.loadings, expected.varimax, 1e-10, "varimax");
    expectDeepClose(rotated.rotation, expected.rotation, 1e-10, "T");
    expectDeepClose(rotated.ssLoadings, expected.ssLoadings, 1e-10, "SS");
    expect(rotated.criterion).toBeCloseTo(expected.criterion, 12);
  });

  it("agrees with ml-pca on eigenvalues and scores up to sign", () => {
    const result = pca(data, {rotate: "none"});
    const reference = new PCA(data, {scale: true});
    expectDeepClose(result.eigenvalues, reference.getEigenvalues(), 1e-12, "eigenvalues");
    const theirs = reference.predict(data).to2DArray();
    for (let c = 0; c < 3; c++) {
      const sign = Math.sign(result.scores[0][c] * theirs[0][c]);
      result.scores.forEach((row, i) =>
        expect(row[c]).toBeCloseTo(sign * theirs[i][c], 10),
      );
    }
  });

  it("satisfies rotated = loadings · T with orthogonal T", () => {
    const result = pca(data);
    const rotated = result.rotated!;
    const product = new Matrix(result.loadings).mmul(new Matrix(rotated.rotation));
    expectDeepClose(product.to2DArray(), rotated.loadings, 1e-12, "L·T");
    const t = new Matrix(rotated.rotation);
    expectDeepClose(t.transpose().mmul(t).to2DArray(), Matrix.eye(3).to2DArray(), 1e-12, "TᵀT");
    expectDeepClose(
      rotated.loadings.map((row) => row.reduce((s, a) => s + a * a, 0)),
      result.communalities,
      1e-12,
      "communalities",
    );
  });

  it("has eigenvalues summing to p and unit eigenvectors", () => {
    const result = pca(data);
    expect(result.eigenvalues.reduce((s, v) => s + v, 0)).toBeCloseTo(6, 12);
    expect(result.cumulative[5]).toBeCloseTo(1, 12);
    for (let c = 0; c < 6; c++) {
      const norm = result.eigenvectors.reduce((s, row) => s + row[c] ** 2, 0);
      expect(norm).toBeCloseTo(1, 12);
    }
  });

  it("leaves rotated null with rotate none and keeps one component", () => {
    const result = pca(data, {rotate: "none", components: 1});
    expect(result.rotated).toBeNull();
    expect(result.loadings[0]).toHaveLength(1);
    expect(result.scores[0]).toHaveLength(1);
  });

  it("keeps at least one component when no eigenvalue exceeds 1", () => {
    // Two uncorrelated columns: R = I, both eigenvalues are exactly 1.
    const result = pca([[1, 1], [-1, 1], [1, -1], [-1, -1]]);
    expect(result.kaiser).toBe(0);
    expect(result.components).toBe(1);
    expect(result.eigenvalues).toEqual([1, 1]);
  });

  it("signs each column by its largest entry, the first on a tie", () => {
    // R = [[1, r], [r, 1]] has eigenvectors (1, 1)/√2 and (−1, 1)/√2 with tied magnitudes.
    const result = pca([[1, 2], [2, 1], [3, 5], [4, 3]]);
    const [[a, b], [c, d]] = result.eigenvectors;
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(c).toBeGreaterThan(0);
    expect(d).toBeLessThan(0);
  });

  it("reports a rank-deficient matrix with zero eigenvalues", () => {
    const result = pca([[1, 2, 3], [2, 4, 1], [3, 6, 2]], {rotate: "none"});
    expect(result.eigenvalues[2]).toBeGreaterThanOrEqual(0);
    expect(result.eigenvalues[2]).toBeLessThan(1e-12);
    expect(result.loadings.flat().every(Number.isFinite)).toBe(true);
  });

  it("rejects constant columns, missing cells and bad options", () => {
    expect(() => pca([[1, 2], [1, 3], [1, 5]])).toThrow(
      "pca: zero-variance column 0: its correlations are undefined, drop it first",
    );
    expect(() => pca([[1, 2], [null as unknown as number, 3]])).toThrow(
      "pca: data[1][0] (row 1, column 0) is null",
    );
    expect(() => pca([[1, 2]])).toThrow("pca: expected at least 2 rows, got 1");
    expect(() => pca(data, {components: 7})).toThrow(
      "pca: invalid components 7: expected an integer from 1 to 6",
    );
    expect(() => pca(data, {components: 0})).toThrow("invalid components 0");
    expect(() => pca(data, {rotate: "promax" as "none"})).toThrow(
      'pca: invalid rotate "promax": expected "varimax" or "none"',
    );
  });
});

group("varimax", () => {
  it("matches Kaiser's closed-form angle for two factors", () => {
    // For two factors varimax has a closed form: with u = x² − y², v = 2xy on the
    // normalised rows, tan 4φ = (2Σuv − 2ΣuΣv/p) / (Σ(u² − v²) − ((Σu)² − (Σv)²)/p).
    const loadings = [[0.7, 0.3], [0.8, 0.1], [0.6, -0.4], [0.5, 0.6], [0.3, 0.7]];
    const p = loadings.length;
    const h = loadings.map(([x, y]) => Math.hypot(x, y));
    const u = loadings.map(([x, y], i) => (x * x - y * y) / h[i] ** 2);
    const v = loadings.map(([x, y], i) => (2 * x * y) / h[i] ** 2);
    const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);
    const numerator = 2 * sum(u.map((ui, i) => ui * v[i])) - (2 * sum(u) * sum(v)) / p;
    const denominator =
      sum(u.map((ui, i) => ui * ui - v[i] * v[i])) - (sum(u) ** 2 - sum(v) ** 2) / p;
    const phi = Math.atan2(numerator, denominator) / 4;
    const rotatedByAngle = loadings.map(([x, y]) => [
      x * Math.cos(phi) + y * Math.sin(phi),
      -x * Math.sin(phi) + y * Math.cos(phi),
    ]);

    const result = varimax(loadings);
    expect(result.converged).toBe(true);
    // Compare as sets of columns: ordering and signs follow the result's convention.
    for (const column of [0, 1]) {
      const ours = result.loadings.map((row) => row[column]);
      const match = [0, 1].some((j) =>
        [1, -1].some((sign) =>
          rotatedByAngle.every((row, i) => Math.abs(sign * row[j] - ours[i]) < 1e-9),
        ),
      );
      expect(match, `column ${column}`).toBe(true);
    }
  });

  it("returns one factor unrotated", () => {
    const result = varimax([[0.9], [-0.8], [0.7]]);
    expect(result.loadings).toEqual([[0.9], [-0.8], [0.7]]);
    expect(result.rotation).toEqual([[1]]);
    expect(result.iterations).toBe(0);
    expect(result.converged).toBe(true);
  });

  it("makes each column's largest loading positive", () => {
    const result = varimax([[-0.8, 0.1], [-0.7, 0.2], [-0.1, -0.9], [0.05, -0.6]]);
    for (let j = 0; j < 2; j++) {
      const column = result.loadings.map((row) => row[j]);
      const largest = column.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
      expect(largest).toBeGreaterThan(0);
    }
  });

  it("keeps a zero row at zero", () => {
    const result = varimax([[0.8, 0.3], [0, 0], [0.2, 0.9]]);
    expect(result.loadings[1]).toEqual([0, 0]);
    expect(result.converged).toBe(true);
  });

  it("reports no convergence when stopped early", () => {
    const result = varimax(expected.loadings, 1);
    expect(result.iterations).toBe(1);
    expect(result.converged).toBe(false);
  });

  it("rejects missing cells", () => {
    expect(() => varimax([[0.5, NaN]])).toThrow(
      "varimax: loadings[0][1] (row 0, column 1) is NaN",
    );
  });
});
