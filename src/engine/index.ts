/** The calculation engine: pure TypeScript and decimal.js, no Office, no DOM. */
export * from "./decimal";
export * from "./errors";
export * from "./dates";
export * from "./referenceRates";
export * from "./lateInterest";
export * from "./reduction";
export * from "./contract";
export * from "./scheduleCheck";
export * from "./law";
export * from "./calculate";
export * from "./format";
export * from "./report";
