// Load generator, run as a child process so it does not share an event loop with the coordinator:
// `node scripts/bench/load.mjs <spec.json>` prints one JSON line with the figures.
//   kind "get":   autocannon requests to one path (GET, or method + body; optionally with a cookie);
//   kind "votes": autocannon POST /votes, each request a different pre-created assignment of the
//                 rater whose cookie it carries (and spec.extra in every body: criteria, issues);
//                 reports which assignment ids were answered 200;
//   kind "raters": each connection is a rater looping GET /next → POST /votes; only /next is timed;
//                  with thinkMs, each rater reads for 0.5–1.5 × thinkMs before voting.
import http from "node:http";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));

function summary(r) {
  const non2xx = r.non2xx ?? 0;
  return {
    requests: r.requests.total, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, mean: r.latency.mean,
    errors: r.errors + r.timeouts, non2xx, statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
    seconds: r.duration,
  };
}

// The app refuses state-changing requests whose Origin is not its own (CSRF), as a browser's page sends.
const ORIGIN = new URL(spec.url).origin;

function cannon(opts) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    if (spec.maxSeconds) setTimeout(() => instance.stop(), spec.maxSeconds * 1000).unref();
  });
}

async function getLoad() {
  const r = await cannon({
    url: spec.url, connections: spec.connections, duration: spec.seconds, method: spec.method ?? "GET", body: spec.body,
    headers: { origin: ORIGIN, ...(spec.cookie ? { cookie: spec.cookie } : {}), ...(spec.body ? { "content-type": "application/json" } : {}) },
  });
  return summary(r);
}

async function votesLoad() {
  const items = spec.items; // [{ assignmentId, cookie }]
  let next = 0;
  const accepted = [];
  const sent = [];
  const responded = [];
  const failures = {};
  const r = await cannon({
    url: spec.url, connections: spec.connections, amount: items.length,
    requests: [{
      method: "POST",
      path: spec.path,
      setupRequest(req, context) {
        const item = items[next++ % items.length];
        const choice = ["LEFT", "RIGHT", "TIE"][next % 3];
        sent.push(item.assignmentId);
        context.assignmentId = item.assignmentId;
        return { ...req, headers: { "content-type": "application/json", origin: ORIGIN, cookie: item.cookie }, body: JSON.stringify({ assignmentId: item.assignmentId, choice, ...spec.extra }) };
      },
      onResponse(status, body, context) {
        responded.push(context.assignmentId);
        if (status === 200) accepted.push(JSON.parse(body).vote.assignmentId);
        else {
          const key = `${status} ${String(body).slice(0, 80)}`;
          failures[key] = (failures[key] ?? 0) + 1;
        }
      },
    }],
  });
  // Requests still in flight when the time limit stops autocannon were sent but never answered.
  return { ...summary(r), accepted, sent, responded, failures };
}

function request(agent, method, path, cookie, body) {
  return new Promise((resolve, reject) => {
    const url = new URL(path, spec.url);
    const req = http.request(url, {
      method, agent,
      headers: { cookie, origin: ORIGIN, ...(body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {}) },
    }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

const pct = (sorted, p) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

async function ratersLoad() {
  const deadline = Date.now() + spec.seconds * 1000;
  const nextMs = [];
  const voteMs = [];
  const statuses = {};
  const served = [];
  const count = (s) => (statuses[s] = (statuses[s] ?? 0) + 1);
  async function rater(cookie) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    // Paced raters arrive spread over one reading time, as people do, not all in the same millisecond.
    if (spec.thinkMs) await new Promise((r) => setTimeout(r, Math.random() * spec.thinkMs * 1.5));
    while (Date.now() < deadline) {
      const t0 = performance.now();
      const next = await request(agent, "GET", spec.nextPath, cookie).catch(() => ({ status: 0, text: "" }));
      nextMs.push(performance.now() - t0);
      count(`next ${next.status}`);
      if (next.status !== 200) continue;
      const body = JSON.parse(next.text);
      if (!body.assignmentId) break;
      served.push(body.assignmentId);
      if (spec.thinkMs) await new Promise((r) => setTimeout(r, spec.thinkMs * (0.5 + Math.random())));
      const t1 = performance.now();
      const vote = await request(agent, "POST", spec.votePath, cookie, JSON.stringify({ assignmentId: body.assignmentId, choice: "LEFT" }))
        .catch(() => ({ status: 0 }));
      voteMs.push(performance.now() - t1);
      count(`vote ${vote.status}`);
    }
    agent.destroy();
  }
  const start = performance.now();
  await Promise.all(spec.cookies.map(rater));
  const seconds = (performance.now() - start) / 1000;
  nextMs.sort((a, b) => a - b);
  voteMs.sort((a, b) => a - b);
  return {
    requests: nextMs.length, rps: nextMs.length / seconds, p50: pct(nextMs, 50), p99: pct(nextMs, 99), max: nextMs.at(-1),
    voteP50: pct(voteMs, 50), voteP99: pct(voteMs, 99), statuses, served: served.length, seconds,
  };
}

const run = { get: getLoad, votes: votesLoad, raters: ratersLoad }[spec.kind];
run().then((result) => {
  // Exit only once the (large) line is flushed: a pipe takes it in pieces, and exit() would cut it.
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
}, (error) => {
  console.error(error);
  process.exit(1);
});
