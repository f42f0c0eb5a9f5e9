/**
 * Worker-thread entry: extracts one article per message and posts the extraction back.
 * Loaded from the compiled `dist/ingest-worker/worker.js` by `ExtractPool`.
 */
import { parentPort } from "node:worker_threads";
import { extractItem, type ExtractReply, type ExtractTask } from "./task.js";

if (parentPort !== null) {
  const port = parentPort;
  port.on("message", (task: ExtractTask) => {
    const reply: ExtractReply = extractItem(task);
    port.postMessage(reply);
  });
}
