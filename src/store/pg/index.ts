/**
 * The PostgreSQL backend of the store (same `Store` contract as the SQLite file) and the
 * PostgreSQL job queue of distributed ingest.
 */
export { openPgStore } from "./bridge.js";
export { PgStore, isPostgresUrl, redactUrl, type PgOpenOptions } from "./pg-store.js";
export { PG_SCHEMA_VERSION } from "./schema.js";
export {
  DEFAULT_LEASE_S,
  INGEST_QUEUE,
  enqueuePages,
  openQueue,
  queueStatus,
  type PageJob,
  type QueueOptions,
  type QueueStatus,
} from "./queue.js";
