/**
 * A document as TimeML: the raw article text with TIMEX3 and EVENT tags at their stand-off
 * positions, MAKEINSTANCE for every event tag, and TLINKs (event IS_INCLUDED in its date's
 * timex; IDENTITY between mentions of one event). An event told in two places has two EVENT tags:
 * `e6` (its id in every other export) and `e6.2`.
 *
 * Tags must nest, but event mentions are clauses that often hold a timex and sometimes cross
 * one or another mention. Resolution, in this order:
 * - every timex is tagged (timexes do not overlap; a crossing one would be dropped);
 * - an event mention that fully contains timexes holds them as nested TIMEX3 tags;
 * - an event mention that crosses a timex is trimmed to the part outside the timex;
 * - an event mention that overlaps an already placed event tag (EVENT never nests in EVENT) is
 *   trimmed to its longest part outside that tag, and dropped if nothing is left;
 * - trimmed edges are moved past whitespace. Event mentions are placed longest first.
 */
import type { Chronicle, Event, EventType, Timex } from "../model/index.js";
import { escapeMarkup } from "./escape.js";

/** Options for `toTimeMl`. */
export interface TimeMlOptions {
  /** Document creation time as a TIMEX3 value, written as DCT when given. */
  dct?: string;
}

/** What happened to event mentions while making the tags nest. */
export interface TimeMlStats {
  events: number;
  trimmed: number;
  dropped: number;
}

interface Tag {
  kind: "TIMEX3" | "EVENT";
  start: number;
  end: number;
  open: string;
  /** For timexes: the timex id. */
  tid?: string;
  /** For events: the eid and the event it belongs to. */
  eid?: string;
  event?: Event;
}

/** TimeML event classes for our event types (REPORTING for speech acts, I_ACTION for intentions). */
const EVENT_CLASS: Partial<Record<EventType, string>> = {
  statement: "REPORTING",
  condemnation: "REPORTING",
  demand: "I_ACTION",
  threat: "I_ACTION",
  policy: "I_ACTION",
};

/** XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/U+FFFF; they become U+FFFD. */
function xmlText(text: string): string {
  return escapeMarkup(
    text.replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\v\f\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      "\uFFFD",
    ),
  );
}

function crosses(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return (
    (a.start < b.start && b.start < a.end && a.end < b.end) ||
    (b.start < a.start && a.start < b.end && b.end < a.end)
  );
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** Moves a span's edges inward past whitespace. */
function tighten(raw: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(raw[start])) start += 1;
  while (end > start && isSpace(raw[end - 1])) end -= 1;
  return [start, end];
}

function timexOpen(timex: Timex): string {
  const attrs = [
    `tid="${xmlText(timex.id)}"`,
    `type="${timex.type}"`,
    `value="${xmlText(timex.value)}"`,
  ];
  if (timex.mod) attrs.push(`mod="${timex.mod}"`);
  if (timex.anchor) attrs.push(`anchorTimeID="${xmlText(timex.anchor)}"`);
  return `<TIMEX3 ${attrs.join(" ")}>`;
}

/** Places the tags so that they nest (see the module comment); returns them and the counts. */
export function planTimeMlTags(
  raw: string,
  chronicle: Pick<Chronicle, "timexes" | "events">,
): { tags: Tag[]; stats: TimeMlStats } {
  const timexTags: Tag[] = [];
  for (const timex of [...chronicle.timexes].sort((a, b) => a.start - b.start)) {
    if (timex.start >= timex.end || timex.end > raw.length) continue;
    if (timexTags.some((t) => overlaps(t, timex))) continue;
    timexTags.push({
      kind: "TIMEX3",
      start: timex.start,
      end: timex.end,
      open: timexOpen(timex),
      tid: timex.id,
    });
  }
  const mentions = chronicle.events.flatMap((event) =>
    event.mentions.map((m) => ({ event, start: m.start, end: m.end })),
  );
  mentions.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const stats: TimeMlStats = { events: 0, trimmed: 0, dropped: 0 };
  const eventTags: Tag[] = [];
  for (const mention of mentions) {
    let start = Math.max(0, mention.start);
    let end = Math.min(raw.length, mention.end);
    let trimmed = false;
    // Note: each pass removes at least one conflict; the span only shrinks, so this ends.
    for (let guard = 0; guard < 1000 && start < end; guard += 1) {
      const span = { start, end };
      const timex = timexTags.find((t) => crosses(t, span) || (t.start <= start && end <= t.end));
      const other = eventTags.find((t) => overlaps(t, span));
      const conflict = timex ?? other;
      if (!conflict) break;
      trimmed = true;
      const before = conflict.start - start;
      const after = end - conflict.end;
      if (before <= 0 && after <= 0) {
        start = end;
      } else if (before >= after) {
        end = conflict.start;
      } else {
        start = conflict.end;
      }
      [start, end] = tighten(raw, start, end);
    }
    if (start >= end) {
      stats.dropped += 1;
      continue;
    }
    if (trimmed) stats.trimmed += 1;
    stats.events += 1;
    eventTags.push({ kind: "EVENT", start, end, open: "", event: mention.event });
  }
  eventTags.sort((a, b) => a.start - b.start);
  // An EVENT tag is a mention: the first one of an event carries the event's own id (as in the
  // JSON, CSV and TimelineJS exports), a further mention the id and its rank (`e6.2`), so the
  // formats join on the id.
  const seen = new Map<Event, number>();
  for (const tag of eventTags) {
    const event = tag.event as Event;
    const rank = (seen.get(event) ?? 0) + 1;
    seen.set(event, rank);
    tag.eid = rank === 1 ? event.id : `${event.id}.${rank}`;
    tag.open = `<EVENT eid="${xmlText(tag.eid)}" class="${EVENT_CLASS[event.type] ?? "OCCURRENCE"}">`;
  }
  return { tags: [...timexTags, ...eventTags], stats };
}

/** Writes the raw text with the tags inserted; outer (longer) tags open first at one offset. */
function render(raw: string, tags: readonly Tag[]): string {
  const opens = new Map<number, Tag[]>();
  const closes = new Map<number, Tag[]>();
  for (const tag of tags) {
    opens.set(tag.start, [...(opens.get(tag.start) ?? []), tag]);
    closes.set(tag.end, [...(closes.get(tag.end) ?? []), tag]);
  }
  const cuts = [...new Set([0, raw.length, ...opens.keys(), ...closes.keys()])].sort(
    (a, b) => a - b,
  );
  let out = "";
  for (let i = 0; i < cuts.length; i += 1) {
    const at = cuts[i] as number;
    // Inner tags close first: those that opened last (shorter ones).
    const closing = [...(closes.get(at) ?? [])].sort(
      (a, b) => b.start - a.start || (a.kind === "TIMEX3" ? -1 : 1),
    );
    for (const tag of closing) out += `</${tag.kind}>`;
    const opening = [...(opens.get(at) ?? [])].sort(
      (a, b) => b.end - a.end || (a.kind === "EVENT" ? -1 : 1),
    );
    for (const tag of opening) out += tag.open;
    const next = cuts[i + 1];
    if (next !== undefined) out += xmlText(raw.slice(at, next));
  }
  return out;
}

/**
 * Well-formed TimeML for a document: `<TimeML>` with DOCID, optional DCT, TITLE and TEXT (the raw
 * article with TIMEX3/EVENT tags), then MAKEINSTANCE and TLINK elements.
 */
export function toTimeMl(
  document: { raw: string },
  chronicle: Chronicle,
  options: TimeMlOptions = {},
): string {
  const { tags } = planTimeMlTags(document.raw, chronicle);
  const tagged = new Set(tags.map((t) => t.tid).filter((id) => id !== undefined));
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>"];
  lines.push(`<DOCID>${xmlText(chronicle.document.id)}</DOCID>`);
  if (options.dct !== undefined) {
    lines.push(
      `<DCT><TIMEX3 tid="t0" type="DATE" value="${xmlText(options.dct)}" functionInDocument="CREATION_TIME">${xmlText(options.dct)}</TIMEX3></DCT>`,
    );
  }
  lines.push(`<TITLE>${xmlText(chronicle.document.title)}</TITLE>`);
  lines.push(`<TEXT>${render(document.raw, tags)}</TEXT>`);
  const instances = new Map<Event, string[]>();
  for (const tag of tags) {
    if (tag.kind !== "EVENT" || !tag.event || !tag.eid) continue;
    const eiid = `ei${tag.eid.replace(/^e/, "")}`;
    instances.set(tag.event, [...(instances.get(tag.event) ?? []), eiid]);
    lines.push(
      `<MAKEINSTANCE eiid="${xmlText(eiid)}" eventID="${xmlText(tag.eid)}" tense="NONE" aspect="NONE" polarity="POS" pos="UNKNOWN"/>`,
    );
  }
  let lid = 0;
  for (const [event, eiids] of instances) {
    const first = eiids[0] as string;
    const timex = event.date.timex;
    if (timex !== null && tagged.has(timex)) {
      lid += 1;
      lines.push(
        `<TLINK lid="l${lid}" relType="IS_INCLUDED" eventInstanceID="${first}" relatedToTime="${xmlText(timex)}"/>`,
      );
    }
    for (const other of eiids.slice(1)) {
      lid += 1;
      lines.push(
        `<TLINK lid="l${lid}" relType="IDENTITY" eventInstanceID="${other}" relatedToEventInstance="${first}"/>`,
      );
    }
  }
  lines.push("</TimeML>");
  return `${lines.join("\n")}\n`;
}
