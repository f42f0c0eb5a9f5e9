/** `annals check FILE…`: lints the chronology of articles and prints findings lint-style. */
import { Command, InvalidArgumentError, Option } from "commander";
import { DEFAULT_MIN_CONFIDENCE, reportable } from "../check/index.js";
import { extract } from "../extract.js";
import { listInputs } from "../ingest-worker/sources.js";
import { lineLocator, type Finding } from "../model/index.js";
import {
  DEFAULT_MAX_BYTES,
  REFERENCE_DATE_HELP,
  inputFormatOption,
  loadSource,
  warnAboutSource,
  positiveInt,
  referenceDate,
} from "./load.js";
import { EXIT, report } from "./report.js";

/** The findings of one checked file, with 1-based line and column of each. */
export interface CheckedFile {
  file: string;
  findings: Array<Finding & { line: number; column: number }>;
}

/** Parses `--min-confidence` (a number from 0 to 1). */
export function parseConfidence(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidArgumentError("expected a number from 0 to 1");
  }
  return n;
}

/**
 * The article files of the command line: a folder stands for the article files inside it, found
 * as `ingest` finds them (recursively; in an annotated corpus only each folder's article, not its
 * notes and guides). A JSON-lines file or dump named on the command line is refused (`check`
 * lints articles); one found inside a folder is skipped with a warning.
 */
export function expandPaths(paths: string[]): {
  files: string[];
  errors: string[];
  warnings: string[];
} {
  // Note: one listing for all paths, so its notices (notes of a corpus skipped) come once.
  const found = listInputs(paths.filter((p) => p !== "-"));
  const named = new Set(paths);
  const files: string[] = paths.includes("-") ? ["-"] : [];
  const errors = [...found.errors];
  const warnings = [...found.warnings];
  for (const f of found.files) {
    if (f.kind === "markdown") {
      files.push(f.label);
      continue;
    }
    const what = f.kind === "jsonl" ? "JSON-lines files" : "dumps";
    if (named.has(f.label)) {
      errors.push(`${f.label}: check reads article files, not ${what} (use annals ingest)`);
    } else {
      warnings.push(`${f.label}: skipped (check reads article files, not ${what})`);
    }
  }
  return { files, errors, warnings };
}

/** Lint-style text: `file:line:col  kind  message`, then a summary line. */
export function formatText(files: CheckedFile[]): string {
  const lines: string[] = [];
  let n = 0;
  for (const f of files) {
    for (const x of f.findings) {
      n += 1;
      const extra = [
        x.suggestion === null ? null : `suggest ${x.suggestion}`,
        `confidence ${x.confidence.toFixed(2)}`,
      ].filter((s) => s !== null);
      lines.push(`${f.file}:${x.line}:${x.column}  ${x.kind}  ${x.message} (${extra.join("; ")})`);
    }
  }
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
  lines.push(`${plural(n, "finding")} in ${plural(files.length, "file")}`);
  return `${lines.join("\n")}\n`;
}

/** Registers the `check` command. */
export function register(program: Command): void {
  program
    .command("check")
    .description(
      "lint the chronology of articles: years out of sequence, inherited slips, doubtful " +
        "anchors, conflicting dates, duration mismatches, repeated passages",
    )
    .argument(
      "<files...>",
      "pandoc zhwiki markdown or wikitext files, or folders of them (- = standard input)",
    )
    .addOption(inputFormatOption())
    .addOption(
      new Option("--format <format>", "output format").choices(["text", "json"]).default("text"),
    )
    .option(
      "--min-confidence <x>",
      "report findings at or above this confidence (0–1)",
      parseConfidence,
      DEFAULT_MIN_CONFIDENCE,
    )
    .option("--max-bytes <n>", "refuse files larger than this", positiveInt, DEFAULT_MAX_BYTES)
    .option("--reference-date <date>", REFERENCE_DATE_HELP, referenceDate)
    .addHelpText(
      "after",
      "\nExit status: 0 no findings, 1 findings at or above the threshold, 2 bad input.\n" +
        "Example:\n  annals check samples/us-dprk.md --min-confidence 0.3",
    )
    .action(
      async (
        paths: string[],
        opts: {
          format: "text" | "json";
          minConfidence: number;
          maxBytes: number;
          referenceDate?: string;
          inputFormat?: "md" | "wikitext";
        },
      ) => {
        // Note: every file is read first, so a bad one fails before anything is printed; each
        // bad file gets its own error line (not only the first), then the run exits 2.
        const { files, errors, warnings } = expandPaths(paths);
        for (const line of warnings) process.stderr.write(`annals: ${line}\n`);
        for (const line of errors) process.stderr.write(`annals: ${line}\n`);
        if (files.length === 0 && errors.length === 0) {
          process.stderr.write(`annals: check: no article files in ${paths.join(", ")}\n`);
          process.exitCode = EXIT.usage;
          return;
        }
        if (errors.length > 0) process.exitCode = EXIT.usage;
        const sources = [];
        let bad = errors.length;
        for (const file of files) {
          try {
            const source = await loadSource(file, opts.maxBytes);
            if (opts.inputFormat !== undefined) source.format = opts.inputFormat;
            sources.push(source);
          } catch (error) {
            bad += 1;
            process.exitCode = report(error);
          }
        }
        if (bad > 0) {
          const total = files.length + errors.length;
          if (total > 1) {
            process.stderr.write(
              `annals: check: ${bad} of ${total} files unreadable; nothing checked\n`,
            );
          }
          return;
        }
        const checked: CheckedFile[] = sources.map((source) => {
          const { chronicle, document } = extract(
            opts.referenceDate !== undefined
              ? { ...source, referenceDate: opts.referenceDate }
              : source,
          );
          warnAboutSource(source);
          const locate = lineLocator(document.raw);
          const findings = reportable(chronicle.findings, opts.minConfidence).map((f) => ({
            ...f,
            ...locate(f.start),
          }));
          return { file: source.name, findings };
        });
        const total = checked.reduce((k, f) => k + f.findings.length, 0);
        if (opts.format === "json") {
          process.stdout.write(`${JSON.stringify({ files: checked, total }, null, 2)}\n`);
        } else {
          process.stdout.write(formatText(checked));
        }
        process.exitCode = total > 0 ? 1 : 0;
      },
    );
}
