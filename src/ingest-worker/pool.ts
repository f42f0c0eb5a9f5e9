/**
 * A fixed pool of extraction worker threads; each worker holds at most one task, the rest wait
 * in a queue. A crashed or timed-out worker fails its task and is replaced.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ExtractReply, ExtractTask } from "./task.js";

/** The compiled worker entry: beside this module in dist/, or dist/ when run from sources. */
export function workerEntry(): URL {
  const here = new URL("./worker.js", import.meta.url);
  if (!import.meta.url.endsWith(".ts")) return here;
  // Note: under vitest this module is TypeScript; Node cannot run worker.ts, so use the build.
  const built = new URL("../../dist/ingest-worker/worker.js", import.meta.url);
  if (!existsSync(fileURLToPath(built))) {
    throw new Error("dist/ingest-worker/worker.js is missing: run `npm run build` first");
  }
  return built;
}

/**
 * Old-generation heap limit of a worker (MB): extraction needs well under 100 MB for a typical
 * article; the limit makes V8 collect early and turns a runaway article into a failed item
 * (the worker is replaced) instead of exhausting the machine.
 */
export const WORKER_HEAP_MB = 512;

/**
 * The heap limit for articles of up to `maxBytes`: `WORKER_HEAP_MB` covers the default 8 MiB
 * limit (an 8.3 MB article peaks near 270 MB of heap); a raised limit raises it, 64 MB per MiB.
 */
export function workerHeapMb(maxBytes: number): number {
  return Math.max(WORKER_HEAP_MB, Math.ceil((64 * maxBytes) / 2 ** 20));
}

interface Slot {
  worker: Worker;
  task: Pending | null;
  timer: ReturnType<typeof setTimeout> | null;
}

interface Pending {
  task: ExtractTask;
  resolve: (reply: ExtractReply) => void;
}

/** Runs `ExtractTask`s on `size` worker threads. */
export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;

  /**
   * @param size number of worker threads (at least 1)
   * @param timeoutMs fail a task (and restart its worker) after this long; 0 for no limit
   * @param heapMb old-generation heap limit of each worker
   */
  constructor(
    size: number,
    private readonly timeoutMs = 0,
    private readonly heapMb = WORKER_HEAP_MB,
  ) {
    for (let i = 0; i < Math.max(1, size); i += 1) this.slots.push(this.spawn());
  }

  /** Extracts one task on the next free worker; resolves with the reply (never rejects). */
  run(task: ExtractTask): Promise<ExtractReply> {
    return new Promise((resolve) => {
      if (this.closed) {
        resolve({ id: task.id, ok: false, message: "interrupted" });
        return;
      }
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  /** Stops every worker; queued and running tasks resolve as failed ("interrupted"). */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) {
      p.resolve({ id: p.task.id, ok: false, message: "interrupted" });
    }
    await Promise.all(
      this.slots.map(async (slot) => {
        this.finish(slot, null);
        await slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(workerEntry(), {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
    });
    const slot: Slot = { worker, task: null, timer: null };
    worker.on("message", (reply: ExtractReply) => {
      this.finish(slot, reply);
      this.dispatch();
    });
    worker.on("error", (error) => this.replace(slot, `extraction failed: ${error.message}`));
    worker.on("exit", (code) => {
      if (!this.closed) this.replace(slot, `worker exited with code ${code}`);
    });
    return slot;
  }

  /** Resolves the slot's task (with `reply`, or as interrupted) and frees the slot. */
  private finish(slot: Slot, reply: ExtractReply | null): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    const pending = slot.task;
    slot.task = null;
    if (pending !== null) {
      pending.resolve(reply ?? { id: pending.task.id, ok: false, message: "interrupted" });
    }
  }

  /** Fails the slot's task with `message` and puts a fresh worker in its place. */
  private replace(slot: Slot, message: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    const pending = slot.task;
    this.finish(slot, pending === null ? null : { id: pending.task.id, ok: false, message });
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    this.slots[index] = this.spawn();
    this.dispatch();
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.task !== null) continue;
      const next = this.queue.shift();
      if (next === undefined) return;
      slot.task = next;
      if (this.timeoutMs > 0) {
        slot.timer = setTimeout(
          () => this.replace(slot, `extraction timed out after ${this.timeoutMs / 1000} s`),
          this.timeoutMs,
        );
      }
      slot.worker.postMessage(next.task);
    }
  }
}
