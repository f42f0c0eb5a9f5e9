/** Querying events in memory: date intervals of TIMEX3 values, chronological order, EventQuery filters. */
export * from "./date-range.js";
export * from "./filter.js";
export * from "./script.js";
export * from "./sort.js";
export * from "./date-findings.js";
