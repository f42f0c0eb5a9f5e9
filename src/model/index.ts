/** The data model shared by every stage: types, spans and errors. */
export * from "./types.js";
export * from "./errors.js";
export * from "./spans.js";
export { foldCase } from "./fold-case.js";
export type * from "./store.js";
export * from "./data.js";
