// Issue 22 in the results and the stop: each model pair's anytime-valid interval over the closed prefix of
// its prompts in Pair.shuffle order (gold and excluded pairs and excluded raters handled as every figure
// handles them), and the stopping rule setting Study.stoppedAt / stopReason once, with its audit event.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { studyFiguresVersion } from "@/lib/data/results/snapshots";
import { checkStoppingAfterVote, claimStopCheck, evaluateStopping } from "@/lib/data/stopping";
import { getStudyResults } from "@/lib/results/study-results";
import { confidenceSequence } from "@/lib/stats/confidence-sequence";
import { castVote, type Outcome } from "./factories-results";
import { makeOpenStudy, makeRaters } from "./factories-voting";

type Made = Awaited<ReturnType<typeof makeOpenStudy>>;
type Rater = { id: string; pseudonym: string };

/** Casts each pair's votes in the pair's A/B terms, rater i casting the i-th outcome. */
async function vote(made: Made, raters: Rater[], votes: [pair: number, outcomes: Outcome[]][]) {
  for (const [n, outcomes] of votes) {
    for (const [i, outcome] of outcomes.entries()) {
      await castVote(made.study.id, { pair: made.pairs[n]!, raterId: raters[i]!.id, outcome, leftIsA: i % 2 === 0 });
    }
  }
}

/** What the Vote triggers keep in an adaptive study: the pair's majority over k votes can no longer change. */
const markDecided = (made: Made, pairs: number[]) =>
  db.pair.updateMany({ where: { id: { in: pairs.map((n) => made.pairs[n]!.id) } }, data: { decided: true } });

describe("the anytime-valid interval in the results", () => {
  let made: Made;
  let raters: Rater[];
  // Pairs 3 and 4 share a shuffle key: the pair id decides their order.
  const SHUFFLE = [0, 1, 2, 3, 3, 4, 5, 6, 7, 8];

  /*
   * k = 3, outputs A are model A's. In shuffle order:
   *  p0, p1, p2: A A (decided)     -> A
   *  p3: A B A (full)               -> A; without rater 3, A B -> tie
   *  p4: B B A (full)               -> B
   *  p5: B B, gold                  -> left out
   *  p6: B B, excluded (decided)    -> left out
   *  p7: A (open)                   -> the prefix ends here
   *  p8: A A (decided), p9: no votes -> waiting behind p7
   */
  beforeAll(async () => {
    made = await makeOpenStudy(10, { votesPerPair: 3 });
    await db.study.update({ where: { id: made.study.id }, data: { adaptiveVotes: true } });
    raters = await makeRaters(made.study.id, 3);
    await Promise.all(made.pairs.map((p, n) => db.pair.update({ where: { id: p.id }, data: { shuffle: SHUFFLE[n]! } })));
    await db.pair.update({ where: { id: made.pairs[5]!.id }, data: { goldOutputId: made.pairs[5]!.outputAId } });
    await vote(made, raters, [
      [0, ["A", "A"]], [1, ["A", "A"]], [2, ["A", "A"]], [3, ["A", "B", "A"]], [4, ["B", "B", "A"]],
      [5, ["B", "B"]], [6, ["B", "B"]], [7, ["A"]], [8, ["A", "A"]],
    ]);
    await markDecided(made, [0, 1, 2, 6, 8]);
    await db.pair.update({ where: { id: made.pairs[6]!.id }, data: { excluded: true } });
  });

  /** p3 and p4 in the order their ids give. */
  const middle = (p3: number, p4: number) => (made.pairs[3]!.id < made.pairs[4]!.id ? [p3, p4] : [p4, p3]);

  it("is the CS of the closed prefix's majority scores, in shuffle order with the id breaking ties", async () => {
    const r = (await getStudyResults(made.study.id))!;
    const c = r.comparisons[0]!;
    expect(c.modelA).toBe(made.modelA.name);
    const scores = [1, 1, 1, ...middle(1, 0)];
    expect(c.anytime).toMatchObject({ alpha: 0.05, prompts: 5, waiting: 3, estimate: 0.8, decided: false });
    expect(c.anytime!.interval).toEqual(confidenceSequence(scores, { alpha: 0.05 }));
    expect(c.anytime!.text).toMatch(/^Anytime-valid 95% interval \(valid at any stop\): \[\d+\.\d%, 100\.0%\] over 5 prompts \(not yet decided\); 3 more prompts not yet read/);
    expect(r.sequential).toMatchObject({ adaptiveVotes: true, level: 0.05, modelPairs: 1, perPairLevel: 0.05, decided: 0, stop: null, fixedSampleValid: false });
    expect(r.sequential!.voteLevelNote).toContain("contested prompts weigh more");
  });

  it("leaves an excluded rater's votes out of each majority, the pair still closed", async () => {
    const r = (await getStudyResults(made.study.id, [raters[2]!.pseudonym]))!;
    const c = r.comparisons[0]!;
    expect(c.anytime).toMatchObject({ prompts: 5, waiting: 3, estimate: 3.5 / 5 });
    expect(c.anytime!.interval).toEqual(confidenceSequence([1, 1, 1, ...middle(0.5, 0)], { alpha: 0.05 }));
  });

  it("reads an ordinary study's fixed-sample figures as valid", async () => {
    await db.study.update({ where: { id: made.study.id }, data: { adaptiveVotes: false } });
    try {
      const r = (await getStudyResults(made.study.id))!;
      expect(r.sequential).toMatchObject({ adaptiveVotes: false, fixedSampleValid: true, fixedSampleNote: null, voteLevelNote: null });
      expect(r.sequential!.state).toBe("0 of 1 comparison decided by the anytime-valid intervals at 5%; no early stop is set.");
    } finally {
      await db.study.update({ where: { id: made.study.id }, data: { adaptiveVotes: true } });
    }
  });
});

describe("the stop", () => {
  it("stops by budget once, with its reason and one audit event", async () => {
    const made = await makeOpenStudy(3, { votesPerPair: 3 });
    const raters = await makeRaters(made.study.id, 3);
    await db.study.update({ where: { id: made.study.id }, data: { voteBudget: 5 } });
    await vote(made, raters, [[0, ["A", "B", "A"]]]);
    expect(await evaluateStopping(made.study.id)).toBeNull();
    await vote(made, raters, [[1, ["B", "T"]]]);
    const version = await studyFiguresVersion(made.study.id);
    const stop = await evaluateStopping(made.study.id);
    expect(stop?.reason).toBe("BUDGET");
    // Kept figures are stale once it stops, though no vote changed.
    expect(await studyFiguresVersion(made.study.id)).not.toBe(version);
    const again = await evaluateStopping(made.study.id);
    expect(again).toEqual(stop);
    const study = await db.study.findUniqueOrThrow({ where: { id: made.study.id }, select: { stoppedAt: true, stopReason: true } });
    expect(study).toEqual({ stoppedAt: stop!.stoppedAt, stopReason: "BUDGET" });
    const events = await db.auditEvent.findMany({ where: { studyId: made.study.id, action: "STUDY_STOPPED" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorLabel: "system", details: { reason: "BUDGET", votes: 5, voteBudget: 5 } });
    const r = (await getStudyResults(made.study.id))!;
    expect(r.sequential!.stop).toMatchObject({ reason: "BUDGET", text: expect.stringMatching(/^Stopped \d{4}-\d\d-\d\d \d\d:\d\d UTC: vote budget of 5 spent$/) });
    expect(r.sequential!.fixedSampleNote).toContain("the study stopped early");
  });

  it("stops when every comparison is decided (16 straight prompts at 5%), not at 15", async () => {
    const made = await makeOpenStudy(18, { votesPerPair: 3 });
    const raters = await makeRaters(made.study.id, 2);
    await db.study.update({ where: { id: made.study.id }, data: { adaptiveVotes: true, stopLevel: 0.05, voteBudget: 1000 } });
    await Promise.all(made.pairs.map((p, n) => db.pair.update({ where: { id: p.id }, data: { shuffle: n } })));
    const first = Array.from({ length: 15 }, (_, n) => n);
    await vote(made, raters, first.map((n) => [n, ["B", "B"]] as [number, Outcome[]]));
    await markDecided(made, first);
    // Pair 16 decided too, but behind the open pair 15: not read yet.
    await vote(made, raters, [[16, ["B", "B"]]]);
    await markDecided(made, [16]);
    expect(await evaluateStopping(made.study.id)).toBeNull();
    const running = (await getStudyResults(made.study.id))!;
    expect(running.comparisons[0]).toMatchObject({ modelA: made.modelB.name, anytime: { prompts: 15, waiting: 3, decided: false } });
    expect(running.sequential!.state).toBe(
      "Running: 0 of 1 comparison decided by the anytime-valid intervals at 5%; the study stops when every comparison is decided or at 1000 votes.",
    );

    await vote(made, raters, [[15, ["B", "B"]]]);
    await markDecided(made, [15]);
    const stop = await evaluateStopping(made.study.id);
    expect(stop?.reason).toBe("DECIDED");
    const events = await db.auditEvent.findMany({ where: { studyId: made.study.id, action: "STUDY_STOPPED" } });
    expect(events.map((e) => e.details)).toEqual([{ reason: "DECIDED", level: 0.05, modelPairs: 1, decided: 1, votes: 34, voteBudget: 1000 }]);
    const r = (await getStudyResults(made.study.id))!;
    expect(r.comparisons[0]!.anytime).toMatchObject({ prompts: 17, decided: true });
    expect(r.sequential!.stop!.text).toMatch(/^Stopped \d{4}-\d\d-\d\d \d\d:\d\d UTC: every comparison decided at 5% \(Bonferroni over 1 model pair\)$/);
  });

  it("is claimed once per 10 seconds, only by an open study with a rule that has not stopped", async () => {
    const made = await makeOpenStudy(1);
    expect(await claimStopCheck(made.study.id)).toBe(false);
    await db.study.update({ where: { id: made.study.id }, data: { voteBudget: 1 } });
    expect(await claimStopCheck(made.study.id)).toBe(true);
    expect(await claimStopCheck(made.study.id)).toBe(false);
    await db.$executeRaw`UPDATE "Study" SET "stopCheckedAt" = "stopCheckedAt" - interval '11 seconds' WHERE id = ${made.study.id}`;
    const raters = await makeRaters(made.study.id, 1);
    await vote(made, raters, [[0, ["A"]]]);
    expect(await checkStoppingAfterVote(made.study.id)).toMatchObject({ reason: "BUDGET" });
    await db.$executeRaw`UPDATE "Study" SET "stopCheckedAt" = "stopCheckedAt" - interval '11 seconds' WHERE id = ${made.study.id}`;
    expect(await claimStopCheck(made.study.id)).toBe(false);
  });
});
