/**
 * Clock times, alone or with their date (one TIME span): 1969年7月20日20时17分
 * (1969-07-20T20:17), 下午3时 (T15:00), 晚上8点半, 凌晨4点, 9时许, 20:17:40, 次日凌晨2时, 下午约2点34分
 * (T14:34, APPROX), 十二時六分五十三秒 (T12:06:53), 21时10分04秒988毫秒 (T21:10:04.988), and
 * bare ones on the narrative's day: 9点, 13点, 零点, 8:00, 17:55:23, 2:00pm, 3pm, 1点pm, 6点30pm, 于三点, 三点钟.
 * 晚上/夜里/深夜/午夜十二点 is midnight ending the day: T24:00, written as T00:00 of the next day
 * once the day is known; 凌晨十二点/零点 is T00:00 of the day itself.
 * Must not match: 3小时 (a duration), 当时, 三点建议 and 以下3点 (counts of points), 第9点, 1点儿,
 * 一点点, 重点, 比分21:15, 一时 (a while), PM2.5, 15pm, 3pmol.
 */
import type { Parser } from "../types.js";
import { CN_NUM_CHAR } from "../numerals.js";
import { DAY_HEAD, DAY_HEAD_STARTS, dayHead, partOfDay } from "./day-head.js";
import { dayLeftOk } from "./day.js";
import { lexicon, once } from "../tables.js";
import { partOfDayStarts, partOfDayWords, num } from "./fragments.js";

const H = `(?:\\d{1,2}|${CN_NUM_CHAR}{1,3})`;
/**
 * Minutes told without 分 after the hour (三点十五, 20点15): two digits or a Chinese 十-form, closing
 * the expression (not 三点十五个, 3点15万; 三点五 may be 3.5 and is left alone).
 */
const MIN_WITHOUT_UNIT =
  "(?:[0-5]\\d|[一二三四五]?十[一二三四五六七八九]?)(?![\\d〇零一二两三四五六七八九十百千万亿个名位人岁天年月多余次届号点时分条项件种倍％%秒刻])";

/** Seconds of a minute in Chinese numerals (五, 十二, 五十三; not 六十五). */
const CN_SECOND = "(?:[一二三四五]?十[一二三四五六七八九]?|[零〇]?[一二两三四五六七八九])";

const pattern = once(
  () =>
    new RegExp(
      `${DAY_HEAD}(?:(?<pod>${partOfDayWords()})(?<approx>大约|约)?)?(?:` +
        `(?<h>${H})[时点](?<clock>钟)?(?:(?<min>${H})分(?:钟)?(?:(?<s>\\d{1,2}(?:\\.\\d+)?|${CN_SECOND})秒(?:(?<ms>\\d{1,3})毫秒)?)?|(?<half>半)|(?<q>[一三])刻|(?<whole>整)|(?<min3>${MIN_WITHOUT_UNIT}))?(?:\\s?(?<ap1>[AaPp])\\.?[Mm]\\.?(?![A-Za-z]))?` +
        `|(?<h2>\\d{1,2})[:：](?<min2>\\d{2})(?:[:：](?<s2>\\d{2}(?:\\.\\d+)?))?(?!\\d)(?:时(?!间|期|代|候))?(?:\\s?(?<ap>[AaPp])\\.?[Mm]\\.?(?![A-Za-z]))?` +
        `|(?<![\\dA-Za-z.])(?<h3>\\d{1,2})\\s?(?<ap3>[AaPp])\\.?[Mm]\\.?(?![A-Za-z\\d]))`,
      "g",
    ),
);

const starts = once(() => `${DAY_HEAD_STARTS}${CN_NUM_CHAR.slice(1, -1)}${partOfDayStarts()}`);

const endsWithAny = (text: string, words: readonly string[]): boolean =>
  words.some((w) => text.endsWith(w));
const startsWithAny = (text: string, words: readonly string[]): boolean =>
  words.some((w) => text.startsWith(w));

/**
 * Whether a clock time with no date or part of day before it is one (`before`/`after`: the text
 * around the match).
 */
function bareClock(g: Record<string, string | undefined>, before: string, after: string): boolean {
  const words = lexicon().clock;
  if (before.endsWith("第")) return false;
  if (g.h2 !== undefined) {
    // Note: h:mm is a clock unless a score or a ratio is told around it (比分21:15, 以3:1获胜).
    return (
      !endsWithAny(before.trimEnd(), words.scoreBefore) && !startsWithAny(after, words.scoreAfter)
    );
  }
  if (g.min !== undefined || g.half !== undefined || g.q !== undefined || g.whole !== undefined) {
    return true;
  }
  if (/^\s*(?:许|左右|前后)/.test(after) || g.clock !== undefined) return true;
  if (startsWithAny(after, words.nounAfter) || /^[\d〇零一二两三四五六七八九十]/.test(after)) {
    return false;
  }
  if (endsWithAny(before, words.countBefore)) return false;
  const hour = g.h ?? "";
  if (/^[0０零]$/.test(hour)) return true;
  if (/^\d+$/.test(hour)) return true;
  // Note: a Chinese-numeral hour needs a cue before it (于三点, 到六点); 一时 is "a while".
  return hour !== "一" && endsWithAny(before, words.cueBefore);
}

/**
 * The seconds of a clock time as written in TIMEX3 (53, 04.988, 36.5): Chinese numerals read
 * (五十三秒 → 53), milliseconds after the seconds (4秒988毫秒 → 04.988); after decimal seconds
 * the milliseconds are ignored (53.8秒988毫秒 → 53.8: a second fraction cannot be written).
 * Undefined without seconds.
 */
function clockSecond(s: string | undefined, ms: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const second = /^\d/.test(s) ? s : String(num(s) ?? s);
  if (ms === undefined || second.includes(".")) return second;
  return `${second.padStart(2, "0")}.${ms.padStart(3, "0")}`;
}

/** `time:zh/clock-time`. */
export const clockTime: Parser = {
  name: "clock-time",
  triggers: "时点:：mM",
  // A day head, a part of day or an hour (measured: the scan about a quarter faster).
  get starts() {
    return starts();
  },
  // Every match holds an hour before 时/点, or digits around a colon.
  gate: /[\d〇零一二两三四五六七八九十百千万廿卅][时点]|\d[:：]\d|\d\s?[ap]\.?m/i,
  get pattern() {
    return pattern();
  },
  extract(match, input) {
    const g = match.groups ?? {};
    if (g.bd !== undefined && !dayLeftOk(input.text, match.index)) return null;
    const head = dayHead(g);
    if (head === undefined) return null;
    const pod = partOfDay(g.pod);
    let hour = num(g.h ?? g.h2 ?? g.h3);
    if (hour === undefined || hour > 24) return null;
    let minute = num(g.min ?? g.min2 ?? g.min3);
    if (g.half !== undefined) minute = 30;
    if (g.q !== undefined) minute = g.q === "一" ? 15 : 45;
    if (minute !== undefined && minute > 59) return null;
    const second = clockSecond(g.s ?? g.s2, g.ms);
    const end = match.index + match[0].length;
    const before = input.text.slice(Math.max(0, match.index - 4), match.index);
    const after = input.text.slice(end, end + 4);
    const context = head.dated || pod !== undefined;
    const ap = (g.ap ?? g.ap1 ?? g.ap3)?.toLowerCase();
    // Note: am/pm after an hour makes it a clock time (3pm, 1点pm, 6点30pm).
    if (!context && ap === undefined && !bareClock(g, before, after)) return null;
    if (ap !== undefined) {
      if (hour < 1 || hour > 12) return null;
      if (ap === "p" && hour < 12) hour += 12;
      if (ap === "a" && hour === 12) hour = 0;
    }
    if (pod !== undefined) {
      // Note: 晚上十二点 is the midnight ending the day (T24:00); 凌晨十二点 starts it (T00:00).
      if (pod.code === "NI" && hour === 12) hour = 24;
      else if (pod.pm && hour < 12 && !(pod.code === "MI" && hour >= 10)) hour += 12;
      else if (!pod.pm && hour === 12 && g.pod !== "上午") hour = 0;
    }
    const point = {
      ...head.point,
      hour,
      minute: minute ?? 0,
      ...(second !== undefined ? { second } : {}),
    };
    return {
      start: match.index,
      end,
      type: "TIME",
      rule: "clock-time",
      calendar: "gregorian",
      // Note: 下午约2点34分 holds its approximation inside the span.
      mod: g.approx !== undefined ? "APPROX" : null,
      point,
      need: head.need,
      ...(head.relative !== undefined ? { relative: head.relative } : {}),
      ...(head.fromNow !== undefined ? { fromNow: head.fromNow } : {}),
    };
  },
};
