/** A temporary SQLite store holding the bundled sample article, ingested through the store's API. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extract } from "../../src/extract.js";
import { openStore, type Store } from "../../src/store/index.js";

/** The sample article. */
export const SAMPLE = fileURLToPath(new URL("../../samples/us-dprk.md", import.meta.url));

/** Ingests the sample into a fresh database; returns a read-only store and a cleanup. */
export function sampleStore(): { store: Store; dispose: () => void } {
  return articlesStore([SAMPLE], ["samples/us-dprk.md"]);
}

/** Ingests articles (paths, stored under `names`) into a fresh database: a read-only store and a cleanup. */
export function articlesStore(
  files: readonly string[],
  names: readonly string[] = files,
): { store: Store; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "annals-web-"));
  const path = join(dir, "annals.db");
  const writer = openStore(path);
  try {
    files.forEach((file, i) => {
      const raw = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
      writer.put(extract({ raw, name: names[i] ?? file }));
    });
  } finally {
    writer.close();
  }
  const store = openStore(path, { readonly: true });
  return {
    store,
    dispose: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
