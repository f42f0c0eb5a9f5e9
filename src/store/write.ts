/**
 * Writes extractions into the store: every row of a document in one transaction (or several
 * documents in one), replacing the rows of an earlier version of the same source.
 *
 * Writing is two steps: `prepareDocument` turns an extraction into the values of its rows
 * (compressed blobs, analysis texts, entity names, actor pairs) without the database, so it
 * can run on an extraction worker; the writer only inserts prepared rows (one writer thread).
 */
import type Database from "better-sqlite3";
import type { Chronicle, Document, Normalized } from "../model/index.js";
import { hashText } from "./hash.js";
import { storedAs } from "./event-texts.js";
import { pipelineFingerprint } from "../io/fingerprint.js";
import { displayRange, isNonDecreasing } from "./offsets.js";
import { packOffsets, packStructure, packTexts, storedText } from "./packed.js";
import { documentParts, entityNames } from "./pg/rows.js";
import { UNDATED_KEY } from "./events-query.js";
import { actorPairs, BAND_SPAN, timelineBand, timelineKey, timexBySpan } from "./derived-keys.js";
import { RANK_GAP, RENUMBER_DOCUMENTS } from "./migrations.js";

/** What the store keeps of one document: the same shape as `extract()`'s result. */
export interface Extracted {
  document: Document;
  normalized: Normalized;
  chronicle: Chronicle;
}

/** What `put` did with a document. */
export type PutOutcome = "inserted" | "replaced" | "unchanged";

const ACTOR_ROLES = ["source", "target", "other"] as const;

/** Options for `put`. */
export interface PutOptions {
  /** Replace the stored rows even when the text is unchanged (after a pipeline upgrade). */
  force?: boolean;
}

/** Column values of a `sentences` row after `doc, idx`. */
type SentenceRow = [number, number, number, string, number, number, string, string];
/** Column values of an `entities` row after `doc, idx`. */
type EntityRow = [string, string, string, string, string, string];
/** Column values of an `events` row after `doc, idx` (order columns excluded). */
type EventRow = [
  string,
  string,
  string | null,
  string | null,
  string | null,
  number,
  string | null,
  string | null,
  number | null,
  string,
  string,
  number,
];
/** Column values of an `event_mentions` row after `event, idx`. */
type MentionRow = [number, number, string, string];
/** Column values of a `findings` row after `doc, idx`. */
type FindingRow = [
  string,
  string,
  string | null,
  number,
  string,
  string,
  number,
  number,
  string,
  string | null,
];

/**
 * Every row value of one document, computed from its extraction alone (see `prepareDocument`):
 * plain data and byte arrays, cheap to post from a worker thread.
 */
export interface PreparedDocument {
  id: string;
  source: string;
  title: string;
  displayTitle: string | null;
  /** SHA-256 of the raw text (`hashText`) and the pipeline that extracted it. */
  hash: string;
  pipeline: string;
  length: number;
  texts: Uint8Array;
  offsets: Uint8Array;
  structure: Uint8Array;
  counts: { timexes: number; entities: number; events: number; findings: number };
  sentences: SentenceRow[];
  entities: Array<{ row: EntityRow; names: string[] }>;
  events: Array<{
    row: EventRow;
    /** The event's `sort_key` (date key or `UNDATED_KEY`). */
    sortKey: string;
    actors: Array<[(typeof ACTOR_ROLES)[number], number, string]>;
    pairs: Array<[string, string]>;
    mentions: MentionRow[];
  }>;
  findings: FindingRow[];
}

/** The row values of an extraction (pure: no database; runs on a worker as well). */
export function prepareDocument(extracted: Extracted): PreparedDocument {
  const { document: d, normalized: n, chronicle: c } = extracted;
  const { sections, blocks, links, footnotes, references, timexes, entities } =
    documentParts(extracted);
  const monotonic = isNonDecreasing(d.rawStarts);
  const timexAt = timexBySpan(c.timexes);
  return {
    id: d.id,
    source: d.source,
    title: d.title,
    displayTitle: d.displayTitle,
    hash: hashText(d.raw),
    pipeline: pipelineFingerprint(),
    length: d.raw.length,
    texts: packTexts({ raw: d.raw, original: d.text, cn: n.cn, tw: n.tw }),
    offsets: packOffsets(d.rawStarts, d.rawEnds),
    structure: packStructure(d.raw, {
      sections,
      blocks,
      links,
      categories: d.categories.map((x) => ({
        start: x.start,
        end: x.end,
        text: x.text,
        name: x.name,
      })),
      footnotes,
      references,
      timexes,
      mentions: entities.map((x) => x.mentions),
    }),
    counts: {
      timexes: c.timexes.length,
      entities: c.entities.length,
      events: c.events.length,
      findings: c.findings.length,
    },
    sentences: d.sentences.map((x) => [
      x.block,
      x.start,
      x.end,
      storedText(d.raw, x),
      x.textStart,
      x.textEnd,
      JSON.stringify(x.footnotes),
      n.analysis.slice(x.textStart, x.textEnd),
    ]),
    entities: c.entities.map((x) => ({
      row: [x.id, x.kind, x.name, JSON.stringify(x.names), JSON.stringify(x.wiki), x.rule],
      names: entityNames(x),
    })),
    events: c.events.map((x) => {
      const value = x.date.value;
      const dateKey = value !== null && /^\d/.test(value) ? value : null;
      const position = Math.min(...x.mentions.map((m) => m.start), d.raw.length);
      // Each mention's analysis text; a text equal to it is stored as '' (see event-texts.ts).
      const analyses = x.mentions.map((m) => {
        const [from, to] = displayRange(d.rawStarts, d.rawEnds, m.start, m.end, monotonic);
        return n.analysis.slice(from, to);
      });
      return {
        row: [
          x.id,
          x.type,
          value,
          x.date.mod ?? null,
          x.date.timex,
          x.date.inferred ? 1 : 0,
          x.date.basis,
          dateKey,
          x.score,
          storedAs(x.summary, analyses[0] ?? ""),
          x.rule,
          position,
        ],
        sortKey: timelineKey(dateKey) ?? UNDATED_KEY,
        actors: ACTOR_ROLES.flatMap((role) =>
          x.actors[role].map((id, j): [(typeof ACTOR_ROLES)[number], number, string] => [
            role,
            j,
            id,
          ]),
        ),
        pairs: actorPairs(x.actors),
        mentions: x.mentions.map((m, j) => {
          const analysis = analyses[j] ?? "";
          return [m.start, m.end, storedAs(m.text, analysis), analysis];
        }),
      };
    }),
    findings: c.findings.map((x) => [
      x.kind,
      x.message,
      x.suggestion,
      x.confidence,
      JSON.stringify(x.evidence),
      x.rule,
      x.start,
      x.end,
      x.text,
      timexAt(x),
    ]),
  };
}

/**
 * A write transaction left open while documents join it one at a time (`Writer.begin`): the
 * caller can do other work between two documents (hand workers their next article) and still
 * commit many documents at once. Nothing of it is stored until `commit`.
 */
export interface WriteBatch {
  /**
   * Stores one prepared document as `putPrepared` would, inside the transaction and in a
   * savepoint of its own: a document that fails (throws) is undone alone.
   */
  put(item: PreparedDocument, options?: PutOptions): PutOutcome;
  /** Stores every document put so far, together; the batch is then closed. */
  commit(): void;
  /** Undoes every document put so far; the batch is then closed (a closed batch: no-op). */
  rollback(): void;
}

/** The writer of one connection. */
export interface Writer {
  /** Stores one extraction in one transaction. */
  put(extracted: Extracted, options?: PutOptions): PutOutcome;
  /** Stores several extractions in one transaction: all of them, or none when one fails. */
  putMany(items: readonly Extracted[], options?: PutOptions): PutOutcome[];
  /** `putMany` for documents prepared beforehand (`prepareDocument`, on a worker). */
  putPrepared(items: readonly PreparedDocument[], options?: PutOptions): PutOutcome[];
  /** Opens a `WriteBatch` (one at a time per connection). */
  begin(): WriteBatch;
}

/** Builds the prepared statements once per connection and returns the writer. */
export function createWriter(db: Database.Database): Writer {
  const s = {
    find: db.prepare<[string, string], { rowid: number; hash: string; pipeline: string }>(
      "SELECT rowid, hash, pipeline FROM documents WHERE source = ? OR id = ?",
    ),
    remove: db.prepare<[number]>("DELETE FROM documents WHERE rowid = ?"),
    rankBefore: db.prepare<[string], { rank: number }>(
      "SELECT rank FROM documents WHERE source < ? ORDER BY source DESC LIMIT 1",
    ),
    rankAfter: db.prepare<[string], { rank: number }>(
      "SELECT rank FROM documents WHERE source > ? ORDER BY source LIMIT 1",
    ),
    document: db.prepare(
      `INSERT INTO documents (id, source, title, display_title, hash, pipeline, length, raw,
         text_original, text_cn, text_tw, text_analysis, raw_starts, raw_ends, texts_z,
         offsets_z, structure_z, n_timexes, n_entities, n_events, n_findings, rank)
       VALUES (@id, @source, @title, @displayTitle, @hash, @pipeline, @length, '', '', '', '', '',
         x'', x'', @texts, @offsets, @structure, @nTimexes, @nEntities, @nEvents, @nFindings,
         @rank)`,
    ),
    sentence: db.prepare(
      `INSERT INTO sentences (doc, idx, block, start, "end", text, text_start, text_end, footnotes, analysis)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    entity: db.prepare(
      `INSERT INTO entities (doc, idx, id, kind, name, names, wiki, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    entityName: db.prepare(`INSERT OR IGNORE INTO entity_names (entity, name) VALUES (?, ?)`),
    event: db.prepare(
      `INSERT INTO events (doc, idx, id, type, date_value, date_mod, date_timex, date_inferred,
         date_basis, date_key, score, summary, rule, position, sort_key, doc_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    actor: db.prepare(
      `INSERT OR IGNORE INTO event_actors (event, role, idx, entity, sort_key, doc_key, position,
         event_idx) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    pair: db.prepare(
      `INSERT OR IGNORE INTO event_pairs (a, b, sort_key, doc_key, position, event_idx, event)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    // The next rowid of the event's band (see timelineBand): band · BAND_SPAN + n.
    eventMention: db.prepare(
      `INSERT INTO event_mentions (rowid, event, idx, start, "end", text, analysis)
       VALUES ((SELECT coalesce(max(rowid), ?) + 1 FROM event_mentions WHERE rowid >= ? AND rowid < ?),
         ?, ?, ?, ?, ?, ?)`,
    ),
    finding: db.prepare(
      `INSERT INTO findings (doc, idx, kind, message, suggestion, confidence, evidence, rule, start, "end", text, timex)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };

  /**
   * The rank of a new document with this source: the middle of its neighbours' ranks (or one
   * gap after the last); when they leave no room, every rank is numbered afresh first.
   */
  const rankFor = (source: string): number => {
    const before = s.rankBefore.get(source)?.rank ?? 0;
    const after = s.rankAfter.get(source)?.rank;
    if (after === undefined) return before + RANK_GAP;
    if (after - before >= 2) return before + Math.floor((after - before) / 2);
    db.exec(RENUMBER_DOCUMENTS);
    return rankFor(source);
  };

  const writeOne = (p: PreparedDocument, force: boolean): PutOutcome => {
    const previous = s.find.all(p.source, p.id);
    if (
      !force &&
      previous.length === 1 &&
      previous[0]?.hash === p.hash &&
      previous[0]?.pipeline === p.pipeline
    ) {
      return "unchanged";
    }
    for (const row of previous) s.remove.run(row.rowid);

    const rank = rankFor(p.source);
    const doc = Number(
      s.document.run({
        id: p.id,
        source: p.source,
        title: p.title,
        displayTitle: p.displayTitle,
        hash: p.hash,
        pipeline: p.pipeline,
        length: p.length,
        texts: p.texts,
        offsets: p.offsets,
        structure: p.structure,
        nTimexes: p.counts.timexes,
        nEntities: p.counts.entities,
        nEvents: p.counts.events,
        nFindings: p.counts.findings,
        rank,
      }).lastInsertRowid,
    );
    p.sentences.forEach((row, i) => s.sentence.run(doc, i, ...row));
    p.entities.forEach((x, i) => {
      const entity = Number(s.entity.run(doc, i, ...x.row).lastInsertRowid);
      for (const name of x.names) s.entityName.run(entity, name);
    });
    p.events.forEach((x, i) => {
      const event = Number(s.event.run(doc, i, ...x.row, x.sortKey, rank).lastInsertRowid);
      const order = [x.sortKey, rank, x.row[11], i] as const;
      for (const [role, j, id] of x.actors) s.actor.run(event, role, j, id, ...order);
      for (const [a, b] of x.pairs) s.pair.run(a, b, ...order, event);
      const base = timelineBand(x.sortKey) * BAND_SPAN;
      x.mentions.forEach((row, j) =>
        s.eventMention.run(base, base, base + BAND_SPAN, event, j, ...row),
      );
    });
    p.findings.forEach((row, i) => s.finding.run(doc, i, ...row));
    return previous.length > 0 ? "replaced" : "inserted";
  };

  const putMany = db.transaction((items: readonly PreparedDocument[], force: boolean) =>
    items.map((x) => writeOne(x, force)),
  );
  const batch = {
    begin: db.prepare("BEGIN IMMEDIATE"),
    commit: db.prepare("COMMIT"),
    rollback: db.prepare("ROLLBACK"),
  };
  const begin = (): WriteBatch => {
    if (db.inTransaction) throw new Error("a write transaction is already open");
    batch.begin.run();
    let open = true;
    const live = (): void => {
      if (!open) throw new Error("the write batch is closed");
      // Note: SQLite ends a transaction itself on some errors (a full disk); then no later put
      // may run in a transaction of its own.
      if (!db.inTransaction) throw new Error("the write transaction was rolled back");
    };
    return {
      // Note: putMany called inside the open transaction runs in a savepoint.
      put: (item, options = {}) => {
        live();
        return putMany([item], options.force === true)[0] as PutOutcome;
      },
      commit: () => {
        live();
        batch.commit.run();
        open = false;
      },
      rollback: () => {
        if (open && db.inTransaction) batch.rollback.run();
        open = false;
      },
    };
  };
  return {
    begin,
    put: (extracted, options = {}) =>
      putMany.immediate([prepareDocument(extracted)], options.force === true)[0] as PutOutcome,
    putMany: (items, options = {}) =>
      putMany.immediate(items.map(prepareDocument), options.force === true),
    putPrepared: (items, options = {}) => putMany.immediate(items, options.force === true),
  };
}
