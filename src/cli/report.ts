/** How the CLI reports a failure: one line on stderr, and the exit code it maps to. */
import { CommanderError } from "commander";
import { AnnalsError } from "../model/errors.js";

/** Exit codes: 0 ok, 1 findings or failed items, 2 bad input or usage. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

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
