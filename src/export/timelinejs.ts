/**
 * Events as TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html): one slide
 * per dated event, grouped by type, with eras running from one leadership change to the next.
 */
import type { Event, Span } from "../model/index.js";
import {
  dateRange,
  daysInMonth,
  sortEvents,
  type DateParts,
  type DateRange,
  type FlaggedEvent,
} from "../query/index.js";
import { dateLabelZh } from "./date-label.js";
import { escapeMarkup } from "./escape.js";
import { actorLabel } from "./markdown.js";

/** A TimelineJS date object: numbers, only the parts that are known. */
export interface TimelineDate {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  display_date?: string;
}

/** A TimelineJS text object (HTML is allowed; ours is escaped). */
export interface TimelineText {
  headline: string;
  text?: string;
}

/** A TimelineJS slide. */
export interface TimelineSlide {
  start_date: TimelineDate;
  end_date?: TimelineDate;
  display_date?: string;
  text: TimelineText;
  group: string;
  unique_id: string;
}

/** A TimelineJS era: a labelled span of the navigation. */
export interface TimelineEra {
  start_date: TimelineDate;
  end_date: TimelineDate;
  text: TimelineText;
}

/** The TimelineJS document. */
export interface TimelineJs {
  title?: { text: TimelineText };
  events: TimelineSlide[];
  eras: TimelineEra[];
}

/** Options for `toTimelineJs`. */
export interface TimelineJsOptions {
  /** Timeline title (the article title). */
  title?: string;
  /** Display names for actor ids. */
  names?: ReadonlyMap<string, string>;
  /** The text to quote for a mention (e.g. its display text without markup); raw text by default. */
  mentionText?: (doc: string | undefined, mention: Span) => string;
}

function dateObject(parts: DateParts): TimelineDate {
  const date: TimelineDate = { year: parts.year };
  if (parts.month !== undefined) date.month = parts.month;
  if (parts.day !== undefined) date.day = parts.day;
  if (parts.hour !== undefined) date.hour = parts.hour;
  if (parts.minute !== undefined) date.minute = parts.minute;
  return date;
}

/**
 * The end of a period as a full date: a year ends on 31 December, a month on its last day
 * (TimelineJS reads a missing month or day as the first, so an era ending "1905" would end
 * before an era starting on 10 March 1905).
 */
function endObject(parts: DateParts): TimelineDate {
  const month = parts.month ?? 12;
  return dateObject({ ...parts, month, day: parts.day ?? daysInMonth(parts.year, month) });
}

function sameParts(a: DateParts, b: DateParts): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute
  );
}

/** A TIMEX3 value as a reader's label, or the value when it has none (null stays null). */
function humanDate(value: string | null): string | null {
  return value === null ? null : (dateLabelZh(value) ?? value);
}

function slideText(
  event: FlaggedEvent<Event & { doc?: string }>,
  options: TimelineJsOptions,
): string {
  const actors = actorLabel(event, options.names);
  const parts = actors === "" ? [] : [`<p>${escapeMarkup(actors)}</p>`];
  const facts = [event.type, event.score === null ? null : `score ${event.score}`];
  if (event.date.inferred) facts.push("date inferred");
  const finding = event.dateFinding;
  if (finding !== undefined) {
    facts.push(
      finding.applied === true
        ? `date as the checker suggests (${finding.kind}); the article says ${humanDate(finding.literal ?? null) ?? "no date"}`
        : `the checker doubts this date (${finding.kind}) and suggests ${humanDate(finding.suggestion)}`,
    );
  }
  parts.push(`<p>${escapeMarkup(facts.filter((x) => x !== null).join(" · "))}</p>`);
  for (const mention of event.mentions) {
    const text = options.mentionText?.(event.doc, mention) ?? mention.text;
    parts.push(`<blockquote>${escapeMarkup(text)}</blockquote>`);
  }
  return parts.join("");
}

/**
 * TimelineJS3 JSON for events. Undated events (and dates that cannot be placed, such as
 * PRESENT_REF) are left out, since a slide needs a start date. Dates carry only their known
 * parts; a coarse date (decade, season, quarter) gets an end date and a Chinese display date.
 */
export function toTimelineJs(
  events: ReadonlyArray<FlaggedEvent<Event & { doc?: string }>>,
  options: TimelineJsOptions = {},
): TimelineJs {
  const sorted = sortEvents(events);
  const slides: TimelineSlide[] = [];
  const used = new Set<string>();
  const placed: Array<{ event: Event; range: DateRange }> = [];
  for (const event of sorted) {
    const range = dateRange(event.date.value);
    if (!range) continue;
    placed.push({ event, range });
    let id = event.doc === undefined ? event.id : `${event.doc}-${event.id}`;
    for (let n = 2; used.has(id); n += 1) id = `${event.doc ?? ""}-${event.id}-${n}`;
    used.add(id);
    const slide: TimelineSlide = {
      start_date: dateObject(range.first),
      text: { headline: escapeMarkup(event.summary), text: slideText(event, options) },
      group: event.type,
      unique_id: id,
    };
    if (!sameParts(range.first, range.last)) slide.end_date = dateObject(range.last);
    // Note: every slide gets its Chinese label; TimelineJS would write a plain date in English.
    const label = dateLabelZh(event.date.value, event.date.mod ?? null);
    if (label !== null) slide.display_date = label;
    slides.push(slide);
  }
  const timeline: TimelineJs = { events: slides, eras: eras(placed) };
  if (options.title !== undefined) {
    timeline.title = { text: { headline: escapeMarkup(options.title) } };
  }
  return timeline;
}

/**
 * Eras from leadership changes: each runs from one change to the next; the last runs to the
 * latest date on the timeline. Changes on the same start date make one era.
 */
function eras(placed: ReadonlyArray<{ event: Event; range: DateRange }>): TimelineEra[] {
  const changes = placed.filter((p) => p.event.type === "leadership_change");
  if (changes.length === 0) return [];
  let latest = changes[0]?.range as DateRange;
  for (const p of placed) if (p.range.endKey > latest.endKey) latest = p.range;
  const result: TimelineEra[] = [];
  for (let i = 0; i < changes.length;) {
    const here = changes[i] as { event: Event; range: DateRange };
    const same = changes.filter((c) => c.range.startKey === here.range.startKey);
    i += same.length;
    const next = changes[i];
    result.push({
      start_date: dateObject(here.range.first),
      end_date: next ? dateObject(next.range.first) : endObject(latest.last),
      text: { headline: escapeMarkup(same.map((c) => c.event.summary).join("；")) },
    });
  }
  return result;
}
