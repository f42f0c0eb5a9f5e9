/**
 * A character stream: the unescaped inline text of one block, each UTF-16 unit with the raw
 * span it came from, so every later step (converter markup, footnote markers) keeps positions.
 */

/** How a stream unit was written in the raw text. */
export const UNIT = {
  /** Written as itself. */
  plain: 0,
  /** Written as a backslash escape (`\[`), or a character reference. */
  escaped: 1,
  /** A soft line break inside a paragraph (shown as a space). */
  softbreak: 2,
  /** Not in the raw text (generated: a separator, a variant name). */
  generated: 3,
} as const;

/** Parallel arrays of units: code unit, raw start, raw end, and how it was written. */
export class Stream {
  codes: number[] = [];
  rs: number[] = [];
  re: number[] = [];
  kinds: number[] = [];

  /** Number of units. */
  get length(): number {
    return this.codes.length;
  }

  /** Appends one unit. */
  push(code: number, rs: number, re: number, kind: number): void {
    this.codes.push(code);
    this.rs.push(rs);
    this.re.push(re);
    this.kinds.push(kind);
  }

  /** The units `[from, to)` as a string. */
  text(from = 0, to = this.codes.length): string {
    let out = "";
    const CHUNK = 8192;
    for (let i = from; i < to; i += CHUNK) {
      out += String.fromCharCode(...this.codes.slice(i, Math.min(to, i + CHUNK)));
    }
    return out;
  }
}

const ENTITY = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;

/**
 * Appends `value` (a node's unescaped text) aligned to `raw[start, end)`: characters that
 * match are mapped one to one, backslash escapes and character references map to their whole
 * raw form, and raw characters missing from the value (indentation, markup) are skipped.
 */
export function pushAligned(
  stream: Stream,
  value: string,
  raw: string,
  start: number,
  end: number,
  softbreaks = true,
): void {
  let i = start;
  let j = 0;
  const n = value.length;
  while (j < n) {
    const v = value.charCodeAt(j);
    if (i >= end) {
      // Note: should not happen (a value never outgrows its raw slice); map to the end.
      stream.push(v, end, end, UNIT.generated);
      j += 1;
      continue;
    }
    const r = raw.charCodeAt(i);
    if (r === 92 /* \ */ && i + 1 < end && raw.charCodeAt(i + 1) === v && v !== 92) {
      stream.push(v, i, i + 2, UNIT.escaped);
      i += 2;
      j += 1;
      continue;
    }
    if (r === v && v === 13 && softbreaks) {
      // A CRLF (or a bare CR) line ending inside a paragraph is one soft break: no CR is left
      // in the display text (summaries, quotes).
      const crlf = value.charCodeAt(j + 1) === 10 && raw.charCodeAt(i + 1) === 10;
      const width = crlf ? 2 : 1;
      stream.push(10, i, i + width, UNIT.softbreak);
      i += width;
      j += width;
      continue;
    }
    if (r === v) {
      if (r === 92 && i + 1 < end && raw.charCodeAt(i + 1) === 92) {
        // An escaped backslash `\\` stands for one backslash.
        stream.push(v, i, i + 2, UNIT.escaped);
        i += 2;
      } else {
        stream.push(v, i, i + 1, v === 10 && softbreaks ? UNIT.softbreak : UNIT.plain);
        i += 1;
      }
      j += 1;
      continue;
    }
    if (r === 38 /* & */) {
      const m = ENTITY.exec(raw.slice(i, Math.min(end, i + 40)));
      if (m) {
        const width = v >= 0xd800 && v <= 0xdbff && j + 1 < n ? 2 : 1;
        for (let k = 0; k < width; k += 1) {
          stream.push(value.charCodeAt(j + k), i, i + m[0].length, UNIT.escaped);
        }
        i += m[0].length;
        j += width;
        continue;
      }
    }
    // A raw character the value does not have (indentation, trailing spaces): skip it.
    i += 1;
  }
}
