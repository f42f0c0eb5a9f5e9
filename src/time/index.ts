/**
 * The time stage: `tagTimes(norm)` finds every time expression of a document and normalizes it
 * to TIMEX3, anchored along the narrative.
 */
import type { Normalized, Timex } from "../model/index.js";
import { rawSpan } from "../model/spans.js";
import { PARSERS, REFINERS } from "./config.js";
import { parseBlocks } from "./engine.js";
import { sentenceStarts } from "./refiners/sentences.js";
import { parseReference } from "./now.js";
import { documentFocus } from "./focus.js";
import type { Placed, RefineInput } from "./types.js";
import { linkEdge } from "./link-split.js";

/** Options for `tagTimes`: the document's reference date, and the parser and refiner lists (for tests). */
export interface TagOptions {
  /**
   * The document's now (its creation or revision time), `YYYY-MM-DD` or `YYYY-MM-DDThh:mm`:
   * deictic expressions (今天, 上周一, 三天前) resolve against it. Without it they keep their
   * narrative reading (今天 → PRESENT_REF); the machine's clock is never read.
   */
  referenceDate?: string;
  parsers?: typeof PARSERS;
  refiners?: typeof REFINERS;
}

/** Placed, refined candidates before they become timexes (for tests and debugging). */
export function findTimes(norm: Normalized, options: TagOptions = {}): Placed[] {
  const reference =
    options.referenceDate !== undefined ? parseReference(options.referenceDate) : undefined;
  let items = parseBlocks(norm, options.parsers ?? PARSERS, reference);
  const doc = norm.doc;
  const focus = documentFocus(doc);
  const firstSection = doc.blocks.find((b) => b.section !== null);
  const input: RefineInput = {
    text: norm.analysis,
    sentenceStarts: sentenceStarts(doc),
    sectionParents: doc.sections.map((s) => s.parent),
    leadEnd: firstSection?.textStart ?? norm.analysis.length,
    inLink: (start, end) => {
      if (end <= start) return false;
      const rawStart = doc.rawStarts[start] ?? -1;
      const rawEnd = doc.rawEnds[end - 1] ?? -1;
      return doc.links.some((l) => l.anchor.start <= rawStart && rawEnd <= l.anchor.end);
    },
    ...(reference !== undefined ? { reference } : {}),
    ...(focus !== undefined ? { focus } : {}),
  };
  for (const refiner of options.refiners ?? REFINERS) items = refiner.refine(items, input);
  return items;
}

/** Every time expression of `norm`, with raw spans, TIMEX3 values and anchors; ids t1… in order. */
export function tagTimes(norm: Normalized, options: TagOptions = {}): Timex[] {
  const items = findTimes(norm, options);
  const ids = new Map<number, string>();
  const out: Timex[] = [];
  let lastEnd = -1;
  items.forEach((item, i) => {
    let textStart = item.textStart;
    const value = item.resolved ?? item.value ?? "";
    const anchorId = item.anchor !== undefined ? (ids.get(item.anchor) ?? null) : null;
    // Note: a date written across links' edges is one expression per piece (`link-split.ts`).
    for (;;) {
      const edge =
        item.type === "DATE" || item.type === "TIME"
          ? linkEdge(
              norm.doc,
              norm.analysis,
              textStart,
              item.textEnd,
              value,
              item.calendar,
              item.lunarMonthValue,
            )
          : undefined;
      if (edge === undefined) break;
      const head = rawSpan(norm.doc, textStart, edge.at);
      if (head.start >= lastEnd && head.text !== "") {
        lastEnd = head.end;
        out.push({
          id: `t${out.length + 1}`,
          start: head.start,
          end: head.end,
          text: head.text,
          type: "DATE",
          value: edge.headValue,
          mod: null,
          calendar: item.calendar,
          anchor: anchorId,
          rule: `time:zh/${item.rule}`,
        });
      }
      textStart = edge.at;
    }
    const span = rawSpan(norm.doc, textStart, item.textEnd);
    if (span.start < lastEnd || span.text === "") return;
    lastEnd = span.end;
    const id = `t${out.length + 1}`;
    ids.set(i, id);
    const timex: Timex = {
      id,
      start: span.start,
      end: span.end,
      text: span.text,
      type: item.type,
      value,
      mod: item.mod,
      calendar: item.calendar,
      anchor: anchorId,
      rule: `time:zh/${item.rule}`,
    };
    if (item.note !== undefined && item.note !== "weekday") timex.note = item.note;
    if (item.asideKind !== undefined) timex.aside = item.asideKind;
    if (item.rangeHead === true && items[i + 1] !== undefined) timex.rangeHead = true;
    out.push(timex);
  });
  return out;
}
