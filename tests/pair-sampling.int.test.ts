// Sampling of model pairs (issue 22, 3+ models) through the rating flow: a study created with
// pairsPerPrompt holds its pairs in a random prompt order; scripted raters' leases open the prompts a block
// at a time (lib/data/pair-opening.ts), each pair drawn with the study rule's probabilities; a held pair is never
// served, no pair gets more raters than its votes, and nothing sent to a rater tells the draw.
import { describe, expect, it } from "vitest";
import { nextAssignment } from "@/lib/data/assignments";
import { LOOKAHEAD_SECONDS, openAheadAfterVote, openNextPrompts, openingBlockPairs, openingBlockSize } from "@/lib/data/pair-opening";
import { changeStudyStatus, createStudy } from "@/lib/data/study-admin";
import { SYSTEM } from "@/lib/data/audit";
import { raterProgress } from "@/lib/data/study-access";
import { comparisonDecisions, evaluateStopping } from "@/lib/data/stopping";
import { recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import { isRaterError } from "@/lib/rater-api/rater-error";
import { createStudySchema } from "@/lib/validation/study";
import { pairProbabilities, samplingFloor } from "@/lib/allocation/pair-sampling";
import type { ServedPair } from "@/lib/rating/types";
import { makeUser, unique } from "./factories";
import { makeOutputs, makeSamplingStudy } from "./factories-sampling";
import { makeRaters } from "./factories-voting";

function served(result: Awaited<ReturnType<typeof nextAssignment>>): ServedPair | null {
  if (isRaterError(result)) throw new Error(`rater error ${JSON.stringify(result)}`);
  return "assignmentId" in result ? result : null;
}

const pairsOf = (studyId: string) => db.pair.findMany({
  where: { studyId }, select: { id: true, promptId: true, sampleRank: true, inclusion: true, held: true, modelAId: true, modelBId: true, voteCount: true },
});

describe("sampling of model pairs: creation", () => {
  it("holds every pair in a random prompt order, the same place for all of a prompt's pairs", async () => {
    const { studyId } = await makeSamplingStudy({ models: 4, prompts: 12, pairsPerPrompt: 3, votesPerPair: 1 });
    const study = await db.study.findUniqueOrThrow({ where: { id: studyId }, select: { pairsPerPrompt: true, samplingPrompts: true, openedPrompts: true } });
    expect(study).toEqual({ pairsPerPrompt: 3, samplingPrompts: 12, openedPrompts: 0 });
    const pairs = await pairsOf(studyId);
    expect(pairs).toHaveLength(12 * 6); // 4 models: 6 model pairs per prompt
    expect(pairs.every((p) => p.held && p.inclusion === null && p.sampleRank !== null)).toBe(true);
    const rankOf = new Map<string, Set<number>>();
    for (const p of pairs) rankOf.set(p.promptId, (rankOf.get(p.promptId) ?? new Set()).add(p.sampleRank!));
    expect([...rankOf.values()].every((ranks) => ranks.size === 1)).toBe(true);
    expect([...rankOf.values()].map((r) => [...r][0]).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it("asks for 3+ models, adaptive votes, all model pairs, whole answers and fewer pairs than there are", async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);
    const parse = (extra: Record<string, unknown>) => createStudySchema.safeParse({ name: "s", modelIds: ids(3), adaptiveVotes: "on", pairsPerPrompt: "2", ...extra });
    const message = (extra: Record<string, unknown>) => {
      const r = parse(extra);
      return r.success ? null : r.error.issues.map((i) => i.message).join("; ");
    };
    expect(message({})).toBeNull();
    expect(message({ modelIds: ids(2) })).toMatch(/at least three models/);
    expect(message({ adaptiveVotes: undefined })).toMatch(/needs adaptive votes/);
    expect(message({ allModelPairs: false })).toMatch(/every model pair/);
    expect(message({ judgedTurns: "1, 2" })).toMatch(/not turns judged one by one/);
    expect(message({ pairsPerPrompt: "3" })).toMatch(/fewer model pairs per prompt than the 3/);
    expect(message({ pairsPerPrompt: "0" })).toMatch(/at least some model pairs/);
    // The rule: Arena's by default (a blank form field too), the variance rule only with sampling.
    expect(parse({}).data?.pairSamplingRule).toBe("ARENA");
    expect(parse({ pairSamplingRule: "" }).data?.pairSamplingRule).toBe("ARENA");
    expect(parse({ pairSamplingRule: "VARIANCE" }).data?.pairSamplingRule).toBe("VARIANCE");
    expect(message({ pairSamplingRule: "LARGEST" })).toMatch(/ARENA or VARIANCE/);
    expect(message({ pairsPerPrompt: undefined, pairSamplingRule: "VARIANCE" })).toMatch(/applies only when model pairs are sampled/);
  });

  it("is refused by the database when a pair's sampling state does not hang together", async () => {
    const { studyId } = await makeSamplingStudy({ models: 3, prompts: 2, pairsPerPrompt: 2, votesPerPair: 1 });
    const [pair] = await pairsOf(studyId);
    // Unopened but served; a probability outside (0, 1]; more prompts opened than the study has.
    await expect(db.$executeRaw`UPDATE "Pair" SET held = false WHERE id = ${pair!.id}`).rejects.toThrow(/Pair_sampling_check/);
    await expect(db.$executeRaw`UPDATE "Pair" SET inclusion = 1.5, held = false WHERE id = ${pair!.id}`).rejects.toThrow(/Pair_sampling_check/);
    await expect(db.$executeRaw`UPDATE "Study" SET "openedPrompts" = 3 WHERE id = ${studyId}`).rejects.toThrow(/Study_openedPrompts_check/);
  });
});

describe("sampling of model pairs: opening and the lease", () => {
  it("opens prompts as raters need them, serves only drawn pairs, never over-assigns, and ends done", async () => {
    const prompts = 24;
    const { studyId, models } = await makeSamplingStudy({ models: 4, prompts, pairsPerPrompt: 3, votesPerPair: 2 });
    const raters = await makeRaters(studyId, 5);
    const names = new Set(models.map((m) => m.name));
    let rounds = 0;
    let active = raters.map((r) => r.id);
    while (active.length && rounds++ < 500) {
      const next: string[] = [];
      for (const raterId of active) {
        const result = await nextAssignment(studyId, raterId);
        const pair = served(result);
        if (!pair) {
          // Nothing for this rater while prompts remain unopened would be a bug: the lease opens them.
          expect(result).toMatchObject({ done: true });
          continue;
        }
        // Blinding: nothing served names a model or tells the draw.
        const sent = JSON.stringify(pair);
        for (const name of names) expect(sent).not.toContain(name);
        expect(sent).not.toMatch(/inclusion|sampleRank|held/);
        const reply = await recordVote(studyId, raterId, { assignmentId: pair.assignmentId, choice: Math.random() < 0.5 ? "LEFT" : "RIGHT" });
        if (isRaterError(reply)) throw new Error(JSON.stringify(reply));
        next.push(raterId);
      }
      active = next;
    }
    const study = await db.study.findUniqueOrThrow({ where: { id: studyId }, select: { openedPrompts: true, samplingPrompts: true } });
    expect(study.openedPrompts).toBe(prompts);
    const pairs = await pairsOf(studyId);
    expect(pairs.every((p) => p.inclusion !== null && p.inclusion > 0 && p.inclusion <= 1)).toBe(true);
    // Held pairs got no lease and no vote; drawn pairs got their votes (each a first vote decides? no: 2 planned, tie bloc aside).
    const leasesOnHeld = await db.assignment.count({ where: { pair: { studyId, held: true } } });
    expect(leasesOnHeld).toBe(0);
    const overAssigned = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT a."pairId" FROM "Assignment" a JOIN "Pair" p ON p.id = a."pairId"
        WHERE p."studyId" = ${studyId} AND a."flaggedAt" IS NULL GROUP BY a."pairId" HAVING count(*) > 2) x`;
    expect(overAssigned[0]!.n).toBe(0);
    const drawn = pairs.filter((p) => !p.held);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.every((p) => p.voteCount >= 1)).toBe(true);
    // The draws follow their probabilities: the number drawn is within 4 standard deviations of the sum of q.
    const expected = pairs.reduce((s, p) => s + p.inclusion!, 0);
    const sd = Math.sqrt(pairs.reduce((s, p) => s + p.inclusion! * (1 - p.inclusion!), 0));
    expect(Math.abs(drawn.length - expected)).toBeLessThanOrEqual(4 * sd);
    // Progress at the end: every wanted vote is cast, the left-out pairs want none.
    expect(await raterProgress(studyId, raters[0]!.id)).toMatchObject({ leftForYou: 0 });
  });

  it("draws each block with Arena's probabilities from the votes on the prompts opened before it", async () => {
    const { studyId } = await makeSamplingStudy({ models: 3, prompts: 60, pairsPerPrompt: 2, votesPerPair: 1 });
    expect(openingBlockSize(60)).toBe(2);
    expect(await openNextPrompts(studyId, 0)).toBeGreaterThanOrEqual(0);
    // No votes yet: every model pair weighs the same, so each gets the even share 2/3.
    const first = (await pairsOf(studyId)).filter((p) => p.sampleRank! < 2);
    for (const p of first) expect(p.inclusion).toBeCloseTo(2 / 3, 12);
    // Votes on the opened prompts' drawn pairs, by a direct write of the tallies (what the Vote triggers keep):
    // one model pair gets many agreeing votes, so Arena's rule gives it less.
    const [lo, hi] = [first[0]!.modelAId, first[0]!.modelBId].sort();
    await db.$executeRaw`UPDATE "Pair" SET held = false, "voteCount" = 20, "winsA" = 20, "leftWins" = 20
      WHERE id = ${first[0]!.id}`;
    const before = await db.$queryRaw<{ lo: string; hi: string; a: number; b: number; d: number }[]>`
      SELECT LEAST(p."modelAId", p."modelBId") AS lo, GREATEST(p."modelAId", p."modelBId") AS hi,
        sum(CASE WHEN p."modelAId" < p."modelBId" THEN p."winsA" ELSE p."winsB" END)::int AS a,
        sum(CASE WHEN p."modelAId" < p."modelBId" THEN p."winsB" ELSE p."winsA" END)::int AS b,
        sum(p.ties + p."bothBad")::int AS d
      FROM "Pair" p WHERE p."studyId" = ${studyId} GROUP BY 1, 2 ORDER BY 1, 2`;
    const q = pairProbabilities(before.map((r) => ({ winsA: r.a, winsB: r.b, ties: r.d, bothBad: 0 })),
      { votesPerPrompt: 2, floor: samplingFloor(2, 3), skipDecided: true });
    // A stale view of the opening (another request opened meanwhile) opens nothing.
    expect(await openNextPrompts(studyId, 0)).toBe(0);
    await openNextPrompts(studyId, 2);
    const second = (await pairsOf(studyId)).filter((p) => p.sampleRank! >= 2 && p.sampleRank! < 4);
    const key = (p: { modelAId: string; modelBId: string }) => [p.modelAId, p.modelBId].sort().join("|");
    const expectedQ = new Map<string, number>(before.map((r, i) => [`${r.lo}|${r.hi}`, q[i]!]));
    for (const p of second) expect(p.inclusion).toBeCloseTo(expectedQ.get(key(p))!, 12);
    // The pair with twenty agreeing votes gets the least: its interval is already narrow.
    expect(expectedQ.get(`${lo}|${hi}`)).toBe(Math.min(...q));
    expect(Math.min(...q)).toBeLessThan(2 / 3);
  });

  it("opens one block however many requests ask at once; a request that finds an opening under way is told so", async () => {
    const { studyId } = await makeSamplingStudy({ models: 3, prompts: 10, pairsPerPrompt: 2, votesPerPair: 1 });
    const results = await Promise.all(Array.from({ length: 6 }, () => openNextPrompts(studyId, 0)));
    const study = await db.study.findUniqueOrThrow({ where: { id: studyId }, select: { openedPrompts: true } });
    expect(study.openedPrompts).toBe(openingBlockSize(10));
    expect(results.every((r) => r === "busy" || typeof r === "number")).toBe(true);
    // While another transaction holds the study's opening lock, an opening does not wait for it.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const holder = db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('pairwise-open-prompts'), hashtext(${studyId}))`;
      await held;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(await openNextPrompts(studyId, study.openedPrompts)).toBe("busy");
    release();
    await holder;
    expect(await openNextPrompts(studyId, study.openedPrompts)).toBeGreaterThanOrEqual(0);
  });

  it("opens the next block after a vote once fewer pairs are open than a block puts to raters, at most every few seconds", async () => {
    // 100 prompts: blocks of 2 prompts, 4 drawn pairs at most (2 of 3 model pairs each).
    const { studyId } = await makeSamplingStudy({ models: 3, prompts: 100, pairsPerPrompt: 2, votesPerPair: 1 });
    expect(openingBlockPairs(100, 2)).toBe(4);
    expect(openingBlockPairs(100, 1.5)).toBe(3);
    const opened = async () => (await db.study.findUniqueOrThrow({ where: { id: studyId }, select: { openedPrompts: true } })).openedPrompts;
    const openPairs = async () => (await pairsOf(studyId)).filter((p) => !p.held && p.voteCount < 1).length;
    // Two blocks on demand: up to 8 drawn pairs, at least 4 open (a pair is drawn with probability 2/3: rarely fewer).
    await openNextPrompts(studyId, 0);
    await openNextPrompts(studyId, 2);
    while ((await openPairs()) < 4) await openNextPrompts(studyId, await opened());
    const before = await opened();
    // Enough open pairs: nothing opens ahead.
    expect(await openAheadAfterVote(studyId)).toBe(0);
    expect(await opened()).toBe(before);
    // Within LOOKAHEAD_SECONDS of that look, this process does not look again, however few pairs are open.
    await db.$executeRaw`UPDATE "Pair" SET "voteCount" = 1, "winsA" = 1, "leftWins" = 1, decided = true
      WHERE "studyId" = ${studyId} AND NOT held AND "voteCount" = 0`;
    expect(await openAheadAfterVote(studyId)).toBe(0);
    expect(await opened()).toBe(before);
    // Past it, with no pair open, the next block opens: the prompts after the opened ones, drawn as on demand.
    const realNow = Date.now;
    try {
      Date.now = () => realNow() + LOOKAHEAD_SECONDS * 1000 + 1;
      const put = await openAheadAfterVote(studyId);
      expect(typeof put === "number" && put >= 0).toBe(true);
    } finally {
      Date.now = realNow;
    }
    expect(await opened()).toBe(before + openingBlockSize(100));
    const block = (await pairsOf(studyId)).filter((p) => p.sampleRank! >= before && p.sampleRank! < before + 2);
    expect(block).toHaveLength(6);
    expect(block.every((p) => p.inclusion !== null && p.inclusion > 0)).toBe(true);
    // A study without sampling (and no study at all) opens nothing and is not looked at again.
    const admin = await makeUser("ADMIN");
    const models = await makeOutputs(3, 2);
    const plain = await createStudy(createStudySchema.parse({ name: unique("plain"), modelIds: models.map((m) => m.id), votesPerPair: "1" }), admin.id);
    if (!plain.ok) throw new Error(plain.message);
    expect(await openAheadAfterVote(plain.studyId)).toBe(0);
    expect(await openAheadAfterVote("no-such-study")).toBe(0);
  });

  it("opens the first block when the admin opens the study, before any rater asks", async () => {
    const admin = await makeUser("ADMIN");
    const models = await makeOutputs(3, 100);
    const created = await createStudy(createStudySchema.parse({
      name: unique("sampling-open"), modelIds: models.map((m) => m.id), votesPerPair: "1", adaptiveVotes: "on", pairsPerPrompt: "2",
    }), admin.id);
    if (!created.ok) throw new Error(created.message);
    expect(await changeStudyStatus(created.studyId, "OPEN", SYSTEM)).toEqual({ ok: true });
    const study = await db.study.findUniqueOrThrow({ where: { id: created.studyId }, select: { openedPrompts: true } });
    expect(study.openedPrompts).toBe(openingBlockSize(100));
    const block = (await pairsOf(created.studyId)).filter((p) => p.sampleRank! < openingBlockSize(100));
    expect(block.every((p) => p.inclusion !== null)).toBe(true);
  });

  it("serves every rater arriving at once at a study's start, one block opening for them", async () => {
    const { studyId } = await makeSamplingStudy({ models: 4, prompts: 200, pairsPerPrompt: 3, votesPerPair: 3 });
    const raters = await makeRaters(studyId, 12);
    const answers = await Promise.all(raters.map((r) => nextAssignment(studyId, r.id)));
    // A block is 4 prompts (200 / 50) of 6 pairs, about 12 drawn, 3 votes each: room for every rater.
    expect(answers.filter((a) => !isRaterError(a) && "assignmentId" in a)).toHaveLength(12);
    const study = await db.study.findUniqueOrThrow({ where: { id: studyId }, select: { openedPrompts: true } });
    expect(study.openedPrompts).toBeGreaterThanOrEqual(openingBlockSize(200));
  });

  it("opens nothing once the study stopped, and the lease says done", async () => {
    const { studyId } = await makeSamplingStudy({ models: 3, prompts: 4, pairsPerPrompt: 2, votesPerPair: 1 });
    await db.study.update({ where: { id: studyId }, data: { stoppedAt: new Date(), stopReason: "BUDGET" } });
    expect(await openNextPrompts(studyId, 0)).toBe(0);
    const [rater] = await makeRaters(studyId, 1);
    expect(await nextAssignment(studyId, rater!.id)).toMatchObject({ done: true });
    expect((await db.study.findUniqueOrThrow({ where: { id: studyId }, select: { openedPrompts: true } })).openedPrompts).toBe(0);
  });

  it("stops once every comparison is decided, putting decided comparisons at the floor meanwhile, and never over-assigns", async () => {
    // Three models ranked 0 > 1 > 2 by every rater; 2 of 3 model pairs per prompt, one vote each; the
    // study stops at 0.15 over its 3 model pairs (0.05 each). Each prompt's drawn pairs say "the better
    // model": every comparison's weighted interval closes in on 1 and excludes 1/2 after some prompts.
    const prompts = 90;
    const { studyId, models } = await makeSamplingStudy({ models: 3, prompts, pairsPerPrompt: 2, votesPerPair: 1 });
    await db.study.update({ where: { id: studyId }, data: { stopLevel: 0.15 } });
    const rank = new Map(models.map((m, i) => [m.id, i] as const));
    const raters = await makeRaters(studyId, 4);
    let stopped = null;
    for (let round = 0; round < 200 && !stopped; round++) {
      for (const rater of raters) {
        const pair = served(await nextAssignment(studyId, rater.id));
        if (!pair) continue;
        const { leftIsA, pair: p } = await db.assignment.findUniqueOrThrow({
          where: { id: pair.assignmentId }, select: { leftIsA: true, pair: { select: { modelAId: true, modelBId: true } } },
        });
        const aBetter = rank.get(p.modelAId)! < rank.get(p.modelBId)!;
        const reply = await recordVote(studyId, rater.id, { assignmentId: pair.assignmentId, choice: aBetter === leftIsA ? "LEFT" : "RIGHT" });
        if (isRaterError(reply)) throw new Error(JSON.stringify(reply));
      }
      stopped = await evaluateStopping(studyId);
    }
    expect(stopped?.reason).toBe("DECIDED");
    const study = await db.study.findUniqueOrThrow({ where: { id: studyId }, select: { openedPrompts: true } });
    // Decided before the prompts ran out: the saving sampling and stopping are for.
    expect(study.openedPrompts).toBeLessThan(prompts);
    const pairs = await pairsOf(studyId);
    // Arena's rule with decided comparisons at the floor: once a comparison was decided, its pairs on
    // later prompts were drawn with the floor 2/3/4 = 1/6; before, never below it.
    const floor = samplingFloor(2, 3);
    expect(pairs.filter((p) => p.inclusion !== null).every((p) => p.inclusion! >= floor - 1e-12)).toBe(true);
    // The stopped study serves nothing and opens nothing.
    for (const rater of raters) expect(await nextAssignment(studyId, rater.id)).toMatchObject({ done: true });
    expect((await db.study.findUniqueOrThrow({ where: { id: studyId }, select: { openedPrompts: true } })).openedPrompts).toBe(study.openedPrompts);
    // One vote per drawn pair at most, none on a held one.
    const perPair = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Vote" v JOIN "Pair" p ON p.id = v."pairId" WHERE p."studyId" = ${studyId} GROUP BY v."pairId" HAVING count(*) > 1`;
    expect(perPair).toEqual([]);
    expect(await db.vote.count({ where: { studyId, pair: { held: true } } })).toBe(0);
  });

  it("gives a decided comparison only the floor on the prompts opened after it was decided", async () => {
    const prompts = 40;
    const { studyId, models } = await makeSamplingStudy({ models: 3, prompts, pairsPerPrompt: 2, votesPerPair: 1 });
    // 0.3 over 3 model pairs: each comparison's interval at 0.1.
    await db.study.update({ where: { id: studyId }, data: { stopLevel: 0.3 } });
    for (let opened = 0; opened < 30; opened++) await openNextPrompts(studyId, opened);
    // Model 0 beat model 1 on every drawn pair of theirs (the tallies the Vote triggers keep); nothing else voted.
    const [m0, m1] = [models[0]!.id, models[1]!.id];
    await db.$executeRaw`UPDATE "Pair" SET "voteCount" = 1,
        "winsA" = CASE WHEN "modelAId" = ${m0} THEN 1 ELSE 0 END, "winsB" = CASE WHEN "modelAId" = ${m0} THEN 0 ELSE 1 END, "leftWins" = 1
      WHERE "studyId" = ${studyId} AND NOT held AND "modelAId" IN (${m0}, ${m1}) AND "modelBId" IN (${m0}, ${m1})`;
    const decisions = await comparisonDecisions(studyId);
    const key01 = [m0, m1].sort().join("|");
    expect(decisions.get(key01)).toBe(true);
    expect([...decisions.entries()].filter(([k]) => k !== key01).every(([, d]) => !d)).toBe(true);
    await openNextPrompts(studyId, 30);
    const next = (await pairsOf(studyId)).filter((p) => p.sampleRank === 30);
    // The decided comparison at the floor 1/6; the other two share the rest: 1/6 + (2 - 3/6) / 2 = 11/12.
    for (const p of next) {
      const is01 = [p.modelAId, p.modelBId].sort().join("|") === key01;
      expect(p.inclusion).toBeCloseTo(is01 ? 1 / 6 : 11 / 12, 12);
    }
  });

  it("with the variance rule, shares each block by the comparisons' vote variance, decided ones too", async () => {
    const prompts = 40;
    const { studyId, models } = await makeSamplingStudy({ models: 3, prompts, pairsPerPrompt: 2, votesPerPair: 1, rule: "VARIANCE" });
    await db.study.update({ where: { id: studyId }, data: { stopLevel: 0.3 } });
    for (let opened = 0; opened < 30; opened++) await openNextPrompts(studyId, opened);
    // No votes before the first blocks: every comparison's variance is the prior 1/4, the even share 2/3.
    for (const p of (await pairsOf(studyId)).filter((x) => x.sampleRank === 0)) expect(p.inclusion).toBeCloseTo(2 / 3, 12);
    const [m0, m1] = [models[0]!.id, models[1]!.id];
    await db.$executeRaw`UPDATE "Pair" SET "voteCount" = 1,
        "winsA" = CASE WHEN "modelAId" = ${m0} THEN 1 ELSE 0 END, "winsB" = CASE WHEN "modelAId" = ${m0} THEN 0 ELSE 1 END, "leftWins" = 1
      WHERE "studyId" = ${studyId} AND NOT held AND "modelAId" IN (${m0}, ${m1}) AND "modelBId" IN (${m0}, ${m1})`;
    const key01 = [m0, m1].sort().join("|");
    expect((await comparisonDecisions(studyId)).get(key01)).toBe(true);
    const won = await db.pair.count({ where: { studyId, voteCount: 1 } });
    await openNextPrompts(studyId, 30);
    // 0-1's n straight wins have variance (1/4 + 0) / (n + 1); the unvoted comparisons keep 1/4. Shared by
    // those weights above the floor 1/6, whether decided or not (Arena's rule would leave 0-1 at the floor).
    const q = pairProbabilities([{ winsA: won, winsB: 0, ties: 0, bothBad: 0 }, { winsA: 0, winsB: 0, ties: 0, bothBad: 0 }, { winsA: 0, winsB: 0, ties: 0, bothBad: 0 }],
      { votesPerPrompt: 2, floor: samplingFloor(2, 3), rule: "variance" });
    const share01 = 1 / 6 + (2 - 3 / 6) * (0.25 / (won + 1)) / (0.25 / (won + 1) + 0.5);
    expect(q[0]).toBeCloseTo(share01, 12);
    expect(share01).toBeGreaterThan(1 / 6);
    for (const p of (await pairsOf(studyId)).filter((x) => x.sampleRank === 30)) {
      const is01 = [p.modelAId, p.modelBId].sort().join("|") === key01;
      expect(p.inclusion).toBeCloseTo(is01 ? q[0]! : q[1]!, 12);
    }
  });
});
