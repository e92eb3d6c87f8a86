// Site configuration of the report. The site builds with no network: fonts are not linked
// (globalStylesheets is empty) and search stays off because its index library would have to
// come from a CDN.
export default {
  title: "Hotel relationship value",
  root: "src",
  output: "dist",
  style: "style.css",
  globalStylesheets: [],
  head: `<meta name="description" content="Hotel customer relationship management by relationship value: customer-received and hotel-received value, weights, classes and strategies.">
<link rel="icon" href="data:,">
<script>document.documentElement.lang = "en";</script>`,
  pages: [
    {name: "Index system", path: "/index-system"},
    {name: "Weights", path: "/weights"},
    {name: "Relationship value", path: "/value"},
    {name: "Classification", path: "/classes"},
    {name: "Strategies", path: "/strategies"},
    {
      name: "Empirical analysis",
      pages: [
        {name: "Cleaning audit", path: "/survey-cleaning"},
        {name: "Sample and items", path: "/survey-items"},
        {name: "Reliability", path: "/reliability"},
        {name: "Validity", path: "/validity"},
        {name: "Class profiles", path: "/profiles"},
        {name: "Sensitivity", path: "/sensitivity"},
        {name: "Countermeasures", path: "/countermeasures"}
      ]
    },
    {
      name: "Interactive",
      pages: [
        {name: "Explore weights", path: "/explore"},
        {name: "AHP editor", path: "/ahp"},
        {name: "Your data", path: "/your-data"}
      ]
    },
    {name: "Data & methods", path: "/data"}
  ],
  footer: "Hotel relationship value: an open report. Data sources and licences are on the Data & methods page.",
  search: false
};
