/**
 * One extraction as the PostgreSQL backend stores it: the document's read-only parts as one JSON
 * body (built in the same shape and key order as the SQLite store reads them back, so both
 * backends answer `document()` alike), plus the rows the queries filter on (events, actors,
 * entity names, sentences and mentions in analysis form with their short n-grams).
 */
import type {
  Block,
  Chronicle,
  Entity,
  Event,
  Finding,
  Link,
  Section,
  Sentence,
  Span,
  StoredDocument,
  Timex,
} from "../../model/index.js";
import { timelineKey } from "../derived-keys.js";
import { toAnalysis } from "../analysis-text.js";
import { displayRange, isNonDecreasing } from "../offsets.js";
import type { Extracted } from "../write.js";

/** The parts of a `StoredDocument` kept in `documents.body` (events live in their own rows). */
export type DocumentBody = Omit<StoredDocument, "summary" | "rawStarts" | "rawEnds"> & {
  rawStarts: string;
  rawEnds: string;
};

/**
 * A span with exactly the keys the store returns, in its order.
 * Note: the builders below write `start, end, text` as plain literals rather than spreading
 * `span(x)`: an object spread is about 10× slower in Node 20 (a third of `prepareDocument`).
 */
const span = (x: Span): Span => ({ start: x.start, end: x.end, text: x.text });

/** Lower-cases ASCII letters only (what SQLite `lower()` and PostgreSQL `lower()` under "C" do). */
export function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/**
 * Every distinct 1- and 2-code-point substring of `text` without white space: the index keys
 * of the short-query fallback (a trigram index cannot look up terms shorter than 3 characters).
 */
export function shortGrams(text: string): string[] {
  const chars = [...text];
  const grams = new Set<string>();
  for (let i = 0; i < chars.length; i += 1) {
    const a = chars[i] ?? "";
    if (/\s/.test(a)) continue;
    grams.add(a);
    const b = chars[i + 1];
    if (b !== undefined && !/\s/.test(b)) grams.add(a + b);
  }
  return [...grams];
}

/** An offset map as base64 of its little-endian Int32 bytes. */
export function offsetsToBase64(offsets: Int32Array): string {
  return Buffer.from(offsets.buffer, offsets.byteOffset, offsets.byteLength).toString("base64");
}

/** An offset map back from `offsetsToBase64`. */
export function base64ToOffsets(text: string): number[] {
  const bytes = Buffer.from(text, "base64");
  const out: number[] = new Array<number>(bytes.byteLength >> 2);
  for (let i = 0; i < out.length; i += 1) out[i] = bytes.readInt32LE(i * 4);
  return out;
}

/** An event in the shape the store returns it (without its document fields). */
export function eventBody(x: Event): Event {
  return {
    id: x.id,
    type: x.type,
    date: {
      value: x.date.value,
      mod: x.date.mod ?? null,
      timex: x.date.timex,
      inferred: x.date.inferred,
      basis: x.date.basis,
    },
    actors: {
      source: [...x.actors.source],
      target: [...x.actors.target],
      other: [...x.actors.other],
    },
    score: x.score,
    summary: x.summary,
    rule: x.rule,
    mentions: x.mentions.map(span),
  };
}

/** A finding in the shape the store returns it. */
export function findingBody(x: Finding): Finding {
  return {
    start: x.start,
    end: x.end,
    text: x.text,
    kind: x.kind,
    message: x.message,
    suggestion: x.suggestion,
    confidence: x.confidence,
    evidence: x.evidence.map(span),
    rule: x.rule,
  };
}

function timexBody(x: Timex): Timex {
  const timex: Timex = {
    start: x.start,
    end: x.end,
    text: x.text,
    id: x.id,
    type: x.type,
    value: x.value,
    mod: x.mod ?? null,
    calendar: x.calendar,
    anchor: x.anchor ?? null,
    rule: x.rule,
  };
  if (x.note !== undefined && x.note !== null) timex.note = x.note;
  return timex;
}

function entityBody(x: Entity): Entity {
  return {
    id: x.id,
    kind: x.kind,
    name: x.name,
    names: [...x.names],
    wiki: [...x.wiki],
    rule: x.rule,
    mentions: x.mentions.map(span),
  };
}

/** A document's structure, timexes and entities in the shape the store returns them. */
export type DocumentParts = Pick<
  StoredDocument,
  "sections" | "blocks" | "sentences" | "links" | "footnotes" | "references"
> & { timexes: Timex[]; entities: Entity[] };

/** The structure, timexes and entities of an extraction, as `document()` returns them. */
export function documentParts(extracted: Extracted): DocumentParts {
  const { document: d, chronicle: c } = extracted;
  const sections: Section[] = d.sections.map((x, i) => ({
    start: x.start,
    end: x.end,
    text: x.text,
    id: i,
    level: x.level,
    title: x.title,
    parent: x.parent ?? null,
    block: x.block,
  }));
  const blocks: Block[] = d.blocks.map((x, i) => {
    const block: Block = {
      start: x.start,
      end: x.end,
      text: x.text,
      id: i,
      kind: x.kind,
      section: x.section ?? null,
      textStart: x.textStart,
      textEnd: x.textEnd,
    };
    if (x.table) block.table = x.table;
    return block;
  });
  const sentences: Sentence[] = d.sentences.map((x, i) => ({
    start: x.start,
    end: x.end,
    text: x.text,
    id: i,
    block: x.block,
    textStart: x.textStart,
    textEnd: x.textEnd,
    footnotes: [...x.footnotes],
  }));
  const links: Link[] = d.links.map((x, i) => ({
    start: x.start,
    end: x.end,
    text: x.text,
    id: i,
    kind: x.kind,
    target: x.target,
    url: x.url,
    anchor: x.anchor,
    entity: x.entity ?? null,
    anchorUncertain: x.anchorUncertain === true,
    block: x.block ?? null,
  }));
  return {
    sections,
    blocks,
    sentences,
    links,
    footnotes: d.footnotes.map((x, i) => ({
      start: x.start,
      end: x.end,
      text: x.text,
      id: i,
      n: x.n,
      sentence: x.sentence ?? null,
      reference: x.reference ?? null,
    })),
    references: d.references.map((x) => ({
      start: x.start,
      end: x.end,
      text: x.text,
      n: x.n,
      empty: x.empty === true,
    })),
    timexes: c.timexes.map(timexBody),
    entities: c.entities.map(entityBody),
  };
}

/** The document body: text, offset maps, structure, timexes, entities and findings. */
export function documentBody(extracted: Extracted): DocumentBody {
  const { document: d, normalized: n, chronicle: c } = extracted;
  const { timexes, entities, ...parts } = documentParts(extracted);
  const chronicle: Chronicle = {
    document: { id: d.id, title: d.title, source: d.source, length: d.raw.length },
    timexes,
    entities,
    events: [],
    findings: c.findings.map(findingBody),
  };
  return {
    raw: d.raw,
    text: { original: d.text, cn: n.cn, tw: n.tw },
    rawStarts: offsetsToBase64(d.rawStarts),
    rawEnds: offsetsToBase64(d.rawEnds),
    ...parts,
    chronicle,
  };
}

/** Text of a sentence or mention in searchable form: analysis text, ASCII lower-cased. */
export interface SearchText {
  analysis: string;
  grams: string[];
}

function searchText(analysis: string): SearchText {
  const lowered = lowerAscii(analysis);
  return { analysis: lowered, grams: shortGrams(lowered) };
}

/** The analysis text under each sentence, in search form, with its display text in both scripts. */
export function sentenceTexts(
  extracted: Extracted,
): Array<SearchText & { display: { cn: string; tw: string } }> {
  const { document: d, normalized: n } = extracted;
  return d.sentences.map((x) => ({
    ...searchText(n.analysis.slice(x.textStart, x.textEnd)),
    display: { cn: n.cn.slice(x.textStart, x.textEnd), tw: n.tw.slice(x.textStart, x.textEnd) },
  }));
}

/** The analysis text under each mention of each event, in search form. */
export function mentionTexts(extracted: Extracted): SearchText[][] {
  const { document: d, normalized: n, chronicle: c } = extracted;
  const monotonic = isNonDecreasing(d.rawStarts);
  return c.events.map((x) =>
    x.mentions.map((m) => {
      const [from, to] = displayRange(d.rawStarts, d.rawEnds, m.start, m.end, monotonic);
      return searchText(n.analysis.slice(from, to));
    }),
  );
}

/** The names an entity answers to, in analysis form (for actor filters in either script). */
export function entityNames(x: Entity): string[] {
  const names = new Set<string>();
  for (const name of new Set([x.id, x.name, ...x.names])) {
    const form = toAnalysis(name).replace(/\s+/g, " ").trim();
    if (form !== "") names.add(form);
  }
  return [...names];
}

/** The sort key of an event date (`timelineKey`: a quarter at its first month), null undated. */
export function dateKey(value: string | null): string | null {
  return timelineKey(value);
}
