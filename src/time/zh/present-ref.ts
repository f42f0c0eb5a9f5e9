/**
 * References to the writer's present: 至今, 迄今, 今日 (直到今日; the reference day when given; 今天 is
 * `deictic-day`), 现在 (到现在), 如今, 目前, 现今, 现时; 今/现 glossing a place's present name
 * right after an opening parenthesis (芝罘（今烟台）, （现名友谊关）) and 现 before a verb of
 * keeping (现藏于台北, 现典藏于); 近年 (近年来) is the recent past, PAST_REF.
 * Must not match: the same words inside a quotation (“…如今…”), 今日美国-like names are kept
 * out only when quoted; 至今为止 keeps only 至今.
 */
import { MarkDepth } from "../marks.js";
import { lexicon } from "../tables.js";
import type { ParseInput, Parser } from "../types.js";

// Note: no lookbehind (every position would test it): the gloss takes its parenthesis and the
// words' left edges are checked in `extract`. The gloss 今/现 must not start a word of its own
// (（今天）, （现代）, （现金）).
const pattern =
  /至今|迄今|今日|如今|现今|目前|现在|现时(?![期代间段])|当今|[（(]\s*\[?[今现](?![天年日后晚早夜世生代金任役行钱象场实有况])(?=[[\u4e00-\u9fff])|现(?=典藏|收藏|保存|藏于|存于)|近年(?![底末关终初级代份])/g;
// 现在/现时 closing another word (出现在, 表现时); 近年 in 接近年底, 临近年关.
const NOT_BEFORE: Record<string, RegExp> = { 现: /[出实表体发呈展再]$/u, 近: /[接临将靠最]$/u };

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
  triggers: "今前在现近",
  starts: "(（今如当现目至迄近",
  pattern,
  extract(match, input) {
    // A gloss starts after its parenthesis: （今[烟台].
    const start = /^[（(]/.test(match[0]) ? match.index + match[0].length - 1 : match.index;
    const word = input.text.slice(start, match.index + match[0].length);
    const notBefore = NOT_BEFORE[word.charAt(0)];
    if (start === match.index && notBefore?.test(input.text.slice(Math.max(0, start - 1), start)))
      return null;
    if (insideQuote(input, start)) return null;
    return {
      start,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "present-ref",
      calendar: "gregorian",
      mod: null,
      value: word === "近年" ? "PAST_REF" : "PRESENT_REF",
      // Note: with a reference date 今日 is that day.
      ...(word === "今日"
        ? { fromNow: { unit: "day" as const, offset: 0, grain: "day" as const } }
        : {}),
    };
  },
};
