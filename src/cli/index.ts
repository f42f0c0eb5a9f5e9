/**
 * The `annals` command line: parses arguments, wires files and the terminal to the library.
 * Each command lives in its own file and exports `register(program, io)`.
 */
import { Command, CommanderError } from "commander";
import { AnnalsError } from "../model/index.js";
import { register as registerParse } from "./parse.js";
import { register as registerExtract } from "./extract.js";
import { register as registerEval } from "./eval.js";
import { register as registerCheck } from "./check.js";
import { register as registerIngest } from "./ingest.js";
import { register as registerTimeline } from "./timeline.js";
import { register as registerExport } from "./export.js";
import { register as registerServe } from "./serve.js";
import { register as registerStart } from "./start.js";
import { register as registerTrain } from "./train.js";
import { register as registerWorker } from "./worker.js";

/** Exit codes: 0 ok, 1 findings or failed items, 2 bad input or usage. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Builds the program with every command registered (without running it). */
export function createProgram(): Command {
  const program = new Command();
  program
    .name("annals")
    .description(
      "annals (年表) turns wiki history articles into a sourced, checkable chronology:\n" +
        "time expressions, events with actors and dates, chronology checks, a timeline page.",
    )
    .version("0.1.0")
    .exitOverride();
  registerParse(program);
  registerExtract(program);
  registerEval(program);
  registerCheck(program);
  registerIngest(program);
  registerTimeline(program);
  registerExport(program);
  registerServe(program);
  registerStart(program);
  registerTrain(program);
  registerWorker(program);
  return program;
}

/** Runs the CLI on `argv` (as in `process.argv`) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
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
