/**
 * Test support: tags a markdown snippet through ingest and normalize, and renders timexes
 * compactly (`text=value`, `@MOD` when modified) for table-driven tests.
 */
import { ingest } from "../ingest/index.js";
import type { Timex } from "../model/index.js";
import { normalize } from "../normalize/index.js";
import { tagTimes, type TagOptions } from "./index.js";

/** Every timex of a markdown snippet (`options.referenceDate`: the document's now). */
export function tagText(markdown: string, options: TagOptions = {}): Timex[] {
  return tagTimes(normalize(ingest(markdown, { name: "snippet.md" })), options);
}

/** One timex as `text=value` (plus `@MOD` and `<anchor text` when set). */
export function show(t: Timex, all: readonly Timex[] = []): string {
  let s = `${t.text}=${t.value}`;
  if (t.mod !== null) s += `@${t.mod}`;
  if (t.anchor !== null) s += `<${all.find((a) => a.id === t.anchor)?.text ?? "?"}`;
  return s;
}

/**
 * The timexes of one rule in a snippet, shown compactly (anchors only when `anchors`), read with
 * `referenceDate` as the document's now when given.
 */
export function hits(
  markdown: string,
  rule: string,
  anchors = false,
  referenceDate?: string,
): string[] {
  const all = tagText(markdown, referenceDate !== undefined ? { referenceDate } : {});
  return all
    .filter((t) => t.rule === `time:zh/${rule}`)
    .map((t) => show(anchors ? t : { ...t, anchor: null }, all));
}
