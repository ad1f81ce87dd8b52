// Whether the server's bind address is reachable only from this machine: decides whether the demo's
// published passwords may exist (lib/data/demo-accounts.ts).
import { isIP } from "node:net";

export const DEFAULT_HOST = "127.0.0.1";

export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, "");
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (h.startsWith("::ffff:") && isIP(h.slice(7)) === 4) return h.slice(7).startsWith("127.");
  return h === "::1";
}
