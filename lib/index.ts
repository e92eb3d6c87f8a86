export * from "./types.js";
export * from "./indexSystem.js";
export * from "./caseData.js";
export * from "./random.js";
