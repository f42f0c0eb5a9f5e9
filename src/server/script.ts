/** Simplified/Traditional renderings of short labels (summaries, names, titles) for the page. */
import { toCnDisplay, toTwDisplay } from "../normalize/index.js";

/** A label in both scripts. */
export interface Scripted {
  cn: string;
  tw: string;
}

/** The zh-cn and zh-tw forms of a short label, converted as the article text is. */
export function scripted(text: string): Scripted {
  return { cn: toCnDisplay(text), tw: toTwDisplay(text) };
}
