/**
 * Reads a MediaWiki XML dump (`.xml`, `.xml.bz2`, `.xml.gz`; the compression is told by the
 * first bytes) as a stream, in constant memory, and yields its articles as source items:
 * redirects and pages outside the article namespace are skipped, `--title`/`--category`/`--limit`
 * filter, and each page is named `wiki:page id` with its revision kept beside it.
 */
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { PassThrough, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import unbzip2 from "unbzip2-stream";
import { NAMESPACES } from "../ingest/data.js";
import { DumpReader, writtenCategories, type DumpPage } from "../ingest/dump/pages.js";
import { AnnalsError, type PageInfo } from "../model/index.js";

/** Characters fed to the XML parser at a time (so a chunk never holds many finished pages). */
export const DUMP_PIECE = 8192;

/** Which pages of a dump to keep. */
export interface DumpFilter {
  /** Keep only these titles (as written, `_` read as a space). */
  titles?: Set<string>;
  /** Keep only pages in one of these categories, as written in the page (`[[Category:X]]`). */
  categories?: Set<string>;
  /** Stop after this many kept pages. */
  limit?: number;
}

/** What a dump run saw, for the progress line. */
export interface DumpCounters {
  /** Compressed bytes read from the file so far. */
  bytes: number;
  /** Pages read (every namespace, redirects included). */
  pages: number;
  /** Pages skipped: redirects, other namespaces, filtered out. */
  skipped: number;
}

/** An article read from a dump. */
export interface DumpArticle {
  name: string;
  label: string;
  raw: string;
  title: string;
  page: PageInfo;
  /** The revision time as a reference date (`YYYY-MM-DDThh:mm`). */
  referenceDate: string | null;
}

/** True when a file name says it is a dump (`.xml`, `.xml.bz2`, `.xml.gz`). */
export function isDumpName(name: string): boolean {
  return /\.xml(?:\.bz2|\.gz)?$/i.test(name);
}

/** Normalizes a title for comparison (`_` as space, trimmed, first letter upper case). */
export function titleKey(title: string): string {
  const t = title.replace(/_/g, " ").replace(/\s+/g, " ").trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function magic(path: string): "bz2" | "gz" | "xml" {
  const head = Buffer.alloc(3);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new AnnalsError(code === "ENOENT" ? "no such file" : `cannot read (${code})`, {
      file: path,
    });
  }
  try {
    readSync(fd, head, 0, 3, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString("latin1") === "BZh") return "bz2";
  if (head[0] === 0x1f && head[1] === 0x8b) return "gz";
  return "xml";
}

/** `2024-05-01T12:34:56Z` → `2024-05-01T12:34`, or null when it is not such a time. */
export function referenceDateOf(timestamp: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(timestamp);
  return m === null ? null : `${m[1]}T${m[2]}`;
}

/** Whether a page is kept: an article, not a redirect, wikitext, passing the filter. */
function keep(page: DumpPage, filter: DumpFilter): boolean {
  if (page.ns !== 0 || page.redirect) return false;
  if (page.model !== "" && page.model !== "wikitext") return false;
  if (filter.titles !== undefined && !filter.titles.has(titleKey(page.title))) return false;
  if (filter.categories !== undefined) {
    const names = writtenCategories(page.text, NAMESPACES.category).map(titleKey);
    if (!names.some((c) => filter.categories?.has(c) === true)) return false;
  }
  return true;
}

/**
 * Streams the articles of the dump at `path`. Pages are parsed as the bytes arrive and handed
 * out one by one; the next piece of the file is read only when the consumer asks for more.
 */
export async function* readDump(
  path: string,
  label: string,
  filter: DumpFilter = {},
  counters: DumpCounters = { bytes: 0, pages: 0, skipped: 0 },
  reader: DumpReader = new DumpReader(label),
): AsyncGenerator<DumpArticle> {
  const kind = magic(path);
  const file = createReadStream(path, { highWaterMark: 64 * 1024 });
  file.on("data", (chunk) => (counters.bytes += chunk.length));
  let stream: Readable = file;
  if (kind === "gz") stream = file.pipe(createGunzip());
  else if (kind === "bz2") {
    // Note: unbzip2-stream is a classic (through) stream: a PassThrough makes it async-iterable
    // and carries its errors to the loop below.
    const pass = new PassThrough();
    const bz = unbzip2();
    bz.on("error", (error: Error) => pass.destroy(error));
    file.pipe(bz).pipe(pass);
    stream = pass;
  }
  file.on("error", (error) => stream.destroy(error));
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let kept = 0;
  const pages = function* (): Generator<DumpArticle> {
    for (const page of reader.take()) {
      counters.pages += 1;
      if (filter.limit !== undefined && kept >= filter.limit) {
        counters.skipped += 1;
        continue;
      }
      if (!keep(page, filter)) {
        counters.skipped += 1;
        continue;
      }
      kept += 1;
      const wiki = reader.wiki === "" ? "wiki" : reader.wiki;
      yield {
        name: `${wiki}:${page.id}`,
        label: `${label}#${page.title}`,
        raw: page.text,
        title: page.title,
        page: {
          wiki,
          id: page.id,
          revision: page.revision,
          timestamp: page.timestamp,
          title: page.title,
          namespace: page.ns,
        },
        referenceDate: referenceDateOf(page.timestamp),
      };
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      let text: string;
      try {
        text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
      } catch {
        throw new AnnalsError("invalid UTF-8", { file: label });
      }
      for (let i = 0; i < text.length;) {
        let j = Math.min(text.length, i + DUMP_PIECE);
        const last = text.charCodeAt(j - 1);
        if (j < text.length && last >= 0xd800 && last <= 0xdbff) j += 1;
        reader.write(text.slice(i, j));
        i = j;
        yield* pages();
      }
      if (filter.limit !== undefined && kept >= filter.limit) break;
    }
    if (filter.limit === undefined || kept < filter.limit) {
      reader.end();
      yield* pages();
    }
  } catch (error) {
    if (error instanceof AnnalsError) throw error;
    const message = (error as Error).message.split("\n")[0] ?? "";
    throw new AnnalsError(`cannot read the dump (${kind}): ${message}`, { file: label });
  } finally {
    file.destroy();
    stream.destroy();
  }
}
