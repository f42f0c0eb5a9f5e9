/**
 * Corpus ingest for `annals ingest`: input discovery, worker-thread extraction, store writes.
 */
export { ingestPaths, type IngestOptions, type IngestProgress, type IngestResult } from "./run.js";
export { listInputs, readItems, type InputFile, type SourceItem } from "./sources.js";
export { ExtractPool } from "./pool.js";
