/**
 * The check stage: the chronology checked against itself, like a linter (DESIGN §7).
 * Pure: reads the chronicle and the normalized document, returns findings sorted by offset.
 */
import type { Chronicle, Finding, Normalized } from "../model/index.js";
import { buildContext, spanOf } from "./context.js";
import { findDoubtfulAnchors } from "./anchor.js";
import { conflictFinding, findMentionConflicts, findTwinEvents } from "./conflict.js";
import { findDurationMismatches } from "./duration.js";
import { buildNameIndex } from "./names.js";
import { findRepeats } from "./repeat.js";
import { clamp, findSlips, inheritedFindings } from "./sequence.js";

/** Findings below this confidence are not reported by default (`annals check --min-confidence`). */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** Checks a chronicle's dates against each other and the text; returns every finding with its confidence. */
export function checkChronology(chronicle: Chronicle, normalized: Normalized): Finding[] {
  const ctx = buildContext(chronicle, normalized);
  const index = buildNameIndex(ctx);
  const findings: Finding[] = [];
  const byTimex = new Map<string, Finding>();
  for (const slip of findSlips(ctx)) {
    findings.push(slip.finding);
    byTimex.set(slip.info.timex.id, slip.finding);
    for (const [k, f] of inheritedFindings(slip).entries()) {
      findings.push(f);
      const q = slip.inherited[k];
      if (q !== undefined) byTimex.set(q.timex.id, f);
    }
  }
  for (const c of findMentionConflicts(ctx)) {
    const known = byTimex.get(c.weak.timex.id) ?? byTimex.get(c.strong.timex.id);
    if (known !== undefined) {
      // Note: a conflict on a date already reported corroborates that finding.
      known.evidence.push(spanOf(c.strong));
      known.confidence = clamp(known.confidence + 0.05);
      continue;
    }
    const f = conflictFinding(c);
    findings.push(f);
    byTimex.set(c.weak.timex.id, f);
  }
  findings.push(...findDoubtfulAnchors(ctx, index, new Set(byTimex.keys())));
  findings.push(...findTwinEvents(ctx));
  findings.push(...findDurationMismatches(ctx, index));
  findings.push(...findRepeats(ctx));
  return findings.sort(
    (a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind),
  );
}

/** Findings at or above a confidence threshold (default DEFAULT_MIN_CONFIDENCE). */
export function reportable(findings: Finding[], min = DEFAULT_MIN_CONFIDENCE): Finding[] {
  return findings.filter((f) => f.confidence >= min);
}
