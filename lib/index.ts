export * from "./types.js";
export * from "./indexSystem.js";
export * from "./caseData.js";
export * from "./random.js";
export * from "./encoding.js";
export * from "./likert.js";
export * from "./read.js";
