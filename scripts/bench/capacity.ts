// The capacity run of `npm run bench` (BENCH_ONLY=capacity): N simulated raters on the big study,
// one step per N, then a phase on a nearly complete study; the headline is the largest N that passes.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { capacitySvg, writePng } from "./capacity-chart";
import { END, END_OPEN_PAIRS, seedEndStudy } from "./capacity-end-study";
import type { CapacitySpec, CapacityStep } from "./capacity-load";
import { largestPassing, parseRaterCounts } from "./capacity-math";
import { capacityRaters } from "./capacity-raters";
import { treeMemory } from "./measure";
import { BIG } from "./seed-big";

export const P99_LIMIT_MS = 100;
const READING = { medianMs: 20_000, sigma: 0.5 };

export type CapacityConfig = {
  raters: number[]; warmupS: number; measureS: number; sockets: number; seed: number;
  endRaters: number | null; endPairs: number; png: string;
};

export function capacityConfig(env: NodeJS.ProcessEnv = process.env): CapacityConfig {
  const num = (name: string, fallback: number) => Number(env[name] ?? fallback);
  return {
    raters: parseRaterCounts(env.BENCH_RATERS ?? "500,1000,2000,5000,10000"),
    warmupS: num("BENCH_CAPACITY_WARMUP_S", 20), measureS: num("BENCH_CAPACITY_MEASURE_S", 40),
    sockets: num("BENCH_CAPACITY_SOCKETS", 256), seed: num("BENCH_CAPACITY_SEED", 19),
    endRaters: env.BENCH_CAPACITY_END_RATERS ? num("BENCH_CAPACITY_END_RATERS", 0) : null,
    endPairs: num("BENCH_CAPACITY_END_PAIRS", END_OPEN_PAIRS), png: env.BENCH_CAPACITY_PNG ?? path.join("docs", "capacity.png"),
  };
}

function runGenerator(spec: CapacitySpec): Promise<CapacityStep> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pairwise-capacity-"));
  const file = path.join(dir, "spec.json");
  writeFileSync(file, JSON.stringify(spec));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/capacity-load.ts", file], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    child.once("close", (code) => {
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) return reject(new Error(`capacity generator exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1)!) as CapacityStep);
      } catch (error) {
        reject(new Error(`capacity generator printed no result line: ${String(error)}`));
      }
    });
  });
}

/** CPU seconds (user + system) of a process tree so far, from /proc (clock ticks of 1/100 s). */
function cpuSeconds(root: number): number {
  return treeMemory(root).reduce((sum, p) => {
    try {
      const stat = readFileSync(`/proc/${p.pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return sum + (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      return sum;
    }
  }, 0);
}

/**
 * CPU seconds of every PostgreSQL process on this machine (the database shares the two cores with the
 * server and the generator): 0 when the database runs elsewhere. A backend that has ended is counted
 * in its parent's (the postmaster's) time of reaped children, so the sum only grows.
 */
function postgresCpuSeconds(): number {
  let sum = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) !== "postgres") continue;
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      sum += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return sum;
}

export type CapacityStepRow = CapacityStep & { serverCpuPct: number; databaseCpuPct: number };
export type CapacityContext = { url: string; baseUrl: string; serverPid: number; secret: string; log: (s: string) => void };

async function step(ctx: CapacityContext, cfg: CapacityConfig, studyId: string, cookies: string[]): Promise<CapacityStepRow> {
  const cpu0 = cpuSeconds(ctx.serverPid);
  const db0 = postgresCpuSeconds();
  const t0 = performance.now();
  const r = await runGenerator({
    baseUrl: ctx.baseUrl, studyId, cookies, seed: cfg.seed + cookies.length, sockets: cfg.sockets, timeoutMs: 10_000,
    ...READING, warmupMs: cfg.warmupS * 1000, measureMs: cfg.measureS * 1000,
  });
  const seconds = (performance.now() - t0) / 1000;
  const serverCpuPct = (100 * (cpuSeconds(ctx.serverPid) - cpu0)) / seconds;
  const databaseCpuPct = (100 * (postgresCpuSeconds() - db0)) / seconds;
  ctx.log(`  ${cookies.length} raters: next p50/p99 ${r.next.p50.toFixed(1)}/${r.next.p99.toFixed(1)} ms, vote ${r.vote.p50.toFixed(1)}/` +
    `${r.vote.p99.toFixed(1)} ms, ${r.errors} errors, loop lag p99 ${r.lag.p99.toFixed(1)} ms, server CPU ${serverCpuPct.toFixed(0)} %, database CPU ${databaseCpuPct.toFixed(0)} %`);
  return { ...r, serverCpuPct, databaseCpuPct };
}

export type CapacityResult = { config: CapacityConfig; steps: CapacityStepRow[]; headline: number | null; end: CapacityStepRow & { openPairs: number } };

/** Every step of the curve, then the end-of-study phase at the headline N; writes the PNG and a JSON beside it. */
export async function capacityRun(ctx: CapacityContext, cfg = capacityConfig()): Promise<CapacityResult> {
  const most = Math.max(...cfg.raters, cfg.endRaters ?? 0);
  ctx.log(`  seeding the nearly complete study (${cfg.endPairs} of ${BIG.pairs} pairs open)…`);
  const openPairs = await seedEndStudy(ctx.url, cfg.endPairs);
  ctx.log(`  ${most} raters: users, memberships, sessions, cookies…`);
  const cookies = await capacityRaters(ctx.url, most, [BIG.studyId, END.studyId], ctx.secret);
  const steps: CapacityStepRow[] = [];
  for (const n of cfg.raters) steps.push(await step(ctx, cfg, BIG.studyId, cookies.slice(0, n)));
  const headline = largestPassing(steps, P99_LIMIT_MS);
  const endN = cfg.endRaters ?? headline ?? Math.min(...cfg.raters);
  ctx.log(`  nearly complete study, ${endN} raters…`);
  const end = { ...(await step(ctx, { ...cfg, measureS: cfg.warmupS + cfg.measureS, warmupS: 0 }, END.studyId, cookies.slice(0, endN))), openPairs };
  const result = { config: cfg, steps, headline, end };
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(path.join("bench-results", "capacity.json"), `${JSON.stringify(result, null, 2)}\n`);
  const title = `Raters reading ~20 s, ${BIG.pairs.toLocaleString("en")}-pair study: largest N passing ${headline?.toLocaleString("en") ?? "none"}` +
    ` (${new Date().toISOString().slice(0, 10)})`;
  await writePng(capacitySvg(steps, P99_LIMIT_MS, title), cfg.png).catch((error: unknown) => ctx.log(`  no PNG: ${String(error)}`));
  return result;
}

export type StudyCheck = { studyId: string; over: number; drift: number };

/** After the load: pairs given more votes + live leases than wanted, and pairs whose tally ≠ their votes. */
export async function checkCapacityStudies(url: string): Promise<StudyCheck[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ studyId: string; over: string; drift: string }>(`
      SELECT p."studyId",
        count(*) FILTER (WHERE p."voteCount" + (SELECT count(*) FROM "Assignment" l WHERE l."pairId" = p.id
          AND l."completedAt" IS NULL AND l."flaggedAt" IS NULL AND l."expiresAt" > (now() AT TIME ZONE 'UTC')) > s."votesPerPair") AS over,
        count(*) FILTER (WHERE p."voteCount" <> (SELECT count(*) FROM "Vote" v WHERE v."pairId" = p.id)) AS drift
      FROM "Pair" p JOIN "Study" s ON s.id = p."studyId" WHERE p."studyId" = ANY($1) GROUP BY 1 ORDER BY 1`, [[BIG.studyId, END.studyId]]);
    return rows.map((r) => ({ studyId: r.studyId, over: Number(r.over), drift: Number(r.drift) }));
  } finally {
    await client.end();
  }
}
