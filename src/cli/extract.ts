/** `annals extract FILE`: prints the chronicle (DESIGN §3 contract) of one article. */
import { Command, Option } from "commander";
import {
  DEFAULT_MAX_BYTES,
  REFERENCE_DATE_HELP,
  extractFile,
  inputFormatOption,
  positiveInt,
  referenceDate,
} from "./load.js";

/** Registers the `extract` command. */
export function register(program: Command): void {
  program
    .command("extract")
    .description("extract timexes, entities, events and findings from one article (JSON contract)")
    .argument("<file>", "pandoc zhwiki markdown or wikitext file (- = standard input)")
    .addOption(inputFormatOption())
    .addOption(new Option("--format <format>", "output format").choices(["json"]).default("json"))
    .addOption(
      new Option("--until <stage>", "stop after this stage")
        .choices(["time", "events", "check"])
        .default("check"),
    )
    .option("--max-bytes <n>", "refuse files larger than this", positiveInt, DEFAULT_MAX_BYTES)
    .option("--reference-date <date>", REFERENCE_DATE_HELP, referenceDate)
    .addHelpText("after", "\nExample:\n  annals extract samples/us-dprk.md > us-dprk.json")
    .action(
      async (
        file: string,
        opts: {
          until: "time" | "events" | "check";
          maxBytes: number;
          referenceDate?: string;
          inputFormat?: "md" | "wikitext";
        },
      ) => {
        const { chronicle } = await extractFile(file, {
          until: opts.until,
          maxBytes: opts.maxBytes,
          ...(opts.referenceDate !== undefined ? { referenceDate: opts.referenceDate } : {}),
          ...(opts.inputFormat !== undefined ? { inputFormat: opts.inputFormat } : {}),
        });
        process.stdout.write(`${JSON.stringify(chronicle, null, 2)}\n`);
      },
    );
}
