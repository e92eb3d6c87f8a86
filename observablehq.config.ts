export default {
  title: "Hotel relationship value",
  root: "src",
  output: "dist",
  globalStylesheets: [],
  pages: [],
  search: false
};
