/** annals as a library: the pipeline entry, each stage, and the data model. */
export { extract, type Extraction, type ExtractOptions, type Source } from "./extract.js";
export { ingest } from "./ingest/index.js";
export { normalize } from "./normalize/index.js";
export { tagTimes } from "./time/index.js";
export { findEntities } from "./entities/index.js";
export { extractEvents } from "./events/index.js";
export { checkChronology } from "./check/index.js";
export * from "./model/index.js";
