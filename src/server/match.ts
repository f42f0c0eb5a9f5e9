/** Where a search text shows in a hit's display text (what the page highlights). */
import { foldCase } from "../model/index.js";
import { scripted, type Scripted } from "./script.js";

/** A span of a hit's display text (same offsets in both scripts). */
export interface Match {
  start: number;
  end: number;
}

/**
 * The first place of `q` in `display`, found as the search finds it: in either script, then
 * case-insensitively (`UN` finds "un" and "Un"), then — for a query of several terms — the first
 * term that shows. Null when none shows (a hit matched through text the display leaves out).
 */
export function locateMatch(display: Scripted, q: string): Match | null {
  const terms = [q, ...q.split(/\s+/).filter((term) => term !== "" && term !== q)];
  for (const term of terms) {
    const needle = scripted(term);
    const tries: Array<[string, string]> = [
      [display.cn, needle.cn],
      [display.tw, needle.tw],
      [display.cn, term],
      [display.tw, term],
    ];
    for (const [text, sought] of tries) {
      const at = text.indexOf(sought);
      if (at >= 0) return { start: at, end: at + sought.length };
    }
    for (const [text, sought] of tries) {
      const at = foldedIndex(text, sought);
      if (at >= 0) return { start: at, end: at + sought.length };
    }
  }
  return null;
}

/** `text.indexOf(sought)` on case-folded forms, when folding keeps both lengths (offsets hold). */
function foldedIndex(text: string, sought: string): number {
  const t = foldCase(text);
  const s = foldCase(sought);
  if (t.length !== text.length || s.length !== sought.length) return -1;
  return t.indexOf(s);
}
