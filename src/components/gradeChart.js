import * as Plot from "npm:@observablehq/plot";

const texts = {
  en: {customers: "Customers", title: "Customers per coordination grade of D"},
  zh: {customers: "客户数", title: "各耦合协调等级的客户数"}
};

/**
 * Draws customers per coordination grade of D (0–9), every grade shown even when empty, with
 * grade names in `lang` ("en" or "zh"). The accessible description lists every grade's count.
 */
export function gradeChart(grades, {gradeLabels, width, height = 260, lang = "en"} = {}) {
  const text = texts[lang] ?? texts.en;
  const names = gradeLabels.map((label, k) => `${k} ${lang === "zh" ? label.zh : label.en}`);
  const counts = names.map(() => 0);
  for (const grade of grades) counts[grade]++;
  const rows = Array.from(grades, (grade) => names[grade]);
  return Plot.plot({
    width,
    height,
    marginBottom: 80,
    ariaLabel: text.title,
    ariaDescription: names.map((name, k) => `${name}: ${counts[k]}`).join("; "),
    x: {domain: names, label: null, tickRotate: -35},
    y: {label: text.customers, grid: true},
    color: {type: "ordinal", domain: names, scheme: "RdYlGn"},
    marks: [
      Plot.barY(
        rows,
        Plot.groupX({y: "count"}, {x: Plot.identity, fill: Plot.identity, tip: true})
      ),
      Plot.ruleY([0])
    ]
  });
}
