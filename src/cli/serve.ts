/**
 * `annals serve [--db FILE] [--port N] [--host H]`: serves the timeline page and the JSON API
 * over a store, on the loopback interface unless told otherwise.
 */
import cluster from "node:cluster";
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

/** PostgreSQL connections per server process (requests in flight at once). */
const SERVER_PG_CONNECTIONS = 4;

/** Opens the store read-only and listens; resolves once the server accepts connections. */
export async function serve(options: ServeOptions): Promise<Serving> {
  // Note: the server awaits every store call, so it reads PostgreSQL through the asynchronous
  // store (several queries of this process in flight), not the blocking bridge of `openStore`.
  const store = isPostgresUrl(options.db)
    ? await postgres.PgStore.open(options.db, {
        readonly: true,
        verify: true,
        connections: SERVER_PG_CONNECTIONS,
      })
    : openStore(options.db, { readonly: true, verify: true });
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

/** Parses `--workers N` (1–64 server processes). */
export function workersValue(value: string): number {
  if (!/^\d{1,2}$/.test(value) || Number(value) < 1 || Number(value) > 64) {
    throw new InvalidArgumentError("expected a number of processes from 1 to 64");
  }
  return Number(value);
}

/**
 * Runs `workers` server processes sharing one listening socket (node:cluster; connections are
 * dealt round-robin). Resolves with the URL once the first one listens; a worker that dies is
 * reported and the others keep serving; SIGINT/SIGTERM stop them all.
 */
function serveInWorkers(workers: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let listening = false;
    let stopping = false;
    for (let i = 0; i < workers; i += 1) cluster.fork();
    cluster.on("message", (_worker, message: { url?: string; error?: string }) => {
      if (message.error !== undefined) reject(new AnnalsError(message.error));
      if (message.url !== undefined && !listening) {
        listening = true;
        resolve(message.url);
      }
    });
    cluster.on("exit", (worker, code) => {
      const left = Object.keys(cluster.workers ?? {}).length;
      if (stopping) {
        if (left === 0) process.exit(0);
      } else if (!listening) {
        reject(new AnnalsError(`a server process exited (${code}) before listening`));
      } else {
        process.stderr.write(`annals: server process ${worker.process.pid} exited (${code})\n`);
        if (left === 0) process.exit(code === 0 ? 0 : 1);
      }
    });
    const stop = () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/** The options of `annals serve` as commander gives them. */
interface ServeCommandOptions {
  db: string;
  port: number;
  host: string;
  allowHost?: string[];
  workers: number;
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
    .option(
      "--workers <n>",
      "server processes sharing the port (each with its own store connection)",
      workersValue,
      1,
    )
    .action(async (opts: ServeCommandOptions) => {
      if (opts.workers > 1 && cluster.isPrimary) {
        const url = await serveInWorkers(opts.workers);
        process.stdout.write(
          `annals: serving ${postgres.redactUrl(opts.db)} at ${url} (${opts.workers} processes)\n`,
        );
        await new Promise<never>(() => {});
      }
      if (!existsSync(WEB_DIST) && cluster.isPrimary) {
        process.stderr.write(
          "annals: warning: the page is not built (run `npm run build`); serving the API only\n",
        );
      }
      let serving: Serving;
      try {
        serving = await serve({
          db: opts.db,
          port: opts.port,
          host: opts.host,
          allowHosts: opts.allowHost ?? [],
        });
      } catch (error) {
        // A worker reports its failure to the primary, which prints it once.
        if (cluster.isWorker && error instanceof Error) {
          process.send?.({ error: error instanceof AnnalsError ? error.format() : error.message });
          process.exit(1);
        }
        throw error;
      }
      if (cluster.isWorker) process.send?.({ url: serving.url });
      else
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
