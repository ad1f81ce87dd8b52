// The one client address a request is judged by (rate limits), decided where the socket is visible
// (scripts/serve.ts, which writes it as the request's only X-Forwarded-For entry) and read back by the
// app (clientAddressFromHeaders): a client cannot choose it by sending its own X-Forwarded-For.

/** TRUSTED_PROXY_HOPS: how many reverse proxies in front of the app append to X-Forwarded-For. */
export function parseTrustedHops(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 0;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (the proxies in front of the app), not "${raw}"`);
  }
  return hops;
}

// Node reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d.
function plain(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

/**
 * With no trusted proxy, the socket's address. With `hops` proxies, each appending the address it saw,
 * the entry `hops` places from the right of [...X-Forwarded-For, socket]: what the outermost trusted
 * proxy saw. Entries further left were written by the client and are ignored.
 */
export function clientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, hops: number): string {
  const socket = plain(socketAddress ?? "") || "unknown";
  if (hops === 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [...header.split(",").map(plain).filter(Boolean), socket];
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}

/** In the app: the address scripts/serve.ts wrote; "unknown" (one shared limit) if there is none. */
export function clientAddressFromHeaders(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
