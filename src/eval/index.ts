/** Scoring of extraction output against gold annotations (shaped like `data/seed/`). */
export * from "./timex.js";
export * from "./events.js";
export { formatEventScore, formatPrf, formatTimexScore } from "./format.js";
export { labelCandidates, labelRoles } from "./label.js";
export * from "./breakdown.js";
