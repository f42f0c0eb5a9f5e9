/**
 * A fixed pool of extraction worker threads; each worker holds at most one task, the rest wait
 * in a queue. A crashed or timed-out worker fails its task and is replaced.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ExtractReply, ExtractTask, PrepareReply } from "./task.js";

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
 * Old-generation heap limit of a worker (MB) for the longest articles the default `--max-bytes`
 * admits: extraction needs well under 100 MB for a typical article; the limit makes V8 collect
 * early and turns a runaway article into a failed item (the worker is replaced) instead of
 * exhausting the machine.
 */
export const WORKER_HEAP_MB = 512;

/**
 * The heap limit for articles of up to `maxBytes`: `WORKER_HEAP_MB` covers the default 8 MiB
 * limit (an 8.3 MB article peaks near 270 MB of heap); a raised limit raises it, 64 MB per MiB.
 */
export function workerHeapMb(maxBytes: number): number {
  return Math.max(WORKER_HEAP_MB, Math.ceil((64 * maxBytes) / 2 ** 20));
}

/**
 * Old-generation heap limit of a worker for articles of up to `PIPELINE_CHARS` (MB): the loaded
 * pipeline holds about 70 MB live (opencc's two converters 50 of them), and a 300 k-character
 * article extracts within 144 MB. A lower limit makes V8 collect before the heap grows, which
 * keeps `ingest --jobs 2` under 500 MB; a longer article gets a worker with the full limit.
 */
export const PIPELINE_HEAP_MB = 144;

/**
 * Young-generation limit of a `PIPELINE_HEAP_MB` worker (MB), three semi-spaces' worth: 24 (8 MB
 * semi-spaces) instead of V8's default (16 MB ones) saves about 10 MB of RSS per worker, and
 * instead of 12 about 25% of the CPU per warm article, which 4 MB semi-spaces spend scavenging
 * and promoting short-lived objects (one thread, 100 generated articles, process CPU per
 * article: 64–71 ms at 4 MB, 49–51 ms at 8 MB, 50–51 ms at 16 MB; RSS 244–251, 257–260,
 * 267–270 MB).
 */
export const PIPELINE_YOUNG_MB = 24;

/** The longest article (UTF-16 units) a `PIPELINE_HEAP_MB` worker extracts. */
export const PIPELINE_CHARS = 256 * 1024;

/**
 * The heap limit a task needs in a pool whose longest article needs `maxHeapMb`, when articles
 * of up to `ordinaryChars` run in `PIPELINE_HEAP_MB`.
 */
export function taskHeapMb(
  task: ExtractTask,
  maxHeapMb: number,
  ordinaryChars = PIPELINE_CHARS,
): number {
  return task.raw.length <= ordinaryChars ? Math.min(PIPELINE_HEAP_MB, maxHeapMb) : maxHeapMb;
}

/**
 * Tasks posted to one worker at a time: the one it runs and the next, waiting in its port, so
 * a worker starts its next article as soon as it has posted a reply instead of waiting for the
 * main thread (busy writing, or not scheduled on a loaded machine) to hand it one.
 */
export const WORKER_DEPTH = 2;

interface Slot {
  worker: Worker;
  /** The worker's old-generation heap limit (MB). */
  heapMb: number;
  /** Tasks posted to the worker, oldest (the running one) first. */
  tasks: Pending[];
  /** The running task's timeout. */
  timer: ReturnType<typeof setTimeout> | null;
}

/** A task's reply: `PrepareReply` when it asked for rows (`prepare`), else `ExtractReply`. */
type Reply = ExtractReply | PrepareReply;

interface Pending {
  task: ExtractTask;
  resolve: (reply: Reply) => void;
}

/**
 * Runs `ExtractTask`s on `size` worker threads, at most `WORKER_DEPTH` posted to each. Workers
 * start with the heap an ordinary article needs (`taskHeapMb`); a task that needs another heap
 * goes to a worker that has it, else an idle worker is replaced by one that has it.
 */
export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;

  /**
   * @param size number of worker threads (at least 1)
   * @param timeoutMs fail a task (and restart its worker) after this long; 0 for no limit
   * @param heapMb old-generation heap limit for the longest admitted article
   * @param ordinaryChars articles up to this long run in workers of `PIPELINE_HEAP_MB`
   */
  constructor(
    size: number,
    private readonly timeoutMs = 0,
    private readonly heapMb = WORKER_HEAP_MB,
    private readonly ordinaryChars = PIPELINE_CHARS,
  ) {
    const ordinary = Math.min(PIPELINE_HEAP_MB, heapMb);
    for (let i = 0; i < Math.max(1, size); i += 1) this.slots.push(this.spawn(ordinary));
  }

  /** Extracts one task on the next free worker; resolves with the reply (never rejects). */
  run(task: ExtractTask): Promise<ExtractReply> {
    return this.submit({ ...task, prepare: false }) as Promise<ExtractReply>;
  }

  /** Extracts one task and turns it into the store's rows on the worker (never rejects). */
  prepare(task: ExtractTask): Promise<PrepareReply> {
    return this.submit({ ...task, prepare: true }) as Promise<PrepareReply>;
  }

  private submit(task: ExtractTask): Promise<Reply> {
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
        while (slot.tasks.length > 0) this.finish(slot, null);
        await slot.worker.terminate();
      }),
    );
  }

  private spawn(heapMb: number): Slot {
    const young = heapMb <= PIPELINE_HEAP_MB ? { maxYoungGenerationSizeMb: PIPELINE_YOUNG_MB } : {};
    const worker = new Worker(workerEntry(), {
      resourceLimits: { maxOldGenerationSizeMb: heapMb, ...young },
    });
    const slot: Slot = { worker, heapMb, tasks: [], timer: null };
    worker.on("message", (reply: Reply) => {
      this.finish(slot, reply);
      this.dispatch();
    });
    worker.on("error", (error) => this.replace(slot, `extraction failed: ${error.message}`));
    worker.on("exit", (code) => {
      if (!this.closed) this.replace(slot, `worker exited with code ${code}`);
    });
    return slot;
  }

  /**
   * Resolves the slot's running task (with `reply`, or as interrupted) and starts the timeout of
   * the next one, which the worker starts at once.
   */
  private finish(slot: Slot, reply: Reply | null): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    const pending = slot.tasks.shift();
    if (pending !== undefined) {
      pending.resolve(reply ?? { id: pending.task.id, ok: false, message: "interrupted" });
    }
    if (slot.tasks.length > 0) this.arm(slot);
  }

  /** Fails the running task after `timeoutMs` (the worker is replaced). */
  private arm(slot: Slot): void {
    if (this.timeoutMs <= 0 || this.closed) return;
    slot.timer = setTimeout(
      () => this.replace(slot, `extraction timed out after ${this.timeoutMs / 1000} s`),
      this.timeoutMs,
    );
  }

  /**
   * Fails the slot's running task with `message`, puts a fresh worker in its place and queues
   * the slot's waiting tasks again, first.
   */
  private replace(slot: Slot, message: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    const [running, ...waiting] = slot.tasks;
    slot.tasks = running === undefined ? [] : [running];
    this.finish(slot, running === undefined ? null : { id: running.task.id, ok: false, message });
    this.queue.unshift(...waiting);
    this.respawn(index, Math.min(PIPELINE_HEAP_MB, this.heapMb));
    this.dispatch();
  }

  /** Stops the worker of slot `index` and puts a fresh one with `heapMb` in its place. */
  private respawn(index: number, heapMb: number): Slot {
    const old = this.slots[index] as Slot;
    old.worker.removeAllListeners();
    void old.worker.terminate();
    const slot = this.spawn(heapMb);
    this.slots[index] = slot;
    return slot;
  }

  private dispatch(): void {
    if (this.closed) return;
    for (let next = this.queue[0]; next !== undefined; next = this.queue[0]) {
      const heapMb = taskHeapMb(next.task, this.heapMb, this.ordinaryChars);
      // The least loaded worker with that heap, else an idle one given that heap.
      let slot: Slot | undefined;
      for (const s of this.slots) {
        if (s.heapMb === heapMb && s.tasks.length < WORKER_DEPTH) {
          if (slot === undefined || s.tasks.length < slot.tasks.length) slot = s;
        }
      }
      if (slot === undefined) {
        const idle = this.slots.find((s) => s.tasks.length === 0);
        if (idle === undefined) return;
        slot = this.respawn(this.slots.indexOf(idle), heapMb);
      }
      this.queue.shift();
      slot.tasks.push(next);
      if (slot.tasks.length === 1) this.arm(slot);
      slot.worker.postMessage(next.task);
    }
  }
}
