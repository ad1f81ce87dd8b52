// Adaptive votes (issue 22) through the rating flow: scripted raters take leases (nextAssignment) and
// vote (recordVote); a pair whose majority over votesPerPair is settled is never served again, undo and
// withdrawal reopen it, a study that stopped serves nothing. The rule itself: tests/rule-twins.int.test.ts.
import { describe, expect, it } from "vitest";
import { nextAssignment } from "@/lib/data/assignments";
import { createStudy } from "@/lib/data/study-admin";
import { raterProgress } from "@/lib/data/study-access";
import { getStudyForAdmin } from "@/lib/data/study-detail";
import { undoVote } from "@/lib/data/undo";
import { recordVote } from "@/lib/data/votes";
import { withdrawFromStudy } from "@/lib/data/withdrawal";
import { db } from "@/lib/db";
import { isRaterError } from "@/lib/rater-api/rater-error";
import { createStudySchema } from "@/lib/validation/study";
import type { ServedPair } from "@/lib/rating/types";
import { makeUser, unique } from "./factories";
import { castVote, makeModels, makeOutput, makePrompt } from "./factories-results";
import { expireAssignment, makeOpenStudy, makeRaters } from "./factories-voting";

type Outcome = "A" | "B" | "T";

function served(result: Awaited<ReturnType<typeof nextAssignment>>): ServedPair {
  if (isRaterError(result) || !("assignmentId" in result)) throw new Error(`expected a pair, got ${JSON.stringify(result)}`);
  return result;
}

function pairOf(assignmentId: string) {
  return db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { pairId: true, leftIsA: true } });
}

/** The rater votes for A, B or a tie, in the pair's A/B terms, pressing the side A or B was shown on. */
async function vote(studyId: string, raterId: string, assignmentId: string, outcome: Outcome) {
  const { leftIsA } = await pairOf(assignmentId);
  const choice = outcome === "T" ? "TIE" : (outcome === "A") === leftIsA ? "LEFT" : "RIGHT";
  const reply = await recordVote(studyId, raterId, { assignmentId, choice });
  if (isRaterError(reply)) throw new Error(`vote refused: ${JSON.stringify(reply)}`);
  return reply;
}

/** A lease for the rater and their vote on it. */
async function rate(studyId: string, raterId: string, outcome: Outcome) {
  const pair = served(await nextAssignment(studyId, raterId));
  await vote(studyId, raterId, pair.assignmentId, outcome);
  return pair;
}

const pairRow = (id: string) => db.pair.findUniqueOrThrow({ where: { id }, select: { voteCount: true, decided: true } });

describe("adaptive votes: a pair stops at a settled majority", () => {
  it("closes a pair on two agreeing votes of three, never serves it again and never over-assigns it", async () => {
    const f = await makeOpenStudy(1, { adaptiveVotes: true, votesPerPair: 3 });
    const [r1, r2, r3, r4] = await makeRaters(f.study.id, 4);
    const pair = f.pairs[0]!;
    // Three leases in flight: the pair's three planned votes. A fourth rater waits.
    const leases = [];
    for (const r of [r1!, r2!, r3!]) leases.push(served(await nextAssignment(f.study.id, r.id)));
    expect(await nextAssignment(f.study.id, r4!.id)).toMatchObject({ done: false, waiting: true });

    await vote(f.study.id, r1!.id, leases[0]!.assignmentId, "A");
    expect(await pairRow(pair.id)).toEqual({ voteCount: 1, decided: false });
    await vote(f.study.id, r2!.id, leases[1]!.assignmentId, "A");
    expect(await pairRow(pair.id)).toEqual({ voteCount: 2, decided: true });

    // The third rater's lease was given before the pair closed: it is still theirs.
    expect(served(await nextAssignment(f.study.id, r3!.id)).assignmentId).toBe(leases[2]!.assignmentId);
    // Once it expires the pair has room by its vote count, but it is decided: nobody gets it.
    await expireAssignment(leases[2]!.assignmentId);
    for (const r of [r3!, r4!]) expect(await nextAssignment(f.study.id, r.id)).toMatchObject({ done: true });
    expect(await db.assignment.count({ where: { pairId: pair.id } })).toBe(3);
    // Progress promises no vote the decided pair will never get: 2 wanted, 2 cast.
    expect(await raterProgress(f.study.id, r4!.id)).toMatchObject({ studyVotes: 2, studyVotesWanted: 2, leftForYou: 0 });
  });

  it("accepts the vote of a lease given before the pair closed, up to the planned votes", async () => {
    const f = await makeOpenStudy(1, { adaptiveVotes: true, votesPerPair: 3 });
    const raters = await makeRaters(f.study.id, 3);
    const leases = [];
    for (const r of raters) leases.push(served(await nextAssignment(f.study.id, r.id)));
    for (const [i, r] of raters.entries()) await vote(f.study.id, r.id, leases[i]!.assignmentId, i === 2 ? "B" : "A");
    // Full at three votes: out of the lease by its count, no longer "decided" (its majority is A either way).
    expect(await pairRow(f.pairs[0]!.id)).toEqual({ voteCount: 3, decided: false });
  });

  it("gives a split pair its third vote", async () => {
    const f = await makeOpenStudy(1, { adaptiveVotes: true, votesPerPair: 3 });
    const [r1, r2, r3, r4] = await makeRaters(f.study.id, 4);
    const pair = f.pairs[0]!;
    await rate(f.study.id, r1!.id, "A");
    await rate(f.study.id, r2!.id, "B");
    expect(await pairRow(pair.id)).toEqual({ voteCount: 2, decided: false });
    const third = served(await nextAssignment(f.study.id, r3!.id));
    expect((await pairOf(third.assignmentId)).pairId).toBe(pair.id);
    expect(third.progress).toMatchObject({ studyVotes: 2, studyVotesWanted: 3, leftForYou: 1 });
    await vote(f.study.id, r3!.id, third.assignmentId, "T");
    expect(await pairRow(pair.id)).toEqual({ voteCount: 3, decided: false });
    expect(await nextAssignment(f.study.id, r4!.id)).toMatchObject({ done: true });
  });

  it("reopens a pair when the vote that closed it is undone, or its rater withdraws", async () => {
    const f = await makeOpenStudy(1, { adaptiveVotes: true, votesPerPair: 3 });
    const [r1, r2, r3, r4] = await makeRaters(f.study.id, 4);
    const pair = f.pairs[0]!;
    await rate(f.study.id, r1!.id, "B");
    const second = await rate(f.study.id, r2!.id, "B");
    expect(await pairRow(pair.id)).toEqual({ voteCount: 2, decided: true });
    expect(await nextAssignment(f.study.id, r3!.id)).toMatchObject({ done: true });

    const undo = await undoVote(f.study.id, r2!.id, second.assignmentId);
    expect(undo).toHaveProperty("undone");
    expect(await pairRow(pair.id)).toEqual({ voteCount: 1, decided: false });
    // One vote and r2's lease given back: room for one more rater.
    const third = served(await nextAssignment(f.study.id, r3!.id));
    expect((await pairOf(third.assignmentId)).pairId).toBe(pair.id);

    // r2 votes again with r1, closing it once more; r3's lease is still theirs, r4 gets nothing.
    const again = served(await nextAssignment(f.study.id, r2!.id));
    await vote(f.study.id, r2!.id, again.assignmentId, "B");
    expect(await pairRow(pair.id)).toEqual({ voteCount: 2, decided: true });
    expect(await nextAssignment(f.study.id, r4!.id)).toMatchObject({ done: true });

    // r1 withdraws: their vote goes, the pair is open again for r4 once r3's lease expires.
    await expireAssignment(third.assignmentId);
    expect(await withdrawFromStudy(f.study.id, r1!.id)).toMatchObject({ ok: true, votesRemoved: 1 });
    expect(await pairRow(pair.id)).toEqual({ voteCount: 1, decided: false });
    expect((await pairOf(served(await nextAssignment(f.study.id, r4!.id)).assignmentId)).pairId).toBe(pair.id);
  });

  it("leaves a study without adaptive votes as it was: two agreeing votes of three do not close a pair", async () => {
    const f = await makeOpenStudy(1, { votesPerPair: 3 });
    const [r1, r2, r3] = await makeRaters(f.study.id, 3);
    await rate(f.study.id, r1!.id, "A");
    await rate(f.study.id, r2!.id, "A");
    expect(await pairRow(f.pairs[0]!.id)).toEqual({ voteCount: 2, decided: false });
    const third = served(await nextAssignment(f.study.id, r3!.id));
    expect(third.progress).toMatchObject({ studyVotes: 2, studyVotesWanted: 3, leftForYou: 1 });
    expect(await getStudyForAdmin(f.study.id)).toMatchObject({ votes: 2, votesWanted: 3, pairsComplete: 0 });
  });

  it("serves an open pair before a decided one with fewer votes, and counts the decided one out of the progress and the admin's counts", async () => {
    const f = await makeOpenStudy(2, { adaptiveVotes: true, votesPerPair: 5 });
    const raters = await makeRaters(f.study.id, 5);
    const [closed, open] = f.pairs;
    // Three of five for A settle it; A, B, tie, A do not (a last B would make it a tie).
    for (const [i, outcome] of (["A", "A", "A"] as const).entries()) await castVote(f.study.id, { pair: closed!, raterId: raters[i]!.id, outcome, leftIsA: true });
    for (const [i, outcome] of (["A", "B", "T", "A"] as const).entries()) await castVote(f.study.id, { pair: open!, raterId: raters[i]!.id, outcome, leftIsA: false });
    expect([await pairRow(closed!.id), await pairRow(open!.id)]).toEqual([{ voteCount: 3, decided: true }, { voteCount: 4, decided: false }]);
    // Votes 7; wanted the closed pair's 3 and the open pair's 5; the last rater can judge only the open pair.
    const next = served(await nextAssignment(f.study.id, raters[4]!.id));
    expect((await pairOf(next.assignmentId)).pairId).toBe(open!.id);
    expect(next.progress).toMatchObject({ studyVotes: 7, studyVotesWanted: 8, leftForYou: 1 });
    // The admin's study page counts it the same way: one pair complete, 8 votes wanted.
    expect(await getStudyForAdmin(f.study.id)).toMatchObject({ votes: 7, votesWanted: 8, pairsComplete: 1 });
  });

  it("counts a decided pair as full in the note that no open pair has room (Study.pairsFullUntil)", async () => {
    const f = await makeOpenStudy(2, { adaptiveVotes: true, votesPerPair: 3 });
    const raters = await makeRaters(f.study.id, 6);
    const [closed, held] = f.pairs;
    for (const i of [0, 1]) await castVote(f.study.id, { pair: closed!, raterId: raters[i]!.id, outcome: "B", leftIsA: true });
    // The other pair's three places all leased; the closed one has a place by its count, but is decided.
    for (const r of raters.slice(2, 5)) expect((await pairOf(served(await nextAssignment(f.study.id, r.id)).assignmentId)).pairId).toBe(held!.id);
    expect(await nextAssignment(f.study.id, raters[5]!.id)).toMatchObject({ done: false, waiting: true });
    const { pairsFullUntil } = await db.study.findUniqueOrThrow({ where: { id: f.study.id }, select: { pairsFullUntil: true } });
    expect(pairsFullUntil).not.toBeNull();
  });

  it("keeps every pair within its planned votes when raters take leases together and vote after", async () => {
    const k = 3;
    const f = await makeOpenStudy(6, { adaptiveVotes: true, votesPerPair: k });
    const raters = await makeRaters(f.study.id, 5);
    const index = new Map(f.pairs.map((p, i) => [p.id, i]));
    const done = new Set<string>();
    // Even pairs: every vote for A (closed after two); odd pairs: A, then B, then a tie (all three needed).
    for (let round = 0; round < 12 && done.size < raters.length; round++) {
      const held: { raterId: string; assignmentId: string }[] = [];
      for (const r of raters.filter((r) => !done.has(r.id))) {
        const next = await nextAssignment(f.study.id, r.id);
        if ("done" in next && next.done) done.add(r.id);
        else if ("assignmentId" in next) held.push({ raterId: r.id, assignmentId: next.assignmentId });
      }
      for (const { raterId, assignmentId } of held) {
        const { pairId } = await pairOf(assignmentId);
        const { voteCount } = await pairRow(pairId);
        await vote(f.study.id, raterId, assignmentId, index.get(pairId)! % 2 === 0 ? "A" : (["A", "B", "T"] as const)[voteCount]!);
      }
    }
    expect(done.size).toBe(raters.length);
    const pairs = await db.pair.findMany({ where: { studyId: f.study.id }, select: { id: true, voteCount: true, winsA: true, _count: { select: { assignments: true } } } });
    for (const p of pairs) {
      // Every lease was voted on: no pair was given more raters than its planned votes.
      expect(p._count.assignments).toBe(p.voteCount);
      if (index.get(p.id)! % 2 === 0) {
        expect(p.voteCount).toBeGreaterThanOrEqual(2);
        expect(p.voteCount).toBeLessThanOrEqual(k);
        expect(p.winsA).toBe(p.voteCount);
      } else {
        expect(p.voteCount).toBe(k);
      }
    }
  });
});

describe("a study that stopped early (Study.stoppedAt)", () => {
  it("serves no new pair: the rater is done, with the completion or screen-out as when the pairs run out", async () => {
    const f = await makeOpenStudy(4, {
      adaptiveVotes: true, votesPerPair: 3, completionCode: "DONE-22", screenOutCode: "OUT-22", minVotesForCompletion: 1,
    });
    const [voter, newcomer, holder] = await makeRaters(f.study.id, 3);
    await rate(f.study.id, voter!.id, "A");
    const held = served(await nextAssignment(f.study.id, holder!.id));
    await db.study.update({ where: { id: f.study.id }, data: { stoppedAt: new Date(), stopReason: "BUDGET" } });

    expect(await nextAssignment(f.study.id, voter!.id)).toMatchObject({ done: true, completion: { code: "DONE-22", url: null } });
    const screened = await nextAssignment(f.study.id, newcomer!.id);
    expect(screened).toMatchObject({ done: true, screenOut: { code: "OUT-22", url: null }, shortOfVotes: 1 });
    expect(screened).not.toHaveProperty("completion");
    expect(await db.assignment.count({ where: { raterId: { in: [voter!.id, newcomer!.id] }, completedAt: null } })).toBe(0);
    // A lease given before the stop is still the holder's (as under a rater's quota), and nothing after it.
    expect(served(await nextAssignment(f.study.id, holder!.id)).assignmentId).toBe(held.assignmentId);
    await vote(f.study.id, holder!.id, held.assignmentId, "B");
    expect(await nextAssignment(f.study.id, holder!.id)).toMatchObject({ done: true, completion: { code: "DONE-22" } });
  });
});

describe("the study setting", () => {
  it("is stored as the new-study form sends it, and the database keeps its bounds", async () => {
    const admin = await makeUser("ADMIN");
    const [a, b] = await makeModels("adaptive-a", "adaptive-b");
    for (let i = 0; i < 2; i++) {
      const prompt = await makePrompt();
      await makeOutput(prompt.id, a!.id, `answer a ${i}`);
      await makeOutput(prompt.id, b!.id, `answer b ${i}`);
    }
    const form = { name: unique("adaptive"), modelIds: [a!.id, b!.id], votesPerPair: "3" };
    const on = await createStudy(createStudySchema.parse({ ...form, adaptiveVotes: "on", stopLevel: "0.05", voteBudget: "40" }), admin.id);
    const off = await createStudy(createStudySchema.parse({ ...form, name: unique("fixed"), stopLevel: "", voteBudget: "" }), admin.id);
    if (!on.ok || !off.ok) throw new Error("study not created");
    const settings = (id: string) => db.study.findUniqueOrThrow({
      where: { id }, select: { adaptiveVotes: true, stopLevel: true, voteBudget: true, stoppedAt: true, stopReason: true },
    });
    expect(await settings(on.studyId)).toEqual({ adaptiveVotes: true, stopLevel: 0.05, voteBudget: 40, stoppedAt: null, stopReason: null });
    expect(await settings(off.studyId)).toEqual({ adaptiveVotes: false, stopLevel: null, voteBudget: null, stoppedAt: null, stopReason: null });
    await expect(db.study.update({ where: { id: on.studyId }, data: { stopLevel: 0.5 } })).rejects.toThrow(/Study_stopLevel_check/);
  });
});
