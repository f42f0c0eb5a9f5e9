/**
 * References to the writer's present: 至今, 迄今, 今日 (直到今日; the reference day when given; 今天 is
 * `deictic-day`), 现在 (到现在), 如今, 目前, 现今.
 * Must not match: the same words inside a quotation (“…如今…”), 今日美国-like names are kept
 * out only when quoted; 至今为止 keeps only 至今.
 */
import { unbalanced } from "../marks.js";
import { lexicon } from "../tables.js";
import type { Parser } from "../types.js";

const pattern = /至今|迄今|今日|如今|现今|目前|(?<![出实表体发呈])现在|当今/g;

/** Whether offset `at` of `text` lies inside a quotation (`data/time/lexicon.json` quoteMarks). */
export function insideQuote(text: string, at: number): boolean {
  const { open, close } = lexicon().quoteMarks;
  return unbalanced(text.slice(0, at), open, close);
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
      // Note: with a reference date 今日 is that day.
      ...(match[0] === "今日"
        ? { fromNow: { unit: "day" as const, offset: 0, grain: "day" as const } }
        : {}),
    };
  },
};
