/**
 * Backend selection: `openStore(location)` opens a PostgreSQL database for a `postgres://` or
 * `postgresql://` URL and a SQLite file for anything else.
 */
import { openPgStore } from "./pg/bridge.js";
import { isPostgresUrl } from "./pg/pg-store.js";
import { openStore as openSqliteStore, type OpenOptions, type Store } from "./store.js";

/** Opens the store at `location`: a PostgreSQL URL or a SQLite file path. */
export function openStore(location: string, options: OpenOptions = {}): Store {
  if (isPostgresUrl(location)) {
    return openPgStore(location, {
      readonly: options.readonly === true,
      verify: options.verify === true,
    });
  }
  return openSqliteStore(location, options);
}
