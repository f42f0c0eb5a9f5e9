/** Paired marks (quotes, brackets): whether a text leaves one open. */

/**
 * True when `s` opens more marks of a kind than it closes (a mark in both lists, such as the
 * straight quote, toggles).
 */
export function unbalanced(s: string, open: string, close: string): boolean {
  let depth = 0;
  for (const ch of s) {
    const o = open.includes(ch);
    const k = close.includes(ch);
    if (o && k) depth = depth > 0 ? depth - 1 : depth + 1;
    else if (o) depth += 1;
    else if (k && depth > 0) depth -= 1;
  }
  return depth > 0;
}
