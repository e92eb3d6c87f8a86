// One colour per value-matrix class and one per side, shared by every chart.
export const classColor = {
  partners: "#3d8f4a",
  growers: "#4e79a7",
  atRisk: "#d1495b",
  transactional: "#9a9a9a"
};

export const sideColor = {crv: "#4e79a7", hrv: "#e08a2c"};

/**
 * Returns a Plot colour scale for class ids, with the class labels in the legend in the
 * language `lang` ("en" by default, or "zh"). Other options are passed to the scale.
 */
export function classScale(classes, {lang = "en", ...extra} = {}) {
  return {
    type: "ordinal",
    domain: classes.map((info) => info.id),
    range: classes.map((info) => classColor[info.id]),
    tickFormat: (id) => {
      const label = classes.find((info) => info.id === id)?.label;
      return label ? (lang === "zh" ? label.zh : label.en) : id;
    },
    ...extra
  };
}
