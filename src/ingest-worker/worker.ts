/**
 * Worker-thread entry: extracts one article per message and posts the extraction (or its
 * prepared rows) back.
 * Loaded from the compiled `dist/ingest-worker/worker.js` by `ExtractPool`.
 */
import { parentPort } from "node:worker_threads";
import { runTask, type ExtractTask } from "./task.js";

if (parentPort !== null) {
  const port = parentPort;
  port.on("message", (task: ExtractTask) => {
    // Note: the blobs are copied, not transferred: a small Buffer lives in Node's shared pool.
    port.postMessage(runTask(task));
  });
}
