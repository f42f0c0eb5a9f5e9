/**
 * Centuries: 20世纪 (value 19), 十九世纪末 (18, END), 公元前3世纪 (-02), 21世纪初.
 * Must not match: 两个世纪 (a duration), 世纪大战 (no numeral), 一世纪前 / 一世纪之久 (one century
 * counted back, a duration; 17世纪以来 and 十九世纪前 stay centuries).
 */
import type { Parser } from "../types.js";
import { NOT_AFTER_NUMBER, num, partMod } from "./fragments.js";

const pattern = new RegExp(
  `${NOT_AFTER_NUMBER}(?<bce>公元前)?(?<!个)(?<n>\\d{1,2}|[一二]?十[一二三四五六七八九]?|[一二三四五六七八九])世纪(?!年代|\\d|[〇零一二三四五六七八九十]{1,3}年代)(?<p>中后期|中晚期|初期|中期|后期|末期|上半叶|下半叶|中叶|初|中|末)?`,
  "g",
);

/** `time:zh/century`. */
export const century: Parser = {
  name: "century",
  triggers: "纪",
  starts: "\\d一二三四五六七八九十公",
  gate: /世纪/,
  pattern,
  extract(match, input) {
    const g = match.groups ?? {};
    const end = match.index + match[0].length;
    if (
      g.n === "一" &&
      g.p === undefined &&
      /^(?:之?前|以前|之久)/.test(input.text.slice(end, end + 2))
    )
      return null;
    const n = num(g.n);
    if (n === undefined || n < 1 || n > 22) return null;
    const value = g.bce !== undefined ? -n + 1 : n - 1;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "century",
      calendar: "gregorian",
      mod: partMod(g.p),
      point: { century: value },
      need: "none",
    };
  },
};
