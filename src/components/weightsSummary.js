const objectiveName = {entropy: "entropy", critic: "CRITIC", pca: "PCA"};

function thresholdName(threshold) {
  return typeof threshold === "number" ? threshold.toFixed(2) : threshold;
}

function weightsName(config) {
  const method = objectiveName[config.objective];
  if (config.weighting === "ahp") return "AHP weights from the experts' judgments";
  if (config.weighting === "objective") return `objective weights by ${method}`;
  if (config.combination === "multiplicative") {
    return `combined weights AHP × ${method}, renormalised`;
  }
  const ahpShare = config.alpha.toFixed(2);
  return `combined weights ${ahpShare} × AHP + ${(1 - config.alpha).toFixed(2)} × ${method}`;
}

/**
 * Describes in words the weights and thresholds of a report configuration (lib's
 * ReportConfig), e.g. "combined weights 0.50 × AHP + 0.50 × entropy; thresholds: mean".
 */
export function describeWeights(config) {
  const edited = Object.keys(config.weights).length + Object.keys(config.judgments).length;
  const byHand = edited > 0 ? `, with ${edited} node${edited === 1 ? "" : "s"} edited by hand` : "";
  const {x, y} = config.threshold;
  const thresholds =
    x === y ? thresholdName(x) : `${thresholdName(x)} (x axis), ${thresholdName(y)} (y axis)`;
  return `${weightsName(config)}${byHand}; thresholds: ${thresholds}`;
}
