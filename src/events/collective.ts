/**
 * Collective mentions: one clause that tells several acts of one kind. Coordinated dates with a
 * count (2013年2月和9月…两次访问 → one visit per date) and coordinated names with a count
 * (“A”和“B”两场军演 → two exercises) give one event each; a bare count (两次访问) with one date
 * gives one event, since the acts cannot be told apart.
 */
import type { DisplayTimex } from "./dates.js";
import { within } from "./within.js";

/** Words of coordination between two names or two dates. */
const AND = /^[\s和及与、]$/u;
/** A count of acts (两次, 两场, 三轮, 分别). */
const COUNT = /[两二三四五六七八九十]\s*[次场轮项回]|分别/u;
/** Two quoted or bracketed names joined by 和/及/与/、 and followed by a count (“A”和“B”两场). */
const NAMED_PAIR =
  /[“「《][^”」》，。；]{1,20}[”」》]\s*[和及与、]\s*[“「《][^”」》，。；]{1,20}[”」》][^，。；]{0,4}?(?:两|二)\s*[次场轮项个]/u;

/** The usable timexes of `[start, end)` coordinated with each other (2013年2月和9月), if a count says the clause tells several acts. */
export function coordinatedDates(
  text: string,
  span: { start: number; end: number },
  timexes: DisplayTimex[],
): DisplayTimex[] {
  if (!COUNT.test(text.slice(span.start, span.end))) return [];
  const inside = within(timexes, span.start, span.end).filter((t) => t.usable);
  for (let i = 0; i + 1 < inside.length; i += 1) {
    const run: DisplayTimex[] = [];
    let j = i;
    for (;;) {
      const cur = inside[j];
      if (!cur) break;
      run.push(cur);
      const next = inside[j + 1];
      if (!next || !AND.test(text.slice(cur.end, next.start))) break;
      j += 1;
    }
    if (run.length >= 2) return run;
  }
  return [];
}

/** The number of acts a clause names as a coordinated pair with a count (“A”和“B”两场 → 2), else 1. */
export function namedCount(clause: string): number {
  return NAMED_PAIR.test(clause) ? 2 : 1;
}
