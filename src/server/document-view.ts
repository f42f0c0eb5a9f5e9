/**
 * The article reader's view of a stored document: display texts in three scripts plus every
 * annotation placed on the display text (marks), so the page never handles raw offsets.
 */
import type { StoredDocument } from "../model/store.js";
import { dateLabels } from "./date-labels.js";
import { DisplayMap } from "./marks.js";
import { scripted } from "./script.js";
import type {
  DocumentView,
  EventView,
  FindingView,
  FootnoteMark,
  Mark,
  MarkKind,
  ReferenceView,
  TextRange,
} from "./view.js";

export type * from "./view.js";

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
    return {
      ...event,
      display: scripted(event.summary),
      dateLabel: dateLabels(event.date.value, event.date.mod),
      ranges,
    };
  });
  const findings: FindingView[] = doc.chronicle.findings.map((finding, index) => ({
    ...finding,
    index,
    range: place("finding", String(index), finding.start, finding.end),
    suggestionLabel: dateLabels(finding.suggestion),
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
    timexes: doc.chronicle.timexes.map((timex) => ({
      ...timex,
      label: dateLabels(timex.value, timex.mod),
    })),
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
