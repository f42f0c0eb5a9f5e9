import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { extract } from "../extract.js";
import { AnnalsError } from "../model/index.js";
import { openInMemoryCopy } from "./guard.js";
import { openStore } from "./index.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "annals-guard-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLE = (n: number) =>
  `# 文章${n}\n\n2001年3月5日，美国与朝鲜在日内瓦举行会谈。2001年3月5日，朝鲜宣布退出六方会谈。\n`;

function storeWith(path: string, names: string[]): void {
  const store = openStore(path);
  for (const [i, name] of names.entries()) store.put(extract({ raw: ARTICLE(i), name }));
  store.close();
}

function thrown(f: () => unknown): AnnalsError {
  try {
    f();
  } catch (error) {
    if (error instanceof AnnalsError) return error;
    throw error;
  }
  throw new Error("expected an AnnalsError");
}

describe("store: damaged files", () => {
  it("a damaged page fails the quick check on open, in one line naming the file", () => {
    const path = join(dir, "a.db");
    storeWith(path, ["a.md", "b.md", "c.md"]);
    const size = statSync(path).size;
    const fd = openSync(path, "r+");
    // Garbage over every page but the first (the header stays readable).
    writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
    closeSync(fd);
    const error = thrown(() => openStore(path, { readonly: true, verify: true }));
    expect(error.format()).toMatch(/a\.db: .*(quick check|damaged)/);
    expect(error.format()).not.toContain("\n");
    // Without the check, the first query that meets the damage fails the same way.
    const query = thrown(() => {
      const store = openStore(path, { readonly: true });
      try {
        store.events({});
      } finally {
        store.close();
      }
    });
    expect(query.file).toBe(path);
  });

  it("a file that is not a database is named", () => {
    const path = join(dir, "junk.db");
    const fd = openSync(path, "w");
    writeSync(fd, Buffer.alloc(8192, 0x41));
    closeSync(fd);
    const message = thrown(() => openStore(path)).format();
    expect(message).toMatch(/junk\.db: .*not a SQLite database/);
    expect(message).not.toMatch(/damaged/);
  });
});

describe("store: another program's SQLite file", () => {
  it("is refused unless forced", () => {
    const path = join(dir, "other.db");
    const db = new Database(path);
    db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x')");
    db.close();
    expect(thrown(() => openStore(path)).message).toMatch(/not an annals store.*--force/);
    // Note: a read-only open (serve, timeline) has no --force to offer.
    const readonly = thrown(() => openStore(path, { readonly: true })).message;
    expect(readonly).toMatch(/not an annals/);
    expect(readonly).not.toMatch(/--force/);
    const forced = openStore(path, { force: true });
    expect(forced.counts()["documents"]).toBe(0);
    forced.close();
  });
});

describe("store: order", () => {
  it("same-date events come in (date, source, position) order whatever the ingest order", () => {
    const a = join(dir, "a.db");
    const b = join(dir, "b.db");
    storeWith(a, ["x/b.md", "x/a.md", "x/c.md"]);
    storeWith(b, ["x/c.md", "x/a.md", "x/b.md"]);
    const order = (path: string) => {
      const store = openStore(path, { readonly: true });
      const out = store.events({}).map((e) => `${e.doc.replace(/-.*/, "")} ${e.id}`);
      store.close();
      return out;
    };
    expect(order(a).length).toBeGreaterThan(2);
    expect(order(a)).toEqual(order(b));
  });
});

describe("store: a folder annals cannot write", () => {
  it("reads a cleanly closed WAL database from a copy in memory", () => {
    const path = join(dir, "a.db");
    storeWith(path, ["a.md"]);
    const db = openInMemoryCopy(path);
    expect(db.prepare("SELECT count(*) AS n FROM documents").get()).toEqual({ n: 1 });
    db.close();
  });
});
