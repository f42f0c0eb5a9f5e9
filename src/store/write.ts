/**
 * Writes extractions into the store: every row of a document in one transaction (or several
 * documents in one), replacing the rows of an earlier version of the same source.
 */
import type Database from "better-sqlite3";
import type { Chronicle, Document, Normalized } from "../model/index.js";
import { hashText } from "./hash.js";
import { pipelineFingerprint } from "../io/fingerprint.js";
import { displayRange, isNonDecreasing } from "./offsets.js";
import { packOffsets, packStructure, packTexts, storedText } from "./packed.js";
import { documentParts, entityNames } from "./pg/rows.js";
import { UNDATED_KEY } from "./events-query.js";
import { actorPairs, timexBySpan } from "./derived-keys.js";

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

/** The writer of one connection. */
export interface Writer {
  /** Stores one extraction in one transaction. */
  put(extracted: Extracted, options?: PutOptions): PutOutcome;
  /** Stores several extractions in one transaction: all of them, or none when one fails. */
  putMany(items: readonly Extracted[], options?: PutOptions): PutOutcome[];
}

/** Builds the prepared statements once per connection and returns the writer. */
export function createWriter(db: Database.Database): Writer {
  const s = {
    find: db.prepare<[string, string], { rowid: number; hash: string; pipeline: string }>(
      "SELECT rowid, hash, pipeline FROM documents WHERE source = ? OR id = ?",
    ),
    remove: db.prepare<[number]>("DELETE FROM documents WHERE rowid = ?"),
    document: db.prepare(
      `INSERT INTO documents (id, source, title, display_title, hash, pipeline, length, raw,
         text_original, text_cn, text_tw, text_analysis, raw_starts, raw_ends, texts_z,
         offsets_z, structure_z, n_timexes, n_entities, n_events, n_findings)
       VALUES (@id, @source, @title, @displayTitle, @hash, @pipeline, @length, '', '', '', '', '',
         x'', x'', @texts, @offsets, @structure, @nTimexes, @nEntities, @nEvents, @nFindings)`,
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
    eventMention: db.prepare(
      `INSERT INTO event_mentions (event, idx, start, "end", text, analysis) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    finding: db.prepare(
      `INSERT INTO findings (doc, idx, kind, message, suggestion, confidence, evidence, rule, start, "end", text, timex)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };

  const writeOne = (extracted: Extracted, force: boolean): PutOutcome => {
    const { document: d, normalized: n, chronicle: c } = extracted;
    const hash = hashText(d.raw);
    const previous = s.find.all(d.source, d.id);
    const pipeline = pipelineFingerprint();
    if (
      !force &&
      previous.length === 1 &&
      previous[0]?.hash === hash &&
      previous[0]?.pipeline === pipeline
    ) {
      return "unchanged";
    }
    for (const row of previous) s.remove.run(row.rowid);

    const { sections, blocks, links, footnotes, references, timexes, entities } =
      documentParts(extracted);
    const doc = Number(
      s.document.run({
        id: d.id,
        source: d.source,
        title: d.title,
        displayTitle: d.displayTitle,
        hash,
        pipeline,
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
        nTimexes: c.timexes.length,
        nEntities: c.entities.length,
        nEvents: c.events.length,
        nFindings: c.findings.length,
      }).lastInsertRowid,
    );
    d.sentences.forEach((x, i) =>
      s.sentence.run(
        doc,
        i,
        x.block,
        x.start,
        x.end,
        storedText(d.raw, x),
        x.textStart,
        x.textEnd,
        JSON.stringify(x.footnotes),
        n.analysis.slice(x.textStart, x.textEnd),
      ),
    );
    c.entities.forEach((x, i) => {
      const entity = Number(
        s.entity.run(
          doc,
          i,
          x.id,
          x.kind,
          x.name,
          JSON.stringify(x.names),
          JSON.stringify(x.wiki),
          x.rule,
        ).lastInsertRowid,
      );
      for (const name of entityNames(x)) s.entityName.run(entity, name);
    });

    const monotonic = isNonDecreasing(d.rawStarts);
    c.events.forEach((x, i) => {
      const value = x.date.value;
      const dateKey = value !== null && /^\d/.test(value) ? value : null;
      const position = Math.min(...x.mentions.map((m) => m.start), d.raw.length);
      const event = Number(
        s.event.run(
          doc,
          i,
          x.id,
          x.type,
          value,
          x.date.mod ?? null,
          x.date.timex,
          x.date.inferred ? 1 : 0,
          x.date.basis,
          dateKey,
          x.score,
          x.summary,
          x.rule,
          position,
          dateKey ?? UNDATED_KEY,
          d.source,
        ).lastInsertRowid,
      );
      const order = [dateKey ?? UNDATED_KEY, d.source, position, i] as const;
      for (const role of ACTOR_ROLES) {
        x.actors[role].forEach((id, j) => s.actor.run(event, role, j, id, ...order));
      }
      for (const [a, b] of actorPairs(x.actors)) s.pair.run(a, b, ...order, event);
      x.mentions.forEach((m, j) => {
        const [from, to] = displayRange(d.rawStarts, d.rawEnds, m.start, m.end, monotonic);
        s.eventMention.run(event, j, m.start, m.end, m.text, n.analysis.slice(from, to));
      });
    });

    const timexAt = timexBySpan(c.timexes);
    c.findings.forEach((x, i) =>
      s.finding.run(
        doc,
        i,
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
      ),
    );
    return previous.length > 0 ? "replaced" : "inserted";
  };

  const put = db.transaction(writeOne);
  const putMany = db.transaction((items: readonly Extracted[], force: boolean) =>
    items.map((x) => writeOne(x, force)),
  );
  return {
    put: (extracted, options = {}) => put.immediate(extracted, options.force === true),
    putMany: (items, options = {}) => putMany.immediate(items, options.force === true),
  };
}
