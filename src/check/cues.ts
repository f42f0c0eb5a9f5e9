/** The cue-word table of the checks (data/check/cues.json), loaded once. */
import { loadDataJson } from "../model/data.js";

/**
 * Cue words that take a date off the narrative line (Simplified analysis text), beyond the
 * time stage's `Timex.aside` (future, since, quote, paren, name, flashback, document) and `Timex.rangeHead`.
 */
export interface Cues {
  flashbackSentence: string[];
  boundAfter: string[];
  /** Words joining a coordination of dates (1998年、2001年和1995年). */
  listJoin: string[];
}

let cached: Cues | null = null;

/** The shipped cue table (read from `data/check/cues.json` on first use). */
export function cues(): Cues {
  if (cached === null) {
    cached = loadDataJson<Cues>("check/cues.json");
  }
  return cached;
}
