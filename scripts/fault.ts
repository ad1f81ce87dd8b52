// `npm run test:fault`: PostgreSQL restarted in the middle of a voting load. Requests during the
// outage must get 503 with a clear JSON error, the app must recover by itself, and afterwards every
// vote the server said it accepted must be in the table exactly once (clients retry with the same
// assignment id, which is the vote's idempotency key).
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "@/lib/migrations/apply";
import { ensureAppRole, scratchAppRole } from "./lib/app-role";
import { startAppServer } from "./lib/app-server";
import { HttpClient } from "./lib/http-client";
import { createDatabase, freePort, startEmbedded } from "./lib/postgres";
import { Checks, sleep } from "./lib/checks";
import { seedVotingStudy } from "./lib/voting-study";

const RATERS = 8;
const PROMPTS = 60;
const PASSWORD = "fault-test-password";

const checks = new Checks();
const check = checks.check.bind(checks);

type Stats = { accepted: Set<string>; unavailable: number; badUnavailable: number; otherErrors: string[] };

// One rater: ask for a pair, vote, and on 503 or a dropped connection retry the same vote.
async function rater(client: HttpClient, studyId: string, stats: Stats, deadline: number) {
  while (Date.now() < deadline) {
    const next = await client.request("GET", `/api/studies/${studyId}/next`).catch(() => null);
    if (!next || next.status === 503) {
      if (next) countUnavailable(next.body, stats);
      await sleep(200);
      continue;
    }
    const body = next.body as { done?: boolean; waiting?: boolean; assignmentId?: string };
    if (body.done) return;
    if (!body.assignmentId) {
      await sleep(300);
      continue;
    }
    await voteUntilAnswered(client, studyId, body.assignmentId, stats, deadline);
  }
}

function countUnavailable(body: unknown, stats: Stats) {
  stats.unavailable++;
  if ((body as { error?: { code?: string } })?.error?.code !== "db_unavailable") stats.badUnavailable++;
}

async function voteUntilAnswered(client: HttpClient, studyId: string, assignmentId: string, stats: Stats, deadline: number) {
  const choice = (["LEFT", "RIGHT", "TIE"] as const)[Math.floor(Math.random() * 3)];
  while (Date.now() < deadline) {
    const res = await client.request("POST", `/api/studies/${studyId}/votes`, { assignmentId, choice }).catch(() => null);
    if (res?.status === 200) {
      stats.accepted.add(assignmentId);
      return;
    }
    if (res && res.status !== 503) {
      // An expired lease after a long outage is a fair refusal; anything else is a bug.
      const code = (res.body as { error?: { code?: string } })?.error?.code;
      if (code !== "assignment_expired") stats.otherErrors.push(`${res.status} ${code}`);
      return;
    }
    if (res) countUnavailable(res.body, stats);
    await sleep(200);
  }
}

async function run(dir: string) {
  const pgPort = await freePort();
  const pg = await startEmbedded({ dataDir: path.join(dir, "pg"), port: pgPort, persistent: true, quiet: true });
  try {
    const url = await createDatabase(pg, "pairwise_fault");
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    const { studyId, emails } = await seedVotingStudy({ prefix: "fault", raters: RATERS, pairs: PROMPTS, votesPerPair: 3, password: PASSWORD });
    const { createUser } = await import("@/lib/data/users");
    await createUser({ email: "fault-admin@example.com", password: PASSWORD, role: "ADMIN" });
    // As a role with data rights only; migrations are a deploy step here (the server is thrown away, and the role with it).
    const appUrl = await ensureAppRole(url, scratchAppRole());
    const app = await startAppServer(await freePort(), { DATABASE_URL: appUrl, PAIRWISE_RUN_MIGRATIONS: "0", NEXTAUTH_SECRET: randomBytes(32).toString("base64url") });
    try {
      const clients = await Promise.all(emails.map(async (email) => {
        const client = new HttpClient(app.baseUrl);
        await client.signIn(email, PASSWORD);
        return client;
      }));
      const stats: Stats = { accepted: new Set(), unavailable: 0, badUnavailable: 0, otherErrors: [] };
      const deadline = Date.now() + 90_000;
      const load = Promise.all(clients.map((c) => rater(c, studyId, stats, deadline)));
      // Restart once the load is well under way.
      for (let i = 0; i < 300 && stats.accepted.size < 20; i++) await sleep(100);
      const before = stats.accepted.size;
      console.log(`restarting PostgreSQL after ${before} accepted votes…`);
      await pg.stop();
      await sleep(3_000);
      const health = await fetch(`${app.baseUrl}/api/health`);
      check("health says the database is down during the outage", health.status === 503, `status ${health.status}`);
      await pg.start!();
      await load;
      await verify(app.baseUrl, studyId, stats, before);
      await uploadCutOff(app.baseUrl, url);
    } finally {
      await app.stop();
    }
  } finally {
    await pg.stop().catch(() => {});
  }
}

async function verify(baseUrl: string, studyId: string, stats: Stats, before: number) {
  const { db } = await import("@/lib/db");
  check("votes were accepted before the restart", before > 0, `${before}`);
  check("requests during the outage got 503", stats.unavailable > 0, `${stats.unavailable} answers`);
  check("every 503 carried the db_unavailable JSON error", stats.badUnavailable === 0, `${stats.badUnavailable} without it`);
  check("no other errors", stats.otherErrors.length === 0, stats.otherErrors.slice(0, 5).join(", "));
  const health = await fetch(`${baseUrl}/api/health`);
  check("the app recovered by itself", health.status === 200);
  const votes = await db.vote.findMany({ where: { studyId }, select: { assignmentId: true } });
  const stored = new Set(votes.map((v) => v.assignmentId));
  const missing = [...stats.accepted].filter((id) => !stored.has(id));
  check("every accepted vote is in the table", missing.length === 0, `${stats.accepted.size} accepted, ${missing.length} missing`);
  check("no vote is stored twice or without the client knowing", votes.length === stats.accepted.size, `${votes.length} stored`);
  const counted = await db.pair.aggregate({ where: { studyId }, _sum: { voteCount: true } });
  check("pairs' vote counters agree with the votes", counted._sum.voteCount === votes.length);
  check("the study was judged to the end", votes.length === PROMPTS * 3, `${votes.length} of ${PROMPTS * 3}`);
}

// An upload whose database connection dies mid-import (as when the server crashes) leaves nothing.
async function uploadCutOff(baseUrl: string, databaseUrl: string) {
  const { db } = await import("@/lib/db");
  const { alpacaFile } = await import("./bench/alpaca-file");
  const pgClient = new (await import("pg")).default.Client({ connectionString: databaseUrl });
  await pgClient.connect();
  const admin = new HttpClient(baseUrl);
  await admin.signIn("fault-admin@example.com", PASSWORD);
  const file = alpacaFile(30_000, 7);
  const [promptsBefore, outputsBefore] = await Promise.all([db.prompt.count(), db.output.count()]);
  const send = () => {
    const form = new FormData();
    form.append("file", new Blob([Buffer.from(file)]), "cut.json");
    form.append("modelName", "cut-model");
    return fetch(`${baseUrl}/api/uploads`, { method: "POST", body: form, headers: { cookie: admin.cookieHeader, origin: baseUrl } });
  };
  const upload = send();
  let killed = 0;
  for (let i = 0; i < 600 && !killed; i++) {
    const { rows } = await pgClient.query(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%INSERT INTO "Output"%' AND query NOT LIKE '%pg_terminate_backend%'`);
    killed = rows.length;
    if (!killed) await sleep(20);
  }
  const answer = await upload;
  check("the import's connection was cut mid-insert", killed > 0, `answer ${answer.status}`);
  const [promptsAfter, outputsAfter, batches] = await Promise.all([db.prompt.count(), db.output.count(), db.uploadBatch.count({ where: { fileName: "cut.json" } })]);
  check("nothing of the cut-off upload is in the database", promptsAfter === promptsBefore && outputsAfter === outputsBefore && batches === 0,
    `prompts ${promptsBefore}→${promptsAfter}, outputs ${outputsBefore}→${outputsAfter}, batches ${batches}`);
  const again = await send();
  check("the same file imports completely afterwards", again.status === 201 && (await db.output.count()) === outputsBefore + 30_000, `answer ${again.status}`);
  await pgClient.end();
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pairwise-fault-"));
  await chmod(dir, 0o755);
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  process.exit(checks.finish("fault"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
