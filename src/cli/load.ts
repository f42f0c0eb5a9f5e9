/** Reads and decodes a source file for the commands (the CLI's only file-reading path). */
import { InvalidArgumentError } from "commander";
import { DEFAULT_MAX_BYTES, readSource } from "../io/read.js";
import { decodeSource } from "../ingest/decode.js";
import { extract, type Extraction, type ExtractOptions, type Source } from "../extract.js";

export { DEFAULT_MAX_BYTES };

/** Reads `path`, checks and decodes it; throws AnnalsError naming the file on bad input. */
export async function loadSource(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Source> {
  const { bytes } = await readSource(path, { maxBytes });
  return { raw: decodeSource(bytes, path), name: path };
}

/** Reads `path` and runs the pipeline over it. */
export async function extractFile(
  path: string,
  options: ExtractOptions & { maxBytes?: number } = {},
): Promise<Extraction> {
  const source = await loadSource(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return extract(source, options.until === undefined ? {} : { until: options.until });
}

/** Parses a positive integer option value (commander reports the error as usage). */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive integer");
  return n;
}
