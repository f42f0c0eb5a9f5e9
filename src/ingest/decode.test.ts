import { describe, expect, it } from "vitest";
import { AnnalsError } from "../model/index.js";
import { decodeSource, firstInvalidUtf8, firstLoneSurrogate } from "./decode.js";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function failure(bytes: Uint8Array): AnnalsError {
  try {
    decodeSource(bytes, "a.md");
  } catch (error) {
    expect(error).toBeInstanceOf(AnnalsError);
    const e = error as AnnalsError;
    expect(e.file).toBe("a.md");
    expect(e.format()).not.toContain("\n");
    return e;
  }
  throw new Error("expected an AnnalsError");
}

describe("decodeSource", () => {
  it("decodes UTF-8 and strips a leading BOM", () => {
    expect(decodeSource(utf8("\uFEFF朝鮮 Z. Pratt"), "a.md")).toBe("朝鮮 Z. Pratt");
    expect(decodeSource(utf8("abc"), "a.md")).toBe("abc");
  });

  it.each([
    ["empty", new Uint8Array(0)],
    ["whitespace only", utf8(" \n\t\n")],
    ["BOM only", utf8("\uFEFF\n")],
  ])("refuses an %s file", (_name, bytes) => {
    expect(failure(bytes).message).toBe("empty file");
  });

  it("refuses a binary file with the offset of the NUL byte", () => {
    const e = failure(new Uint8Array([0x61, 0x62, 0x00, 0x63]));
    expect(e.position).toBe("byte 2");
    expect(e.message).toMatch(/binary/);
    // The position is said once, in the prefix (it was repeated inside the message).
    expect(e.format()).toMatch(
      /^a\.md:byte 2: binary file \(NUL byte[^)]*\), expected UTF-8 text$/,
    );
    expect(e.format().split("byte 2")).toHaveLength(2);
  });

  it("refuses a file of mostly control bytes", () => {
    const bytes = new Uint8Array(100).fill(0x01);
    bytes[0] = 0x61;
    expect(failure(bytes).position).toBe("byte 1");
  });

  it("names the byte offset of invalid UTF-8", () => {
    const bytes = new Uint8Array([...utf8("朝鮮ab"), 0xff, ...utf8("c")]);
    const e = failure(bytes);
    expect(e.position).toBe("byte 8");
    expect(e.format()).toBe("a.md:byte 8: invalid UTF-8");
  });

  it("reports a file cut inside a multi-byte character at that character", () => {
    const full = utf8("美國-北韓關係");
    const cut = full.slice(0, full.length - 1); // 係 loses its last byte
    expect(failure(cut).position).toBe(`byte ${full.length - 3}`);
    expect(failure(cut).message).toMatch(/looks truncated/);
    expect(failure(new Uint8Array([...utf8("朝鮮ab"), 0xff, ...utf8("c")])).message).not.toMatch(
      /truncated/,
    );
  });
});

describe("firstInvalidUtf8", () => {
  it.each<[string, number[], number | null]>([
    ["ascii", [0x61, 0x62], null],
    ["3-byte ok", [0xe6, 0x9c, 0x9d], null],
    ["4-byte ok", [0xf0, 0x9f, 0x98, 0x80], null],
    ["lone continuation", [0x61, 0x80], 1],
    ["overlong 2-byte", [0xc0, 0xaf], 0],
    ["overlong 3-byte", [0xe0, 0x80, 0xaf], 0],
    ["surrogate", [0x61, 0xed, 0xa0, 0x80], 1],
    ["above U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0],
    ["truncated", [0x61, 0x62, 0xe6, 0x9c], 2],
  ])("%s", (_name, bytes, expected) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(expected);
  });
});

describe("decodeSource: UTF-16 and lone surrogates", () => {
  const utf16 = (s: string, le: boolean): Uint8Array => {
    const out = new Uint8Array(2 + 2 * s.length);
    const view = new DataView(out.buffer);
    view.setUint16(0, 0xfeff, le);
    for (let i = 0; i < s.length; i += 1) view.setUint16(2 + 2 * i, s.charCodeAt(i), le);
    return out;
  };

  it.each([true, false])("decodes UTF-16 with a BOM (little-endian: %s)", (le) => {
    expect(decodeSource(utf16("# 朝鮮\n\n2001年3月5日 😀", le), "a.md")).toBe(
      "# 朝鮮\n\n2001年3月5日 😀",
    );
  });

  it("refuses UTF-16 holding a lone surrogate, with the byte offset", () => {
    expect(failure(utf16("ab\ud800c", true)).format()).toBe("a.md:byte 6: invalid UTF-16LE");
  });

  it("names UTF-16 without a BOM instead of calling it plain binary", () => {
    const bytes = utf16("plain ascii text, in UTF-16", true).subarray(2);
    expect(failure(bytes).message).toMatch(/UTF-16 without a byte-order mark/);
  });

  it("finds lone surrogates, not pairs", () => {
    expect(firstLoneSurrogate("a😀b")).toBeNull();
    expect(firstLoneSurrogate("ab\udc00")).toBe(2);
    expect(firstLoneSurrogate("\ud800")).toBe(0);
  });
});
