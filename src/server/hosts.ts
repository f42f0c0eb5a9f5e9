/**
 * The Host header allow-list: a page on another origin that re-points its own name at
 * 127.0.0.1 (DNS rebinding) still sends its own name as Host, so only known names are served.
 */

/** Names a loopback server answers to by default. */
export const LOOPBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "::1"];

/** The host name of a Host header without its port, lower-cased (`[::1]:4173` → `::1`). */
export function hostName(header: string): string {
  const value = header.trim().toLowerCase();
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    return end < 0 ? value : value.slice(1, end);
  }
  const colon = value.lastIndexOf(":");
  return colon < 0 ? value : value.slice(0, colon);
}

/**
 * A check of Host headers: loopback names plus `extra` (names or addresses, without port;
 * `*` lets every name through, for a server behind a proxy that checks names itself).
 */
export function hostAllowList(
  extra: readonly string[] = [],
): (header: string | undefined) => boolean {
  const names = new Set([...LOOPBACK_HOSTS, ...extra.map((name) => hostName(name))]);
  if (names.has("*")) return () => true;
  return (header) => header !== undefined && names.has(hostName(header));
}
