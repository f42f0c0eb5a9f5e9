/**
 * A set of names matched in a text leftmost-longest, without overlaps: the matches of the
 * alternation regex `/name1|name2|…/gu` with the names sorted longest first, found by walking a
 * character trie at each position instead of trying every name there.
 *
 *   names 朝鲜, 朝鲜半岛, 韩国 in 朝鲜半岛与韩国 → 朝鲜半岛 at 0, 韩国 at 5
 *   names 美国 in 美国人 → 美国 at 0 (a name inside a longer word still matches; callers judge)
 *   names 朝鲜 in 北朝 → nothing (a name must be whole)
 */

/** A trie node: the children by UTF-16 code unit, and whether a name ends here. */
interface Node {
  next: Map<number, Node>;
  end: boolean;
}

const node = (): Node => ({ next: new Map(), end: false });

/** Names to match, held in a trie by UTF-16 code unit. */
export class NameSet {
  private readonly root = node();

  constructor(names: Iterable<string> = []) {
    for (const n of names) this.add(n);
  }

  /** Adds one name. */
  add(name: string): void {
    let at = this.root;
    for (let i = 0; i < name.length; i += 1) {
      const c = name.charCodeAt(i);
      let child = at.next.get(c);
      if (child === undefined) {
        child = node();
        at.next.set(c, child);
      }
      at = child;
    }
    at.end = true;
  }

  /** The length of the longest name that starts at `i` of `text`, or -1 when none does. */
  longestAt(text: string, i: number): number {
    let best = this.root.end ? 0 : -1;
    let at: Node | undefined = this.root;
    for (let j = i; j < text.length; j += 1) {
      at = at.next.get(text.charCodeAt(j));
      if (at === undefined) break;
      if (at.end) best = j + 1 - i;
    }
    return best;
  }
}

/** One match: the name and where it starts (UTF-16). */
export interface NameMatch {
  name: string;
  index: number;
}

/**
 * The leftmost-longest matches of the union of `sets` in `text`, in order and not overlapping,
 * exactly as `text.matchAll(/a|b|…/gu)` with the names longest first: the scan steps by code
 * point, a match resumes the scan at its end, an empty name (if any) matches where nothing
 * longer does.
 */
export function* matchNames(text: string, sets: readonly NameSet[]): Generator<NameMatch> {
  let i = 0;
  while (i <= text.length) {
    let len = -1;
    for (const s of sets) len = Math.max(len, s.longestAt(text, i));
    if (len >= 0) yield { name: text.slice(i, i + len), index: i };
    if (len > 0) i += len;
    else i += codePointWidth(text, i);
  }
}

/** 2 at a surrogate pair, else 1 (how a /u regex steps after a failed or empty match). */
function codePointWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}
