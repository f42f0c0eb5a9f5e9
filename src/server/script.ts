/** Simplified/Traditional renderings of short labels (summaries, names, titles) for the page. */
import { toCnDisplay, toTwDisplay } from "../normalize/index.js";
import type { Scripted } from "./view.js";

export type { Scripted };

// Note: converting a label costs ~40 µs and the API repeats the same labels on every request,
// so conversions are memoized (bounded: the cache is dropped whole when it grows too large).
const MAX_CACHED = 50_000;
const cache = new Map<string, Scripted>();

/** The zh-cn and zh-tw forms of a short label, converted as the article text is. */
export function scripted(text: string): Scripted {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const result = { cn: toCnDisplay(text), tw: toTwDisplay(text) };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, result);
  return result;
}
