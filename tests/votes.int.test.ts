// Recording votes against a real PostgreSQL: sides resolved, server timing, idempotency, refusals.
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isRaterError } from "@/lib/rater-api/rater-error";
import { nextAssignment } from "@/lib/data/assignments";
import { recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import type { ServedPair } from "@/lib/rating/types";
import { expireAssignment, makeOpenStudy, makeRaters } from "./factories-voting";

type Options = Parameters<typeof makeOpenStudy>[1];

async function servedFixture(options: Options = {}) {
  const f = await makeOpenStudy(1, options);
  const [rater] = await makeRaters(f.study.id, 1);
  const result = await nextAssignment(f.study.id, rater!.id);
  if (isRaterError(result) || !("assignmentId" in result)) throw new Error("expected a pair");
  return { ...f, pair: f.pairs[0]!, rater: rater!, served: result as ServedPair };
}

const votesOf = (assignmentId: string) => db.vote.findMany({ where: { assignmentId } });

afterEach(() => vi.restoreAllMocks());

describe("recordVote", () => {
  it.each([true, false])("resolves LEFT and RIGHT to the output shown there (leftIsA = %s)", async (leftIsA) => {
    for (const choice of ["LEFT", "RIGHT"] as const) {
      const f = await servedFixture();
      await db.assignment.update({ where: { id: f.served.assignmentId }, data: { leftIsA } });
      const reply = await recordVote(f.study.id, f.rater.id, { assignmentId: f.served.assignmentId, choice });
      expect(reply).toMatchObject({ vote: { assignmentId: f.served.assignmentId, choice } });
      const shownLeft = leftIsA ? f.pair.outputAId : f.pair.outputBId;
      const shownRight = leftIsA ? f.pair.outputBId : f.pair.outputAId;
      const [vote] = await votesOf(f.served.assignmentId);
      expect(vote!.winnerOutputId).toBe(choice === "LEFT" ? shownLeft : shownRight);
    }
  });

  it("stores the vote with server timing, completes the assignment and counts it on the pair", async () => {
    const f = await servedFixture({ rationale: "OPTIONAL" });
    await db.assignment.update({
      where: { id: f.served.assignmentId },
      data: { servedAt: new Date(Date.now() - 120_000) },
    });
    await recordVote(f.study.id, f.rater.id, { assignmentId: f.served.assignmentId, choice: "TIE", rationale: "Same content" });
    const [vote] = await votesOf(f.served.assignmentId);
    expect(vote).toMatchObject({ choice: "TIE", winnerOutputId: null, rationale: "Same content", tooFast: false, raterId: f.rater.id });
    expect(vote!.msTaken).toBeGreaterThanOrEqual(119_000);
    expect(vote!.msTaken).toBeLessThan(130_000);
    expect((await db.assignment.findUniqueOrThrow({ where: { id: f.served.assignmentId } })).completedAt).not.toBeNull();
    expect((await db.pair.findUniqueOrThrow({ where: { id: f.pair.id } })).voteCount).toBe(1);
  });

  it("accepts a too-fast vote but flags it", async () => {
    const f = await servedFixture({ minSecondsPerPair: 60 });
    const reply = await recordVote(f.study.id, f.rater.id, { assignmentId: f.served.assignmentId, choice: "RIGHT" });
    expect(isRaterError(reply)).toBe(false);
    expect(JSON.stringify(reply)).not.toContain("tooFast");
    const [vote] = await votesOf(f.served.assignmentId);
    expect(vote).toMatchObject({ tooFast: true });
    expect(vote!.msTaken).toBeLessThan(60_000);
  });

  it("records one vote for two concurrent submissions and answers both the same", async () => {
    const f = await servedFixture();
    const input = { assignmentId: f.served.assignmentId, choice: "LEFT" as const };
    const [a, b] = await Promise.all([recordVote(f.study.id, f.rater.id, input), recordVote(f.study.id, f.rater.id, input)]);
    expect(isRaterError(a)).toBe(false);
    expect(b).toEqual(a);
    expect(await votesOf(f.served.assignmentId)).toHaveLength(1);
    expect((await db.pair.findUniqueOrThrow({ where: { id: f.pair.id } })).voteCount).toBe(1);
    // A late retry answers the same; a different choice is refused.
    expect(await recordVote(f.study.id, f.rater.id, input)).toEqual(a);
    expect(await recordVote(f.study.id, f.rater.id, { ...input, choice: "RIGHT" })).toMatchObject({ status: 409, code: "already_voted" });
    expect(await votesOf(f.served.assignmentId)).toHaveLength(1);
  });

  it("answers like the first time when the vote exists but the assignment was not marked (unique violation)", async () => {
    const f = await servedFixture();
    await db.vote.create({
      data: { assignmentId: f.served.assignmentId, studyId: f.study.id, pairId: f.pair.id, raterId: f.rater.id, choice: "TIE", msTaken: 5 },
    });
    const reply = await recordVote(f.study.id, f.rater.id, { assignmentId: f.served.assignmentId, choice: "TIE" });
    expect(reply).toMatchObject({ vote: { assignmentId: f.served.assignmentId, choice: "TIE" } });
    expect(await votesOf(f.served.assignmentId)).toHaveLength(1);
    // Counted once, by the trigger on the first insert; the repeat added nothing.
    expect((await db.pair.findUniqueOrThrow({ where: { id: f.pair.id } })).voteCount).toBe(1);
  });

  it("refuses an expired lease, another rater's assignment, a stranger and a closed study, recording nothing", async () => {
    const expired = await servedFixture();
    await expireAssignment(expired.served.assignmentId);
    expect(await recordVote(expired.study.id, expired.rater.id, { assignmentId: expired.served.assignmentId, choice: "LEFT" }))
      .toMatchObject({ status: 409, code: "assignment_expired" });

    const foreign = await servedFixture();
    const [intruder] = await makeRaters(foreign.study.id, 1);
    expect(await recordVote(foreign.study.id, intruder!.id, { assignmentId: foreign.served.assignmentId, choice: "LEFT" }))
      .toMatchObject({ status: 404, code: "assignment_not_found" });
    const [stranger] = await makeRaters(expired.study.id, 1);
    expect(await recordVote(foreign.study.id, stranger!.id, { assignmentId: foreign.served.assignmentId, choice: "LEFT" }))
      .toMatchObject({ status: 404, code: "study_not_found" });
    // The right assignment under another study's id is not found either.
    expect(await recordVote(expired.study.id, foreign.rater.id, { assignmentId: foreign.served.assignmentId, choice: "LEFT" }))
      .toMatchObject({ status: 404, code: "study_not_found" });

    const closed = await servedFixture();
    await db.study.update({ where: { id: closed.study.id }, data: { status: "CLOSED", closedAt: new Date() } });
    expect(await recordVote(closed.study.id, closed.rater.id, { assignmentId: closed.served.assignmentId, choice: "LEFT" }))
      .toMatchObject({ status: 409, code: "study_closed" });

    for (const f of [expired, foreign, closed]) {
      expect(await votesOf(f.served.assignmentId)).toHaveLength(0);
      expect((await db.assignment.findUniqueOrThrow({ where: { id: f.served.assignmentId } })).completedAt).toBeNull();
      expect((await db.pair.findUniqueOrThrow({ where: { id: f.pair.id } })).voteCount).toBe(0);
    }
  });

  it("enforces the study's options: tie, both bad, required rationale; drops a rationale when off", async () => {
    const strict = await servedFixture({ allowTie: false, allowBothBad: false, rationale: "REQUIRED" });
    const id = strict.served.assignmentId;
    expect(await recordVote(strict.study.id, strict.rater.id, { assignmentId: id, choice: "TIE", rationale: "r" }))
      .toMatchObject({ status: 422, code: "choice_not_allowed" });
    expect(await recordVote(strict.study.id, strict.rater.id, { assignmentId: id, choice: "BOTH_BAD", rationale: "r" }))
      .toMatchObject({ status: 422, code: "choice_not_allowed" });
    expect(await recordVote(strict.study.id, strict.rater.id, { assignmentId: id, choice: "LEFT" }))
      .toMatchObject({ status: 422, code: "rationale_required" });
    expect(await votesOf(id)).toHaveLength(0);
    expect(await recordVote(strict.study.id, strict.rater.id, { assignmentId: id, choice: "LEFT", rationale: "clearer" }))
      .toMatchObject({ vote: { choice: "LEFT" } });

    const off = await servedFixture();
    await recordVote(off.study.id, off.rater.id, { assignmentId: off.served.assignmentId, choice: "BOTH_BAD", rationale: "ignored" });
    expect((await votesOf(off.served.assignmentId))[0]).toMatchObject({ choice: "BOTH_BAD", rationale: null });
  });

  it("reveals the models only after the vote and only when the study allows it", async () => {
    const hidden = await servedFixture();
    const plain = await recordVote(hidden.study.id, hidden.rater.id, { assignmentId: hidden.served.assignmentId, choice: "LEFT" });
    expect(plain).not.toHaveProperty("reveal");
    expect(JSON.stringify(plain)).not.toMatch(/secret-model/);

    const f = await servedFixture({ revealAfterVote: true });
    expect(JSON.stringify(f.served)).not.toMatch(/secret-model/);
    const { leftIsA } = await db.assignment.findUniqueOrThrow({ where: { id: f.served.assignmentId } });
    const reply = await recordVote(f.study.id, f.rater.id, { assignmentId: f.served.assignmentId, choice: "LEFT" });
    expect(reply).toMatchObject({
      reveal: { left: { model: leftIsA ? f.modelA.name : f.modelB.name }, right: { model: leftIsA ? f.modelB.name : f.modelA.name } },
    });
  });

  it("costs one SQL statement for a vote", async () => {
    const f = await servedFixture();
    const query = vi.spyOn(pg.Client.prototype, "query");
    await recordVote(f.study.id, f.rater.id, { assignmentId: f.served.assignmentId, choice: "LEFT" });
    expect(query).toHaveBeenCalledTimes(1);
  });
});

