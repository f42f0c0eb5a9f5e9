/** Reads and decodes a source file for the commands (the CLI's only file-reading path). */
import { readFile } from "node:fs/promises";
import { InvalidArgumentError, Option } from "commander";
import { AnnalsError, lineColumn } from "../model/index.js";
import { DEFAULT_MAX_BYTES, readSource, readStdin, type SourceBytes } from "../io/read.js";
import { unclosedConverters, unclosedWarning } from "../ingest/converter.js";
import { decodeSource } from "../ingest/decode.js";
import { extract, type Extraction, type ExtractOptions, type Source } from "../extract.js";
import { parseReference } from "../time/now.js";

export { DEFAULT_MAX_BYTES };

// Note: standard input can be read once; every `-` argument of one run gets the same bytes.
let stdin: Promise<SourceBytes> | null = null;

/** A Han character (CJK unified ideographs, extension A, compatibility). */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

/**
 * Reads `path` (`-` = standard input), checks and decodes it; throws AnnalsError naming the file
 * on bad input.
 */
export async function loadSource(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Source> {
  let bytes: Uint8Array;
  let name = path;
  if (path === "-") {
    stdin ??= readStdin(process.stdin, maxBytes);
    ({ bytes, path: name } = await stdin);
  } else {
    ({ bytes } = readSource(path, { maxBytes }));
  }
  return { raw: decodeSource(bytes, name), name };
}

/**
 * Warns on stderr, one line each, about a source that reads but may not read as meant: no
 * Chinese at all, or converter markup `-{` left unclosed (kept as literal text, as MediaWiki
 * shows it: articles of the mirror hold such slips, so it is no error). Called once its
 * processing succeeded, so a file that fails gets its one error line and nothing else.
 */
export function warnAboutSource(source: Source): void {
  if (!HAN.test(source.raw)) {
    process.stderr.write(
      `annals: ${source.name}: warning: no Chinese text; annals reads Chinese articles, so little or nothing will be found\n`,
    );
  }
  const unclosed = unclosedConverters(source.raw);
  const first = unclosed[0];
  if (first !== undefined) {
    const { line, column } = lineColumn(source.raw, first);
    process.stderr.write(
      `annals: ${source.name}:${line}:${column}: warning: ${unclosedWarning(unclosed.length)}\n`,
    );
  }
}

/** The `--input-format` option: which reader reads the file (default: told by name and content). */
export function inputFormatOption(): Option {
  return new Option(
    "--input-format <format>",
    "source format (default: .wiki/.wikitext or wiki-looking content → wikitext, else md)",
  ).choices(["md", "wikitext"]);
}

/** Reads `path` and runs the pipeline over it. */
export async function extractFile(
  path: string,
  options: ExtractOptions & {
    maxBytes?: number;
    referenceDate?: string;
    inputFormat?: "md" | "wikitext";
  } = {},
): Promise<Extraction> {
  const source = await loadSource(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (options.referenceDate !== undefined) source.referenceDate = options.referenceDate;
  if (options.inputFormat !== undefined) source.format = options.inputFormat;
  const extraction = extract(source, options.until === undefined ? {} : { until: options.until });
  warnAboutSource(source);
  return extraction;
}

/** Checks a `--reference-date` value (`YYYY-MM-DD` or `YYYY-MM-DDThh:mm`); commander reports errors as usage. */
export function referenceDate(value: string): string {
  try {
    parseReference(value);
  } catch {
    throw new InvalidArgumentError("expected YYYY-MM-DD or YYYY-MM-DDThh:mm");
  }
  return value;
}

/** Help text of the `--reference-date` option. */
export const REFERENCE_DATE_HELP =
  "the articles' now (YYYY-MM-DD or YYYY-MM-DDThh:mm): 今天, 上周一, 三天前 resolve against it";

/** Parses a positive integer option value (commander reports the error as usage). */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive integer");
  return n;
}

/** Parses a number of cross-validation folds: an integer of at least 2 (one fold trains on nothing). */
export function foldCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2)
    throw new InvalidArgumentError("expected an integer of at least 2");
  return n;
}

/** Parses a finite number option value (a weight, a threshold; commander reports the error). */
export function finiteNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n))
    throw new InvalidArgumentError("expected a number");
  return n;
}

/** A JSON file (gold, corpus metadata, an extract output); one-line errors naming the file. */
export async function readJson<T>(path: string, what = "file"): Promise<T> {
  const text = await readFile(path, "utf8").catch(() => {
    throw new AnnalsError(`cannot read ${what}`, { file: path });
  });
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new AnnalsError(`invalid JSON (${(error as Error).message})`, { file: path });
  }
}
