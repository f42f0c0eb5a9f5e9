/**
 * Maps raw-text spans to display-text ranges so the page can mark annotations in the article
 * reader, which renders `text` (display) rather than `raw`.
 */

import type { TextRange } from "./view.js";

export type { TextRange };

/** Maps raw spans onto display ranges through the display→raw offset maps of one document. */
export class DisplayMap {
  private readonly starts: readonly number[];
  private readonly ends: readonly number[];
  private readonly monotonic: boolean;

  constructor(rawStarts: readonly number[], rawEnds: readonly number[]) {
    this.starts = rawStarts;
    this.ends = rawEnds;
    let ok = rawStarts.length === rawEnds.length;
    for (let i = 1; ok && i < rawStarts.length; i += 1) {
      if ((rawStarts[i] ?? 0) < (rawStarts[i - 1] ?? 0)) ok = false;
      if ((rawEnds[i] ?? 0) < (rawEnds[i - 1] ?? 0)) ok = false;
    }
    this.monotonic = ok;
  }

  /** The display range whose characters lie inside raw `[start, end)`, or null if none does. */
  range(start: number, end: number): TextRange | null {
    if (end <= start) return null;
    if (this.monotonic) {
      const textStart = this.firstStartAtOrAfter(start);
      const textEnd = this.firstEndAfter(end);
      return textEnd > textStart ? { textStart, textEnd } : null;
    }
    let lo = -1;
    let hi = -1;
    for (let i = 0; i < this.starts.length; i += 1) {
      if ((this.starts[i] ?? -1) >= start && (this.ends[i] ?? Infinity) <= end) {
        if (lo < 0) lo = i;
        hi = i + 1;
      }
    }
    return lo < 0 ? null : { textStart: lo, textEnd: hi };
  }

  /** The display position just after the last character that ends at or before raw `at`. */
  pointAfter(at: number): number {
    if (this.monotonic) return this.firstEndAfter(at);
    let best = 0;
    for (let i = 0; i < this.ends.length; i += 1)
      if ((this.ends[i] ?? Infinity) <= at) best = i + 1;
    return best;
  }

  /** Smallest i with starts[i] >= raw (or the length). */
  private firstStartAtOrAfter(raw: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] ?? 0) >= raw) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Smallest i with ends[i] > raw (or the length): the end of the characters ending by raw. */
  private firstEndAfter(raw: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ends[mid] ?? 0) > raw) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
