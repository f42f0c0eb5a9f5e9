/**
 * Test support: runs a markdown snippet through ingest, normalize, time, entities and events,
 * and renders events compactly (`type date source>target`) for table-driven tests.
 */
import { findEntities } from "../entities/index.js";
import { ingest } from "../ingest/index.js";
import type { Event } from "../model/index.js";
import { normalize } from "../normalize/index.js";
import { tagTimes } from "../time/index.js";
import type { Candidate } from "./features.js";
import { extractEvents, type EventOptions, type TracedCandidate } from "./index.js";

/**
 * Every event the trigger rules read in a markdown snippet (no typer, no role model and no date
 * ranker unless `options` gives them: these table tests pin the rules' reading that the models
 * start from; the models are tested on the corpus).
 */
export function eventsOf(markdown: string, options: EventOptions = {}): Event[] {
  const norm = normalize(ingest(markdown, { name: "snippet.md" }));
  const timexes = tagTimes(norm);
  return extractEvents(norm, timexes, findEntities(norm, { timexes }), {
    model: null,
    roles: null,
    dates: null,
    ...options,
  });
}

/** One event as `type date source>target` (ids joined by commas). */
export function show(e: Event): string {
  return `${e.type} ${e.date.value ?? "-"} ${e.actors.source.join(",")}>${e.actors.target.join(",")}`;
}

/** The features of every candidate the typer reads in a markdown snippet, by clause text. */
export function tracedFeatures(markdown: string): Map<string, string[]> {
  const norm = normalize(ingest(markdown, { name: "snippet.md" }));
  const timexes = tagTimes(norm);
  const out: TracedCandidate[] = [];
  extractEvents(norm, timexes, findEntities(norm, { timexes }), {
    model: null,
    trace: (c) => out.push(c),
  });
  return new Map(out.map((c) => [markdown.slice(c.start, c.end), c.features]));
}

/**
 * A hand-made candidate clause `[start, end)` of `text` for feature tests: no tokens, hits, rule,
 * head or date unless `fields` gives them.
 */
export function candidateOf(
  text: string,
  start: number,
  end: number,
  fields: Partial<Candidate> = {},
): Candidate {
  return {
    text,
    clause: { start, end, index: 0, joined: false },
    tokens: [],
    hits: [],
    rule: null,
    head: null,
    date: { value: null, mod: null, timex: null, inferred: true, basis: null },
    clock: false,
    kinds: [],
    block: "paragraph",
    lead: false,
    afterSpeech: false,
    masked: () => false,
    ...fields,
  };
}
