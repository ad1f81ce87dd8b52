// The read replica against a real streaming standby: a throwaway primary (its own server, so the shared
// one is never reconfigured) and a hot standby made by pg_basebackup -R, on free ports. Results and
// exports read the standby (paused replay shows the old counts), writes reach the primary, and figures
// computed while the standby lags are stored under the standby's version, never the primary's.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextAssignment } from "@/lib/data/assignments";
import { exportVoteBatches } from "@/lib/data/results/export-votes";
import { loadSnapshot, studyFiguresVersion } from "@/lib/data/results/snapshots";
import { archiveStream } from "@/lib/data/study-archive";
import { recordVote } from "@/lib/data/votes";
import { db, dbRead } from "@/lib/db";
import { applyMigrations } from "@/lib/migrations/apply";
import { isRaterError } from "@/lib/rater-api/rater-error";
import { ResultsCache } from "@/lib/results/results-cache";
import { figuresStore, figuresVersion, getStudyResults, keepFigures, liveStudyFigures } from "@/lib/results/study-results";
import type { StudyResults } from "@/lib/results/types";
import { freePort, withClient } from "../scripts/lib/postgres";
import { eventually } from "./eventually";
import { castVote, makeLargeVotedStudy } from "./factories-results";
import { makeOpenStudy, makeRaters } from "./factories-voting";

const BIN = "/usr/lib/postgresql/15/bin";
const HAVE_BINARIES = ["initdb", "pg_ctl", "postgres", "pg_basebackup"].every((b) => existsSync(path.join(BIN, b)));
const run = promisify(execFile);
// initdb and postgres refuse to run as root; in containers they run as the postgres system user.
const asServerUser = (bin: string, args: string[]) =>
  process.getuid?.() === 0 ? run("runuser", ["-u", "postgres", "--", path.join(BIN, bin), ...args]) : run(path.join(BIN, bin), args);

type Server = { dir: string; port: number; url: string };
let tmp = "";
let primary: Server;
let replica: Server;

async function startServer(dir: string, port: number): Promise<Server> {
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${tmp} -c fsync=off -c full_page_writes=off`;
  await asServerUser("pg_ctl", ["-D", dir, "-o", options, "-l", `${dir}.log`, "-w", "-t", "30", "start"]);
  return { dir, port, url: `postgresql://postgres@127.0.0.1:${port}/pairwise` };
}

const query = <T>(url: string, sql: string) => withClient(url, async (c) => (await c.query(sql)).rows as T[]);

async function primaryLsn(): Promise<string> {
  const [row] = await query<{ lsn: string }>(primary.url, "SELECT pg_current_wal_lsn()::text AS lsn");
  return row!.lsn;
}

/** Waits until the standby has replayed everything the primary has written so far. */
async function caughtUp() {
  const lsn = await primaryLsn();
  for (let i = 0; i < 200; i++) {
    const [row] = await query<{ done: boolean }>(replica.url, `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`);
    if (row?.done) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the standby did not catch up");
}

async function pauseReplay() {
  await caughtUp();
  await query(replica.url, "SELECT pg_wal_replay_pause()");
}

async function resumeReplay() {
  await query(replica.url, "SELECT pg_wal_replay_resume()");
  await caughtUp();
}

/** Whether the standby has not replayed all of the primary's WAL: the lag the tests need. */
async function lagging(): Promise<boolean> {
  const lsn = await primaryLsn();
  const [row] = await query<{ behind: boolean }>(replica.url, `SELECT pg_last_wal_replay_lsn() < '${lsn}'::pg_lsn AS behind`);
  return row!.behind;
}

async function exportedVotes(studyId: string): Promise<number> {
  let n = 0;
  for await (const rows of exportVoteBatches(studyId, false)) n += rows.length;
  return n;
}

async function archivedVotes(studyId: string): Promise<number> {
  const text = await new Response(archiveStream(studyId)).text();
  return text.trim().split("\n").filter((line) => (JSON.parse(line) as { type: string }).type === "vote").length;
}

async function voteAsRater(studyId: string, raterId: string) {
  const served = await nextAssignment(studyId, raterId);
  if (isRaterError(served) || !("assignmentId" in served)) throw new Error("expected a pair");
  const reply = await recordVote(studyId, raterId, { assignmentId: served.assignmentId, choice: "LEFT" });
  if (isRaterError(reply)) throw new Error(`vote refused: ${reply.code}`);
}

describe.skipIf(!HAVE_BINARIES)(`read replica (needs PostgreSQL 15 server binaries in ${BIN})`, () => {
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "pairwise-replica-"));
    if (process.getuid?.() === 0) await chown(tmp, Number((await run("id", ["-u", "postgres"])).stdout.trim()), 0);
    const [primaryPort, replicaPort] = [await freePort(), await freePort()];
    // trust on loopback only: a throwaway cluster that lives for this file.
    await asServerUser("initdb", ["-D", `${tmp}/primary`, "-U", "postgres", "--auth=trust", "--no-sync"]);
    primary = await startServer(`${tmp}/primary`, primaryPort);
    await query(primary.url.replace("/pairwise", "/postgres"), "CREATE DATABASE pairwise");
    await applyMigrations(primary.url);
    await asServerUser("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", `${tmp}/replica`, "-R", "-X", "stream", "-c", "fast"]);
    replica = await startServer(`${tmp}/replica`, replicaPort);
    // The app's env is read on first use, which comes after this.
    process.env.DATABASE_URL = primary.url;
    process.env.DATABASE_REPLICA_URL = replica.url;
  });

  afterAll(async () => {
    for (const server of [replica, primary]) {
      if (server) await asServerUser("pg_ctl", ["-D", server.dir, "-m", "immediate", "-w", "stop"]).catch(() => {});
    }
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it("reads results and exports on the replica and writes votes on the primary", async () => {
    const f = await makeOpenStudy(3);
    const [first, second] = await makeRaters(f.study.id, 2);
    await voteAsRater(f.study.id, first!.id);
    await caughtUp();
    expect((await getStudyResults(f.study.id))!.totals.votes).toBe(1);

    await pauseReplay();
    await voteAsRater(f.study.id, second!.id); // the app's vote statement: it would fail on the read-only standby
    expect(await lagging()).toBe(true);
    expect(await db.vote.count({ where: { studyId: f.study.id } })).toBe(2);
    expect((await getStudyResults(f.study.id))!.totals.votes).toBe(1);
    expect(await exportedVotes(f.study.id)).toBe(1);
    expect(await archivedVotes(f.study.id)).toBe(1);
    // What a frozen result stores is read on the primary, beside the votes hashed with it.
    expect((await liveStudyFigures(f.study.id))!.totals.votes).toBe(2);

    await resumeReplay();
    expect((await getStudyResults(f.study.id))!.totals.votes).toBe(2);
    expect(await exportedVotes(f.study.id)).toBe(2);
    expect(await archivedVotes(f.study.id)).toBe(2);
  });

  it("is really the standby: a write sent there is refused", async () => {
    await expect(dbRead.$executeRaw`UPDATE "Study" SET name = name`).rejects.toThrow(/read-only/);
  });

  it("stores figures computed on a lagging replica under the replica's version, and recomputes them once it catches up", async () => {
    const s = await makeLargeVotedStudy();
    await caughtUp();
    await pauseReplay();
    const late = await makeRaters(s.id, 1);
    const pair = await db.pair.findFirstOrThrow({ where: { studyId: s.id }, select: { id: true, outputAId: true, outputBId: true } });
    await castVote(s.id, { pair, raterId: late[0]!.id, outcome: "A", leftIsA: true });
    expect(await lagging()).toBe(true);

    const shown = (await getStudyResults(s.id))!;
    expect(shown.totals.votes).toBe(20_000); // the replica's, one vote behind
    const stored = await eventually(() => loadSnapshot(s.id, ""));
    const [onReplica, onPrimary] = [await studyFiguresVersion(s.id, "replica"), await studyFiguresVersion(s.id, "primary")];
    expect(onReplica).not.toBe(onPrimary);
    expect(stored!.version).toBe(onReplica);
    expect((stored!.figures as StudyResults).totals.votes).toBe(20_000);

    // Once the replica has the vote, another process finds the stored figures out of date and recomputes.
    await resumeReplay();
    let computed = 0;
    const otherProcess = new ResultsCache<StudyResults>({ keep: keepFigures, store: figuresStore, version: figuresVersion, freshMs: 0 });
    await otherProcess.get(s.id, `${s.id}\u0000`, async () => {
      computed++;
      return shown;
    });
    await eventually(async () => (computed > 0 ? true : null));
    expect(computed).toBe(1);
  });
});
