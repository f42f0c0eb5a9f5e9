/** The cooperation–conflict series of an actor pair: per year, the sum and count of event scores. */
import type { EventHit } from "../model/store.js";

/** One year of a pair's series. */
export interface PairYear {
  year: number;
  /** Sum of the scores of scored events dated in that year. */
  sum: number;
  /** Number of scored events dated in that year. */
  count: number;
  /** Ids (`doc:event`) of those events. */
  events: string[];
}

/** A pair's series plus what could not be placed in it. */
export interface PairSeries {
  years: PairYear[];
  /** Events of an unscored type (policy, leadership_change, other). */
  unscored: number;
  /** Scored events without a year-precise date (undated, decades, centuries). */
  undated: number;
}

const YEAR = /^(-?\d{4})(?:-|$)/;

/** Groups events by the year of their date value and sums their scores, years ascending. */
export function pairSeries(events: readonly EventHit[]): PairSeries {
  const byYear = new Map<number, PairYear>();
  let unscored = 0;
  let undated = 0;
  for (const event of events) {
    if (event.score === null) {
      unscored += 1;
      continue;
    }
    const match = YEAR.exec(event.date.value ?? "");
    if (!match?.[1]) {
      undated += 1;
      continue;
    }
    const year = Number(match[1]);
    const row = byYear.get(year) ?? { year, sum: 0, count: 0, events: [] };
    row.sum = Math.round((row.sum + event.score) * 100) / 100;
    row.count += 1;
    row.events.push(`${event.doc}:${event.id}`);
    byYear.set(year, row);
  }
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  return { years, unscored, undated };
}
