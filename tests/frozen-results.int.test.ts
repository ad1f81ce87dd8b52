// Frozen results against PostgreSQL: the votes' hash is stable, a later withdrawal makes the current
// figures differ and is reported, and the snapshot's export reproduces the frozen figures exactly
// (the study's votes replaced by the exported ones, then the results recomputed).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listAudit } from "@/lib/data/audit";
import { freezeResults, frozenVoteLines, getFrozenResult } from "@/lib/data/frozen-results";
import { withdrawFromStudy } from "@/lib/data/withdrawal";
import { db } from "@/lib/db";
import { figuresText } from "@/lib/results/frozen-compare";
import { liveStudyFigures } from "@/lib/results/study-results";
import type { StudyResults } from "@/lib/results/types";
import { parseVoteLines, votesSha256 } from "@/lib/results/vote-hash";
import { JUDGE_PLAN, makeJudgedStudy } from "./factories-criteria";
import { makeMarkedStudy, MARK_PLAN } from "./factories-issues";
import { castVote, type Outcome } from "./factories-results";
import { makeOpenStudy, makeRaters } from "./factories-voting";

const staff = { id: "researcher-id", label: "researcher@lab.example" };

async function votedStudy() {
  const f = await makeOpenStudy(4, { votesPerPair: 4 });
  const raters = await makeRaters(f.study.id, 4);
  const plan: Outcome[][] = [["A", "B", "A", "T"], ["B", "B", "A", "X"], ["A", "A", "A", "B"], ["T", "B", "B", "A"]];
  for (const [p, outcomes] of plan.entries()) {
    for (const [r, outcome] of outcomes.entries()) {
      await castVote(f.study.id, {
        pair: f.pairs[p]!, raterId: raters[r]!.id, outcome, leftIsA: (p + r) % 2 === 0, msTaken: 4_000 + 1_000 * r,
        at: new Date(Date.now() - (40 - p * 8 - r) * 3_600_000), rationale: r === 1 ? `because ${p}` : undefined,
      });
    }
  }
  return { ...f, raters };
}

/** Replaces the study's votes by the exported ones, as someone reproducing the figures would. */
async function replay(studyId: string, lines: string) {
  const votes = parseVoteLines(lines);
  const raters = await db.user.findMany({ where: { pseudonym: { in: [...new Set(votes.map((v) => v.rater))] } }, select: { id: true, pseudonym: true } });
  const raterOf = new Map(raters.map((r) => [r.pseudonym, r.id]));
  await db.vote.deleteMany({ where: { studyId } });
  await db.assignment.deleteMany({ where: { studyId } });
  for (const v of votes) {
    const servedAt = new Date(v.servedAt);
    const assignment = await db.assignment.create({
      data: {
        id: randomBytes(12).toString("base64url"), studyId, pairId: v.pairId, raterId: raterOf.get(v.rater)!, leftIsA: v.leftIsA,
        servedAt, expiresAt: new Date(servedAt.getTime() + 900_000), completedAt: new Date(v.votedAt),
      },
    });
    await db.vote.create({
      data: {
        id: v.id, assignmentId: assignment.id, studyId, pairId: v.pairId, raterId: raterOf.get(v.rater)!, choice: v.choice,
        winnerOutputId: v.winnerOutputId, msTaken: v.msTaken, tooFast: v.tooFast, seenBothMs: v.seenBothMs, rationale: v.rationale,
        isDemo: v.isDemo, createdAt: new Date(v.votedAt),
      },
    });
    await replayParts(studyId, v);
  }
}

/** The vote's marks and other criteria, named by key as the frozen lines name them. */
async function replayParts(studyId: string, v: ReturnType<typeof parseVoteLines>[number]) {
  const [issues, criteria] = await Promise.all([
    db.studyIssue.findMany({ where: { studyId }, select: { id: true, key: true } }),
    db.studyCriterion.findMany({ where: { studyId }, select: { id: true, key: true } }),
  ]);
  const idOf = (rows: { id: string; key: string }[], key: string) => rows.find((r) => r.key === key)!.id;
  await db.voteIssue.createMany({ data: (v.issues ?? []).map((m) => ({ voteId: v.id, outputId: m.outputId, issueId: idOf(issues, m.key), studyId })) });
  await db.voteCriterion.createMany({
    data: Object.entries(v.criteria ?? {}).map(([key, c]) => ({ voteId: v.id, criterionId: idOf(criteria, key), studyId, choice: c.choice, winnerOutputId: c.winnerOutputId })),
  });
}

describe("frozen results", () => {
  it("stores the figures, settings, version and the votes, whose export hashes to votesSha256; the hash is stable", async () => {
    const f = await votedStudy();
    const first = await freezeResults(f.study.id, { label: "Table 2 of the paper", exclude: [] }, staff);
    const again = await freezeResults(f.study.id, { label: null, exclude: [] }, staff);
    const view = await getFrozenResult(f.study.id, first!.id);
    expect(view).toMatchObject({ label: "Table 2 of the paper", createdByLabel: staff.label, voteCount: 16, currentDiffers: false, differsIn: [], votesRemovedSince: null });
    expect(view!.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(view!.settings).toMatchObject({ id: f.study.id, votesPerPair: 4 });
    expect(JSON.stringify(view!.settings)).not.toContain(f.study.inviteToken);
    const lines = (await frozenVoteLines(f.study.id, first!.id))!;
    expect(parseVoteLines(lines)).toHaveLength(16);
    expect(votesSha256(lines)).toBe(view!.votesSha256);
    expect((await getFrozenResult(f.study.id, again!.id))!.votesSha256).toBe(view!.votesSha256);
    expect((await listAudit(f.study.id)).map((e) => e.action)).toEqual(["RESULTS_FROZEN", "RESULTS_FROZEN"]);
    expect(await getFrozenResult(f.study.id, "no-such-id")).toBeNull();
  });

  it("after a withdrawal says the figures differ and were computed before it; the export reproduces them", async () => {
    const f = await votedStudy();
    const excluded = [f.raters[3]!.pseudonym];
    const frozen = await freezeResults(f.study.id, { label: null, exclude: excluded }, staff);
    await withdrawFromStudy(f.study.id, f.raters[1]!.id);
    const view = (await getFrozenResult(f.study.id, frozen!.id))!;
    expect(view.excludedRaters).toEqual(excluded);
    expect(view.figures.excludedRaters.pseudonyms).toEqual(excluded);
    expect(view.currentDiffers).toBe(true);
    expect(view.differsIn).toContain("the totals");
    expect(view.votesRemovedSince).toBeInstanceOf(Date);

    await replay(f.study.id, (await frozenVoteLines(f.study.id, frozen!.id))!);
    const recomputed = (await liveStudyFigures(f.study.id, excluded)) as StudyResults;
    expect(recomputed.totals.votes).toBe(12);
    expect(figuresText(recomputed)).toBe(figuresText(view.figures));
    expect((await getFrozenResult(f.study.id, frozen!.id))!.currentDiffers).toBe(false);
  });

  it("keeps each vote's other criteria and issue marks in the frozen votes, and the replay reproduces the figures", async () => {
    const judged = await makeJudgedStudy();
    const frozen = await freezeResults(judged.study.id, { label: null, exclude: [] }, staff);
    const votes = parseVoteLines((await frozenVoteLines(judged.study.id, frozen!.id))!);
    const asPair = (winner: string | null, choice: string, p: number) =>
      winner === null ? choice : winner === judged.pairs[p]!.outputA.id ? "A" : "B";
    const judgedAs = votes.map((v) => {
      const p = judged.pairs.findIndex((x) => x.id === v.pairId);
      const r = judged.raters.findIndex((x) => x.pseudonym === v.rater);
      return { p, r, helpful: asPair(v.criteria!.helpful!.winnerOutputId, v.criteria!.helpful!.choice, p), harmless: asPair(v.criteria!.harmless!.winnerOutputId, v.criteria!.harmless!.choice, p) };
    });
    expect(judgedAs).toHaveLength(9);
    for (const j of judgedAs) expect({ helpful: j.helpful, harmless: j.harmless }).toEqual({ helpful: JUDGE_PLAN[j.p]![j.r]!.helpful, harmless: JUDGE_PLAN[j.p]![j.r]!.harmless });

    const marked = await makeMarkedStudy();
    const frozenMarks = await freezeResults(marked.study.id, { label: null, exclude: [] }, staff);
    const lines = (await frozenVoteLines(marked.study.id, frozenMarks!.id))!;
    const marks = parseVoteLines(lines).flatMap((v) => v.issues ?? []);
    expect(marks).toHaveLength(MARK_PLAN.flat().flatMap(([onA, onB]) => [...onA, ...onB]).length);
    await replay(marked.study.id, lines);
    const recomputed = (await liveStudyFigures(marked.study.id)) as StudyResults;
    const view = (await getFrozenResult(marked.study.id, frozenMarks!.id))!;
    expect(recomputed.issues.length).toBeGreaterThan(0);
    expect(figuresText(recomputed)).toBe(figuresText(view.figures));
  });
});
