import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AnnalsError } from "../model/errors.js";
import { eraTables, eras, lexicon, loadTable } from "./tables.js";

describe("time: data tables", () => {
  afterEach(() => {
    vi.doUnmock("../model/data.js");
    vi.resetModules();
  });

  it("loads and validates the shipped tables", () => {
    expect(eraTables().length).toBeGreaterThan(0);
    expect(eras().get("光绪")?.first).toBe(1875);
    expect(lexicon().partsOfDay["上午"]?.code).toBe("MO");
  });

  it.each([
    // a table of the wrong shape, and a file that does not exist
    ["time/eras.json", z.object({ partsOfDay: z.record(z.string(), z.string()) }), "partsOfDay"],
    ["time/no-such-table.json", z.object({}), "cannot read data table"],
  ] as Array<[string, z.ZodType, string]>)(
    "names the file when %s is broken",
    (file, schema, what) => {
      let error: unknown;
      try {
        loadTable(file, schema);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(AnnalsError);
      expect((error as AnnalsError).file).toBe(`data/${file}`);
      expect((error as AnnalsError).message).toContain(what);
    },
  );

  it("imports without reading the tables; a broken table fails at first use, naming its file", async () => {
    vi.resetModules();
    vi.doMock("../model/data.js", async () => {
      const actual = await vi.importActual<typeof import("../model/data.js")>("../model/data.js");
      return {
        ...actual,
        loadDataJson: (file: string): unknown =>
          file === "time/lexicon.json"
            ? { partsOfDay: { 上午: { code: "XX", pm: false } } }
            : actual.loadDataJson(file),
      };
    });
    const time = await import("./index.js");
    const { ingest } = await import("../ingest/index.js");
    const { normalize } = await import("../normalize/index.js");
    const norm = normalize(ingest("1999年", { name: "x.md" }));
    let error: unknown;
    try {
      time.tagTimes(norm);
    } catch (err) {
      error = err;
    }
    expect((error as Error).name).toBe("AnnalsError");
    expect((error as AnnalsError).file).toBe("data/time/lexicon.json");
    expect((error as Error).message).toMatch(/invalid data table at partsOfDay\.上午\.code/);
  });
});
