/**
 * Renders one segment of a stream to display units: converter markup shown as its zh-cn
 * choice, footnote markers `\[n\]` taken out (and remembered), soft line breaks as spaces,
 * outer whitespace trimmed; with a map from stream index to display index.
 */
import { matchConverters, parseConverter, type ConverterHit } from "./converter.js";
import { Stream, UNIT } from "./stream.js";

/** A footnote marker found in a segment. */
export interface Marker {
  n: number;
  /** Raw span of the marker (`\[12\]`). */
  rs: number;
  re: number;
  /** Display index (within the segment output) where the marker stood. */
  at: number;
}

/** The rendered segment. */
export interface Rendered {
  /** Display units (zh-cn choice of converter markup). */
  out: Stream;
  /** For stream index `from + k` (k = 0 … to − from): the display index it starts at. */
  map: Int32Array;
  from: number;
  converters: Array<{ hit: ConverterHit; outStart: number; outEnd: number }>;
  markers: Marker[];
}

const MAX_MARKER_DIGITS = 3;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

/**
 * The footnote marker starting at stream index `i` (an escaped `[`, 1–3 digits, an escaped
 * `]`): its number and the index after it, or null.
 */
function markerAt(stream: Stream, i: number, to: number): { n: number; end: number } | null {
  if (stream.codes[i] !== 91 || stream.kinds[i] !== UNIT.escaped) return null;
  let j = i + 1;
  let n = 0;
  while (j < to && j - i - 1 < MAX_MARKER_DIGITS + 1) {
    const c = stream.codes[j] ?? 0;
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
    j += 1;
  }
  const digits = j - i - 1;
  if (digits === 0 || digits > MAX_MARKER_DIGITS) return null;
  if (j >= to || stream.codes[j] !== 93 || stream.kinds[j] !== UNIT.escaped) return null;
  return { n, end: j + 1 };
}

/** Renders stream units `[from, to)`; `footnotes` turns marker detection on. */
export function renderSegment(
  stream: Stream,
  str: string,
  from: number,
  to: number,
  footnotes: boolean,
): Rendered {
  const closeOf = matchConverters(str, from, to);
  const ctx = { stream, str, closeOf };
  const out = new Stream();
  const map = new Int32Array(to - from + 1);
  const converters: Rendered["converters"] = [];
  const markers: Marker[] = [];
  let i = from;
  while (i < to) {
    map[i - from] = out.length;
    const close = closeOf.get(i);
    if (close !== undefined && close <= to) {
      const hit = parseConverter(ctx, i, close, 1);
      const outStart = out.length;
      for (let k = 0; k < hit.cn.length; k += 1) {
        out.push(hit.cn.codes[k] ?? 0, hit.cn.rs[k] ?? 0, hit.cn.re[k] ?? 0, hit.cn.kinds[k] ?? 0);
      }
      converters.push({ hit, outStart, outEnd: out.length });
      for (let k = i + 1; k < close; k += 1) map[k - from] = outStart;
      i = close;
      continue;
    }
    if (footnotes) {
      const m = markerAt(stream, i, to);
      if (m !== null) {
        markers.push({
          n: m.n,
          rs: stream.rs[i] ?? 0,
          re: stream.re[m.end - 1] ?? 0,
          at: out.length,
        });
        for (let k = i + 1; k < m.end; k += 1) map[k - from] = out.length;
        i = m.end;
        continue;
      }
    }
    const kind = stream.kinds[i] ?? 0;
    const code = kind === UNIT.softbreak ? 32 : (stream.codes[i] ?? 0);
    out.push(code, stream.rs[i] ?? 0, stream.re[i] ?? 0, kind);
    i += 1;
  }
  map[to - from] = out.length;
  return trim({ out, map, from, converters, markers });
}

/** Drops leading and trailing whitespace from the output, shifting every index. */
function trim(r: Rendered): Rendered {
  const n = r.out.length;
  let lead = 0;
  while (lead < n && isSpace(r.out.codes[lead] ?? 0)) lead += 1;
  let end = n;
  while (end > lead && isSpace(r.out.codes[end - 1] ?? 0)) end -= 1;
  if (lead === 0 && end === n) return r;
  const out = new Stream();
  out.codes = r.out.codes.slice(lead, end);
  out.rs = r.out.rs.slice(lead, end);
  out.re = r.out.re.slice(lead, end);
  out.kinds = r.out.kinds.slice(lead, end);
  const len = end - lead;
  const clamp = (x: number): number => Math.max(0, Math.min(len, x - lead));
  const map = r.map.map(clamp);
  return {
    out,
    map,
    from: r.from,
    converters: r.converters.map((c) => ({
      hit: c.hit,
      outStart: clamp(c.outStart),
      outEnd: clamp(c.outEnd),
    })),
    markers: r.markers.map((m) => ({ ...m, at: clamp(m.at) })),
  };
}
