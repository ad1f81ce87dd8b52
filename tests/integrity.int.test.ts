// The database itself refuses data that breaks the domain's invariants, whatever the app does.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { promptTextHash } from "@/lib/ingest/prompt-key";
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

  it("judges a prompt once per model pair in a study, in one order", async () => {
    const f = await makePairFixture();
    await expect(db.pair.create({ data: { studyId: f.study.id, promptId: f.prompt.id, outputAId: f.outputB.id, outputBId: f.outputA.id } }))
      .rejects.toThrow(/Pair_study_prompt_model_pair_key|Unique constraint/);
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
    expect(await db.voteHour.count({ where: { studyId: f.study.id } })).toBe(0);
    expect(await db.output.count({ where: { id: f.outputA.id } })).toBe(1);
  });

  it("keeps each pair's tally, each member's vote count and the votes per hour in step with the votes, bulk or single", async () => {
    const f = await makePairFixture();
    const raters = await Promise.all([0, 1, 2, 3, 4].map(() => makeUser()));
    await db.studyMember.createMany({ data: raters.map((r) => ({ studyId: f.study.id, userId: r.id })) });
    const assignments = await Promise.all(raters.map((r) => makeAssignment(f, r.id)));
    // makeAssignment shows output A on the left: LEFT is a win for A, RIGHT a win for B.
    const choices = ["LEFT", "LEFT", "RIGHT", "TIE", "BOTH_BAD"] as const;
    const winner = (c: (typeof choices)[number]) => (c === "LEFT" ? f.outputA.id : c === "RIGHT" ? f.outputB.id : null);
    const vote = (i: number) => ({
      assignmentId: assignments[i]!.id, studyId: f.study.id, pairId: f.pair.id, raterId: raters[i]!.id,
      choice: choices[i]!, winnerOutputId: winner(choices[i]!), msTaken: 1000,
    });
    // Two of the bulk votes an hour and three hours earlier (votes loaded from elsewhere keep their time).
    const hourAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    await db.vote.create({ data: vote(0) });
    await db.vote.createMany({ data: [1, 2, 3, 4].map((i) => ({ ...vote(i), ...(i === 1 ? { createdAt: hourAgo(1) } : i === 2 ? { createdAt: hourAgo(3) } : {}) })) });
    const perHour = async () => {
      const [kept, counted] = await Promise.all([
        db.$queryRaw<{ hour: Date; votes: number }[]>`
          SELECT hour, sum(votes)::int AS votes FROM "VoteHour" WHERE "studyId" = ${f.study.id} GROUP BY hour HAVING sum(votes) <> 0 ORDER BY hour`,
        db.$queryRaw<{ hour: Date; votes: number }[]>`
          SELECT date_trunc('hour', "createdAt") AS hour, count(*)::int AS votes FROM "Vote" WHERE "studyId" = ${f.study.id} GROUP BY 1 ORDER BY 1`,
      ]);
      expect(kept).toEqual(counted);
      return kept.map((h) => h.votes);
    };
    expect(await perHour()).toEqual([1, 1, 3]);
    const tally = () => db.pair.findUniqueOrThrow({
      where: { id: f.pair.id }, select: { voteCount: true, winsA: true, winsB: true, ties: true, bothBad: true, leftWins: true, rightWins: true },
    });
    expect(await tally()).toEqual({ voteCount: 5, winsA: 2, winsB: 1, ties: 1, bothBad: 1, leftWins: 2, rightWins: 1 });
    const member = (i: number) => db.studyMember.findUniqueOrThrow({ where: { studyId_userId: { studyId: f.study.id, userId: raters[i]!.id } } });
    expect((await member(0)).votes).toBe(1);

    await db.vote.deleteMany({ where: { raterId: { in: [raters[0]!.id, raters[3]!.id, raters[2]!.id] } } });
    expect(await perHour()).toEqual([1, 1]);
    await db.vote.create({ data: vote(2) });
    expect(await perHour()).toEqual([1, 2]);
    expect(await tally()).toEqual({ voteCount: 3, winsA: 1, winsB: 1, ties: 0, bothBad: 1, leftWins: 1, rightWins: 1 });
    expect((await member(0)).votes).toBe(0);
    expect((await member(1)).votes).toBe(1);
  });

  it("refuses to change what a vote counts for, and a tally that disagrees with itself", async () => {
    const f = await makePairFixture();
    const rater = await makeUser();
    const assignment = await makeAssignment(f, rater.id);
    const vote = await db.vote.create({
      data: { assignmentId: assignment.id, studyId: f.study.id, pairId: f.pair.id, raterId: rater.id, choice: "TIE", msTaken: 1000 },
    });
    await expect(db.vote.update({ where: { id: vote.id }, data: { choice: "BOTH_BAD" } })).rejects.toThrow(/cannot change/);
    // Fields that count for nothing may still change; the time counts (votes per hour).
    await db.vote.update({ where: { id: vote.id }, data: { rationale: "added later" } });
    await expect(db.vote.update({ where: { id: vote.id }, data: { createdAt: new Date(0) } })).rejects.toThrow(/cannot change/);
    await expect(db.pair.update({ where: { id: f.pair.id }, data: { voteCount: 2 } })).rejects.toThrow(/Pair_tally_check/);
    expect(await db.pair.findUniqueOrThrow({ where: { id: f.pair.id }, select: { voteCount: true, ties: true } })).toEqual({ voteCount: 1, ties: 1 });
  });

  it("records each output's length in characters, on insert and on a text change", async () => {
    const f = await makePairFixture();
    expect((await db.output.findUniqueOrThrow({ where: { id: f.outputA.id } })).chars).toBe("answer A".length);
    const updated = await db.output.update({ where: { id: f.outputA.id }, data: { text: "ünïcödé ✓" } });
    expect(updated.chars).toBe(9);
  });

  it("copies each pair's result facts from its outputs and prompt, and keeps them in step", async () => {
    const f = await makePairFixture();
    // The same outputs the other way round in another study: each output is output A of one pair and output B of the other.
    const other = await db.study.create({ data: { name: unique("study"), inviteToken: unique("invite") } });
    const swapped = await db.pair.create({ data: { studyId: other.id, promptId: f.prompt.id, outputAId: f.outputB.id, outputBId: f.outputA.id } });
    const facts = (id: string) => db.pair.findUniqueOrThrow({
      where: { id }, select: { modelAId: true, modelBId: true, lengthA: true, lengthB: true, category: true, dataset: true },
    });
    expect(await facts(f.pair.id)).toEqual({ modelAId: f.modelA.id, modelBId: f.modelB.id, lengthA: 8, lengthB: 8, category: null, dataset: null });
    expect(await facts(swapped.id)).toMatchObject({ modelAId: f.modelB.id, modelBId: f.modelA.id });

    // Both outputs re-uploaded in one statement, as a replacing upload does.
    await db.$executeRaw`UPDATE "Output" o SET text = v.text FROM (VALUES (${f.outputA.id}, 'a longer answer A'), (${f.outputB.id}, 'B')) v(id, text) WHERE o.id = v.id`;
    expect(await facts(f.pair.id)).toMatchObject({ lengthA: 17, lengthB: 1 });
    expect(await facts(swapped.id)).toMatchObject({ lengthA: 1, lengthB: 17 });

    await db.prompt.update({ where: { id: f.prompt.id }, data: { category: "coding", dataset: "vicuna" } });
    expect(await facts(f.pair.id)).toMatchObject({ category: "coding", dataset: "vicuna" });
    expect(await facts(swapped.id)).toMatchObject({ category: "coding", dataset: "vicuna" });
  });
});
