/**
 * The lean document row: the raw text and the display texts (original, zh-cn, zh-tw) kept once,
 * brotli-compressed together (the three display texts differ in few characters, which the
 * compressor finds), and the offset maps as deltas (almost all 1) compressed likewise. Span
 * texts that are exactly the raw text under the span are stored as '' and sliced back on read.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from "node:zlib";
import type {
  Block,
  Category,
  Footnote,
  Link,
  Reference,
  Section,
  Span,
  Timex,
} from "../model/index.js";

/** The texts of one document. */
export interface DocumentTexts {
  raw: string;
  original: string;
  cn: string;
  tw: string;
}

// Note: quality 5 compresses the corpus texts about as well as 11 for a fraction of the time
// (the writer's cost per document); a 4 MB window covers the four texts of a long article.
const BROTLI = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 5,
    [constants.BROTLI_PARAM_LGWIN]: 22,
  },
};

/** The four texts as one compressed blob. */
export function packTexts(texts: DocumentTexts): Buffer {
  const json = JSON.stringify([texts.raw, texts.original, texts.cn, texts.tw]);
  return brotliCompressSync(Buffer.from(json, "utf8"), BROTLI);
}

/** The texts of a blob made by `packTexts`. */
export function unpackTexts(blob: Buffer): DocumentTexts {
  const [raw, original, cn, tw] = JSON.parse(brotliDecompressSync(blob).toString("utf8")) as [
    string,
    string,
    string,
    string,
  ];
  return { raw, original, cn, tw };
}

/** Both offset maps (each display character's raw start and end) as one compressed blob. */
export function packOffsets(starts: Int32Array, ends: Int32Array): Buffer {
  const n = starts.length;
  const deltas = new Int32Array(2 * n);
  for (let i = 0; i < n; i += 1) {
    deltas[i] = (starts[i] ?? 0) - (i > 0 ? (starts[i - 1] ?? 0) : 0);
    deltas[n + i] = (ends[i] ?? 0) - (starts[i] ?? 0);
  }
  return brotliCompressSync(Buffer.from(deltas.buffer, 0, deltas.byteLength), BROTLI);
}

/** The offset maps of a blob made by `packOffsets`. */
export function unpackOffsets(blob: Buffer): { rawStarts: Int32Array; rawEnds: Int32Array } {
  const bytes = brotliDecompressSync(blob);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const deltas = new Int32Array(copy.buffer, 0, copy.byteLength >> 2);
  const n = deltas.length >> 1;
  const rawStarts = new Int32Array(n);
  const rawEnds = new Int32Array(n);
  let at = 0;
  for (let i = 0; i < n; i += 1) {
    at += deltas[i] ?? 0;
    rawStarts[i] = at;
    rawEnds[i] = at + (deltas[n + i] ?? 0);
  }
  return { rawStarts, rawEnds };
}

/** Stored for an empty span text over a non-empty raw span (never seen; kept exact anyway). */
const EMPTY = "\u0000";

/** What to store as a span's text: '' when it is the raw text under the span (the usual case). */
export function storedText(
  raw: string,
  span: { start: number; end: number; text: string },
): string {
  if (raw.slice(span.start, span.end) === span.text) return "";
  return span.text === "" ? EMPTY : span.text;
}

/** A span's text read back: the stored text, or the raw text under the span for ''. */
export function spanText(raw: string, start: number, end: number, stored: string): string {
  if (stored === EMPTY) return "";
  return stored === "" ? raw.slice(start, end) : stored;
}

/** Columns of `documents` that `rowTexts` reads. */
export const TEXT_COLUMNS = "raw, text_original, text_cn, text_tw, texts_z";

/** The texts of a documents row: unpacked from `texts_z`, or the columns of an older row. */
export function rowTexts(r: Record<string, unknown>): DocumentTexts {
  if (r.texts_z instanceof Buffer) return unpackTexts(r.texts_z);
  const s = (v: unknown): string => v as string;
  return { raw: s(r.raw), original: s(r.text_original), cn: s(r.text_cn), tw: s(r.text_tw) };
}

/**
 * The read-only structure of a document, kept as one compressed JSON blob (`structure_z`):
 * sections, blocks, links, categories, footnotes, references, timexes and each entity's
 * mentions (by entity index), in the shape `document()` returns them, every span text stored
 * as `storedText` ('' when it is the raw text under the span).
 */
export interface DocumentStructure {
  sections: Section[];
  blocks: Block[];
  links: Link[];
  categories: Category[];
  footnotes: Footnote[];
  references: Reference[];
  timexes: Timex[];
  mentions: Span[][];
}

/** Applies `f` to every span of `structure` (links' anchors and entity spans included). */
function mapSpans(
  structure: DocumentStructure,
  f: (x: { start: number; end: number; text: string }) => string,
): DocumentStructure {
  const at = <T extends Span>(x: T): T => ({ ...x, text: f(x) });
  return {
    sections: structure.sections.map(at),
    blocks: structure.blocks.map(at),
    links: structure.links.map((x) => ({
      ...at(x),
      anchor: at(x.anchor),
      entity: x.entity === null ? null : at(x.entity),
    })),
    categories: structure.categories.map(at),
    footnotes: structure.footnotes.map(at),
    references: structure.references.map(at),
    timexes: structure.timexes.map(at),
    mentions: structure.mentions.map((list) => list.map(at)),
  };
}

/** The structure as one compressed blob (span texts under the raw text stored as ''). */
export function packStructure(raw: string, structure: DocumentStructure): Buffer {
  const json = JSON.stringify(mapSpans(structure, (x) => storedText(raw, x)));
  return brotliCompressSync(Buffer.from(json, "utf8"), BROTLI);
}

/** The structure of a blob made by `packStructure`, span texts restored from `raw`. */
export function unpackStructure(raw: string, blob: Buffer): DocumentStructure {
  const stored = JSON.parse(brotliDecompressSync(blob).toString("utf8")) as DocumentStructure;
  return mapSpans(stored, (x) => spanText(raw, x.start, x.end, x.text));
}

/** How many items of each kind a blob made by `packStructure` holds (texts not restored). */
export function structureCounts(blob: Buffer): Record<keyof DocumentStructure, number> {
  const s = JSON.parse(brotliDecompressSync(blob).toString("utf8")) as DocumentStructure;
  return {
    sections: s.sections.length,
    blocks: s.blocks.length,
    links: s.links.length,
    categories: s.categories.length,
    footnotes: s.footnotes.length,
    references: s.references.length,
    timexes: s.timexes.length,
    mentions: s.mentions.reduce((n, list) => n + list.length, 0),
  };
}
