// The database itself refuses data that breaks the domain's invariants, whatever the app does.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { promptTextHash } from "@/lib/demo/prompt-hash";
import { makeAssignment, makePairFixture, makeUser, unique } from "./factories";

describe("database integrity", () => {
  it("keeps one vote per rater per pair, even through a second assignment", async () => {
    const f = await makePairFixture();
    const rater = await makeUser();
    const assignment = await makeAssignment(f, rater.id);
    const vote = { studyId: f.study.id, pairId: f.pair.id, raterId: rater.id, choice: "TIE" as const, msTaken: 1000 };
    await db.vote.create({ data: { ...vote, assignmentId: assignment.id } });
    await expect(db.vote.create({ data: { ...vote, assignmentId: assignment.id } })).rejects.toThrow(/Unique constraint/);
    // A second assignment for the same rater and pair is itself refused.
    await expect(makeAssignment(f, rater.id)).rejects.toThrow(/Unique constraint/);
    expect(await db.vote.count({ where: { pairId: f.pair.id } })).toBe(1);
  });

  it("keeps one output per model per prompt", async () => {
    const f = await makePairFixture();
    await expect(db.output.create({ data: { promptId: f.prompt.id, modelId: f.modelA.id, text: "again" } })).rejects.toThrow(/Unique constraint/);
  });

  it("refuses a pair whose outputs answer different prompts", async () => {
    const f = await makePairFixture();
    const other = unique("Other prompt");
    const prompt = await db.prompt.create({ data: { instruction: other, textHash: promptTextHash(other, "") } });
    const stray = await db.output.create({ data: { promptId: prompt.id, modelId: f.modelB.id, text: "elsewhere" } });
    await expect(
      db.pair.create({ data: { studyId: f.study.id, promptId: f.prompt.id, outputAId: f.outputA.id, outputBId: stray.id } }),
    ).rejects.toThrow(/Foreign key constraint/);
  });

  it("requires a winner exactly for LEFT/RIGHT votes", async () => {
    const f = await makePairFixture();
    const rater = await makeUser();
    const assignment = await makeAssignment(f, rater.id);
    const base = { assignmentId: assignment.id, studyId: f.study.id, pairId: f.pair.id, raterId: rater.id, msTaken: 10 };
    await expect(db.vote.create({ data: { ...base, choice: "LEFT" } })).rejects.toThrow(/Vote_winner_matches_choice_check/);
    await expect(db.vote.create({ data: { ...base, choice: "TIE", winnerOutputId: f.outputA.id } })).rejects.toThrow(/Vote_winner_matches_choice_check/);
    await expect(db.vote.create({ data: { ...base, choice: "LEFT", winnerOutputId: f.outputA.id } })).resolves.toMatchObject({ choice: "LEFT" });
  });

  it("checks study settings and pair sanity", async () => {
    const f = await makePairFixture();
    await expect(db.study.update({ where: { id: f.study.id }, data: { votesPerPair: 0 } })).rejects.toThrow(/Study_votesPerPair_check/);
    await expect(db.study.update({ where: { id: f.study.id }, data: { status: "OPEN" } })).rejects.toThrow(/Study_opened_check/);
    await expect(
      db.pair.create({ data: { studyId: f.study.id, promptId: f.prompt.id, outputAId: f.outputA.id, outputBId: f.outputA.id } }),
    ).rejects.toThrow(/Pair_distinct_outputs_check/);
    await expect(db.pair.update({ where: { id: f.pair.id }, data: { goldOutputId: f.outputA.id } })).resolves.toMatchObject({ goldOutputId: f.outputA.id });
  });

  it("stores emails lower-case only", async () => {
    await expect(db.user.create({ data: { email: "Mixed@Case.example", pseudonym: unique("r") } })).rejects.toThrow(/User_email_lowercase_check/);
  });

  it("deletes a study's pairs, assignments and votes with it", async () => {
    const f = await makePairFixture();
    const rater = await makeUser();
    const assignment = await makeAssignment(f, rater.id);
    await db.vote.create({ data: { assignmentId: assignment.id, studyId: f.study.id, pairId: f.pair.id, raterId: rater.id, choice: "BOTH_BAD", msTaken: 5 } });
    await db.study.delete({ where: { id: f.study.id } });
    expect(await db.pair.count({ where: { studyId: f.study.id } })).toBe(0);
    expect(await db.assignment.count({ where: { id: assignment.id } })).toBe(0);
    expect(await db.vote.count({ where: { studyId: f.study.id } })).toBe(0);
    expect(await db.output.count({ where: { id: f.outputA.id } })).toBe(1);
  });
});
