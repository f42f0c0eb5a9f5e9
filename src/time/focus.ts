/**
 * The document's focus from its title and categories: a year written in the title
 * (1556年陕西大地震), else the year most of its year categories name (`Category:2001年航空事故`,
 * `Category:1895年国际关系`, `Category:1945年7月`; ties go to the earliest), with the month when
 * those categories name exactly one. Bare dates before the text states a year, and sections
 * without a dated heading when the lead states no date, take their year from it.
 */
import type { Document } from "../model/index.js";
import type { Point } from "./types.js";

const TITLE_YEAR = /(?<![\d.])(\d{3,4})年(?!代)/;
const CATEGORY_YEAR = /^(\d{3,4})年(?!代)(?:(\d{1,2})月)?/;

/** The focus of `doc` from its title, else its categories, or undefined. */
export function documentFocus(doc: Document): Point | undefined {
  const title = TITLE_YEAR.exec(doc.displayTitle ?? doc.title);
  if (title !== null) return { year: Number.parseInt(title[1]!, 10) };
  const years = new Map<number, { count: number; months: Set<number> }>();
  for (const category of doc.categories) {
    const m = CATEGORY_YEAR.exec(category.name.replace(/^Category:/i, ""));
    if (m === null) continue;
    const year = Number.parseInt(m[1]!, 10);
    const entry = years.get(year) ?? { count: 0, months: new Set<number>() };
    entry.count += 1;
    if (m[2] !== undefined) entry.months.add(Number.parseInt(m[2], 10));
    years.set(year, entry);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [year, { count }] of years) {
    if (count > bestCount || (count === bestCount && best !== undefined && year < best)) {
      best = year;
      bestCount = count;
    }
  }
  if (best === undefined) return undefined;
  const months = years.get(best)!.months;
  if (months.size === 1) {
    const [month] = months;
    if (month !== undefined && month >= 1 && month <= 12) return { year: best, month };
  }
  return { year: best };
}
