#!/usr/bin/env node
// Peer suites: how much of other projects' Chinese date/time test expressions the time stage
// finds, and how many of those get a value compatible with theirs (bench/peer/README.md).
//   npm run bench:peer [-- --misses]
// Prints figures only; nothing here is asserted by the test suite.
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { ingest } = await import(join(root, "dist/ingest/index.js"));
const { normalize } = await import(join(root, "dist/normalize/index.js"));
const { tagTimes } = await import(join(root, "dist/time/index.js"));
const { Lunar } = await import("lunar-typescript");
const showMisses = process.argv.includes("--misses");

/** The cases of bench/peer/cases.tsv: suite, reference, input, expected text and value, kind. */
function cases() {
  const path = join(root, "bench/peer/cases.tsv");
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line, i) => ({ line, at: i + 1 }))
    .filter(({ line }) => line.trim() !== "" && !line.startsWith("#"))
    .map(({ line, at }) => {
      const cols = line.split("\t");
      if (cols.length !== 6) {
        console.error(`${path}:${at}: expected 6 tab-separated columns, found ${cols.length}`);
        process.exit(2);
      }
      const [suite, reference, input, text, value, kind] = cols;
      return { suite, reference, input, text, value, kind, at };
    });
}

/** Y, M, D and the clock (hh:mm) of a TIMEX3 date/time value, or a weekday (XXXX-WXX-d). */
function parts(value) {
  const week = /^XXXX-WXX-(\d)$/.exec(value);
  if (week !== null) return { weekday: Number(week[1]) };
  const m = /^([\dX]{4})(?:-([\dX]{2})(?:-([\dX]{2}))?)?(?:T(\d{2}:\d{2}|[A-Z]{2}))?/.exec(value);
  if (m === null) return null;
  return { y: m[1], m: m[2], d: m[3], t: m[4] };
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a full date. */
function isoWeekday(y, m, d) {
  const wd = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/**
 * Whether our value is compatible with theirs: every calendar part they state (year, month,
 * day; X = unstated) we state too, with the same number; a clock time may be finer or coarser
 * on either side (下午 beside 15:00), but two parts of day must be equal (EV = NI); a weekday of theirs matches our date on that weekday.
 */
export function compatible(ours, theirs) {
  const a = parts(ours);
  const b = parts(theirs);
  if (a === null || b === null) return false;
  if (b.weekday !== undefined) {
    if (a.weekday !== undefined) return a.weekday === b.weekday;
    if (a.d === undefined || /X/.test(`${a.y}${a.m}${a.d}`)) return false;
    return isoWeekday(a.y, a.m, a.d) === b.weekday;
  }
  for (const key of ["y", "m", "d"]) {
    const want = b[key];
    if (want === undefined || /^X+$/.test(want)) continue;
    if (a[key] !== want) return false;
  }
  if (a.t !== undefined && b.t !== undefined && /\d/.test(a.t) === /\d/.test(b.t)) {
    // 晚上 is evening and night alike: EV beside NI is the same part of day.
    return a.t === b.t || [a.t, b.t].every((t) => t === "EV" || t === "NI");
  }
  return true;
}

/** Days since 1970-01-01 of a civil date. */
function dayNumber(y, m, d) {
  return Math.round(Date.UTC(y, m - 1, d) / 86400000);
}

/** The `YYYY-MM-DD` of a day number. */
function dayString(n) {
  return new Date(n * 86400000).toISOString().slice(0, 10);
}

/**
 * The first day, last day and the day after of a period value of ours (`2017`, `2017-04`,
 * `2017-04-09`, `2017-W13`, `2017-W13-WE`, `2017-Q1`, `2017-H2`, decade `199`, century `19`),
 * or null (a season, a time, an open year).
 */
function period(value) {
  let m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m !== null) {
    const y = Number(m[1]);
    const jan4 = dayNumber(y, 1, 4);
    const monday =
      jan4 - ((new Date(jan4 * 86400000).getUTCDay() + 6) % 7) + 7 * (Number(m[2]) - 1);
    const first = m[3] === undefined ? monday : monday + 5;
    return span(first, monday + 7);
  }
  m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-([QH])(\d))?$/.exec(value);
  if (m !== null) {
    const y = Number(m[1]);
    if (m[3] !== undefined) {
      const d = dayNumber(y, Number(m[2]), Number(m[3]));
      return span(d, d + 1);
    }
    if (m[2] !== undefined)
      return span(dayNumber(y, Number(m[2]), 1), dayNumber(y, Number(m[2]) + 1, 1));
    if (m[4] !== undefined) {
      const months = m[4] === "Q" ? 3 : 6;
      const from = 1 + months * (Number(m[5]) - 1);
      return span(dayNumber(y, from, 1), dayNumber(y, from + months, 1));
    }
    return span(dayNumber(y, 1, 1), dayNumber(y + 1, 1, 1));
  }
  m = /^(\d{2,3})$/.exec(value);
  if (m !== null) {
    const years = m[1].length === 3 ? 10 : 100;
    const y = Number(m[1]) * years;
    return span(dayNumber(y, 1, 1), dayNumber(y + years, 1, 1));
  }
  return null;
}

/** A period from its first day and the day after it. */
function span(first, after) {
  return { first: dayString(first), last: dayString(after - 1), after: dayString(after) };
}

/** Whether a day of ours fits their day, where their `X` digits are unstated (`XX50-01-01`). */
function sameDay(ours, theirs) {
  if (ours.length !== theirs.length) return false;
  return [...theirs].every((c, i) => c === "X" || c === ours[i]);
}

/**
 * A duration as months and seconds (`P1.5Y` = 18 months; weeks fold into 7 days and days into
 * 86,400 seconds, so P1W = P7D and P8DT20H = 212 hours), or null (a vague `PXD`, a century).
 */
function durationParts(value) {
  const m =
    /^P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?$/.exec(
      value,
    );
  if (m === null || value === "P" || value === "PT") return null;
  const n = (i) => Number(m[i] ?? 0);
  const months = n(1) * 12 + n(2);
  const seconds = (n(3) * 7 + n(4)) * 86400 + n(5) * 3600 + n(6) * 60 + n(7);
  return { months: Math.round(months * 1000), seconds: Math.round(seconds) };
}

/** Whether two durations are equal once normalized (`durationParts`). */
function sameDuration(ours, theirs) {
  const a = durationParts(ours);
  const b = durationParts(theirs);
  return a !== null && b !== null && a.months === b.months && a.seconds === b.seconds;
}

/** A time-only value of theirs (`T06`, `T17:55:23`, `TMO`) as a value `compatible` reads. */
function clockValue(value) {
  const hour = /^T(\d{2})$/.exec(value);
  return `XXXX-XX-XX${hour !== null ? `T${hour[1]}:00` : value}`;
}

/**
 * Whether the overlapping timexes (in text order) give their range `(start,end,Pn)`: one period
 * of ours from its start to its end (2017-Q1 for (2017-01-01,2017-04-01,P3M)); or a first timex
 * on the start and a later one on the end (for a period end, its first day, last day or the day
 * after: 从2016到2018 = (2016-01-01,2018-01-01,P2Y)); two clock times for a range of times; or,
 * for a range starting or ending at the reference day (近三年, 未来两天), our duration of the
 * same length (TIMEX3 writes 过去三年 as DURATION P3Y anchored on now).
 */
function rangeCompatible(timexes, value, reference) {
  const m = /^\(([^,]+),([^,]+),([^,)]+)\)$/.exec(value);
  if (m === null) return false;
  const [, from, to, length] = m;
  if (from.startsWith("T")) {
    const last = timexes.at(-1);
    return (
      timexes.length >= 2 &&
      compatible(timexes[0].value, clockValue(from)) &&
      compatible(last.value, clockValue(to))
    );
  }
  const today = reference.slice(0, 10);
  const [ry, rm, rd] = today.split("-").map(Number);
  const tomorrow = dayString(dayNumber(ry, rm, rd) + 1);
  if ([from, to].some((d) => d === today || d === tomorrow)) {
    if (timexes.some((t) => t.type === "DURATION" && sameDuration(t.value, length))) return true;
  }
  const periods = timexes.map((t) => period(t.value));
  const ends = (p, day) => p !== null && [p.first, p.last, p.after].some((d) => sameDay(d, day));
  if (
    periods.some(
      (p) => p !== null && sameDay(p.first, from) && (sameDay(p.last, to) || sameDay(p.after, to)),
    )
  ) {
    return true;
  }
  const first = periods[0];
  return (
    timexes.length >= 2 && first !== null && sameDay(first.first, from) && ends(periods.at(-1), to)
  );
}

/**
 * Whether an overlapping timex of ours gives their value: a range as `rangeCompatible`; a named
 * period (a week, a weekend, a season, a quarter, a half, a week of a month) the same period; a
 * duration (kind `dur`) or a set (kind `set`) the same normalized value with our type DURATION or
 * SET (a weekday set as `compatible` reads weekdays); anything else as `compatible`.
 */
function caseCompatible(timexes, value, kind, reference) {
  if (value.startsWith("(")) return rangeCompatible(timexes, value, reference);
  if (kind === "dur" || kind === "set") {
    const type = kind === "dur" ? "DURATION" : "SET";
    return timexes.some(
      (t) =>
        t.type === type &&
        (value.startsWith("P") ? sameDuration(t.value, value) : setCompatible(t.value, value)),
    );
  }
  if (/-W\d|-WE|-(?:SP|SU|FA|WI|Q\d|H\d)$/.test(value)) {
    const theirs = period(value);
    return timexes.some((t) => {
      if (t.value === value) return true;
      const ours = period(t.value);
      return (
        theirs !== null && ours !== null && ours.first === theirs.first && ours.last === theirs.last
      );
    });
  }
  const wanted = value.startsWith("T") ? clockValue(value) : value;
  return timexes.some((t) => compatible(t.value, wanted));
}

/** A weekday set (`XXXX-WXX-1`, with a time `XXXX-WXX-1T20`): same weekday, same clock time. */
function setCompatible(ours, theirs) {
  const re = /^XXXX-WXX-(\d)(?:T(\d{2})(?::(\d{2}))?)?$/;
  const a = re.exec(ours);
  const b = re.exec(theirs);
  if (a === null || b === null || a[1] !== b[1]) return false;
  if (b[2] === undefined) return true;
  return a[2] === b[2] && (a[3] ?? "00") === (b[3] ?? "00");
}

/**
 * A lunar case's expected value in Gregorian terms: their value numbers the lunar month and day
 * (农历2015年十月初一 = 2015-10-01, a clock time kept); without a year, the reference's year, or
 * the year before or after (their past and future readings).
 */
function lunarReadings(value, reference) {
  const m = /^([\dX]{4})-(\d{2})-(\d{2})(T[\d:]+)?$/.exec(value);
  if (m === null) return [value];
  const refYear = Number(reference.slice(0, 4));
  const years = m[1] === "XXXX" ? [refYear - 1, refYear, refYear + 1] : [Number(m[1])];
  const pad = (n, w) => String(n).padStart(w, "0");
  return years.flatMap((y) => {
    try {
      const solar = Lunar.fromYmd(y, Number(m[2]), Number(m[3])).getSolar();
      const day = `${pad(solar.getYear(), 4)}-${pad(solar.getMonth(), 2)}-${pad(solar.getDay(), 2)}`;
      return [`${day}${m[4] ?? ""}`];
    } catch {
      return []; // no such lunar day that year (a 30th in a month of 29 days)
    }
  });
}

const results = [];
for (const c of cases()) {
  const start = c.input.indexOf(c.text);
  const end = start + c.text.length;
  let timexes = [];
  try {
    const norm = normalize(ingest(c.input, { name: `peer-${c.at}.md` }));
    timexes = tagTimes(norm, { referenceDate: c.reference });
  } catch (error) {
    console.error(`bench/peer/cases.tsv:${c.at}: ${error.message}`);
  }
  const overlapping = timexes.filter((t) => t.start < end && t.end > start);
  const found = start >= 0 && overlapping.length > 0;
  // "-": the suite checks the text only (recall, no value).
  const wanted =
    c.value === "-"
      ? []
      : c.kind.endsWith("lunar")
        ? lunarReadings(c.value, c.reference)
        : [c.value];
  const ok =
    found && wanted.some((value) => caseCompatible(overlapping, value, c.kind, c.reference));
  results.push({ ...c, found, ok, got: overlapping.map((t) => `${t.text}=${t.value}`) });
}

const pct = (n, d) => (d === 0 ? "   -  " : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
function line(label, rows) {
  const valued = rows.filter((r) => r.value !== "-");
  const abs = valued.filter((r) => r.kind.startsWith("abs"));
  const rel = valued.filter((r) => r.kind.startsWith("rel"));
  const other = valued.filter((r) => r.kind === "dur" || r.kind === "set");
  const count = (xs, key) => xs.filter((r) => r[key]).length;
  console.log(
    `${label.padEnd(12)} ${String(rows.length).padStart(4)}  recall ${pct(count(rows, "found"), rows.length)}` +
      `  compatible: absolute ${pct(count(abs, "ok"), abs.length)} (${abs.length})` +
      `  relative ${pct(count(rel, "ok"), rel.length)} (${rel.length})` +
      `  durations/sets ${pct(count(other, "ok"), other.length)} (${other.length})`,
  );
}
console.log("peer suites (bench/peer/README.md): relaxed recall and value compatibility per case");
for (const suite of [...new Set(results.map((r) => r.suite))]) {
  line(
    suite,
    results.filter((r) => r.suite === suite),
  );
}
line("pooled", results);
if (showMisses) {
  for (const r of results.filter((x) => !x.ok && (x.value !== "-" || !x.found))) {
    console.log(
      `  ${r.found ? "VALUE" : "MISS "} ${r.suite} ${r.input} [${r.text}] want ${r.value} @${r.reference} got ${r.got.join(" ") || "-"}`,
    );
  }
}
