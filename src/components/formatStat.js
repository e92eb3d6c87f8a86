// Number formats of the survey-analysis pages. A statistic that the data cannot support is
// null in lib/ results; these formats print "n/a" for it, never "NaN".

/** Formats a number with `digits` decimals, or "n/a" when it is null or not finite. */
export function formatStat(value, digits = 3) {
  if (value === null || value === undefined || !Number.isFinite(value)) return "n/a";
  return value.toFixed(digits).replace(/^-(0\.0+)$/, "$1");
}

/** Formats a p-value: "< 0.001" below 0.001, three decimals otherwise, "n/a" when missing. */
export function formatP(p) {
  if (p === null || p === undefined || !Number.isFinite(p)) return "n/a";
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}

/** Formats a share in [0, 1] as a percentage with `digits` decimals. */
export function formatShare(share, digits = 1) {
  if (share === null || share === undefined || !Number.isFinite(share)) return "n/a";
  return `${(100 * share).toFixed(digits)}%`;
}

/** Formats a count with thousands separators. */
export function formatCount(count) {
  return count.toLocaleString("en-US");
}
