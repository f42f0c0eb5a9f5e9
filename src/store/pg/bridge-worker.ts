/**
 * The thread behind the synchronous PostgreSQL store (`bridge.ts`): holds the asynchronous
 * stores and runs one method call at a time for the blocked caller (synckit).
 * Loaded from the compiled `dist/store/pg/bridge-worker.js`.
 */
import { runAsWorker } from "synckit";
import { AnnalsError } from "../../model/index.js";
import { PgStore, type PgOpenOptions } from "./pg-store.js";
import type { BridgeReply } from "./bridge.js";

const stores = new Map<number, PgStore>();
let nextHandle = 1;

async function run(op: string, handle: number, args: unknown[]): Promise<unknown> {
  if (op === "open") {
    const store = await PgStore.open(args[0] as string, args[1] as PgOpenOptions);
    stores.set(nextHandle, store);
    return nextHandle++;
  }
  const store = stores.get(handle);
  if (store === undefined) throw new AnnalsError("database connection is closed");
  if (op === "close") {
    stores.delete(handle);
    await store.close();
    return null;
  }
  const method = (store as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[op];
  if (typeof method !== "function") throw new AnnalsError(`no store method ${op}`);
  return method.apply(store, args);
}

runAsWorker(async (op: string, handle: number, args: unknown[]): Promise<BridgeReply> => {
  try {
    return { ok: true, value: await run(op, handle, args) };
  } catch (error) {
    const e = error as Error & { file?: string | null; position?: string | null };
    return { ok: false, message: e.message, file: e.file ?? null, position: e.position ?? null };
  }
});
