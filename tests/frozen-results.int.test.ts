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
  }
}

describe("frozen results", () => {
  it("stores the figures, settings, version and the votes, whose export hashes to votesSha256; the hash is stable", async () => {
    const f = await votedStudy();
    const first = await freezeResults(f.study.id, { label: "Table 2 of the paper", exclude: [] }, staff);
    const again = await freezeResults(f.study.id, { label: null, exclude: [] }, staff);
    const view = await getFrozenResult(f.study.id, first!.id);
    expect(view).toMatchObject({ label: "Table 2 of the paper", createdByLabel: staff.label, voteCount: 16, currentDiffers: false, votesRemovedSince: null });
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
    expect(view.votesRemovedSince).toBeInstanceOf(Date);

    await replay(f.study.id, (await frozenVoteLines(f.study.id, frozen!.id))!);
    const recomputed = (await liveStudyFigures(f.study.id, excluded)) as StudyResults;
    expect(recomputed.totals.votes).toBe(12);
    expect(figuresText(recomputed)).toBe(figuresText(view.figures));
    expect((await getFrozenResult(f.study.id, frozen!.id))!.currentDiffers).toBe(false);
  });
});
