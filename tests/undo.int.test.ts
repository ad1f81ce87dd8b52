// Undoing a vote against a real PostgreSQL: every tally and export back where it was, the pair back
// under a new id with the same sides, the refusals, and undos racing votes.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isRaterError } from "@/lib/rater-api/rater-error";
import { nextAssignment } from "@/lib/data/assignments";
import { exportVoteBatches } from "@/lib/data/results/export-votes";
import { undoVote } from "@/lib/data/undo";
import { recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import { exportStream } from "@/lib/exports/stream";
import type { ServedPair, UndoReply, VoteReply } from "@/lib/rating/types";
import { getStudyResults } from "@/lib/results/study-results";
import { castVote } from "./factories-results";
import { ageVote, makeOpenStudy, makeRaters } from "./factories-voting";
import { NO_MISMATCHES, tallyMismatches } from "./recount";

type Options = Parameters<typeof makeOpenStudy>[1];
type Study = Awaited<ReturnType<typeof makeOpenStudy>>;

function served(result: Awaited<ReturnType<typeof nextAssignment>>): ServedPair {
  if (isRaterError(result) || !("assignmentId" in result)) throw new Error(`expected a pair, got ${JSON.stringify(result)}`);
  return result;
}

function ok<T extends object>(result: T | { status: number; code: string }): T {
  if (isRaterError(result)) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result as T;
}

const assignmentOf = (id: string) =>
  db.assignment.findUniqueOrThrow({ where: { id }, select: { pairId: true, leftIsA: true, raterId: true } });

/** The rater's vote for output A of the pair they were served, whichever side it was shown on. */
async function voteForA(studyId: string, raterId: string, pair: ServedPair, extra: { seenBothMs?: number } = {}) {
  const { leftIsA } = await assignmentOf(pair.assignmentId);
  return ok<VoteReply>(await recordVote(studyId, raterId, { assignmentId: pair.assignmentId, choice: leftIsA ? "LEFT" : "RIGHT", ...extra }));
}

/** Two other raters voted on every pair already: A by one, B by the other (so a third vote flips their flags). */
async function studyWithOtherVotes(pairCount: number, options: Options = {}) {
  const f = await makeOpenStudy(pairCount, { votesPerPair: 3, ...options });
  const [rater, forA, forB] = await makeRaters(f.study.id, 3);
  for (const pair of f.pairs) {
    await castVote(f.study.id, { pair, raterId: forA!.id, outcome: "A", leftIsA: true, at: new Date(Date.now() - 60_000) });
    await castVote(f.study.id, { pair, raterId: forB!.id, outcome: "B", leftIsA: false, at: new Date(Date.now() - 50_000) });
  }
  return { ...f, rater: rater!, others: [forA!, forB!] };
}

async function exported(studyId: string, format: "csv" | "jsonl") {
  return new Response(exportStream(format, exportVoteBatches(studyId, format === "jsonl"))).text();
}

/** Everything a vote counts in, as researchers and the assignment see it. */
async function countedState(f: Study) {
  const studyId = f.study.id;
  const results = await getStudyResults(studyId);
  return {
    pairs: await db.pair.findMany({
      where: { studyId }, orderBy: { id: "asc" },
      select: { id: true, voteCount: true, winsA: true, winsB: true, ties: true, bothBad: true, leftWins: true, rightWins: true },
    }),
    members: await db.studyMember.findMany({ where: { studyId }, orderBy: { userId: "asc" }, select: { userId: true, votes: true } }),
    votes: await db.vote.findMany({ where: { studyId }, orderBy: { id: "asc" }, select: { id: true } }),
    hours: await db.voteHour.findMany({ where: { studyId, votes: { gt: 0 } }, orderBy: [{ hour: "asc" }, { shard: "asc" }] }),
    csv: await exported(studyId, "csv"),
    jsonl: await exported(studyId, "jsonl"),
    results: { ...results, generatedAt: "(when)" },
  };
}

describe("undoVote", () => {
  it("takes the vote out of every tally, hour, figure and export, and gives the pair back under a new id", async () => {
    const f = await studyWithOtherVotes(2);
    const before = await countedState(f);
    const first = served(await nextAssignment(f.study.id, f.rater.id));
    const reply = await voteForA(f.study.id, f.rater.id, first, { seenBothMs: 1_234 });
    const vote = await db.vote.findUniqueOrThrow({ where: { assignmentId: first.assignmentId } });
    expect(vote.seenBothMs).toBe(1_234);
    expect(reply.undoUntil).toBe(new Date(vote.createdAt.getTime() + 10_000).toISOString());
    // The third vote changed the others' flags on that pair, so the undo has something to restore.
    expect(await countedState(f)).not.toEqual(before);
    const second = served(await nextAssignment(f.study.id, f.rater.id));
    const { pairId, leftIsA } = await assignmentOf(first.assignmentId);

    const undo = ok<UndoReply>(await undoVote(f.study.id, f.rater.id, first.assignmentId));

    expect(undo.undone).toEqual({ choice: vote.choice });
    expect(undo.pair.assignmentId).not.toBe(first.assignmentId);
    expect(undo.pair.assignmentId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(undo.pair).toMatchObject({ prompt: first.prompt, left: first.left, right: first.right, options: first.options });
    expect(undo.pair.progress).toMatchObject({ judgedByYou: 0, yourMedianMs: null, yourQuota: null });
    expect(await countedState(f)).toEqual(before);
    expect(await tallyMismatches(f.study.id)).toEqual(NO_MISMATCHES);

    // The same Assignment row, under the new id: same pair and sides, unvoted, leased anew; the pair
    // served after the vote is released; /next shows the undone pair.
    const back = await db.assignment.findUniqueOrThrow({ where: { id: undo.pair.assignmentId } });
    expect(back).toMatchObject({ pairId, leftIsA, raterId: f.rater.id, completedAt: null, flaggedAt: null });
    expect(back.expiresAt.getTime() - back.servedAt.getTime()).toBe(900_000);
    expect(await db.assignment.findUnique({ where: { id: first.assignmentId } })).toBeNull();
    expect(await db.assignment.findUnique({ where: { id: second.assignmentId } })).toBeNull();
    expect(await db.assignment.count({ where: { studyId: f.study.id, raterId: f.rater.id } })).toBe(1);
    expect(served(await nextAssignment(f.study.id, f.rater.id)).assignmentId).toBe(undo.pair.assignmentId);

    // A retry of the undone vote records nothing.
    const retry = { assignmentId: first.assignmentId, choice: vote.choice };
    expect(await recordVote(f.study.id, f.rater.id, retry)).toEqual({
      status: 409, code: "vote_undone", message: "This vote was undone; the pair is back on your screen.",
    });
    expect(await db.vote.count({ where: { studyId: f.study.id, raterId: f.rater.id } })).toBe(0);
    expect(await countedState(f)).toEqual(before);

    expect(await db.undoneVote.findMany({ where: { studyId: f.study.id } })).toEqual([expect.objectContaining({
      pairId, raterId: f.rater.id, assignmentId: first.assignmentId, voteId: vote.id, choice: vote.choice,
      winnerOutputId: vote.winnerOutputId, msTaken: vote.msTaken, votedAt: vote.createdAt,
    })]);
  });

  it("counts the undone vote for the rater in the results and nowhere else, and lets them vote again", async () => {
    const f = await studyWithOtherVotes(1);
    const pair = served(await nextAssignment(f.study.id, f.rater.id));
    await voteForA(f.study.id, f.rater.id, pair);
    const undo = ok<UndoReply>(await undoVote(f.study.id, f.rater.id, pair.assignmentId));
    const again = ok<VoteReply>(await recordVote(f.study.id, f.rater.id, { assignmentId: undo.pair.assignmentId, choice: "TIE" }));
    expect(again.vote).toMatchObject({ assignmentId: undo.pair.assignmentId, choice: "TIE" });
    const results = (await getStudyResults(f.study.id))!;
    const pseudonym = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).pseudonym;
    const raters = new Map(results.raters.map((r) => [r.pseudonym, r]));
    expect(raters.get(await pseudonym(f.rater.id))).toMatchObject({ votes: 1, ties: 1, undone: 1 });
    expect(raters.get(await pseudonym(f.others[0]!.id))).toMatchObject({ votes: 1, undone: 0 });
    expect(results.totals.votes).toBe(3);
    expect(await tallyMismatches(f.study.id)).toEqual(NO_MISMATCHES);
  });

  it("answers a repeated undo like the first while the pair is still on the rater's screen", async () => {
    const f = await studyWithOtherVotes(1);
    const pair = served(await nextAssignment(f.study.id, f.rater.id));
    await voteForA(f.study.id, f.rater.id, pair);
    const first = ok<UndoReply>(await undoVote(f.study.id, f.rater.id, pair.assignmentId));
    expect(await undoVote(f.study.id, f.rater.id, pair.assignmentId)).toEqual(first);
    expect(await db.undoneVote.count({ where: { studyId: f.study.id } })).toBe(1);
    await recordVote(f.study.id, f.rater.id, { assignmentId: first.pair.assignmentId, choice: "TIE" });
    expect(await undoVote(f.study.id, f.rater.id, pair.assignmentId)).toMatchObject({ status: 409, code: "already_undone" });
  });

  it("stores no seen-both time when the vote does not give one", async () => {
    const f = await studyWithOtherVotes(1);
    const pair = served(await nextAssignment(f.study.id, f.rater.id));
    await voteForA(f.study.id, f.rater.id, pair);
    expect((await db.vote.findUniqueOrThrow({ where: { assignmentId: pair.assignmentId } })).seenBothMs).toBeNull();
  });
});

describe("undoVote refusals", () => {
  async function votedFixture(options: Options = {}, pairCount = 2) {
    const f = await makeOpenStudy(pairCount, { votesPerPair: 2, ...options });
    const [rater] = await makeRaters(f.study.id, 1);
    const pair = served(await nextAssignment(f.study.id, rater!.id));
    await voteForA(f.study.id, rater!.id, pair);
    return { ...f, rater: rater!, pair };
  }

  async function expectUnchanged(f: Awaited<ReturnType<typeof votedFixture>>, votes: number) {
    expect(await db.vote.count({ where: { studyId: f.study.id } })).toBe(votes);
    expect(await db.undoneVote.count({ where: { studyId: f.study.id } })).toBe(0);
    expect(await tallyMismatches(f.study.id)).toMatchObject({ pairs: [], members: [] });
  }

  it("refuses after the window, by the database's clock", async () => {
    const f = await votedFixture({ undoSeconds: 10 });
    await ageVote(f.pair.assignmentId, 11);
    expect(await undoVote(f.study.id, f.rater.id, f.pair.assignmentId)).toEqual({
      status: 409, code: "undo_expired", message: "Too late to undo: votes can be undone for 10 seconds.",
    });
    await expectUnchanged(f, 1);
  });

  it("undoes only the rater's last vote", async () => {
    const f = await votedFixture();
    const next = served(await nextAssignment(f.study.id, f.rater.id));
    await voteForA(f.study.id, f.rater.id, next);
    expect(await undoVote(f.study.id, f.rater.id, f.pair.assignmentId)).toMatchObject({ status: 409, code: "undo_not_last" });
    await expectUnchanged(f, 2);
    ok<UndoReply>(await undoVote(f.study.id, f.rater.id, next.assignmentId));
  });

  it("refuses once the completion code was shown", async () => {
    const f = await votedFixture({ completionCode: "DONE-1" }, 1);
    expect(await nextAssignment(f.study.id, f.rater.id)).toMatchObject({ done: true, completion: { code: "DONE-1" } });
    expect(await undoVote(f.study.id, f.rater.id, f.pair.assignmentId)).toMatchObject({ status: 409, code: "undo_after_completion" });
    await expectUnchanged(f, 1);
  });

  it("refuses in a study without undo, and in one that reveals the models after the vote", async () => {
    const off = await votedFixture({ undoSeconds: 0 });
    expect(await undoVote(off.study.id, off.rater.id, off.pair.assignmentId)).toMatchObject({ status: 409, code: "undo_off" });
    expect(off.pair.options.undoSeconds).toBe(0);
    await expectUnchanged(off, 1);

    const reveal = await makeOpenStudy(1, { revealAfterVote: true, undoSeconds: 30 });
    const [rater] = await makeRaters(reveal.study.id, 1);
    const pair = served(await nextAssignment(reveal.study.id, rater!.id));
    expect(pair.options.undoSeconds).toBe(0);
    const reply = await voteForA(reveal.study.id, rater!.id, pair);
    expect(reply).toHaveProperty("reveal");
    expect(reply).not.toHaveProperty("undoUntil");
    expect(await undoVote(reveal.study.id, rater!.id, pair.assignmentId)).toMatchObject({ status: 409, code: "undo_off" });
  });

  it("answers unknown and foreign assignments like other rater routes, and an unvoted pair or a closed study with 409", async () => {
    const f = await votedFixture();
    const [other] = await makeRaters(f.study.id, 1);
    const stranger = await votedFixture();
    expect(await undoVote(f.study.id, f.rater.id, "no-such-assignment")).toMatchObject({ status: 404, code: "assignment_not_found" });
    expect(await undoVote(f.study.id, other!.id, f.pair.assignmentId)).toMatchObject({ status: 404, code: "assignment_not_found" });
    expect(await undoVote(f.study.id, stranger.rater.id, f.pair.assignmentId)).toMatchObject({ status: 404, code: "study_not_found" });
    expect(await undoVote(stranger.study.id, f.rater.id, f.pair.assignmentId)).toMatchObject({ status: 404, code: "study_not_found" });
    const held = served(await nextAssignment(f.study.id, f.rater.id));
    expect(await undoVote(f.study.id, f.rater.id, held.assignmentId)).toMatchObject({ status: 409, code: "undo_no_vote" });
    await db.study.update({ where: { id: f.study.id }, data: { status: "CLOSED", closedAt: new Date() } });
    expect(await undoVote(f.study.id, f.rater.id, f.pair.assignmentId)).toMatchObject({ status: 409, code: "study_closed" });
    await expectUnchanged(f, 1);
  });
});

/** A connection of its own, in a transaction left open: it holds its locks until told to commit. */
async function openTransaction(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  return client;
}

describe("undoVote racing votes", () => {
  it("leaves every tally equal to a recount when an undo races other raters' votes on the same pair", async () => {
    for (let round = 0; round < 20; round++) {
      const f = await makeOpenStudy(1, { votesPerPair: 4 });
      const [undoer, early, ...racers] = await makeRaters(f.study.id, 4);
      await castVote(f.study.id, { pair: f.pairs[0]!, raterId: early!.id, outcome: round % 2 ? "A" : "B", leftIsA: true });
      const mine = served(await nextAssignment(f.study.id, undoer!.id));
      const theirs = await Promise.all(racers.map(async (r) => served(await nextAssignment(f.study.id, r!.id))));
      await voteForA(f.study.id, undoer!.id, mine);
      const [undo, ...votes] = await Promise.all([
        undoVote(f.study.id, undoer!.id, mine.assignmentId),
        ...theirs.map((pair, i) => recordVote(f.study.id, racers[i]!.id, { assignmentId: pair.assignmentId, choice: i ? "RIGHT" : "LEFT" })),
      ]);
      expect(isRaterError(undo), JSON.stringify(undo)).toBe(false);
      for (const vote of votes) expect(isRaterError(vote), JSON.stringify(vote)).toBe(false);
      expect(await tallyMismatches(f.study.id)).toEqual(NO_MISMATCHES);
      expect(await db.pair.findUniqueOrThrow({ where: { id: f.pairs[0]!.id } })).toMatchObject({ voteCount: 3 });
    }
  });

  it("never deadlocks with the rater's own vote on the pair served after the undone one", async () => {
    for (let round = 0; round < 20; round++) {
      const f = await makeOpenStudy(3, { votesPerPair: 1 });
      const [rater] = await makeRaters(f.study.id, 1);
      const first = served(await nextAssignment(f.study.id, rater!.id));
      await voteForA(f.study.id, rater!.id, first);
      const second = served(await nextAssignment(f.study.id, rater!.id));
      const [undo, vote] = await Promise.all([
        undoVote(f.study.id, rater!.id, first.assignmentId),
        recordVote(f.study.id, rater!.id, { assignmentId: second.assignmentId, choice: "TIE" }),
      ]);
      // Either order is fine: the vote first makes the undone one not the last; the undo first releases
      // the second pair (the vote then finds no such pair) unless the vote already held it.
      const undoCode = isRaterError(undo) ? undo.code : "undone";
      const voteCode = isRaterError(vote) ? vote.code : "voted";
      expect([["undo_not_last", "voted"], ["undone", "assignment_not_found"], ["undone", "voted"]]).toContainEqual([undoCode, voteCode]);
      expect(await tallyMismatches(f.study.id)).toEqual(NO_MISMATCHES);
    }
  });

  it("does not wait for the rater's vote in flight on the next pair, which keeps that pair", async () => {
    const f = await makeOpenStudy(3, { votesPerPair: 1 });
    const [rater] = await makeRaters(f.study.id, 1);
    const first = served(await nextAssignment(f.study.id, rater!.id));
    await voteForA(f.study.id, rater!.id, first);
    const second = served(await nextAssignment(f.study.id, rater!.id));
    // The vote statement's claim of the second lease, left open: it holds that row's lock, and its
    // trigger would then wait for the rater's membership row, which the undo holds.
    const vote = await openTransaction();
    await vote.query(`UPDATE "Assignment" SET "completedAt" = now() AT TIME ZONE 'UTC' WHERE id = $1`, [second.assignmentId]);
    const undo = ok<UndoReply>(await undoVote(f.study.id, rater!.id, first.assignmentId));
    const { pairId } = await assignmentOf(second.assignmentId);
    await vote.query(
      `INSERT INTO "Vote" (id, "assignmentId", "studyId", "pairId", "raterId", choice, "msTaken") VALUES ($1, $2, $3, $4, $5, 'TIE', 5000)`,
      [`vote-${second.assignmentId}`, second.assignmentId, f.study.id, pairId, rater!.id]);
    await vote.query("COMMIT");
    await vote.end();
    expect(await db.vote.count({ where: { studyId: f.study.id, raterId: rater!.id } })).toBe(1);
    expect(served(await nextAssignment(f.study.id, rater!.id)).assignmentId).toBe(undo.pair.assignmentId);
    expect(await tallyMismatches(f.study.id)).toEqual(NO_MISMATCHES);
  });
});
