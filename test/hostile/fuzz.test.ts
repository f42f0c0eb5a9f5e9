/**
 * Fuzz: 2 000 malformed documents from a seeded generator (markup cut in half, unbalanced
 * marks, lone surrogates, NUL, converter markup, tables, deep nesting) through every stage.
 * Nothing may throw but an `AnnalsError`, and every span must still slice to its text.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract.js";
import { AnnalsError } from "../../src/model/index.js";
import { malformed, seeded } from "./inputs.js";

const DOCUMENTS = 2_000;
const SEED = 14;

describe("fuzz: malformed documents", () => {
  it(`${DOCUMENTS} documents, seed ${SEED}: no internal error, spans slice to their text`, () => {
    const random = seeded(SEED);
    const internal: string[] = [];
    let refused = 0;
    for (let n = 0; n < DOCUMENTS; n += 1) {
      const raw = n % 50 === 49 ? "> ".repeat(150) + malformed(random) : malformed(random);
      try {
        const { chronicle } = extract({ raw, name: `fuzz-${n}.md` });
        const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
        const spans = [
          ...chronicle.timexes,
          ...chronicle.findings,
          ...chronicle.events.flatMap((e) => e.mentions),
        ];
        for (const s of spans) {
          if (text.slice(s.start, s.end) !== s.text)
            internal.push(`#${n}: span ${s.start}-${s.end}`);
        }
      } catch (error) {
        if (error instanceof AnnalsError) refused += 1;
        else internal.push(`#${n}: ${String(error).split("\n")[0]} in ${JSON.stringify(raw)}`);
      }
      if (internal.length >= 5) break;
    }
    expect(internal).toEqual([]);
    expect(refused).toBeGreaterThanOrEqual(DOCUMENTS / 50);
  }, 180_000);
});
