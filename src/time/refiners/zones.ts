/**
 * Time zones: a clock time written with a zone (协调世界时2003年2月1日13时59分, 18:11UTC,
 * GMT 13:59:37, UTC+9 8时) that differs from the document's zone is converted to the document's
 * local time and date, with the written value kept in `note`. The document's zone is the first
 * zone its lead writes (北京时间2003年10月15日9时 → UTC+8); without one nothing is converted
 * (the gold keeps clock times as written, and a timeline's zone may change between sections).
 * Zones are in `data/time/zones.json` (standard time; daylight saving is not modelled).
 */
import { alternation, once, zones } from "../tables.js";
import type { Placed, Refiner } from "../types.js";
import { addDays, pointValue } from "../value.js";

const patterns = once(() => {
  const names = alternation(Object.keys(zones()));
  const zone = `(?<name>${names})(?:\\s*(?<sign>[+＋\\-－−])\\s*(?<h>\\d{1,2})(?::?(?<m>\\d{2}))?)?`;
  return {
    any: new RegExp(zone, "g"),
    before: new RegExp(`${zone}\\s*[（(]?\\s*$`),
    after: new RegExp(`^\\s*[（(]?\\s*${zone}`),
  };
});

/** Minutes east of UTC of a zone match (UTC+8 → 480), or undefined. */
function offsetOf(m: RegExpExecArray | null): number | undefined {
  if (m === null) return undefined;
  const g = m.groups ?? {};
  const base = zones()[g.name ?? ""];
  if (base === undefined) return undefined;
  if (g.sign === undefined) return base;
  const shift = Number.parseInt(g.h ?? "0", 10) * 60 + Number.parseInt(g.m ?? "0", 10);
  return base + (/[+＋]/.test(g.sign) ? shift : -shift);
}

/** The zone of the document: the first zone written in its lead. */
function documentZone(text: string, leadEnd: number): number | undefined {
  const any = patterns().any;
  any.lastIndex = 0;
  const lead = text.slice(0, leadEnd);
  return offsetOf(any.exec(lead));
}

/** `time:zh/zones`. */
export const timeZones: Refiner = {
  name: "zones",
  refine(items, input) {
    const home = documentZone(input.text, input.leadEnd);
    if (home === undefined) return items;
    const p = patterns();
    const text = input.text;
    // Note: a zone-written clock time in brackets right after another clock time glosses it
    // (北京時間03時42分（協調世界時19時42分）): the same moment, so it takes the glossed time's day
    // when the converted clock agrees, not the day the anchoring gave its bare clock.
    const byEnd = new Map<number, Placed>();
    for (const item of items) if (item.type === "TIME") byEnd.set(item.textEnd, item);
    return items.map((item): Placed => {
      const point = item.resolvedPoint;
      if (
        item.type !== "TIME" ||
        point?.hour === undefined ||
        point.year === undefined ||
        point.month === undefined ||
        point.day === undefined
      ) {
        return item;
      }
      const before = text.slice(
        Math.max(item.block.textStart, item.textStart - 12),
        item.textStart,
      );
      const after = text.slice(item.textEnd, Math.min(item.block.textEnd, item.textEnd + 12));
      const written = offsetOf(p.before.exec(before)) ?? offsetOf(p.after.exec(after));
      if (written === undefined || written === home) return item;
      const total = point.hour * 60 + (point.minute ?? 0) + home - written;
      const days = Math.floor(total / 1440);
      const minutes = total - days * 1440;
      const glossed = glossedTime(item, text, byEnd);
      const gloss =
        glossed !== undefined && glossed.hour! * 60 + (glossed.minute ?? 0) === minutes
          ? { year: glossed.year!, month: glossed.month!, day: glossed.day! }
          : undefined;
      const date = gloss ?? addDays(point.year, point.month, point.day, days);
      const local = { ...point, ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 };
      // Note: a gloss's own day in its zone is the glossed day shifted back (19時42分 UTC of 28日
      // 03時42分 UTC+8 was written on the 27th).
      const writtenValue =
        gloss === undefined
          ? (item.resolved ?? pointValue(point))
          : pointValue({ ...point, ...addDays(gloss.year, gloss.month, gloss.day, -days) });
      return {
        ...item,
        resolvedPoint: local,
        resolved: pointValue(local),
        note: `written as ${writtenValue} in its zone`,
      };
    });
  },
};

/**
 * The day and clock of the time `item` glosses: a clock time with a full date ending right
 * before an opening bracket that holds `item` after its zone name (…03時42分（協調世界時19時42分）).
 */
function glossedTime(
  item: Placed,
  text: string,
  byEnd: ReadonlyMap<number, Placed>,
): { year?: number; month?: number; day?: number; hour?: number; minute?: number } | undefined {
  const open = text.lastIndexOf("（", item.textStart);
  const paren = Math.max(open, text.lastIndexOf("(", item.textStart));
  if (paren < item.block.textStart || item.textStart - paren > 12) return undefined;
  const inside = text.slice(paren + 1, item.textStart);
  if (!patterns().after.test(inside) || /[，。；,;]/.test(inside)) return undefined;
  const glossed = byEnd.get(paren)?.resolvedPoint;
  if (glossed?.hour === undefined || glossed.day === undefined) return undefined;
  return glossed;
}
