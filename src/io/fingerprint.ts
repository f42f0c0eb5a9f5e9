/**
 * A fingerprint of the extraction pipeline (its code and its data tables), so that a store can
 * tell a document extracted by older rules from one extracted by the current ones.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Folders (relative to the compiled or source root) whose code decides what is extracted. */
const STAGES = ["ingest", "normalize", "time", "entities", "events", "check", "model"];

let cached: string | null = null;

function files(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else if (!name.includes(".test.") && !name.endsWith(".map") && !name.endsWith(".d.ts"))
      out.push(path);
  }
}

/**
 * SHA-256 (hex, first 16 characters) over the stage code (`dist/` when run compiled, `src/`
 * under the test runner) and every file under `data/`. Computed once per process.
 */
export function pipelineFingerprint(): string {
  if (cached !== null) return cached;
  // Note: this file is src/io/ or dist/io/; its parent is the code root, the package is above.
  const codeRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
  const packageRoot = join(codeRoot, "..");
  const paths: string[] = [];
  for (const stage of STAGES) {
    const dir = join(codeRoot, stage);
    if (existsSync(dir)) files(dir, paths);
  }
  for (const name of ["extract.js", "extract.ts"]) {
    if (existsSync(join(codeRoot, name))) paths.push(join(codeRoot, name));
  }
  const data = join(packageRoot, "data");
  if (existsSync(data)) files(data, paths);
  const hash = createHash("sha256");
  for (const path of paths) {
    hash.update(path.slice(packageRoot.length));
    hash.update("\0");
    hash.update(readFileSync(path));
    hash.update("\0");
  }
  cached = hash.digest("hex").slice(0, 16);
  return cached;
}
