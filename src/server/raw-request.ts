/**
 * Requests whose URL holds raw UTF-8 bytes (what curl sends for `?q=金正恩`): Node's HTTP
 * parser refuses them before any route runs, so the client-error handler replays the request
 * through the app with the bytes percent-encoded, and writes the answer on the socket.
 */
import { STATUS_CODES, maxHeaderSize } from "node:http";
import type { Socket } from "node:net";
import type { FastifyInstance } from "fastify";
import { SECURITY_HEADERS } from "./security.js";

/** A request re-read from the bytes the parser refused, or null when it cannot be replayed. */
export interface RawRequest {
  method: "GET" | "HEAD";
  /** The URL with every byte ≥ 0x80 percent-encoded. */
  url: string;
  headers: Record<string, string>;
}

/** Percent-encodes the non-ASCII bytes of a request target; null if other bytes are invalid. */
function encodeTarget(bytes: Buffer): string | null {
  let out = "";
  for (const byte of bytes) {
    if (byte >= 0x80) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    else if (byte <= 0x20 || byte === 0x7f) return null;
    else out += String.fromCharCode(byte);
  }
  return out;
}

/** Re-reads a GET or HEAD request whose head arrived whole in `packet`; null otherwise. */
export function rawRequest(packet: Buffer | undefined): RawRequest | null {
  if (packet === undefined) return null;
  const end = packet.indexOf("\r\n\r\n");
  if (end < 0) return null;
  const lineEnd = packet.indexOf("\r\n");
  const line = packet.subarray(0, lineEnd);
  const first = line.indexOf(0x20);
  const last = line.lastIndexOf(0x20);
  if (first < 0 || last <= first) return null;
  const method = line.subarray(0, first).toString("latin1");
  const version = line.subarray(last + 1).toString("latin1");
  if ((method !== "GET" && method !== "HEAD") || !/^HTTP\/1\.[01]$/.test(version)) return null;
  const url = encodeTarget(line.subarray(first + 1, last));
  if (url === null || !url.startsWith("/")) return null;
  const headers: Record<string, string> = {};
  for (const header of packet
    .subarray(lineEnd + 2, end)
    .toString("latin1")
    .split("\r\n")) {
    const colon = header.indexOf(":");
    if (colon <= 0) return null;
    const name = header.slice(0, colon).trim().toLowerCase();
    if (!/^[\w!#$%&'*+.^`|~-]+$/.test(name)) return null;
    headers[name] = header.slice(colon + 1).trim();
  }
  return { method, url, headers };
}

/** Answers a refused request on its socket: replayed when possible, else a 4xx in the API's shape. */
export async function answerClientError(
  app: FastifyInstance,
  error: Error & { code?: string },
  socket: Socket,
): Promise<void> {
  const packet = (error as { rawPacket?: unknown }).rawPacket;
  const replay =
    error.code === "HPE_INVALID_URL" && Buffer.isBuffer(packet) ? rawRequest(packet) : null;
  if (replay !== null) {
    const res = await app.inject(replay);
    const headers = Object.entries(res.headers)
      .filter(([name]) => !["connection", "content-length", "transfer-encoding"].includes(name))
      .flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((v): [string, unknown] => [name, v]),
      );
    write(
      socket,
      res.statusCode,
      headers,
      replay.method === "HEAD" ? Buffer.alloc(0) : res.rawPayload,
    );
    return;
  }
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
  const message =
    error.code === "HPE_INVALID_URL"
      ? "bad request: the URL must be percent-encoded (UTF-8)"
      : error.code === "HPE_HEADER_OVERFLOW"
        ? `request line and headers too large (at most ${Math.round(maxHeaderSize / 1024)} KiB)`
        : `bad request: ${error.code ?? error.message}`;
  const body = Buffer.from(JSON.stringify({ error: message }));
  write(
    socket,
    status,
    [...Object.entries(SECURITY_HEADERS), ["content-type", "application/json; charset=utf-8"]],
    body,
  );
}

function write(
  socket: Socket,
  status: number,
  headers: Array<[string, unknown]>,
  body: Buffer,
): void {
  if (!socket.writable) return;
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}`,
    ...headers.map(([name, value]) => `${name}: ${String(value)}`),
    `content-length: ${body.length}`,
    "connection: close",
  ];
  socket.end(Buffer.concat([Buffer.from(`${head.join("\r\n")}\r\n\r\n`, "latin1"), body]));
}
