/**
 * Vitest global setup: without a PostgreSQL server the backend suites skip, and this says so
 * once, with how to run them (vitest does not print the names of skipped tests).
 */
import { PG_SKIP_NOTE, TEST_PG } from "./pg.js";

export function setup(): void {
  if (TEST_PG === null) process.stdout.write(`${PG_SKIP_NOTE}\n`);
}
