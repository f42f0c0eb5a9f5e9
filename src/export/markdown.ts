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
 * carries the suggested date in its cell (`2008年5月25日!→2009年5月25日`).
 */
export function toMarkdown(
  events: ReadonlyArray<FlaggedEvent>,
  options: MarkdownOptions = {},
): string {
  const lines: string[] = [];
  if (options.title !== undefined) lines.push(`# ${markdownCell(options.title)}`, "");
  lines.push("| date | type | score | actors | summary |", "| --- | --- | ---: | --- | --- |");
  for (const event of events) {
    const cells = [
      dateCell(event),
      event.type,
      event.score === null ? "" : String(event.score),
      actorLabel(event, options.names),
      event.summary,
    ];
    lines.push(`| ${cells.map(markdownCell).join(" | ")} |`);
  }
  return `${lines.join("\n")}\n`;
}
