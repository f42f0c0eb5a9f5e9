/**
 * The shapes the API sends to the page (types only, so the browser bundle can import them
 * without pulling in server code).
 */
import type { DocumentSummary } from "../model/store.js";
import type { Block, Entity, Event, Finding, Section, Sentence, Timex } from "../model/types.js";

/** A display-text range (UTF-16, half-open). */
export interface TextRange {
  textStart: number;
  textEnd: number;
}

/** A label in both scripts. */
export interface Scripted {
  cn: string;
  tw: string;
}

/** What a mark stands for. */
export type MarkKind = "timex" | "event" | "finding" | "link";

/** One annotation placed on the display text. */
export interface Mark extends TextRange {
  kind: MarkKind;
  /** Timex id, event id, finding index (as text) or link id (as text). */
  id: string;
  /** For links: the URL, only when it is an absolute http(s) URL; otherwise null. */
  url?: string | null;
}

/** A footnote marker placed at a display position. */
export interface FootnoteMark {
  n: number;
  /** Display offset the marker follows. */
  at: number;
  /** Reference number it points to, or null when the list lacks it. */
  reference: number | null;
}

/** A reference list item with its display text. */
export interface ReferenceView {
  n: number;
  /** Display text of the item (or its raw text when it is not part of the display text). */
  text: string;
  /** Absolute http(s) URLs cited in it. */
  urls: string[];
}

/** An event with labels in both scripts and its mentions placed on the display text. */
export interface EventView extends Event {
  display: Scripted;
  /** Its date as people write it (`1923年秋`), or null when undated. */
  dateLabel: Scripted | null;
  ranges: TextRange[];
}

/** A finding placed on the display text. */
export interface FindingView extends Finding {
  index: number;
  range: TextRange | null;
  /** The suggested date as people write it, or null. */
  suggestionLabel: Scripted | null;
}

/** A timex with its value as people write it (`19世纪中叶`), or null for durations and sets. */
export type TimexView = Timex & { label: Scripted | null };

/** Everything the article reader needs for one document. */
export interface DocumentView {
  summary: DocumentSummary;
  title: Scripted;
  text: { original: string; cn: string; tw: string };
  sections: Section[];
  blocks: Block[];
  sentences: Sentence[];
  timexes: TimexView[];
  entities: Array<Omit<Entity, "mentions"> & { display: Scripted }>;
  events: EventView[];
  findings: FindingView[];
  footnotes: FootnoteMark[];
  references: ReferenceView[];
  marks: Mark[];
}

/** A reportable finding that doubts an event's date (its span is the date's timex). */
export interface DateDoubt {
  kind: "year-out-of-sequence" | "inherited-slip" | "doubtful-anchor";
  suggestion: string | null;
  /** The suggested date as people write it, or null. */
  suggestionLabel: Scripted | null;
  confidence: number;
  message: string;
}
