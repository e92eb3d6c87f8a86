export * from "./types.js";
export * from "./indexSystem.js";
export * from "./caseData.js";
