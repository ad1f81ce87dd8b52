// The screen-out code against a real PostgreSQL: given instead of the completion code when the pairs
// run out for a rater short of the study's minimum, never to one who flagged away all they got.
import { describe, expect, it } from "vitest";
import { isRaterError } from "@/lib/rater-api/rater-error";
import { flagAssignment, nextAssignment } from "@/lib/data/assignments";
import { recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import type { AllJudged, ServedPair } from "@/lib/rating/types";
import { makeOpenStudy, makeRaters } from "./factories-voting";

const CODES = { completionCode: "DONE-1", completionUrl: "https://example.com/done", screenOutCode: "SCREEN-9", screenOutUrl: "https://example.com/screened" };
const SCREEN_OUT = { code: "SCREEN-9", url: "https://example.com/screened" };

function served(result: Awaited<ReturnType<typeof nextAssignment>>): ServedPair {
  if (isRaterError(result) || !("assignmentId" in result)) throw new Error(`expected a pair, got ${JSON.stringify(result)}`);
  return result;
}

function done(result: Awaited<ReturnType<typeof nextAssignment>>): AllJudged {
  if (isRaterError(result) || !("done" in result) || !result.done) throw new Error(`expected done, got ${JSON.stringify(result)}`);
  return result;
}

async function vote(studyId: string, raterId: string) {
  const pair = served(await nextAssignment(studyId, raterId));
  expect(isRaterError(await recordVote(studyId, raterId, { assignmentId: pair.assignmentId, choice: "TIE" }))).toBe(false);
}

const shownAt = (studyId: string, userId: string) =>
  db.studyMember.findUniqueOrThrow({ where: { studyId_userId: { studyId, userId } } }).then((m) => m.completionShownAt);

describe("the screen-out code", () => {
  it("goes to a rater the pairs ran out for before the minimum, not the completion code", async () => {
    const f = await makeOpenStudy(2, { votesPerPair: 1, minVotesForCompletion: 3, ...CODES });
    const [rater] = await makeRaters(f.study.id, 1);
    await vote(f.study.id, rater!.id);
    await vote(f.study.id, rater!.id);
    const end = done(await nextAssignment(f.study.id, rater!.id));
    expect(end).toMatchObject({ screenOut: SCREEN_OUT, shortOfVotes: 1 });
    expect(end).not.toHaveProperty("completion");
    // Not the completion: undo stays possible, and no completion is recorded as shown.
    expect(await shownAt(f.study.id, rater!.id)).toBeNull();
  });

  it("goes to a rater who arrives when the study is full (no votes, no flags)", async () => {
    const f = await makeOpenStudy(1, { votesPerPair: 1, ...CODES });
    const [first, late] = await makeRaters(f.study.id, 2);
    await vote(f.study.id, first!.id);
    expect(done(await nextAssignment(f.study.id, first!.id))).toMatchObject({ completion: { code: "DONE-1" } });
    const end = done(await nextAssignment(f.study.id, late!.id));
    expect(end).toMatchObject({ screenOut: SCREEN_OUT });
    expect(end).not.toHaveProperty("completion");
  });

  it("is not given to a rater who flagged every pair they got, nor is the completion code", async () => {
    const f = await makeOpenStudy(2, { votesPerPair: 1, ...CODES });
    const [rater] = await makeRaters(f.study.id, 1);
    for (let i = 0; i < 2; i++) {
      const pair = served(await nextAssignment(f.study.id, rater!.id));
      expect(await flagAssignment(f.study.id, rater!.id, pair.assignmentId, "broken")).toBeNull();
    }
    const end = done(await nextAssignment(f.study.id, rater!.id));
    expect(end).toMatchObject({ shortOfVotes: 1 });
    expect(end).not.toHaveProperty("screenOut");
    expect(end).not.toHaveProperty("completion");
  });

  it("is not given to a rater who reached the minimum or their quota: they get the completion code", async () => {
    const f = await makeOpenStudy(4, { votesPerPair: 1, maxVotesPerRater: 2, minVotesForCompletion: 2, ...CODES });
    const [rater] = await makeRaters(f.study.id, 1);
    await vote(f.study.id, rater!.id);
    await vote(f.study.id, rater!.id);
    const end = done(await nextAssignment(f.study.id, rater!.id));
    expect(end).toMatchObject({ completion: { code: "DONE-1", url: "https://example.com/done" } });
    expect(end).not.toHaveProperty("screenOut");
  });

  it("is absent when the study has none (the existing short-of-votes answer)", async () => {
    const f = await makeOpenStudy(1, { votesPerPair: 1, minVotesForCompletion: 2, completionCode: "DONE-1" });
    const [rater] = await makeRaters(f.study.id, 1);
    await vote(f.study.id, rater!.id);
    const end = done(await nextAssignment(f.study.id, rater!.id));
    expect(end).toMatchObject({ shortOfVotes: 1 });
    expect(end).not.toHaveProperty("screenOut");
  });
});
