/**
 * The sample database behind `npm start`: the bundled article ingested into a SQLite file.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AnnalsError } from "../model/index.js";
import { readSource } from "../io/read.js";
import { decodeSource } from "../ingest/decode.js";
import { extract } from "../extract.js";
import { folderWritable, hashText, openStore, type PutOutcome } from "../store/index.js";

/** The bundled sample article (same relative place from `src/cli/` and `dist/cli/`). */
export const SAMPLE_PATH = fileURLToPath(new URL("../../samples/us-dprk.md", import.meta.url));

/** The source name the sample is stored under (stable wherever the package is installed). */
export const SAMPLE_SOURCE = "samples/us-dprk.md";

/**
 * Makes sure `dbPath` holds the current bundled sample, ingesting it when it is missing or
 * changed; returns what was done.
 */
export function ensureSampleDb(dbPath: string): PutOutcome {
  const raw = decodeSource(readSource(SAMPLE_PATH).bytes, SAMPLE_PATH);
  if (existsSync(dbPath) && !folderWritable(dbPath)) {
    // An installed package folder that this user may not write: use the sample as it is.
    const current = openStore(dbPath, { readonly: true });
    try {
      if (current.hasHash(SAMPLE_SOURCE, hashText(raw))) return "unchanged";
    } finally {
      current.close();
    }
    throw new AnnalsError(
      "the sample database is out of date and its folder is not writable; use --db in a folder you can write",
      { file: dbPath },
    );
  }
  const store = openStore(dbPath);
  try {
    if (store.hasHash(SAMPLE_SOURCE, hashText(raw))) return "unchanged";
    return store.put(extract({ raw, name: SAMPLE_SOURCE }));
  } finally {
    store.close();
  }
}
