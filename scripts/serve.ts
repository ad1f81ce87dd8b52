// The production server of `npm start`, the tests and the benchmarks: Next.js through its documented
// custom-server API, for what `next start` cannot do. It binds to 127.0.0.1 unless HOST says otherwise;
// the app sees the client's real address (a forged X-Forwarded-For is overwritten); and a response
// sent before the request body was read whole (413, 401, 403) closes the connection instead of
// reading the rest of an oversized upload; over https, every response carries HSTS.
import { createServer } from "node:http";
import next from "next";
import { clientAddress, parseTrustedHops } from "../lib/http/client-address";
import { hstsHeader } from "../lib/http/security-headers";

const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);
const hops = parseTrustedHops(process.env.TRUSTED_PROXY_HOPS);
// Here rather than in next.config.ts, whose headers are fixed when the app is built: this follows the
// NEXTAUTH_URL the server runs with, and reaches every response (static files and next-auth's too).
const hsts = hstsHeader(process.env.NEXTAUTH_URL);

const app = next({ dev: false, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers["x-forwarded-for"] = clientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
  // Only a trusted proxy may say which host and scheme the browser used; Next fills them in otherwise.
  if (hops === 0) {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-port"];
  }
  if (hsts) res.setHeader("strict-transport-security", hsts);
  // Node may have detached the socket from the request by then; keep our own handle.
  const socket = req.socket;
  res.on("finish", () => {
    if (!req.complete) socket.destroy();
  });
  handle(req, res).catch((error: unknown) => {
    console.error("[pairwise] request failed:", error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});

server.listen(port, host, () => {
  console.log(`[pairwise] listening on ${host}:${port}${hops ? ` behind ${hops} trusted proxy hop(s)` : ""}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
