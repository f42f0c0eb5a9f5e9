/**
 * The ingest job queue: pg-boss (PostgreSQL's `SKIP LOCKED` job queue) in the same database as
 * the store, schema `pgboss`. One job per page, carrying its text, so a worker on any machine
 * needs only the database. A job is acknowledged after the page's write commits; a job whose
 * worker died is expired after its lease and retried.
 */
import PgBoss from "pg-boss";
import pg from "pg";
import { AnnalsError } from "../../model/index.js";
import { redactUrl } from "./pg-store.js";

/** The queue's name. */
export const INGEST_QUEUE = "annals-ingest";

/** One page to extract and store. */
export interface PageJob {
  /** Stored source name (absolute path, or `path#title` for a JSON-lines record). */
  name: string;
  /** Where to point a user at in messages. */
  label: string;
  raw: string;
  title?: string;
  /** Replace the stored rows even when unchanged. */
  force?: boolean;
}

/** How a queue is opened. */
export interface QueueOptions {
  /** Seconds a worker may hold a job before it is taken to have died (then retried). */
  leaseSeconds?: number;
  /** Seconds between the expiry sweeps a worker runs (one process sweeps at a time). */
  sweepSeconds?: number;
  /** Retries of a failed or expired job. */
  retries?: number;
}

/** Job counts by state. */
export interface QueueStatus {
  queued: number;
  running: number;
  done: number;
  failed: number;
}

/** Default lease of a job: 5 minutes (an article takes well under a second). */
export const DEFAULT_LEASE_S = 300;

/** Starts pg-boss on `url` (creating its schema and the queue when missing). */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max: 3,
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: options.sweepSeconds ?? 5,
    monitorStateIntervalSeconds: 3600,
  });
  boss.on("error", () => undefined);
  try {
    await boss.start();
    if ((await boss.getQueue(INGEST_QUEUE)) === null) {
      await boss
        .createQueue(INGEST_QUEUE, {
          name: INGEST_QUEUE,
          retryLimit: options.retries ?? 3,
          expireInSeconds: options.leaseSeconds ?? DEFAULT_LEASE_S,
        })
        .catch(async (error: unknown) => {
          // Note: another process may have created it in between.
          if ((await boss.getQueue(INGEST_QUEUE)) === null) throw error;
        });
    }
  } catch (error) {
    await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
    throw new AnnalsError(`cannot open the job queue: ${(error as Error).message}`, {
      file: redactUrl(url),
    });
  }
  return boss;
}

/** Queues pages (in one statement per batch). */
export async function enqueuePages(
  boss: PgBoss,
  pages: PageJob[],
  options: QueueOptions = {},
): Promise<void> {
  if (pages.length === 0) return;
  await boss.insert(
    pages.map((data) => ({
      name: INGEST_QUEUE,
      data,
      retryLimit: options.retries ?? 3,
      expireInSeconds: options.leaseSeconds ?? DEFAULT_LEASE_S,
    })),
  );
}

/** Job counts of the ingest queue (live and archived jobs); all zero when there is no queue. */
export async function queueStatus(url: string): Promise<QueueStatus> {
  const client = new pg.Client({ connectionString: url });
  const status: QueueStatus = { queued: 0, running: 0, done: 0, failed: 0 };
  try {
    await client.connect();
    const exists = await client.query<{ t: string | null }>(
      "SELECT to_regclass('pgboss.job')::text AS t",
    );
    if (exists.rows[0]?.t === null) return status;
    const rows = await client.query<{ state: string; n: string }>(
      `SELECT state, count(*) AS n FROM (
         SELECT state FROM pgboss.job WHERE name = $1
         UNION ALL SELECT state FROM pgboss.archive WHERE name = $1) j
       GROUP BY state`,
      [INGEST_QUEUE],
    );
    for (const r of rows.rows) {
      const n = Number(r.n);
      if (r.state === "created" || r.state === "retry") status.queued += n;
      else if (r.state === "active") status.running += n;
      else if (r.state === "completed") status.done += n;
      else status.failed += n;
    }
    return status;
  } catch (error) {
    throw new AnnalsError(`cannot read the job queue: ${(error as Error).message}`, {
      file: redactUrl(url),
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}
