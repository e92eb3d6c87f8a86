const objectiveNames = {
  entropy: {en: "entropy", zh: "熵权法"},
  critic: {en: "CRITIC", zh: "CRITIC 法"},
  pca: {en: "PCA", zh: "主成分分析法"}
};

const thresholdNames = {
  mean: {en: "mean", zh: "均值"},
  median: {en: "median", zh: "中位数"},
  midpoint: {en: "midpoint", zh: "中点"}
};

function thresholdName(threshold, lang) {
  if (typeof threshold === "number") return threshold.toFixed(2);
  const names = thresholdNames[threshold];
  return names ? names[lang] ?? names.en : threshold;
}

function weightsName(config, lang) {
  const method = objectiveNames[config.objective]?.[lang] ?? config.objective;
  const zh = lang === "zh";
  if (config.weighting === "ahp") {
    return zh
      ? "由专家判断得到的层次分析法（AHP）权重"
      : "AHP weights from the experts' judgments";
  }
  if (config.weighting === "objective") {
    return zh ? `${method}得到的客观权重` : `objective weights by ${method}`;
  }
  if (config.combination === "multiplicative") {
    return zh
      ? `组合权重 AHP × ${method}，再归一化`
      : `combined weights AHP × ${method}, renormalised`;
  }
  const ahpShare = config.alpha.toFixed(2);
  const rest = (1 - config.alpha).toFixed(2);
  return zh
    ? `组合权重 ${ahpShare} × AHP + ${rest} × ${method}`
    : `combined weights ${ahpShare} × AHP + ${rest} × ${method}`;
}

/**
 * Describes in words the weights and thresholds of a report configuration (lib's
 * ReportConfig) in `lang` ("en" or "zh"), e.g. "combined weights 0.50 × AHP + 0.50 ×
 * entropy; thresholds: mean".
 */
export function describeWeights(config, lang = "en") {
  const zh = lang === "zh";
  const edited = Object.keys(config.weights).length + Object.keys(config.judgments).length;
  const plural = edited === 1 ? "" : "s";
  let byHand = "";
  if (edited > 0) {
    byHand = zh
      ? `，其中 ${edited} 个节点为手动设置`
      : `, with ${edited} node${plural} edited by hand`;
  }
  const {x, y} = config.threshold;
  const thresholds =
    x === y
      ? thresholdName(x, lang)
      : zh
        ? `${thresholdName(x, lang)}（横轴），${thresholdName(y, lang)}（纵轴）`
        : `${thresholdName(x, lang)} (x axis), ${thresholdName(y, lang)} (y axis)`;
  return zh
    ? `${weightsName(config, lang)}${byHand}；阈值：${thresholds}`
    : `${weightsName(config, lang)}${byHand}; thresholds: ${thresholds}`;
}
