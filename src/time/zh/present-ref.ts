/**
 * References to the writer's present: 至今, 迄今, 今日 (直到今日), 现在 (到现在), 如今, 目前, 现今.
 * Must not match: the same words inside a quotation (“…如今…”), 今日美国-like names are kept
 * out only when quoted; 至今为止 keeps only 至今.
 */
import type { Parser } from "../types.js";

const pattern = /至今|迄今|今日|今天|如今|现今|目前|(?<![出实表体发呈])现在|当今/g;

const OPEN = new Set(["“", "「", "『"]);
const CLOSE = new Set(["”", "」", "』"]);

/** Whether offset `at` of `text` lies inside a quotation. */
export function insideQuote(text: string, at: number): boolean {
  let depth = 0;
  let straight = false;
  for (let i = 0; i < at; i += 1) {
    const ch = text[i] ?? "";
    if (ch === '"') straight = !straight;
    else if (OPEN.has(ch)) depth += 1;
    else if (CLOSE.has(ch) && depth > 0) depth -= 1;
  }
  return depth > 0 || straight;
}

/** `time:zh/present-ref`. */
export const presentRef: Parser = {
  name: "present-ref",
  triggers: "今前在",
  pattern,
  extract(match, input) {
    if (insideQuote(input.text, match.index)) return null;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "present-ref",
      calendar: "gregorian",
      mod: null,
      value: "PRESENT_REF",
    };
  },
};
