/**
 * Durations: one or more count+unit parts, exact or vague.
 * Matches: 两年 (P2Y), 一年多 (P1Y, MORE_THAN), 5个月 (P5M), 3天, 两周, 24小时 (PT24H),
 * 一个星期又三天 (P10D), 一个半小时 (PT1H30M), 廿七个月 (P27M), 1刻钟 (PT15M), 两年半 (P2Y6M),
 * 好几天 (PXD), 马上一年半 (P1Y6M: 马上 is "almost", not 上一年), 两个半月 (P2M15D), 三天半 (P3DT12H),
 * 8天3小时18分 (P8DT3H18M), 数十年 (PXDE), 几个月 (PXM), 几分钟 (PTXM), 多年 (PXY), 几百年 (PXCE),
 * 60周年 (P60Y: an anniversary counts years), 半年 (P6M), 十余年 (P10Y, MORE_THAN), 十几年 (P10Y, MORE_THAN, as 十多年), 1个多小时 (PT1H,
 * MORE_THAN), 半个世纪 (P50Y: a fraction of a century in years), 数日 / 几日 / 多日 (PXD), 数月 (PXM).
 * Must not match: 1999年 (a date; the date parser wins on the same span), 08年 / 零八年 (a count
 * has no leading zero: a two-digit year), 三年级, 周年纪念 (no count), 第70周年, 两次,
 * 享年76岁, 立刻, 三日 (a day of the month as often as a count), 几月 (which month), 绕行月球30周
 * (laps, after 绕/环绕/绕行 in the clause).
 */
import { parseNumber } from "../numerals.js";
import { LEADING_ZERO } from "./fragments.js";
import type { Parser } from "../types.js";

// Note: 绕 covers 环绕 and 绕行.
const LAPS = /绕/;

/** The clause before offset `at` (back to a clause mark, at most 30 characters). */
function clauseBefore(text: string, at: number): string {
  const head = text.slice(Math.max(0, at - 30), at);
  const cut = Math.max(...["，", "。", "；", "！", "？", "\n"].map((c) => head.lastIndexOf(c)));
  return head.slice(cut + 1);
}

// Quantities: a count, 半, or a vague count.
const QTY_ALT =
  "十几|几十|数十|数百|几百|上百|数千|几千|上千|若干|许多|好几|\\d{1,3}(?:\\.\\d+)?|[〇零一二两三四五六七八九十百千廿卅]{1,4}|[半几数多]";
const QTY = `(?:${QTY_ALT})`;
const UNIT_ALT =
  "个昼夜|昼夜|个多月|个半月|个月|个季度|个半(?:小时|钟头|星期|礼拜|世纪)|个多(?:小时|钟头|星期|礼拜|世纪)|刻钟|周年|年(?![代级度]|计划)|周(?![一二三四五六日天末年岁])|个星期|星期(?![一二三四五六日天])|个礼拜|天|个小时|小时|个钟头|钟头|分钟|分(?=[\\d，。；、）)多余钟]|$)|秒钟|秒|个世纪|世纪(?![末初中])";
const UNIT = `(?:${UNIT_ALT})`;
const PART = `${QTY}[多余]?${UNIT}[多余半]?`;
// A bare 日/月 is a unit only after a vague count (数日, 几日, 多日, 数月), never alone (三日, 几月).
const VAGUE_DAYS = "(?:[几数多]|十几|好几|若干)日(?![本元圆报])|数月(?![份底初中末])";
// A counted 日 is a span of days before 内/以内/之内 (三日内回覆, 60日内, 五十日以内; not 日内瓦, nor
// 4日内阁决定, 10日内战爆发, 内政/内务/内蒙/内地/内陆/内部/内讧/内乱) or
// after a verb of lasting (一连八日, 持续42日, 激战一日, 暴尸三日, 血战3日夜); never after a month
// or 初 (三月十日内, 初三日内). Dev: opium-destruction-humen, korean-armistice, portsmouth,
// us-japan-security-treaty (内); opium-destruction-humen, triangle-hill, tachen-evacuation,
// imo-incident, dengbu (verbs).
const DAY_COUNT = "(?:\\d{1,3}|[一二两三四五六七八九十百廿卅]{1,4})";
const COUNTED_DAYS = `(?<![月初\\d一二两三四五六七八九十廿卅])${DAY_COUNT}日(?=[以之]?内(?![瓦阁政务战蒙地陆部讧乱]))|(?<=(?:一连|连续|持续|历时|激战|血战|苦战|鏖战|相持|暴尸)了?)${DAY_COUNT}(?:日夜|日)(?![本元圆报])`;
// 昼夜 is a day (一昼夜, 9个昼夜). Dev: battle-of-sanhe, white-horse-hill.
// Note: parts may be joined by 又/零 (一个星期又三天, 两小时零五分).
const pattern = new RegExp(
  `(?<![\\d.第每这那某哪]|最后)(?:${PART}(?:[又零]?${PART}){0,3}|${VAGUE_DAYS}|${COUNTED_DAYS})`,
  "g",
);
const partPattern = new RegExp(
  `[又零]?(?<q>${QTY_ALT})(?<more>[多余])?(?<u>${UNIT_ALT}|日夜|[日月])(?<after>[多余半])?`,
  "y",
);

type Code = "Y" | "Q" | "M" | "W" | "D" | "H" | "MIN" | "S" | "CE";

function unitCode(unit: string): Code {
  // Note: an anniversary counts years (60周年 → P60Y), as the corpus gold does.
  if (unit === "周年") return "Y";
  if (unit.includes("昼夜") || unit === "日夜") return "D";
  if (unit.includes("季")) return "Q";
  if (unit.includes("月")) return "M";
  if (unit === "日") return "D";
  if (unit === "年") return "Y";
  if (unit.includes("周") || unit.includes("星期") || unit.includes("礼拜")) return "W";
  if (unit === "天" || unit === "日") return "D";
  if (unit.includes("时") || unit.includes("钟头")) return "H";
  if (unit.startsWith("分") || unit === "刻钟") return "MIN";
  if (unit.startsWith("秒")) return "S";
  return "CE";
}

const VAGUE: Record<string, string> = {
  几十: "DE",
  数十: "DE",
  数百: "CE",
  几百: "CE",
  上百: "CE",
  数千: "ML",
  几千: "ML",
  上千: "ML",
};

const DATE_UNITS = ["ML", "CE", "DE", "Y", "M", "W", "D"];
const TIME_UNITS = ["H", "M", "S"];

/**
 * One ISO part string (`1Y6M3M`, `12H3H`) with the amounts of each unit summed and the units in
 * `order`; left as it is when a unit holds both a vague (X) and a counted amount, or when it holds
 * anything else.
 */
function sumUnits(part: string, order: readonly string[]): string {
  const sums = new Map<string, number | "X">();
  let read = 0;
  for (const m of part.matchAll(/(\d+(?:\.\d+)?|X)(ML|CE|DE|[YMWDHS])/g)) {
    const [whole, amount = "", unit = ""] = m;
    if (m.index !== read || !order.includes(unit)) return part;
    read += whole.length;
    const had = sums.get(unit);
    if (amount === "X" || had === "X") {
      if (had !== undefined) return part;
      sums.set(unit, "X");
    } else sums.set(unit, (had ?? 0) + Number(amount));
  }
  if (read !== part.length) return part;
  return order
    .filter((u) => sums.has(u))
    .map((u) => `${String(sums.get(u))}${u}`)
    .join("");
}

/** `time:zh/duration`. */
export const duration: Parser = {
  name: "duration",
  triggers: "年月周期拜天时钟分秒纪日季昼",
  starts: "\\d〇零一二两三四五六七八九十百千廿卅半几数多上若许好",
  // Every match holds a count's last character, 多/余 or not, then a unit's first character.
  gate: /[\d〇零一二两三四五六七八九十百千廿卅半几数多干][多余]?[个刻年周星天小钟分秒世昼]|[\d一二两三四五六七八九十百廿卅几数多干]日|数月/,
  pattern,
  extract(match, input) {
    const text = match[0];
    // A count is never written with a leading zero: 08年, 零八年 are years.
    if (LEADING_ZERO.test(text)) return null;
    // Note: 绕行月球30周 counts laps, not weeks.
    if (/周$/.test(text) && LAPS.test(clauseBefore(input.text, match.index))) return null;
    let pos = 0;
    let date = "";
    let time = "";
    let more = false;
    const parts: string[] = [];
    while (pos < text.length) {
      partPattern.lastIndex = pos;
      const m = partPattern.exec(text);
      if (m === null) return null;
      pos = partPattern.lastIndex;
      const g = m.groups ?? {};
      const q = g.q ?? "";
      const code = unitCode(g.u ?? "");
      if (parts.includes(code)) return null;
      parts.push(code);
      if (
        g.more !== undefined ||
        g.after === "多" ||
        g.after === "余" ||
        (g.u ?? "").includes("多")
      )
        more = true;
      let amount: string;
      let unit: string = code === "MIN" || code === "Q" ? "M" : code;
      if (q in VAGUE && (code === "Y" || code === "CE")) {
        amount = "X";
        unit = VAGUE[q] ?? unit;
      } else if (q === "十几") {
        // Note: 十几年 reads as 十多年 (P10Y, MORE_THAN), as the corpus gold does.
        amount = "10";
        more = true;
      } else if (/^(?:[几数多]|许多|若干|好几)$/.test(q)) {
        if (q === "多" && code !== "Y" && code !== "D") return null;
        amount = "X";
      } else if (q === "半") {
        if (code === "Q") return null;
        if (code === "CE") {
          amount = "50";
          unit = "Y";
        } else if (code === "Y") {
          amount = "6";
          unit = "M";
        } else if (code === "H") {
          amount = "30";
          unit = "M";
        } else if (code === "M") {
          // Note: half a month is written in days, half a day in hours (see the halves below).
          amount = "15";
          unit = "D";
        } else if (code === "D") {
          time += "12H";
          continue;
        } else amount = "0.5";
      } else {
        const n = /^\d/.test(q) ? Number.parseFloat(q) : parseNumber(q);
        if (n === null || Number.isNaN(n) || n === 0) return null;
        let value = n;
        if (g.after === "半" || (g.u ?? "").includes("半")) value += 0.5;
        // Note: a quarter of an hour (1刻钟, 三刻钟) counts 15 minutes; a quarter of a year 3 months.
        if (g.u === "刻钟") value *= 15;
        if (code === "Q") value *= 3;
        amount = String(value);
        // Note: a fraction of a century is told in years (一个半世纪 → P150Y).
        if (code === "CE" && value % 1 !== 0) {
          amount = String(value * 100);
          unit = "Y";
        }
        // Note: a half of a year, a month or a day is written in the next unit, as the corpus gold
        // does (10年半 → P10Y6M: sampoong-collapse; 两个半月 → P2M15D: iwo-jima; 半年 → P6M:
        // china-merchants-steam-navigation, huaxinghui, treaty-of-aigun; 半日 → PT12H).
        if (value % 1 === 0.5 && (code === "Y" || code === "M" || code === "D")) {
          const whole = Math.floor(value);
          const half = code === "Y" ? "6M" : code === "M" ? "15D" : "";
          amount = `${whole > 0 ? `${whole}${unit}` : ""}${half === "" ? "" : half.slice(0, -1)}`;
          unit = half === "" ? "" : half.slice(-1);
          if (code === "D") time += "12H";
          if (amount === "") {
            continue;
          }
        }
        // Note: half hours are written as minutes, as the corpus gold does (两个半小时 → PT2H30M).
        if (code === "H" && value % 1 === 0.5) {
          amount = `${value > 1 ? `${Math.floor(value)}H` : ""}30`;
          unit = "M";
        }
      }
      if (code === "H" || code === "MIN" || code === "S") {
        time += `${amount}${unit}`;
      } else {
        date += `${amount}${unit}`;
      }
    }
    // Note: a lone 年 with a 4-digit count is a date, not a duration (the date parser covers it).
    if (/^\d{4}年$/.test(text)) return null;
    // Note: a lone 分 is money (元8角1分) as often as minutes; only 分钟 or 小时…分 count.
    if (parts.length === 1 && /\d分$|[^钟]分$/.test(text) && !text.endsWith("分钟")) return null;
    // Note: ISO 8601 has no weeks beside days: 一个星期又三天 → P10D.
    date = date.replace(
      /(\d+(?:\.\d+)?)W(\d+(?:\.\d+)?)D/,
      (_, w: string, d: string) => `${Number(w) * 7 + Number(d)}D`,
    );
    // Note: a half written in the next unit may meet a part of that unit (一年半零三个月: 6M + 3M;
    // 一天半又三小时: 12H + 3H): the amounts of one unit are summed (P1Y9M, P1DT15H), not carried.
    date = sumUnits(date, DATE_UNITS);
    time = sumUnits(time, TIME_UNITS);
    const value = `P${date}${time === "" ? "" : `T${time}`}`;
    return {
      start: match.index,
      end: match.index + text.length,
      type: "DURATION",
      rule: "duration",
      calendar: "gregorian",
      mod: more ? "MORE_THAN" : null,
      value,
    };
  },
};

// Note: the match starts at the connector (a cheap first character); the count is read behind it.
const rangeHeadPattern = new RegExp(
  `(?<=(?<![\\d.第每这那某哪])(?<lo>\\d{1,3}|[一二两三四五六七八九十百千]{1,4})(?<sp>\\s*))[~～\\-－—–至到]\\s*(?=(?:\\d{1,3}|[一二两三四五六七八九十百千]{1,4})(?<u>${UNIT_ALT}))`,
  "g",
);

/**
 * `time:zh/duration` for the first end of a range of durations: 3~6个月 (3 → P3M, beside 6个月 →
 * P6M), 三至五年, 1-2天.
 * Must not match: 3~6 with no unit after the second number, 1.5-2小时 (a decimal before).
 */
export const durationRangeHead: Parser = {
  name: "duration",
  triggers: "~～-－—–至到",
  starts: "~～\\-－—–至到",
  pattern: rangeHeadPattern,
  extract(match) {
    const g = match.groups ?? {};
    const lo = g.lo ?? "";
    const n = /^\d/.test(lo) ? Number.parseInt(lo, 10) : parseNumber(lo);
    const unit = g.u ?? "";
    if (n === null || n === 0 || unit.includes("半") || unit.includes("多")) return null;
    const code = unitCode(unit);
    if (code === "CE") return null;
    const letter = code === "MIN" ? "M" : code;
    const time = code === "H" || code === "MIN" || code === "S";
    const start = match.index - (g.sp ?? "").length - lo.length;
    return {
      start,
      end: start + lo.length,
      type: "DURATION",
      rule: "duration",
      calendar: "gregorian",
      mod: null,
      value: `P${time ? "T" : ""}${n}${letter}`,
    };
  },
};
