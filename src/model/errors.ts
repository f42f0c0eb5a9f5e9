/** A user-facing failure: a message that names the file and, where known, the position. */
export class AnnalsError extends Error {
  /** File path or record name, when the error is about one. */
  readonly file: string | null;
  /** Line and column (1-based) or byte offset, already formatted, when known. */
  readonly position: string | null;

  constructor(message: string, options: { file?: string | null; position?: string | null } = {}) {
    super(message);
    this.name = "AnnalsError";
    this.file = options.file ?? null;
    this.position = options.position ?? null;
  }

  /** The one-line form printed by the CLI: `file:position: message`. */
  format(): string {
    const where = [this.file, this.position].filter((x) => x !== null && x !== "").join(":");
    return where ? `${where}: ${this.message}` : this.message;
  }
}

/** 1-based line and column of a UTF-16 offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const limit = Math.min(offset, text.length);
  for (let i = 0; i < limit; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: limit - lineStart + 1 };
}

/** A reusable `lineColumn` for many offsets into one text (line starts computed once). */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (starts[lo] ?? 0) + 1 };
  };
}
