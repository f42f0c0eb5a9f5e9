/** Simplified/Traditional renderings of short labels (summaries, names, titles) for the page. */
import { toCnDisplay, toTwDisplay } from "../normalize/index.js";

import type { Scripted } from "./view.js";

export type { Scripted };

/** The zh-cn and zh-tw forms of a short label, converted as the article text is. */
export function scripted(text: string): Scripted {
  return { cn: toCnDisplay(text), tw: toTwDisplay(text) };
}
