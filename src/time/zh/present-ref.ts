/**
 * References to the writer's present: 至今, 迄今, 今日 (直到今日; the reference day when given; 今天 is
 * `deictic-day`), 现在 (到现在), 如今, 目前, 现今.
 * Must not match: the same words inside a quotation (“…如今…”), 今日美国-like names are kept
 * out only when quoted; 至今为止 keeps only 至今.
 */
import { MarkDepth } from "../marks.js";
import { lexicon } from "../tables.js";
import type { ParseInput, Parser } from "../types.js";

const pattern = /至今|迄今|今日|如今|现今|目前|(?<![出实表体发呈])现在|当今/g;

// Note: one remembered quote scan per block (the matches of a block come in text order), so a
// block of many present references is read once, not once per match. Only a cache: the
// entries go with their block's input.
const quoteScans = new WeakMap<ParseInput, MarkDepth>();

/** Whether offset `at` of the block lies inside a quotation (`data/time/lexicon.json` quoteMarks). */
export function insideQuote(input: ParseInput, at: number): boolean {
  let scan = quoteScans.get(input);
  if (scan === undefined) {
    const { open, close } = lexicon().quoteMarks;
    scan = new MarkDepth(input.text, open, close);
    quoteScans.set(input, scan);
  }
  return scan.unbalanced(0, at);
}

/** `time:zh/present-ref`. */
export const presentRef: Parser = {
  name: "present-ref",
  triggers: "今前在",
  pattern,
  extract(match, input) {
    if (insideQuote(input, match.index)) return null;
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
