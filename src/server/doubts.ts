/**
 * Which timexes a chronology finding doubts: a finding of a date kind whose span is exactly a
 * timex's span casts doubt on every event dated by that timex.
 */
import { DEFAULT_MIN_CONFIDENCE } from "../check/index.js";
import type { Chronicle, Finding, TimexRef } from "../model/index.js";
import { dateLabels } from "./date-labels.js";
import type { DateDoubt } from "./view.js";

const DATE_KINDS = new Set<string>(["year-out-of-sequence", "inherited-slip", "doubtful-anchor"]);

/**
 * Folds `finding` into the doubts keyed by `key`: a reportable finding of a date kind replaces
 * the kept one only when it is more confident (so the first of equals stays).
 */
function keep(doubts: Map<string, DateDoubt>, key: string, f: Finding, min: number): void {
  if (!DATE_KINDS.has(f.kind) || f.confidence < min) return;
  const old = doubts.get(key);
  if (old && old.confidence >= f.confidence) return;
  doubts.set(key, {
    kind: f.kind as DateDoubt["kind"],
    suggestion: f.suggestion,
    suggestionLabel: dateLabels(f.suggestion),
    confidence: f.confidence,
    message: f.message,
  });
}

/** The doubts of a chronicle's timexes by reportable findings, keyed by timex id. */
export function dateDoubts(
  chronicle: Chronicle,
  min = DEFAULT_MIN_CONFIDENCE,
): Map<string, DateDoubt> {
  const bySpan = new Map<string, DateDoubt>();
  for (const f of chronicle.findings) keep(bySpan, `${f.start}:${f.end}`, f, min);
  const out = new Map<string, DateDoubt>();
  for (const x of chronicle.timexes) {
    const doubt = bySpan.get(`${x.start}:${x.end}`);
    if (doubt) out.set(x.id, doubt);
  }
  return out;
}

/** The key of a timex of a stored document in the map of `timexDoubts`. */
export function timexKey(ref: TimexRef): string {
  return `${ref.doc}\u0000${ref.timex}`;
}

/**
 * The doubts of stored timexes from the findings on their spans (`StoreReader.timexFindings`,
 * in document order), keyed by `timexKey`.
 */
export function timexDoubts(
  findings: ReadonlyArray<Finding & TimexRef>,
  min = DEFAULT_MIN_CONFIDENCE,
): Map<string, DateDoubt> {
  const out = new Map<string, DateDoubt>();
  for (const f of findings) keep(out, timexKey(f), f, min);
  return out;
}
