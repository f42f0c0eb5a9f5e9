/** Paired marks (quotes, brackets): whether a text leaves one open. */

/** One step of the mark depth: a mark in both lists (the straight quote) toggles. */
function step(depth: number, ch: string, open: string, close: string): number {
  const o = open.includes(ch);
  const k = close.includes(ch);
  if (o && k) return depth > 0 ? depth - 1 : depth + 1;
  if (o) return depth + 1;
  if (k && depth > 0) return depth - 1;
  return depth;
}

/**
 * True when `s` opens more marks of a kind than it closes (a mark in both lists, such as the
 * straight quote, toggles).
 */
export function unbalanced(s: string, open: string, close: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i += 1) depth = step(depth, s.charAt(i), open, close);
  return depth > 0;
}

/**
 * One global pattern per pair of mark lists (any mark of either), shared by every `MarkDepth`
 * over them: a scan sets `lastIndex` right before each `exec`, so sharing is safe, where a
 * pattern was built per instance (the quotes of every block present-ref asks about, two per
 * document in the asides refiner).
 */
const markPatterns = new Map<string, RegExp>();
function markPattern(open: string, close: string): RegExp {
  const key = `${open}\u0000${close}`;
  let pattern = markPatterns.get(key);
  if (pattern === undefined) {
    pattern = new RegExp(`[${(open + close).replace(/[\]\\^-]/g, "\\$&")}]`, "g");
    markPatterns.set(key, pattern);
  }
  return pattern;
}

/**
 * The mark depth of `text` scanned forward from a start offset, remembered between calls:
 * queries with one start at growing ends cost one pass over the text in all (a new start or
 * an earlier end scans again). Marks are BMP characters, so scanning UTF-16 units is exact.
 */
export class MarkDepth {
  private from = -1;
  private at = -1;
  private depth = 0;
  /** Any mark of either list; `exec` jumps from mark to mark instead of stepping every unit. */
  private readonly marks: RegExp;
  /** The first mark at or after `searchedFrom` is at `found` (the text's length: none). */
  private searchedFrom = -1;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly open: string,
    private readonly close: string,
  ) {
    this.marks = markPattern(open, close);
  }

  /**
   * The offset of the first mark at or after `at`, or the text's length. Remembered: any `at`
   * up to that mark is answered without a scan, so forward queries read each stretch once.
   */
  private markFrom(at: number): number {
    if (at < this.searchedFrom || at > this.found) {
      this.marks.lastIndex = at;
      const m = this.marks.exec(this.text);
      this.searchedFrom = at;
      this.found = m === null ? this.text.length : m.index;
    }
    return this.found;
  }

  /** The depth of marks left open by `text.slice(from, to)`. */
  depthOf(from: number, to: number): number {
    if (from !== this.from || to < this.at) {
      this.from = from;
      this.at = from;
      this.depth = 0;
    }
    const { text, open, close } = this;
    while (this.at < to) {
      const mark = this.markFrom(this.at);
      if (mark >= to) {
        this.at = to;
        break;
      }
      this.depth = step(this.depth, text.charAt(mark), open, close);
      this.at = mark + 1;
    }
    return this.depth;
  }

  /** The offset of the first open or close mark in `[from, end)`, or `end` when there is none. */
  nextMark(from: number, end: number): number {
    return Math.min(this.markFrom(from), Math.max(from, end));
  }

  /** The UTF-16 unit at `i` of the scanned text. */
  charAt(i: number): string {
    return this.text.charAt(i);
  }

  /** Same as `unbalanced(text.slice(from, to), open, close)`. */
  unbalanced(from: number, to: number): boolean {
    return this.depthOf(from, to) > 0;
  }
}
