// The per-criterion figures (issue 20) from real votes through the whole results path, against values
// computed by hand from JUDGE_PLAN (tests/factories-criteria.ts): per criterion the tally, headline, win
// rate, sign test, prompt majorities, Fleiss' kappa; the criteria × model pairs table; how often the other
// criteria differ from the primary within a vote; and the same with a rater, an excluded pair or a gold pair left out.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getStudyResults, liveStudyFigures } from "@/lib/results/study-results";
import type { StudyResults } from "@/lib/results/types";
import { wilsonInterval } from "@/lib/stats/wilson";
import { makeJudgedStudy } from "./factories-criteria";
import { makeOpenStudy } from "./factories-voting";

const criterion = (r: StudyResults, key: string) => r.criteria!.others.find((c) => c.key === key)!;

/** Votes on a criterion's LEFT and RIGHT answers, recounted from the stored choices (the sides were random). */
async function sides(studyId: string, key: string, exceptRater?: string) {
  const rows = await db.voteCriterion.groupBy({
    by: ["choice"], _count: true,
    where: { studyId, criterion: { key }, vote: exceptRater ? { raterId: { not: exceptRater } } : {} },
  });
  const n = (choice: string) => rows.find((r) => r.choice === choice)?._count ?? 0;
  return { hits: n("LEFT"), misses: n("RIGHT") };
}

describe("per-criterion results", () => {
  it("give each criterion every figure of the primary's, oriented like the primary's, with the table and the disagreement", async () => {
    const f = await makeJudgedStudy();
    const [a, b] = [f.modelA.name, f.modelB.name];
    const r = (await liveStudyFigures(f.study.id))!;
    // The primary (overall): A 4 (pairs 0, 2 twice each), B 3, 1 tie, 1 both bad; its figures stay at the top level.
    expect(r.comparisons).toHaveLength(1);
    expect(r.comparisons[0]).toMatchObject({ modelA: a, modelB: b, tally: { winsA: 4, winsB: 3, ties: 1, bothBad: 1, total: 9 } });
    expect(r.criteria!.list.map((c) => c.key)).toEqual(["overall", "helpful", "harmless"]);
    expect(r.criteria!.others.map((c) => c.key)).toEqual(["helpful", "harmless"]);

    // Helpful: pair 0 A A A, pair 1 B A TIE, pair 2 B BOTH_BAD A → A 5, B 2, 1 tie, 1 both bad.
    const helpful = criterion(r, "helpful");
    expect(helpful.label).toBe("Helpful");
    const h = helpful.comparisons[0]!;
    expect(h).toMatchObject({ modelA: a, modelB: b, tally: { winsA: 5, winsB: 2, ties: 1, bothBad: 1, total: 9 } });
    expect(h.headline).toBe(`${a} wins 5 versus 2 comparisons against ${b} (with 1 tie and 1 both bad)`);
    // (5 + 2 halves) / 9 = 2/3; sign test 5 of 7: 2 × (21 + 7 + 1) / 128.
    expect(h.winRate.estimate).toBeCloseTo(2 / 3, 12);
    expect(h.winRate.wilson).toEqual(wilsonInterval(6, 9));
    expect(h.winRate.signTest).toMatchObject({ n: 7, significant: false });
    expect(h.winRate.signTest.pValue).toBeCloseTo(58 / 128, 12);
    expect(h.winRate.bootstrap.interval).not.toBeNull();
    // Majority per prompt: pair 0 A; pair 1 (1, 1, 1 tie) and pair 2 (1, 1, 1 both bad) even.
    expect(h.prompts).toMatchObject({ voted: 3, winsA: 1, winsB: 0, ties: 2 });
    expect(h.lengthControlled).toBeDefined();
    // Items [3,0,0,0], [1,1,1,0], [1,1,0,1]: P̄ = 1/3, Pe = (25 + 4 + 1 + 1) / 81 → kappa = (27 − 31) / 50.
    expect(helpful.agreement).toMatchObject({ items: 3 });
    expect(helpful.agreement.fleissKappa).toBeCloseTo(-0.08, 12);
    expect(helpful.agreement.pairwise).toBeCloseTo(1 / 3, 12);
    expect(helpful.positionBias).toMatchObject(await sides(f.study.id, "helpful"));
    expect(helpful.positionBias.hits + helpful.positionBias.misses).toBe(7);
    expect(helpful.ranking).toBeNull(); // two models

    // Harmless: pair 0 B A TIE, pair 1 B B A, pair 2 A B A → 4 each and 1 tie: a dead heat, still read with the primary's leader first.
    const harmless = criterion(r, "harmless");
    const x = harmless.comparisons[0]!;
    expect(x).toMatchObject({ modelA: a, modelB: b, tally: { winsA: 4, winsB: 4, ties: 1, bothBad: 0, total: 9 } });
    expect(x.headline).toBe(`Dead heat: ${a} wins 4 versus 4 comparisons against ${b} (with 1 tie)`);
    expect(x.winRate.estimate).toBeCloseTo(0.5, 12);
    expect(x.winRate.signTest).toMatchObject({ n: 8, pValue: 1 });
    // Items [1,1,1,0], [1,2,0,0], [2,1,0,0]: P̄ = 2/9, Pe = 33/81 → kappa = (18 − 33) / 48.
    expect(harmless.agreement.fleissKappa).toBeCloseTo(-15 / 48, 12);
    expect(harmless.positionBias).toMatchObject(await sides(f.study.id, "harmless"));

    // One row per model pair, a cell per criterion (primary first): the primary's leader's win rate, its interval, its votes.
    expect(r.criteria!.table).toEqual([{
      modelA: a, modelB: b,
      cells: [
        { key: "overall", estimate: 5 / 9, wilson: wilsonInterval(5, 9), votes: 9 },
        { key: "helpful", estimate: 6 / 9, wilson: wilsonInterval(6, 9), votes: 9 },
        { key: "harmless", estimate: 4.5 / 9, wilson: wilsonInterval(4.5, 9), votes: 9 },
      ],
    }]);

    // Differing from overall: helpful on (0, r2), (1, r1), (2, r0); harmless on (0, r0), (0, r2), (1, r2), (2, r1);
    // either on 2 votes of each pair.
    expect(helpful.disagreement).toMatchObject({ votes: 9, differ: 3, wilson: wilsonInterval(3, 9) });
    expect(helpful.disagreement.rate).toBeCloseTo(1 / 3, 12);
    expect(helpful.disagreement.summary).toMatch(/^Helpful differed from Overall in 3 of 9 votes \(33\.3%; 95% CI/);
    expect(harmless.disagreement).toMatchObject({ votes: 9, differ: 4 });
    expect(r.criteria!.disagreement).toMatchObject({ votes: 9, differ: 6, wilson: wilsonInterval(6, 9) });
    // The JSON API (GET /api/studies/:id/results) serves the same figures.
    expect((await getStudyResults(f.study.id))!.criteria).toEqual(r.criteria);
  });

  it("leave out an excluded rater's choices on every criterion", async () => {
    const f = await makeJudgedStudy();
    const left = f.raters[1]!;
    const r = (await liveStudyFigures(f.study.id, [left.pseudonym]))!;
    // Raters 0 and 2 only. Helpful: A A / B TIE / B A → A 3, B 2, 1 tie: 3.5 / 6; sign test 3 of 5: 2 × 16/32, capped at 1.
    const h = criterion(r, "helpful").comparisons[0]!;
    expect(h.tally).toEqual({ winsA: 3, winsB: 2, ties: 1, bothBad: 0, total: 6 });
    expect(h.winRate.estimate).toBeCloseTo(7 / 12, 12);
    expect(h.winRate.signTest).toMatchObject({ n: 5, pValue: 1 });
    // Harmless: B TIE / B A / A A → A 3, B 2, 1 tie.
    expect(criterion(r, "harmless").comparisons[0]!.tally).toEqual({ winsA: 3, winsB: 2, ties: 1, bothBad: 0, total: 6 });
    expect(criterion(r, "harmless").positionBias).toMatchObject(await sides(f.study.id, "harmless", left.id));
    expect(r.criteria!.table[0]!.cells.map((c) => c.votes)).toEqual([6, 6, 6]);
    expect(criterion(r, "helpful").disagreement).toMatchObject({ votes: 6, differ: 2 });
    expect(criterion(r, "harmless").disagreement).toMatchObject({ votes: 6, differ: 3 });
    expect(r.criteria!.disagreement).toMatchObject({ votes: 6, differ: 4 });
  });

  it("leave an excluded pair out but for the headline with it, and a gold pair out altogether", async () => {
    const f = await makeJudgedStudy();
    await db.pair.update({ where: { id: f.pairs[2]!.id }, data: { excluded: true } });
    const r = (await liveStudyFigures(f.study.id))!;
    // Overall on pairs 0 and 1 is A 2, B 3: B leads, so B is named first on every criterion too.
    expect(r.comparisons[0]).toMatchObject({ modelA: f.modelB.name, modelB: f.modelA.name, tally: { winsA: 3, winsB: 2, ties: 1, bothBad: 0 } });
    // Helpful on pairs 0 and 1: A 4, B 1, 1 tie; pair 2 adds A 1, B 1, 1 both bad to the headline with it.
    const h = criterion(r, "helpful").comparisons[0]!;
    expect(h).toMatchObject({ modelA: f.modelB.name, modelB: f.modelA.name, tally: { winsA: 1, winsB: 4, ties: 1, bothBad: 0, total: 6 } });
    expect(h.winRate.estimate).toBeCloseTo(1.5 / 6, 12);
    expect(h.withExcluded).toMatchObject({ prompts: 1, tally: { winsA: 2, winsB: 5, ties: 1, bothBad: 1, total: 9 } });
    expect(r.criteria!.table[0]!.cells.map((c) => c.estimate)).toEqual([3.5 / 6, 1.5 / 6, 3.5 / 6]);
    expect(criterion(r, "helpful").disagreement).toMatchObject({ votes: 6, differ: 2 });
    expect(r.criteria!.disagreement).toMatchObject({ votes: 6, differ: 4 });

    const g = await makeJudgedStudy();
    await db.pair.update({ where: { id: g.pairs[2]!.id }, data: { goldOutputId: g.pairs[2]!.outputAId } });
    const gold = (await liveStudyFigures(g.study.id))!;
    expect(criterion(gold, "helpful").comparisons[0]).toMatchObject({ tally: { winsA: 1, winsB: 4, ties: 1, bothBad: 0, total: 6 }, withExcluded: null });
    expect(criterion(gold, "harmless").disagreement).toMatchObject({ votes: 6, differ: 3 });
  });

  it("are absent for a study that asks one overall choice", async () => {
    const f = await makeOpenStudy(1);
    expect(await liveStudyFigures(f.study.id)).not.toHaveProperty("criteria");
  });
});
