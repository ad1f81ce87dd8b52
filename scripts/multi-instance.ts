// `npm run test:multi`: two production servers on one fresh database, raters alternating between
// them, each looping /next → /votes until the study is judged. Leases are chosen under row locks in
// PostgreSQL, so the two processes must never give a pair more raters than it needs, and every vote
// a server accepted must be stored exactly once.
import { randomBytes } from "node:crypto";
import { applyMigrations } from "@/lib/migrations/apply";
import { dropAppRole, ensureAppRole, scratchAppRole } from "./lib/app-role";
import { startAppServer } from "./lib/app-server";
import { HttpClient } from "./lib/http-client";
import { createDatabase, dropDatabase, freePort, scratchName } from "./lib/postgres";
import { scratchServer } from "./lib/server-for-scripts";
import { Checks, sleep } from "./lib/checks";
import { seedVotingStudy } from "./lib/voting-study";

const RATERS = 12;
const PAIRS = 40;
const VOTES_PER_PAIR = 3;
const PASSWORD = "multi-test-password";
const DEADLINE_MS = 45_000;

const checks = new Checks();
const check = checks.check.bind(checks);

type Stats = { accepted: string[]; served: number; waits: number; errors: string[]; servers: Record<string, number> };

async function rater(client: HttpClient, studyId: string, stats: Stats, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    const next = await client.request("GET", `/api/studies/${studyId}/next`);
    if (next.status !== 200) {
      stats.errors.push(`next ${next.status}`);
      await sleep(100);
      continue;
    }
    const body = next.body as { done?: boolean; waiting?: boolean; assignmentId?: string };
    if (body.done) return true;
    if (!body.assignmentId) {
      // Every remaining pair is leased by another rater who is about to vote.
      stats.waits++;
      await sleep(50);
      continue;
    }
    stats.served++;
    stats.servers[client.baseUrl] = (stats.servers[client.baseUrl] ?? 0) + 1;
    const choice = (["LEFT", "RIGHT", "TIE"] as const)[Math.floor(Math.random() * 3)];
    const vote = await client.request("POST", `/api/studies/${studyId}/votes`, { assignmentId: body.assignmentId, choice });
    if (vote.status === 200) stats.accepted.push(body.assignmentId);
    else stats.errors.push(`vote ${vote.status} ${JSON.stringify(vote.body).slice(0, 80)}`);
  }
  return false;
}

async function verify(studyId: string, stats: Stats, finished: boolean[]) {
  const { db } = await import("@/lib/db");
  const pairs = await db.pair.findMany({ where: { studyId }, select: { id: true, voteCount: true, _count: { select: { votes: true } } } });
  const over = pairs.filter((p) => p.voteCount > VOTES_PER_PAIR);
  const drift = pairs.filter((p) => p.voteCount !== p._count.votes);
  check("both servers served pairs", Object.keys(stats.servers).length === 2, JSON.stringify(stats.servers));
  check("no request failed", stats.errors.length === 0, stats.errors.slice(0, 5).join(", ") || undefined);
  check("no pair over-assigned (voteCount ≤ votesPerPair)", over.length === 0, `${over.length} pairs over ${VOTES_PER_PAIR}`);
  check("votes per pair = voteCount", drift.length === 0, `${drift.length} pairs disagree`);
  const votes = await db.vote.findMany({ where: { studyId }, select: { assignmentId: true } });
  const stored = new Set(votes.map((v) => v.assignmentId));
  const missing = stats.accepted.filter((id) => !stored.has(id));
  check("every accepted vote is in the table", missing.length === 0, `${stats.accepted.length} accepted, ${missing.length} missing`);
  check("no vote doubled or unacknowledged", votes.length === stats.accepted.length && new Set(stats.accepted).size === stats.accepted.length,
    `${votes.length} stored`);
  const dup = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT "pairId", "raterId" FROM "Vote" WHERE "studyId" = ${studyId} GROUP BY 1, 2 HAVING count(*) > 1) d`;
  check("no rater judged a pair twice", dup[0]?.n === 0);
  check("every rater reached 'done'", finished.every(Boolean), `${finished.filter(Boolean).length} of ${RATERS}`);
  check("the study was judged to the end", votes.length === PAIRS * VOTES_PER_PAIR, `${votes.length} of ${PAIRS * VOTES_PER_PAIR}`);
}

async function main() {
  const server = await scratchServer();
  const name = scratchName("pairwise_multi");
  const role = scratchAppRole();
  try {
    const url = await createDatabase(server, name);
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    const { studyId, emails } = await seedVotingStudy({ prefix: "multi", raters: RATERS, pairs: PAIRS, votesPerPair: VOTES_PER_PAIR, password: PASSWORD });
    // Both servers run as a role with data rights only, and check the migrations at start as the owner.
    const appUrl = await ensureAppRole(url, role);
    const env = { DATABASE_URL: appUrl, DATABASE_MIGRATION_URL: url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url") };
    const apps = await Promise.all([startAppServer(await freePort(), env), startAppServer(await freePort(), env)]);
    try {
      const clients = await Promise.all(emails.map(async (email, i) => {
        const client = new HttpClient(apps[i % 2]!.baseUrl);
        await client.signIn(email, PASSWORD);
        return client;
      }));
      const stats: Stats = { accepted: [], served: 0, waits: 0, errors: [], servers: {} };
      const start = Date.now();
      const finished = await Promise.all(clients.map((c) => rater(c, studyId, stats, start + DEADLINE_MS)));
      console.log(`${stats.accepted.length} votes in ${((Date.now() - start) / 1000).toFixed(1)} s across ${apps.map((a) => a.baseUrl).join(" and ")}; ${stats.waits} waits`);
      await verify(studyId, stats, finished);
    } finally {
      await Promise.all(apps.map((a) => a.stop()));
    }
    const { db } = await import("@/lib/db");
    await db.$disconnect();
  } finally {
    await dropDatabase(server, name).catch(() => {});
    await dropAppRole(server.adminUrl, role.role);
    await server.stop();
  }
  process.exit(checks.finish("multi"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
