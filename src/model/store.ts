/**
 * What the store offers its readers (timeline command, HTTP API): the contract between
 * `store/` (the only module that touches the database) and everyone else.
 */
import type {
  Chronicle,
  Entity,
  Event,
  EventQuery,
  Finding,
  Footnote,
  Link,
  Reference,
  Section,
  Sentence,
  Block,
} from "./types.js";

/** A stored document's summary row. */
export interface DocumentSummary {
  id: string;
  title: string;
  source: string;
  /** Raw text length (UTF-16 code units). */
  length: number;
  /** SHA-256 of the raw text, hex. */
  hash: string;
  counts: { timexes: number; entities: number; events: number; findings: number };
}

/** One document with its text and every annotation, for the article reader. */
export interface StoredDocument {
  summary: DocumentSummary;
  raw: string;
  /** Display texts, each the same length; `rawStarts[i]` maps display char i to raw. */
  text: { original: string; cn: string; tw: string };
  rawStarts: number[];
  rawEnds: number[];
  sections: Section[];
  blocks: Block[];
  sentences: Sentence[];
  links: Link[];
  footnotes: Footnote[];
  references: Reference[];
  chronicle: Chronicle;
}

/** An event with the document it came from. */
export interface EventHit extends Event {
  /** Document id. */
  doc: string;
  docTitle: string;
}

/** An entity aggregated over the store (or one document). */
export interface EntitySummary extends Omit<Entity, "mentions"> {
  /** Number of events it takes part in. */
  events: number;
  /** Document ids it occurs in. */
  docs: string[];
}

/** A full-text search hit (sentence-level). */
export interface SearchHit {
  doc: string;
  docTitle: string;
  start: number;
  end: number;
  text: string;
  /** The sentence as display text in both scripts, when the store has it at hand. */
  display?: { cn: string; tw: string };
}

/** A timex of a stored document, by document id and timex id. */
export interface TimexRef {
  doc: string;
  timex: string;
}

/** Read access to a store. */
export interface StoreReader {
  documents(): DocumentSummary[];
  document(id: string): StoredDocument | null;
  events(query: EventQuery): EventHit[];
  entities(options?: { doc?: string; query?: string; limit?: number }): EntitySummary[];
  entity(id: string): EntitySummary | null;
  findings(options?: { doc?: string }): Array<Finding & { doc: string }>;
  /**
   * The findings whose span is exactly the span of one of these timexes, each with the timex it
   * sits on (how an event list marks doubtful dates without loading whole documents). Unknown
   * documents and timexes are skipped.
   */
  timexFindings(refs: readonly TimexRef[]): Array<Finding & TimexRef>;
  search(text: string, options?: { doc?: string; limit?: number }): SearchHit[];
  /**
   * A number that changes whenever the stored data may have changed (another writer committed);
   * readers may cache derived data until it changes. Stores that never change may omit it.
   */
  dataVersion?(): number;
  close(): void;
}

/**
 * Read access whose answers may come later: the HTTP server awaits every call, so it serves a
 * synchronous `StoreReader` (SQLite) and the PostgreSQL store's asynchronous class alike, the
 * latter with many queries of one process in flight.
 */
export type AsyncStoreReader = {
  [K in Exclude<keyof StoreReader, "dataVersion">]: StoreReader[K] extends (
    ...args: infer A
  ) => infer R
    ? (...args: A) => R | Promise<R>
    : never;
};
