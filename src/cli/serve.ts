/**
 * `annals serve [--db FILE] [--port N] [--host H]`: serves the timeline page and the JSON API
 * over a store, on the loopback interface unless told otherwise.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, InvalidArgumentError } from "commander";
import type { FastifyInstance } from "fastify";
import { AnnalsError } from "../model/index.js";
import { createApp } from "../server/index.js";
import { isPostgresUrl, openStore, postgres } from "../store/index.js";
import { DEFAULT_DB } from "./ingest.js";

/** The built page (same relative place from `src/cli/` and `dist/cli/`). */
export const WEB_DIST = fileURLToPath(new URL("../../web-dist", import.meta.url));

/** Port used when `--port` is not given. */
export const DEFAULT_PORT = 4173;

/** What `serve` needs. */
export interface ServeOptions {
  db: string;
  port?: number;
  host?: string;
  /** Folder of the built page; defaults to the package's `web-dist`. */
  staticDir?: string;
  /** Host names served besides the loopback names and `host` itself (`*` = any). */
  allowHosts?: readonly string[];
}

/** Parses `--allow-host a,b` (names or addresses; `*` serves any Host). */
export function hostList(value: string, previous: string[] = []): string[] {
  const names = value
    .split(/[,\s]+/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
  if (names.length === 0) throw new InvalidArgumentError("expected host names, comma-separated");
  return [...previous, ...names];
}

/** Help for `--allow-host`, shared by `serve` and `start`. */
export const ALLOW_HOST_HELP =
  "also answer requests whose Host header names these (comma-separated; * = any). " +
  "By default only localhost, 127.0.0.1, ::1 and --host itself, which stops DNS rebinding";

/** The interfaces that mean "every address", which no browser sends as Host. */
const WILDCARDS = new Set(["0.0.0.0", "::", "[::]"]);

/** A running server. */
export interface Serving {
  /** `http://host:port/` as a browser would open it. */
  url: string;
  host: string;
  port: number;
  app: FastifyInstance;
  /** Stops listening and closes the store. */
  close(): Promise<void>;
}

/** Parses a TCP port (0 = any free port). */
export function portValue(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError("expected a port number from 0 to 65535");
  }
  return Number(value);
}

/** Opens the store read-only and listens; resolves once the server accepts connections. */
export async function serve(options: ServeOptions): Promise<Serving> {
  if (!isPostgresUrl(options.db) && !existsSync(options.db)) {
    throw new AnnalsError("no such database (create it with `annals ingest FILE --db …`)", {
      file: options.db,
    });
  }
  const store = openStore(options.db, { readonly: true, verify: true });
  const staticDir = options.staticDir ?? WEB_DIST;
  const host = options.host ?? "127.0.0.1";
  const allowedHosts = [...(options.allowHosts ?? []), ...(WILDCARDS.has(host) ? [] : [host])];
  const app = await createApp({ store, staticDir, allowedHosts });
  app.addHook("onClose", async () => store.close());
  try {
    await app.listen({ port: options.port ?? DEFAULT_PORT, host });
  } catch (error) {
    await app.close();
    throw new AnnalsError(
      `cannot listen on ${host}:${options.port ?? DEFAULT_PORT}: ${(error as Error).message}`,
    );
  }
  const address = app.server.address();
  const port =
    typeof address === "object" && address !== null ? address.port : (options.port ?? DEFAULT_PORT);
  const shown = host.includes(":") ? `[${host}]` : host;
  return { url: `http://${shown}:${port}/`, host, port, app, close: () => app.close() };
}

/** Registers `annals serve`. */
export function register(program: Command): void {
  program
    .command("serve")
    .description("serve the timeline page and the JSON API over a store (loopback only by default)")
    .option("--db <file>", "SQLite store to read, or a postgres:// URL", DEFAULT_DB)
    .option("--port <n>", "TCP port (0 = any free port)", portValue, DEFAULT_PORT)
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--allow-host <names>", ALLOW_HOST_HELP, hostList)
    .action(async (opts: { db: string; port: number; host: string; allowHost?: string[] }) => {
      if (!existsSync(WEB_DIST)) {
        process.stderr.write(
          "annals: warning: the page is not built (run `npm run build`); serving the API only\n",
        );
      }
      const serving = await serve({
        db: opts.db,
        port: opts.port,
        host: opts.host,
        allowHosts: opts.allowHost ?? [],
      });
      process.stdout.write(`annals: serving ${postgres.redactUrl(opts.db)} at ${serving.url}\n`);
      const stop = () => {
        void serving.close().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      // Keep running until a signal arrives.
      await new Promise<never>(() => {});
    });
}
