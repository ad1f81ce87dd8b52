// The capacity run's load generator, in its own process so its CPU shows apart from the server's:
// `node --import tsx scripts/bench/capacity-load.ts <spec.json>` prints one JSON line (CapacityStep).
// Each rater loops GET /next → reads (lognormal) → POST /votes; latency counts from the scheduled send.
import http from "node:http";
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { mulberry32 } from "@/lib/stats/rng";
import { lognormalSampler, raterSeed, startOffsets, summarize, type LatencySummary } from "./capacity-math";

export type CapacitySpec = {
  baseUrl: string; studyId: string; cookies: string[]; seed: number; sockets: number; timeoutMs: number;
  medianMs: number; sigma: number; warmupMs: number; measureMs: number;
};

export type CapacityStep = {
  raters: number; next: LatencySummary; vote: LatencySummary; errors: number; statuses: Record<string, number>;
  outcomes: Record<string, number>; nextPerS: number; votePerS: number;
  lag: { p50: number; p99: number; max: number }; sendLateP99: number; cpuPct: number;
};

type Answer = { status: number; text: string };

const sleepUntil = (t: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, t - performance.now())));

/**
 * One request. A kept-alive socket the server closed just as the request left it (the server's idle
 * timeout racing the generator's reuse) is retried once on a new socket, as browsers do and as Node's
 * documentation advises (`request.reusedSocket`); a vote sent twice is recorded once (a repeat answers
 * like the first), and a lease asked twice is the same lease. Its latency still counts from the scheduled time.
 */
async function send(agent: http.Agent, spec: CapacitySpec, method: string, path: string, cookie: string, body?: string): Promise<Answer> {
  const first = await sendOnce(agent, spec, method, path, cookie, body);
  return first.reusedSocketReset ? sendOnce(agent, spec, method, path, cookie, body) : first;
}

function sendOnce(agent: http.Agent, spec: CapacitySpec, method: string, path: string, cookie: string, body?: string): Promise<Answer & { reusedSocketReset?: boolean }> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { cookie, origin: new URL(spec.baseUrl).origin };
    if (body) Object.assign(headers, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    const req = http.request(new URL(path, spec.baseUrl), { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", () => resolve({ status: 0, text: "response error" }));
    });
    req.on("error", (e: NodeJS.ErrnoException) =>
      resolve({ status: 0, text: e.code ?? e.message, reusedSocketReset: req.reusedSocket && e.code === "ECONNRESET" }));
    if (body) req.write(body);
    req.end();
  });
}

type NextBody = { done?: boolean; waiting?: boolean; retryAfterSeconds?: number; assignmentId?: string };

function parse(text: string): NextBody {
  try {
    return JSON.parse(text) as NextBody;
  } catch {
    return { waiting: true, retryAfterSeconds: 1 };
  }
}

const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

/** What one step records: only requests whose scheduled time falls in [from, to) count. */
class Recorder {
  readonly lat = { next: [] as number[], vote: [] as number[] };
  readonly sendLate: number[] = [];
  readonly statuses: Record<string, number> = {};
  readonly outcomes: Record<string, number> = {};
  errors = 0;

  constructor(readonly from: number, readonly to: number) {}

  request(kind: "next" | "vote", due: number, sentAt: number, answer: Answer) {
    if (due < this.from || due >= this.to) return;
    this.lat[kind].push(performance.now() - due);
    this.sendLate.push(sentAt - due);
    bump(this.statuses, `${kind} ${answer.status}${answer.status === 0 ? ` ${answer.text}` : ""}`);
    if (answer.status !== 200) this.errors++;
  }

  outcome(due: number, outcome: string) {
    if (due >= this.from && due < this.to) bump(this.outcomes, outcome);
  }
}

type Run = { spec: CapacitySpec; agent: http.Agent; rec: Recorder; t0: number; stopAt: number };

// One request sent at (or after) its scheduled time `due`, answered or timed out `timeoutMs` after it.
async function timed(run: Run, kind: "next" | "vote", due: number, cookie: string, body?: string): Promise<Answer> {
  await sleepUntil(due);
  const sentAt = performance.now();
  const path = `/api/studies/${run.spec.studyId}/${kind === "next" ? "next" : "votes"}`;
  let timer: NodeJS.Timeout | undefined;
  const answer = await Promise.race([
    send(run.agent, run.spec, kind === "next" ? "GET" : "POST", path, cookie, body),
    new Promise<Answer>((r) => (timer = setTimeout(() => r({ status: 0, text: "timeout" }), due + run.spec.timeoutMs - performance.now()))),
  ]);
  clearTimeout(timer);
  run.rec.request(kind, due, sentAt, answer);
  return answer;
}

async function rater(run: Run, i: number, startMs: number) {
  const reading = lognormalSampler(mulberry32(raterSeed(run.spec.seed, i)), run.spec.medianMs, run.spec.sigma);
  const cookie = run.spec.cookies[i]!;
  let due = run.t0 + startMs;
  while (due < run.stopAt) {
    const next = await timed(run, "next", due, cookie);
    // A browser shows an error and the rater tries again a little later.
    if (next.status !== 200) { due = performance.now() + 1_000; continue; }
    const body = parse(next.text);
    const outcome = body.done ? "done" : body.waiting ? "waiting" : "pair";
    run.rec.outcome(due, outcome);
    if (outcome === "done") return;
    if (outcome === "waiting") { due = performance.now() + (body.retryAfterSeconds ?? 30) * 1000; continue; }
    due = performance.now() + reading();
    if (due >= run.stopAt) return;
    await timed(run, "vote", due, cookie, JSON.stringify({ assignmentId: body.assignmentId, choice: "LEFT" }));
    // The rating page asks for the next pair as soon as the vote is acknowledged.
    due = performance.now();
  }
}

async function runStep(spec: CapacitySpec): Promise<CapacityStep> {
  // One shared keep-alive pool: the app's upstream connections behind a proxy (see docs/benchmarks.md).
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.sockets, maxFreeSockets: spec.sockets });
  const t0 = performance.now() + 200;
  const rec = new Recorder(t0 + spec.warmupMs, t0 + spec.warmupMs + spec.measureMs);
  const run: Run = { spec, agent, rec, t0, stopAt: rec.to };
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const cpu0 = process.cpuUsage();
  const offsets = startOffsets(spec.cookies.length, spec.medianMs, spec.seed);
  await Promise.all(offsets.map((o, i) => rater(run, i, o)));
  lag.disable();
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - t0;
  agent.destroy();
  const ms = (ns: number) => ns / 1e6;
  const perS = (n: number) => n / (spec.measureMs / 1000);
  return {
    raters: spec.cookies.length, next: summarize(rec.lat.next), vote: summarize(rec.lat.vote), errors: rec.errors,
    statuses: rec.statuses, outcomes: rec.outcomes, nextPerS: perS(rec.lat.next.length), votePerS: perS(rec.lat.vote.length),
    lag: { p50: ms(lag.percentile(50)), p99: ms(lag.percentile(99)), max: ms(lag.max) },
    sendLateP99: summarize(rec.sendLate).p99, cpuPct: (100 * (cpu.user + cpu.system)) / 1000 / wallMs,
  };
}

const spec = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as CapacitySpec;
runStep(spec).then((result) => {
  // Exit only once the line is flushed: a pipe takes it in pieces, and exit() would cut it.
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
}, (error: unknown) => {
  console.error(error);
  process.exit(1);
});
