// The results figures (what GET /api/studies/:id/results returns) on a study with a KNOWN vote
// pattern, every number checked against a value computed by hand in the comments.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportVoteBatches } from "@/lib/data/results/export-votes";
import { pairAggregates } from "@/lib/data/results/pair-counts";
import { listResultPrompts } from "@/lib/data/results/prompt-list";
import { raterStats } from "@/lib/data/results/rater-stats";
import { votesPerHour } from "@/lib/data/results/votes-over-time";
import { resultPromptDetail } from "@/lib/data/results/prompt-detail";
import { exportStream } from "@/lib/exports/stream";
import { getStudyResults, resultsScope } from "@/lib/results/study-results";
import type { ResultsResponse } from "@/lib/results/types";
import { makeUser } from "./factories";
import { castVote, makeModels, makeOutput, makePrompt, makeStudy, makeStudyPair, type Outcome } from "./factories-results";

/*
 * Two models, alpha (output A of every pair) and beta (B); raters r1..r4; study minSecondsPerPair = 10.
 * Outcome in A/B terms, then which output was on the left (L=A / L=B), then the pressed side.
 *
 *  pair | category | dataset | longer | votes
 *  P1   | writing  | d1      | alpha  | r1 A L=A LEFT, r2 A L=B RIGHT, r3 A L=A LEFT          -> A3
 *  P2   | writing  | d1      | alpha  | r1 A L=A LEFT, r2 B L=A RIGHT, r3 tie                  -> A1 B1 T1
 *  P3   | writing  | d1      | alpha  | r1 B L=B LEFT, r2 B L=B LEFT, r4 both bad              -> B2 X1
 *  P4   | coding   | d1      | beta   | r1 A L=A LEFT, r3 A L=B RIGHT, r4 A L=A LEFT           -> A3
 *  P5   | coding   | (none)  | beta   | r1 tie, r4 B L=A RIGHT                                 -> B1 T1
 *  P6   gold pair (gold = alpha): r1 A L=A LEFT (correct), r2 B L=A RIGHT (wrong): rater figures only
 *  P7   excluded pair: r3 A: in no figure (only in exports)
 */
type Plan = { prompt: number; rater: number; outcome: Outcome; leftIsA: boolean; ms: number; hour: number; tooFast?: boolean; flagged?: boolean; rationale?: string };
const PLAN: Plan[] = [
  { prompt: 1, rater: 1, outcome: "A", leftIsA: true, ms: 20_000, hour: 10, rationale: "=SUM(A1)" },
  { prompt: 1, rater: 2, outcome: "A", leftIsA: false, ms: 10_000, hour: 10 },
  { prompt: 1, rater: 3, outcome: "A", leftIsA: true, ms: 25_000, hour: 10 },
  { prompt: 2, rater: 1, outcome: "A", leftIsA: true, ms: 30_000, hour: 10 },
  { prompt: 2, rater: 2, outcome: "B", leftIsA: true, ms: 12_000, hour: 10, flagged: true },
  { prompt: 2, rater: 3, outcome: "T", leftIsA: false, ms: 35_000, hour: 10 },
  { prompt: 3, rater: 1, outcome: "B", leftIsA: false, ms: 40_000, hour: 10 },
  { prompt: 3, rater: 2, outcome: "B", leftIsA: false, ms: 14_000, hour: 10 },
  { prompt: 3, rater: 4, outcome: "X", leftIsA: true, ms: 2_000, hour: 10, tooFast: true },
  { prompt: 4, rater: 1, outcome: "A", leftIsA: true, ms: 50_000, hour: 12 },
  { prompt: 4, rater: 3, outcome: "A", leftIsA: false, ms: 45_000, hour: 12 },
  { prompt: 4, rater: 4, outcome: "A", leftIsA: true, ms: 3_000, hour: 12 },
  { prompt: 5, rater: 1, outcome: "T", leftIsA: true, ms: 60_000, hour: 12 },
  { prompt: 5, rater: 4, outcome: "B", leftIsA: true, ms: 2_500, hour: 12, tooFast: true },
  { prompt: 6, rater: 1, outcome: "A", leftIsA: true, ms: 70_000, hour: 12 },
  { prompt: 6, rater: 2, outcome: "B", leftIsA: true, ms: 16_000, hour: 12 },
  { prompt: 7, rater: 3, outcome: "A", leftIsA: true, ms: 30_000, hour: 12 },
];
const PROMPTS = [
  { category: "writing", dataset: "d1", alphaLonger: true },
  { category: "writing", dataset: "d1", alphaLonger: true },
  { category: "writing", dataset: "d1", alphaLonger: true },
  { category: "coding", dataset: "d1", alphaLonger: false },
  { category: "coding", dataset: null, alphaLonger: false },
  { category: "writing", dataset: "d1", alphaLonger: true, gold: true },
  { category: "writing", dataset: "d1", alphaLonger: true, excluded: true },
];

let studyId = "";
let alpha = "";
let beta = "";
let raters: string[] = []; // pseudonyms r1..r4 at index 0..3
let pairIds: string[] = [];
let results: ResultsResponse;

beforeAll(async () => {
  const [a, b] = await makeModels("alpha", "beta");
  alpha = a!.name;
  beta = b!.name;
  const study = await makeStudy([a!, b!], { minSecondsPerPair: 10 });
  studyId = study.id;
  const users = await Promise.all([1, 2, 3, 4].map(() => makeUser()));
  raters = users.map((u) => u.pseudonym);
  const pairs = [];
  for (const spec of PROMPTS) {
    const prompt = await makePrompt({ category: spec.category, dataset: spec.dataset });
    const outA = await makeOutput(prompt.id, a!.id, spec.alphaLonger ? "a long answer from alpha" : "short");
    const outB = await makeOutput(prompt.id, b!.id, spec.alphaLonger ? "short" : "a long answer from beta");
    pairs.push(await makeStudyPair(study.id, prompt.id, outA.id, outB.id, { goldOutputId: spec.gold ? outA.id : undefined, excluded: spec.excluded }));
  }
  pairIds = pairs.map((p) => p.id);
  for (const v of PLAN) {
    await castVote(study.id, {
      pair: pairs[v.prompt - 1]!, raterId: users[v.rater - 1]!.id, outcome: v.outcome, leftIsA: v.leftIsA, msTaken: v.ms,
      at: new Date(Date.UTC(2026, 0, 1, v.hour, 5, v.prompt)), tooFast: v.tooFast, flagged: v.flagged, rationale: v.rationale,
    });
  }
  results = (await getStudyResults(study.id))!;
});

describe("results of a study with a known vote pattern", () => {
  it("headline: 7 alpha wins, 4 beta wins, 2 ties, 1 both bad (P1-P5 only)", () => {
    expect(results.comparisons).toHaveLength(1);
    const c = results.comparisons[0]!;
    expect([c.modelA, c.modelB]).toEqual([alpha, beta]);
    // A: P1 3 + P2 1 + P4 3 = 7; B: P2 1 + P3 2 + P5 1 = 4; ties P2 + P5 = 2; both bad P3 = 1.
    expect(c.tally).toEqual({ winsA: 7, winsB: 4, ties: 2, bothBad: 1, total: 14 });
    expect(c.headline).toBe(`${alpha} wins 7 versus 4 comparisons against ${beta} (with 2 ties and 1 both bad)`);
    expect(results.totals).toEqual({ votes: 16, raters: 4, comparedVotes: 14, promptsVoted: 5 });
    // Beside it, with the excluded P7 (r3's A): 8 versus 4.
    expect(c.withExcluded).toEqual({
      prompts: 1, tally: { winsA: 8, winsB: 4, ties: 2, bothBad: 1, total: 15 },
      headline: `With the excluded prompt: ${alpha} wins 8 versus 4 comparisons against ${beta} (with 2 ties and 1 both bad)`,
    });
  });

  it("win rate (ties as half), Wilson interval, sign test, votes needed", () => {
    const w = results.comparisons[0]!.winRate;
    // (7 + 0.5 * 3) / 14 = 8.5 / 14
    expect(w.estimate).toBeCloseTo(8.5 / 14, 12);
    // Wilson(8.5, 14), z = 1.959964: centre (p + z²/2n)/(1 + z²/n), half-width as in lib/stats/wilson.
    expect(w.wilson!.low).toBeCloseTo(0.356284027, 8);
    expect(w.wilson!.high).toBeCloseTo(0.811863658, 8);
    // Sign test 7 of 11 decisive: 2 * (C(11,7)+C(11,8)+C(11,9)+C(11,10)+C(11,11)) / 2^11 = 2 * 562 / 2048.
    expect(w.signTest).toMatchObject({ n: 11, significant: false, verdict: "no significant difference at 5%" });
    expect(w.signTest.pValue).toBeCloseTo(1124 / 2048, 12);
    // |8.5/14 - 0.5| = 0.10714; (1.959964 / (2 * 0.10714))² = 83.66 -> 84 votes in all -> 70 more.
    expect(results.comparisons[0]!.votesNeeded).toMatchObject({ more: 70, decided: false });
  });

  it("bootstrap interval clustered by prompt: plausible and reproducible", async () => {
    const boot = results.comparisons[0]!.winRate.bootstrap;
    expect(boot.resamples).toBe(1000);
    // Per-prompt scores 3/3, 1.5/3, 0.5/3, 3/3, 0.5/2: every resample lies between 1/6 and 1.
    expect(boot.interval!.low).toBeGreaterThanOrEqual(0.5 / 3);
    expect(boot.interval!.high).toBeLessThanOrEqual(1);
    expect(boot.interval!.low).toBeLessThan(8.5 / 14);
    expect(boot.interval!.high).toBeGreaterThan(8.5 / 14);
    const again = await getStudyResults(studyId);
    expect(again!.comparisons[0]!.winRate.bootstrap).toEqual(boot);
  });

  it("prompt-level majority tally beside the vote-level one", () => {
    // P1 A (3-0); P2 tie (1-1); P3 B (2 vs bloc 1); P4 A; P5 tie (B 1 vs bloc 1).
    expect(results.comparisons[0]!.prompts).toMatchObject({ voted: 5, winsA: 2, winsB: 1, ties: 2 });
    expect(results.comparisons[0]!.prompts.headline).toBe(`${alpha} wins 2 versus 1 prompts against ${beta} (with 2 tied), by majority per prompt`);
  });

  it("rater agreement: Fleiss' kappa 23/135, pairwise 7/13", () => {
    // Items [A,B,T,X]: P1 [3,0,0,0] P_i 1; P2 [1,1,1,0] 0; P3 [0,2,0,1] 1/3; P4 [3,0,0,0] 1; P5 [0,1,1,0] 0.
    // P-bar = (7/3)/5 = 7/15. Shares 7,4,2,1 of 14: P-e = 70/196 = 5/14. kappa = (7/15 - 5/14)/(9/14) = 23/135.
    expect(results.agreement.items).toBe(5);
    expect(results.agreement.observed).toBeCloseTo(7 / 15, 12);
    expect(results.agreement.expected).toBeCloseTo(5 / 14, 12);
    expect(results.agreement.fleissKappa).toBeCloseTo(23 / 135, 12);
    // Agreeing rater pairs 3 + 0 + 1 + 3 + 0 = 7 of 3 + 3 + 3 + 3 + 1 = 13.
    expect(results.agreement.pairwise).toBeCloseTo(7 / 13, 12);
  });

  it("position bias: 7 LEFT vs 4 RIGHT decisive votes; length bias: longer wins 5 of 11", () => {
    // LEFT: P1 2, P2 1, P3 2, P4 2 = 7. RIGHT: P1 1, P2 1, P4 1, P5 1 = 4.
    expect(results.positionBias).toMatchObject({ hits: 7, misses: 4, significant: false });
    expect(results.positionBias.share).toBeCloseTo(7 / 11, 12);
    expect(results.positionBias.pValue).toBeCloseTo(1124 / 2048, 12);
    // Longer = alpha in P1-P3, beta in P4-P5. Longer wins: P1 3 + P2 1 + P5 1 = 5; shorter: P2 1 + P3 2 + P4 3 = 6.
    expect(results.lengthBias).toMatchObject({ hits: 5, misses: 6, share: 5 / 11 });
    // 5 of 11 is as likely as the mode's neighbour: every outcome is at most as likely, p = 1.
    expect(results.lengthBias.pValue).toBe(1);
  });

  it("per rater: pseudonyms, counts, medians, left share, agreement, gold, flags", () => {
    const byName = new Map(results.raters.map((r) => [r.pseudonym, r]));
    expect(results.raters.map((r) => r.pseudonym).sort()).toEqual([...raters].sort());
    expect(JSON.stringify(results.raters)).not.toContain("@");
    const [r1, r2, r3, r4] = raters.map((p) => byName.get(p)!);
    // r1: P1 L, P2 L, P3 L, P4 L, P5 tie, P6 (gold) L -> 6 votes, 5 left; ms 20..70 s -> median (40 + 50) / 2 = 45 s.
    expect(r1).toMatchObject({ votes: 6, left: 5, right: 0, ties: 1, leftShare: 1, medianSeconds: 45, gold: { correct: 1, total: 1, accuracy: 1 } });
    // Agreement with the others' plurality: P1 yes, P2 others split, P3 others split, P4 yes, P5 others say B -> 2 of 3.
    expect(r1!.agreement).toEqual({ agreed: 2, compared: 3, rate: 2 / 3 });
    expect(r1!.suspicious).toEqual([]); // left share 1 but only 5 decisive votes (< 10)
    // r2: P1 R, P2 R, P3 L, P6 R -> median of 10, 12, 14, 16 s = 13 s; gold wrong; 1 flagged assignment.
    expect(r2).toMatchObject({ votes: 4, left: 1, right: 3, medianSeconds: 13, flaggedAssignments: 1, gold: { correct: 0, total: 1, accuracy: 0 } });
    expect(r2!.agreement).toEqual({ agreed: 1, compared: 1, rate: 1 });
    // r3: P1 L, P2 tie, P4 R (P7 excluded) -> median of 25, 35, 45 s.
    expect(r3).toMatchObject({ votes: 3, left: 1, right: 1, ties: 1, medianSeconds: 35, gold: null });
    expect(r3!.agreement).toEqual({ agreed: 2, compared: 2, rate: 1 });
    // r4: P3 both bad, P4 L, P5 R -> median 2.5 s < the study's 10 s minimum: too fast. Agreement: P3 no, P4 yes, P5 no.
    expect(r4).toMatchObject({ votes: 3, left: 1, right: 1, bothBad: 1, medianSeconds: 2.5, tooFastVotes: 2, suspicious: ["too-fast"] });
    expect(r4!.agreement).toEqual({ agreed: 1, compared: 3, rate: 1 / 3 });
    expect(results.raterThresholds.minMedianSeconds).toBe(10);
  });

  it("per category and dataset", () => {
    const find = (field: string, value: string) => results.categories.find((c) => c.field === field && c.value === value);
    // writing = P1-P3: A 4, B 3, T 1, X 1 -> (4 + 1) / 9.
    expect(find("category", "writing")).toMatchObject({ tally: { winsA: 4, winsB: 3, ties: 1, bothBad: 1, total: 9 }, prompts: 3 });
    expect(find("category", "writing")!.winRate).toBeCloseTo(5 / 9, 12);
    // coding = P4-P5: A 3, B 1, T 1 -> 3.5 / 5.
    expect(find("category", "coding")!.winRate).toBeCloseTo(0.7, 12);
    // d1 = P1-P4: 12 votes; P5 has no dataset and appears in no dataset row.
    expect(find("dataset", "d1")).toMatchObject({ tally: { total: 12 }, prompts: 4 });
    expect(results.categories).toHaveLength(3);
  });

  it("votes over time by hour; no ranking with two models", () => {
    // 9 votes at 10:00 (P1-P3), 7 at 12:00 (P4-P6); P7 is excluded.
    expect(results.overTime).toEqual({
      bucket: "hour",
      points: [{ start: "2026-01-01T10:00:00.000Z", votes: 9 }, { start: "2026-01-01T12:00:00.000Z", votes: 7 }],
    });
    expect(results.ranking).toBeNull();
    expect(results.study).toMatchObject({ pairs: 7, goldPairs: 1, excludedPairs: 1 });
  });

  it("excluding a rater changes every figure", async () => {
    const without = (await getStudyResults(studyId, [raters[3]!, "r_nobody"]))!;
    expect(without.excludedRaters).toEqual({ pseudonyms: [raters[3]], unknown: ["r_nobody"] });
    const c = without.comparisons[0]!;
    // r4 cast P3 both bad, P4 A, P5 B: A 6, B 3, ties 2, both bad 0 -> (6 + 1) / 11; sign test 6 of 9 = 260/512.
    expect(c.tally).toEqual({ winsA: 6, winsB: 3, ties: 2, bothBad: 0, total: 11 });
    expect(c.winRate.estimate).toBeCloseTo(7 / 11, 12);
    expect(c.winRate.signTest.pValue).toBeCloseTo(260 / 512, 12);
    expect(c.votesNeeded.more).toBe(41); // (1.959964 / (2 * 1.5/11))² = 51.6 -> 52 - 11
    expect(without.raters.map((r) => r.pseudonym)).not.toContain(raters[3]);
    expect(without.positionBias).toMatchObject({ hits: 6, misses: 3 });
    expect(without.totals).toMatchObject({ votes: 13, raters: 3 });
    // P5 now has one vote (r1's tie) and drops out of agreement; P3 [0,2,0,0], P4 [2,0,0,0].
    expect(without.agreement.items).toBe(4);
    expect(without.overTime.points.reduce((s, p) => s + p.votes, 0)).toBe(13);
    const r1 = without.raters.find((r) => r.pseudonym === raters[0])!;
    // P1 and P4 agree as before; P3's other vote is now r2's B alone (agrees); P5 has no other vote.
    expect(r1.agreement).toEqual({ agreed: 3, compared: 3, rate: 1 });
  });

  it("counts votes per hour from the hour tallies minus excluded raters and excluded pairs, each vote once", async () => {
    // r3 voted on the excluded P7 too: leaving r3 out must not take that vote away twice.
    for (const exclude of [[], [raters[2]!], [raters[2]!, raters[3]!]]) {
      const { scope } = await resultsScope(studyId, exclude);
      const want = await db.$queryRaw<{ hour: Date; votes: number }[]>`
        SELECT date_trunc('hour', v."createdAt") AS hour, count(*)::int AS votes
        FROM "Vote" v JOIN "Pair" p ON p.id = v."pairId" JOIN "User" u ON u.id = v."raterId"
        WHERE v."studyId" = ${studyId} AND NOT p.excluded AND NOT (u.pseudonym = ANY(${exclude}::text[])) GROUP BY 1 ORDER BY 1`;
      expect(want.length).toBeGreaterThan(0);
      expect(await votesPerHour(scope)).toEqual(want);
    }
  });

  it("agreement with raters excluded matches a plain recount from the votes, for every choice of excluded raters", async () => {
    // Independent of the SQL masks: for each vote, the others' labels on its pair (excluded raters left out), strict plurality.
    const votes = await db.$queryRaw<{ pairId: string; pseudonym: string; label: string }[]>`
      SELECT v."pairId", u.pseudonym,
        CASE WHEN v.choice IN ('TIE', 'BOTH_BAD') THEN v.choice::text WHEN v."winnerOutputId" = p."outputAId" THEN 'A' ELSE 'B' END AS label
      FROM "Vote" v JOIN "Pair" p ON p.id = v."pairId" JOIN "User" u ON u.id = v."raterId"
      WHERE v."studyId" = ${studyId} AND NOT p.excluded AND p."goldOutputId" IS NULL`;
    const recount = (excluded: string[]) => {
      const kept = votes.filter((v) => !excluded.includes(v.pseudonym));
      const out = new Map<string, { agreed: number; compared: number }>();
      for (const v of kept) {
        const others = new Map<string, number>();
        for (const o of kept) if (o.pairId === v.pairId && o !== v) others.set(o.label, (others.get(o.label) ?? 0) + 1);
        const ranked = [...others.entries()].sort((x, y) => y[1] - x[1]);
        const r = out.get(v.pseudonym) ?? { agreed: 0, compared: 0 };
        if (ranked.length > 0 && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1])) {
          r.compared++;
          if (ranked[0]![0] === v.label) r.agreed++;
        }
        out.set(v.pseudonym, r);
      }
      return out;
    };
    const subsets = [[], [0], [1], [2], [3], [0, 1], [1, 3], [2, 3], [0, 2, 3]].map((ix) => ix.map((i) => raters[i]!));
    for (const excluded of subsets) {
      const r = (await getStudyResults(studyId, excluded))!;
      const want = recount(excluded);
      for (const row of r.raters) {
        const w = want.get(row.pseudonym) ?? { agreed: 0, compared: 0 };
        expect({ excluded, rater: row.pseudonym, ...row.agreement }).toMatchObject({ excluded, rater: row.pseudonym, agreed: w.agreed, compared: w.compared });
      }
    }
  });

  it("reads each rater's median from the index exactly as percentile_cont would, excluded pairs or not", async () => {
    const reference = () => db.$queryRaw<{ pseudonym: string; median: number }[]>`
      SELECT u.pseudonym, percentile_cont(0.5) WITHIN GROUP (ORDER BY v."msTaken") AS median
      FROM "Vote" v JOIN "Pair" p ON p.id = v."pairId" JOIN "User" u ON u.id = v."raterId"
      WHERE v."studyId" = ${studyId} AND NOT p.excluded GROUP BY u.pseudonym`;
    const medians = async () => new Map((await raterStats({ studyId, excludeRaterIds: [] })).map((r) => [r.pseudonym, r.medianMs]));
    const check = async () => {
      const got = await medians();
      const want = await reference();
      expect(want.length).toBe(4);
      for (const row of want) expect(got.get(row.pseudonym)).toBe(row.median);
    };
    await check(); // P7 excluded: the filtered path
    await db.pair.updateMany({ where: { studyId, excluded: true }, data: { excluded: false } });
    try {
      await check(); // nothing excluded: the index-only path, now with r3's vote on P7
      expect((await medians()).get(raters[2]!)).not.toBe(35_000);
    } finally {
      await db.pair.updateMany({ where: { studyId, id: pairIds[6]! }, data: { excluded: true } });
    }
  });

  it("lists prompts with their votes, paginated and filterable, and opens one with names revealed", async () => {
    expect(results.prompts.total).toBe(6); // every non-excluded pair, gold included
    const scope = { studyId, excludeRaterIds: [] };
    const page = await listResultPrompts(scope, { page: 2, pageSize: 4 });
    expect(page).toMatchObject({ total: 6, page: 2 });
    expect(page.items).toHaveLength(2);
    const bWins = await listResultPrompts(scope, { page: 1, pageSize: 25, outcome: "B" });
    expect(bWins.items.map((i) => i.pairId)).toEqual([pairIds[2]]);
    // By the winning model's name, whichever output of the pair it is: beta took P3, alpha P1 and P4.
    expect((await listResultPrompts(scope, { page: 1, pageSize: 25, winner: beta })).items.map((i) => i.pairId)).toEqual([pairIds[2]]);
    expect((await listResultPrompts(scope, { page: 1, pageSize: 25, winner: alpha })).items.map((i) => i.pairId)).toEqual([pairIds[0], pairIds[3]]);
    const coding = await listResultPrompts(scope, { page: 1, pageSize: 25, category: "coding" });
    expect(coding.items.map((i) => i.majority)).toEqual(["A", "tie"]);
    expect((await listResultPrompts(scope, { page: 9, pageSize: 4 })).total).toBe(6);
    const detail = (await resultPromptDetail(studyId, pairIds[0]!, []))!;
    expect(detail.outputA.model).toBe(alpha);
    expect(detail.outputB.model).toBe(beta);
    expect(detail.votes.map((v) => [v.rater, v.leftModel, v.winner])).toEqual([
      [raters[0], alpha, alpha],
      [raters[1], beta, alpha],
      [raters[2], alpha, alpha],
    ]);
    expect(await resultPromptDetail(studyId, "no-such-pair", [])).toBeNull();
  });

  it("sets an imported judge beside the human majority (agreement and Cohen's kappa)", async () => {
    // Judge: P1 A (humans A), P2 B (humans tie), P3 B (B), P4 draw (A), P5 draw (tie): 3 of 5 agree.
    // Matrix judge x human [A,B,tie]: [[1,0,0],[0,1,1],[1,0,1]]; p_o = 3/5; rows 1,2,2; cols 2,1,2;
    // p_e = (2 + 2 + 4)/25 = 8/25; kappa = (0.6 - 0.32)/0.68 = 7/17.
    const pairs = await db.pair.findMany({ where: { id: { in: pairIds.slice(0, 5) } }, select: { id: true, outputAId: true, outputBId: true } });
    const byId = new Map(pairs.map((p) => [p.id, p]));
    const winners = ["A", "B", "B", null, null].map((w, i) => {
      const p = byId.get(pairIds[i]!)!;
      return { pairId: p.id, winnerOutputId: w === "A" ? p.outputAId : w === "B" ? p.outputBId : null };
    });
    await db.judgeRun.create({ data: { studyId, name: "test-judge", fileName: "j.json", sha256: "x".repeat(64), labels: { create: winners } } });
    const withJudge = (await getStudyResults(studyId))!;
    const judge = withJudge.judges[0]!;
    expect(judge).toMatchObject({ name: "test-judge", labels: 5 });
    expect(judge.comparisons[0]).toMatchObject({ modelA: alpha, winsA: 1, winsB: 2, draws: 2 });
    expect(judge.agreement).toMatchObject({ compared: 5, agreed: 3, rate: 0.6 });
    expect(judge.agreement.kappa).toBeCloseTo(7 / 17, 12);
  });
});

describe("exports", () => {
  async function exported(format: "csv" | "battles" | "alpaca_eval") {
    return new Response(exportStream(format, exportVoteBatches(studyId, format === "alpaca_eval"))).text();
  }

  it("CSV: every vote, de-blinded, with sides and neutralized formula cells", async () => {
    const lines = (await exported("csv")).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + PLAN.length); // header + every vote, gold and excluded pairs included
    const header = lines[0]!.split(",");
    const first = lines[1]!.split(","); // P1, r1, alpha on the left, alpha won, rationale "=SUM(A1)"
    const cell = (name: string) => first[header.indexOf(name)];
    expect([cell("model_a"), cell("model_b"), cell("left_model"), cell("right_model")]).toEqual([alpha, beta, alpha, beta]);
    expect([cell("choice"), cell("winner"), cell("outcome"), cell("rater")]).toEqual(["LEFT", alpha, "model_a", raters[0]]);
    expect(cell("rationale")).toBe("'=SUM(A1)");
    expect(cell("ms_taken")).toBe("20000");
    const second = lines[2]!.split(","); // P1, r2, beta on the left, pressed RIGHT: alpha won
    expect([second[header.indexOf("left_model")], second[header.indexOf("choice")], second[header.indexOf("winner")]]).toEqual([beta, "RIGHT", alpha]);
  });

  it("battles: model_a is the left model; AlpacaEval: generator_1 is output A", async () => {
    const battles = JSON.parse(await exported("battles")) as { model_a: string; model_b: string; winner: string; judge: string }[];
    expect(battles).toHaveLength(PLAN.length);
    expect(battles[1]).toMatchObject({ model_a: beta, model_b: alpha, winner: "model_b", judge: raters[1] });
    expect(battles.filter((b) => b.winner === "tie (bothbad)")).toHaveLength(1);
    const alpaca = JSON.parse(await exported("alpaca_eval")) as { generator_1: string; preference: number; output_1: string }[];
    expect(alpaca[1]).toMatchObject({ generator_1: alpha, preference: 1, output_1: "a long answer from alpha" });
    expect(alpaca.filter((a) => a.preference === 1.5)).toHaveLength(3); // 2 ties + 1 both bad
  });
});

describe("three models", () => {
  it("ranks by Bradley-Terry in the expected order, with intervals and a head-to-head matrix", async () => {
    const [x, y, z] = await makeModels("x", "y", "z");
    const study = await makeStudy([x!, y!, z!]);
    const prompt = await makePrompt();
    const [ox, oy, oz] = await Promise.all([x, y, z].map((m, i) => makeOutput(prompt.id, m!.id, `answer ${i}`)));
    const xy = await makeStudyPair(study.id, prompt.id, ox!.id, oy!.id);
    const yz = await makeStudyPair(study.id, prompt.id, oy!.id, oz!.id);
    const xz = await makeStudyPair(study.id, prompt.id, ox!.id, oz!.id);
    const users = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser()));
    // x beats y 4-1, y beats z 4-1, x beats z 5-0.
    for (const [i, u] of users.entries()) {
      await castVote(study.id, { pair: xy, raterId: u.id, outcome: i < 4 ? "A" : "B", leftIsA: i % 2 === 0 });
      await castVote(study.id, { pair: yz, raterId: u.id, outcome: i < 4 ? "A" : "B", leftIsA: i % 2 === 1 });
      await castVote(study.id, { pair: xz, raterId: u.id, outcome: "A", leftIsA: true });
    }
    const r = (await getStudyResults(study.id))!;
    expect(r.comparisons).toHaveLength(3);
    expect(r.ranking!.models.map((m) => m.model)).toEqual([x!.name, y!.name, z!.name]);
    expect(r.ranking!.models[0]!.low).not.toBeNull();
    const h = r.ranking!.headToHead;
    expect(h.winRate[h.models.indexOf(x!.name)]![h.models.indexOf(y!.name)]).toBeCloseTo(0.8, 12);
  });
});

describe("pair aggregates", () => {
  it("skip equal-length pairs in length bias, count a prompt once across comparisons, and group identical pairs", async () => {
    const [x, y, z] = await makeModels("x", "y", "z");
    const study = await makeStudy([x!, y!, z!]);
    const [rater1, rater2] = await Promise.all([makeUser(), makeUser()]);
    const q1 = await makePrompt({ category: "math" });
    const q2 = await makePrompt({ category: "math" });
    const out = async (promptId: string, model: { id: string }, text: string) => (await makeOutput(promptId, model.id, text)).id;
    const q1x = await out(q1.id, x!, "same");
    const q1y = await out(q1.id, y!, "same");
    const q1z = await out(q1.id, z!, "much longer");
    const q2x = await out(q2.id, x!, "longer answer");
    const q2y = await out(q2.id, y!, "short");
    const xy1 = await makeStudyPair(study.id, q1.id, q1x, q1y); // equal lengths
    const xz1 = await makeStudyPair(study.id, q1.id, q1x, q1z); // z longer
    const xy2 = await makeStudyPair(study.id, q2.id, q2x, q2y); // x longer
    const vote = (pair: typeof xy1, raterId: string, outcome: Outcome) => castVote(study.id, { pair, raterId, outcome, leftIsA: true });
    await vote(xy1, rater1.id, "A");
    await vote(xy1, rater2.id, "B");
    await vote(xz1, rater1.id, "B");
    await vote(xy2, rater1.id, "A");
    await vote(xy2, rater2.id, "B");
    const agg = await pairAggregates({ studyId: study.id, excludeRaterIds: [] });
    // A on the left throughout: A outcomes pressed LEFT (2), B outcomes RIGHT (3). Longer wins: z in xz1 (1), x in
    // xy2 (1); shorter wins: y in xy2 (1); xy1 has equal lengths and is skipped.
    expect(agg.sides).toEqual({ leftWins: 2, rightWins: 3, longerWins: 2, shorterWins: 1 });
    expect(agg.promptsVoted).toBe(2);
    // xy1 and xy2 have the same counts (A1 B1): one pattern standing for two pairs.
    expect(agg.patterns).toHaveLength(2);
    expect(agg.patterns).toContainEqual({ modelA: x!.name, modelB: y!.name, winsA: 1, winsB: 1, ties: 0, bothBad: 0, pairs: 2 });
    expect(agg.categories).toContainEqual({ field: "category", value: "math", modelA: x!.name, modelB: y!.name, winsA: 2, winsB: 2, ties: 0, bothBad: 0, pairs: 2 });
    expect(agg.orders).toHaveLength(2);
    // Per length difference (A's characters minus B's, to within 1%): xy1 0, xz1 4 - 11, xy2 13 - 5; same counts, separate rows.
    expect(agg.lengths).toHaveLength(3);
    expect(agg.lengths).toContainEqual({ modelA: x!.name, modelB: y!.name, winsA: 1, winsB: 1, ties: 0, bothBad: 0, pairs: 1, lengthDiff: 0 });
    expect(agg.lengths).toContainEqual({ modelA: x!.name, modelB: z!.name, winsA: 0, winsB: 1, ties: 0, bothBad: 0, pairs: 1, lengthDiff: expect.closeTo(-7, 1) });
    expect(agg.lengths).toContainEqual({ modelA: x!.name, modelB: y!.name, winsA: 1, winsB: 1, ties: 0, bothBad: 0, pairs: 1, lengthDiff: expect.closeTo(8, 1) });
  });
});
