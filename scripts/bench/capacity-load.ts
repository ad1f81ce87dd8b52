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

function send(agent: http.Agent, spec: CapacitySpec, method: string, path: string, cookie: string, body?: string): Promise<Answer> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { cookie, origin: new URL(spec.baseUrl).origin };
    if (body) Object.assign(headers, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    const req = http.request(new URL(path, spec.baseUrl), { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", () => resolve({ status: 0, text: "response error" }));
    });
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ status: 0, text: e.code ?? e.message }));
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

function runStep(spec: CapacitySpec): Promise<CapacityStep> {
  // One shared keep-alive pool: the app's upstream connections behind a proxy (see docs/benchmarks.md).
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.sockets, maxFreeSockets: spec.sockets });
  const t0 = performance.now() + 200;
  const measureFrom = t0 + spec.warmupMs;
  const stopAt = measureFrom + spec.measureMs;
  const lat = { next: [] as number[], vote: [] as number[] };
  const sendLate: number[] = [];
  const statuses: Record<string, number> = {};
  const outcomes: Record<string, number> = {};
  let errors = 0;
  const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

  // One request sent at (or after) its scheduled time `due`; timed and counted only if due is in the window.
  async function timed(kind: "next" | "vote", due: number, method: string, path: string, cookie: string, body?: string) {
    await sleepUntil(due);
    const sentAt = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const answer = await Promise.race([
      send(agent, spec, method, path, cookie, body),
      new Promise<Answer>((r) => (timer = setTimeout(() => r({ status: 0, text: "timeout" }), due + spec.timeoutMs - performance.now()))),
    ]);
    clearTimeout(timer);
    if (due >= measureFrom && due < stopAt) {
      lat[kind].push(performance.now() - due);
      sendLate.push(sentAt - due);
      bump(statuses, `${kind} ${answer.status}${answer.status === 0 ? ` ${answer.text}` : ""}`);
      if (answer.status !== 200) errors++;
    }
    return answer;
  }

  async function rater(i: number, startMs: number) {
    const reading = lognormalSampler(mulberry32(raterSeed(spec.seed, i)), spec.medianMs, spec.sigma);
    const cookie = spec.cookies[i]!;
    const path = `/api/studies/${spec.studyId}`;
    let due = t0 + startMs;
    while (due < stopAt) {
      const next = await timed("next", due, "GET", `${path}/next`, cookie);
      // A browser shows an error and the rater tries again a little later.
      if (next.status !== 200) { due = performance.now() + 1_000; continue; }
      const body = parse(next.text);
      const outcome = body.done ? "done" : body.waiting ? "waiting" : "pair";
      if (due >= measureFrom) bump(outcomes, outcome);
      if (outcome === "done") return;
      if (outcome === "waiting") { due = performance.now() + (body.retryAfterSeconds ?? 30) * 1000; continue; }
      due = performance.now() + reading();
      if (due >= stopAt) return;
      await timed("vote", due, "POST", `${path}/votes`, cookie, JSON.stringify({ assignmentId: body.assignmentId, choice: "LEFT" }));
      // The rating page asks for the next pair as soon as the vote is acknowledged.
      due = performance.now();
    }
  }

  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const cpu0 = process.cpuUsage();
  const offsets = startOffsets(spec.cookies.length, spec.medianMs, spec.seed);
  return Promise.all(offsets.map((o, i) => rater(i, o))).then(() => {
    lag.disable();
    const cpu = process.cpuUsage(cpu0);
    const wallMs = performance.now() - t0;
    agent.destroy();
    const ms = (ns: number) => ns / 1e6;
    return {
      raters: spec.cookies.length, next: summarize(lat.next), vote: summarize(lat.vote), errors, statuses, outcomes,
      nextPerS: lat.next.length / (spec.measureMs / 1000), votePerS: lat.vote.length / (spec.measureMs / 1000),
      lag: { p50: ms(lag.percentile(50)), p99: ms(lag.percentile(99)), max: ms(lag.max) },
      sendLateP99: summarize(sendLate).p99, cpuPct: (100 * (cpu.user + cpu.system)) / 1000 / wallMs,
    };
  });
}

const spec = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as CapacitySpec;
runStep(spec).then((result) => {
  // Exit only once the line is flushed: a pipe takes it in pieces, and exit() would cut it.
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
}, (error: unknown) => {
  console.error(error);
  process.exit(1);
});
