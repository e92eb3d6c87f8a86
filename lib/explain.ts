import {describe} from "./describe.js";
import type {AhpResult} from "./ahp.js";
import type {CaseData} from "./caseData.js";
import {valueClasses, type ValueClass} from "./classify.js";
import {coordinationGrade} from "./coupling.js";
import {criticWeightsOfColumns} from "./critic.js";
import {entropyWeightsOfColumns} from "./entropy.js";
import type {BartlettResult, KmoResult} from "./factor.js";
import {selectedDecisionColumns, typedMinMaxColumns} from "./normalize.js";
import {pcaWeightsOfColumns} from "./pcaWeights.js";
import {axisScores, type Analysis} from "./pipeline.js";
import type {CronbachResult} from "./reliability.js";
import type {Direction, Label} from "./types.js";

/** A named number of an explanation: an input, an intermediate step or the result. */
export interface Quantity {
  /** Key, unique within its explanation, e.g. `"k"` or `"d:crv_service"`. */
  id: string;
  /** TeX symbol, e.g. `e_{3}`. */
  symbol: string;
  label: Label;
  value: number;
  /** TeX of how a step is computed from the quantities listed before it. */
  formula?: string;
}

/** Account of how the library computed one figure of the report: inputs, steps, result. */
export interface Explanation {
  title: Label;
  /** TeX of the defining formula; `\\` separates its lines. */
  formula: string;
  inputs: Quantity[];
  steps: Quantity[];
  /** The figure itself, as the library computes it. */
  result: Quantity;
  /** A rule or caveat that the numbers do not show, e.g. how ties are classed. */
  note?: Label;
}

/** Weights of an indicator that the report shows and {@link explainWeight} explains. */
export type WeightKind = "ahp" | "entropy" | "critic" | "pca" | "combined";

/** Builds a quantity from its label texts `[en, zh]`. */
function q(
  id: string,
  symbol: string,
  [en, zh]: [string, string],
  value: number,
  formula?: string
): Quantity {
  const label = {en, zh};
  return formula === undefined ? {id, symbol, label, value} : {id, symbol, label, value, formula};
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** The indicators of one side of a case, with their raw columns. */
interface SideColumns {
  /** Indexes into `system.indicators` of the side's indicators, in system order. */
  indexes: number[];
  /** Position of the explained indicator among `indexes`. */
  position: number;
  directions: Direction[];
  columns: Float64Array[];
}

function sideColumns(data: CaseData, j: number): SideColumns {
  const {system} = data;
  indicatorName(data, j); // throws on an index out of range
  const {indexes, position} = sideIndexes(data, j);
  const directions = indexes.map((k) => system.indicators[k].direction);
  const columns = selectedDecisionColumns(data.values, indexes, directions);
  return {indexes, position, directions, columns};
}

function indicatorName(data: CaseData, j: number): Label {
  const indicator = data.system.indicators[j];
  if (!indicator) {
    const count = data.system.indicators.length;
    throw new Error(
      `indicator index ${j} is out of range; case ${data.id} has ${count} indicators ` +
        `(0 to ${count - 1})`
    );
  }
  return indicator.label;
}

function named(prefix: Label, name: Label): Label {
  return {en: `${prefix.en} ${name.en}`, zh: `${name.zh}${prefix.zh}`};
}

/** Explanation of an indicator that is alone on its side and so takes weight 1. */
function singleIndicator(title: Label): Explanation {
  return {
    title,
    formula: String.raw`w_{1} = 1`,
    inputs: [q("m", "m", ["indicators on the side", "该侧指标数"], 1)],
    steps: [],
    result: q("w", "w_{1}", ["weight", "权重"], 1),
    note: {
      en: "The side has one indicator, so it takes the whole weight of the side.",
      zh: "该侧只有一个指标，因此它获得该侧的全部权重。"
    }
  };
}

/** Lists quantity `symbol_s` of every indicator of the side except the explained one. */
function sideList(
  data: CaseData,
  {indexes, position}: SideColumns,
  id: string,
  symbol: string,
  [en, zh]: [string, string],
  values: readonly number[]
): Quantity[] {
  return indexes.flatMap((k, s) => {
    if (s === position) return [];
    const name = indicatorName(data, k);
    const label: [string, string] = [`${en} of ${name.en}`, `${name.zh}的${zh}`];
    return [q(`${id}:${data.system.indicators[k].id}`, `${symbol}_{${s + 1}}`, label, values[s])];
  });
}

/**
 * Explains the entropy weight of indicator `j` (index into `data.system.indicators`) within
 * its side, as `analyzeCase` computes it with the default "minmax" variant: the normalised
 * column x' (n, min, max, Σ x'), Σ p ln p with p_ij = x'_ij / Σ_i x'_ij, k = 1/ln n,
 * e_j = −k Σ p ln p, d_j = 1 − e_j, the divergences of the other indicators of the side and
 * w_j = d_j / Σ d. Indicators are numbered by their place on the side. The values of e, d
 * and w are those of `entropyWeightsOfColumns`. Throws on an index out of range and as
 * `entropyWeightsOfColumns` does.
 *
 * @example explainEntropyWeight(data, 0).result.value
 * // equals analyzeCase(data, {weighting: "objective"}).weights.final[0]
 */
export function explainEntropyWeight(data: CaseData, j: number): Explanation {
  const title = named({en: "Entropy weight of", zh: "的熵权"}, indicatorName(data, j));
  const side = sideColumns(data, j);
  const {indexes, position, directions, columns} = side;
  if (indexes.length === 1) return singleIndicator(title);

  const result = entropyWeightsOfColumns(columns, directions);
  const scaled = typedMinMaxColumns([columns[position]], [directions[position]]);
  const x = scaled.columns[0];
  const n = x.length;
  const constant = scaled.degenerateColumns.length > 0;
  const total = sum(x);
  const [min, max] = minMax(x);
  // A constant column has p_ij = 1/n, as the entropy method defines it.
  let pLogP = 0;
  for (let i = 0; i < n; i++) {
    const p = constant ? 1 / n : x[i] / total;
    if (p > 0) pLogP += p * Math.log(p);
  }
  const s = position + 1;
  const others = sideList(data, side, "d", "d", ["divergence", "差异系数"], result.divergence);

  return {
    title,
    formula:
      String.raw`w_{j} = \frac{d_{j}}{\sum_{k} d_{k}} \\ d_{j} = 1 - e_{j} \\ ` +
      String.raw`e_{j} = -\frac{1}{\ln n}\sum_{i} p_{ij} \ln p_{ij} \\ ` +
      String.raw`p_{ij} = \frac{x'_{ij}}{\sum_{i} x'_{ij}}`,
    inputs: [
      q("n", "n", ["customers (rows)", "客户数（行数）"], n),
      q("min", String.raw`\min_i x'_{i${s}}`, ["minimum after min–max normalisation",
        "极差标准化后的最小值"], min),
      q("max", String.raw`\max_i x'_{i${s}}`, ["maximum after min–max normalisation",
        "极差标准化后的最大值"], max),
      q("sumX", String.raw`\sum_i x'_{i${s}}`, ["sum of the normalised column", "标准化列之和"],
        total),
      ...others
    ],
    steps: [
      q("sumPLogP", String.raw`\sum_i p_{i${s}} \ln p_{i${s}}`,
        ["sum of p ln p over the customers", "各客户 p ln p 之和"], pLogP),
      q("k", "k", ["constant 1/ln n", "常数 1/ln n"], 1 / Math.log(n), String.raw`k = 1/\ln n`),
      q("e", `e_{${s}}`, ["entropy", "熵值"], result.entropy[position],
        String.raw`e_{${s}} = -k \sum_i p_{i${s}} \ln p_{i${s}}`),
      q("d", `d_{${s}}`, ["divergence", "差异系数"], result.divergence[position],
        String.raw`d_{${s}} = 1 - e_{${s}}`),
      q("sumD", String.raw`\sum_k d_k`, ["sum of the divergences of the side",
        "该侧差异系数之和"], sum(result.divergence))
    ],
    result: q("w", `w_{${s}}`, ["entropy weight", "熵权"], result.weights[position],
      String.raw`w_{${s}} = d_{${s}} / \sum_k d_k`),
    ...(constant
      ? {note: {
          en: "The indicator is constant: every p is 1/n, so e = 1 and its weight is 0.",
          zh: "该指标为常数：每个 p 都是 1/n，因此 e = 1，权重为 0。"
        }}
      : {})
  };
}

function minMax(x: ArrayLike<number>): [number, number] {
  let min = x[0];
  let max = x[0];
  for (let i = 1; i < x.length; i++) {
    if (x[i] < min) min = x[i];
    if (x[i] > max) max = x[i];
  }
  return [min, max];
}

/**
 * Explains the CRITIC weight of indicator `j` within its side: its sd σ_j after min–max
 * normalisation, its correlations r_jk with the other non-constant indicators of the side,
 * the conflict Σ_k (1 − r_jk), the information C_j = σ_j · conflict, the information of the
 * other indicators and w_j = C_j / Σ C, all values of `criticWeightsOfColumns`. Throws on an
 * index out of range and as `criticWeightsOfColumns` does.
 *
 * @example explainCriticWeight(data, 0).result.value
 * // equals analyzeCase(data, {weighting: "objective", objective: "critic"}).weights.final[0]
 */
export function explainCriticWeight(data: CaseData, j: number): Explanation {
  const title = named({en: "CRITIC weight of", zh: "的 CRITIC 权重"}, indicatorName(data, j));
  const side = sideColumns(data, j);
  const {indexes, position, directions, columns} = side;
  if (indexes.length === 1) return singleIndicator(title);

  const result = criticWeightsOfColumns(columns, directions);
  const s = position + 1;
  const kept = result.keptColumns.indexOf(position);
  const correlations = kept < 0 ? [] : result.keptColumns.flatMap((column, a) => {
    if (column === position) return [];
    const name = indicatorName(data, indexes[column]);
    return [q(`r:${data.system.indicators[indexes[column]].id}`, `r_{${s},${column + 1}}`,
      [`correlation with ${name.en}`, `与${name.zh}的相关系数`], result.correlation[kept][a])];
  });
  const others = sideList(data, side, "C", "C", ["information", "信息量"], result.information);

  return {
    title,
    formula: String.raw`w_{j} = \frac{C_{j}}{\sum_{k} C_{k}} \\ ` +
      String.raw`C_{j} = \sigma_{j} \sum_{k} (1 - r_{jk})`,
    inputs: [
      q("n", "n", ["customers (rows)", "客户数（行数）"], columns[0].length),
      q("sd", String.raw`\sigma_{${s}}`, ["sd of the normalised column", "标准化列的标准差"],
        result.sd[position]),
      ...correlations,
      ...others
    ],
    steps: kept < 0 ? [] : [
      q("conflict", String.raw`\sum_k (1 - r_{${s}k})`, ["conflict", "冲突性"],
        result.conflict[position]),
      q("C", `C_{${s}}`, ["information", "信息量"], result.information[position],
        String.raw`C_{${s}} = \sigma_{${s}} \sum_k (1 - r_{${s}k})`),
      q("sumC", String.raw`\sum_k C_k`, ["sum of the information of the side",
        "该侧信息量之和"], sum(result.information))
    ],
    result: q("w", `w_{${s}}`, ["CRITIC weight", "CRITIC 权重"], result.weights[position],
      String.raw`w_{${s}} = C_{${s}} / \sum_k C_k`),
    ...(kept < 0
      ? {note: {
          en: "The indicator is constant, so CRITIC leaves it out with weight 0.",
          zh: "该指标为常数，CRITIC 将其排除，权重为 0。"
        }}
      : {})
  };
}

/**
 * Explains the PCA weight of indicator `j` within its side: the kept eigenvalues λ_k of the
 * correlation matrix, the indicator's entries u_jk of the kept eigenvectors, its composite
 * coefficient a_j = Σ_k u_jk λ_k / Σ_k λ_k, the coefficients of the other indicators and
 * w_j = |a_j| / Σ |a|, all values of `pcaWeightsOfColumns`. Throws on an index out of range
 * and as `pcaWeightsOfColumns` does (e.g. on a constant indicator).
 *
 * @example explainPcaWeight(data, 0).result.value
 * // equals analyzeCase(data, {weighting: "objective", objective: "pca"}).weights.final[0]
 */
export function explainPcaWeight(data: CaseData, j: number): Explanation {
  const title = named({en: "PCA weight of", zh: "的主成分权重"}, indicatorName(data, j));
  const side = sideColumns(data, j);
  const {indexes, position, directions, columns} = side;
  if (indexes.length === 1) return singleIndicator(title);

  const result = pcaWeightsOfColumns(columns, directions);
  const s = position + 1;
  const kept = result.eigenvalues.slice(0, result.componentsKept);
  const lambdas = kept.map((lambda, k) =>
    q(`lambda:${k + 1}`, String.raw`\lambda_{${k + 1}}`,
      [`eigenvalue of component ${k + 1}`, `第 ${k + 1} 个成分的特征值`], lambda));
  const loadings = result.eigenvectors.map((vector, k) =>
    q(`u:${k + 1}`, `u_{${s},${k + 1}}`, [`entry in eigenvector ${k + 1}`,
      `在第 ${k + 1} 个特征向量中的分量`], vector[position]));
  const others = sideList(data, side, "a", "a", ["coefficient", "综合系数"], result.coefficients);

  return {
    title,
    formula: String.raw`w_{j} = \frac{|a_{j}|}{\sum_{i} |a_{i}|} \\ ` +
      String.raw`a_{j} = \frac{\sum_{k} u_{jk} \lambda_{k}}{\sum_{k} \lambda_{k}}`,
    inputs: [...lambdas, ...loadings, ...others],
    steps: [
      q("a", `a_{${s}}`, ["composite coefficient", "综合系数"], result.coefficients[position],
        String.raw`a_{${s}} = \sum_k u_{${s}k} \lambda_k / \sum_k \lambda_k`),
      q("sumAbsA", String.raw`\sum_i |a_i|`, ["sum of |a| over the side", "该侧 |a| 之和"],
        sum(result.coefficients.map(Math.abs)))
    ],
    result: q("w", `w_{${s}}`, ["PCA weight", "主成分权重"], result.weights[position],
      String.raw`w_{${s}} = |a_{${s}}| / \sum_i |a_i|`),
    note: {
      en: "Components with eigenvalue above 1 are kept, at least the first.",
      zh: "保留特征值大于 1 的成分，至少保留第一个。"
    }
  };
}

function localWeight(analysis: Analysis, node: string, id: string): number {
  const found = analysis.ahp.nodes.find((entry) => entry.node === node);
  const k = found ? found.order.indexOf(id) : -1;
  if (!found || k < 0) throw new Error(`AHP node "${node}" has no element "${id}"`);
  return found.weights[k];
}

/**
 * Explains the AHP weight of indicator `j` within its side: its local weight in its
 * dimension times the dimension's local weight in the side, both from `analysis.ahp`.
 * The result is `analysis.weights.subjective[j]`. Throws on an index out of range.
 *
 * @example explainAhpWeight(data, analysis, 0).result.value // analysis.weights.subjective[0]
 */
export function explainAhpWeight(data: CaseData, analysis: Analysis, j: number): Explanation {
  const indicator = data.system.indicators[j];
  if (!indicator) throw new Error(`indicator index ${j} is out of range for case ${data.id}`);
  const dimension = data.system.dimensions.find((entry) => entry.id === indicator.dimension);
  if (!dimension) throw new Error(`indicator ${indicator.id} has no dimension in the system`);
  const local = localWeight(analysis, dimension.id, indicator.id);
  const dimensionWeight = localWeight(analysis, dimension.side, dimension.id);

  return {
    title: named({en: "AHP weight of", zh: "的 AHP 权重"}, indicator.label),
    formula: String.raw`w_{j} = w^{\mathrm{local}}_{j} \cdot W_{d}`,
    inputs: [
      q("local", String.raw`w^{\mathrm{local}}_{j}`, [`local weight in ${dimension.label.en}`,
        `在${dimension.label.zh}中的局部权重`], local),
      q("dimension", "W_{d}", [`weight of ${dimension.label.en} in its side`,
        `${dimension.label.zh}在所属一侧中的权重`], dimensionWeight)
    ],
    steps: [],
    result: q("w", "w_{j}", ["AHP weight within the side", "侧内 AHP 权重"],
      analysis.weights.subjective[j], String.raw`w_{j} = w^{\mathrm{local}}_{j} \cdot W_{d}`),
    note: {
      en: "Local weights are the priorities of the experts' pairwise comparison matrices.",
      zh: "局部权重是专家两两比较判断矩阵的排序向量。"
    }
  };
}

/**
 * Explains the objective weight of indicator `j` by the method of `analysis.config`.
 * Throws as the chosen method's explanation does.
 */
export function explainObjectiveWeight(data: CaseData, analysis: Analysis, j: number): Explanation {
  const method = analysis.config.objective;
  if (method === "critic") return explainCriticWeight(data, j);
  if (method === "pca") return explainPcaWeight(data, j);
  return explainEntropyWeight(data, j);
}

/**
 * Explains the weight that scores indicator `j`, `analysis.weights.final[j]`: with linear
 * combination w_j = α·a_j + (1 − α)·b_j of the AHP weight a_j and the objective weight b_j;
 * multiplicative, w_j = a_j·b_j / Σ_k a_k·b_k over the side; AHP or objective weights alone
 * when the analysis uses no combination. Throws on an index out of range.
 *
 * @example explainCombinedWeight(data, analysis, 0).result.value // analysis.weights.final[0]
 */
export function explainCombinedWeight(
  data: CaseData,
  analysis: Analysis,
  j: number
): Explanation {
  const indicator = data.system.indicators[j];
  if (!indicator) throw new Error(`indicator index ${j} is out of range for case ${data.id}`);
  const {config, weights} = analysis;
  const title = named({en: "Scoring weight of", zh: "的打分权重"}, indicator.label);
  const a = q("a", "a_{j}", ["AHP weight", "AHP 权重"], weights.subjective[j]);
  const b = q("b", "b_{j}", [`${config.objective} weight`, `${config.objective} 客观权重`],
    weights.objective[j]);
  const result = (formula: string) =>
    q("w", "w_{j}", ["scoring weight", "打分权重"], weights.final[j], formula);

  if (config.weighting === "ahp" || config.weighting === "objective") {
    const used = config.weighting === "ahp" ? a : b;
    return {
      title,
      formula: `w_{j} = ${used.symbol}`,
      inputs: [used],
      steps: [],
      result: result(`w_{j} = ${used.symbol}`),
      note: {
        en: `The analysis scores with ${config.weighting === "ahp" ? "AHP" : "objective"} ` +
          "weights alone.",
        zh: `本分析只用${config.weighting === "ahp" ? " AHP " : "客观"}权重打分。`
      }
    };
  }
  if (config.combination === "multiplicative") {
    const {indexes, position} = sideIndexes(data, j);
    const products = indexes.map((k) => weights.subjective[k] * weights.objective[k]);
    return {
      title,
      formula: String.raw`w_{j} = \frac{a_{j} b_{j}}{\sum_{k} a_{k} b_{k}}`,
      inputs: [a, b, ...indexes.flatMap((k, s) => s === position ? [] : [
        q(`ab:${data.system.indicators[k].id}`, `a_{${s + 1}} b_{${s + 1}}`,
          [`product for ${indicatorName(data, k).en}`, `${indicatorName(data, k).zh}的乘积`],
          products[s])
      ])],
      steps: [
        q("ab", "a_{j} b_{j}", ["product", "乘积"], products[position], "a_{j} b_{j}"),
        q("sumAB", String.raw`\sum_k a_k b_k`, ["sum of the products of the side",
          "该侧乘积之和"], sum(products))
      ],
      result: result(String.raw`w_{j} = a_{j} b_{j} / \sum_k a_k b_k`)
    };
  }
  return {
    title,
    formula: String.raw`w_{j} = \alpha a_{j} + (1 - \alpha) b_{j}`,
    inputs: [q("alpha", String.raw`\alpha`, ["AHP share α", "AHP 占比 α"], config.alpha), a, b],
    steps: [],
    result: result(String.raw`w_{j} = \alpha a_{j} + (1 - \alpha) b_{j}`)
  };
}

function sideIndexes(data: CaseData, j: number): {indexes: number[]; position: number} {
  const sideOf = new Map(data.system.dimensions.map((dimension) => [dimension.id, dimension.side]));
  const side = sideOf.get(data.system.indicators[j].dimension);
  const indexes = data.system.indicators
    .map((item, k) => (sideOf.get(item.dimension) === side ? k : -1))
    .filter((k) => k >= 0);
  return {indexes, position: indexes.indexOf(j)};
}

/**
 * Explains one of the weights the report shows for indicator `j`: AHP, entropy, CRITIC,
 * PCA or the combined scoring weight. Throws on an unknown kind.
 */
export function explainWeight(
  data: CaseData,
  analysis: Analysis,
  j: number,
  kind: WeightKind
): Explanation {
  switch (kind) {
    case "ahp":
      return explainAhpWeight(data, analysis, j);
    case "entropy":
      return explainEntropyWeight(data, j);
    case "critic":
      return explainCriticWeight(data, j);
    case "pca":
      return explainPcaWeight(data, j);
    case "combined":
      return explainCombinedWeight(data, analysis, j);
    default:
      throw new Error(
        `unknown weight kind ${JSON.stringify(kind)}; ` +
          "expected ahp, entropy, critic, pca or combined"
      );
  }
}

/**
 * Explains the consistency ratio of a pairwise comparison matrix of order `n` from its AHP
 * result (an `ahp` result or a hierarchy node): CI = (λmax − n)/(n − 1), CR = CI / RI.
 * For n ≤ 2, and for a node without judgments, CR is 0 by definition.
 *
 * @example explainConsistency(ahp(matrix), 3).result.value // ahp(matrix).cr
 */
export function explainConsistency(
  result: Pick<AhpResult, "lambdaMax" | "ci" | "cr" | "ri">,
  n: number
): Explanation {
  const trivial = n <= 2 || result.ri === 0;
  return {
    title: {en: "Consistency ratio CR", zh: "一致性比率 CR"},
    formula: String.raw`CR = \frac{CI}{RI} \\ CI = \frac{\lambda_{\max} - n}{n - 1}`,
    inputs: [
      q("n", "n", ["order of the matrix", "矩阵阶数"], n),
      q("lambdaMax", String.raw`\lambda_{\max}`, ["principal eigenvalue", "最大特征值"],
        result.lambdaMax),
      q("ri", "RI", ["random index (Saaty) for this n", "该阶数的随机一致性指标（Saaty）"],
        result.ri)
    ],
    steps: [
      q("ci", "CI", ["consistency index", "一致性指标"], result.ci,
        String.raw`CI = (\lambda_{\max} - n)/(n - 1)`)
    ],
    result: q("cr", "CR", ["consistency ratio", "一致性比率"], result.cr, "CR = CI / RI"),
    note: trivial
      ? {en: "A matrix of order 2 or less, or one without judgments, is consistent: CR = 0.",
         zh: "二阶及以下的矩阵，或没有判断的矩阵，总是一致的：CR = 0。"}
      : {en: "CR ≤ 0.10 is taken as acceptable consistency.",
         zh: "通常认为 CR ≤ 0.10 时一致性可以接受。"}
  };
}

/**
 * Explains Cronbach's α from a `cronbachAlpha` result: k items, the item variances s_i²,
 * their sum, the variance s_T² of the totals and α = k/(k − 1)·(1 − Σ s_i² / s_T²).
 * `items` names the items in column order (default "item 1", "item 2", …).
 *
 * @example explainCronbachAlpha(cronbachAlpha(rows)).result.value // cronbachAlpha(rows).alpha
 */
export function explainCronbachAlpha(
  result: CronbachResult,
  items: readonly string[] = []
): Explanation {
  const variances = result.itemVariances.map((variance, i) => {
    const name = items[i] ?? `item ${i + 1}`;
    return q(`var:${i + 1}`, `s^{2}_{${i + 1}}`, [`variance of ${name}`, `${name} 的方差`],
      variance);
  });
  return {
    title: {en: "Cronbach's α", zh: "克朗巴哈系数 α"},
    formula:
      String.raw`\alpha = \frac{k}{k - 1}\left(1 - \frac{\sum_i s^{2}_{i}}{s^{2}_{T}}\right)`,
    inputs: [
      q("k", "k", ["items", "题项数"], result.k),
      q("n", "n", ["respondents with complete answers", "作答完整的受访者数"], result.n),
      ...variances,
      q("totalVariance", String.raw`s^{2}_{T}`, ["variance of the respondents' totals",
        "受访者总分的方差"], result.totalVariance)
    ],
    steps: [
      q("varianceSum", String.raw`\sum_i s^{2}_{i}`, ["sum of the item variances",
        "题项方差之和"], sum(result.itemVariances))
    ],
    result: q("alpha", String.raw`\alpha`, ["Cronbach's α", "克朗巴哈系数 α"], result.alpha,
      String.raw`\alpha = \frac{k}{k-1}(1 - \sum_i s^{2}_{i} / s^{2}_{T})`),
    note: {
      en: "Variances are sample variances (n − 1 in the denominator).",
      zh: "方差为样本方差（分母为 n − 1）。"
    }
  };
}

/**
 * Explains the overall KMO of a `kmo` result: the sums of squared correlations Σ r_ij² and
 * squared partial correlations Σ q_ij² over i ≠ j, and KMO = Σ r² / (Σ r² + Σ q²).
 *
 * @example explainKmo(kmo(rows), rows.length).result.value // kmo(rows).overall
 */
export function explainKmo(result: KmoResult, n: number): Explanation {
  let r2 = 0;
  let q2 = 0;
  const p = result.correlation.length;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      if (i === j) continue;
      r2 += result.correlation[i][j] ** 2;
      q2 += result.partialCorrelation[i][j] ** 2;
    }
  }
  return {
    title: {en: "KMO measure of sampling adequacy", zh: "KMO 取样适切性量数"},
    formula: String.raw`KMO = \frac{\sum_{i \ne j} r_{ij}^{2}}` +
      String.raw`{\sum_{i \ne j} r_{ij}^{2} + \sum_{i \ne j} q_{ij}^{2}}`,
    inputs: [
      q("n", "n", ["respondents", "受访者数"], n),
      q("p", "p", ["items", "题项数"], p)
    ],
    steps: [
      q("r2", String.raw`\sum_{i \ne j} r_{ij}^{2}`, ["sum of squared correlations",
        "相关系数平方和"], r2),
      q("q2", String.raw`\sum_{i \ne j} q_{ij}^{2}`, ["sum of squared partial correlations",
        "偏相关系数平方和"], q2)
    ],
    result: q("kmo", "KMO", ["overall KMO", "总体 KMO"], result.overall,
      String.raw`KMO = \sum r^{2} / (\sum r^{2} + \sum q^{2})`),
    note: {
      en: "q_ij = −(R⁻¹)_ij / √((R⁻¹)_ii (R⁻¹)_jj), the partial correlation of items i and j " +
        "given all the others.",
      zh: "q_ij = −(R⁻¹)_ij / √((R⁻¹)_ii (R⁻¹)_jj)，即控制其余题项后题项 i 与 j 的偏相关系数。"
    }
  };
}

/**
 * Explains Bartlett's χ² of a `bartlett` result for n observations of p variables:
 * χ² = −(n − 1 − (2p + 5)/6)·ln|R| with df = p(p − 1)/2.
 *
 * @example explainBartlett(bartlett(rows), rows.length, 3).result.value
 * // bartlett(rows).chiSquare
 */
export function explainBartlett(result: BartlettResult, n: number, p: number): Explanation {
  const factor = n - 1 - (2 * p + 5) / 6;
  return {
    title: {en: "Bartlett's χ² of sphericity", zh: "Bartlett 球形检验 χ²"},
    formula: String.raw`\chi^{2} = -\left(n - 1 - \frac{2p + 5}{6}\right)\ln|R| \\ ` +
      String.raw`df = \frac{p(p-1)}{2}`,
    inputs: [
      q("n", "n", ["respondents", "受访者数"], n),
      q("p", "p", ["items", "题项数"], p),
      q("det", "|R|", ["determinant of the correlation matrix", "相关矩阵的行列式"],
        result.determinant)
    ],
    steps: [
      q("lnDet", String.raw`\ln|R|`, ["log of the determinant", "行列式的自然对数"],
        Math.log(result.determinant)),
      q("factor", String.raw`n - 1 - \frac{2p+5}{6}`, ["multiplier", "乘数"], factor),
      q("df", "df", ["degrees of freedom", "自由度"], result.df, String.raw`df = p(p-1)/2`),
      q("pValue", "p", ["p-value (χ² upper tail)", "p 值（χ² 上尾）"], result.p)
    ],
    result: q("chiSquare", String.raw`\chi^{2}`, ["Bartlett's χ²", "Bartlett χ²"],
      result.chiSquare, String.raw`\chi^{2} = -(n - 1 - (2p+5)/6)\ln|R|`)
  };
}

function customerIndex(data: CaseData, i: number): void {
  if (!Number.isInteger(i) || i < 0 || i >= data.ids.length) {
    throw new Error(
      `customer index ${i} is out of range; case ${data.id} has ${data.ids.length} customers`
    );
  }
}

function sideScoreInputs(analysis: Analysis, i: number): Quantity[] {
  const {crv, hrv} = analysis.scores.sides;
  if (!crv || !hrv) throw new Error("relationship value needs the scores of both sides");
  const alpha = analysis.config.sideAlpha;
  return [
    q("u1", "U_{1}", ["customer's CRV", "该客户的 CRV"], crv[i]),
    q("u2", "U_{2}", ["customer's HRV", "该客户的 HRV"], hrv[i]),
    q("alpha", String.raw`\alpha`, ["weight of CRV", "CRV 的权重"], alpha),
    q("beta", String.raw`\beta`, ["weight of HRV, 1 − α", "HRV 的权重，1 − α"], 1 - alpha)
  ];
}

/**
 * Explains customer `i`'s coupling coordination degree D from `analysis.coupling`: the
 * customer's CRV U₁ and HRV U₂, the side weights α and β, C = 2√(U₁U₂)/(U₁ + U₂),
 * T = αU₁ + βU₂, D = √(C·T) and its grade min(⌊10D⌋, 9). Throws when a side is not
 * measured or `i` is out of range.
 *
 * @example explainCoupling(data, analysis, 0).result.value // analysis.coupling.d[0]
 */
export function explainCoupling(data: CaseData, analysis: Analysis, i: number): Explanation {
  customerIndex(data, i);
  const inputs = sideScoreInputs(analysis, i);
  const coupling = analysis.coupling!;
  return {
    title: {en: `Coupling coordination degree D of ${data.ids[i]}`,
      zh: `${data.ids[i]} 的耦合协调度 D`},
    formula: String.raw`D = \sqrt{C \cdot T} \\ C = \frac{2\sqrt{U_{1} U_{2}}}{U_{1} + U_{2}} \\ ` +
      String.raw`T = \alpha U_{1} + \beta U_{2}`,
    inputs,
    steps: [
      q("c", "C", ["coupling degree", "耦合度"], coupling.c[i],
        String.raw`C = 2\sqrt{U_{1} U_{2}}/(U_{1} + U_{2})`),
      q("t", "T", ["comprehensive development index", "综合发展指数"], coupling.t[i],
        String.raw`T = \alpha U_{1} + \beta U_{2}`),
      q("grade", "g", ["coordination grade (0–9)", "协调等级（0–9）"],
        coordinationGrade(coupling.d[i]), String.raw`g = \min(\lfloor 10 D \rfloor, 9)`)
    ],
    result: q("d", "D", ["coupling coordination degree", "耦合协调度"], coupling.d[i],
      String.raw`D = \sqrt{C \cdot T}`),
    note: {
      en: "C = T = D = 0 when both scores are 0.",
      zh: "两个得分都为 0 时，C = T = D = 0。"
    }
  };
}

/**
 * Explains customer `i`'s relationship value under the analysis's model: D for the coupling
 * model (see {@link explainCoupling}), αU₁ + βU₂ for the additive and U₁^α·U₂^β for the
 * geometric model; the result is `analysis.value[i]`. Throws when a side is not measured or
 * `i` is out of range.
 */
export function explainRelationshipValue(
  data: CaseData,
  analysis: Analysis,
  i: number
): Explanation {
  if (analysis.config.model === "coupling") return explainCoupling(data, analysis, i);
  customerIndex(data, i);
  const inputs = sideScoreInputs(analysis, i);
  const additive = analysis.config.model === "additive";
  const formula = additive
    ? String.raw`V = \alpha U_{1} + \beta U_{2}`
    : String.raw`V = U_{1}^{\alpha} U_{2}^{\beta}`;
  return {
    title: {
      en: `Relationship value (${additive ? "additive" : "geometric"}) of ${data.ids[i]}`,
      zh: `${data.ids[i]} 的关系价值（${additive ? "加法" : "几何"}模型）`
    },
    formula,
    inputs,
    steps: [],
    result: q("value", "V", ["relationship value", "关系价值"], analysis.value![i], formula)
  };
}

function axisName(analysis: Analysis, axis: "x" | "y"): string {
  const {kind, id} = analysis.axes[axis];
  return kind === "side" ? id.toUpperCase() : id;
}

/**
 * Explains the threshold of one axis of the value matrix, `analysis.classes.thresholds`:
 * the mean Σ s / n, the median of the axis scores, the scale midpoint 0.5 or a given number.
 *
 * @example explainThreshold(analysis, "x").result.value // analysis.classes.thresholds.x
 */
export function explainThreshold(analysis: Analysis, axis: "x" | "y"): Explanation {
  const {threshold} = analysis.config;
  const rule = typeof threshold === "object" ? threshold[axis] : threshold;
  const scores = axisScores(analysis.scores, analysis.axes[axis]);
  const name = axisName(analysis, axis);
  const title = {en: `Threshold of ${name}`, zh: `${name} 的阈值`};
  const value = analysis.classes.thresholds[axis];
  const result = (formula: string) =>
    q("threshold", `t_{${axis}}`, ["threshold", "阈值"], value, formula);
  const n = q("n", "n", ["customers", "客户数"], scores.length);

  if (rule === "mean") {
    return {
      title,
      formula: String.raw`t = \frac{1}{n}\sum_{i} s_{i}`,
      inputs: [n, q("sum", String.raw`\sum_i s_i`, [`sum of the ${name} scores`,
        `${name} 得分之和`], sum(scores))],
      steps: [],
      result: result(String.raw`t = \sum_i s_i / n`),
      note: {en: "The threshold is the mean score.", zh: "阈值为得分均值。"}
    };
  }
  if (rule === "median") {
    const sorted = Float64Array.from(scores).sort();
    const half = Math.floor(sorted.length / 2);
    const middle = sorted.length % 2 === 1
      ? [q("middle", `s_{(${half + 1})}`, ["middle score", "居中的得分"], sorted[half])]
      : [q("lower", `s_{(${half})}`, ["lower middle score", "居中偏下的得分"], sorted[half - 1]),
         q("upper", `s_{(${half + 1})}`, ["upper middle score", "居中偏上的得分"], sorted[half])];
    return {
      title,
      formula: String.raw`t = \operatorname{median}_{i} s_{i}`,
      inputs: [n, ...middle],
      steps: [],
      result: result(sorted.length % 2 === 1
        ? String.raw`t = s_{(${half + 1})}`
        : String.raw`t = (s_{(${half})} + s_{(${half + 1})})/2`),
      note: {en: "Scores are sorted ascending; s₍ₖ₎ is the k-th smallest.",
        zh: "得分按升序排列；s₍ₖ₎ 为第 k 小的得分。"}
    };
  }
  return {
    title,
    formula: `t = ${value}`,
    inputs: [n],
    steps: [],
    result: result(`t = ${value}`),
    note: rule === "midpoint"
      ? {en: "The threshold is the midpoint 0.5 of the normalised scale.",
         zh: "阈值为标准化量表的中点 0.5。"}
      : {en: "The threshold was given as a number.", zh: "阈值为给定的数值。"}
  };
}

/**
 * Explains the count of one class of the value matrix: the axis thresholds, the rule
 * (high means a score ≥ the threshold), the counts of all four classes and their sum n.
 * The result is `analysis.classes.counts[id]`.
 *
 * @example explainClassCount(analysis, "partners").result.value
 * // analysis.classes.counts.partners
 */
export function explainClassCount(analysis: Analysis, id: ValueClass): Explanation {
  const info = valueClasses.find((entry) => entry.id === id);
  if (!info) {
    throw new Error(`unknown class "${id}"; expected ${valueClasses.map((c) => c.id).join(", ")}`);
  }
  const {counts, thresholds} = analysis.classes;
  const others = valueClasses.filter((entry) => entry.id !== id);
  const x = axisName(analysis, "x");
  const y = axisName(analysis, "y");
  const side = (high: boolean, t: string) => (high ? String.raw`\ge ${t}` : `< ${t}`);
  const rule = String.raw`s_{x} ${side(info.highX, "t_{x}")},\; s_{y} ${side(info.highY, "t_{y}")}`;
  const highEn = (isHigh: boolean) => (isHigh ? "at or above" : "below");
  const highZh = (isHigh: boolean) => (isHigh ? "不低于" : "低于");

  return {
    title: {en: `Customers in ${info.label.en}`, zh: `${info.label.zh}的客户数`},
    formula: String.raw`N = \#\{i : ${rule}\}`,
    inputs: [
      q("tx", "t_{x}", [`threshold of ${x}`, `${x} 的阈值`], thresholds.x),
      q("ty", "t_{y}", [`threshold of ${y}`, `${y} 的阈值`], thresholds.y),
      q("n", "n", ["customers", "客户数"], analysis.classes.labels.length)
    ],
    steps: others.map((entry) =>
      q(`count:${entry.id}`, String.raw`N_{\text{${entry.id}}}`,
        [`customers in ${entry.label.en}`, `${entry.label.zh}的客户数`], counts[entry.id])),
    result: q("count", "N", [`customers in ${info.label.en}`, `${info.label.zh}的客户数`],
      counts[id], `N = n - ${others.map((entry) => `N_{\\text{${entry.id}}}`).join(" - ")}`),
    note: {
      en: `A customer is in ${info.label.en} when ${x} is ${highEn(info.highX)} its ` +
        `threshold and ${y} is ${highEn(info.highY)} its threshold. Every customer is in ` +
        "exactly one class, so the four counts add up to n.",
      zh: `${x} ${highZh(info.highX)}其阈值且 ${y} ${highZh(info.highY)}其阈值的客户` +
        `属于${info.label.zh}。每位客户恰好属于一类，因此四类人数之和为 n。`
    }
  };
}

/**
 * Explains the mean of a score over the customers (e.g. mean D), as `describe` computes it:
 * n, Σ s and the mean Σ s / n. `symbol` is the TeX of the score, `name` its label.
 *
 * @example explainMean([0.2, 0.4], "D", {en: "D", zh: "D"}).result.value // 0.3
 */
export function explainMean(values: ArrayLike<number>, symbol: string, name: Label): Explanation {
  const stats = describe(Array.from(values));
  return {
    title: {en: `Mean ${name.en}`, zh: `${name.zh}均值`},
    formula: String.raw`\bar{${symbol}} = \frac{1}{n}\sum_{i} ${symbol}_{i}`,
    inputs: [
      q("n", "n", ["customers", "客户数"], stats.n),
      q("sum", String.raw`\sum_i ${symbol}_i`, [`sum of ${name.en}`, `${name.zh}之和`],
        sum(values))
    ],
    steps: [],
    result: q("mean", String.raw`\bar{${symbol}}`, [`mean ${name.en}`, `${name.zh}均值`],
      stats.mean, String.raw`\bar{${symbol}} = \sum_i ${symbol}_i / n`)
  };
}
