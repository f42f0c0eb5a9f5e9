/**
 * Document sources as the API shows them: relative to the folder all of them share (the
 * ingest root), so a reply never reveals where the server keeps its files.
 */
import { basename, dirname, isAbsolute, relative, sep } from "node:path";

/** The deepest folder that holds every absolute path of `paths` (null when there is none). */
function commonFolder(paths: readonly string[]): string | null {
  let common: string[] | null = null;
  for (const path of paths) {
    if (!isAbsolute(path)) continue;
    const parts = dirname(path).split(sep);
    if (common === null) {
      common = parts;
      continue;
    }
    let n = 0;
    while (n < common.length && n < parts.length && common[n] === parts[n]) n += 1;
    common = common.slice(0, n);
  }
  return common === null ? null : common.join(sep) || sep;
}

/**
 * Each source shown relative to the sources' common folder (absolute paths only; a name such
 * as `<stdin>` or `file.jsonl#title` with a relative path is kept, a lone file shows its name).
 */
export function relativeSources(sources: readonly string[]): (source: string) => string {
  const root = commonFolder(sources);
  return (source) => {
    if (!isAbsolute(source) || root === null) return source;
    const shown = relative(root, source);
    return shown === "" || shown.startsWith("..") ? basename(source) : shown;
  };
}
