/** The date of an event as one table cell, with the checker's doubt about it. */
import type { Event } from "../model/index.js";
import type { FlaggedEvent } from "../query/index.js";
import { dateLabelZh } from "./date-label.js";

/** A TIMEX3 value as a reader's label (`1993年5月初`), or the value itself when it has none (`P2Y`). */
function humanDate(value: string, mod: Event["date"]["mod"] = null): string {
  return dateLabelZh(value, mod ?? null) ?? value;
}

/**
 * An event's date cell as a reader's label (`19世纪中叶`, `1923年秋`, `1970年后`): `~` before it
 * when inferred from the narrative, `?` when unknown; with a date finding `!→` and the suggested
 * date (`2008年5月25日!→2009年5月25日`), or, when the suggestion was applied, `!←` and the
 * literal date the article gives. The TIMEX3 value itself stays in the machine formats.
 */
export function dateCell(event: FlaggedEvent<Event>): string {
  const { value, mod, inferred } = event.date;
  const cell = value === null ? "?" : `${inferred ? "~" : ""}${humanDate(value, mod)}`;
  const finding = event.dateFinding;
  if (finding === undefined) return cell;
  return finding.applied === true
    ? `${cell}!←${finding.literal === undefined || finding.literal === null ? "?" : humanDate(finding.literal)}`
    : `${cell}!→${humanDate(finding.suggestion)}`;
}
