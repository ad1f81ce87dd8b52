// Per-rater agreement without gold: the reference counts the rater statistics' SQL gives each rater
// against a plain recount in TypeScript from the votes, and a random rater among consistent ones
// flagged end to end (the dashboard's JSON), while the consistent ones are not.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { raterStats } from "@/lib/data/results/rater-stats";
import { getStudyResults, resultsScope } from "@/lib/results/study-results";
import { mulberry32 } from "@/lib/stats/rng";
import { makeUser } from "./factories";
import { castVote, makeModels, makeOutput, makePrompt, makeStudy, makeStudyPair, type Outcome } from "./factories-results";

const OUTCOMES: Outcome[] = ["A", "B", "T", "X"];

async function makePairs(studyId: string, models: { id: string }[], n: number, extra: (i: number) => { gold?: boolean; excluded?: boolean } = () => ({})) {
  const pairs = [];
  for (let i = 0; i < n; i++) {
    const prompt = await makePrompt();
    const a = await makeOutput(prompt.id, models[0]!.id, `answer a ${i}`);
    const b = await makeOutput(prompt.id, models[1]!.id, `answer b ${i}`);
    const { gold, excluded } = extra(i);
    pairs.push(await makeStudyPair(studyId, prompt.id, a.id, b.id, { goldOutputId: gold ? a.id : undefined, excluded }));
  }
  return pairs;
}

type Counts = { A: number; B: number; TIE: number; BOTH_BAD: number };
type Recount = { votes: Counts; reference: Counts; agreed: number };
const zero = (): Counts => ({ A: 0, B: 0, TIE: 0, BOTH_BAD: 0 });

describe("reference counts: SQL against a plain recount", () => {
  let studyId = "";
  let pseudonyms: string[] = [];

  beforeAll(async () => {
    const rng = mulberry32(20261201);
    const models = await makeModels("ref-a", "ref-b");
    const study = await makeStudy(models);
    studyId = study.id;
    const users = await Promise.all(Array.from({ length: 7 }, () => makeUser()));
    pseudonyms = users.map((u) => u.pseudonym);
    // 40 pairs; pair 0 is gold and pair 1 excluded (both left out of the reference counts).
    const pairs = await makePairs(study.id, models, 40, (i) => ({ gold: i === 0, excluded: i === 1 }));
    for (const [i, pair] of pairs.entries()) {
      // A panel of 1–5 raters; on even pairs everyone takes the pair's mode (unanimous), on odd ones 60% do.
      const panel = [...users].sort(() => rng() - 0.5).slice(0, 1 + Math.floor(rng() * 5));
      const mode = OUTCOMES[Math.floor(rng() * 4)]!;
      for (const u of panel) {
        const outcome = i % 2 === 0 || rng() < 0.6 ? mode : OUTCOMES[Math.floor(rng() * 4)]!;
        await castVote(study.id, { pair, raterId: u.id, outcome, leftIsA: rng() < 0.5 });
      }
    }
  });

  async function recount(excluded: string[]): Promise<Map<string, Recount>> {
    const votes = await db.$queryRaw<{ pairId: string; pseudonym: string; label: keyof Counts }[]>`
      SELECT v."pairId", u.pseudonym,
        CASE WHEN v.choice IN ('TIE', 'BOTH_BAD') THEN v.choice::text WHEN v."winnerOutputId" = p."outputAId" THEN 'A' ELSE 'B' END AS label
      FROM "Vote" v JOIN "Pair" p ON p.id = v."pairId" JOIN "User" u ON u.id = v."raterId"
      WHERE v."studyId" = ${studyId} AND NOT p.excluded AND p."goldOutputId" IS NULL`;
    const kept = votes.filter((v) => !excluded.includes(v.pseudonym));
    const out = new Map<string, Recount>();
    for (const v of kept) {
      const r = out.get(v.pseudonym) ?? { votes: zero(), reference: zero(), agreed: 0 };
      r.votes[v.label]++;
      const others = kept.filter((o) => o.pairId === v.pairId && o !== v).map((o) => o.label);
      if (others.length >= 2 && others.every((o) => o === others[0])) {
        r.reference[others[0]!]++;
        if (v.label === others[0]) r.agreed++;
      }
      out.set(v.pseudonym, r);
    }
    return out;
  }

  it("match for every rater, with and without excluded raters", async () => {
    let referenced = 0;
    for (const excluded of [[], [pseudonyms[0]!], [pseudonyms[2]!, pseudonyms[5]!]]) {
      const { scope } = await resultsScope(studyId, excluded);
      const rows = await raterStats(scope);
      const want = await recount(excluded);
      expect(rows.map((r) => r.pseudonym).sort()).toEqual([...want.keys()].sort());
      for (const row of rows) {
        const got: Recount = {
          votes: { A: row.ownA!, B: row.ownB!, TIE: row.ownTie!, BOTH_BAD: row.ownBothBad! },
          reference: { A: row.refA!, B: row.refB!, TIE: row.refTie!, BOTH_BAD: row.refBothBad! },
          agreed: row.refAgreed!,
        };
        expect({ excluded, rater: row.pseudonym, ...got }).toEqual({ excluded, rater: row.pseudonym, ...want.get(row.pseudonym)! });
        referenced += got.reference.A + got.reference.B + got.reference.TIE + got.reference.BOTH_BAD;
      }
    }
    // The data exercise both sides of the rule: some reference votes, and some votes that are not.
    expect(referenced).toBeGreaterThan(20);
  });
});

describe("a random rater among consistent ones", () => {
  it("is flagged for chance agreement, with n and p in the rater table; the consistent raters are not", async () => {
    const rng = mulberry32(7);
    const models = await makeModels("strong", "weak");
    const study = await makeStudy(models);
    const users = await Promise.all(Array.from({ length: 4 }, () => makeUser()));
    const pairs = await makePairs(study.id, models, 100);
    for (const pair of pairs) {
      const truth: Outcome = rng() < 0.5 ? "A" : "B";
      for (const [k, u] of users.entries()) {
        // Raters 0–2 follow the clear answer 90% of the time; rater 3 picks A, B or tie at random.
        const outcome: Outcome = k === 3 ? OUTCOMES[Math.floor(rng() * 3)]! : rng() < 0.9 ? truth : truth === "A" ? "B" : "A";
        await castVote(study.id, { pair, raterId: u.id, outcome, leftIsA: rng() < 0.5 });
      }
    }
    const results = (await getStudyResults(study.id))!;
    const byName = new Map(results.raters.map((r) => [r.pseudonym, r] as const));
    const random = byName.get(users[3]!.pseudonym)!;
    expect(random.suspicious).toContain("chance-agreement");
    expect(random.reliability.n).toBeGreaterThanOrEqual(results.raterThresholds.minReference);
    expect(random.reliability.adjustedP!).toBeGreaterThanOrEqual(0.01);
    for (const u of users.slice(0, 3)) {
      const r = byName.get(u.pseudonym)!;
      expect(r.suspicious, r.pseudonym).toEqual([]);
      expect(r.reliability.adjustedP!).toBeLessThan(0.01);
    }
    // Leaving the random rater out does not change that the others are fine (their others are now two, unanimous more often).
    const without = (await getStudyResults(study.id, [users[3]!.pseudonym]))!;
    expect(without.raters.every((r) => r.suspicious.length === 0)).toBe(true);
  });
});
