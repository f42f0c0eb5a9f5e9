/**
 * One unit of extraction work, shared by the worker threads and the in-thread mode.
 */
import { extract, type Source } from "../extract.js";
import type { InputFormat } from "../ingest/index.js";
import { AnnalsError, type PageInfo } from "../model/index.js";
import { prepareDocument, type Extracted, type PreparedDocument } from "../store/write.js";

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
  /**
   * Reply with the store's rows (`prepareDocument`) instead of the extraction: the SQLite
   * writer then only inserts them, and the reply is a fraction of the extraction's size.
   */
  prepare?: boolean;
}

/** Why a task failed, in one line. */
export interface TaskFailure {
  id: number;
  ok: false;
  message: string;
}

/** The extraction, or the one-line reason it failed. */
export type ExtractReply = { id: number; ok: true; extracted: Extracted } | TaskFailure;

/** The store's rows of the extraction (a task with `prepare`), or why it failed. */
export type PrepareReply = { id: number; ok: true; prepared: PreparedDocument } | TaskFailure;

/** Runs a task: `prepareItem` when it asks for rows, else `extractItem`; never throws. */
export function runTask(task: ExtractTask): ExtractReply | PrepareReply {
  return task.prepare === true ? prepareItem(task) : extractItem(task);
}

/** Runs the pipeline over a task and turns the extraction into the store's rows; never throws. */
export function prepareItem(task: ExtractTask): PrepareReply {
  const reply = extractItem(task);
  if (!reply.ok) return reply;
  try {
    return { id: task.id, ok: true, prepared: prepareDocument(reply.extracted) };
  } catch (error) {
    return { id: task.id, ok: false, message: failureMessage(error) };
  }
}

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
    return { id: task.id, ok: false, message: failureMessage(error) };
  }
}

/** The one-line reason of a failed extraction. */
function failureMessage(error: unknown): string {
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
  return message.split("\n")[0] ?? "";
}
