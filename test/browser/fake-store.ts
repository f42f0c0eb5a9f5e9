/**
 * An in-memory StoreReader built from small fixture articles, for the server and browser tests
 * until (and beside) the real SQLite store. The builder is deliberately simple: headings,
 * paragraphs, `[text](url)` links, `\[n\]` footnote markers and a trailing reference list.
 */
import { createHash } from "node:crypto";
import * as OpenCC from "opencc-js";
import { afterCursor } from "../../src/query/index.js";
import type {
  Block,
  Chronicle,
  Entity,
  EntityKind,
  Event,
  EventQuery,
  EventType,
  Finding,
  FindingKind,
  Footnote,
  Link,
  Reference,
  Section,
  Sentence,
  Timex,
  TimexMod,
} from "../../src/model/index.js";
import type {
  TimexRef,
  DocumentSummary,
  EntitySummary,
  EventHit,
  SearchHit,
  StoredDocument,
  StoreReader,
} from "../../src/model/store.js";

const toCn = OpenCC.Converter({ from: "tw", to: "cn" });
const toTw = OpenCC.Converter({ from: "cn", to: "tw" });

/** An event of a fixture: its sentence is the one holding `trigger`. */
export interface FixtureEvent {
  type: EventType;
  trigger: string;
  source: string[];
  target?: string[];
  score?: number | null;
  /** Date value; defaults to the first timex of the sentence. */
  date?: string;
  /** Modifier of `date` (START, MID, AFTER…). */
  mod?: TimexMod | null;
  summary?: string;
}

/** A fixture article. */
export interface FixtureArticle {
  source: string;
  title: string;
  raw: string;
  entities: Array<{ id: string; kind: EntityKind; name: string; names: string[] }>;
  events: FixtureEvent[];
  findings?: Array<{
    kind: FindingKind;
    text: string;
    message: string;
    suggestion?: string;
    /** Defaults to 0.8. */
    confidence?: number;
  }>;
}

const DEFAULT_SCORE: Partial<Record<EventType, number>> = {
  talks: 3.5,
  visit: 3,
  agreement: 6.5,
  statement: 0,
  demand: -2.5,
  aid: 7,
  concession: 5,
  sanction: -6,
  condemnation: -2.5,
  rejection: -4,
  threat: -5,
  weapons_test: -6,
  military_exercise: -5,
  deployment: -5.5,
  armed_incident: -9,
  detention: -6,
  release: 6,
};

const LINK = /\[([^\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+"[^"]*")?\)/y;
const FOOTNOTE = /\\\[(\d+)\\\]/y;

/** Builds a stored document (with its chronicle) from a fixture article. */
export function buildDocument(article: FixtureArticle): StoredDocument {
  const raw = article.raw;
  let text = "";
  const rawStarts: number[] = [];
  const rawEnds: number[] = [];
  const blocks: Block[] = [];
  const sections: Section[] = [];
  const links: Link[] = [];
  const footnotes: Footnote[] = [];
  const references: Reference[] = [];
  const emit = (ch: string, start: number, end: number) => {
    text += ch;
    rawStarts.push(start);
    rawEnds.push(end);
  };
  let lineStart = 0;
  for (const line of raw.split("\n")) {
    const lineEnd = lineStart + line.length;
    if (line.trim() !== "") {
      if (blocks.length > 0) emit("\n", lineStart - 1, lineStart);
      const heading = /^(#{1,6}) /.exec(line);
      const reference = /^(\d+)\. /.exec(line);
      let i = lineStart + (heading ? heading[0].length : 0);
      const textStart = text.length;
      while (i < lineEnd) {
        FOOTNOTE.lastIndex = i;
        const fn = FOOTNOTE.exec(raw);
        if (fn && fn.index + fn[0].length <= lineEnd) {
          footnotes.push({
            id: footnotes.length,
            n: Number(fn[1]),
            start: i,
            end: i + fn[0].length,
            text: fn[0],
            sentence: null,
            reference: null,
          });
          i += fn[0].length;
          continue;
        }
        LINK.lastIndex = i;
        const link = LINK.exec(raw);
        if (link && link.index + link[0].length <= lineEnd) {
          const anchorText = link[1] ?? "";
          const url = link[2] ?? "";
          for (let k = 0; k < anchorText.length; k += 1)
            emit(anchorText[k] ?? "", i + 1 + k, i + 2 + k);
          const anchor = { start: i + 1, end: i + 1 + anchorText.length, text: anchorText };
          links.push({
            id: links.length,
            kind: /^https?:\/\/zh\.wikipedia/.test(url) ? "internal" : "external",
            target: url,
            url,
            anchor,
            entity: null,
            anchorUncertain: false,
            block: blocks.length,
            start: i,
            end: i + link[0].length,
            text: link[0],
          });
          i += link[0].length;
          continue;
        }
        emit(raw[i] ?? "", i, i + 1);
        i += 1;
      }
      const kind = heading ? "heading" : reference ? "reference" : "paragraph";
      const block: Block = {
        id: blocks.length,
        kind,
        section: sections.length > 0 ? sections.length - 1 : null,
        textStart,
        textEnd: text.length,
        start: lineStart,
        end: lineEnd,
        text: line,
      };
      if (heading) {
        block.section = sections.length;
        sections.push({
          id: sections.length,
          level: heading[1]?.length ?? 2,
          title: text.slice(textStart),
          parent: null,
          block: blocks.length,
          start: lineStart,
          end: lineEnd,
          text: line,
        });
      }
      if (reference) {
        references.push({
          n: Number(reference[1]),
          empty: false,
          start: lineStart,
          end: lineEnd,
          text: line,
        });
      }
      blocks.push(block);
    }
    lineStart = lineEnd + 1;
  }
  const span = (ts: number, te: number) => {
    const start = rawStarts[ts] ?? 0;
    const end = rawEnds[te - 1] ?? 0;
    return { start, end, text: raw.slice(start, end) };
  };
  const sentences: Sentence[] = [];
  for (const block of blocks) {
    if (block.kind !== "paragraph") continue;
    let from = block.textStart;
    for (let i = block.textStart; i < block.textEnd; i += 1) {
      const last = i === block.textEnd - 1;
      if ("。！？".includes(text[i] ?? "") || last) {
        sentences.push({
          id: sentences.length,
          block: block.id,
          textStart: from,
          textEnd: i + 1,
          footnotes: [],
          ...span(from, i + 1),
        });
        from = i + 1;
      }
    }
  }
  for (const footnote of footnotes) {
    const sentence = sentences.findLast((s) => s.end <= footnote.start);
    footnote.sentence = sentence?.id ?? null;
    sentence?.footnotes.push(footnote.id);
    const ref = references.findIndex((r) => r.n === footnote.n);
    footnote.reference = ref >= 0 ? ref : null;
  }
  const cn = toCn(text);
  const tw = toTw(cn);
  const timexes: Timex[] = [];
  for (const m of cn.matchAll(/(\d{3})0年代|(\d{4})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?/g)) {
    const ts = m.index;
    const te = ts + m[0].length;
    const pad = (v: string | undefined) => (v === undefined ? null : v.padStart(2, "0"));
    const value = m[1] ?? [m[2], pad(m[3]), pad(m[4])].filter((v) => v !== null).join("-");
    timexes.push({
      id: `t${timexes.length + 1}`,
      type: "DATE",
      value,
      mod: null,
      calendar: "gregorian",
      anchor: null,
      rule: m[1] ? "time:zh/decade" : "time:zh/date",
      ...span(ts, te),
    });
  }
  const entities: Entity[] = article.entities.map((e) => {
    const mentions = [];
    for (const name of e.names) {
      for (
        let at = cn.indexOf(toCn(name));
        at >= 0;
        at = cn.indexOf(toCn(name), at + name.length)
      ) {
        mentions.push(span(at, at + name.length));
      }
    }
    return { ...e, wiki: [], rule: "entities:gazetteer", mentions };
  });
  const events: Event[] = article.events.map((fx, index) => {
    const at = cn.indexOf(toCn(fx.trigger));
    if (at < 0) throw new Error(`fixture trigger not found: ${fx.trigger}`);
    const sentence = sentences.find((s) => s.textStart <= at && at < s.textEnd);
    if (!sentence) throw new Error(`fixture trigger outside sentences: ${fx.trigger}`);
    const timex = timexes.find((t) => t.start >= sentence.start && t.end <= sentence.end);
    const value = fx.date ?? timex?.value ?? null;
    const explicit = fx.date === undefined && timex !== undefined;
    return {
      id: `e${index + 1}`,
      type: fx.type,
      date: {
        value,
        mod: fx.mod ?? null,
        timex: explicit ? (timex?.id ?? null) : null,
        inferred: !explicit,
        basis: explicit ? "explicit" : "narrative",
      },
      actors: { source: fx.source, target: fx.target ?? [], other: [] },
      score: fx.score === undefined ? (DEFAULT_SCORE[fx.type] ?? null) : fx.score,
      summary: fx.summary ?? text.slice(sentence.textStart, sentence.textEnd),
      rule: `events:trigger/${fx.trigger}`,
      mentions: [{ start: sentence.start, end: sentence.end, text: sentence.text }],
    };
  });
  const findings: Finding[] = (article.findings ?? []).map((f) => {
    const at = text.indexOf(f.text);
    if (at < 0) throw new Error(`fixture finding not found: ${f.text}`);
    return {
      kind: f.kind,
      message: f.message,
      suggestion: f.suggestion ?? null,
      confidence: f.confidence ?? 0.8,
      evidence: [],
      rule: `check:${f.kind}`,
      ...span(at, at + f.text.length),
    };
  });
  const hash = createHash("sha256").update(raw).digest("hex");
  const id = `${article.source.replace(/\.md$/, "")}-${hash.slice(0, 8)}`;
  const chronicle: Chronicle = {
    document: { id, title: article.title, source: article.source, length: raw.length },
    timexes,
    entities,
    events,
    findings,
  };
  return {
    summary: {
      id,
      title: article.title,
      source: article.source,
      length: raw.length,
      hash,
      counts: {
        timexes: timexes.length,
        entities: entities.length,
        events: events.length,
        findings: findings.length,
      },
    },
    raw,
    text: { original: text, cn, tw },
    rawStarts,
    rawEnds,
    sections,
    blocks,
    sentences,
    links,
    footnotes,
    references,
    chronicle,
  };
}

/** A StoreReader over documents built in memory. */
export class FakeStore implements StoreReader {
  readonly docs: StoredDocument[];

  constructor(articles: FixtureArticle[]) {
    this.docs = articles.map(buildDocument);
  }

  documents(): DocumentSummary[] {
    return this.docs.map((d) => d.summary);
  }

  document(id: string): StoredDocument | null {
    return this.docs.find((d) => d.summary.id === id) ?? null;
  }

  events(query: EventQuery): EventHit[] {
    const matchesActor = (event: Event, actor: string) => {
      const ids = this.resolve(actor);
      return [...event.actors.source, ...event.actors.target, ...event.actors.other].some((a) =>
        ids.has(a),
      );
    };
    const hits: EventHit[] = [];
    for (const doc of this.pick(query.doc)) {
      for (const event of doc.chronicle.events) {
        const value = event.date.value ?? "";
        if (query.types && !query.types.includes(event.type)) continue;
        if (query.actor !== undefined && !matchesActor(event, query.actor)) continue;
        if (
          query.pair &&
          !(matchesActor(event, query.pair[0]) && matchesActor(event, query.pair[1]))
        )
          continue;
        if (
          query.from !== undefined &&
          (value === "" || value.padEnd(query.from.length, "0") < query.from)
        )
          continue;
        if (query.to !== undefined && (value === "" || value.slice(0, query.to.length) > query.to))
          continue;
        if (query.query !== undefined) {
          const q = toCn(query.query);
          if (
            !event.mentions.some((m) => toCn(m.text).includes(q)) &&
            !toCn(event.summary).includes(q)
          )
            continue;
        }
        hits.push({ ...event, doc: doc.summary.id, docTitle: doc.summary.title });
      }
    }
    hits.sort((a, b) => (a.date.value ?? "").localeCompare(b.date.value ?? ""));
    const rest = afterCursor(hits, query.after);
    const skip = query.offset ?? 0;
    return rest.slice(skip, skip + (query.limit ?? rest.length));
  }

  entities(options: { doc?: string; query?: string; limit?: number } = {}): EntitySummary[] {
    const all = this.allEntities(options.doc);
    const q = options.query === undefined ? null : toCn(options.query);
    const list = all.filter(
      (e) => q === null || e.id === options.query || e.names.some((n) => toCn(n).includes(q)),
    );
    list.sort((a, b) => b.events - a.events || a.id.localeCompare(b.id));
    return list.slice(0, options.limit ?? list.length);
  }

  entity(id: string): EntitySummary | null {
    return this.allEntities(undefined).find((e) => e.id === id) ?? null;
  }

  findings(options: { doc?: string } = {}): Array<Finding & { doc: string }> {
    return this.pick(options.doc).flatMap((d) =>
      d.chronicle.findings.map((f) => ({ ...f, doc: d.summary.id })),
    );
  }

  timexFindings(refs: readonly TimexRef[]): Array<Finding & TimexRef> {
    const wanted = new Set(refs.map((r) => `${r.doc}/${r.timex}`));
    return this.docs.flatMap((d) =>
      d.chronicle.timexes
        .filter((x) => wanted.has(`${d.summary.id}/${x.id}`))
        .flatMap((x) =>
          d.chronicle.findings
            .filter((f) => f.start === x.start && f.end === x.end)
            .map((f) => ({ ...f, doc: d.summary.id, timex: x.id })),
        ),
    );
  }

  search(query: string, options: { doc?: string; limit?: number } = {}): SearchHit[] {
    const q = toCn(query);
    const hits: SearchHit[] = [];
    for (const doc of this.pick(options.doc)) {
      for (const s of doc.sentences) {
        if (doc.text.cn.slice(s.textStart, s.textEnd).includes(q)) {
          hits.push({
            doc: doc.summary.id,
            docTitle: doc.summary.title,
            start: s.start,
            end: s.end,
            text: s.text,
          });
        }
      }
    }
    return hits.slice(0, options.limit ?? hits.length);
  }

  close(): void {}

  private pick(doc: string | undefined): StoredDocument[] {
    return this.docs.filter(
      (d) => doc === undefined || d.summary.id === doc || d.summary.source === doc,
    );
  }

  private resolve(actor: string): Set<string> {
    const q = toCn(actor);
    const ids = new Set<string>([actor]);
    for (const doc of this.docs) {
      for (const e of doc.chronicle.entities) if (e.names.some((n) => toCn(n) === q)) ids.add(e.id);
    }
    return ids;
  }

  private allEntities(doc: string | undefined): EntitySummary[] {
    const byId = new Map<string, EntitySummary>();
    for (const d of this.pick(doc)) {
      for (const { mentions: _m, ...e } of d.chronicle.entities) {
        const count = d.chronicle.events.filter((ev) =>
          [...ev.actors.source, ...ev.actors.target, ...ev.actors.other].includes(e.id),
        ).length;
        const row = byId.get(e.id) ?? { ...e, events: 0, docs: [] };
        row.events += count;
        row.docs.push(d.summary.id);
        byId.set(e.id, row);
      }
    }
    return [...byId.values()];
  }
}
