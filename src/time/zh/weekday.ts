/**
 * A weekday right after a date, its own DATE with the date's value: （三）, （星期三）, 星期三, 周三.
 * Must not match: a weekday with no date right before it, （三） after a non-date, 周年.
 */
import type { Parser } from "../types.js";

const pattern =
  /[（(](?:星期|周|礼拜)?[一二三四五六日天][)）]|(?:星期|礼拜)[一二三四五六日天]|周[一二三四五六日](?!年)/g;

/** `time:zh/weekday`. */
export const weekday: Parser = {
  name: "weekday",
  triggers: "期拜周）)",
  pattern,
  extract(match) {
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "weekday",
      calendar: "gregorian",
      mod: null,
      point: {},
      need: "date",
      relative: { unit: "day", offset: 0 },
      note: "weekday",
    };
  },
};
