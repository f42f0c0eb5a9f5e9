/**
 * A weekday right after a date, its own DATE with the date's value: （三）, （星期三）, 星期三, 周三;
 * a weekday alone (周三, 星期一) is the day of that name in the current week (of the reference
 * date, else of the narrative's day).
 * Must not match: （三） after a non-date, 周年, 每周一 (a set).
 */
import type { Parser } from "../types.js";

const pattern =
  /[（(](?:星期|周|礼拜)?[一二三四五六日天][)）]|(?<!每)(?:星期|礼拜)[一二三四五六日天]|(?<!每)周[一二三四五六日](?!年)/g;

/** `time:zh/weekday`. */
export const weekday: Parser = {
  name: "weekday",
  triggers: "期拜周）)",
  starts: "(（周星礼",
  pattern,
  extract(match) {
    const word = match[0];
    const bare = !/^[（(]/.test(word);
    const wd = word.endsWith("天") ? 7 : "一二三四五六日".indexOf(word.charAt(word.length - 1)) + 1;
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
      // Note: a weekday with no date right before it counts from now (the reference date, else
      // the narrative's day): 周三 → the Wednesday of that week.
      ...(bare && wd > 0
        ? { fromNow: { unit: "week" as const, offset: 0, weekday: wd, grain: "day" as const } }
        : {}),
    };
  },
};
