// The Bradley–Terry ranking's intervals resample whole prompts (each prompt brings its votes on every
// model pair), through the whole results path: per prompt the counted votes the other figures count
// (gold and excluded pairs left out, excluded raters' votes left out), for the primary choice and a criterion.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { liveStudyFigures } from "@/lib/results/study-results";
import type { RankingJson } from "@/lib/results/types";
import { bradleyTerry } from "@/lib/stats/bradley-terry";
import { makeUser } from "./factories";
import { castVote, makeModels, makeOutput, makePrompt, makeStudy, makeStudyPair, type Outcome } from "./factories-results";

/*
 * Models x, y, z; prompts P1..P6, each with pairs x/y, y/z, x/z (the first model as output A). r1 votes once
 * on every pair, on the overall choice and on "helpful":
 *   P1-P3: overall A A A (x > y > z, x > z); helpful A A B (x > y, y > z, z > x: a cycle)
 *   P4:    overall B B B (z > y > x);         helpful A A B
 * P5's x/y is a gold pair and P6's y/z an excluded one, both voted B B (overall, helpful): in no figure.
 * r2 (left out by the researcher) votes B B on P1's x/y.
 * Overall: each pair 3:1 for the first model. In every resample of prompts all three pairs share one share
 * s of P1-P3's kind, so y stays at the geometric mean: strengths t, 1, 1/t solve every pair at s (y wins
 * 1/(1+t) + t/(t+1) = 1 = s + (1 - s) of its 2 votes per prompt). x: t/(t+1) + t²/(t²+1) = 2 * 0.75 gives
 * t = 2.13040, score 1000 + 400 log10 t = 1131.384; z = 868.616. A resample of only P1-P3's kind (0.75^4 =
 * 0.316) or only P4's (0.004) has no fit: about 320 of 1,000 fail.
 * Helpful: every prompt the same cycle, so every score is 1000 and every resample is the data itself.
 */
const OVERALL: Outcome[][] = [["A", "A", "A"], ["A", "A", "A"], ["A", "A", "A"], ["B", "B", "B"]];
const HELPFUL: Outcome[] = ["A", "A", "B"];

let studyId = "";
let names: string[] = [];
let excluded = "";

async function choose(studyId: string, voteId: string, criterionId: string, pair: { outputAId: string; outputBId: string }, outcome: Outcome) {
  await db.voteCriterion.create({
    data: { voteId, criterionId, studyId, choice: outcome === "A" ? "LEFT" : "RIGHT", winnerOutputId: outcome === "A" ? pair.outputAId : pair.outputBId },
  });
}

beforeAll(async () => {
  const models = await makeModels("x", "y", "z");
  names = models.map((m) => m.name);
  const study = await makeStudy(models);
  studyId = study.id;
  const [, helpful] = await Promise.all(["overall", "helpful"].map((key, position) => db.studyCriterion.create({
    data: { studyId, key, label: key, position }, select: { id: true },
  })));
  const [r1, r2] = await Promise.all([makeUser(), makeUser()]);
  excluded = r2.pseudonym;
  const modelPairs = [[0, 1], [1, 2], [0, 2]] as const;
  for (let p = 0; p < 6; p++) {
    const prompt = await makePrompt();
    const outputs = await Promise.all(models.map((m, i) => makeOutput(prompt.id, m.id, `answer ${i} to ${p}`)));
    for (const [k, [a, b]] of modelPairs.entries()) {
      const noise = (p === 4 && k === 0) || (p === 5 && k === 1);
      const extra = p === 4 && k === 0 ? { goldOutputId: outputs[b]!.id } : p === 5 && k === 1 ? { excluded: true } : {};
      if (p >= 4 && !noise) continue;
      const pair = await makeStudyPair(studyId, prompt.id, outputs[a]!.id, outputs[b]!.id, extra);
      const overall = noise ? "B" : OVERALL[p]![k]!;
      const vote = await castVote(studyId, { pair, raterId: r1.id, outcome: overall, leftIsA: true });
      await choose(studyId, vote.id, helpful!.id, pair, noise ? "B" : HELPFUL[k]!);
      if (p === 0 && k === 0) {
        const other = await castVote(studyId, { pair, raterId: r2.id, outcome: "B", leftIsA: true });
        await choose(studyId, other.id, helpful!.id, pair, "B");
      }
    }
  }
});

const byModel = (ranking: RankingJson | null | undefined) => new Map(ranking!.models.map((m) => [m.model, m] as const));

describe("the Bradley–Terry ranking's intervals", () => {
  it("resample prompts: a model whose pairs move together on every prompt keeps a zero-width interval", async () => {
    const r = (await liveStudyFigures(studyId, [excluded]))!;
    const [x, y, z] = names as [string, string, string];
    expect(r.ranking!.models.map((m) => m.model)).toEqual([x, y, z]);
    const m = byModel(r.ranking);
    expect(m.get(x)!.score).toBeCloseTo(1131.384, 3);
    expect(m.get(y)!.score).toBeCloseTo(1000, 6);
    expect(m.get(z)!.score).toBeCloseTo(868.616, 3);
    // Resampling each pair's votes apart would move y (its wins against z and losses to x apart): here it cannot.
    // (Exactly 1000 up to where a resample's fit stops: well under a thousandth of a point.)
    expect(m.get(y)!.low).toBeCloseTo(1000, 3);
    expect(m.get(y)!.high).toBeCloseTo(1000, 3);
    expect(m.get(x)!.high! - m.get(x)!.low!).toBeGreaterThan(50);
    expect(r.ranking!.failed).toBeGreaterThan(270);
    expect(r.ranking!.failed).toBeLessThan(370);
    expect(r.ranking!.resamples + r.ranking!.failed).toBe(1000);
  });

  it("fit the same votes as the comparisons count (gold, excluded pairs and excluded raters left out)", async () => {
    const r = (await liveStudyFigures(studyId, [excluded]))!;
    const fit = bradleyTerry(r.comparisons.map((c) => ({ a: c.modelA, b: c.modelB, ...c.tally })))!;
    expect(r.comparisons.map((c) => c.tally.total)).toEqual([4, 4, 4]);
    for (const [i, model] of fit.models.entries()) expect(byModel(r.ranking).get(model)!.score).toBeCloseTo(fit.scores[i]!, 9);
    // With r2's vote on P1 (y beats x there), P1 is no longer like P2 and P3: y moves in the resamples.
    const all = (await liveStudyFigures(studyId))!;
    const y = byModel(all.ranking).get(names[1]!)!;
    expect(y.high! - y.low!).toBeGreaterThan(1);
  });

  it("resample a criterion's prompts too: every prompt the same cycle gives every model a zero-width interval at 1000", async () => {
    const r = (await liveStudyFigures(studyId, [excluded]))!;
    const helpful = r.criteria!.others.find((c) => c.key === "helpful")!;
    expect(helpful.comparisons.map((c) => c.tally.total)).toEqual([4, 4, 4]);
    expect(helpful.ranking).toMatchObject({ pseudoTies: 0, failed: 0, resamples: 1000 });
    for (const m of helpful.ranking!.models) {
      expect(m.score).toBeCloseTo(1000, 6);
      expect(m.low).toBeCloseTo(1000, 6);
      expect(m.high).toBeCloseTo(1000, 6);
    }
  });
});
