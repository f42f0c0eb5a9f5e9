/**
 * The `annals` command line: parses arguments, wires files and the terminal to the library.
 * Each command lives in its own file and exports `register(program)`. Only the module of the
 * command being run is imported (with its libraries and dictionaries); the others appear in
 * the help as entries of `COMMANDS`, so `annals --help` starts without loading the pipeline.
 */
import { Command, CommanderError, Help } from "commander";
import { AnnalsError } from "../model/errors.js";

/** Exit codes: 0 ok, 1 findings or failed items, 2 bad input or usage. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

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
      "train the event typer and the actor-role model on the corpus's seed and dev splits and write their weights",
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

/** Prints an error as one line on stderr and maps it to an exit code. */
export function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed help or its message.
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
    if (error.exitCode === 0) return 0;
    return EXIT.usage;
  }
  if (error instanceof AnnalsError) {
    process.stderr.write(`annals: ${error.format()}\n`);
    return EXIT.usage;
  }
  const system = systemError(error);
  if (system !== null) {
    process.stderr.write(`annals: ${system}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`annals: internal error: ${message.split("\n")[0]}\n`);
  return 70;
}

const SYSTEM_REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  ENOENT: "no such file or folder",
  ENOTDIR: "a parent of this path is not a folder",
};

/**
 * A file-system failure (`mkdir` in a folder we may not write) as one line naming the path:
 * `path: permission denied (mkdir); use --db in a folder you can write`; null for others.
 */
function systemError(error: unknown): string | null {
  const e = error as { code?: unknown; path?: unknown; syscall?: unknown } | null;
  if (e === null || typeof e !== "object" || typeof e.code !== "string") return null;
  const reason = SYSTEM_REASONS[e.code];
  if (reason === undefined) return null;
  const path = typeof e.path === "string" ? `${e.path}: ` : "";
  const call = typeof e.syscall === "string" ? ` (${e.syscall})` : "";
  const hint =
    e.code === "EACCES" || e.code === "EPERM" || e.code === "EROFS"
      ? "; use --db or --out with a folder you can write"
      : "";
  return `${path}${reason}${call}${hint}`;
}
