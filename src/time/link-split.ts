/**
 * A date written across a wiki link's edge (`[2013年9月](…)25日`, `同年[…](…)7月19日`,
 * `光绪十六年](…)[二月十六日`) is two expressions: the guide keeps every span inside visible prose,
 * so no span holds a link's target or bracket. The piece before the edge states a year or a
 * month on its own and gets the value cut to it (2013-09, 1905); the piece after it keeps the
 * whole value (2013-09-25); asked again from the edge, it finds the next one
 * (`[1894年](…)[7月](…)25日` is three pieces). A link holding only an era's name (`[光绪](…)十四年`) or 农历 is
 * not a piece: nothing is split. Dev: change-3, ganghwa-island-incident, huaxinghui, mawei,
 * portsmouth, opium-destruction-humen, xue-fucheng.
 */
import type { Document } from "../model/index.js";

/** Where a split falls: display offsets of the first piece's end and the second piece's start. */
export interface LinkEdge {
  /** Display offset where the first piece ends and the second begins. */
  at: number;
  /** The first piece's value. */
  headValue: string;
}

// The first piece closes on a year or a month that it counts or names (2013年9月, 同年, 光绪十六年),
// not on an era's name alone.
const HEAD_END =
  /[\d〇零一二两三四五六七八九十百廿卅元同当该次翌本这去前]年$|[\d〇零一二两三四五六七八九十正腊冬]月$/;
// The second piece goes on with a count (25日, 7月19日, 二月十六日, 正月廿五).
const TAIL_START = /^[\d〇零一二两三四五六七八九十正腊冬廿初]/;
// Hidden markup that is a link's edge: its closing `](…)`, or an opening `[`.
const LINK_EDGE = /\]\(|\[/;
const LATE_LUNAR = /^(?:十[一二]|[腊冬])月/;

/**
 * The link edge splitting the expression at display `[textStart, textEnd)` into two pieces, with
 * the first piece's value, or undefined. `analysis` is the analysis text; `value` the whole value;
 * `lunarMonthValue` a lunar day's month value (`Candidate.lunarMonthValue`).
 */
export function linkEdge(
  doc: Document,
  analysis: string,
  textStart: number,
  textEnd: number,
  value: string,
  calendar: string,
  lunarMonthValue?: string,
): LinkEdge | undefined {
  // Note: a yearless value (XXXX-09-25) splits too; its pieces keep XXXX. Read at the first
  // hidden gap (most expressions have none: no pattern runs for them).
  let year: RegExpExecArray | null | undefined;
  for (let p = textStart + 1; p < textEnd; p += 1) {
    const gapStart = doc.rawEnds[p - 1] ?? 0;
    const gapEnd = doc.rawStarts[p] ?? 0;
    if (gapEnd <= gapStart) continue;
    year ??= /^(?:-?\d{4}|XXXX)/.exec(value);
    if (year === null) return undefined;
    if (!LINK_EDGE.test(doc.raw.slice(gapStart, gapEnd))) continue;
    const head = analysis.slice(textStart, p);
    const tail = analysis.slice(p, textEnd);
    if (!HEAD_END.test(head) || !TAIL_START.test(tail)) return undefined;
    if (head.endsWith("月")) {
      // Note: a lunar month has a value of its own, not the converted day's month.
      if (lunarMonthValue !== undefined) return { at: p, headValue: lunarMonthValue };
      if (!/^(?:-?\d{4}|XXXX)-\d{2}/.test(value)) return undefined;
      return { at: p, headValue: value.slice(0, year[0].length + 3) };
    }
    if (year[0] === "XXXX") return { at: p, headValue: "XXXX" };
    let y = Number.parseInt(year[0], 10);
    // Note: a late lunar month of an era year may fall in the next Gregorian year.
    if (calendar === "lunar" && LATE_LUNAR.test(tail) && /^-?\d{4}-0[12]/.test(value)) y -= 1;
    const sign = y < 0 ? "-" : "";
    return { at: p, headValue: `${sign}${String(Math.abs(y)).padStart(4, "0")}` };
  }
  return undefined;
}
