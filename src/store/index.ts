/**
 * The store: SQLite persistence of documents and their chronicles (the only module that
 * touches the database). Readers use the `StoreReader` contract of `model/store.ts`.
 */
export { openStore, type Store, type OpenOptions } from "./store.js";
export { type Extracted, type PutOptions, type PutOutcome } from "./write.js";
export { hashText } from "./hash.js";
export { folderWritable } from "./guard.js";
export { toAnalysis } from "./analysis-text.js";
export { MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";
