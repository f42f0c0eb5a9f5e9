/**
 * Narrative anchoring: fills the missing parts of underspecified dates from the narrative line
 * and resolves every value. Bare months/days and 同年 take the year of the last expression that
 * stated a year; bare days the month of the last dated month; 同日/次日/一天后 and bare clock
 * times the last day; range endpoints their first endpoint. Asides resolve but do not move the
 * line; each reference item has a line of its own, from the focal time. A bare month/day whose year comes from a
 * pre-1873 Japanese era year (or its Gregorian gloss) is lunisolar: 安政2年（1855年）9月16日 →
 * 1855-10-26 (see `traditionalMonthDays` in data/time/eras.json).
 */
import { holidayDate, lunarToGregorian } from "../lunar.js";
import { fromNow } from "../now.js";
import { nearestYear } from "../zh/sexagenary-year.js";
import { fromJulian, writtenJulian } from "./julian.js";
import type { FromNow, Placed, Point, Refiner } from "../types.js";
import { addDays, pointValue } from "../value.js";

/**
 * The year ending in `yy` nearest `near` (within 50 years of it); 1930–2029 without one.
 */
export function nearestCentury(yy: number, near: number | undefined): number {
  const center = near ?? 1980;
  const base = center - ((((center - yy) % 100) + 100) % 100);
  return center - base > 50 ? base + 100 : base;
}

function resolveFrom(item: Placed, from: Point | undefined, reference?: number): Point | undefined {
  const point: Point = { ...(item.point ?? {}) };
  const rel = item.relative;
  if (item.need === "year" || item.need === undefined) {
    if (item.shortYear !== undefined) {
      point.year = nearestCentury(item.shortYear, from?.year ?? reference);
      return point;
    }
    if (item.sexagenary !== undefined) {
      if (from?.year === undefined) return point;
      point.year = nearestYear(item.sexagenary, from.year);
      return point;
    }
    if (from?.year !== undefined && point.year === undefined) {
      point.year = from.year + (rel?.unit === "year" ? rel.offset : 0);
    }
  } else if (item.need === "year-month") {
    if (from?.month === undefined) return point;
    let month = from.month + (rel?.unit === "month" ? rel.offset : 0);
    let year = from.year;
    if (month > 12) {
      month -= 12;
      if (year !== undefined) year += 1;
    }
    if (year !== undefined) point.year = year;
    point.month = month;
  } else if (item.need === "date") {
    if (from?.day === undefined || from.month === undefined) return point;
    const offset = rel?.unit === "day" ? rel.offset : 0;
    if (from.year !== undefined) {
      const d = addDays(from.year, from.month, from.day, offset);
      point.year = d.year;
      point.month = d.month;
      point.day = d.day;
    } else if (offset === 0) {
      point.month = from.month;
      point.day = from.day;
    }
  }
  return point;
}

const GLOSS = /^\s*[（(]\s*$/;

/**
 * The Gregorian day of a month/day in Chinese numerals when the full date glossing it right after
 * (二月十一（1839年3月25日）, 十月初九日（1858年11月14日）) is its lunar reading in the gloss's year or
 * the year before; null otherwise. The gloss then marks its passage as lunar: the month/days in
 * Chinese numerals that take their year from it are lunar too (四月二十一日, a day before
 * 四月廿二（1839年6月3日）). Glosses of this form in dev opium-destruction-humen, battle-of-sanhe,
 * xue-fucheng (all 14 agree with the lunar reading).
 */
function glossedLunar(item: Placed, next: Placed | undefined, text: string): Point | null {
  const written = text.slice(item.textStart, item.textEnd);
  const p = item.point;
  const g = next?.point;
  if (next === undefined || next.need !== "none" || g === undefined) return null;
  if (item.rule !== "month-day" || p?.month === undefined || p.day === undefined) return null;
  if (/\d/u.test(written) || g.year === undefined || g.month === undefined || g.day === undefined)
    return null;
  if (!GLOSS.test(text.slice(item.textEnd, next.textStart))) return null;
  for (const year of [g.year, g.year - 1]) {
    const solar = lunarToGregorian(year, { month: p.month, leap: false, day: p.day });
    if (solar?.year === g.year && solar.month === g.month && solar.day === g.day) {
      next.lunarNumerals = true;
      return { ...solar };
    }
  }
  return null;
}

/**
 * Whether a date can be the document's focal time: a stated date of month or day precision in the
 * lead paragraph, on the narrative line (是于2001年4月1日…发生的).
 */
function focalCandidate(item: Placed, point: Point): boolean {
  return (
    item.block.section === null &&
    item.block.kind === "paragraph" &&
    item.need === "none" &&
    item.asideKind === undefined &&
    point.year !== undefined &&
    point.month !== undefined
  );
}

/**
 * A year-only endpoint reached by 到…才 (not until: 直到1991年才最终撤退, ，到1885年才释放回国) or by 到
 * after a verb before 为止 or the clause's end (并一直利用到1965年。): not the second end of a range
 * (从1937年到1945年), nor 到 opening a clause without 才 (，到1938年，日军… moves the narrative).
 */
function untilYear(item: Placed, point: Point, text: string): boolean {
  if (item.need !== "none" || item.head !== undefined || point.month !== undefined) return false;
  if (point.year === undefined || item.rangeHead === true) return false;
  const before = text.slice(Math.max(0, item.textStart - 3), item.textStart);
  const after = text.slice(item.textEnd, item.textEnd + 2);
  if (!before.endsWith("到") || /[从自至]\S?到$/u.test(before)) return false;
  // Note: 到…才 (not until) after anything; otherwise 到 after a verb, before the clause's end.
  if (after.startsWith("才")) return true;
  return /[\u4e00-\u9fff]到$/u.test(before) && /^(?:为止|[。，；])/u.test(after);
}

/**
 * 当年 as "back then" (`Relative.backThen`): the document's focal year (the lead's focal date, else
 * the lead's first stated year, else the title's or categories'), when the line has moved at least
 * `BACK_THEN_YEARS` past it (2006年…包括当年到访球队的6人, in an article about 1971): a
 * retrospective; within a decade 当年 is as often the line's own year (a company's history).
 */
function backThen(
  item: Placed,
  focal: Placed | undefined,
  line: Placed | undefined,
  text: string,
): boolean {
  const from = focal?.resolvedPoint?.year;
  const now = line?.resolvedPoint?.year;
  return (
    item.relative?.backThen === true &&
    from !== undefined &&
    now !== undefined &&
    now - from >= BACK_THEN_YEARS &&
    // Note: not right after the year that opens its clause (1965年，当年公司扩张: that year).
    !(
      line !== undefined &&
      line.textEnd <= item.textStart &&
      /^[，,、\s]*$/u.test(text.slice(line.textEnd, item.textStart))
    )
  );
}

const BACK_THEN_YEARS = 10;

/** Asides whose year is no candidate for the lead's year (plans, since-clauses, quotes). */
const THEN_ASIDES = new Set(["future", "since", "quote"]);

/**
 * Year rollover: a bare January or February told right after a November or December of the
 * line's year, in the same section, is in the next year (12月20日…1月5日).
 */
function rollover(
  item: Placed,
  point: Point,
  anchorItem: Placed | undefined,
  monthItem: Placed | undefined,
): Point {
  if (
    item.need !== "year" ||
    item.relative !== undefined ||
    item.shortYear !== undefined ||
    anchorItem === undefined
  )
    return point;
  const last = monthItem?.resolvedPoint;
  if (
    point.year === undefined ||
    point.month === undefined ||
    point.month > 2 ||
    last?.month === undefined ||
    last.month < 11 ||
    last.year !== point.year ||
    monthItem!.block.section !== item.block.section
  ) {
    return point;
  }
  return { ...point, year: point.year + 1 };
}

/** Whether a weekday follows a day-level date right before it: 10月1日（三）. */
function afterDay(item: Placed, out: Placed[]): boolean {
  const prev = out[out.length - 1];
  return (
    prev !== undefined &&
    prev.resolvedPoint?.day !== undefined &&
    item.textStart - prev.textEnd <= 1
  );
}

/**
 * A date counted from now (`Candidate.fromNow`): against the reference date when there is one;
 * without one, against the narrative's last day when the expression has no reading of its own
 * (上周一, a bare 周三); otherwise undefined (the expression's own reading stands: 今天 →
 * PRESENT_REF, 明天 → the narrative's next day).
 */
function reckonFromNow(
  item: Placed,
  reference: Point | undefined,
  out: Placed[],
  lastDay: number | undefined,
): { point: Point | undefined; anchor?: number; open?: string | undefined } | undefined {
  const rule = item.fromNow;
  if (rule === undefined) return undefined;
  if (item.note === "weekday" && afterDay(item, out)) return undefined;
  if (rule.narrativeFirst === true && (lastDay !== undefined || reference === undefined)) {
    return undefined;
  }
  if (reference !== undefined) {
    const point = fromNow(reference, rule, item.point);
    return { point: point === undefined ? undefined : midnight(point) };
  }
  if (item.value !== undefined || (item.relative !== undefined && item.note !== "weekday")) {
    return undefined;
  }
  const base = lastDay !== undefined ? out[lastDay]?.resolvedPoint : undefined;
  if (base === undefined) return { point: undefined, open: openWeekday(rule) };
  const point = fromNow(base, rule, item.point);
  return { point: point === undefined ? undefined : midnight(point), anchor: lastDay! };
}

/**
 * The value of a weekday counted from now when there is neither a reference date nor a
 * narrative day: the day of the week, its week unknown (上周一, 下周三, a bare 周五 →
 * `XXXX-WXX-1`, `-3`, `-5`; 这周末 → `XXXX-WXX-WE`), as TimeML writes an unanchored weekday;
 * undefined for other counts (三天前 keeps its duration reading elsewhere).
 */
function openWeekday(rule: FromNow): string | undefined {
  if (rule.unit !== "week") return undefined;
  if (rule.weekday !== undefined) return `XXXX-WXX-${rule.weekday}`;
  return rule.weekend === true ? "XXXX-WXX-WE" : undefined;
}

/** 24:00 (晚上十二点) as 00:00 of the next day, when the day is known. */
function midnight(point: Point): Point {
  if (point.hour !== 24) return point;
  if (point.year === undefined || point.month === undefined || point.day === undefined)
    return point;
  return { ...point, ...addDays(point.year, point.month, point.day, 1), hour: 0 };
}

/** What marks a clock time's half of the day (下午, 晚上, 凌晨, pm…): then it is told as written. */
const HALF_MARK = /[上下午晚夜晨凌早中昏黄傍半ap]/iu;

/**
 * A morning hour told bare (5点50分, 两点二十五分) right after an afternoon or evening clock time of
 * the same day (下午5时, 下午兩點八分) continues that afternoon when it would otherwise run the
 * narrative's clock backwards: 17:50, 14:25. Only a 点 hour (9时15分 and 09:00 are on a 24-hour
 * dial); not when the hour says its half (凌晨2点, 上午9点) or another day lies between.
 */
function afternoonOn(item: Placed, point: Point, out: Placed[], text: string): Point {
  if (item.rule !== "clock-time" || point.hour === undefined || point.hour >= 12) return point;
  const told = text.slice(item.textStart, item.textEnd);
  // Note: only the colloquial 点 is told on a twelve-hour dial; 9时15分 and 09:00 are 24-hour.
  if (point.day === undefined || HALF_MARK.test(told) || !/[点點]/u.test(told)) return point;
  const last = out[out.length - 1]?.resolvedPoint;
  if (
    last?.hour === undefined ||
    last.hour < 12 ||
    last.day !== point.day ||
    last.month !== point.month ||
    last.year !== point.year
  )
    return point;
  const later = point.hour + 12;
  const minutes = (h: number, m: number | undefined): number => h * 60 + (m ?? 0);
  if (minutes(later, point.minute) < minutes(last.hour, last.minute)) return point;
  return { ...point, hour: later };
}

/** The index standing for the document's focus (title or categories), which is no timex. */
const FOCUS = -1;

/** A stand-in item holding the document's focus as its resolved point. */
function focusItem(focus: Point | undefined): Placed | undefined {
  if (focus === undefined) return undefined;
  return { resolvedPoint: focus } as Placed;
}

/**
 * Whether a bare part of day (晚间, 傍晚, 入夜) may take the day of `anchor`: a day of its own
 * paragraph; its section's dated heading (### 10月12日 … 在上午); or a day earlier in its section
 * when the part of day opens a sentence or paragraph (傍晚，美军已將山頭包圍; not the habitual
 * 在夜间抢运 of a later paragraph). Dev: white-horse-hill, triangle-hill (headings, 天亮/入夜); iwo-jima,
 * triangle-hill (sentences). Never once a later date of the section lies between (1884年12月4日…
 * 1894年，东学党起义。晚上，…: the story has moved on); `later` holds the dates resolved since.
 */
function dayOfPart(
  item: Placed,
  anchor: Placed | undefined,
  text: string,
  later: readonly Placed[],
): boolean {
  if (anchor === undefined) return false;
  const day = anchor.resolvedPoint;
  const moved = later.some(
    (o) =>
      o.type === "DATE" &&
      o.aside !== true &&
      o.block.section === item.block.section &&
      (o.resolvedPoint?.year !== day?.year ||
        o.resolvedPoint?.month !== day?.month ||
        o.resolvedPoint?.day !== day?.day),
  );
  if (moved) return false;
  if (anchor.block === item.block) return true;
  if (anchor.block.section !== item.block.section) return false;
  if (anchor.block.kind === "heading") return true;
  return (
    item.textStart === item.block.textStart || /[。！？]/.test(text.charAt(item.textStart - 1))
  );
}

/** `time:zh/anchor`. */
/** The lunar day standing for a part of a month: 初/上旬 the 5th, 中/中旬 the 15th, 底/末 the 25th. */
const PART_DAY: Record<string, number> = { START: 5, MID: 15, END: 25 };

export const anchor: Refiner = {
  name: "anchor",
  refine(items, input) {
    // Note: FOCUS stands for the document's focus from its title or categories (no timex).
    const focus = input.focus;
    let lastYear: number | undefined = focus !== undefined ? FOCUS : undefined;
    let lastMonth: number | undefined = focus?.month !== undefined ? FOCUS : undefined;
    let lastDay: number | undefined;
    let referenceBlock: number | undefined;
    let currentSection: number | null = null;
    let focal: number | undefined;
    /** The first year the lead states (for 当年 as "back then" when it has no focal time). */
    let leadYear: number | undefined;
    const out: Placed[] = [];
    const at = (index: number | undefined): Placed | undefined =>
      index === FOCUS ? focusItem(focus) : index !== undefined ? out[index] : undefined;
    /** The dated heading of each section (its index in `out`). */
    const headingOf = new Map<number, number>();
    /**
     * Per item of `items`, its index in `out` (-1: not kept). Note: an array by item index, where a
     * Map keyed by the item objects hashed each of them.
     */
    const indexOf = new Int32Array(items.length).fill(-1);
    /** Restarts the line from a dated heading, or from the focal time (clears it when none fits). */
    const restart = (from: number | undefined): void => {
      lastYear = lastMonth = lastDay = undefined;
      let f = at(from)?.resolvedPoint;
      if (f?.decade !== undefined) {
        // A decade heading (1950年代): the focal year when it lies in it, else no year.
        const y = at(focal)?.resolvedPoint?.year;
        if (y === undefined || Math.floor(y / 10) !== f.decade) return;
        from = focal;
        f = at(focal)?.resolvedPoint;
      }
      if (from === undefined || f?.year === undefined) return;
      lastYear = from;
      if (f.month !== undefined) lastMonth = from;
      if (f.day !== undefined) lastDay = from;
    };
    for (let i = 0; i < items.length; i += 1) {
      // Note: the candidates are this run's own (fresh from the parsers): resolved in place.
      const item: Placed = items[i]!;
      // A new section with no date of its own continues from the dated heading of the nearest
      // section holding it, else from the document's focal time.
      const section = item.block.section;
      if (section !== currentSection) {
        currentSection = section;
        if (section !== null && item.block.kind !== "reference") {
          let from: number | undefined;
          for (let s: number | null = section; s !== null; s = input.sectionParents[s] ?? null) {
            from = headingOf.get(s);
            if (from !== undefined) break;
          }
          if (from !== undefined || focal !== undefined) restart(from ?? focal);
        }
      }
      // Each reference item starts a line of its own from the focal time (韩美28日起举行联合军演).
      if (item.block.kind === "reference" && item.block.id !== referenceBlock) {
        referenceBlock = item.block.id;
        restart(focal);
      }
      const reckoned = reckonFromNow(item, input.reference, out, lastDay);
      if (reckoned !== undefined) {
        if (reckoned.point === undefined) {
          if (reckoned.open === undefined) continue;
          // A weekday with no week to count from is kept, its week open; the line stays.
          item.resolved = reckoned.open;
          out.push(item);
          indexOf[i] = out.length - 1;
          continue;
        }
        item.resolvedPoint = reckoned.point;
        item.resolved = pointValue(reckoned.point);
        if (reckoned.anchor !== undefined) item.anchor = reckoned.anchor;
        // Note: a date counted from now is told from the writer's present; the line stays.
        out.push(item);
        indexOf[i] = out.length - 1;
        continue;
      }
      if (item.value !== undefined) {
        item.resolved = item.value;
        out.push(item);
        indexOf[i] = out.length - 1;
        continue;
      }
      const prevOut = out[out.length - 1];
      if (
        prevOut !== undefined &&
        item.need === "none" &&
        item.point?.month === undefined &&
        item.point?.year === prevOut.resolvedPoint?.year &&
        GLOSS.test(input.text.slice(prevOut.textEnd, item.textStart))
      ) {
        // The Gregorian gloss of an era year reads its months as the era year does: 安政2年
        // （1855年） traditional, 咸丰八年（1858年）…九月廿八日 lunar.
        if (prevOut.traditionalMonths === true) item.traditionalMonths = true;
        if (prevOut.lunarNumerals === true) item.lunarNumerals = true;
      }
      let anchorAt: number | undefined;
      if (item.note === "weekday") {
        if (!afterDay(item, out)) continue;
        anchorAt = out.length - 1;
      } else if (item.head !== undefined && item.need !== "none") {
        const headAt = indexOf[item.head] ?? -1;
        anchorAt = headAt >= 0 ? headAt : undefined;
      } else if (item.need === "year") {
        const then = focal ?? leadYear ?? (focus !== undefined ? FOCUS : undefined);
        anchorAt = backThen(item, at(then), at(lastYear), input.text) ? then : lastYear;
      } else if (item.need === "year-month") {
        anchorAt = lastMonth;
      } else if (item.need === "date") {
        anchorAt = lastDay;
      }
      const anchorItem = at(anchorAt);
      if (
        item.sameBlockAnchor === true &&
        !dayOfPart(
          item,
          anchorItem,
          input.text,
          anchorAt === undefined ? [] : out.slice(anchorAt + 1),
        )
      )
        continue;
      let point =
        item.need === "none"
          ? { ...(item.point ?? {}) }
          : resolveFrom(
              item,
              // Note: a range's second end counts from its head as written (Julian 25日至26日).
              (item.head !== undefined ? anchorItem?.julian : undefined) ??
                anchorItem?.resolvedPoint,
              input.reference?.year !== undefined ? input.reference.year - 20 : undefined,
            );
      if (point === undefined) continue;
      point = rollover(item, point, anchorItem, lastMonth === FOCUS ? undefined : at(lastMonth));
      // Note: a date lacking only its year (a holiday, 九月三号, 十一月十日) is in the reference
      // date's year (the writer's now) when the document has stated no year before it at all, other
      // than one counted from now (a quoted or cited date in a history article keeps its year open).
      const refYear = input.reference?.year;
      let yearFromReference = false;
      // Note: the look back over the line comes last (only with a reference date, yearless).
      if (
        point.year === undefined &&
        refYear !== undefined &&
        item.shortYear === undefined &&
        item.sexagenary === undefined &&
        (item.rule === "holiday" ||
          (item.need === "year" &&
            anchorItem === undefined &&
            !out.some((o) => o.resolvedPoint?.year !== undefined && o.fromNow === undefined)))
      ) {
        point.year = refYear;
        yearFromReference = true;
        delete item.anchor;
      }
      if (item.rule === "deictic-day" && point.day === undefined) continue;
      // Note: 上个月/本月 with neither a reference date nor a month on the line say nothing.
      if (item.rule === "relative-month" && item.fromNow !== undefined && point.month === undefined)
        continue;
      // Note: a part of a lunar month (十月初, 九月底) is the Gregorian month its part falls in.
      const monthPart =
        item.rule === "part-of-month" && point.day === undefined && item.mod !== null
          ? PART_DAY[item.mod]
          : undefined;
      if (
        (item.rule === "month-day" || monthPart !== undefined) &&
        item.need === "year" &&
        (anchorItem?.traditionalMonths === true ||
          (anchorItem?.lunarNumerals === true &&
            !/\d/u.test(input.text.slice(item.textStart, item.textEnd)))) &&
        point.year !== undefined &&
        point.month !== undefined
      ) {
        const { year, month } = point;
        const day = monthPart ?? point.day;
        const solar = lunarToGregorian(year, { month, leap: false, ...(day ? { day } : {}) });
        if (solar !== null) {
          point = monthPart !== undefined ? { year: solar.year, month: solar.month } : { ...solar };
          item.calendar = "lunar";
        }
      }
      const glossed = glossedLunar(item, items[i + 1], input.text);
      if (glossed !== null) {
        point = glossed;
        item.calendar = "lunar";
      }
      if (item.holiday !== undefined) {
        if (point.year === undefined) continue;
        const date = holidayDate(item.holiday, point.year);
        if (date === null) continue;
        point = { ...point, ...date };
      }
      if (item.lunar !== undefined) {
        if (point.year === undefined) point = {};
        else {
          const solar = lunarToGregorian(point.year, item.lunar);
          // Note: a lunar day the reference's year lacks (正月三十 in a month of 29) stays yearless.
          if (solar === null && !yearFromReference) continue;
          point = solar === null ? {} : { ...solar };
        }
      }
      const head = item.head !== undefined ? items[item.head] : undefined;
      if (writtenJulian(item, input.text, head)) point = fromJulian(item, point);
      point = afternoonOn(item, point, out, input.text);
      point = midnight(point);
      item.resolvedPoint = point;
      item.resolved = pointValue(point);
      if (anchorItem !== undefined && anchorAt !== undefined && anchorAt !== FOCUS) {
        if (item.need !== "none") item.anchor = anchorAt;
      }
      out.push(item);
      const here = out.length - 1;
      indexOf[i] = here;
      // Note: 去年/明年 are told from a speaker's now; the narrative stays where it was.
      if (item.aside === true || item.note === "weekday" || item.relative?.deictic === true) {
        continue;
      }
      // Note: a relative clause's date earlier than the line's year (恢复德国1937年后吞并的领土,
      // told in 1945) is that noun's background: the line stays.
      const lineYear = at(lastYear)?.resolvedPoint?.year;
      if (
        (item.asideKind === "attributive" ||
          (item.asideKind === "name" && input.text.charAt(item.textStart - 1) === "的")) &&
        point.year !== undefined &&
        lineYear !== undefined &&
        point.year < lineYear
      ) {
        continue;
      }
      if (
        leadYear === undefined &&
        item.block.section === null &&
        item.need === "none" &&
        point.year !== undefined &&
        item.fromNow === undefined &&
        !THEN_ASIDES.has(item.asideKind ?? "")
      )
        leadYear = here;
      // Note: a day counted back from the line's day (两天前, 前一天) looks back; the narrative stays
      // on its day, so a later 次日/当天 counts from that day (nagasaki-incident's 8月15日…两天前 twice,
      // opium-destruction-humen's 前一天 … 當天; the form also in dev chang-e-2, korean-armistice,
      // toyoshima).
      if (item.rule === "relative-day" && (item.relative?.offset ?? 0) < 0) continue;
      // Note: a year reached by 到 after a verb (一直利用到1965年, 直到1991年才撤退, 到1885年才释放)
      // tells how long a state lasted, not where the narrative goes: the line stays.
      if (untilYear(item, point, input.text)) continue;
      if ((focal === undefined || focal === FOCUS) && focalCandidate(item, point)) focal = here;
      const statesYear =
        point.year !== undefined &&
        (item.need === "none" ||
          item.shortYear !== undefined ||
          (item.relative?.unit === "year" && item.relative.offset !== 0));
      if (statesYear) lastYear = here;
      if (point.month !== undefined && point.year !== undefined) lastMonth = here;
      if (point.day !== undefined && point.month !== undefined) lastDay = here;
      if (item.block.kind === "heading" && item.block.section !== null) {
        // A heading with a year or a decade starts a new line for its section and those in it.
        if (statesYear || point.decade !== undefined) {
          if (!headingOf.has(item.block.section)) headingOf.set(item.block.section, here);
          if (point.decade !== undefined) restart(here);
        }
        if (statesYear && point.month === undefined) lastMonth = undefined;
        if (statesYear && point.day === undefined) lastDay = undefined;
      }
    }
    return out;
  },
};
