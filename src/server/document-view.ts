/**
 * The article reader's view of a stored document: display texts in three scripts plus every
 * annotation placed on the display text (marks), so the page never handles raw offsets.
 */
import type { DocumentSummary, StoredDocument } from "../model/store.js";
import type { Block, Entity, Event, Finding, Section, Sentence, Timex } from "../model/types.js";
import { DisplayMap, type TextRange } from "./marks.js";
import { scripted, type Scripted } from "./script.js";

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
  ranges: TextRange[];
}

/** A finding placed on the display text. */
export interface FindingView extends Finding {
  index: number;
  range: TextRange | null;
}

/** Everything the article reader needs for one document. */
export interface DocumentView {
  summary: DocumentSummary;
  title: Scripted;
  text: { original: string; cn: string; tw: string };
  sections: Section[];
  blocks: Block[];
  sentences: Sentence[];
  timexes: Timex[];
  entities: Array<Omit<Entity, "mentions"> & { display: Scripted }>;
  events: EventView[];
  findings: FindingView[];
  footnotes: FootnoteMark[];
  references: ReferenceView[];
  marks: Mark[];
}

/** Whether a URL is an absolute http(s) URL (anything else, such as `javascript:`, is never live). */
export function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Builds the reader's view of a stored document. */
export function documentView(doc: StoredDocument): DocumentView {
  const map = new DisplayMap(doc.rawStarts, doc.rawEnds);
  const marks: Mark[] = [];
  const place = (kind: MarkKind, id: string, start: number, end: number, url?: string | null) => {
    const range = map.range(start, end);
    if (!range) return null;
    marks.push(url === undefined ? { kind, id, ...range } : { kind, id, ...range, url });
    return range;
  };
  for (const timex of doc.chronicle.timexes) place("timex", timex.id, timex.start, timex.end);
  const events: EventView[] = doc.chronicle.events.map((event) => {
    const ranges: TextRange[] = [];
    for (const mention of event.mentions) {
      const range = place("event", event.id, mention.start, mention.end);
      if (range) ranges.push(range);
    }
    return { ...event, display: scripted(event.summary), ranges };
  });
  const findings: FindingView[] = doc.chronicle.findings.map((finding, index) => ({
    ...finding,
    index,
    range: place("finding", String(index), finding.start, finding.end),
  }));
  for (const link of doc.links) {
    if (link.block === null) continue;
    place("link", String(link.id), link.anchor.start, link.anchor.end, safeUrl(link.url));
  }
  marks.sort((a, b) => a.textStart - b.textStart || b.textEnd - a.textEnd);
  const footnotes: FootnoteMark[] = doc.footnotes.map((footnote) => ({
    n: footnote.n,
    at: map.pointAfter(footnote.start),
    reference: footnote.reference === null ? null : (doc.references[footnote.reference]?.n ?? null),
  }));
  const references: ReferenceView[] = doc.references.map((reference) => {
    const range = map.range(reference.start, reference.end);
    const text = range ? doc.text.original.slice(range.textStart, range.textEnd) : reference.text;
    const urls = doc.links
      .filter((link) => link.start >= reference.start && link.end <= reference.end)
      .map((link) => safeUrl(link.url))
      .filter((url): url is string => url !== null);
    return { n: reference.n, text, urls };
  });
  return {
    summary: doc.summary,
    title: scripted(doc.summary.title),
    text: doc.text,
    sections: doc.sections,
    blocks: doc.blocks,
    sentences: doc.sentences,
    timexes: doc.chronicle.timexes,
    entities: doc.chronicle.entities.map(({ mentions: _mentions, ...entity }) => ({
      ...entity,
      display: scripted(entity.name),
    })),
    events,
    findings,
    footnotes,
    references,
    marks,
  };
}
