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
 * on either side (下午 beside 15:00); a weekday of theirs matches our date on that weekday.
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
  if (a.t !== undefined && b.t !== undefined && /\d/.test(a.t) && /\d/.test(b.t)) {
    return a.t === b.t;
  }
  return true;
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
  const ok = found && overlapping.some((t) => wanted.some((value) => compatible(t.value, value)));
  results.push({ ...c, found, ok, got: overlapping.map((t) => `${t.text}=${t.value}`) });
}

const pct = (n, d) => (d === 0 ? "   -  " : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
function line(label, rows) {
  const valued = rows.filter((r) => r.value !== "-");
  const abs = valued.filter((r) => r.kind.startsWith("abs"));
  const rel = valued.filter((r) => r.kind.startsWith("rel"));
  const count = (xs, key) => xs.filter((r) => r[key]).length;
  console.log(
    `${label.padEnd(12)} ${String(rows.length).padStart(4)}  recall ${pct(count(rows, "found"), rows.length)}` +
      `  compatible: absolute ${pct(count(abs, "ok"), abs.length)} (${abs.length})` +
      `  relative ${pct(count(rel, "ok"), rel.length)} (${rel.length})`,
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
