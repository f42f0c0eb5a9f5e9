/**
 * The `annals` command line: parses arguments, wires files and the terminal to the library.
 * Each command lives in its own file and exports `register(program)`. Only the module of the
 * command being run is imported (with its libraries and dictionaries); the others appear in
 * the help as entries of `COMMANDS`, so `annals --help` starts without loading the pipeline.
 */
import { Command, Help } from "commander";
import { EXIT, report } from "./report.js";

export { EXIT, report };

/** A command as the top-level help lists it, and how to load its module. */
export interface CommandEntry {
  name: string;
  /** The help's term: name, `[options]` and arguments (as commander prints them). */
  term: string;
  /** The command's description (its module sets the same one; a test holds them equal). */
  description: string;
  load: () => Promise<{ register: (program: Command) => void }>;
}

/** Every command, in help order. */
export const COMMANDS: CommandEntry[] = [
  {
    name: "parse",
    term: "parse [options] <file>",
    description:
      "parse one article into the document model: sections, blocks, sentences, links,\n" +
      "categories, images with captions, footnotes, references and converter markup",
    load: () => import("./parse.js"),
  },
  {
    name: "extract",
    term: "extract [options] <file>",
    description: "extract timexes, entities, events and findings from one article (JSON contract)",
    load: () => import("./extract.js"),
  },
  {
    name: "eval",
    term: "eval [options] [files...]",
    description: "score outputs against gold folders (timex.json; events.json + entities.json)",
    load: () => import("./eval.js"),
  },
  {
    name: "check",
    term: "check [options] <files...>",
    description:
      "lint the chronology of articles: years out of sequence, inherited slips, doubtful " +
      "anchors, conflicting dates, duration mismatches, repeated passages",
    load: () => import("./check.js"),
  },
  {
    name: "ingest",
    term: "ingest [options] [paths...]",
    description:
      "extract articles (files, folders, JSON-lines files, MediaWiki XML dumps) into a store (SQLite or PostgreSQL)",
    load: () => import("./ingest.js"),
  },
  {
    name: "timeline",
    term: "timeline [options] [files...]",
    description:
      "list events in date order (undated last), filtered, as a table or an export format",
    load: () => import("./timeline.js"),
  },
  {
    name: "export",
    term: "export [options] <files...>",
    description:
      "extract articles and write them as JSON, CSV, Markdown, TimelineJS3 JSON or TimeML",
    load: () => import("./export.js"),
  },
  {
    name: "serve",
    term: "serve [options]",
    description: "serve the timeline page and the JSON API over a store (loopback only by default)",
    load: () => import("./serve.js"),
  },
  {
    name: "start",
    term: "start [options]",
    description:
      "build the bundled sample into .annals/sample.db if needed, then serve the timeline",
    load: () => import("./start.js"),
  },
  {
    name: "train",
    term: "train [options]",
    description:
      "train the event typer, the actor-role model and the date ranker on the corpus's seed and dev splits and write their weights",
    load: () => import("./train.js"),
  },
  {
    name: "worker",
    term: "worker [options]",
    description:
      "take page jobs from a PostgreSQL queue, extract and store them (see ingest --queue)",
    load: () => import("./worker.js"),
  },
];

/**
 * The command `argv` runs (`annals [-h] NAME …` or `annals help NAME`), or null for the
 * program's own help, version or an unknown name.
 */
export function invokedCommand(argv: string[]): CommandEntry | null {
  const words = argv.slice(2).filter((a) => !a.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name) ?? null;
}

/**
 * Builds the program (without running it). Every command is registered for real when `argv`
 * is null; otherwise only the one `argv` runs, the others as help entries that load nothing.
 */
export async function createProgram(argv: string[] | null = null): Promise<Command> {
  const program = new Command();
  program
    .name("annals")
    .description(
      "annals (年表) turns wiki history articles into a sourced, checkable chronology:\n" +
        "time expressions, events with actors and dates, chronology checks, a timeline page.",
    )
    .version("0.1.0")
    .exitOverride();
  const wanted = argv === null ? null : invokedCommand(argv);
  const terms = new Map<Command, string>();
  for (const entry of COMMANDS) {
    if (argv === null || entry === wanted) {
      (await entry.load()).register(program);
    } else {
      const stub = program.command(entry.name).description(entry.description);
      terms.set(stub, entry.term);
    }
  }
  program.configureHelp({
    subcommandTerm(cmd) {
      return terms.get(cmd) ?? Help.prototype.subcommandTerm.call(this, cmd);
    },
  });
  return program;
}

/** Runs the CLI on `argv` (as in `process.argv`) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const program = await createProgram(argv);
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (error) {
    return report(error);
  }
}
