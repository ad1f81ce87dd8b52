// The length-controlled win rate in the results: a study whose raters always pick the longer answer,
// where hare's answers are usually the longer ones. Raw, hare leads clearly; at equal length it does not.
import { beforeAll, describe, expect, it } from "vitest";
import { pairAggregates } from "@/lib/data/results/pair-counts";
import { getStudyResults } from "@/lib/results/study-results";
import { makeUser } from "./factories";
import { castVote, makeModels, makeOutput, makePrompt, makeStudy, makeStudyPair, type Outcome } from "./factories-results";

/*
 * hare's length minus tortoise's per prompt (characters). Raters r1 and r2 vote on every pair: the longer
 * answer wins both votes; on the two equal-length prompts r1 picks hare and r2 tortoise. Pairs alternate
 * which model is output A, so the query's length differences come in both signs for the same model.
 *  hare 12 prompts x 2 wins + 2 (equal length), tortoise 4 x 2 + 2: hare's raw win rate 26/36.
 */
const HARE_MINUS_TORTOISE = [5, 10, 20, 40, 80, 160, 320, 640, 1000, 1500, 2000, 3000, -5, -10, -20, -40, 0, 0];
const BASE = 200;

let studyId = "";
let raters: string[] = [];
let hareName = "";
let tortoiseName = "";

beforeAll(async () => {
  const [hare, tortoise] = await makeModels("hare", "tortoise");
  const study = await makeStudy([hare!, tortoise!]);
  studyId = study.id;
  [hareName, tortoiseName] = [hare!.name, tortoise!.name];
  const users = await Promise.all([makeUser(), makeUser()]);
  raters = users.map((u) => u.pseudonym);
  for (const [i, diff] of HARE_MINUS_TORTOISE.entries()) {
    const prompt = await makePrompt();
    const hareOut = await makeOutput(prompt.id, hare!.id, "h".repeat(BASE + Math.max(diff, 0)));
    const tortoiseOut = await makeOutput(prompt.id, tortoise!.id, "t".repeat(BASE + Math.max(-diff, 0)));
    const hareIsA = i % 2 === 0;
    const pair = await makeStudyPair(study.id, prompt.id, hareIsA ? hareOut.id : tortoiseOut.id, hareIsA ? tortoiseOut.id : hareOut.id);
    const hareSide: Outcome = hareIsA ? "A" : "B";
    const tortoiseSide: Outcome = hareIsA ? "B" : "A";
    const outcomes = diff > 0 ? [hareSide, hareSide] : diff < 0 ? [tortoiseSide, tortoiseSide] : [hareSide, tortoiseSide];
    for (const [r, outcome] of outcomes.entries()) await castVote(study.id, { pair, raterId: users[r]!.id, outcome, leftIsA: r === 0 });
  }
});

describe("length-controlled win rate", () => {
  it("comes back to about 50% when the longer answer always wins, while the raw rate is far from it", async () => {
    const results = (await getStudyResults(studyId))!;
    const c = results.comparisons[0]!;
    expect([c.modelA, c.modelB]).toEqual([hareName, tortoiseName]);
    expect(c.winRate.estimate).toBeCloseTo(26 / 36, 12);
    const lc = c.lengthControlled!;
    expect(lc.raw).toBeCloseTo(26 / 36, 12);
    expect(lc.prompts).toBe(18);
    expect(Math.abs(lc.estimate! - 0.5)).toBeLessThan(0.05);
    expect(lc.phi).toBeGreaterThan(10); // longer answers win: a steep length term
    expect(lc.interval!.low).toBeLessThanOrEqual(lc.estimate!);
    expect(lc.interval!.high).toBeGreaterThanOrEqual(lc.estimate!);
    expect(lc.explained).toBeGreaterThan(0.8);
    expect(lc.summary).toMatch(new RegExp(`^Controlled for answer length, ${hareName}'s win rate is \\d+\\.\\d% \\(95% CI \\d+\\.\\d%–\\d+\\.\\d%\\) against 72\\.2% raw; length explains`));
    expect(lc.method).toContain("instruction-difficulty term is left out");
    expect(lc.resamples).toBe(1000);
  });

  it("follows the rater exclusion scope like every other figure", async () => {
    // Without r2: hare wins 12 + 2 (r1's equal-length votes) of 18, every prompt still counted once.
    const without = (await getStudyResults(studyId, [raters[1]!]))!;
    const c = without.comparisons[0]!;
    expect(c.tally.total).toBe(18);
    expect(c.lengthControlled!.raw).toBeCloseTo(14 / 18, 12);
    expect(c.lengthControlled!.raw).toBeCloseTo(c.winRate.estimate!, 12);
    expect(c.lengthControlled!.prompts).toBe(18);
  });

  it("says why it is not computed on too few prompts", async () => {
    const [x, y] = await makeModels("x", "y");
    const study = await makeStudy([x!, y!]);
    const rater = await makeUser();
    for (let i = 0; i < 3; i++) {
      const prompt = await makePrompt();
      const pair = await makeStudyPair(study.id, prompt.id, (await makeOutput(prompt.id, x!.id, "x".repeat(10 + i))).id, (await makeOutput(prompt.id, y!.id, "y")).id);
      await castVote(study.id, { pair, raterId: rater.id, outcome: "A", leftIsA: true });
    }
    const lc = (await getStudyResults(study.id))!.comparisons[0]!.lengthControlled!;
    expect(lc).toMatchObject({ estimate: null, interval: null, prompts: 3, raw: 1 });
    expect(lc.summary).toBe("Not computed: the length-controlled win rate needs 10 voted prompts; this comparison has 3.");
  });

  it("reads length differences within 1% of each other as one row at their bucket's middle", async () => {
    // 50 ln(1 + 1200) = 354.5 and 50 ln(1 + 1205) = 354.8 share a bucket; 1300 is another one.
    const [x, y] = await makeModels("x", "y");
    const study = await makeStudy([x!, y!]);
    const rater = await makeUser();
    for (const diff of [1200, 1205, 1300]) {
      const prompt = await makePrompt();
      const pair = await makeStudyPair(study.id, prompt.id, (await makeOutput(prompt.id, x!.id, "x".repeat(10 + diff))).id, (await makeOutput(prompt.id, y!.id, "y".repeat(10))).id);
      await castVote(study.id, { pair, raterId: rater.id, outcome: "A", leftIsA: true });
    }
    const { lengths } = await pairAggregates({ studyId: study.id, excludeRaterIds: [] });
    const row = { modelA: x!.name, modelB: y!.name, winsA: 1, winsB: 0, ties: 0, bothBad: 0 };
    expect(lengths).toHaveLength(2);
    expect(lengths).toContainEqual({ ...row, pairs: 2, lengthDiff: expect.closeTo(Math.exp(355 / 50) - 1, 6) }); // 1210.0
    expect(lengths).toContainEqual({ ...row, pairs: 1, lengthDiff: expect.closeTo(1300, -2) });
  });
});
