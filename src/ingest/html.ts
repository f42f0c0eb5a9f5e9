/**
 * HTML left in pandoc output: tables (`<table><tr><td>…`) become cells, comments and stray
 * tags (`</div>`, `<!-- end list -->`) disappear, other text is kept with its raw positions.
 */
import { Stream, UNIT } from "./stream.js";

const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-z][a-z\d]*)\b(?:[^>"']|"[^"]*"|'[^']*')*(?:>|$)/gi;
const ENTITY = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z][a-z\d]{1,31}));/gi;
const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
  middot: "·",
  ndash: "–",
  mdash: "—",
  hellip: "…",
};
const BREAKS = new Set(["br", "p", "li", "div", "ul", "ol", "dd", "dt", "dl"]);

/** A table cell found in HTML. */
export interface HtmlCell {
  table: number;
  row: number;
  column: number;
  header: boolean;
  stream: Stream;
}

/** Table parsing state carried across consecutive HTML nodes. */
export class HtmlTables {
  private depth = 0;
  private table = -1;
  private row = -1;
  private column = -1;
  private header = false;
  private cell: Stream | null = null;
  /** Cells completed, in order. */
  readonly cells: HtmlCell[] = [];

  /** True while inside a `<table>`. */
  get open(): boolean {
    return this.depth > 0;
  }

  /**
   * Scans one HTML node (`value` at raw offset `start`); table cells go to `cells`, text
   * outside tables is returned as a stream (empty when there is none).
   */
  scan(value: string, start: number, nextTable: () => number): Stream {
    const outside = new Stream();
    let last = 0;
    TAG.lastIndex = 0;
    for (let m = TAG.exec(value); m !== null; m = TAG.exec(value)) {
      this.text(value, start, last, m.index, outside);
      last = m.index + m[0].length;
      if (m[0].length === 0) {
        TAG.lastIndex += 1;
        continue;
      }
      const name = (m[2] ?? "").toLowerCase();
      if (name === "") continue; // a comment
      const closing = m[1] === "/";
      this.tag(name, closing, start + m.index, start + last, nextTable, outside);
    }
    this.text(value, start, last, value.length, outside);
    return outside;
  }

  private tag(
    name: string,
    closing: boolean,
    rs: number,
    re: number,
    nextTable: () => number,
    outside: Stream,
  ): void {
    if (name === "table") {
      if (!closing) {
        this.finishCell();
        this.depth += 1;
        if (this.depth === 1) {
          this.table = nextTable();
          this.row = -1;
        }
      } else if (this.depth > 0) {
        this.finishCell();
        this.depth -= 1;
      }
      return;
    }
    if (this.depth !== 1) {
      if (BREAKS.has(name)) {
        const target = this.cell ?? outside;
        if (target.length > 0) target.push(32, rs, re, UNIT.generated);
      }
      return;
    }
    if (name === "tr" && !closing) {
      this.finishCell();
      this.row += 1;
      this.column = -1;
    } else if ((name === "td" || name === "th") && !closing) {
      this.finishCell();
      if (this.row < 0) this.row = 0;
      this.column += 1;
      this.header = name === "th" || this.inHead;
      this.cell = new Stream();
    } else if ((name === "td" || name === "th" || name === "tr") && closing) {
      this.finishCell();
    } else if (name === "thead") {
      this.inHead = !closing;
    } else if (BREAKS.has(name) && this.cell !== null && this.cell.length > 0) {
      this.cell.push(32, rs, re, UNIT.generated);
    }
  }

  private inHead = false;

  private finishCell(): void {
    if (this.cell === null) return;
    this.cells.push({
      table: this.table,
      row: this.row,
      column: this.column,
      header: this.header,
      stream: this.cell,
    });
    this.cell = null;
  }

  /** Appends text `value[a, b)` (entities decoded) to the open cell or to `outside`. */
  private text(value: string, start: number, a: number, b: number, outside: Stream): void {
    if (b <= a) return;
    if (this.depth > 0 && this.cell === null) return;
    const target = this.cell ?? outside;
    let i = a;
    ENTITY.lastIndex = a;
    for (let m = ENTITY.exec(value); m !== null && m.index < b; m = ENTITY.exec(value)) {
      if (m.index + m[0].length > b) break;
      for (; i < m.index; i += 1) pushChar(target, value.charCodeAt(i), start + i, start + i + 1);
      const decoded = decodeEntity(m);
      const rs = start + m.index;
      const re = rs + m[0].length;
      if (decoded === null) {
        for (; i < m.index + m[0].length; i += 1) {
          pushChar(target, value.charCodeAt(i), start + i, start + i + 1);
        }
      } else {
        for (let k = 0; k < decoded.length; k += 1)
          target.push(decoded.charCodeAt(k), rs, re, UNIT.escaped);
        i = m.index + m[0].length;
      }
    }
    for (; i < b; i += 1) pushChar(target, value.charCodeAt(i), start + i, start + i + 1);
  }

  /** Closes whatever is open (end of the document). */
  finish(): void {
    this.finishCell();
    this.depth = 0;
  }
}

function pushChar(target: Stream, code: number, rs: number, re: number): void {
  // Note: newlines and runs of whitespace in HTML are one space, as a browser shows them.
  if (code === 10 || code === 13 || code === 9) code = 32;
  if (code === 32 && (target.length === 0 || target.codes[target.length - 1] === 32)) return;
  target.push(code, rs, re, UNIT.plain);
}

function decodeEntity(m: RegExpExecArray): string | null {
  try {
    if (m[1] !== undefined) return String.fromCodePoint(Number(m[1]));
    if (m[2] !== undefined) return String.fromCodePoint(parseInt(m[2], 16));
  } catch {
    return null;
  }
  return NAMED[(m[3] ?? "").toLowerCase()] ?? null;
}
