// The assignment of pairs to raters, against a real PostgreSQL: leases, caps, balance, blinding, concurrency.
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isRaterError } from "@/lib/rater-api/rater-error";
import { flagAssignment, nextAssignment, nextSessionAssignment } from "@/lib/data/assignments";
import { createAuthSession } from "@/lib/data/auth-sessions";
import { recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import { parseMarkdown } from "@/lib/markdown/parse";
import type { AllJudged, NextPair, ServedPair } from "@/lib/rating/types";
import { expireAssignment, makeOpenStudy, makeRaters } from "./factories-voting";

function served(result: Awaited<ReturnType<typeof nextAssignment>>): ServedPair {
  if (isRaterError(result) || !("assignmentId" in result)) throw new Error(`expected a pair, got ${JSON.stringify(result)}`);
  return result;
}

function pairOf(assignmentId: string) {
  return db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { pairId: true, leftIsA: true } }).then((a) => a);
}

afterEach(() => vi.restoreAllMocks());

describe("nextAssignment", () => {
  it("serves a blinded pair, and the same one again on reload", async () => {
    const f = await makeOpenStudy(3);
    const [rater] = await makeRaters(f.study.id, 1);
    const first = served(await nextAssignment(f.study.id, rater!.id));
    const again = served(await nextAssignment(f.study.id, rater!.id));
    expect(again.assignmentId).toBe(first.assignmentId);
    expect(again.left.text).toBe(first.left.text);
    expect(await db.assignment.count({ where: { raterId: rater!.id } })).toBe(1);

    const { pairId, leftIsA } = await pairOf(first.assignmentId);
    const pair = f.pairs.find((p) => p.id === pairId)!;
    expect(first.prompt).toEqual({ instruction: pair.prompt.instruction, input: "" });
    expect(first.left.text).toBe(leftIsA ? pair.outputA.text : pair.outputB.text);
    expect(first.right.text).toBe(leftIsA ? pair.outputB.text : pair.outputA.text);
    // The browser renders the server's parse of each answer, and only that.
    expect(first.left.markdown).toEqual(parseMarkdown(first.left.text));
    expect(first.right.markdown).toEqual(parseMarkdown(first.right.text));
    expect(first.left.markdown.length).toBeGreaterThan(0);
    expect(first.options).toEqual({ allowTie: true, allowBothBad: true, rationale: "OFF", settleMs: 300, requireSeenBoth: true, undoSeconds: 10, issues: [], criteria: [] });
    expect(first.progress).toEqual({ judgedByYou: 0, studyVotes: 0, studyVotesWanted: 9, yourQuota: null, leftForYou: 3, yourMedianMs: null });
    expect(first.assignmentId).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it("never puts model names or model, output, pair or prompt ids in the answer", async () => {
    const f = await makeOpenStudy(2);
    const [rater] = await makeRaters(f.study.id, 1);
    const json = JSON.stringify(await nextAssignment(f.study.id, rater!.id));
    const secrets = [f.modelA.name, f.modelB.name, f.modelA.id, f.modelB.id,
      ...f.pairs.flatMap((p) => [p.id, p.outputAId, p.outputBId, p.promptId])];
    for (const secret of secrets) expect(json).not.toContain(secret);
    expect(json).not.toMatch(/secret-model/);
    expect(Object.keys(JSON.parse(json)).sort()).toEqual(["assignmentId", "expiresAt", "left", "options", "progress", "prompt", "right"]);
  });

  it("never gives a rater the same pair twice, and says done with the completion code at the end", async () => {
    const f = await makeOpenStudy(4, { completionCode: "C0DE42" });
    const [rater] = await makeRaters(f.study.id, 1);
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const pair = served(await nextAssignment(f.study.id, rater!.id));
      seen.add((await pairOf(pair.assignmentId)).pairId);
      expect(isRaterError(await recordVote(f.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "TIE" }))).toBe(false);
    }
    expect(seen.size).toBe(4);
    const done = await nextAssignment(f.study.id, rater!.id);
    expect(done).toMatchObject({ done: true, completion: { code: "C0DE42", url: null } });
    expect(done).not.toHaveProperty("shortOfVotes");
    expect((done as AllJudged).progress).toMatchObject({ judgedByYou: 4, studyVotes: 4, studyVotesWanted: 12, yourQuota: null, leftForYou: 0 });
  });

  it("spreads raters over the pairs with the fewest votes and leases first", async () => {
    const f = await makeOpenStudy(3, { votesPerPair: 3 });
    const raters = await makeRaters(f.study.id, 3);
    const pairs = [];
    for (const r of raters) pairs.push((await pairOf(served(await nextAssignment(f.study.id, r.id)).assignmentId)).pairId);
    expect(new Set(pairs).size).toBe(3);
  });

  it("balances left and right across a pair's raters", async () => {
    const f = await makeOpenStudy(1, { votesPerPair: 9 });
    const raters = await makeRaters(f.study.id, 9);
    let aLeft = 0;
    for (const [i, r] of raters.entries()) {
      const pair = served(await nextAssignment(f.study.id, r.id));
      if ((await pairOf(pair.assignmentId)).leftIsA) aLeft++;
      const bLeft = i + 1 - aLeft;
      expect(Math.abs(aLeft - bLeft)).toBeLessThanOrEqual(1);
    }
    expect([4, 5]).toContain(aLeft);
  });

  it("caps a pair at votesPerPair votes + live leases, and waits rather than saying done", async () => {
    const f = await makeOpenStudy(1, { votesPerPair: 3 });
    const raters = await makeRaters(f.study.id, 5);
    const results: NextPair[] = [];
    for (const r of raters) results.push((await nextAssignment(f.study.id, r.id)) as NextPair);
    expect(results.filter((r) => "assignmentId" in r)).toHaveLength(3);
    expect(results.slice(3)).toEqual(results.slice(3).map(() => expect.objectContaining({ done: false, waiting: true })));
    // Once the three vote, the pair is full: the others are done.
    for (const [i, r] of raters.slice(0, 3).entries()) {
      await recordVote(f.study.id, r.id, { assignmentId: (results[i] as ServedPair).assignmentId, choice: "LEFT" });
    }
    expect(await nextAssignment(f.study.id, raters[3]!.id)).toMatchObject({ done: true });
    expect(await db.pair.findUniqueOrThrow({ where: { id: f.pairs[0]!.id } })).toMatchObject({ voteCount: 3 });
  });

  it("returns a pair to the pool when its lease expires", async () => {
    const f = await makeOpenStudy(1, { votesPerPair: 1 });
    const [first, second] = await makeRaters(f.study.id, 2);
    const held = served(await nextAssignment(f.study.id, first!.id));
    expect(await nextAssignment(f.study.id, second!.id)).toMatchObject({ waiting: true });
    await expireAssignment(held.assignmentId);
    const taken = served(await nextAssignment(f.study.id, second!.id));
    expect((await pairOf(taken.assignmentId)).pairId).toBe(f.pairs[0]!.id);
    // The first rater never gets that pair again (the expired lease is not renewed): nothing is left for them.
    expect(await nextAssignment(f.study.id, first!.id)).toMatchObject({ done: true });
  });

  it("never serves excluded pairs and prefers gold pairs at goldRate 1", async () => {
    const f = await makeOpenStudy(4, { goldRate: 1 });
    await db.pair.update({ where: { id: f.pairs[0]!.id }, data: { excluded: true } });
    const gold = f.pairs[3]!;
    await db.pair.update({ where: { id: gold.id }, data: { goldOutputId: gold.outputAId } });
    const raters = await makeRaters(f.study.id, 3);
    for (const r of raters) expect((await pairOf(served(await nextAssignment(f.study.id, r.id)).assignmentId)).pairId).toBe(gold.id);
    const [rater] = await makeRaters(f.study.id, 1);
    const next = await pairOf(served(await nextAssignment(f.study.id, rater!.id)).assignmentId);
    expect([f.pairs[1]!.id, f.pairs[2]!.id]).toContain(next.pairId);
  });

  it("prefers a gold pair exactly when the request's draw falls below the study's goldRate", async () => {
    for (const [draw, preferred] of [[0.29, true], [0.31, false]] as const) {
      const f = await makeOpenStudy(4, { goldRate: 0.3 });
      const gold = f.pairs[3]!;
      await db.pair.update({ where: { id: gold.id }, data: { goldOutputId: gold.outputAId } });
      const [holder, rater] = await makeRaters(f.study.id, 2);
      // Another rater's lease puts the gold pair behind the others (1 vote or lease against 0):
      // only the gold preference can bring it first.
      vi.spyOn(Math, "random").mockReturnValue(0);
      expect((await pairOf(served(await nextAssignment(f.study.id, holder!.id)).assignmentId)).pairId).toBe(gold.id);
      vi.spyOn(Math, "random").mockReturnValue(draw);
      const got = await pairOf(served(await nextAssignment(f.study.id, rater!.id)).assignmentId);
      expect(got.pairId === gold.id, `draw ${draw}`).toBe(preferred);
    }
  });

  it("leases a pair in one round trip (plus the study's progress)", async () => {
    const f = await makeOpenStudy(3);
    const [rater] = await makeRaters(f.study.id, 1);
    const query = vi.spyOn(pg.Client.prototype, "query");
    served(await nextAssignment(f.study.id, rater!.id));
    const texts = query.mock.calls.map(([q]) => (typeof q === "string" ? q : (q as { text: string }).text));
    expect(texts).toHaveLength(2);
    expect(texts.filter((t) => t.includes("pairwise_next_lease"))).toHaveLength(1);
  });

  it("answers strangers like a missing study, and members of unopened or closed studies with 409", async () => {
    const f = await makeOpenStudy(1);
    const other = await makeOpenStudy(1);
    const [stranger] = await makeRaters(other.study.id, 1);
    const [member] = await makeRaters(f.study.id, 1);
    expect(await nextAssignment(f.study.id, stranger!.id)).toMatchObject({ status: 404, code: "study_not_found" });
    expect(await nextAssignment("no-such-study", stranger!.id)).toMatchObject({ status: 404, code: "study_not_found" });
    await db.study.update({ where: { id: f.study.id }, data: { status: "CLOSED", closedAt: new Date() } });
    expect(await nextAssignment(f.study.id, member!.id)).toMatchObject({ status: 409, code: "study_closed" });
    await db.study.update({ where: { id: f.study.id }, data: { status: "DRAFT" } });
    expect(await nextAssignment(f.study.id, member!.id)).toMatchObject({ status: 409, code: "study_not_open" });
    expect(await db.assignment.count({ where: { studyId: f.study.id } })).toBe(0);
  });

  it("flags a pair: it leaves the rater's queue and is free for others at once", async () => {
    const f = await makeOpenStudy(2, { votesPerPair: 1 });
    const [rater, other] = await makeRaters(f.study.id, 2);
    const first = served(await nextAssignment(f.study.id, rater!.id));
    expect(await flagAssignment(f.study.id, rater!.id, first.assignmentId, "Both answers are cut off")).toBeNull();
    expect(await db.assignment.findUniqueOrThrow({ where: { id: first.assignmentId } })).toMatchObject({ flagReason: "Both answers are cut off" });
    const second = served(await nextAssignment(f.study.id, rater!.id));
    expect(second.assignmentId).not.toBe(first.assignmentId);
    const flaggedPair = (await pairOf(first.assignmentId)).pairId;
    expect((await pairOf(served(await nextAssignment(f.study.id, other!.id)).assignmentId)).pairId).toBe(flaggedPair);
    expect(await flagAssignment(f.study.id, other!.id, first.assignmentId, "x")).toMatchObject({ code: "assignment_not_found" });
    expect(await recordVote(f.study.id, rater!.id, { assignmentId: first.assignmentId, choice: "TIE" })).toMatchObject({ code: "assignment_flagged" });
  });

  it("never over-assigns under 50 concurrent requests from 50 raters", async () => {
    const f = await makeOpenStudy(4, { votesPerPair: 3 });
    const raters = await makeRaters(f.study.id, 50);
    const results = await Promise.all(raters.map((r) => nextAssignment(f.study.id, r.id)));
    expect(results.filter(isRaterError)).toEqual([]);
    expect(results.filter((r) => "assignmentId" in r)).toHaveLength(12);
    const perPair = await db.$queryRaw<{ pairId: string; leases: number; raters: number }[]>`
      SELECT "pairId", count(*)::int AS leases, count(DISTINCT "raterId")::int AS raters FROM "Assignment"
      WHERE "studyId" = ${f.study.id} AND "expiresAt" > now() AT TIME ZONE 'UTC' GROUP BY "pairId"`;
    expect(perPair.map((p) => p.leases)).toEqual([3, 3, 3, 3]);
    const perRater = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Assignment" WHERE "studyId" = ${f.study.id} GROUP BY "raterId" HAVING count(*) > 1`;
    expect(perRater).toEqual([]);
    // The same raters again, all at once: each gets back what they hold, nothing new is leased.
    const again = await Promise.all(raters.map((r) => nextAssignment(f.study.id, r.id)));
    expect(again.map((r) => ("assignmentId" in r ? r.assignmentId : null))).toEqual(results.map((r) => ("assignmentId" in r ? r.assignmentId : null)));
    expect(await db.assignment.count({ where: { studyId: f.study.id } })).toBe(12);
  });
});

describe("nextAssignment beyond the candidate window", () => {
  // 61 pairs: found by the wide window; 521: only the scan of every pair reaches it.
  it.each([61, 521])("finds the one free pair behind %i - 1 full ones", async (size) => {
    const f = await makeOpenStudy(size, { votesPerPair: 2 });
    const [holder1, holder2, rater] = await makeRaters(f.study.id, 3);
    const [full, free] = [f.pairs.slice(0, size - 1), f.pairs[size - 1]!];
    const expiresAt = new Date(Date.now() + 600_000);
    await db.assignment.createMany({
      data: full.flatMap((p, i) => [holder1!, holder2!].map((h, j) => ({
        id: `lease-${i}-${j}-${p.id}`, studyId: f.study.id, pairId: p.id, raterId: h.id, leftIsA: j === 0, expiresAt,
      }))),
    });
    await db.pair.update({ where: { id: free.id }, data: { voteCount: 1, ties: 1 } });
    const served = await nextAssignment(f.study.id, rater!.id);
    expect(served).toHaveProperty("assignmentId");
    expect((await pairOf((served as ServedPair).assignmentId)).pairId).toBe(free.id);
  });

  it("gives the least-loaded pair (votes plus live leases) from the scan of every pair too (windows of 0, as the bench's EXPLAIN runs it)", async () => {
    const f = await makeOpenStudy(21, { votesPerPair: 3 });
    const [holder1, holder2, rater] = await makeRaters(f.study.id, 3);
    const [held, voted] = [f.pairs.slice(0, 20), f.pairs[20]!];
    const expiresAt = new Date(Date.now() + 600_000);
    // Fewer votes but two live leases each (2 of 3 places taken), against one vote and no lease.
    await db.assignment.createMany({
      data: held.flatMap((p, i) => [holder1!, holder2!].map((h, j) => ({
        id: `scan-${i}-${j}-${p.id}`, studyId: f.study.id, pairId: p.id, raterId: h.id, leftIsA: j === 0, expiresAt,
      }))),
    });
    await db.pair.update({ where: { id: voted.id }, data: { voteCount: 1, ties: 1 } });
    const rows = await db.$queryRaw<{ outcome: string; assignmentId: string }[]>`
      SELECT outcome, "assignmentId" FROM "pairwise_next_lease"(${f.study.id}, ${rater!.id}, 1, 0, 0, 6, 'scan-lease', true)`;
    expect(rows).toEqual([{ outcome: "lease", assignmentId: "scan-lease" }]);
    expect((await pairOf("scan-lease")).pairId).toBe(voted.id);
  });
});

describe("nextAssignment when every open pair is held", () => {
  const fullUntil = async (studyId: string) =>
    (await db.study.findUniqueOrThrow({ where: { id: studyId }, select: { pairsFullUntil: true } })).pairsFullUntil;

  it("notes it until the first lease expires (10 s at most), answers waiting from the note, and drops it when a lease is flagged", async () => {
    const f = await makeOpenStudy(2, { votesPerPair: 1 });
    const [a, b, late] = await makeRaters(f.study.id, 3);
    const leaseA = served(await nextAssignment(f.study.id, a!.id));
    const leaseB = served(await nextAssignment(f.study.id, b!.id));
    expect(await fullUntil(f.study.id)).toBeNull();
    const before = Date.now();
    expect(await nextAssignment(f.study.id, late!.id)).toMatchObject({ waiting: true });
    const noted = await fullUntil(f.study.id);
    const firstExpiry = (await db.assignment.aggregate({ where: { studyId: f.study.id }, _min: { expiresAt: true } }))._min.expiresAt!;
    expect(noted).not.toBeNull();
    expect(noted!.getTime()).toBeGreaterThan(before - 1_000);
    expect(noted!.getTime()).toBeLessThanOrEqual(Math.min(before + 11_000, firstExpiry.getTime()));

    // While the note holds, the lease answers from it: room made behind the triggers' back is not seen.
    const pairB = (await pairOf(leaseB.assignmentId)).pairId;
    await db.$executeRaw`ALTER TABLE "Assignment" DISABLE TRIGGER "Assignment_room_freed"`;
    try {
      await db.assignment.delete({ where: { id: leaseB.assignmentId } });
    } finally {
      await db.$executeRaw`ALTER TABLE "Assignment" ENABLE TRIGGER "Assignment_room_freed"`;
    }
    expect(await nextAssignment(f.study.id, late!.id)).toMatchObject({ waiting: true });

    // A flag frees a pair: the note goes with it and the waiting rater gets a pair at once.
    expect(await flagAssignment(f.study.id, a!.id, leaseA.assignmentId, "Broken")).toBeNull();
    expect(await fullUntil(f.study.id)).toBeNull();
    const taken = served(await nextAssignment(f.study.id, late!.id));
    expect([pairB, (await pairOf(leaseA.assignmentId)).pairId]).toContain((await pairOf(taken.assignmentId)).pairId);
  });

  it("drops the note when a vote is deleted, a pair is included again or the votes per pair are raised", async () => {
    const f = await makeOpenStudy(2, { votesPerPair: 1 });
    const [a] = await makeRaters(f.study.id, 1);
    const lease = served(await nextAssignment(f.study.id, a!.id));
    await recordVote(f.study.id, a!.id, { assignmentId: lease.assignmentId, choice: "TIE" });
    const note = () => db.study.update({ where: { id: f.study.id }, data: { pairsFullUntil: new Date(Date.now() + 10_000) } });

    await note();
    await db.vote.deleteMany({ where: { assignmentId: lease.assignmentId } });
    expect(await fullUntil(f.study.id)).toBeNull();

    await db.pair.update({ where: { id: f.pairs[1]!.id }, data: { excluded: true } });
    await note();
    await db.pair.update({ where: { id: f.pairs[1]!.id }, data: { excluded: false } });
    expect(await fullUntil(f.study.id)).toBeNull();

    await note();
    await db.study.update({ where: { id: f.study.id }, data: { votesPerPair: 2 } });
    expect(await fullUntil(f.study.id)).toBeNull();
    // Lowering it keeps the note: no room can appear that way.
    await note();
    await db.study.update({ where: { id: f.study.id }, data: { votesPerPair: 1 } });
    expect(await fullUntil(f.study.id)).not.toBeNull();
  });
});

describe("nextSessionAssignment (the next-pair route's fast path)", () => {
  it("leases only for a live session of a rater; otherwise it runs nothing and answers null", async () => {
    const f = await makeOpenStudy(3, { votesPerPair: 1 });
    const [rater] = await makeRaters(f.study.id, 1);
    const sessionId = await createAuthSession(rater!.id, 3600);
    const first = served((await nextSessionAssignment({ sessionId, userId: rater!.id }, f.study.id))!);
    expect((await nextAssignment(f.study.id, rater!.id) as ServedPair).assignmentId).toBe(first.assignmentId);

    // Someone else's session id with this rater's id, and the session once it is gone: nothing runs.
    const [other] = await makeRaters(f.study.id, 1);
    const otherSession = await createAuthSession(other!.id, 3600);
    await recordVote(f.study.id, rater!.id, { assignmentId: first.assignmentId, choice: "TIE" });
    expect(await nextSessionAssignment({ sessionId: otherSession, userId: rater!.id }, f.study.id)).toBeNull();
    await db.authSession.delete({ where: { id: sessionId } });
    expect(await nextSessionAssignment({ sessionId, userId: rater!.id }, f.study.id)).toBeNull();
    expect(await db.assignment.count({ where: { raterId: rater!.id } })).toBe(1);

    // A researcher's live session leases nothing either, even as a member.
    const researcher = await db.user.update({ where: { id: other!.id }, data: { role: "RESEARCHER" } });
    expect(await nextSessionAssignment({ sessionId: otherSession, userId: researcher.id }, f.study.id)).toBeNull();
    expect(await db.assignment.count({ where: { raterId: researcher.id } })).toBe(0);
  });
});
