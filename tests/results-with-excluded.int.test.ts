// The headline "with the excluded prompts": excluding a pair after votes were cast takes its votes out of
// every figure, and each comparison shows beside its headline the sentence with them (its own leader).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getStudyResults } from "@/lib/results/study-results";
import { makeUser } from "./factories";
import { castVote, makeModels, makeOutput, makePrompt, makeStudy, makeStudyPair, type Outcome } from "./factories-results";

/*
 * hare is output A of every pair, tortoise B; raters r1..r4.
 *  P1: r1 A, r2 A, r3 B   -> hare 2, tortoise 1
 *  P2: r1 A, r2 tie       -> hare 1, tie 1
 *  P3: r2 B, r3 B, r4 B  -> tortoise 3 (excluded after the votes were cast, as the admin does)
 *  P4: excluded at creation, never voted on
 */
const VOTES: [prompt: number, rater: number, outcome: Outcome][] = [
  [1, 1, "A"], [1, 2, "A"], [1, 3, "B"],
  [2, 1, "A"], [2, 2, "T"],
  [3, 2, "B"], [3, 3, "B"], [3, 4, "B"],
];

let studyId = "";
let hare = "";
let tortoise = "";
let raters: string[] = [];
let pairIds: string[] = [];

beforeAll(async () => {
  const [a, b] = await makeModels("hare", "tortoise");
  hare = a!.name;
  tortoise = b!.name;
  const study = await makeStudy([a!, b!]);
  studyId = study.id;
  const users = await Promise.all([1, 2, 3, 4].map(() => makeUser()));
  raters = users.map((u) => u.pseudonym);
  const pairs = [];
  for (const n of [1, 2, 3, 4]) {
    const prompt = await makePrompt();
    const outA = await makeOutput(prompt.id, a!.id, `hare answer ${n}`);
    const outB = await makeOutput(prompt.id, b!.id, `tortoise answer ${n}`);
    pairs.push(await makeStudyPair(study.id, prompt.id, outA.id, outB.id, { excluded: n === 4 }));
  }
  pairIds = pairs.map((p) => p.id);
  for (const [prompt, rater, outcome] of VOTES) {
    await castVote(study.id, { pair: pairs[prompt - 1]!, raterId: users[rater - 1]!.id, outcome, leftIsA: true });
  }
});

describe("headline with the excluded prompts", () => {
  it("is null while no excluded pair has votes (P4 is excluded but unvoted)", async () => {
    const c = (await getStudyResults(studyId))!.comparisons[0]!;
    // All of P1-P3: tortoise 4, hare 3, 1 tie.
    expect(c.headline).toBe(`${tortoise} wins 4 versus 3 comparisons against ${hare} (with 1 tie)`);
    expect(c.withExcluded).toBeNull();
  });

  it("after excluding P3: the headline without its votes, and beside it the one with them and its own leader", async () => {
    await db.pair.update({ where: { id: pairIds[2]! }, data: { excluded: true } });
    const r = (await getStudyResults(studyId))!;
    expect(r.study.excludedPairs).toBe(2);
    const c = r.comparisons[0]!;
    expect([c.modelA, c.modelB]).toEqual([hare, tortoise]);
    expect(c.tally).toEqual({ winsA: 3, winsB: 1, ties: 1, bothBad: 0, total: 5 });
    expect(c.headline).toBe(`${hare} wins 3 versus 1 comparisons against ${tortoise} (with 1 tie)`);
    expect(c.withExcluded).toEqual({
      prompts: 1,
      tally: { winsA: 3, winsB: 4, ties: 1, bothBad: 0, total: 8 },
      headline: `With the excluded prompt: ${tortoise} wins 4 versus 3 comparisons against ${hare} (with 1 tie)`,
    });
    expect(r.totals.comparedVotes).toBe(5); // the excluded votes are in no other figure
  });

  it("leaves an excluded rater's votes out of both headlines", async () => {
    // r4 voted only on P3: the normal headline stays; with the excluded prompt, 3 versus 3: a dead heat, canonical order.
    const noR4 = (await getStudyResults(studyId, [raters[3]!]))!.comparisons[0]!;
    expect(noR4.headline).toBe(`${hare} wins 3 versus 1 comparisons against ${tortoise} (with 1 tie)`);
    expect(noR4.withExcluded).toEqual({
      prompts: 1,
      tally: { winsA: 3, winsB: 3, ties: 1, bothBad: 0, total: 7 },
      headline: `With the excluded prompt: Dead heat: ${hare} wins 3 versus 3 comparisons against ${tortoise} (with 1 tie)`,
    });
    // r3 voted B on P1 and P3: 3 versus 0 without the excluded prompt, 3 versus 2 with it.
    const noR3 = (await getStudyResults(studyId, [raters[2]!]))!.comparisons[0]!;
    expect(noR3.headline).toBe(`${hare} wins 3 versus 0 comparisons against ${tortoise} (with 1 tie)`);
    expect(noR3.withExcluded!.headline).toBe(`With the excluded prompt: ${hare} wins 3 versus 2 comparisons against ${tortoise} (with 1 tie)`);
    // Without r2, r3 and r4 the excluded prompt has no votes left: no second headline.
    const noP3Voters = (await getStudyResults(studyId, raters.slice(1)))!.comparisons[0]!;
    expect(noP3Voters.headline).toBe(`${hare} wins 2 versus 0 comparisons against ${tortoise}`);
    expect(noP3Voters.withExcluded).toBeNull();
  });
});
