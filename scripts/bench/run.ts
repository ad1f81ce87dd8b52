// `npm run bench`: the whole benchmark suite against the production build (.next) on a fresh database
// of DATABASE_URL's server (or a throwaway embedded PostgreSQL), dropped afterwards. Prints one table.
// Every load is bounded in time (≤ 10 s each, the capacity run's steps ≤ 60 s) and targets localhost only.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "@/lib/migrations/apply";
import { hashPassword } from "@/lib/auth/password";
import { startAppServer, type AppServer } from "../lib/app-server";
import { HttpClient } from "../lib/http-client";
import { createDatabase, dropDatabase, freePort, scratchName, type PostgresServer } from "../lib/postgres";
import { scratchServer } from "../lib/server-for-scripts";
import { SERVER_HEAP_MB } from "../lib/server-node-options";
import { END_OPEN_PAIRS, seedEndStudy } from "./capacity-end-study";
import { capacityRun, checkCapacityStudies, P99_LIMIT_MS, type CapacityStepRow } from "./capacity";
import { explainAll, type Explained } from "./explain";
import { machineryOff, switchDatabaseMachinery } from "./machinery";
import { machine, rawInsertBaseline, runLoad, treeMemory, xactCount } from "./measure";
import { markdownParseCost } from "./markdown-parse";
import { ratingPageWeights } from "./page-weight-run";
import { BIG, JUDGED_VOTE, JUDGED_VOTE_EXTRA, PASSWORD, RESEARCHER_EMAIL, raterEmail, seedBig, VOTE, voteQueue } from "./seed-big";

type Load = { requests: number; rps: number; p50: number; p99: number; errors: number; non2xx: number; statusCodes: Record<string, number> };
type VoteLoad = Load & { accepted: string[]; sent: string[]; responded: string[]; failures: Record<string, number> };
type RaterLoad = { requests: number; rps: number; p50: number; p99: number; max: number; voteP50: number; voteP99: number; statuses: Record<string, number>; served: number };
type Row = { measurement: string; throughput: string; "p50 ms": string; "p99 ms": string; errors: string; ratio: string; notes: string };

const rows: Row[] = [];
const notes: string[] = [];
const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "–");
const log = (s: string) => console.log(`[bench] ${s}`);
function row(r: Partial<Row> & { measurement: string }) {
  rows.push({ throughput: "", "p50 ms": "", "p99 ms": "", errors: "", ratio: "", notes: "", ...r });
}

async function signIn(baseUrl: string, emails: string[]): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < emails.length; i += 8) {
    const batch = await Promise.all(emails.slice(i, i + 8).map(async (email) => {
      const c = new HttpClient(baseUrl);
      await c.signIn(email, PASSWORD);
      return c.cookieHeader;
    }));
    cookies.push(...batch);
  }
  return cookies;
}

async function baselines(app: AppServer, url: string) {
  // Warm-up: the first seconds of a fresh `next start` are slower (lazy module loading, JIT).
  await runLoad<Load>({ kind: "get", url: `${app.baseUrl}/api/ping`, connections: 16, seconds: 3 });
  await runLoad<Load>({ kind: "get", url: `${app.baseUrl}/api/health`, connections: 16, seconds: 2 });
  const ping16 = await runLoad<Load>({ kind: "get", url: `${app.baseUrl}/api/ping`, connections: 16, seconds: 6 });
  const ping64 = await runLoad<Load>({ kind: "get", url: `${app.baseUrl}/api/ping`, connections: 64, seconds: 6 });
  const health = await runLoad<Load>({ kind: "get", url: `${app.baseUrl}/api/health`, connections: 16, seconds: 6 });
  for (const [name, r] of [["GET /api/ping @16 (no DB; baseline)", ping16], ["GET /api/ping @64 (no DB; baseline)", ping64],
    ["GET /api/health @16 (1 DB round trip)", health]] as const) {
    row({ measurement: name, throughput: `${f(r.rps, 0)} req/s`, "p50 ms": f(r.p50), "p99 ms": f(r.p99), errors: `${r.errors}/${r.non2xx}`,
      ratio: name.includes("health") ? `${f(r.rps / ping16.rps, 2)}× ping` : "1", notes: `${r.requests} requests` });
  }
  const raw = await rawInsertBaseline(url, 5);
  row({ measurement: "raw PG: single-row INSERT, 1 connection", throughput: `${f(raw.singleRowsPerS, 0)} rows/s`, ratio: "1",
    notes: `${raw.singleN} INSERTs, one commit each` });
  row({ measurement: "raw PG: multi-row INSERT (1,000/stmt)", throughput: `${f(raw.multiRowsPerS, 0)} rows/s`,
    ratio: `${f(raw.multiRowsPerS / raw.singleRowsPerS, 1)}× single`, notes: `${raw.multiN} rows` });
  return { ping16, ping64, health, raw };
}

async function voteLoads(app: AppServer, url: string, cookies: string[], base: Awaited<ReturnType<typeof baselines>>) {
  // The same route answering 422 before any write: what the session check + body validation cost alone.
  const authPing = await runLoad<Load>({ kind: "get", url: `${app.baseUrl}/api/ping`, connections: 16, seconds: 5 });
  const auth = await runLoad<Load>({ kind: "get", url: `${app.baseUrl}/api/studies/${VOTE.studyId}/votes`, connections: 16, seconds: 6,
    method: "POST", body: JSON.stringify({ assignmentId: "!", choice: "LEFT" }), cookie: cookies[0] });
  row({ measurement: "POST /votes @16, invalid id (auth + validation only)", throughput: `${f(auth.rps, 0)} req/s`, "p50 ms": f(auth.p50),
    "p99 ms": f(auth.p99), errors: `${auth.errors}/${auth.non2xx}`, ratio: `${f(auth.rps / authPing.rps, 3)}× ping`,
    notes: `ping just before: ${f(authPing.rps, 0)} req/s; ${auth.requests} requests, all expected 422 (${JSON.stringify(auth.statusCodes)}); 1 DB statement each (the session look-up)` });
  const queue = (await voteQueue(url)).map((q) => ({ assignmentId: q.assignmentId, cookie: cookies[q.rater]! }));
  const accepted: string[] = [];
  const sent = new Set<string>();
  const responded = new Set<string>();
  const slices: [number, number, number][] = [[16, 0, 8_000], [64, 8_000, 18_000]];
  for (const [connections, from, to] of slices) {
    // This machine's speed drifts within a run, so each load is compared with a ping load run just before it.
    const ping = await runLoad<Load>({ kind: "get", url: `${app.baseUrl}/api/ping`, connections, seconds: 5 });
    const r = await runLoad<VoteLoad>({ kind: "votes", url: app.baseUrl, path: `/api/studies/${VOTE.studyId}/votes`,
      connections, items: queue.slice(from, to), maxSeconds: 10 });
    accepted.push(...r.accepted);
    r.sent.forEach((id) => sent.add(id));
    r.responded.forEach((id) => responded.add(id));
    row({ measurement: `POST /votes @${connections} (signed-in raters)`, throughput: `${f(r.rps, 0)} req/s`, "p50 ms": f(r.p50), "p99 ms": f(r.p99),
      errors: `${r.errors}/${r.non2xx}`, ratio: `${f(r.rps / ping.rps, 3)}× ping; ${f(r.rps / base.raw.singleRowsPerS, 2)}× raw insert`,
      notes: `${r.requests} votes, ${r.accepted.length} answered 200; ping just before: ${f(ping.rps, 0)} req/s` +
        (Object.keys(r.failures).length ? `; ${JSON.stringify(r.failures).slice(0, 120)}` : "") });
  }
  await judgedVoteLoad(app, url, cookies, base);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: stored } = await client.query<{ assignmentId: string; n: string }>(
      `SELECT "assignmentId", count(*) AS n FROM "Vote" WHERE "studyId" = $1 GROUP BY 1`, [VOTE.studyId]);
    const set = new Set(stored.map((s) => s.assignmentId));
    const acceptedSet = new Set(accepted);
    const missing = accepted.filter((id) => !set.has(id)).length;
    const doubled = stored.filter((s) => s.n !== "1").length + (accepted.length - acceptedSet.size);
    // Stored without a 200 seen: fine only for requests cut off in flight by the time limit.
    const unseen = stored.filter((s) => !acceptedSet.has(s.assignmentId));
    const inFlight = unseen.filter((s) => sent.has(s.assignmentId) && !responded.has(s.assignmentId)).length;
    const unexplained = unseen.length - inFlight;
    const { rows: [tally] } = await client.query<{ ok: boolean }>(
      `SELECT bool_and(p."voteCount" = (SELECT count(*) FROM "Vote" v WHERE v."pairId" = p.id)) AS ok FROM "Pair" p WHERE p."studyId" = $1`, [VOTE.studyId]);
    const ok = missing === 0 && doubled === 0 && unexplained === 0 && tally?.ok;
    row({ measurement: "check: 200-answered votes stored exactly once", throughput: ok ? "OK" : "FAIL",
      notes: `${accepted.length} answered 200, ${stored.length} stored, ${missing} missing, ${doubled} doubled, ` +
        `${inFlight} stored but cut off in flight at the time limit, ${unexplained} unexplained; Pair.voteCount consistent: ${tally?.ok}` });
  } finally {
    await client.end();
  }
}

/** Votes that carry two more criteria and two issue marks (issue 20), @16, against the plain votes' floor. */
async function judgedVoteLoad(app: AppServer, url: string, cookies: string[], base: Awaited<ReturnType<typeof baselines>>) {
  const queue = (await voteQueue(url, JUDGED_VOTE)).slice(0, 8_000).map((q) => ({ assignmentId: q.assignmentId, cookie: cookies[q.rater]! }));
  const ping = await runLoad<Load>({ kind: "get", url: `${app.baseUrl}/api/ping`, connections: 16, seconds: 5 });
  const r = await runLoad<VoteLoad>({ kind: "votes", url: app.baseUrl, path: `/api/studies/${JUDGED_VOTE.studyId}/votes`,
    connections: 16, items: queue, maxSeconds: 10, extra: JUDGED_VOTE_EXTRA });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: [stored] } = await client.query<{ votes: number; criteria: number; marks: number }>(
      `SELECT (SELECT count(*) FROM "Vote" WHERE "studyId" = $1)::int AS votes, (SELECT count(*) FROM "VoteCriterion" WHERE "studyId" = $1)::int AS criteria,
              (SELECT count(*) FROM "VoteIssue" WHERE "studyId" = $1)::int AS marks`, [JUDGED_VOTE.studyId]);
    const whole = stored!.criteria === 2 * stored!.votes && stored!.marks === 2 * stored!.votes;
    row({ measurement: "POST /votes @16, 3 criteria + 2 issue marks", throughput: `${f(r.rps, 0)} req/s`, "p50 ms": f(r.p50), "p99 ms": f(r.p99),
      errors: `${r.errors}/${r.non2xx}`, ratio: `${f(r.rps / ping.rps, 3)}× ping; ${f(r.rps / base.health.rps, 2)}× health (baseline)`,
      notes: `${r.requests} votes, ${r.accepted.length} answered 200; stored ${stored!.votes} votes with ${stored!.criteria} criterion choices and ` +
        `${stored!.marks} marks (${whole ? "2 of each per vote" : "NOT 2 of each per vote"}); ping just before: ${f(ping.rps, 0)} req/s` });
  } finally {
    await client.end();
  }
}

/**
 * Transactions per request from pg_stat_database (pg_stat_statements is not preloaded on this server):
 * 100 sequential requests each of POST /votes, GET /api/ping (drift: should add nothing) and
 * GET /api/health (calibration: one statement). POST /votes runs no explicit transaction, so ≈ statements.
 */
async function statementCounts(app: AppServer, url: string, cookies: string[]) {
  const http = new HttpClient(app.baseUrl);
  const n = 100;
  // Assignments the loads above never reach (they stop at 18,000).
  const queue = (await voteQueue(url)).slice(18_000, 18_000 + n);
  const c0 = await xactCount(url);
  for (const q of queue) {
    await fetch(`${app.baseUrl}/api/studies/${VOTE.studyId}/votes`, {
      method: "POST", headers: { cookie: cookies[q.rater]!, "content-type": "application/json", origin: app.baseUrl },
      body: JSON.stringify({ assignmentId: q.assignmentId, choice: "TIE" }),
    }).then((r) => r.text());
  }
  const c1 = await xactCount(url);
  for (let i = 0; i < n; i++) await http.request("GET", "/api/ping");
  const c2 = await xactCount(url);
  for (let i = 0; i < n; i++) await http.request("GET", "/api/health");
  const c3 = await xactCount(url);
  const drift = c2 - c1;
  row({ measurement: "DB transactions per POST /votes", throughput: f((c1 - c0 - drift) / n, 2),
    notes: `pg_stat_database delta over ${n} sequential votes minus drift (${drift}); no explicit transaction on this path, so ≈ statements. ` +
      "From the code: 2, the session look-up (before the body is read) and the vote statement" });
  row({ measurement: "DB transactions per GET /api/health (calibration)", throughput: f((c3 - c2 - drift) / n, 2), notes: "expected 1" });
}

async function nextLoad(app: AppServer, url: string, cookies: string[]) {
  const r = await runLoad<RaterLoad>({ kind: "raters", url: app.baseUrl, cookies: cookies.slice(0, 16), seconds: 10,
    nextPath: `/api/studies/${BIG.studyId}/next`, votePath: `/api/studies/${BIG.studyId}/votes` });
  row({ measurement: "GET /next @16 raters, 1M-vote study", throughput: `${f(r.rps, 0)} req/s`, "p50 ms": f(r.p50), "p99 ms": f(r.p99),
    errors: JSON.stringify(r.statuses), ratio: "", notes: `target p99 ≤ 30 ms; max ${f(r.max)} ms; each rater then votes (vote p50 ${f(r.voteP50)}, p99 ${f(r.voteP99)} ms)` });
  // Raters who read before they vote (people take 10–60 s; here 1 s, so 64 of them still keep the
  // server busy): the latency a rater sees in a live study.
  const paced = await runLoad<RaterLoad>({ kind: "raters", url: app.baseUrl, cookies: cookies.slice(0, 64), seconds: 12, thinkMs: 1000,
    nextPath: `/api/studies/${BIG.studyId}/next`, votePath: `/api/studies/${BIG.studyId}/votes` });
  row({ measurement: "GET /next, 64 raters each reading ~1 s per pair", throughput: `${f(paced.rps, 0)} req/s`, "p50 ms": f(paced.p50),
    "p99 ms": f(paced.p99), errors: JSON.stringify(paced.statuses), notes: `max ${f(paced.max)} ms; vote p50 ${f(paced.voteP50)}, p99 ${f(paced.voteP99)} ms` });
  // The same requests one at a time (a rater reading, then voting): the server's own time per
  // request, without the queueing that 16 clients looping flat out add on 2 shared cores.
  const solo = await soloRater(app.baseUrl, cookies[16]!, 200);
  row({ measurement: "GET /next, one rater at a time, 1M-vote study", throughput: `${f(1000 / solo.mean, 0)} req/s`,
    "p50 ms": f(solo.p50), "p99 ms": f(solo.p99), notes: `${solo.n} sequential requests, each followed by its vote; max ${f(solo.max)} ms` });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: [c] } = await client.query<{ over: string; drift: string }>(`
      SELECT count(*) FILTER (WHERE p."voteCount" + (SELECT count(*) FROM "Assignment" l WHERE l."pairId" = p.id
               AND l."completedAt" IS NULL AND l."flaggedAt" IS NULL AND l."expiresAt" > (now() AT TIME ZONE 'UTC')) > s."votesPerPair") AS over,
             count(*) FILTER (WHERE p."voteCount" <> (SELECT count(*) FROM "Vote" v WHERE v."pairId" = p.id)) AS drift
      FROM "Pair" p JOIN "Study" s ON s.id = p."studyId" WHERE p."studyId" = $1`, [BIG.studyId]);
    row({ measurement: "check: no pair over-assigned after /next load", throughput: c?.over === "0" && c?.drift === "0" ? "OK" : "FAIL",
      notes: `${c?.over} pairs with votes + live leases > votesPerPair; ${c?.drift} pairs whose voteCount ≠ votes` });
  } finally {
    await client.end();
  }
}

async function soloRater(baseUrl: string, cookie: string, n: number) {
  const times: number[] = [];
  const headers = { cookie, "content-type": "application/json", origin: baseUrl };
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(`${baseUrl}/api/studies/${BIG.studyId}/next`, { headers });
    const body = (await res.json()) as { assignmentId?: string };
    times.push(performance.now() - t);
    if (!body.assignmentId) break;
    await fetch(`${baseUrl}/api/studies/${BIG.studyId}/votes`, {
      method: "POST", headers, body: JSON.stringify({ assignmentId: body.assignmentId, choice: "LEFT" }),
    }).then((r) => r.text());
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { n: times.length, p50: at(0.5), p99: at(0.99), max: times.at(-1) ?? NaN, mean: times.reduce((a, b) => a + b, 0) / times.length };
}

/** The `dur` of a response's Server-Timing header (the results API sets one), or NaN. */
function serverMs(headers: Headers): number {
  return Number(/dur=([\d.]+)/.exec(headers.get("server-timing") ?? "")?.[1] ?? NaN);
}

/** The parts of a computed results request (Server-Timing after the total), e.g. "raters 812, pairs 640". */
function serverParts(headers: Headers): string {
  return [...(headers.get("server-timing") ?? "").matchAll(/(\w+);dur=([\d.]+)/g)].slice(1)
    .sort((a, b) => Number(b[2]) - Number(a[2])).map((m) => `${m[1]} ${Number(m[2]).toFixed(0)}`).join(", ");
}

async function results(app: AppServer) {
  const researcher = new HttpClient(app.baseUrl);
  await researcher.signIn(RESEARCHER_EMAIL, PASSWORD);
  const statuses = new Set<number>();
  const server: number[] = [];
  const parts: string[] = [];
  // Client time; the server's own time (Server-Timing) is kept in `server`, in request order.
  const timed = async (path: string) => {
    const t = performance.now();
    const res = await researcher.request("GET", path);
    statuses.add(res.status);
    server.push(serverMs(res.headers));
    parts.push(serverParts(res.headers));
    return performance.now() - t;
  };
  const path = `/api/studies/${BIG.studyId}/results`;
  // The first request computes everything; later ones within the refresh window are served from memory.
  const cold = await timed(path);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push(await timed(`${path}?page=${i + 2}`));
  warm.sort((a, b) => a - b);
  const excluded = await timed(`${path}?exclude=r_bench1,r_bench2`);
  const errors = [...statuses].filter((s) => s !== 200);
  const warmServer = server.slice(1, 6).sort((a, b) => a - b);
  row({ measurement: "GET /results, 1M-vote study: first request", "p50 ms": f(cold, 0), errors: errors.length ? `status ${errors}` : "0",
    notes: `server time ${f(server[0]!, 0)} ms (parts, ms, in parallel: ${parts[0]}); every figure computed: tallies of ${BIG.pairs.toLocaleString("en")} pairs, rater stats and agreement over their votes, bootstraps; target ≤ 500 ms` });
  row({ measurement: "GET /results: repeat views (other prompt pages)", "p50 ms": f(warm[2]!, 0), "p99 ms": f(warm[4]!, 0),
    notes: `server time p50 ${f(warmServer[2]!, 0)} ms; 5 sequential, figures from the per-study cache (studies of 20,000+ votes; smaller ones recompute), prompt page from the tallies; min ${f(warm[0]!, 0)} ms` });
  row({ measurement: "GET /results?exclude=2 raters (a new scope)", "p50 ms": f(excluded, 0),
    notes: `server time ${f(server[6]!, 0)} ms (parts: ${parts[6]}); computed afresh: tallies minus the excluded raters' votes` });
}

/** A new server process (a deploy, another instance): its first results request, served from ResultsSnapshot. */
async function resultsAfterRestart(env: Record<string, string>) {
  const app = await startAppServer(await freePort(), env);
  try {
    const researcher = new HttpClient(app.baseUrl);
    await researcher.signIn(RESEARCHER_EMAIL, PASSWORD);
    const t = performance.now();
    const res = await researcher.request("GET", `/api/studies/${BIG.studyId}/results`);
    const ms = performance.now() - t;
    const generatedAt = (res.body as { generatedAt?: string }).generatedAt;
    row({ measurement: "GET /results: first request on a new server process", "p50 ms": f(ms, 0), errors: res.status === 200 ? "0" : `status ${res.status}`,
      notes: `server time ${f(serverMs(res.headers), 0)} ms; figures stored by the previous process (generatedAt ${generatedAt?.slice(11, 19)}), recomputed in the background when older than 15 s` });
  } finally {
    await app.stop();
  }
}

function memory(app: AppServer) {
  const procs = treeMemory(app.process.pid!);
  for (const p of procs) {
    row({ measurement: `server RSS: ${p.name.includes("next-server") || procs.length === 1 ? "next-server" : "launcher"} (pid ${p.pid})`,
      throughput: `${p.rssMb} MB`, notes: `peak ${p.hwmMb} MB; ${p.name}` });
  }
}

function capacityNotes(r: CapacityStepRow): string {
  return `generator: event-loop lag p99 ${f(r.lag.p99)} ms (max ${f(r.lag.max)}), sends late p99 ${f(r.sendLateP99)} ms, CPU ${f(r.cpuPct, 0)} %; ` +
    `server CPU ${f(r.serverCpuPct, 0)} %, database CPU ${f(r.databaseCpuPct, 0)} % (100 % = one core); ${r.next.n} next, ${r.vote.n} votes measured; max ${f(r.next.max, 0)} / ${f(r.vote.max, 0)} ms` +
    (r.errors ? `; ${JSON.stringify(r.statuses).slice(0, 160)}` : "");
}

/** Raters reading ~20 s at each N on a freshly started server; the headline goes to the top of the table. */
async function capacity(env: Record<string, string>, url: string) {
  const app = await startAppServer(await freePort(), env);
  try {
    const r = await capacityRun({ url, baseUrl: app.baseUrl, serverPid: app.process.pid!, secret: env.NEXTAUTH_SECRET!, log });
    const s = r.config;
    for (const x of r.steps) {
      row({ measurement: `capacity: ${x.raters.toLocaleString("en")} raters reading ~20 s`, throughput: `${f(x.nextPerS, 0)} next/s + ${f(x.votePerS, 0)} votes/s`,
        "p50 ms": `${f(x.next.p50)} / ${f(x.vote.p50)}`, "p99 ms": `${f(x.next.p99)} / ${f(x.vote.p99)}`, errors: String(x.errors),
        ratio: x.errors === 0 && x.next.p99 <= P99_LIMIT_MS && x.vote.p99 <= P99_LIMIT_MS ? "pass" : "FAIL", notes: `next / vote; ${capacityNotes(x)}` });
    }
    const e = r.end;
    const left = BIG.sampling ? "pairs left (a block open, 5 not opened yet)" : "pairs open";
    row({ measurement: `capacity, study nearly complete: ${e.raters.toLocaleString("en")} raters, ${e.openPairs} of ${BIG.pairs.toLocaleString("en")} ${left}`,
      throughput: `${f(e.nextPerS, 0)} next/s + ${f(e.votePerS, 0)} votes/s`, "p50 ms": `${f(e.next.p50)} / ${f(e.vote.p50)}`,
      "p99 ms": `${f(e.next.p99)} / ${f(e.vote.p99)}`, errors: String(e.errors), notes: `next answers ${JSON.stringify(e.outcomes)}; ${capacityNotes(e)}` });
    const checks = await checkCapacityStudies(url);
    row({ measurement: "check: no pair over-assigned or mis-tallied after the capacity run",
      throughput: checks.every((c) => c.over === 0 && c.drift === 0) ? "OK" : "FAIL",
      notes: checks.map((c) => `${c.studyId}: ${c.over} pairs with votes + live leases > votesPerPair, ${c.drift} whose voteCount ≠ votes`).join("; ") });
    rows.unshift({ measurement: `CAPACITY: largest N with p99 ≤ ${P99_LIMIT_MS} ms and 0 errors (next and vote)`,
      throughput: r.headline === null ? `none of ${s.raters.join(", ")}` : `${r.headline.toLocaleString("en")} raters`,
      "p50 ms": "", "p99 ms": "", errors: "", ratio: "target ≥ 5,000",
      notes: `lognormal reading, median 20 s, σ 0.5; latency from scheduled send; ${s.warmupS} s warm-up + ${s.measureS} s measured per N; ` +
        `${s.sockets} keep-alive sockets; curve in ${s.png}` });
  } finally {
    await app.stop();
  }
}

function uploadBench(): Promise<void> {
  return new Promise((resolve) => {
    // With the server's heap cap: the figure is meant to say what the server would need.
    const child = spawn(process.execPath, [`--max-old-space-size=${SERVER_HEAP_MB}`, "--conditions=react-server", "--import", "tsx", "scripts/bench/upload.ts"],
      { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    child.once("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("BENCH_JSON "));
      if (code !== 0 || !line) {
        row({ measurement: "upload 52,000 rows", throughput: "FAILED", notes: `exit ${code}` });
        return resolve();
      }
      const u = JSON.parse(line.slice(11)) as { rows: number; mb: number; seconds: number; peakMb: number };
      row({ measurement: `upload ${u.rows.toLocaleString("en")} rows (${f(u.mb)} MB)`, throughput: `${f(u.rows / u.seconds, 0)} rows/s`,
        ratio: "", notes: `${f(u.seconds, 2)} s, peak RSS ${Math.round(u.peakMb)} MB; target ≤ 15 s, ≤ 600 MB` });
      resolve();
    });
  });
}

const kb = (bytes: number) => `${f(bytes / 1024)} KB`;

/** The rating page on a phone profile (issue 19, target 6): what it downloads and when a tap works. */
async function pageWeight(server: PostgresServer) {
  const runs = await ratingPageWeights(server, 3);
  const median = (pick: (w: (typeof runs)[number]) => number) => runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  const first = runs[0]!;
  const top = first.scriptList.slice(0, 5).map((s) => `${s.url.replace(/^\/_next\/static\/chunks\//, "")} ${kb(s.bytes)}`).join(", ");
  const scriptBytes = median((w) => w.scriptBytes);
  // The target is a bound: a figure rounding to 150.0 KB says nothing of which side of it the page is on.
  row({ measurement: "rating page (demo study): compressed JavaScript", throughput: `${kb(scriptBytes)} (${scriptBytes.toLocaleString("en")} bytes of ${(150 * 1024).toLocaleString("en")})`, ratio: "target ≤ 150 KB",
    notes: `median of ${runs.length} loads (each ${runs.map((w) => `${kb(w.scriptBytes)} in ${w.scripts}`).join(", ")}); ` +
      `fonts ${kb(first.fontBytes)}, all ${kb(first.totalBytes)}; largest: ${top}` });
  row({ measurement: "rating page, phone profile: usable / votable", "p50 ms": `${f(median((w) => w.usableMs), 0)} / ${f(median((w) => w.votableMs), 0)}`,
    ratio: "target votable ≤ 2,000 ms", notes: `median of ${runs.length} cold loads (4× CPU slowdown, 1.6 Mbit/s, 150 ms); ` +
      `usable: first control answers; votable: vote buttons answer; each ${runs.map((w) => `${f(w.usableMs, 0)}/${f(w.votableMs, 0)}`).join(", ")} ms; LCP ${f(median((w) => w.lcpMs), 0)} ms` });
  const parse = markdownParseCost();
  row({ measurement: "Markdown parse on the server, per answer", "p50 ms": f(parse.real2kMs, 3), ratio: "target ≪ 0.5 ms at 2 KB",
    notes: `mean over ${parse.real2kAnswers} AlpacaEval answers of 1.5–2.5 KB; all ${parse.realAnswers} (mean ${f(parse.realMeanChars, 0)} chars): ${f(parse.realMs, 3)} ms; ` +
      `a dense 2 KB answer (code, table, list every 256 chars): ${f(parse.dense2kMs, 3)} ms` });
}

function printTable(header: string, explained: Explained[]) {
  console.log(`\n=== Pairwise benchmark — ${new Date().toISOString()}\nmachine: ${header}`);
  console.table(rows);
  console.log("EXPLAIN ANALYZE on the 1M-vote study (execution time; top plan lines):");
  for (const e of explained) console.log(`  ${f(e.ms, 1).padStart(9)} ms  ${e.query}\n${e.top.map((l) => `               ${l}`).join("\n")}`);
  for (const n of notes) console.log(`note: ${n}`);
}

// BENCH_ONLY=votes,next,results,upload,page-weight runs only those parts (baselines always run with any
// part on the 1M-vote study): for iterating on one.
const only = new Set((process.env.BENCH_ONLY ?? "").split(",").map((s) => s.trim()).filter(Boolean));
const runs = (part: string) => only.size === 0 || only.has(part);
const BIG_STUDY_PARTS = ["votes", "next", "results", "explain", "capacity"];

/** Every part that runs on the generated 1M-vote study, on its own database (dropped afterwards). */
async function bigStudy(server: PostgresServer): Promise<Explained[]> {
  const name = scratchName("pairwise_bench");
  let explained: Explained[] = [];
  try {
    const url = await createDatabase(server, name);
    await switchDatabaseMachinery(server.adminUrl, name);
    await applyMigrations(url);
    if (machineryOff().length) row({ measurement: "machinery switched off (PAIRWISE_MACHINERY_OFF)", notes: machineryOff().join(", ") });
    log("generating the 1M-vote study…");
    const t0 = performance.now();
    const timings = await seedBig(url, await hashPassword(PASSWORD), log);
    const seedS = (performance.now() - t0) / 1000;
    const shape = (BIG.conversation ? " (two-turn conversations, each turn its own pair: BENCH_CONVERSATION=1)" : "") +
      (BIG.sampling ? " (three models, 2 of 3 model pairs drawn per prompt: BENCH_SAMPLING=1)" : BIG.adaptive ? " (adaptive votes: BENCH_ADAPTIVE=1)" : "");
    row({ measurement: `generate ${BIG.pairs.toLocaleString("en")} pairs${shape}, ~${(BIG.pairs * 10).toLocaleString("en")} votes + assignments`, throughput: `${f(seedS)} s`,
      notes: `slowest: ${[...timings].sort((a, b) => b.seconds - a.seconds).slice(0, 3).map((t) => `${t.step} ${f(t.seconds)} s`).join(", ")}` });
    const env = { DATABASE_URL: url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url") };
    const app = await startAppServer(await freePort(), env);
    try {
      const cookies = await signIn(app.baseUrl, Array.from({ length: VOTE.raters }, (_, i) => raterEmail(i)));
      log("baselines…");
      const base = await baselines(app, url);
      if (runs("votes")) {
        log("vote load…");
        await voteLoads(app, url, cookies, base);
        await statementCounts(app, url, cookies);
      }
      if (runs("next")) {
        log("next-pair load…");
        await nextLoad(app, url, cookies);
      }
      if (runs("results")) {
        log("results…");
        await results(app);
      }
      memory(app);
      if (runs("explain")) {
        log("explain…");
        await seedEndStudy(url, END_OPEN_PAIRS);
        explained = await explainAll(url);
      }
    } finally {
      await app.stop();
    }
    if (runs("results")) {
      log("results on a freshly started server…");
      await resultsAfterRestart(env);
    }
    // Last on this database: its votes change the big study, and it adds a second one.
    if (runs("capacity")) {
      log("capacity under a realistic rater load…");
      await capacity(env, url);
    }
  } finally {
    await dropDatabase(server, name).catch(() => {});
  }
  return explained;
}

async function main() {
  const header = machine();
  log(header);
  const server = await scratchServer();
  let explained: Explained[] = [];
  try {
    if (BIG_STUDY_PARTS.some(runs)) explained = await bigStudy(server);
    if (runs("page-weight")) {
      log("rating page weight on a phone profile (its own demo database)…");
      await pageWeight(server);
    }
  } finally {
    await server.stop();
  }
  if (runs("upload")) {
    log("upload benchmark (its own database)…");
    await uploadBench();
  }
  printTable(`${header}\n         at the end: ${machine().split("; ").at(-1)}`, explained);
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
