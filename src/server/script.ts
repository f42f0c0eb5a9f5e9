/** Simplified/Traditional renderings of short labels (summaries, names, titles) for the page. */
import * as OpenCC from "opencc-js";

const toCn = OpenCC.Converter({ from: "tw", to: "cn" });
const toTw = OpenCC.Converter({ from: "cn", to: "tw" });

/** A label in both scripts. */
export interface Scripted {
  cn: string;
  tw: string;
}

/** The Simplified and Traditional forms of a short label (display only; offsets are not kept). */
export function scripted(text: string): Scripted {
  return { cn: toCn(text), tw: toTw(toCn(text)) };
}
