/** Content hashes for change detection. */
import { createHash } from "node:crypto";

/** SHA-256 of a text's UTF-8 bytes, hex: the hash a document row keeps of its raw text. */
export function hashText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
