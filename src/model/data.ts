/**
 * Loads the project's static knowledge tables (`data/**`: lexicons, gazetteers, era tables,
 * trigger tables). The only file access a pipeline stage may make, once per table, at first use.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AnnalsError } from "./errors.js";

// Note: this file sits at src/model/ (or dist/model/ when compiled); data/ is two levels up.
const dataRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "data");
const cache = new Map<string, string>();

/** Absolute path of a file under `data/`. */
export function dataPath(relative: string): string {
  return join(dataRoot, relative);
}

/** The text of `data/<relative>` (cached). */
export function loadDataText(relative: string): string {
  let text = cache.get(relative);
  if (text === undefined) {
    text = readFileSync(dataPath(relative), "utf8");
    cache.set(relative, text);
  }
  return text;
}

/** `data/<relative>` parsed as JSON (parsed anew on each call; callers keep the result). */
export function loadDataJson<T>(relative: string): T {
  const text = loadDataText(relative);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    // Note: a damaged install (a truncated model file) is named, not an internal error.
    throw new AnnalsError(`not valid JSON (${(error as Error).message}); reinstall or retrain`, {
      file: dataPath(relative),
    });
  }
}

/**
 * `data/<relative>` as TSV rows: blank lines and lines starting with `#` skipped,
 * cells split on tabs.
 */
export function loadDataTsv(relative: string): string[][] {
  return loadDataText(relative)
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => line.split("\t"));
}
