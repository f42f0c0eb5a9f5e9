/**
 * The store: SQLite persistence of documents and their chronicles (the only module that
 * touches the database). Readers use the `StoreReader` contract of `model/store.ts`.
 */
export { type Store, type OpenOptions, upgradeStore } from "./store.js";
// Backend selection (PostgreSQL URL or SQLite file) and the PostgreSQL backend.
export { openStore } from "./open.js";
export * as postgres from "./pg/index.js";
export { isPostgresUrl } from "./pg/index.js";
export {
  prepareDocument,
  type Extracted,
  type PreparedDocument,
  type PutOptions,
  type PutOutcome,
  type WriteBatch,
} from "./write.js";
export { hashText } from "./hash.js";
export { folderWritable } from "./guard.js";
export { toAnalysis } from "./analysis-text.js";
export { MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";
