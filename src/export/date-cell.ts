/** The date of an event as one table cell, with the checker's doubt about it. */
import type { Event } from "../model/index.js";
import { dateRange, type FlaggedEvent } from "../query/index.js";
import { dateLabelZh } from "./date-label.js";
import { dateLabel } from "./markdown.js";

/** Options for `dateCell`. */
export interface DateCellOptions {
  /** Show decades and centuries as Chinese labels (`1990年代`, `19世纪`) instead of `199`, `18`. */
  labels?: boolean;
}

/** Whether a TIMEX3 value is a decade or a century, which a reader cannot take as a year. */
export function isCoarseYear(value: string | null): boolean {
  const granularity = dateRange(value)?.granularity;
  return granularity === "decade" || granularity === "century";
}

/**
 * An event's date cell: the value (`~` when inferred, `?` when unknown); with a date finding
 * `!→` and the suggested value (`2008-05-25!→2009-05-25`), or, when the suggestion was applied,
 * `!←` and the literal value the article gives (`2009-05-25!←2008-05-25`).
 */
export function dateCell(event: FlaggedEvent<Event>, options: DateCellOptions = {}): string {
  let cell = dateLabel(event);
  if (options.labels === true && isCoarseYear(event.date.value)) {
    const label = dateLabelZh(event.date.value, event.date.mod);
    if (label !== null) cell = `${event.date.inferred ? "~" : ""}${label}`;
  }
  const finding = event.dateFinding;
  if (finding === undefined) return cell;
  return finding.applied === true
    ? `${cell}!←${finding.literal ?? "?"}`
    : `${cell}!→${finding.suggestion}`;
}
