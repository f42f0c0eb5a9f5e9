/**
 * The held-out type confusion of `annals train --cv K --confusion`: for the dev events that the
 * folds detect and match to a gold event, the gold type against ours (a matrix of counts), the
 * largest off-diagonal cells and a few examples of each (article, gold mention, our mention), so
 * a cell can be read as the model's fault, a missing feature or the gold.
 */
import type { EventDiff } from "../eval/index.js";

/** One matched pair whose types differ. */
export interface ConfusedPair {
  article: string;
  gold: string;
  system: string;
  goldText: string;
  systemText: string;
}

/** The matrix (gold type → our type → count) and every wrong-type pair, in the order met. */
export interface Confusion {
  matrix: Record<string, Record<string, number>>;
  pairs: ConfusedPair[];
}

/** An empty confusion. */
export function emptyConfusion(): Confusion {
  return { matrix: {}, pairs: [] };
}

/** Adds the matched pairs of one article (`EventScore.matches`). */
export function addConfusion(c: Confusion, article: string, matches: readonly EventDiff[]): void {
  for (const { gold, system } of matches) {
    if (!gold || !system) continue;
    const row = (c.matrix[gold.type] ??= {});
    row[system.type] = (row[system.type] ?? 0) + 1;
    if (gold.type !== system.type)
      c.pairs.push({
        article,
        gold: gold.type,
        system: system.type,
        goldText: gold.text,
        systemText: system.text,
      });
  }
}

/** A type's short column name (the first four letters, `_` dropped: mili, weap, lead…). */
function short(type: string): string {
  return type.replace(/_/gu, "").slice(0, 4);
}

/** A text cut to `n` characters on one line. */
function clip(text: string, n: number): string {
  const line = text.replace(/\s+/gu, " ");
  return line.length > n ? `${line.slice(0, n)}…` : line;
}

/**
 * The confusion as text: the matrix (rows gold types by their number of matches, columns our
 * types in the same order, the diagonal in brackets), each row's share typed right, then the
 * `top` largest off-diagonal cells with the share of their gold row and up to `samples` examples
 * each (spread over articles: one per article first).
 */
export function formatConfusion(c: Confusion, top = 12, samples = 3): string {
  const sum = (r: Record<string, number>): number => Object.values(r).reduce((n, x) => n + x, 0);
  const rows = Object.entries(c.matrix).sort(
    (x, y) => sum(y[1]) - sum(x[1]) || x[0].localeCompare(y[0]),
  );
  const types = [...rows.map(([g]) => g)];
  for (const [, r] of rows) for (const s of Object.keys(r)) if (!types.includes(s)) types.push(s);
  const cell = (g: string, s: string): string => {
    const n = c.matrix[g]?.[s] ?? 0;
    const text = n === 0 ? "." : g === s ? `[${n}]` : String(n);
    return text.padStart(6);
  };
  const matched = rows.reduce((n, [, r]) => n + sum(r), 0);
  const right = rows.reduce((n, [g, r]) => n + (r[g] ?? 0), 0);
  const lines = [
    `held-out type confusion of matched events (gold row × our column): ${right} of ${matched} typed right (${matched === 0 ? "0.000" : (right / matched).toFixed(3)})`,
    `${"gold \\ ours".padEnd(18)}${types.map((t) => short(t).padStart(6)).join("")}   right`,
    ...rows.map(
      ([g, r]) =>
        `${g.padEnd(18)}${types.map((s) => cell(g, s)).join("")}   ${((r[g] ?? 0) / sum(r)).toFixed(2)}`,
    ),
  ];
  const cells = rows
    .flatMap(([g, r]) =>
      Object.entries(r)
        .filter(([s]) => s !== g)
        .map(([s, n]) => ({ g, s, n, share: n / sum(r) })),
    )
    .sort((x, y) => y.n - x.n || x.g.localeCompare(y.g) || x.s.localeCompare(y.s))
    .slice(0, top);
  lines.push(`top confused pairs (gold → ours: count, share of the gold type's matches):`);
  for (const { g, s, n, share } of cells) {
    lines.push(`  ${g} → ${s}: ${n} (${share.toFixed(2)})`);
    const of = c.pairs.filter((p) => p.gold === g && p.system === s);
    const seen = new Set<string>();
    const firsts = of.filter((p) => !seen.has(p.article) && seen.add(p.article));
    const chosen = [...firsts, ...of.filter((p) => !firsts.includes(p))].slice(0, samples);
    for (const p of chosen)
      lines.push(
        `      ${p.article}: gold「${clip(p.goldText, 40)}」 ours「${clip(p.systemText, 40)}」`,
      );
  }
  return lines.join("\n");
}
