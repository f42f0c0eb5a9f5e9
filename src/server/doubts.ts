/**
 * Which timexes a chronology finding doubts: a finding of a date kind whose span is exactly a
 * timex's span casts doubt on every event dated by that timex.
 */
import { DEFAULT_MIN_CONFIDENCE } from "../check/index.js";
import type { Chronicle } from "../model/types.js";
import { dateLabels } from "./date-labels.js";
import type { DateDoubt } from "./view.js";

const DATE_KINDS = new Set<string>(["year-out-of-sequence", "inherited-slip", "doubtful-anchor"]);

/** The doubts of a chronicle's timexes by reportable findings, keyed by timex id. */
export function dateDoubts(
  chronicle: Chronicle,
  min = DEFAULT_MIN_CONFIDENCE,
): Map<string, DateDoubt> {
  const bySpan = new Map<string, DateDoubt>();
  for (const f of chronicle.findings) {
    if (!DATE_KINDS.has(f.kind) || f.confidence < min) continue;
    const key = `${f.start}:${f.end}`;
    const old = bySpan.get(key);
    if (old && old.confidence >= f.confidence) continue;
    bySpan.set(key, {
      kind: f.kind as DateDoubt["kind"],
      suggestion: f.suggestion,
      suggestionLabel: dateLabels(f.suggestion),
      confidence: f.confidence,
      message: f.message,
    });
  }
  const out = new Map<string, DateDoubt>();
  for (const x of chronicle.timexes) {
    const doubt = bySpan.get(`${x.start}:${x.end}`);
    if (doubt) out.set(x.id, doubt);
  }
  return out;
}
