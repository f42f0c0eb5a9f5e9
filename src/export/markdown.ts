/** Events as a GitHub-flavoured Markdown table. */
import type { Event } from "../model/index.js";
import type { FlaggedEvent } from "../query/index.js";
import { dateCell } from "./date-cell.js";

/** Options for `toMarkdown`. */
export interface MarkdownOptions {
  /** Display names for actor ids (ids are shown when absent). */
  names?: ReadonlyMap<string, string>;
  /** A heading written above the table. */
  title?: string;
}

/**
 * Text made safe for one GFM table cell: Markdown punctuation that could start inline markup
 * and the cell separator `|` are backslash-escaped, and line breaks become `<br>`.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~#&]/g, "\\$&")
    .replace(/\r\n?|\n/g, "<br>")
    .trim();
}

/** The actors of an event as `source → target` (with `+ other` when there are third parties). */
export function actorLabel(event: Event, names?: ReadonlyMap<string, string>): string {
  const show = (ids: string[]): string => ids.map((id) => names?.get(id) ?? id).join(", ");
  let label = show(event.actors.source);
  if (event.actors.target.length > 0) label += ` → ${show(event.actors.target)}`;
  if (event.actors.other.length > 0) label += ` (+ ${show(event.actors.other)})`;
  return label;
}

/**
 * Events as a Markdown table with columns date, type, score, actors, summary; a doubted date
 * carries the suggested date in its cell (`2008年5月25日!→2009年5月25日`). The date marks used
 * are explained in one line under the table.
 */
export function toMarkdown(
  events: ReadonlyArray<FlaggedEvent>,
  options: MarkdownOptions = {},
): string {
  const lines: string[] = [];
  if (options.title !== undefined) lines.push(`# ${markdownCell(options.title)}`, "");
  lines.push("| date | type | score | actors | summary |", "| --- | --- | ---: | --- | --- |");
  const marks = new Set<string>();
  for (const event of events) {
    const date = dateCell(event);
    for (const mark of Object.keys(MARKS)) if (date.includes(mark)) marks.add(mark);
    const cells = [
      date,
      event.type,
      event.score === null ? "" : String(event.score),
      actorLabel(event, options.names),
      event.summary,
    ];
    lines.push(`| ${cells.map(markdownCell).join(" | ")} |`);
  }
  // A reader meets the date marks in the table; the ones used are explained under it.
  const legend = Object.entries(MARKS).filter(([mark]) => marks.has(mark));
  if (legend.length > 0) {
    lines.push("", legend.map(([mark, meaning]) => `${markdownCell(mark)} ${meaning}`).join(" · "));
  }
  return `${lines.join("\n")}\n`;
}

/** The date cell's marks (`dateCell`) and what they mean, in the order they are explained. */
const MARKS: Record<string, string> = {
  "~": "date inferred from the narrative (the sentence gives no full date)",
  "?": "no date found",
  "!→": "the chronology check doubts the date and suggests the one after the mark",
  "!←": "the check's suggestion is applied; after the mark, the date the article gives",
};
