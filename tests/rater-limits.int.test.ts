// A rater's own limits and progress against a real PostgreSQL: the per-rater cap, the real votes a
// completion code needs (flags do not count), when the code was first shown, and the progress fields.
import { describe, expect, it } from "vitest";
import { isRaterError } from "@/lib/rater-api/rater-error";
import { flagAssignment, nextAssignment } from "@/lib/data/assignments";
import { raterProgress } from "@/lib/data/study-access";
import { recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import type { AllJudged, ServedPair } from "@/lib/rating/types";
import { makeOpenStudy, makeRaters } from "./factories-voting";

function served(result: Awaited<ReturnType<typeof nextAssignment>>): ServedPair {
  if (isRaterError(result) || !("assignmentId" in result)) throw new Error(`expected a pair, got ${JSON.stringify(result)}`);
  return result;
}

function done(result: Awaited<ReturnType<typeof nextAssignment>>): AllJudged {
  if (isRaterError(result) || !("done" in result) || !result.done) throw new Error(`expected done, got ${JSON.stringify(result)}`);
  return result;
}

/** Serves the rater's next pair and votes on it after `seconds` on screen (server-measured). */
async function voteAfter(studyId: string, raterId: string, seconds = 0): Promise<ServedPair> {
  const pair = served(await nextAssignment(studyId, raterId));
  if (seconds) await db.assignment.update({ where: { id: pair.assignmentId }, data: { servedAt: new Date(Date.now() - seconds * 1000) } });
  expect(isRaterError(await recordVote(studyId, raterId, { assignmentId: pair.assignmentId, choice: "TIE" }))).toBe(false);
  return pair;
}

const shownAt = (studyId: string, userId: string) =>
  db.studyMember.findUniqueOrThrow({ where: { studyId_userId: { studyId, userId } } }).then((m) => m.completionShownAt);

describe("the per-rater cap", () => {
  it("makes a rater done at their quota, with the completion, while others go on", async () => {
    const f = await makeOpenStudy(5, { maxVotesPerRater: 2, completionCode: "CAP-2" });
    const [rater, other] = await makeRaters(f.study.id, 2);
    const first = await voteAfter(f.study.id, rater!.id);
    expect(first.progress).toMatchObject({ judgedByYou: 0, yourQuota: 2, leftForYou: 2 });
    const second = await voteAfter(f.study.id, rater!.id);
    expect(second.progress).toMatchObject({ judgedByYou: 1, yourQuota: 2, leftForYou: 1 });
    const end = done(await nextAssignment(f.study.id, rater!.id));
    expect(end).toMatchObject({ completion: { code: "CAP-2", url: null }, progress: { judgedByYou: 2, yourQuota: 2, leftForYou: 0 } });
    expect(end).not.toHaveProperty("shortOfVotes");
    expect(await db.assignment.count({ where: { studyId: f.study.id, raterId: rater!.id } })).toBe(2);
    served(await nextAssignment(f.study.id, other!.id));
  });
});

describe("the completion code", () => {
  it("is withheld from a rater whose flags used up the pairs before they cast enough real votes", async () => {
    const f = await makeOpenStudy(3, { minVotesForCompletion: 2, completionCode: "MIN-2", completionUrl: "https://example.com/done" });
    const [rater] = await makeRaters(f.study.id, 1);
    await voteAfter(f.study.id, rater!.id);
    for (let i = 0; i < 2; i++) {
      const pair = served(await nextAssignment(f.study.id, rater!.id));
      expect(await flagAssignment(f.study.id, rater!.id, pair.assignmentId, "unreadable")).toBeNull();
    }
    const end = done(await nextAssignment(f.study.id, rater!.id));
    expect(end).toEqual({ done: true, shortOfVotes: 1, progress: expect.objectContaining({ judgedByYou: 1, leftForYou: 0 }) });
    expect(await shownAt(f.study.id, rater!.id)).toBeNull();
  });

  it("is given once the minimum is met, and its first showing is recorded once", async () => {
    const f = await makeOpenStudy(2, { minVotesForCompletion: 2, completionCode: "MIN-OK" });
    const [rater, late] = await makeRaters(f.study.id, 2);
    await voteAfter(f.study.id, rater!.id);
    expect(await shownAt(f.study.id, rater!.id)).toBeNull();
    await voteAfter(f.study.id, rater!.id);
    expect(done(await nextAssignment(f.study.id, rater!.id)).completion).toEqual({ code: "MIN-OK", url: null });
    const first = await shownAt(f.study.id, rater!.id);
    expect(first).toBeInstanceOf(Date);
    expect(done(await nextAssignment(f.study.id, rater!.id)).completion).toEqual({ code: "MIN-OK", url: null });
    expect(await shownAt(f.study.id, rater!.id)).toEqual(first);
    // A rater who arrives when no pair is left for them has cast no vote: no code.
    await db.study.update({ where: { id: f.study.id }, data: { votesPerPair: 1 } });
    expect(done(await nextAssignment(f.study.id, late!.id))).toMatchObject({ shortOfVotes: 2 });
    expect(await shownAt(f.study.id, late!.id)).toBeNull();
  });

  it("leaves shortOfVotes out in a study with no completion to withhold", async () => {
    const f = await makeOpenStudy(1, { minVotesForCompletion: 3 });
    const [rater] = await makeRaters(f.study.id, 1);
    await voteAfter(f.study.id, rater!.id);
    expect(done(await nextAssignment(f.study.id, rater!.id))).toEqual({ done: true, progress: expect.any(Object) });
    expect(await shownAt(f.study.id, rater!.id)).toBeNull();
  });
});

describe("a rater's progress", () => {
  it("gives their quota, the pairs left for them and their median time, on /next and on the page", async () => {
    // 4 pairs × 2 votes; no cap: what is left for the rater is bounded by the pairs they have not judged.
    const f = await makeOpenStudy(4, { votesPerPair: 2 });
    const [rater, other] = await makeRaters(f.study.id, 2);
    const seconds = [10, 40, 20];
    for (const [i, s] of seconds.entries()) {
      const pair = await voteAfter(f.study.id, rater!.id, s);
      expect(pair.progress).toMatchObject({ judgedByYou: i, yourQuota: null, leftForYou: 4 - i });
    }
    const ms = (await db.vote.findMany({ where: { raterId: rater!.id }, orderBy: { createdAt: "asc" }, select: { msTaken: true } })).map((v) => v.msTaken);
    expect(ms.map((m) => Math.round(m / 1000))).toEqual(seconds);
    const sorted = [...ms].sort((a, b) => a - b);
    const last = served(await nextAssignment(f.study.id, rater!.id));
    expect(last.progress).toEqual({
      judgedByYou: 3, studyVotes: 3, studyVotesWanted: 8, yourQuota: null, leftForYou: 1, yourMedianMs: sorted[1],
    });
    expect(await raterProgress(f.study.id, rater!.id)).toEqual(last.progress);
    // An even count: the mean of the two middle times.
    const [a, b] = (await db.vote.findMany({ where: { raterId: rater!.id }, orderBy: { msTaken: "asc" }, take: 2 })).map((v) => v.msTaken);
    await db.vote.deleteMany({ where: { raterId: rater!.id, msTaken: sorted[2] } });
    expect((await raterProgress(f.study.id, rater!.id)).yourMedianMs).toBe((a! + b!) / 2);
    // Before their first vote: no median; the other rater may judge every pair.
    expect(await raterProgress(f.study.id, other!.id)).toMatchObject({ judgedByYou: 0, yourMedianMs: null, leftForYou: 4 });
  });

  it("is bounded by what the study still needs, and by the quota", async () => {
    const f = await makeOpenStudy(4, { votesPerPair: 1, maxVotesPerRater: 3 });
    const [busy, rater] = await makeRaters(f.study.id, 2);
    // Busy can cast 3 (the quota), then only 1 vote is left in the whole study.
    for (let i = 0; i < 3; i++) await voteAfter(f.study.id, busy!.id);
    expect(await raterProgress(f.study.id, busy!.id)).toMatchObject({ judgedByYou: 3, yourQuota: 3, leftForYou: 0 });
    const pair = served(await nextAssignment(f.study.id, rater!.id));
    expect(pair.progress).toMatchObject({ studyVotes: 3, studyVotesWanted: 4, yourQuota: 3, leftForYou: 1 });
  });
});
