/** `annals export FILE… --format F [--out FILE]`: an article's extraction in an export format. */
import { writeFileSync } from "node:fs";
import { Command } from "commander";
import { AnnalsError } from "../model/index.js";
import { renderEvents, toJson, type RenderContext } from "../export/index.js";
import { dateFindingsByTimex, flagEvents, sortEvents } from "../query/index.js";
import type { Extraction } from "../extract.js";
import { DEFAULT_MAX_BYTES, extractFile } from "./load.js";
import { entityNames } from "./timeline.js";

/** Formats of `annals export`. */
export const EXPORT_FORMATS = ["json", "csv", "md", "timelinejs", "timeml"] as const;

/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The extractions in `format`: json is the DESIGN §3 contract (an array of them for several
 * files); csv, md and timelinejs hold every event of every file in date order; timeml takes one file.
 * Doubted dates are flagged (`dateFinding`); `suggestedDates` uses the checker's suggestions.
 */
export function renderExport(
  extractions: readonly Extraction[],
  format: ExportFormat,
  options: { suggestedDates?: boolean } = {},
): string {
  const suggested = options.suggestedDates === true;
  // Every event whose date the checker doubts carries `dateFinding`; with suggestedDates its
  // value is the suggestion (the literal value kept in the finding).
  extractions = extractions.map((x) => {
    const findings = dateFindingsByTimex(x.chronicle);
    const events = flagEvents(x.chronicle.events, () => findings, suggested);
    return { ...x, chronicle: { ...x.chronicle, events } };
  });
  if (format === "json") {
    if (extractions.length === 1) return toJson(extractions[0] as Extraction);
    const parts = extractions.map((x) => toJson(x).trimEnd());
    return `[\n${parts.join(",\n")}\n]\n`;
  }
  if (format === "timeml" && extractions.length !== 1) {
    throw new AnnalsError("--format timeml writes one document: give one FILE");
  }
  const events = sortEvents(
    extractions.flatMap(({ chronicle }) =>
      chronicle.events.map((e) => ({ ...e, doc: chronicle.document.id })),
    ),
  );
  const only = extractions.length === 1 ? extractions[0] : undefined;
  const byId = new Map(extractions.map((x) => [x.chronicle.document.id, x.document]));
  const context: RenderContext = {
    names: entityNames(extractions),
    raw: (doc) => (doc === undefined ? null : (byId.get(doc)?.raw ?? null)),
    display: (doc) => (doc === undefined ? null : (byId.get(doc) ?? null)),
    document: only ? { raw: only.document.raw, chronicle: only.chronicle } : null,
  };
  if (only) context.title = only.chronicle.document.title;
  return renderEvents(format, events, context);
}

/** Raw option values of `export` as commander hands them over. */
interface ExportFlags {
  format: string;
  out?: string;
  maxBytes?: string;
  suggestedDates?: boolean;
}

/** Registers the `export` command. */
export function register(program: Command): void {
  program
    .command("export")
    .description(
      "extract articles and write them as JSON, CSV, Markdown, TimelineJS3 JSON or TimeML",
    )
    .argument("<files...>", "pandoc zhwiki markdown files (- = standard input)")
    .option("--format <format>", `output format (${EXPORT_FORMATS.join(", ")})`, "json")
    .option("--out <file>", "write here instead of standard output")
    .option("--max-bytes <n>", "refuse files larger than this")
    .option(
      "--suggested-dates",
      "where the checker doubts a date, use its suggested date (the literal one kept in dateFinding)",
    )
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  annals export samples/us-dprk.md --format timelinejs --out timeline.json\n" +
        "  annals export samples/us-dprk.md --format timeml > us-dprk.tml",
    )
    .action(async (files: string[], flags: ExportFlags) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(flags.format)) {
        throw new AnnalsError(
          `unknown format "${flags.format}" (valid: ${EXPORT_FORMATS.join(", ")})`,
        );
      }
      let maxBytes = DEFAULT_MAX_BYTES;
      if (flags.maxBytes !== undefined) {
        maxBytes = Number(flags.maxBytes);
        if (!/^\d+$/.test(flags.maxBytes) || maxBytes <= 0) {
          throw new AnnalsError(`--max-bytes expects a positive integer, got "${flags.maxBytes}"`);
        }
      }
      const format = flags.format as ExportFormat;
      if (format === "timeml" && files.length !== 1) {
        throw new AnnalsError("--format timeml writes one document: give one FILE");
      }
      const extractions: Extraction[] = [];
      for (const file of files) extractions.push(await extractFile(file, { maxBytes }));
      const text = renderExport(extractions, format, {
        suggestedDates: flags.suggestedDates === true,
      });
      if (flags.out === undefined) {
        process.stdout.write(text);
        return;
      }
      try {
        writeFileSync(flags.out, text, "utf8");
      } catch (error) {
        const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
        throw new AnnalsError(`cannot write: ${message}`, { file: flags.out });
      }
    });
}
