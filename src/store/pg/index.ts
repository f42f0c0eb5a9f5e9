/**
 * The PostgreSQL backend of the store (same `Store` contract as the SQLite file) and the
 * PostgreSQL job queue of distributed ingest.
 */
export { openPgStore } from "./bridge.js";
export { PgStore, isPostgresUrl, redactUrl, type PgOpenOptions } from "./pg-store.js";
export { PG_SCHEMA_VERSION } from "./schema.js";
