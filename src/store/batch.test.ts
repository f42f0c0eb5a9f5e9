import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { openStore, type Store, type WriteBatch } from "./index.js";
import {
  changedA,
  EVENTS_A,
  EVENTS_B,
  fixture,
  JPN,
  KOREA,
  RAW_A,
  RAW_B,
  USA,
} from "./test-fixture.js";
import { prepareDocument } from "./write.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "annals-batch-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The store's write batch (an SQLite store opens them). */
function begin(store: Store): WriteBatch {
  const batch = store.begin?.();
  if (batch === undefined) throw new Error("an SQLite store opens write batches");
  return batch;
}

const A = prepareDocument(fixture("a.md", RAW_A, [KOREA, USA, JPN], EVENTS_A));
const B = prepareDocument(fixture("b.md", RAW_B, [KOREA, USA, JPN], EVENTS_B));

describe("Store.begin: a write batch", () => {
  it("stores its documents on commit, as putPrepared does", () => {
    const one = openStore(join(dir, "one.db"));
    const batch = begin(one);
    expect(batch.put(A)).toBe("inserted");
    expect(batch.put(B)).toBe("inserted");
    batch.commit();
    expect(() => batch.put(A)).toThrow(/closed/);
    const other = openStore(join(dir, "other.db"));
    expect(other.putPrepared?.([A, B])).toEqual(["inserted", "inserted"]);
    expect(one.counts()).toEqual(other.counts());
    expect(one.documents()).toEqual(other.documents());
    expect(begin(one).put(A)).toBe("unchanged");
    one.close();
    other.close();
  });

  it("is not seen by another connection before its commit; a rollback stores nothing", () => {
    const path = join(dir, "x.db");
    const store = openStore(path);
    const reader = new Database(path, { readonly: true });
    const count = (): unknown => reader.prepare("SELECT count(*) AS n FROM documents").get();
    const batch = begin(store);
    batch.put(A);
    expect(count()).toEqual({ n: 0 });
    batch.commit();
    expect(count()).toEqual({ n: 1 });
    const second = begin(store);
    second.put(B);
    second.rollback();
    second.rollback();
    expect(count()).toEqual({ n: 1 });
    expect(store.counts().documents).toBe(1);
    reader.close();
    store.close();
  });

  it("never serves a search texts read before a put or a rollback of the batch", () => {
    const store = openStore(join(dir, "s.db"));
    expect(store.putPrepared?.([A])).toEqual(["inserted"]);
    const shown = (q: string) => store.search(q).map((h) => h.display?.tw);
    expect(shown("框架協議")).toEqual([expect.stringContaining("框架協議")]);
    const batch = begin(store);
    // The replacement takes the same rowid (the largest) as the document it replaces.
    expect(batch.put(prepareDocument(changedA()))).toBe("replaced");
    expect(shown("停火協議")).toEqual([expect.stringContaining("停火協議")]);
    batch.rollback();
    expect(shown("停火協議")).toEqual([]);
    expect(shown("框架協議")).toEqual([expect.stringContaining("框架協議")]);
    store.close();
  });

  it("opens one at a time per connection", () => {
    const store = openStore(join(dir, "x.db"));
    const batch = begin(store);
    expect(() => begin(store)).toThrow(/already open/);
    batch.rollback();
    expect(() => begin(store).rollback()).not.toThrow();
    store.close();
  });

  it("loses only what was not committed when the process dies; a re-run resumes", () => {
    const path = join(dir, "x.db");
    const store = openStore(path);
    const first = begin(store);
    first.put(A);
    first.commit();
    const second = begin(store);
    second.put(B);
    // Note: closing the connection with the transaction open is what a killed process leaves.
    store.close();
    const again = openStore(path);
    expect(again.integrityCheck()).toBe("ok");
    expect(again.documents().map((d) => d.source)).toEqual(["a.md"]);
    expect(again.hasHash("a.md", A.hash)).toBe(true);
    expect(again.hasHash("b.md", B.hash)).toBe(false);
    const resumed = begin(again);
    expect([resumed.put(A), resumed.put(B)]).toEqual(["unchanged", "inserted"]);
    resumed.commit();
    expect(again.counts().documents).toBe(2);
    again.close();
  });
});
