/** `annals parse FILE`: the ingested document model (JSON) or the clean article text. */
import { Command, Option } from "commander";
import { ingest } from "../ingest/index.js";
import type { Document, Variant } from "../model/index.js";
import { normalize } from "../normalize/index.js";
import {
  DEFAULT_MAX_BYTES,
  inputFormatOption,
  loadSource,
  positiveInt,
  warnAboutSource,
} from "./load.js";

/** The JSON form of a document: every record with its raw start, end and text; no raw, no maps. */
export function documentJson(doc: Document): Record<string, unknown> {
  return {
    id: doc.id,
    title: doc.title,
    displayTitle: doc.displayTitle,
    source: doc.source,
    length: doc.raw.length,
    textLength: doc.text.length,
    sections: doc.sections,
    blocks: doc.blocks,
    sentences: doc.sentences,
    links: doc.links,
    categories: doc.categories,
    images: doc.images,
    footnotes: doc.footnotes,
    references: doc.references,
    converter: doc.converter,
    meta: doc.meta ?? { format: "markdown", infobox: [] },
  };
}

/** The clean article in a variant: headings as lines, blocks separated by blank lines. */
export function documentText(doc: Document, variant: Variant): string {
  let text = doc.text;
  if (variant !== "original") {
    const n = normalize(doc);
    text = variant === "cn" ? n.cn : n.tw;
  }
  const out: string[] = [];
  for (const block of doc.blocks) {
    const body = text.slice(block.textStart, block.textEnd).replace(/\u200b/g, "");
    if (block.kind === "heading") {
      const level = doc.sections.find((s) => s.block === block.id)?.level ?? 2;
      out.push(`${"#".repeat(level)} ${body}`);
    } else if (block.kind === "list-item") out.push(`- ${body}`);
    else if (block.kind === "caption") out.push(`[${body}]`);
    else out.push(body);
  }
  return `${out.join("\n\n")}\n`;
}

/** Registers the `parse` command. */
export function register(program: Command): void {
  program
    .command("parse")
    .description(
      "parse one article into the document model: sections, blocks, sentences, links,\n" +
        "categories, images with captions, footnotes, references and converter markup",
    )
    .argument("<file>", "pandoc zhwiki markdown or wikitext file (UTF-8; - = standard input)")
    .addOption(inputFormatOption())
    .addOption(
      new Option("--format <format>", "json: the document model; text: the clean article")
        .choices(["json", "text"])
        .default("json"),
    )
    .addOption(
      new Option("--variant <variant>", "script of the text output (zh-cn, zh-tw, as written)")
        .choices(["cn", "tw", "original"])
        .default("original"),
    )
    .option("--max-bytes <n>", "refuse files larger than this", positiveInt, DEFAULT_MAX_BYTES)
    .addHelpText(
      "after",
      "\nEvery record carries start/end (UTF-16 offsets into the file text) and the text they cover.\n" +
        "\nExamples:\n" +
        "  annals parse samples/us-dprk.md > us-dprk.doc.json\n" +
        "  annals parse samples/us-dprk.md --format text --variant tw",
    )
    .action(
      async (
        file: string,
        opts: {
          format: "json" | "text";
          variant: Variant;
          maxBytes: number;
          inputFormat?: "md" | "wikitext";
        },
      ) => {
        const source = await loadSource(file, opts.maxBytes);
        const doc = ingest(source.raw, {
          name: source.name,
          ...(opts.inputFormat !== undefined ? { format: opts.inputFormat } : {}),
        });
        warnAboutSource(source);
        const out =
          opts.format === "json"
            ? `${JSON.stringify(documentJson(doc), null, 2)}\n`
            : documentText(doc, opts.variant);
        process.stdout.write(out);
      },
    );
}
