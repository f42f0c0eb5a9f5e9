/**
 * Bytes → text: strict UTF-8 with errors that name the byte offset of the problem.
 */
import { AnnalsError } from "../model/index.js";

const fatalDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** How many bytes at the start are sampled for the "mostly control bytes" binary test. */
const BINARY_SAMPLE = 8192;
/** Share of control bytes in the sample above which the file counts as binary. */
const BINARY_RATIO = 0.1;

/**
 * Decodes a source file as UTF-8: strips a leading BOM and refuses empty, binary and
 * invalid input with an AnnalsError naming the file and the byte offset.
 */
export function decodeSource(bytes: Uint8Array, name: string): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16 !== null) return decodeUtf16(bytes, utf16, name);
  const bad = findBinary(bytes);
  if (bad !== null) {
    throw new AnnalsError(`binary file (${bad.reason}), expected UTF-8 text`, {
      file: name,
      position: `byte ${bad.offset}`,
    });
  }
  let text: string;
  try {
    text = fatalDecoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes) ?? 0;
    const cut = cutAtEnd(bytes, offset) ? " (the file looks truncated)" : "";
    throw new AnnalsError(`invalid UTF-8${cut}`, {
      file: name,
      position: `byte ${offset}`,
    });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw new AnnalsError("empty file", { file: name });
  return text;
}

/** `utf-16le` or `utf-16be` when the bytes start with that byte-order mark, else null. */
function utf16Encoding(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** A UTF-16 file with a BOM, decoded strictly (spans then index the decoded text as usual). */
function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be", name: string): string {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
  } catch {
    const at = firstLoneSurrogate(decodeLoose(bytes.subarray(2), encoding));
    const offset = 2 + 2 * (at ?? Math.floor((bytes.length - 2) / 2));
    throw new AnnalsError(`invalid ${encoding.toUpperCase()}`, {
      file: name,
      position: `byte ${offset}`,
    });
  }
  if (text.trim() === "") throw new AnnalsError("empty file", { file: name });
  return text;
}

/** UTF-16 code units as they are, lone surrogates included (an odd last byte dropped). */
function decodeLoose(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): string {
  const units = new Uint16Array(bytes.length >> 1);
  const view = new DataView(bytes.buffer, bytes.byteOffset, units.length * 2);
  for (let i = 0; i < units.length; i += 1)
    units[i] = view.getUint16(2 * i, encoding === "utf-16le");
  let out = "";
  for (let i = 0; i < units.length; i += 8192) {
    out += String.fromCharCode(...units.subarray(i, i + 8192));
  }
  return out;
}

/** The UTF-16 index of the first unpaired surrogate in `s`, or null when it has none. */
export function firstLoneSurrogate(s: string): number | null {
  const m = /\p{Surrogate}/u.exec(s);
  return m === null ? null : m.index;
}

/** Whether the bad sequence at `offset` is a multi-byte character cut off by the end of the file. */
function cutAtEnd(bytes: Uint8Array, offset: number): boolean {
  const lead = bytes[offset] ?? 0;
  const need = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
  if (need === 0 || bytes.length - offset >= need) return false;
  for (let i = offset + 1; i < bytes.length; i += 1) {
    if (((bytes[i] ?? 0) & 0xc0) !== 0x80) return false;
  }
  return true;
}

/** The first NUL byte, or a start that is mostly control bytes; null for text. */
function findBinary(bytes: Uint8Array): { offset: number; reason: string } | null {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const reason = looksUtf16(bytes) ? "NUL byte; UTF-16 without a byte-order mark?" : "NUL byte";
    return { offset: nul, reason };
  }
  const n = Math.min(bytes.length, BINARY_SAMPLE);
  let control = 0;
  let first = -1;
  for (let i = 0; i < n; i += 1) {
    const b = bytes[i] ?? 0;
    // Tab, LF, VT, FF, CR and ESC are common in text files.
    if (
      (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) ||
      b === 0x7f
    ) {
      control += 1;
      if (first < 0) first = i;
    }
  }
  if (n > 0 && control / n > BINARY_RATIO) return { offset: first, reason: "control bytes" };
  return null;
}

/** Whether about every other byte of the start is NUL (UTF-16 text of mostly ASCII or Latin). */
function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SAMPLE) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even += 1;
    if (bytes[i + 1] === 0) odd += 1;
  }
  return n >= 4 && Math.max(even, odd) > 0.4 * (n / 2) && Math.min(even, odd) < 0.05 * (n / 2);
}

/** Byte offset of the first ill-formed UTF-8 sequence (per the Unicode standard), or null. */
export function firstInvalidUtf8(bytes: Uint8Array): number | null {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c < min || c > max) return i;
    }
    i += need + 1;
  }
  return null;
}
