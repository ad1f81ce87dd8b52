// The intervals a sampling study decides on, kept per process over the closed prompts already read
// (lib/data/comparison-sequences.ts): equal to the full reading (promptMarks, anytimeWinRate) as votes come
// in, after an undo, a pair excluded or readmitted and a gold answer set; and the database's epoch
// (prisma/sql/marks-epoch.sql) moves on exactly those changes, not on a vote.
import { beforeEach, describe, expect, it } from "vitest";
import { nextAssignment } from "@/lib/data/assignments";
import { forgetKeptSequences, keptNextRanks, sampledPairIntervals } from "@/lib/data/comparison-sequences";
import { promptMarks } from "@/lib/data/results/prompt-marks";
import { undoVote } from "@/lib/data/undo";
import { recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import { isRaterError } from "@/lib/rater-api/rater-error";
import type { ServedPair } from "@/lib/rating/types";
import { anytimeWinRate } from "@/lib/stats/anytime-win-rate";
import { makeSamplingStudy } from "./factories-sampling";
import { makeRaters } from "./factories-voting";

const LEVEL = 0.2;

/** Every comparison's interval read from all the study's marks, as the results and the stop read them before. */
async function fullReading(studyId: string, votesPerPair: number) {
  const marks = await promptMarks({ studyId, excludeRaterIds: [], source: "primary" }, { votesPerPair, sampling: true });
  return new Map(marks.map((m) => {
    const cs = anytimeWinRate(m.marks, LEVEL / marks.length, { inclusions: m.inclusions });
    return [`${m.modelAId}|${m.modelBId}`, { interval: cs.interval, decided: cs.decided, read: m.marks.length - cs.waiting }] as const;
  }));
}

async function expectSameAsFull(studyId: string, votesPerPair: number) {
  const kept = await sampledPairIntervals(studyId, votesPerPair, LEVEL);
  const full = await fullReading(studyId, votesPerPair);
  expect(new Map(kept.map((k) => [k.key, { interval: k.interval, decided: k.decided }])))
    .toEqual(new Map([...full].map(([key, f]) => [key, { interval: f.interval, decided: f.decided }])));
  // What it kept ends at each comparison's first open prompt (or after its last): the next reading starts there.
  expect(keptNextRanks(studyId)).toEqual(await firstOpenRanks(studyId, votesPerPair));
  return full;
}

/** Per comparison, the rank of its first counted pair not closed (not opened, or drawn and short of votes), else one past its last. */
async function firstOpenRanks(studyId: string, votesPerPair: number): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ key: string; rank: number }[]>`
    SELECT LEAST("modelAId", "modelBId") || '|' || GREATEST("modelAId", "modelBId") AS key,
      coalesce(min("sampleRank") FILTER (WHERE inclusion IS NULL OR (NOT held AND "voteCount" < ${votesPerPair} AND NOT decided)),
        max("sampleRank") + 1)::int AS rank
    FROM "Pair" WHERE "studyId" = ${studyId} AND NOT excluded AND "goldOutputId" IS NULL GROUP BY 1`;
  return new Map(rows.map((r) => [r.key, r.rank]));
}

const epochOf = async (studyId: string) => (await db.study.findUniqueOrThrow({ where: { id: studyId }, select: { marksEpoch: true } })).marksEpoch;

/** One vote by `raterId` on the pair the lease gives, model A's side winning on even calls; null when nothing is left. */
async function voteOnce(studyId: string, raterId: string, call: number): Promise<ServedPair | null> {
  const result = await nextAssignment(studyId, raterId);
  if (isRaterError(result)) throw new Error(JSON.stringify(result));
  if (!("assignmentId" in result)) return null;
  const reply = await recordVote(studyId, raterId, { assignmentId: result.assignmentId, choice: call % 3 === 2 ? "RIGHT" : "LEFT" });
  if (isRaterError(reply)) throw new Error(JSON.stringify(reply));
  return result;
}

beforeEach(() => forgetKeptSequences());

describe("intervals kept over a sampling study's closed prompts", () => {
  it("equal the full reading as prompts open and close, reading on from where they stopped", async () => {
    const { studyId } = await makeSamplingStudy({ models: 3, prompts: 60, pairsPerPrompt: 2, votesPerPair: 1, stopLevel: LEVEL });
    const raters = await makeRaters(studyId, 3);
    let calls = 0;
    let furthest = 0;
    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < 6; i++) await voteOnce(studyId, raters[calls % 3]!.id, calls++);
      const full = await expectSameAsFull(studyId, 1);
      furthest = Math.max(furthest, ...[...full.values()].map((f) => f.read));
    }
    // The prefix moved well past the first block: later readings started after prompts already read.
    expect(furthest).toBeGreaterThan(10);
    expect(await epochOf(studyId)).toBe(0);
  });

  it("read every prompt again after an undo, an exclusion, a readmission or a gold answer, and still equal the full reading", async () => {
    const { studyId } = await makeSamplingStudy({ models: 3, prompts: 30, pairsPerPrompt: 2, votesPerPair: 1, stopLevel: LEVEL });
    const [rater] = await makeRaters(studyId, 1);
    const served: ServedPair[] = [];
    for (let call = 0; call < 20; call++) {
      const pair = await voteOnce(studyId, rater!.id, call);
      if (pair) served.push(pair);
    }
    await expectSameAsFull(studyId, 1);
    expect(await epochOf(studyId)).toBe(0);

    // An undo reopens the last pair voted: the epoch moves, and the kept prefix may not be read on from.
    const last = served.at(-1)!;
    const undone = await undoVote(studyId, rater!.id, last.assignmentId);
    expect(isRaterError(undone)).toBe(false);
    expect(await epochOf(studyId)).toBe(1);
    await expectSameAsFull(studyId, 1);

    // The first pair voted, closed early in the opening order: excluded, then readmitted.
    const [first] = await db.assignment.findMany({ where: { id: served[0]!.assignmentId }, select: { pairId: true } });
    await db.pair.update({ where: { id: first!.pairId }, data: { excluded: true } });
    expect(await epochOf(studyId)).toBe(2);
    await expectSameAsFull(studyId, 1);
    await db.pair.update({ where: { id: first!.pairId }, data: { excluded: false } });
    expect(await epochOf(studyId)).toBe(3);
    await expectSameAsFull(studyId, 1);

    const pair = await db.pair.findUniqueOrThrow({ where: { id: first!.pairId }, select: { outputAId: true } });
    await db.pair.update({ where: { id: first!.pairId }, data: { goldOutputId: pair.outputAId } });
    expect(await epochOf(studyId)).toBe(4);
    await expectSameAsFull(studyId, 1);

    // A vote added moves nothing.
    await voteOnce(studyId, rater!.id, 0);
    expect(await epochOf(studyId)).toBe(4);
    await expectSameAsFull(studyId, 1);
  });

  it("keep nothing for a study that does not exist", async () => {
    expect(await sampledPairIntervals("no-such-study", 1, LEVEL)).toEqual([]);
    expect(keptNextRanks("no-such-study")).toEqual(new Map());
  });
});
