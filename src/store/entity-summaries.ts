/**
 * Entity rows of several documents merged into one summary per entity id: names and wiki
 * targets in first-seen order, events summed, documents listed once. Both backends read the
 * same rows (`id, kind, name, names, wiki, rule, doc_id, n_events`, ordered by id and document).
 */
import type { EntityKind, EntitySummary } from "../model/index.js";

/** One entity row of one document, as both stores select it. */
export interface EntityRow {
  id: string;
  kind: string;
  name: string;
  /** JSON array of names. */
  names: string;
  /** JSON array of wiki targets. */
  wiki: string;
  rule: string;
  doc_id: string;
  /** Number (or, from PostgreSQL, numeric text) of the document's events it takes part in. */
  n_events: number | string;
}

/** `a` followed by the items of `b` it lacks. */
function union(a: string[], b: string[]): string[] {
  const seen = new Set(a);
  return [...a, ...b.filter((x) => !seen.has(x) && (seen.add(x), true))];
}

/** The rows merged by entity id, in the order of their first row. */
export function mergeEntityRows(rows: readonly EntityRow[]): EntitySummary[] {
  const byId = new Map<string, EntitySummary>();
  for (const r of rows) {
    let summary = byId.get(r.id);
    if (summary === undefined) {
      summary = {
        id: r.id,
        kind: r.kind as EntityKind,
        name: r.name,
        names: [],
        wiki: [],
        rule: r.rule,
        events: 0,
        docs: [],
      };
      byId.set(r.id, summary);
    }
    summary.names = union(summary.names, JSON.parse(r.names) as string[]);
    summary.wiki = union(summary.wiki, JSON.parse(r.wiki) as string[]);
    summary.events += Number(r.n_events);
    if (!summary.docs.includes(r.doc_id)) summary.docs.push(r.doc_id);
  }
  return [...byId.values()];
}
