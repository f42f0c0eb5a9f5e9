/** `annals eval --gold DIR FILE…`: scores extraction output against gold annotations. */
import { stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { Command, Option } from "commander";
import { AnnalsError, type Chronicle } from "../model/index.js";
import {
  formatEventScore,
  formatTimexScore,
  scoreEvents,
  scoreTimexes,
  type GoldEntity,
  type GoldEvent,
  type GoldTimex,
} from "../eval/index.js";
import { extractFile, readJson } from "./load.js";
import { evalCorpus } from "./corpus-eval.js";

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The gold folder for `file`: `DIR/<name>/` when it exists, else DIR itself. */
async function goldDirFor(dir: string, file: string): Promise<string> {
  const name = basename(file, extname(file));
  const sub = join(dir, name);
  if (await exists(join(sub, "timex.json"))) return sub;
  if (await exists(join(dir, "timex.json"))) return dir;
  throw new AnnalsError(`no timex.json in ${dir} or ${sub}`, { file: dir });
}

/** A system output: an `annals extract` JSON file, or an article to extract now. */
async function systemOutput(file: string): Promise<{ chronicle: Chronicle; raw: string | null }> {
  if (extname(file) === ".json") {
    const data = await readJson<Chronicle>(file);
    if (!Array.isArray(data.timexes))
      throw new AnnalsError("not an annals extract output (no timexes)", { file });
    return { chronicle: data, raw: null };
  }
  const { chronicle, document } = await extractFile(file);
  return { chronicle, raw: document.raw };
}

/**
 * Refuses gold made for another text: gold spans must lie inside the article and say what the
 * article says there (for a JSON output, what its timexes at the same spans say).
 */
function checkGoldFits(
  file: string,
  dir: string,
  gold: GoldTimex[],
  chronicle: Chronicle,
  raw: string | null,
): void {
  const length = raw?.length ?? chronicle.document.length;
  const known = new Map(chronicle.timexes.map((t) => [`${t.start}:${t.end}`, t.text]));
  const misfits = gold.filter((g) => {
    if (g.end > length) return true;
    if (raw !== null) return raw.slice(g.start, g.end) !== g.text;
    const text = known.get(`${g.start}:${g.end}`);
    return text !== undefined && text !== g.text;
  });
  if (gold.length > 0 && misfits.length > gold.length / 10) {
    throw new AnnalsError(
      `the gold in ${dir} does not fit this article: ${misfits.length} of ${gold.length} gold spans do not match its text`,
      { file },
    );
  }
}

/** Registers the `eval` command. */
export function register(program: Command): void {
  program
    .command("eval")
    .description("score outputs against gold folders (timex.json; events.json + entities.json)")
    .option(
      "--gold <dir>",
      "gold folder shaped like corpus/us-dprk (or with one subfolder per article)",
    )
    .option(
      "--corpus <dir>",
      "score a whole annotated corpus (splits.json): one table of seed, dev and test scores",
    )
    .option("--errors", "with --corpus: list the differences of the dev articles (never test)")
    .option(
      "--breakdown",
      "with --corpus: where the dev split loses events (misses by cause — no candidate clause split by why —, false positives by type, type confusions, date errors)",
    )
    .option(
      "--rules-only",
      "with --corpus: events from the trigger rules alone, without the typer, the role model and the date ranker",
    )
    .argument(
      "[files...]",
      "articles (.md, extracted now; - = standard input) or `annals extract` outputs (.json)",
    )
    .addOption(
      new Option("--format <format>", "output format").choices(["text", "json"]).default("text"),
    )
    .option("--brief", "print only the scores, not the lists of differences")
    .addHelpText(
      "after",
      "\nExamples:\n  annals eval --gold corpus/us-dprk samples/us-dprk.md\n  annals eval --corpus corpus",
    )
    .action(
      async (
        files: string[],
        opts: {
          gold?: string;
          corpus?: string;
          errors?: boolean;
          rulesOnly?: boolean;
          breakdown?: boolean;
          format: "text" | "json";
          brief?: boolean;
        },
      ) => {
        if (opts.corpus) {
          await evalCorpus(opts.corpus, {
            format: opts.format,
            errors: opts.errors === true,
            rulesOnly: opts.rulesOnly === true,
            breakdown: opts.breakdown === true,
          });
          return;
        }
        const gold = opts.gold;
        if (!gold || files.length === 0)
          throw new AnnalsError("eval needs --gold DIR and files, or --corpus DIR", {});
        const results = [];
        for (const file of files) {
          const dir = await goldDirFor(gold, file);
          const { chronicle, raw } = await systemOutput(file);
          const goldTimexes = await readJson<GoldTimex[]>(join(dir, "timex.json"), "gold file");
          checkGoldFits(file, dir, goldTimexes, chronicle, raw);
          const timex = scoreTimexes(chronicle.timexes, goldTimexes);
          const hasEvents =
            (await exists(join(dir, "events.json"))) && (await exists(join(dir, "entities.json")));
          const events = hasEvents
            ? scoreEvents(chronicle, {
                events: await readJson<GoldEvent[]>(join(dir, "events.json"), "gold file"),
                entities: await readJson<GoldEntity[]>(join(dir, "entities.json"), "gold file"),
              })
            : null;
          results.push({ file, gold: dir, timex, events });
          if (opts.format === "text") {
            const parts = [`${file}  (gold: ${dir})`, formatTimexScore(timex, !opts.brief)];
            if (events) parts.push(formatEventScore(events, !opts.brief));
            process.stdout.write(`${parts.join("\n")}\n`);
          }
        }
        if (opts.format === "json") process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      },
    );
}
