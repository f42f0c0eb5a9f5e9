/**
 * Test helper for the PostgreSQL backend: `ANNALS_TEST_PG` names a server (any database on it,
 * e.g. `postgres://annals@localhost/annals?host=/tmp/pgsock`); each test file gets its own
 * database, created empty and dropped at the end. Without the variable the PostgreSQL tests
 * skip (`bash .ci/run` starts a throw-away server and sets it).
 */
import pg from "pg";

/** The server URL from the environment, or null. */
export const TEST_PG: string | null = process.env.ANNALS_TEST_PG ?? null;

/** The one line a skipped PostgreSQL suite shows. */
export const PG_SKIP_NOTE =
  "PostgreSQL tests skipped: set ANNALS_TEST_PG=postgres://user@host/db (bash .ci/run starts a throw-away server)";

/** `base` pointing at database `name` instead. */
export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(base: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database `name` (dropping an old one) and returns its URL. */
export async function createTestDatabase(base: string, name: string): Promise<string> {
  await admin(base, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  return databaseUrl(base, name);
}

/** Drops database `name`. */
export async function dropTestDatabase(base: string, name: string): Promise<void> {
  await admin(base, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Empties every annals table of the database at `url` (keeps the schema). */
export async function emptyDatabase(url: string): Promise<void> {
  await admin(url, async (c) => {
    const exists = await c.query("SELECT to_regclass('documents') AS t");
    if (exists.rows[0]?.t !== null) await c.query("TRUNCATE documents CASCADE");
  });
}

/** Runs one SQL statement on the database at `url`. */
export async function sql(url: string, text: string, values: unknown[] = []): Promise<void> {
  await admin(url, (c) => c.query(text, values));
}
