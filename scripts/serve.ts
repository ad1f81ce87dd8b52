// The production server of `npm start`, the tests and the benchmarks: Next.js through its documented
// custom-server API, for what `next start` cannot do. It binds to 127.0.0.1 unless HOST says otherwise;
// the app sees the client's real address (a forged X-Forwarded-For is overwritten); and a response
// sent before the request body was read whole (413, 401, 403) closes the connection instead of
// reading the rest of an oversized upload (after a bounded lingering close, so the client reads the
// answer instead of a reset); over https, every response carries HSTS.
import { createServer, type IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import next from "next";
import { clientAddress, parseTrustedHops } from "../lib/http/client-address";
import { hstsHeader } from "../lib/http/security-headers";

const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);
const hops = parseTrustedHops(process.env.TRUSTED_PROXY_HOPS);
// Here rather than in next.config.ts, whose headers are fixed when the app is built: this follows the
// NEXTAUTH_URL the server runs with, and reaches every response (static files and next-auth's too).
const hsts = hstsHeader(process.env.NEXTAUTH_URL);
// After answering a request whose body was not read whole, the server half-closes and discards what the
// client is still sending, within these bounds, then drops the connection: closing at once resets a
// client that is still writing, which then reports the reset instead of the answer (nginx lingers for
// the same reason). Discarded bytes are never held, and the bounds keep an endless upload from being read.
const LINGER_BYTES = 32 * 1024 * 1024;
const LINGER_MS = 2_000;

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
    if (!req.complete) lingerThenClose(req, socket);
  });
  handle(req, res).catch((error: unknown) => {
    console.error("[pairwise] request failed:", error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});

function lingerThenClose(req: IncomingMessage, socket: Socket) {
  let discarded = 0;
  const drop = () => socket.destroy();
  setTimeout(drop, LINGER_MS).unref();
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) drop();
  });
  req.on("end", () => socket.end());
  req.resume();
  socket.end();
}

// An idle keep-alive connection stays open longer than the clients and proxies that reuse it keep theirs
// (60 s for nginx's upstream keepalive and AWS's load balancers): with Node's default of 5 s, a request
// sent on a connection just as the server closed it got a reset instead of an answer (seen in the e2e
// tests: a results request after a rater's vote). A request's headers still have Node's 60 s.
server.keepAliveTimeout = 65_000;

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
