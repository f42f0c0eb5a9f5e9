/**
 * `annals start` (what `npm start` runs): builds the bundled sample into an embedded SQLite
 * file when it is missing or out of date, serves the timeline and prints the URL.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { ensureSampleDb } from "./start-db.js";
import { ALLOW_HOST_HELP, DEFAULT_PORT, hostList, portValue, serve } from "./serve.js";

/** Where `npm start` keeps its database: `.annals/sample.db` in the package folder. */
export const SAMPLE_DB = fileURLToPath(new URL("../../.annals/sample.db", import.meta.url));

/** Registers `annals start`. */
export function register(program: Command): void {
  program
    .command("start")
    .description(
      "build the bundled sample into .annals/sample.db if needed, then serve the timeline",
    )
    .option("--db <file>", "database for the sample", SAMPLE_DB)
    .option("--port <n>", "TCP port (0 = any free port)", portValue, DEFAULT_PORT)
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--allow-host <names>", ALLOW_HOST_HELP, hostList)
    .action(async (opts: { db: string; port: number; host: string; allowHost?: string[] }) => {
      const db = resolve(opts.db);
      mkdirSync(dirname(db), { recursive: true });
      const outcome = ensureSampleDb(db);
      process.stdout.write(
        outcome === "unchanged"
          ? `annals: sample already in ${db}\n`
          : `annals: built the sample into ${db}\n`,
      );
      const serving = await serve({
        db,
        port: opts.port,
        host: opts.host,
        allowHosts: opts.allowHost ?? [],
      });
      process.stdout.write(`annals: open ${serving.url}  (Ctrl-C to stop)\n`);
      const stop = () => {
        void serving.close().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      await new Promise<never>(() => {});
    });
}
