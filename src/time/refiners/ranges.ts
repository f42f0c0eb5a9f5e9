/**
 * Links the endpoints of ranges and coordinations (至/到/—/～/-, 和/及/与/或/、): each endpoint
 * stays its own timex, and a later endpoint takes missing parts from the one before it. The
 * first endpoint of a range (not of a coordination) is marked `rangeHead`.
 * A bare `一` counts as a dash only between two digit-written dates (1998一2000, a mistyped
 * dash); between Chinese numerals or words it is the numeral one.
 */
import { alternation, lexicon, once } from "../tables.js";
import type { Placed, Refiner } from "../types.js";

const connectors = once(() => {
  const lex = lexicon();
  return {
    range: new RegExp(`^\\s*(?:${alternation(lex.rangeConnectors)})\\s*$`),
    coordination: new RegExp(`^\\s*(?:${alternation(lex.coordinators)})\\s*$`),
  };
});
const DIGIT_DASH = /^\s*一\s*$/;
const ENDS_WITH_DIGITS = /\d[年月日号]?$/;
const STARTS_WITH_DIGIT = /^\d/;

/** Whether the text between two expressions joins them as the two ends of a range. */
export function rangeJoin(between: string, prev: Placed, item: Placed, text: string): boolean {
  if (connectors().range.test(between)) return true;
  return (
    DIGIT_DASH.test(between) &&
    ENDS_WITH_DIGITS.test(text.slice(prev.textStart, prev.textEnd)) &&
    STARTS_WITH_DIGIT.test(text.slice(item.textStart, item.textEnd))
  );
}

/** `time:zh/ranges`. */
export const ranges: Refiner = {
  name: "ranges",
  refine(items, input) {
    // Note: the candidates are this run's own (fresh from the parsers): marked in place, not copied.
    const out = items;
    out.forEach((item, i) => {
      const prev = out[i - 1];
      if (prev === undefined || prev.block !== item.block || prev.textEnd > item.textStart) return;
      const between = input.text.slice(prev.textEnd, item.textStart);
      const range = rangeJoin(between, prev, item, input.text);
      if (range) prev.rangeHead = true;
      if (!range && !connectors().coordination.test(between)) return;
      if (
        item.type === "DURATION" ||
        item.type === "SET" ||
        prev.type === "DURATION" ||
        prev.type === "SET"
      )
        return;
      if (item.value !== undefined || prev.value !== undefined) return;
      item.head = i - 1;
    });
    return out;
  },
};
