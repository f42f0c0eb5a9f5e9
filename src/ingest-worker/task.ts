/**
 * One unit of extraction work, shared by the worker threads and the in-thread mode.
 */
import { extract, type Source } from "../extract.js";
import type { InputFormat } from "../ingest/index.js";
import { AnnalsError, type PageInfo } from "../model/index.js";
import type { Extracted } from "../store/index.js";

/** An article to extract. */
export interface ExtractTask {
  id: number;
  name: string;
  raw: string;
  /** A title that overrides the one the article implies (JSON-lines records, dump pages). */
  title?: string;
  /** Source format (default: detected). */
  format?: InputFormat;
  /** The dump page the text came from. */
  page?: PageInfo;
  /** The article's now (a dump page's revision time). */
  referenceDate?: string;
}

/** The extraction, or the one-line reason it failed. */
export type ExtractReply =
  { id: number; ok: true; extracted: Extracted } | { id: number; ok: false; message: string };

/** Runs the pipeline over a task; never throws. */
export function extractItem(task: ExtractTask): ExtractReply {
  try {
    const source: Source = { raw: task.raw, name: task.name };
    if (task.format !== undefined) source.format = task.format;
    if (task.page !== undefined) source.page = task.page;
    if (task.referenceDate !== undefined) source.referenceDate = task.referenceDate;
    const extracted = extract(source);
    if (task.title !== undefined) {
      extracted.document.title = task.title;
      extracted.chronicle.document.title = task.title;
    }
    return { id: task.id, ok: true, extracted };
  } catch (error) {
    let message: string;
    if (error instanceof AnnalsError) {
      const { position } = error;
      message =
        position !== null && !error.message.includes(position)
          ? `${position}: ${error.message}`
          : error.message;
    } else {
      message = `extraction failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    return { id: task.id, ok: false, message: message.split("\n")[0] ?? "" };
  }
}
