/**
 * Approximation and bounds around an expression: 约/大约 before (APPROX, kept out of the span),
 * 左右/前后/许 after (APPROX, kept in the span), 不到/不足/近 before a duration (LESS_THAN, out),
 * 超过/逾 before or 以上 after a duration (MORE_THAN, out).
 */
import { alternation, lexicon, once } from "../tables.js";
import type { Refiner } from "../types.js";

const patterns = once(() => {
  const lex = lexicon();
  return {
    approxBefore: new RegExp(`(?:${alternation(lex.approxBefore)})$`),
    approxAfter: new RegExp(`^(?:${alternation(lex.approxAfter)})`),
    lessBefore: new RegExp(`(?:${alternation(lex.lessBefore)})$`),
    moreBefore: new RegExp(`(?:${alternation(lex.moreBefore)})$`),
    moreAfter: new RegExp(`^(?:${alternation(lex.moreAfter)})`),
  };
});
// Note: 约 closes words such as 条约 and 公约; it only approximates after other characters.
const NOT_APPROX = /[条公契合协盟规预节制特邀相誓简婚和密]约$/;

/** `time:zh/modifiers`. */
export const modifiers: Refiner = {
  name: "modifiers",
  refine(items, input) {
    const {
      approxBefore,
      approxAfter: approxAfterRe,
      lessBefore,
      moreBefore,
      moreAfter,
    } = patterns();
    const text = input.text;
    return items.map((item, i) => {
      const before = text.slice(Math.max(item.block.textStart, item.textStart - 3), item.textStart);
      const next = items[i + 1];
      const limit = Math.min(item.block.textEnd, next?.textStart ?? Infinity, item.textEnd + 2);
      const after = text.slice(item.textEnd, limit);
      // Note: an item without a modifier is kept as it is (a copy per candidate cost more than the test).
      const approxAfter = approxAfterRe.exec(after);
      if (approxAfter !== null && item.type !== "SET" && item.value !== "PRESENT_REF") {
        // Note: 前后 after a year range end (1990年前后) is approximation; 许 only after times and counts.
        const grown = approxAfter[0].length;
        return { ...item, textEnd: item.textEnd + grown, end: item.end + grown, mod: "APPROX" };
      }
      if (approxBefore.test(before) && !NOT_APPROX.test(before) && item.type !== "SET") {
        return { ...item, mod: "APPROX" };
      }
      if (item.type === "DURATION" && lessBefore.test(before)) return { ...item, mod: "LESS_THAN" };
      if (
        item.type === "DURATION" &&
        (moreBefore.test(before) || moreAfter.test(text.slice(item.textEnd, item.textEnd + 2)))
      ) {
        return { ...item, mod: "MORE_THAN" };
      }
      return item;
    });
  },
};
