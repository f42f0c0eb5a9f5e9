/**
 * Reading source files from disk with clear, one-line errors (the only I/O of the pipeline's front).
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { AnnalsError } from "../model/index.js";

/**
 * Default size limit for one source file: 8 MiB. Measured on 2 cores: an 8.3 MB article
 * (5.6 M characters) extracts in about 63 s at 0.78 GB peak memory and fits a worker's 512 MB
 * heap; 15 MB takes about 3.5 min at 1.1 GB (allowed with `--max-bytes`, which also raises
 * the workers' heap). A large real article is under 1 MB.
 */
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

/** Options for `readSource`. */
export interface ReadOptions {
  /** Refuse files larger than this many bytes (default 8 MiB). */
  maxBytes?: number;
}

/** The bytes of a source file and the path they came from. */
export interface SourceBytes {
  path: string;
  bytes: Uint8Array;
}

/** Human-readable byte count (`20.0 MiB`, `512 B`). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Reads a whole file, refusing missing paths, directories, unreadable and oversized files. */
export function readSource(path: string, options: ReadOptions = {}): SourceBytes {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new AnnalsError("is a directory, not a file", { file: path });
    // Note: a pipe or a terminal (`/dev/stdin`, `<(…)`) has no size up front; it is read to its
    // end under the same limit.
    if (stat.isFIFO() || stat.isCharacterDevice() || stat.isSocket())
      return readStream(path, maxBytes);
    if (!stat.isFile()) throw new AnnalsError("not a regular file", { file: path });
    size = stat.size;
  } catch (error) {
    throw toAnnalsError(error, path);
  }
  // Note: the size is checked before reading so a huge file fails fast without being loaded.
  if (size > maxBytes) throw tooLarge(path, size, maxBytes);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw toAnnalsError(error, path);
  }
  try {
    // Note: re-check on the open descriptor (the file may have grown since stat), and read at
    // most maxBytes + 1 so a file that grows while being read still fails the limit.
    const actual = fstatSync(fd).size;
    if (actual > maxBytes) throw tooLarge(path, actual, maxBytes);
    const buffer = Buffer.allocUnsafe(Math.min(actual, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const n = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (n === 0) break;
      filled += n;
      if (filled > maxBytes) throw tooLarge(path, filled, maxBytes);
      if (filled === buffer.length) break;
    }
    return { path, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, filled) };
  } catch (error) {
    throw toAnnalsError(error, path);
  } finally {
    closeSync(fd);
  }
}

/** Reads a pipe or device to its end, refusing more than `maxBytes`. */
function readStream(path: string, maxBytes: number): SourceBytes {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    // Note: a socket cannot be opened by name (ENXIO); /dev/stdin that is one is read on fd 0.
    if (path !== "/dev/stdin") throw toAnnalsError(error, path);
    fd = 0;
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const n = readRetrying(fd, chunk);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooLarge(path, total, maxBytes);
      chunks.push(chunk.subarray(0, n));
    }
    const all = Buffer.concat(chunks, total);
    return { path, bytes: new Uint8Array(all.buffer, all.byteOffset, total) };
  } catch (error) {
    throw toAnnalsError(error, path);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/** `readSync` that waits out EAGAIN (a non-blocking pipe or socket with nothing to read yet). */
function readRetrying(fd: number, buffer: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      if ((error as { code?: string }).code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

/** Reads standard input to its end (for the file argument `-`), refusing more than `maxBytes`. */
export async function readStdin(
  input: AsyncIterable<Buffer | string>,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<SourceBytes> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > maxBytes) throw tooLarge(STDIN_NAME, total, maxBytes);
    chunks.push(bytes);
  }
  const all = Buffer.concat(chunks, total);
  return { path: STDIN_NAME, bytes: new Uint8Array(all.buffer, all.byteOffset, total) };
}

/** The name standard input goes by in messages and as a document's source. */
export const STDIN_NAME = "<stdin>";

function tooLarge(path: string, size: number, maxBytes: number): AnnalsError {
  return new AnnalsError(
    `file too large: ${formatBytes(size)} (${size} bytes) exceeds the limit of ` +
      `${formatBytes(maxBytes)} (${maxBytes} bytes); raise it with --max-bytes`,
    { file: path },
  );
}

/** Maps a Node file-system error to a one-line AnnalsError naming the file. */
function toAnnalsError(error: unknown, path: string): AnnalsError {
  if (error instanceof AnnalsError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return new AnnalsError("no such file", { file: path });
    case "EISDIR":
      return new AnnalsError("is a directory, not a file", { file: path });
    case "EACCES":
    case "EPERM":
      return new AnnalsError("permission denied: cannot read the file", { file: path });
    case "ENOTDIR":
      return new AnnalsError("a parent of this path is not a directory", { file: path });
    case "ELOOP":
      return new AnnalsError("too many symbolic links", { file: path });
    default: {
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return new AnnalsError(`cannot read the file: ${message}`, { file: path });
    }
  }
}
