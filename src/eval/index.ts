/** Scoring of extraction output against gold annotations (shaped like `data/seed/`). */
export * from "./timex.js";
export { formatPrf, formatTimexScore } from "./format.js";
