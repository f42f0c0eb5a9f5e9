/**
 * Reads one stored document back: text, offset maps, structure and its whole chronicle.
 */
import type Database from "better-sqlite3";
import type {
  Block,
  BlockKind,
  Calendar,
  DocumentSummary,
  Entity,
  EntityKind,
  Finding,
  FindingKind,
  Footnote,
  Link,
  LinkKind,
  Reference,
  Section,
  Sentence,
  Span,
  StoredDocument,
  Timex,
  TimexMod,
  TimexType,
} from "../model/index.js";
import { documentEvents } from "./events-query.js";
import { blobToOffsets } from "./offsets.js";
import {
  rowTexts,
  spanText,
  TEXT_COLUMNS,
  unpackOffsets,
  unpackStructure,
  type DocumentStructure,
} from "./packed.js";

/** A documents row as selected for summaries. */
export interface SummaryRow {
  rowid: number;
  id: string;
  title: string;
  source: string;
  length: number;
  hash: string;
  n_timexes: number;
  n_entities: number;
  n_events: number;
  n_findings: number;
}

/** Columns of `documents` that make a summary. */
export const SUMMARY_COLUMNS =
  "rowid, id, title, source, length, hash, n_timexes, n_entities, n_events, n_findings";

/** A summary row as a `DocumentSummary`. */
export function toSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    length: r.length,
    hash: r.hash,
    counts: {
      timexes: r.n_timexes,
      entities: r.n_entities,
      events: r.n_events,
      findings: r.n_findings,
    },
  };
}

type Row = Record<string, unknown>;

const num = (v: unknown): number => v as number;
const str = (v: unknown): string => v as string;
const optNum = (v: unknown): number | null => (v === null ? null : (v as number));
const span = (r: Row): Span => ({ start: num(r.start), end: num(r.end), text: str(r.text) });

/** A finding row as a `Finding`. */
export function toFinding(r: Row): Finding {
  return {
    ...span(r),
    kind: r.kind as FindingKind,
    message: str(r.message),
    suggestion: r.suggestion as string | null,
    confidence: num(r.confidence),
    evidence: JSON.parse(str(r.evidence)) as Span[],
    rule: str(r.rule),
  };
}

/** The stored document with this id or source, or null. */
export function readDocument(db: Database.Database, idOrSource: string): StoredDocument | null {
  const d = db
    .prepare<[{ key: string }], SummaryRow & Row>(
      `SELECT ${SUMMARY_COLUMNS}, ${TEXT_COLUMNS}, raw_starts, raw_ends, offsets_z, structure_z
       FROM documents WHERE id = @key OR source = @key ORDER BY id = @key DESC LIMIT 1`,
    )
    .get({ key: idOrSource });
  if (d === undefined) return null;
  const doc = d.rowid;
  const all = (sql: string): Row[] => db.prepare<[number], Row>(sql).all(doc);
  const texts = rowTexts(d);
  const offsets =
    d.offsets_z instanceof Buffer
      ? unpackOffsets(d.offsets_z)
      : {
          rawStarts: blobToOffsets(d.raw_starts as Buffer),
          rawEnds: blobToOffsets(d.raw_ends as Buffer),
        };
  // A span whose text was stored as '' is the raw text under it (see packed.ts).
  const spanOf = (r: Row): Span => {
    const [start, end] = [num(r.start), num(r.end)];
    return { start, end, text: spanText(texts.raw, start, end, str(r.text)) };
  };

  const structure =
    d.structure_z instanceof Buffer
      ? unpackStructure(texts.raw, d.structure_z)
      : rowStructure(all, spanOf);
  const { sections, blocks, links, footnotes, references, timexes } = structure;
  const sentences: Sentence[] = all(`SELECT * FROM sentences WHERE doc = ? ORDER BY idx`).map(
    (r) => ({
      ...spanOf(r),
      id: num(r.idx),
      block: num(r.block),
      textStart: num(r.text_start),
      textEnd: num(r.text_end),
      footnotes: JSON.parse(str(r.footnotes)) as number[],
    }),
  );
  const entities: Entity[] = all(`SELECT rowid, * FROM entities WHERE doc = ? ORDER BY idx`).map(
    (r) => ({
      id: str(r.id),
      kind: r.kind as EntityKind,
      name: str(r.name),
      names: JSON.parse(str(r.names)) as string[],
      wiki: JSON.parse(str(r.wiki)) as string[],
      rule: str(r.rule),
      mentions: structure.mentions[num(r.idx)] ?? [],
    }),
  );
  const events = documentEvents(db, doc).map(({ doc: _doc, docTitle: _title, ...event }) => event);
  const findings = all(`SELECT * FROM findings WHERE doc = ? ORDER BY idx`).map(toFinding);

  return {
    summary: toSummary(d),
    raw: texts.raw,
    text: { original: texts.original, cn: texts.cn, tw: texts.tw },
    rawStarts: Array.from(offsets.rawStarts),
    rawEnds: Array.from(offsets.rawEnds),
    sections,
    blocks,
    sentences,
    links,
    footnotes,
    references,
    chronicle: {
      document: { id: d.id, title: d.title, source: d.source, length: d.length },
      timexes,
      entities,
      events,
      findings,
    },
  };
}

/**
 * The structure of a document written before migration 6, read from its rows; entity mentions
 * listed by entity index.
 */
function rowStructure(all: (sql: string) => Row[], spanOf: (r: Row) => Span): DocumentStructure {
  const sections: Section[] = all(`SELECT * FROM sections WHERE doc = ? ORDER BY idx`).map((r) => ({
    ...spanOf(r),
    id: num(r.idx),
    level: num(r.level),
    title: str(r.title),
    parent: optNum(r.parent),
    block: num(r.block),
  }));
  const blocks: Block[] = all(`SELECT * FROM blocks WHERE doc = ? ORDER BY idx`).map((r) => {
    const block: Block = {
      ...spanOf(r),
      id: num(r.idx),
      kind: r.kind as BlockKind,
      section: optNum(r.section),
      textStart: num(r.text_start),
      textEnd: num(r.text_end),
    };
    if (r.table_pos !== null)
      block.table = JSON.parse(str(r.table_pos)) as NonNullable<Block["table"]>;
    return block;
  });
  const links: Link[] = all(`SELECT * FROM links WHERE doc = ? ORDER BY idx`).map((r) => ({
    ...spanOf(r),
    id: num(r.idx),
    kind: r.kind as LinkKind,
    target: str(r.target),
    url: str(r.url),
    anchor: JSON.parse(str(r.anchor)) as Span,
    entity: r.entity === null ? null : (JSON.parse(str(r.entity)) as Span),
    anchorUncertain: r.anchor_uncertain === 1,
    block: optNum(r.block),
  }));
  const footnotes: Footnote[] = all(`SELECT * FROM footnotes WHERE doc = ? ORDER BY idx`).map(
    (r) => ({
      ...spanOf(r),
      id: num(r.idx),
      n: num(r.n),
      sentence: optNum(r.sentence),
      reference: optNum(r.reference),
    }),
  );
  const references: Reference[] = all(`SELECT * FROM refs WHERE doc = ? ORDER BY idx`).map((r) => ({
    ...spanOf(r),
    n: num(r.n),
    empty: r.empty === 1,
  }));
  const timexes: Timex[] = all(`SELECT * FROM timexes WHERE doc = ? ORDER BY idx`).map((r) => {
    const timex: Timex = {
      ...spanOf(r),
      id: str(r.id),
      type: r.type as TimexType,
      value: str(r.value),
      mod: r.mod as TimexMod | null,
      calendar: r.calendar as Calendar,
      anchor: r.anchor as string | null,
      rule: str(r.rule),
    };
    if (r.note !== null) timex.note = str(r.note);
    return timex;
  });

  const byEntity = new Map<number, Span[]>();
  for (const r of all(
    `SELECT m.*, n.idx AS entity_idx FROM entity_mentions m JOIN entities n ON n.rowid = m.entity
     WHERE n.doc = ? ORDER BY m.entity, m.idx`,
  )) {
    const list = byEntity.get(num(r.entity_idx)) ?? [];
    list.push(spanOf(r));
    byEntity.set(num(r.entity_idx), list);
  }
  const size = Math.max(0, ...byEntity.keys()) + 1;
  const mentions = Array.from({ length: size }, (_, i) => byEntity.get(i) ?? []);
  return { sections, blocks, links, categories: [], footnotes, references, timexes, mentions };
}
