/**
 * The ingest stage: pandoc-converted wiki markdown → Document (raw text plus stand-off
 * structure, display text and offset maps). Pure: no I/O, no clock.
 */
import { createHash } from "node:crypto";
import type { Document, PageInfo } from "../model/index.js";
import { Builder, toDocument } from "./build.js";
import { checkNesting } from "./nesting.js";
import { parsePieces } from "./parse.js";
import { readMarkdown } from "./reader.js";
import { detectFormat, ingestWikitext } from "./wikitext/index.js";

export { MAX_NESTING } from "./nesting.js";
export { decodeSource, firstInvalidUtf8 } from "./decode.js";
export { classifyLink, decodeTitle } from "./links.js";
export { splitSentences } from "./sentences.js";
export { detectFormat } from "./wikitext/index.js";

/** A source format: pandoc-converted markdown or MediaWiki wikitext. */
export type InputFormat = "md" | "wikitext";

/** Options for `ingest`. */
export interface IngestOptions {
  /** File path or record name; used for the id, the fallback title and error messages. */
  name: string;
  /** The source format; default: detected from the name and the content (`detectFormat`). */
  format?: InputFormat;
  /** A title that wins over the one the text implies (a dump's page title). */
  title?: string;
  /** The dump page the text came from. */
  page?: PageInfo;
}

/** Parses one article into a Document; every span indexes `raw` (a leading BOM is dropped). */
export function ingest(raw: string, options: IngestOptions): Document {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if ((options.format ?? detectFormat(options.name, text)) === "wikitext") {
    return ingestWikitext(text, {
      name: options.name,
      id: documentId(options.name, text),
      fallbackTitle: baseName(options.name) ?? "untitled",
      ...(options.title !== undefined ? { title: options.title } : {}),
      ...(options.page !== undefined ? { page: options.page } : {}),
    });
  }
  checkNesting(text, options.name);
  const tree = parsePieces(readMarkdown, text);
  const built = new Builder(text).build(tree);
  const title =
    options.title ??
    built.bannerTitle ??
    built.boldLead ??
    built.firstH1 ??
    baseName(options.name) ??
    "untitled";
  return toDocument(built, {
    id: documentId(options.name, text),
    title,
    source: options.name,
    raw: text,
  });
}

/** The file name without folders and extension (`data/us-dprk.md` → `us-dprk`), or null. */
export function baseName(name: string): string | null {
  const file = name.split(/[\\/]/).pop() ?? "";
  const dot = file.lastIndexOf(".");
  const base = dot > 0 ? file.slice(0, dot) : file;
  return base === "" ? null : base;
}

/** A stable id: the base name and a hash of name and content (`us-dprk-3f2a9c1b`). */
export function documentId(name: string, raw: string): string {
  const hash = createHash("sha256").update(name).update("\0").update(raw).digest("hex");
  const base = (baseName(name) ?? "doc").replace(/[^\p{L}\p{N}_-]+/gu, "-").slice(0, 40);
  return `${base}-${hash.slice(0, 10)}`;
}
