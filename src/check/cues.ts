/** The cue-word table of the checks (data/check/cues.json), loaded once. */
import { loadDataJson } from "../model/data.js";

/** Cue words that take a date off the narrative line (Simplified analysis text). */
export interface Cues {
  flashbackBefore: string[];
  flashbackSentence: string[];
  futureBefore: string[];
  futureAfter: string[];
  sinceBefore: string[];
  sinceAfter: string[];
  boundAfter: string[];
  rangeJoin: string[];
  openQuotes: string[];
  closeQuotes: string[];
  openParens: string[];
  closeParens: string[];
  modifierPrev: string[];
  modifierNext: string[];
}

let cached: Cues | null = null;

/** The shipped cue table (read from `data/check/cues.json` on first use). */
export function cues(): Cues {
  if (cached === null) {
    cached = loadDataJson<Cues>("check/cues.json");
  }
  return cached;
}
