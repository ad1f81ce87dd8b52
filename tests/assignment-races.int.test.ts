// The next-pair lease when one rater's requests overlap (two tabs, a reload while a pair loads, a
// script beside the page), against a real PostgreSQL: every answer is the rater's one live lease.
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { isRaterError } from "@/lib/rater-api/rater-error";
import { nextAssignment } from "@/lib/data/assignments";
import { recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import type { ServedPair } from "@/lib/rating/types";
import { makeOpenStudy, makeRaters } from "./factories-voting";

// Below the pool's 10 connections (each call also reads the study's progress beside the lease).
const PARALLEL = 8;

function served(result: Awaited<ReturnType<typeof nextAssignment>>): ServedPair {
  if (isRaterError(result) || !("assignmentId" in result)) throw new Error(`expected a pair, got ${JSON.stringify(result)}`);
  return result;
}

function liveLeases(studyId: string, raterId: string) {
  return db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Assignment"
    WHERE "studyId" = ${studyId} AND "raterId" = ${raterId}
      AND "completedAt" IS NULL AND "flaggedAt" IS NULL AND "expiresAt" > now() AT TIME ZONE 'UTC'`;
}

/** Every answer must be the same served pair: the rater's one live lease. */
async function expectOneLease(studyId: string, raterId: string, judged: number) {
  const answers = await Promise.all(Array.from({ length: PARALLEL }, () => nextAssignment(studyId, raterId)));
  const ids = answers.map((a) => ("assignmentId" in a ? a.assignmentId : JSON.stringify(a)));
  expect(new Set(ids).size, ids.join("\n")).toBe(1);
  const first = served(answers[0]!);
  expect(answers.map((a) => served(a).progress.judgedByYou)).toEqual(answers.map(() => judged));
  expect(await liveLeases(studyId, raterId)).toEqual([{ id: first.assignmentId }]);
  return first;
}

// A second connection holding a transaction open, to stop the world at one exact point.
const clients: pg.Client[] = [];
async function openTransaction(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  clients.push(client);
  await client.query("BEGIN");
  return client;
}
afterEach(async () => {
  for (const client of clients.splice(0)) await client.end();
});

/** Resolves once a lease request is waiting for a row lock (so its first snapshot is already taken). */
async function leaseRequestWaiting() {
  for (let i = 0; i < 200; i++) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%pairwise_next_lease%'`;
    if (row!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("no lease request ever waited for a lock");
}

describe("nextAssignment when one rater's requests overlap", () => {
  it("gives every parallel request the one remaining pair, never done", async () => {
    for (let round = 0; round < 3; round++) {
      const f = await makeOpenStudy(3, { votesPerPair: 1 });
      const [rater] = await makeRaters(f.study.id, 1);
      for (let i = 0; i < 2; i++) {
        const pair = served(await nextAssignment(f.study.id, rater!.id));
        expect(isRaterError(await recordVote(f.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "TIE" }))).toBe(false);
      }
      await expectOneLease(f.study.id, rater!.id, 2);
    }
  });

  it("gives every parallel request the same pair when many are free, and leases only that one", async () => {
    for (let round = 0; round < 3; round++) {
      const f = await makeOpenStudy(6, { votesPerPair: 2 });
      const [rater] = await makeRaters(f.study.id, 1);
      await expectOneLease(f.study.id, rater!.id, 0);
      expect(await db.assignment.count({ where: { studyId: f.study.id, raterId: rater!.id } })).toBe(1);
    }
  });

  it("returns the lease written by the request it waited for", async () => {
    const f = await makeOpenStudy(3, { votesPerPair: 1 });
    const [rater] = await makeRaters(f.study.id, 1);
    // The first request leases inside a transaction left open: it holds the rater's lock.
    const first = await openTransaction();
    const { rows } = await first.query<{ outcome: string; assignmentId: string }>(
      `SELECT outcome, "assignmentId" FROM "pairwise_next_lease"($1, $2, 1, 50, 500, 6, 'lease-written-first', true)`,
      [f.study.id, rater!.id]);
    expect(rows).toEqual([{ outcome: "lease", assignmentId: "lease-written-first" }]);
    const second = nextAssignment(f.study.id, rater!.id);
    await leaseRequestWaiting();
    await first.query("COMMIT");
    expect(served(await second).assignmentId).toBe("lease-written-first");
    expect(await db.assignment.count({ where: { studyId: f.study.id, raterId: rater!.id } })).toBe(1);
  });

  it("never returns the pair whose vote it waited for", async () => {
    const f = await makeOpenStudy(2, { votesPerPair: 1 });
    const [rater] = await makeRaters(f.study.id, 1);
    const held = served(await nextAssignment(f.study.id, rater!.id));
    const pair = await db.assignment.findUniqueOrThrow({ where: { id: held.assignmentId }, select: { pairId: true } });
    // The vote, as the vote statement writes it, left uncommitted: its trigger holds the rater's tally row.
    const vote = await openTransaction();
    await vote.query(`UPDATE "Assignment" SET "completedAt" = now() AT TIME ZONE 'UTC' WHERE id = $1`, [held.assignmentId]);
    await vote.query(
      `INSERT INTO "Vote" (id, "assignmentId", "studyId", "pairId", "raterId", choice, "msTaken") VALUES ($1, $2, $3, $4, $5, 'TIE', 5000)`,
      [`vote-${held.assignmentId}`, held.assignmentId, f.study.id, pair.pairId, rater!.id]);
    const next = nextAssignment(f.study.id, rater!.id);
    await leaseRequestWaiting();
    await vote.query("COMMIT");
    const after = served(await next);
    expect(after.assignmentId).not.toBe(held.assignmentId);
    expect(after.progress.judgedByYou).toBe(1);
  });
});

describe("nextAssignment when the pair with room is locked by another request", () => {
  // The last step of the pick waits for the lock instead of skipping the pair, and looks at the pair
  // again once it has it: excluded in the meantime, it is not leased.
  it.each([
    ["leases it once the lock is released", false],
    ["does not lease it when it was excluded meanwhile", true],
  ])("%s", async (_, exclude) => {
    const f = await makeOpenStudy(1, { votesPerPair: 1 });
    const [rater] = await makeRaters(f.study.id, 1);
    const pairId = f.pairs[0]!.id;
    const holder = await openTransaction();
    await holder.query(`SELECT 1 FROM "Pair" WHERE id = $1 FOR NO KEY UPDATE`, [pairId]);
    const next = nextAssignment(f.study.id, rater!.id);
    await leaseRequestWaiting();
    if (exclude) await holder.query(`UPDATE "Pair" SET excluded = true WHERE id = $1`, [pairId]);
    await holder.query("COMMIT");
    const answer = await next;
    const leased = await db.assignment.findMany({ where: { studyId: f.study.id }, select: { pairId: true } });
    if (exclude) {
      expect(answer).toMatchObject({ done: true });
      expect(leased).toEqual([]);
    } else {
      expect(served(answer).assignmentId).toEqual(expect.any(String));
      expect(leased).toEqual([{ pairId }]);
    }
  });
});
