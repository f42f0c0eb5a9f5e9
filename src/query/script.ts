/** Script folding for matching: text in Simplified script (the normalize stage's tw→cn converter). */
import { toSimplified } from "../normalize/index.js";

/** The text in Simplified script, lower-cased, for comparing names and queries across scripts. */
export function foldScript(text: string): string {
  return toSimplified(text).toLowerCase();
}
