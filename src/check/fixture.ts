/**
 * Test helpers: a Document, Normalized and Chronicle built from a few constructed paragraphs,
 * so the checks can be tested without the ingest and time stages.
 */
import type {
  Block,
  BlockKind,
  Chronicle,
  Document,
  Event,
  Finding,
  Normalized,
  Section,
  Sentence,
  Timex,
  TimexType,
} from "../model/index.js";
import { checkChronology } from "./index.js";

/** One constructed block: a paragraph by default; `## title` strings make headings. */
export type BlockSpec = string | { kind: BlockKind; text: string };

/** Builds a Document whose raw text is the blocks joined by blank lines (no markup). */
export function makeDoc(specs: BlockSpec[]): Document {
  const blocks: Block[] = [];
  const sections: Section[] = [];
  const sentences: Sentence[] = [];
  let raw = "";
  let text = "";
  const rawStarts: number[] = [];
  const rawEnds: number[] = [];
  let section: number | null = null;
  specs.forEach((spec, i) => {
    const s = typeof spec === "string" ? spec : spec.text;
    const heading = typeof spec === "string" && s.startsWith("## ");
    const kind: BlockKind =
      typeof spec === "string" ? (heading ? "heading" : "paragraph") : spec.kind;
    if (i > 0) {
      raw += "\n\n";
      rawStarts.push(raw.length - 1);
      rawEnds.push(raw.length);
      text += "\n";
    }
    const prefix = heading ? 3 : 0;
    const start = raw.length;
    raw += s;
    const textStart = text.length;
    for (let k = prefix; k < s.length; k += 1) {
      rawStarts.push(start + k);
      rawEnds.push(start + k + 1);
      text += s[k];
    }
    const id = blocks.length;
    if (heading) {
      section = sections.length;
      sections.push({
        id: section,
        level: 2,
        title: s.slice(3),
        parent: null,
        block: id,
        start,
        end: raw.length,
        text: s,
      });
    }
    const block: Block = {
      id,
      kind,
      section,
      start,
      end: raw.length,
      text: s,
      textStart,
      textEnd: text.length,
    };
    if (kind === "table-cell") block.table = { table: 0, row: id, column: 0, header: false };
    blocks.push(block);
    // Sentences: split after 。！？ and any closing quotes or brackets that follow.
    const re = /[^。！？]+(?:[。！？]+[”」』）)]*|$)/g;
    const body = s.slice(prefix);
    for (const m of body.matchAll(re)) {
      if (m[0].length === 0) continue;
      const a = start + prefix + m.index;
      const ta = textStart + m.index;
      sentences.push({
        id: sentences.length,
        block: id,
        start: a,
        end: a + m[0].length,
        text: m[0],
        textStart: ta,
        textEnd: ta + m[0].length,
        footnotes: [],
      });
    }
  });
  for (const s of sections) {
    const next = sections[s.id + 1];
    s.end = next === undefined ? raw.length : next.start;
    s.text = raw.slice(s.start, s.end);
  }
  return {
    id: "fixture",
    title: "fixture",
    source: "fixture.md",
    raw,
    text,
    rawStarts: Int32Array.from(rawStarts),
    rawEnds: Int32Array.from(rawEnds),
    sections,
    blocks,
    sentences,
    links: [],
    categories: [],
    images: [],
    footnotes: [],
    references: [],
    converter: [],
    displayTitle: null,
  };
}

/** The normalized view of a fixture (fixtures are written in Simplified already). */
export function normalizedOf(doc: Document): Normalized {
  return { doc, cn: doc.text, tw: doc.text, analysis: doc.text };
}

/** A timex to place: its text, TIMEX3 value, and the text of the timex it is anchored on. */
export interface TimexSpec {
  text: string;
  value: string;
  anchor?: string;
  type?: TimexType;
  /** The aside flag the time stage would set (`Timex.aside`). */
  aside?: Timex["aside"];
  /** The range-head flag the time stage would set (`Timex.rangeHead`). */
  rangeHead?: boolean;
}

/** Places timexes in document order: each is searched after the previous one's end. */
export function placeTimexes(doc: Document, specs: TimexSpec[]): Timex[] {
  const out: Timex[] = [];
  let from = 0;
  for (const spec of specs) {
    const start = doc.raw.indexOf(spec.text, from);
    if (start < 0) throw new Error(`fixture: "${spec.text}" not found after ${from}`);
    let anchor: string | null = null;
    if (spec.anchor !== undefined) {
      const a = [...out].reverse().find((t) => t.text === spec.anchor);
      if (a === undefined) throw new Error(`fixture: anchor "${spec.anchor}" not placed`);
      anchor = a.id;
    }
    const timex: Timex = {
      id: `t${out.length + 1}`,
      start,
      end: start + spec.text.length,
      text: spec.text,
      type: spec.type ?? "DATE",
      value: spec.value,
      mod: null,
      calendar: "gregorian",
      anchor,
      rule: "time:fixture",
    };
    if (spec.aside !== undefined) timex.aside = spec.aside;
    if (spec.rangeHead !== undefined) timex.rangeHead = spec.rangeHead;
    out.push(timex);
    from = start + spec.text.length;
  }
  return out;
}

/** A chronicle over a fixture document with the given timexes and events. */
export function chronicleOf(doc: Document, timexes: Timex[], events: Event[] = []): Chronicle {
  return {
    document: { id: doc.id, title: doc.title, source: doc.source, length: doc.raw.length },
    timexes,
    entities: [],
    events,
    findings: [],
  };
}

/** An event with mentions given by their text (searched in order in the raw text). */
export function makeEvent(
  doc: Document,
  id: string,
  fields: Partial<Pick<Event, "type" | "summary" | "actors">> & {
    mentions: string[];
    date?: string;
  },
): Event {
  let from = 0;
  const mentions = fields.mentions.map((m) => {
    const start = doc.raw.indexOf(m, from);
    if (start < 0) throw new Error(`fixture: mention "${m}" not found`);
    from = start + m.length;
    return { start, end: start + m.length, text: m };
  });
  return {
    id,
    type: fields.type ?? "other",
    date: {
      value: fields.date ?? null,
      timex: null,
      inferred: false,
      basis: fields.date === undefined ? null : "explicit",
    },
    actors: fields.actors ?? { source: [], target: [], other: [] },
    score: null,
    summary: fields.summary ?? fields.mentions[0] ?? "",
    rule: "events:fixture",
    mentions,
  };
}

/** Every finding (any confidence) the checker reports on constructed blocks and timexes. */
export function checkPassage(blocks: BlockSpec[], timexes: TimexSpec[]): Finding[] {
  const doc = makeDoc(blocks);
  return checkChronology(chronicleOf(doc, placeTimexes(doc, timexes)), normalizedOf(doc));
}
