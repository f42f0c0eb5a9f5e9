/**
 * Links the endpoints of ranges and coordinations (至/到/—/～/-, 和/及/与/或/、): each endpoint
 * stays its own timex, and a later endpoint takes missing parts from the one before it.
 * A bare `一` counts as a dash only between two digit-written dates (1998一2000, a mistyped
 * dash); between Chinese numerals or words it is the numeral one (三月一五月 is not a range).
 */
import type { Placed, Refiner } from "../types.js";

const CONNECTOR = /^\s*(?:[至到—–\-－~～、和及与或]|以及|起至)\s*$/;
const DIGIT_DASH = /^\s*一\s*$/;
const ENDS_WITH_DIGITS = /\d[年月日号]?$/;
const STARTS_WITH_DIGIT = /^\d/;

/** Whether the text between two dates joins them as a range or coordination. */
export function joins(between: string, prev: Placed, item: Placed, text: string): boolean {
  if (CONNECTOR.test(between)) return true;
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
    return items.map((item, i) => {
      const prev = items[i - 1];
      if (prev === undefined || prev.block !== item.block) return item;
      if (
        item.type === "DURATION" ||
        item.type === "SET" ||
        prev.type === "DURATION" ||
        prev.type === "SET"
      )
        return item;
      if (item.value !== undefined || prev.value !== undefined) return item;
      const between = input.text.slice(prev.textEnd, item.textStart);
      if (!joins(between, prev, item, input.text)) return item;
      return { ...item, head: i - 1 };
    });
  },
};
