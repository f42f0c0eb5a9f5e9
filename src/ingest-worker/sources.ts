/**
 * What `annals ingest` reads: files, folders (recursively, `*.md` and `*.jsonl`) and JSON-lines
 * files (one `{"title": …, "text": …}` per line), as a list of inputs and a stream of items.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { DEFAULT_MAX_BYTES, readSource } from "../io/read.js";
import { decodeSource, firstLoneSurrogate } from "../ingest/decode.js";
import { AnnalsError, type PageInfo } from "../model/index.js";
import { isDumpName, readDump, type DumpCounters, type DumpFilter } from "./dump.js";

/** Size limit for a JSON-lines file (it is read whole): 1 GiB. */
export const MAX_JSONL_BYTES = 1024 * 1024 * 1024;

/** One input file found from the command-line paths. */
export interface InputFile {
  /** Absolute path: the stored source name of a markdown file. */
  path: string;
  /** The path as the user would recognise it (as given, or joined under a given folder). */
  label: string;
  /** `markdown`: one article file (markdown or wikitext, told apart when it is read). */
  kind: "markdown" | "jsonl" | "dump";
}

/** An article ready to extract, or the reason it cannot be. */
export type SourceItem =
  | {
      ok: true;
      /** Stored source name: the absolute path, or `path#title` for a JSON-lines record. */
      name: string;
      /** Where to point a user at (`file` or `file:line`). */
      label: string;
      raw: string;
      /** Title given by a JSON-lines record or a dump page (overrides the one the article implies). */
      title?: string;
      /** The dump page it came from. */
      page?: PageInfo;
      /** Its source format when known (dump pages are wikitext). */
      format?: "md" | "wikitext";
      /** The article's now (a dump page's revision time). */
      referenceDate?: string;
    }
  | { ok: false; label: string; message: string };

/** Whether a file found inside a folder is an input. */
function isInputName(name: string): boolean {
  return /\.(?:md|jsonl|wiki|wikitext)$/.test(name) || isDumpName(name);
}

/**
 * Expands command-line paths into input files (folders recursively, sorted, `*.md` and
 * `*.jsonl`; a file named directly is read whatever its extension) and one-line errors for
 * paths that do not exist.
 */
export function listInputs(paths: string[]): {
  files: InputFile[];
  errors: string[];
  warnings: string[];
} {
  const files: InputFile[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  const add = (label: string): void => {
    const path = resolve(label);
    if (seen.has(path)) return;
    seen.add(path);
    const kind = isDumpName(label) ? "dump" : extname(label) === ".jsonl" ? "jsonl" : "markdown";
    files.push({ path, label, kind });
  };
  let skipped = 0;
  // Note: `corpus` is whether `dir` lies in an annotated corpus (`splits.json` at its root,
  // `meta.json` in each article's folder, as `annals eval --corpus` reads it): there a folder
  // holds one article beside its notes and guides, and only the articles are inputs.
  const walk = (dir: string, corpus: boolean): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      errors.push(`${dir}: ${fsReason(error)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
    const root = names.has("splits.json");
    const inCorpus = corpus || root;
    const article = inCorpus && names.has("meta.json") ? corpusArticle(dir) : undefined;
    // An article kept elsewhere (`"article": "../../samples/us-dprk.md"`) is read from there.
    if (article !== undefined && basename(article) !== article) {
      if (existsSync(resolve(dir, article))) add(join(dir, article));
      else errors.push(`${join(dir, "meta.json")}: its article ${article}: no such file`);
    }
    for (const entry of entries) {
      const child = join(dir, entry.name);
      if (entry.isDirectory()) walk(child, inCorpus);
      else if (entry.isFile() && isInputName(entry.name)) {
        if (root || (article !== undefined && entry.name !== article)) skipped += 1;
        else add(child);
      }
      // Note: links are not followed inside folders (a link can loop); name one to read it.
      else if (entry.isSymbolicLink() && isInputName(entry.name)) {
        warnings.push(`${child}: symbolic link skipped (name it on the command line to read it)`);
      }
    }
  };
  for (const given of paths) {
    try {
      if (statSync(given).isDirectory()) {
        const before = files.length;
        walk(given, inAnnotatedCorpus(given));
        if (files.length === before)
          warnings.push(
            `${given}: no *.md, *.wiki, *.jsonl or *.xml[.bz2|.gz] files in this folder`,
          );
      } else add(given);
    } catch (error) {
      errors.push(`${given}: ${fsReason(error)}`);
    }
  }
  if (skipped > 0)
    warnings.push(
      `${skipped} ${skipped === 1 ? "note or guide" : "notes and guides"} of an annotated corpus skipped (only each folder's article is read; name a file to read it)`,
    );
  return { files, errors, warnings };
}

/** Whether a folder above `dir` is the root of an annotated corpus (holds `splits.json`). */
function inAnnotatedCorpus(dir: string): boolean {
  let at = resolve(dir);
  for (let parent = dirname(at); parent !== at; at = parent, parent = dirname(at)) {
    if (existsSync(join(parent, "splits.json"))) return true;
  }
  return false;
}

/**
 * The article of an annotated corpus folder: `meta.json`'s `article` (a file of the folder, or
 * a path from it), else `<folder>.md`; undefined when `meta.json` is not such a corpus file
 * (the folder is then walked as any other).
 */
function corpusArticle(dir: string): string | undefined {
  try {
    const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as unknown;
    if (typeof meta !== "object" || meta === null || Array.isArray(meta)) return undefined;
    const named = (meta as { article?: unknown }).article;
    if (named === undefined) return `${basename(dir)}.md`;
    if (typeof named !== "string" || named === "") return undefined;
    return dirname(resolve(dir, named)) === resolve(dir) ? basename(named) : named;
  } catch {
    return undefined;
  }
}

/** A file-system error in words. */
function fsReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return String(code ?? error);
}

/** How many items an input yields: 1 for markdown, the non-blank lines of a JSON-lines file. */
export function countItems(file: InputFile): number {
  if (file.kind === "markdown") return 1;
  // Note: a dump's page count is unknown until it is read; its progress is counted in bytes.
  if (file.kind === "dump") return 0;
  try {
    const { bytes } = readSource(file.path, { maxBytes: MAX_JSONL_BYTES });
    let lines = 0;
    let blank = true;
    for (const b of bytes) {
      if (b === 10) {
        if (!blank) lines += 1;
        blank = true;
      } else if (b !== 13 && b !== 32 && b !== 9) blank = false;
    }
    return lines + (blank ? 0 : 1);
  } catch {
    return 1;
  }
}

/** The one-line reason of an error (AnnalsError's own form without the file). */
function reason(error: unknown): string {
  if (error instanceof AnnalsError) {
    const { position, message } = error;
    return position !== null && !message.includes(position) ? `${position}: ${message}` : message;
  }
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/**
 * Reads and decodes an input, yielding its articles (or the reasons they cannot be read);
 * `maxBytes` limits a markdown file (default `readSource`'s 8 MiB).
 */
export function* readItems(file: InputFile, maxBytes?: number): Generator<SourceItem> {
  let text: string;
  try {
    const max =
      file.kind === "jsonl"
        ? { maxBytes: Math.max(MAX_JSONL_BYTES, maxBytes ?? 0) }
        : maxBytes === undefined
          ? {}
          : { maxBytes };
    text = decodeSource(readSource(file.path, max).bytes, file.label);
  } catch (error) {
    yield { ok: false, label: file.label, message: reason(error) };
    return;
  }
  if (file.kind === "markdown") {
    yield { ok: true, name: file.path, label: file.label, raw: text };
    return;
  }
  const titles = new Set<string>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] ?? "").trim();
    if (line === "") continue;
    const label = `${file.label}:${i + 1}`;
    const record = parseRecord(line);
    if (typeof record === "string") {
      yield { ok: false, label, message: record };
      continue;
    }
    // A record holds one article: the markdown file limit applies to its text as well.
    const limit = maxBytes ?? DEFAULT_MAX_BYTES;
    if (Buffer.byteLength(record.text) > limit) {
      yield { ok: false, label, message: `text larger than the limit of ${limit} bytes` };
      continue;
    }
    // Note: a record is named by its title, so editing other lines keeps its identity;
    // a repeated title is told apart by its line number.
    let name = `${file.path}#${record.title}`;
    if (titles.has(record.title)) name = `${name}#line${i + 1}`;
    titles.add(record.title);
    yield { ok: true, name, label, raw: record.text, title: record.title };
  }
}

/** A JSON-lines record, or the reason the line is not one. */
function parseRecord(line: string): { title: string; text: string } | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `invalid JSON: ${(error as Error).message}`;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return 'expected an object {"title": …, "text": …}';
  }
  const { title, text } = value as { title?: unknown; text?: unknown };
  if (typeof text !== "string") return 'missing string field "text"';
  if (typeof title !== "string" || title.trim() === "") return 'missing string field "title"';
  if (text.trim() === "") return "empty text";
  // Note: a lone surrogate (a `\ud800` escape) cannot be stored as UTF-8 without changing the
  // text's length, which would move every later span: the record is refused with its place.
  for (const [field, value] of [
    ["title", title],
    ["text", text],
  ] as const) {
    const at = firstLoneSurrogate(value);
    if (at !== null) {
      const code = value.charCodeAt(at).toString(16).toUpperCase();
      return `lone surrogate U+${code} at character ${at} of "${field}"`;
    }
  }
  return { title: title.trim(), text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/**
 * The articles of a dump as source items (streamed); a dump that cannot be read yields one
 * failed item naming the file and the place, and ends.
 */
export async function* readDumpItems(
  file: InputFile,
  filter: DumpFilter,
  counters: DumpCounters,
  maxBytes: number = DEFAULT_MAX_BYTES,
): AsyncGenerator<SourceItem> {
  try {
    for await (const article of readDump(file.path, file.label, filter, counters)) {
      if (Buffer.byteLength(article.raw) > maxBytes) {
        yield {
          ok: false,
          label: article.label,
          message: `text larger than the limit of ${maxBytes} bytes`,
        };
        continue;
      }
      const item: SourceItem = {
        ok: true,
        name: article.name,
        label: article.label,
        raw: article.raw,
        title: article.title,
        page: article.page,
        format: "wikitext",
      };
      if (article.referenceDate !== null) item.referenceDate = article.referenceDate;
      yield item;
    }
  } catch (error) {
    yield { ok: false, label: file.label, message: reason(error) };
  }
}
