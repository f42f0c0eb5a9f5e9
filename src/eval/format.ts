/** Plain-text reports of scores for the terminal. */
import type { EventDiff, EventScore } from "./events.js";
import type { Prf, TimexDiff, TimexScore } from "./timex.js";

/** `P 0.950 R 0.940 F1 0.945 (tp 155, system 163, gold 164)`. */
export function formatPrf(p: Prf): string {
  const f = (x: number) => x.toFixed(3);
  return `P ${f(p.precision)}  R ${f(p.recall)}  F1 ${f(p.f1)}  (tp ${p.tp}, system ${p.system}, gold ${p.gold})`;
}

function diffLine(d: TimexDiff): string {
  const g = d.gold ? `${d.gold.type} ${d.gold.value}${d.gold.mod ? ` ${d.gold.mod}` : ""}` : "-";
  const s = d.system
    ? `${d.system.type} ${d.system.value}${d.system.mod ? ` ${d.system.mod}` : ""} [${d.system.rule}]`
    : "-";
  const text =
    d.system && d.gold && d.system.text !== d.gold.text
      ? `${d.gold.text} / ${d.system.text}`
      : d.text;
  return `  @${d.start}  ${JSON.stringify(text)}  gold: ${g}  system: ${s}`;
}

/** The timex section of `annals eval`. */
export function formatTimexScore(score: TimexScore, details = true): string {
  const lines = [
    `timex extent strict   ${formatPrf(score.strict)}`,
    `timex extent relaxed  ${formatPrf(score.relaxed)}`,
    `timex value (relaxed extent + value + mod)  ${formatPrf(score.value)}`,
    `timex type accuracy ${score.typeAccuracy.toFixed(3)}, value accuracy ${score.valueAccuracy.toFixed(3)} (on relaxed matches)`,
  ];
  if (details) {
    const lists: Array<[string, TimexDiff[]]> = [
      ["misses", score.misses],
      ["wrong values", score.wrongValues],
      ["wrong types", score.wrongTypes],
      ["spurious", score.spurious],
    ];
    for (const [name, items] of lists) {
      if (items.length === 0) continue;
      lines.push(`${name} (${items.length}):`, ...items.map(diffLine));
    }
  }
  return lines.join("\n");
}

function eventLine(d: EventDiff): string {
  const g = d.gold ? `gold ${d.gold.id} ${d.gold.type} ${d.gold.date}` : "";
  const s = d.system
    ? `system ${d.system.id} ${d.system.type} ${d.system.date ?? "undated"} [${d.system.rule}]`
    : "";
  const text = (d.gold?.text ?? d.system?.text ?? "").replace(/\s+/gu, " ").slice(0, 60);
  return `  ${[g, s].filter(Boolean).join("  ")}  ${JSON.stringify(text)}`;
}

/** The event section of `annals eval`. */
export function formatEventScore(score: EventScore, details = true): string {
  const lines = [
    `events detection      ${formatPrf(score.detection)}`,
    `events typed          ${formatPrf(score.typed)}`,
    `events typed+dated    ${formatPrf(score.typedDated)}`,
    `actors (source+target, on typed matches)  ${formatPrf(score.actors)}`,
    `actors, roles ignored                     ${formatPrf(score.actorsAnyRole)}`,
  ];
  if (details) {
    const lists: Array<[string, EventDiff[]]> = [
      ["missed events", score.misses],
      ["wrong type", score.wrongType],
      ["wrong date", score.wrongDate],
      ["wrong actors", score.wrongActors],
      ["spurious events", score.spurious],
    ];
    for (const [name, items] of lists) {
      if (items.length === 0) continue;
      lines.push(`${name} (${items.length}):`, ...items.map(eventLine));
    }
  }
  return lines.join("\n");
}
