import { describe, expect, it } from "vitest";
import { MarkDepth, unbalanced } from "./marks.js";

describe("time: MarkDepth", () => {
  // Note: instances over the same marks share one pattern; queries on two texts in turn must each
  // read their own text (as the asides refiner and present-ref ask them).
  const open = "“「『（(";
  const close = "”」』）)";
  const a = "他说：“明天（周三）出发”，于是（1905年）离开。";
  const b = "「第一句」（注：1990年）后来“又说（再说”结束）";
  it("answers as a scan of the slice, for two texts asked in turn", () => {
    const da = new MarkDepth(a, open, close);
    const db = new MarkDepth(b, open, close);
    for (let to = 0; to <= Math.max(a.length, b.length); to += 1) {
      const ta = Math.min(to, a.length);
      const tb = Math.min(to, b.length);
      expect(da.unbalanced(0, ta)).toBe(unbalanced(a.slice(0, ta), open, close));
      expect(db.unbalanced(0, tb)).toBe(unbalanced(b.slice(0, tb), open, close));
      expect(db.unbalanced(3, Math.max(3, tb))).toBe(
        unbalanced(b.slice(3, Math.max(3, tb)), open, close),
      );
    }
  });
  it("finds each text's next mark", () => {
    const da = new MarkDepth(a, open, close);
    const db = new MarkDepth(b, open, close);
    expect(da.nextMark(0, a.length)).toBe(a.indexOf("“"));
    expect(db.nextMark(1, b.length)).toBe(b.indexOf("」"));
    expect(da.nextMark(a.indexOf("“") + 1, a.length)).toBe(a.indexOf("（"));
    expect(db.nextMark(b.length, b.length)).toBe(b.length);
  });
});
