// The cases of the report built from real data: shared building blocks, the Lisbon
// customer records and the two tourism surveys.
export * from "./caseBuilding.js";
export * from "./lisbon.js";
export * from "./surveyCases.js";
