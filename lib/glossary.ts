import type {Label} from "./types.js";

/** Parts of the method a glossary term belongs to, in the order the report teaches them. */
export type GlossaryTopic =
  "idea" | "indexSystem" | "weights" | "scores" | "relationshipValue" | "classes" | "survey";

/** A term of the glossary in English and Simplified Chinese. */
export interface GlossaryEntry {
  /** Anchor of the entry on the glossary page: lower-case letters, digits and hyphens. */
  id: string;
  term: Label;
  definition: Label;
  topic: GlossaryTopic;
  /** Site path of the page that shows the term at work, such as "/learn/ahp". */
  page: string;
  /** Ids of related entries. */
  see?: string[];
}

/** Headings of the glossary's topics, in display order. */
export const glossaryTopics: {id: GlossaryTopic; label: Label}[] = [
  {id: "idea", label: {en: "The idea", zh: "基本思想"}},
  {id: "indexSystem", label: {en: "Index system", zh: "评价指标体系"}},
  {id: "weights", label: {en: "Weights", zh: "权重"}},
  {id: "scores", label: {en: "Scores", zh: "得分"}},
  {id: "relationshipValue", label: {en: "Relationship value", zh: "关系价值"}},
  {id: "classes", label: {en: "Classes and strategies", zh: "客户分类与策略"}},
  {id: "survey", label: {en: "Survey analysis", zh: "问卷分析"}}
];

function entry(
  id: string,
  topic: GlossaryTopic,
  page: string,
  term: [string, string],
  definition: [string, string],
  see?: string[]
): GlossaryEntry {
  return {
    id,
    term: {en: term[0], zh: term[1]},
    definition: {en: definition[0], zh: definition[1]},
    topic,
    page,
    ...(see ? {see} : {})
  };
}

/** The glossary, grouped by topic in teaching order. */
export const glossary: GlossaryEntry[] = [
  entry(
    "customer-received-value",
    "idea",
    "/learn/idea",
    ["Customer-received value (CRV)", "顾客感知价值（CRV）"],
    [
      "What the guest gets from the hotel (room, service, feelings, social standing) net of " +
        "what the stay costs the guest in money, time, effort and risk. Scored in [0, 1] as " +
        "U₁.",
      "顾客从酒店获得的利益（客房、服务、情感、社会形象）扣除其在金钱、时间、精力和风险上的付出后的净价值，" +
        "得分在 [0, 1] 之间，记为 U₁。"
    ],
    ["hotel-received-value", "relationship-value", "perceived-sacrifice"]
  ),
  entry(
    "hotel-received-value",
    "idea",
    "/learn/idea",
    ["Hotel-received value (HRV)", "酒店获得价值（HRV）"],
    [
      "What the hotel gets from the guest (revenue now, loyalty, referrals and ideas later) " +
        "net of what the guest costs the hotel to serve. Scored in [0, 1] as U₂.",
      "酒店从顾客处获得的利益（当前收入，以及未来的忠诚、推荐与建议）扣除服务该顾客的成本后的净价值，" +
        "得分在 [0, 1] 之间，记为 U₂。"
    ],
    ["customer-received-value", "relationship-value"]
  ),
  entry(
    "relationship-value",
    "idea",
    "/learn/relationship-value",
    ["Relationship value", "关系价值"],
    [
      "The value of a customer relationship to both parties together: customer-received and " +
        "hotel-received value combined into one number. By default it is the coupling " +
        "coordination degree D, which is high only when both sides are high and balanced.",
      "客户关系对双方的共同价值：把顾客感知价值与酒店获得价值合成为一个数。默认采用耦合协调度 D，" +
        "只有双方价值都高且相互均衡时 D 才高。"
    ],
    ["coordination-degree", "customer-received-value", "hotel-received-value"]
  ),
  entry(
    "perceived-sacrifice",
    "idea",
    "/learn/index-system",
    ["Perceived sacrifice", "感知付出"],
    [
      "What the stay costs the guest besides benefits: the price against expectation, time " +
        "and effort, and the risk of a bad stay. It lowers customer-received value, so its " +
        "indicators are cost indicators.",
      "顾客为入住付出的代价：价格与预期的差距、时间与精力以及入住体验不佳的风险。" +
        "它降低顾客感知价值，因此其指标为成本型指标。"
    ],
    ["customer-received-value", "direction"]
  ),
  entry(
    "index-system",
    "indexSystem",
    "/learn/index-system",
    ["Evaluation index system", "评价指标体系"],
    [
      "The hierarchy that turns relationship value into measurable parts: goal → side (CRV, " +
        "HRV) → dimension → indicator. It is data, not code, so indicators can be added, " +
        "dropped or renamed.",
      "把关系价值分解为可测量部分的层次结构：目标 → 价值方（CRV、HRV）→ 维度 → 指标。" +
        "它以数据形式保存，可以增加、删除或重命名指标。"
    ],
    ["side", "dimension", "indicator"]
  ),
  entry(
    "side",
    "indexSystem",
    "/learn/index-system",
    ["Side", "价值方"],
    [
      "One of the two parties of the relationship in the index system: the customer-received " +
        "side (CRV) or the hotel-received side (HRV). Indicator weights sum to 1 within a " +
        "side.",
      "指标体系中关系的一方：顾客感知价值方（CRV）或酒店获得价值方（HRV）。同一价值方内的指标权重之和为 1。"
    ],
    ["index-system", "customer-received-value", "hotel-received-value"]
  ),
  entry(
    "dimension",
    "indexSystem",
    "/learn/index-system",
    ["Dimension", "维度"],
    [
      "A group of related indicators within a side, such as service value or relationship " +
        "cost. Its weight within the side is the sum of its indicators' weights.",
      "同一价值方内一组相关的指标，例如服务价值或关系成本。维度在价值方内的权重等于其所含指标权重之和。"
    ],
    ["index-system", "indicator", "dimension-score"]
  ),
  entry(
    "indicator",
    "indexSystem",
    "/learn/index-system",
    ["Indicator", "指标"],
    [
      "One measured quantity of the index system, computed from survey items (a mean after " +
        "reverse coding) or from record fields. Every indicator has a direction.",
      "指标体系中的一个可测量的量，由问卷题项（反向计分后取均值）或记录字段计算得到。每个指标都有方向。"
    ],
    ["direction", "dimension", "reverse-coded-item"]
  ),
  entry(
    "direction",
    "indexSystem",
    "/learn/index-system",
    ["Direction (benefit or cost)", "指标方向（效益型或成本型）"],
    [
      "Whether more of an indicator is better (benefit) or worse (cost). Normalisation " +
        "reverses cost indicators, so that 1 is always the best value.",
      "指标数值越大越好（效益型）还是越小越好（成本型）。标准化时成本型指标被反向处理，使 1 始终代表最优。"
    ],
    ["min-max-normalisation", "indicator"]
  ),
  entry(
    "reverse-coded-item",
    "indexSystem",
    "/survey-items",
    ["Reverse-coded item", "反向计分题项"],
    [
      "A survey item worded so that agreement means less of the quality measured. Its " +
        "answer x on a scale from a to b is recoded as a + b − x before averaging. The index " +
        "system declares such items; they are never guessed.",
      "措辞方向与所测特质相反的问卷题项，同意程度越高表示该特质越低。量表范围为 a 到 b 时，答案 x 在求均值前" +
        "重新编码为 a + b − x。此类题项在指标体系中事先声明，不做猜测。"
    ],
    ["indicator", "likert-scale"]
  ),
  entry(
    "likert-scale",
    "indexSystem",
    "/survey-items",
    ["Likert scale", "李克特量表"],
    [
      "An answer format with ordered levels of agreement, such as 1 (strongly disagree) to " +
        "5 (strongly agree); the cases use 5- and 7-point scales.",
      "由有序的同意程度组成的作答形式，例如从 1（非常不同意）到 5（非常同意）；本报告的案例使用 5 点和 7 点量表。"
    ],
    ["reverse-coded-item", "cronbach-alpha"]
  ),
  entry(
    "ahp",
    "weights",
    "/learn/ahp",
    ["Analytic hierarchy process (AHP)", "层次分析法（AHP）"],
    [
      "A subjective weighting method: experts compare the elements of each node of the " +
        "hierarchy in pairs, and the priorities of each comparison matrix become local " +
        "weights. A global weight is the product of local weights down the hierarchy.",
      "一种主观赋权方法：专家对层次结构中每个节点下的元素两两比较，由各判断矩阵得到的优先级即为局部权重；" +
        "全局权重为沿层次向下各局部权重的乘积。"
    ],
    ["pairwise-comparison-matrix", "consistency-ratio", "global-weight"]
  ),
  entry(
    "pairwise-comparison-matrix",
    "weights",
    "/learn/ahp",
    ["Pairwise comparison matrix", "两两比较判断矩阵"],
    [
      "A square matrix A in which a_ij says how much more important element i is than " +
        "element j on Saaty's scale, with a_ji = 1/a_ij and 1 on the diagonal.",
      "一个方阵 A，其中 a_ij 按 Saaty 标度表示元素 i 比元素 j 重要的程度，满足 a_ji = 1/a_ij，对角线元素为 1。"
    ],
    ["saaty-scale", "ahp"]
  ),
  entry(
    "saaty-scale",
    "weights",
    "/ahp",
    ["Saaty's 1–9 scale", "Saaty 1–9 标度"],
    [
      "The judgment scale of AHP: 1 equally important, 3 moderately, 5 strongly, 7 very " +
        "strongly and 9 extremely more important, with 2, 4, 6 and 8 in between; 1/3 states " +
        "the reverse of 3.",
      "AHP 的判断标度：1 表示同等重要，3 稍微重要，5 明显重要，7 强烈重要，9 极端重要，2、4、6、8 为中间值；" +
        "1/3 表示与 3 相反的判断。"
    ],
    ["pairwise-comparison-matrix"]
  ),
  entry(
    "principal-eigenvector",
    "weights",
    "/learn/ahp",
    ["Principal eigenvector and λmax", "主特征向量与最大特征根 λmax"],
    [
      "The eigenvector of a comparison matrix for its largest eigenvalue λmax, scaled to sum " +
        "to 1: the default AHP priorities. A perfectly consistent n × n matrix has λmax = n, " +
        "and λmax grows as judgments contradict each other.",
      "判断矩阵最大特征根 λmax 对应的特征向量，归一化后即为默认的 AHP 优先级（权重）。" +
        "完全一致的 n 阶矩阵 λmax = n，判断之间越矛盾，λmax 越大。"
    ],
    ["consistency-index", "ahp"]
  ),
  entry(
    "consistency-index",
    "weights",
    "/learn/ahp",
    ["Consistency index (CI)", "一致性指标（CI）"],
    [
      "CI = (λmax − n)/(n − 1): how far a comparison matrix of order n is from perfect " +
        "consistency, 0 for a consistent matrix.",
      "CI = (λmax − n)/(n − 1)，衡量 n 阶判断矩阵偏离完全一致的程度；完全一致时为 0。"
    ],
    ["consistency-ratio", "principal-eigenvector"]
  ),
  entry(
    "consistency-ratio",
    "weights",
    "/learn/ahp",
    ["Consistency ratio (CR)", "一致性比率（CR）"],
    [
      "CR = CI/RI: the consistency index relative to that of random judgments. A matrix " +
        "with CR ≤ 0.10 is usually accepted; above that the experts should revise the most " +
        "inconsistent judgments.",
      "CR = CI/RI，即一致性指标与随机判断矩阵一致性指标之比。通常 CR ≤ 0.10 时认为可以接受，" +
        "否则专家应修正最不一致的判断。"
    ],
    ["consistency-index", "random-index"]
  ),
  entry(
    "random-index",
    "weights",
    "/learn/ahp",
    ["Random index (RI)", "平均随机一致性指标（RI）"],
    [
      "The mean consistency index of many random reciprocal matrices of the same order, " +
        "tabulated by Saaty: 0.58 for n = 3, 0.90 for n = 4, 1.12 for n = 5.",
      "同阶随机互反矩阵一致性指标的平均值，由 Saaty 列表给出：n = 3 时为 0.58，n = 4 时为 0.90，n = 5 时为 1.12。"
    ],
    ["consistency-ratio"]
  ),
  entry(
    "aij",
    "weights",
    "/learn/ahp",
    ["Aggregation of individual judgments (AIJ)", "个体判断集结（AIJ）"],
    [
      "Pools several experts by taking the element-wise geometric mean of their comparison " +
        "matrices, then derives priorities from the pooled matrix. It is the default here.",
      "对多位专家的判断矩阵逐元素取几何平均得到综合判断矩阵，再由该矩阵求优先级。本报告默认采用此法。"
    ],
    ["aip", "ahp"]
  ),
  entry(
    "aip",
    "weights",
    "/learn/ahp",
    ["Aggregation of individual priorities (AIP)", "个体优先级集结（AIP）"],
    [
      "Pools several experts by deriving each expert's priorities first and then taking " +
        "their weighted geometric mean, rescaled to sum to 1.",
      "先由每位专家的判断矩阵分别求出优先级，再对这些优先级取加权几何平均并归一化。"
    ],
    ["aij", "ahp"]
  ),
  entry(
    "global-weight",
    "weights",
    "/learn/ahp",
    ["Global weight", "全局权重"],
    [
      "An indicator's weight within its side: its local weight within its dimension times " +
        "the dimension's local weight within the side.",
      "指标在其价值方内的权重，等于指标在所属维度内的局部权重乘以该维度在价值方内的局部权重。"
    ],
    ["ahp", "dimension"]
  ),
  entry(
    "entropy-weight",
    "weights",
    "/learn/objective-weights",
    ["Entropy weight", "熵权"],
    [
      "An objective weight from the data: indicators whose normalised values are spread " +
        "unevenly over the customers have low entropy e_j, and the weight is proportional to " +
        "1 − e_j.",
      "一种由数据得到的客观权重：标准化后在顾客间分布越不均匀的指标，其信息熵 e_j 越低，权重与 1 − e_j 成正比。"
    ],
    ["critic", "pca-weight", "combined-weight"]
  ),
  entry(
    "critic",
    "weights",
    "/learn/objective-weights",
    ["CRITIC weight", "CRITIC 权重"],
    [
      "An objective weight that rewards contrast and conflict: σ_j Σ_k (1 − r_jk), the " +
        "standard deviation of a normalised indicator times its total disagreement with the " +
        "other indicators.",
      "一种兼顾对比强度与指标冲突性的客观权重：σ_j Σ_k (1 − r_jk)，即标准化指标的标准差乘以它与其他指标相关系数" +
        "之差的总和。"
    ],
    ["entropy-weight", "pca-weight"]
  ),
  entry(
    "pca-weight",
    "weights",
    "/learn/objective-weights",
    ["PCA-based weight", "主成分分析赋权"],
    [
      "An objective weight from principal component analysis of the standardised indicators " +
        "(cost indicators reversed): the eigenvector entries of the components with " +
        "eigenvalue above 1, averaged with the eigenvalues as weights, taken in absolute " +
        "value and rescaled to sum to 1.",
      "基于标准化指标（成本型指标先反向）的主成分分析的客观权重：取特征值大于 1 的各主成分的特征向量分量，" +
        "以特征值为权重求加权平均，取绝对值后归一化。"
    ],
    ["entropy-weight", "critic"]
  ),
  entry(
    "combined-weight",
    "weights",
    "/learn/objective-weights",
    ["Combined weight", "组合权重"],
    [
      "The weight that scores the customers: α × AHP weight + (1 − α) × objective weight " +
        "(default α = 0.5), or the product of the two rescaled to sum to 1.",
      "用于给顾客打分的权重：α × AHP 权重 + (1 − α) × 客观权重（默认 α = 0.5），或两者乘积再归一化。"
    ],
    ["ahp", "entropy-weight"]
  ),
  entry(
    "min-max-normalisation",
    "scores",
    "/learn/index-system",
    ["Min–max normalisation", "极差标准化（min–max）"],
    [
      "Rescales an indicator to [0, 1]: (x − min)/(max − min) for a benefit indicator and " +
        "(max − x)/(max − min) for a cost indicator. A constant indicator scores 0 and is " +
        "reported as degenerate.",
      "把指标缩放到 [0, 1]：效益型指标取 (x − min)/(max − min)，成本型指标取 (max − x)/(max − min)。" +
        "取值恒定的指标得分为 0，并标记为退化指标。"
    ],
    ["direction"]
  ),
  entry(
    "dimension-score",
    "scores",
    "/learn/scores",
    ["Dimension score and side score", "维度得分与价值方得分"],
    [
      "A dimension score is the weighted mean of its normalised indicators; a side score " +
        "(CRV or HRV) is the weighted sum of its dimension scores. Both lie in [0, 1].",
      "维度得分是其标准化指标的加权平均；价值方得分（CRV 或 HRV）是其各维度得分的加权和，二者都在 [0, 1] 之间。"
    ],
    ["dimension", "combined-weight"]
  ),
  entry(
    "coupling-degree",
    "relationshipValue",
    "/learn/relationship-value",
    ["Coupling degree (C)", "耦合度（C）"],
    [
      "C = 2√(U₁U₂)/(U₁ + U₂): how balanced the two sides are, 1 when they are equal and " +
        "near 0 when one side is near 0.",
      "C = 2√(U₁U₂)/(U₁ + U₂)，衡量两方价值的均衡程度：两者相等时为 1，一方接近 0 时 C 接近 0。"
    ],
    ["coordination-degree", "development-index"]
  ),
  entry(
    "development-index",
    "relationshipValue",
    "/learn/relationship-value",
    ["Comprehensive development index (T)", "综合发展指数（T）"],
    [
      "T = αU₁ + βU₂ (default α = β = 0.5): how high the two sides are together. On its " +
        "own it is the additive model of relationship value.",
      "T = αU₁ + βU₂（默认 α = β = 0.5），衡量两方价值的整体水平；单独使用时即关系价值的加法模型。"
    ],
    ["coordination-degree", "coupling-degree"]
  ),
  entry(
    "coordination-degree",
    "relationshipValue",
    "/learn/relationship-value",
    ["Coupling coordination degree (D)", "耦合协调度（D）"],
    [
      "D = √(C·T): high only when both sides are high and balanced, the win–win the method " +
        "looks for. D is banded into ten coordination grades of width 0.1.",
      "D = √(C·T)，只有两方价值都高且均衡时才高，体现方法所追求的“双赢”。D 按 0.1 的宽度划分为十个协调等级。"
    ],
    ["coupling-degree", "development-index", "coordination-grade"]
  ),
  entry(
    "coordination-grade",
    "relationshipValue",
    "/value",
    ["Coordination grade", "协调等级"],
    [
      "One of ten bands of D, from extreme imbalance (0–0.1) to high-quality coordination " +
        "(0.9–1); from 0.5 up the two sides count as coordinated.",
      "D 的十个区间之一，从极度失调（0–0.1）到优质协调（0.9–1）；D 不低于 0.5 时视为两方协调。"
    ],
    ["coordination-degree"]
  ),
  entry(
    "value-matrix",
    "classes",
    "/learn/classes",
    ["Value matrix", "价值矩阵"],
    [
      "Customers placed on two scores (CRV across, HRV up) and split at a threshold on each " +
        "axis into four classes: partners, potential growers, at-risk valuables and " +
        "transactional customers.",
      "按两个得分（横轴 CRV、纵轴 HRV）放置顾客，并在每个轴上按阈值划分为四类：伙伴型、潜力型、" +
        "风险型高价值和交易型客户。"
    ],
    ["class-threshold", "development-goal"]
  ),
  entry(
    "class-threshold",
    "classes",
    "/learn/classes",
    ["Class threshold", "分类阈值"],
    [
      "Where an axis of the value matrix is split: the mean (default), the median, the " +
        "scale midpoint 0.5 or a chosen value. A score at or above it is high.",
      "价值矩阵某一轴的分割点：均值（默认）、中位数、量表中点 0.5 或自定义值；得分不低于阈值即为“高”。"
    ],
    ["value-matrix"]
  ),
  entry(
    "development-goal",
    "classes",
    "/learn/classes",
    ["Development goal", "发展目标"],
    [
      "What the hotel aims for with a class: keep and deepen partners, grow the hotel's side " +
        "of potential growers, raise the guest's value of at-risk valuables before they " +
        "leave, and serve transactional customers efficiently.",
      "酒店对每类客户的经营目标：保持并深化伙伴型客户关系，提升潜力型客户带给酒店的价值，" +
        "在风险型高价值客户流失前提升其感知价值，以低成本高效服务交易型客户。"
    ],
    ["value-matrix", "importance-performance-analysis"]
  ),
  entry(
    "k-means",
    "classes",
    "/learn/classes",
    ["k-means clustering", "K 均值聚类"],
    [
      "An alternative to fixed thresholds: groups customers into k clusters on their scores, " +
        "with k chosen by the silhouette and the clusters mapped to the four classes.",
      "固定阈值之外的另一种分类方法：按得分把顾客聚成 k 类，用轮廓系数选择 k，再把各簇对应到四类客户。"
    ],
    ["silhouette", "value-matrix"]
  ),
  entry(
    "silhouette",
    "classes",
    "/learn/classes",
    ["Silhouette", "轮廓系数"],
    [
      "For one customer, (b − a)/max(a, b), where a is the mean distance to its own cluster " +
        "and b to the nearest other cluster; its mean over all customers rates a clustering.",
      "对单个顾客为 (b − a)/max(a, b)，其中 a 是到本簇其他成员的平均距离，b 是到最近的其他簇的平均距离；" +
        "所有顾客的平均值用于评价聚类效果。"
    ],
    ["k-means"]
  ),
  entry(
    "importance-performance-analysis",
    "classes",
    "/learn/strategies",
    ["Importance–performance analysis (IPA)", "重要性–绩效分析（IPA）"],
    [
      "Plots each indicator's importance (its weight) against its performance (the class " +
        "mean of its normalised score). Important indicators that perform poorly are where " +
        "to concentrate first.",
      "以指标的重要性（权重）和绩效（该类客户标准化得分的均值）作图；重要性高而绩效低的指标应优先改进。"
    ],
    ["development-goal", "what-if"]
  ),
  entry(
    "what-if",
    "classes",
    "/strategies",
    ["What-if analysis", "情景模拟分析"],
    [
      "Raises one indicator's normalised score for a group of customers and counts how many " +
        "change class, with the thresholds held fixed.",
      "将某一指标的标准化得分对一组顾客提高一定幅度，在阈值不变的情况下统计有多少顾客改变类别。"
    ],
    ["importance-performance-analysis"]
  ),
  entry(
    "cronbach-alpha",
    "survey",
    "/reliability",
    ["Cronbach's α", "Cronbach's α 系数"],
    [
      "The internal consistency of a set of k items: α = k/(k − 1) × (1 − Σ item variances / " +
        "variance of the total). Values from 0.7 up are usually read as acceptable.",
      "一组 k 个题项的内部一致性：α = k/(k − 1) × (1 − 各题项方差之和 / 总分方差)。通常 0.7 以上视为可接受。"
    ],
    ["corrected-item-total", "likert-scale"]
  ),
  entry(
    "corrected-item-total",
    "survey",
    "/reliability",
    ["Corrected item–total correlation", "校正的项总相关"],
    [
      "The correlation of an item with the sum of the other items of its scale; a low value " +
        "marks an item that does not measure what the rest measure.",
      "某题项与同一量表中其余题项总分的相关系数；数值低说明该题项与其他题项测量的内容不一致。"
    ],
    ["cronbach-alpha"]
  ),
  entry(
    "kmo",
    "survey",
    "/validity",
    ["Kaiser–Meyer–Olkin measure (KMO)", "KMO 取样适切性量数"],
    [
      "Compares correlations with partial correlations to judge whether items share enough " +
        "common variance for factor analysis. Kaiser's scale reads values below 0.5 as " +
        "unacceptable and from 0.8 up as meritorious.",
      "通过比较相关系数与偏相关系数判断题项是否具有足够的共同方差以进行因子分析。按 Kaiser 的标准，" +
        "低于 0.5 不适合，0.8 以上为良好。"
    ],
    ["bartlett-test", "varimax"]
  ),
  entry(
    "bartlett-test",
    "survey",
    "/validity",
    ["Bartlett's test of sphericity", "Bartlett 球形检验"],
    [
      "Tests whether the correlation matrix of the items is the identity matrix; a small p " +
        "value says the items are correlated enough to factor.",
      "检验题项相关矩阵是否为单位矩阵；p 值很小说明题项之间相关性足以进行因子分析。"
    ],
    ["kmo"]
  ),
  entry(
    "varimax",
    "survey",
    "/validity",
    ["Varimax rotation", "方差最大化正交旋转（Varimax）"],
    [
      "An orthogonal rotation of factor loadings that makes each factor load highly on few " +
        "items, so that factors can be matched to the dimensions of the index system.",
      "一种因子载荷的正交旋转，使每个因子只在少数题项上有高载荷，便于把因子与指标体系的维度对应起来。"
    ],
    ["kmo", "dimension"]
  ),
  entry(
    "straight-lining",
    "survey",
    "/survey-cleaning",
    ["Straight-lining", "直线作答"],
    [
      "A careless response pattern: the same answer to every item of a long battery. Such " +
        "rows are dropped during cleaning, with the reason recorded in the audit.",
      "一种不认真作答的模式：对一长串题项都给出同一个答案。清洗时删除此类样本，并在审计记录中写明原因。"
    ],
    ["attention-check"]
  ),
  entry(
    "attention-check",
    "survey",
    "/survey-cleaning",
    ["Attention check", "注意力检测题"],
    [
      "An item with one correct answer stated in its wording; respondents who miss it are " +
        "dropped as careless.",
      "题干中已指明唯一正确答案的题项；答错的受访者视为不认真作答而被剔除。"
    ],
    ["straight-lining"]
  ),
  entry(
    "class-profile-tests",
    "survey",
    "/profiles",
    ["ANOVA, Kruskal–Wallis and chi-square tests", "方差分析、Kruskal–Wallis 检验与卡方检验"],
    [
      "Tests of whether the classes differ: one-way ANOVA compares means, Kruskal–Wallis " +
        "compares ranks, and the chi-square test compares the classes' mix of a categorical " +
        "profile variable. Effect sizes say how large a difference is.",
      "检验各类客户是否存在差异：单因素方差分析比较均值，Kruskal–Wallis 检验比较秩，卡方检验比较各类在分类" +
        "变量上的构成；效应量说明差异的大小。"
    ],
    ["value-matrix"]
  ),
  entry(
    "monte-carlo-sensitivity",
    "survey",
    "/sensitivity",
    ["Monte Carlo sensitivity analysis", "蒙特卡洛敏感性分析"],
    [
      "Draws many weight vectors at random around the chosen one (from a Dirichlet " +
        "distribution), reclassifies the customers with each, and reports how many keep " +
        "their class and how stable their ranking is.",
      "围绕所选权重随机抽取大量权重向量（狄利克雷分布），逐一重新分类顾客，报告保持原类别的顾客比例及排序的稳定性。"
    ],
    ["combined-weight", "value-matrix"]
  )
];

const byId = new Map(glossary.map((item) => [item.id, item]));

/**
 * Returns the glossary entry with this id. Throws an Error naming the id, and the ids that
 * contain it when there are any, when there is no such entry.
 *
 * @example glossaryEntry("consistency-ratio").term.zh // "一致性比率（CR）"
 */
export function glossaryEntry(id: string): GlossaryEntry {
  const found = byId.get(id);
  if (!found) {
    const typed = String(id).toLowerCase();
    const similar = glossary.map((item) => item.id).filter((other) => other.includes(typed));
    const hint = similar.length > 0 ? `; did you mean ${similar.join(" or ")}?` : "";
    throw new Error(`no glossary entry "${id}"${hint}`);
  }
  return found;
}
