// Rules that exist both in SQL and in TypeScript, run against each other on every small case and on
// random vote sets: the majority rule, the agreement rule (and the rater statistics that apply it to
// each vote's pair in a results scope), and the tallies of a results scope that excludes raters (the trigger's counts minus a second
// SQL count of the excluded raters' votes), and adaptive votes' rule that a pair's majority is settled
// (prisma/sql/majority-decided.sql, and Pair.decided as the Vote triggers keep it). The vote's refusal
// rules have their twin test in tests/vote-refusals.int.test.ts.
import { describe, expect, it } from "vitest";
import { raterStats } from "@/lib/data/results/rater-stats";
import { talliedPairs, majoritySql } from "@/lib/data/results/scope";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { pairMajority } from "@/lib/allocation/majority-decided";
import { majorityOutcome } from "@/lib/stats/majority";
import { raterMajorityAgreement } from "@/lib/stats/rater-agreement";
import { mulberry32, randomInt } from "@/lib/stats/rng";
import { castVote, type Outcome } from "./factories-results";
import { makeOpenStudy, makeRaters } from "./factories-voting";

type Tally = [a: number, b: number, t: number, x: number];

/** Every tally (A wins, B wins, ties, both bad) with at most `total` votes. */
function tallies(total: number): Tally[] {
  const all: Tally[] = [];
  for (let a = 0; a <= total; a++)
    for (let b = 0; a + b <= total; b++)
      for (let t = 0; a + b + t <= total; t++)
        for (let x = 0; a + b + t + x <= total; x++) all.push([a, b, t, x]);
  return all;
}

/** The rows of `tallies` as a FROM item with columns i, a, b, t, x. */
function talliesSql(rows: Tally[]): Prisma.Sql {
  const column = (k: number) => Prisma.sql`${rows.map((r) => r[k])}::int[]`;
  return Prisma.sql`unnest(${rows.map((_, i) => i)}::int[], ${column(0)}, ${column(1)}, ${column(2)}, ${column(3)}) AS c(i, a, b, t, x)`;
}

const LABELS = ["A", "B", "T", "X"] as const;
const BIT = { A: 1, B: 2, T: 4, X: 8 } as const;

describe("the majority rule: lib/stats/majority.ts and majoritySql", () => {
  it("agree on every tally of up to 8 votes", async () => {
    const rows = tallies(8);
    const sql = await db.$queryRaw<{ i: number; majority: string | null }[]>`
      SELECT c.i, ${majoritySql(Prisma.sql`c.a`, Prisma.sql`c.b`, Prisma.sql`(c.t + c.x)`)} AS majority FROM ${talliesSql(rows)}`;
    expect(sql).toHaveLength(rows.length);
    const differ = sql.filter(({ i, majority }) => {
      const [winsA, winsB, ties, bothBad] = rows[i]!;
      return majority !== majorityOutcome({ winsA, winsB, ties, bothBad });
    });
    expect(differ).toEqual([]);
  });
});

describe("the agreement rule: lib/stats/rater-agreement.ts and the masks of prisma/sql/agreement.sql", () => {
  it("agree for every voter on every tally of up to 8 votes", async () => {
    const rows = tallies(8);
    const sql = await db.$queryRaw<{ i: number; label: number; agrees: boolean | null }[]>`
      SELECT c.i, l.bit AS label,
        CASE WHEN "pairwise_compared_mask"(c.a, c.b, c.t, c.x) & l.bit = 0 THEN NULL ELSE "pairwise_agree_mask"(c.a, c.b, c.t, c.x) & l.bit <> 0 END AS agrees
      FROM ${talliesSql(rows)} CROSS JOIN unnest(ARRAY[1, 2, 4, 8]) AS l(bit)
      WHERE (l.bit = 1 AND c.a > 0) OR (l.bit = 2 AND c.b > 0) OR (l.bit = 4 AND c.t > 0) OR (l.bit = 8 AND c.x > 0)`;
    const differ = sql.filter(({ i, label, agrees }) => agrees !== agreementOf(rows[i]!, label));
    expect(sql.length).toBeGreaterThan(1000);
    expect(differ).toEqual([]);
  });

  it("the rater statistics equal the TypeScript rule after random votes and deletions, with and without raters excluded", async () => {
    const rng = mulberry32(20261201);
    const f = await makeOpenStudy(6);
    const raters = await makeRaters(f.study.id, 7);
    for (const pair of f.pairs) {
      for (const rater of raters) {
        if (rng() < 0.3) continue;
        const outcome = LABELS[randomInt(rng, 4)]!;
        await castVote(f.study.id, { pair, raterId: rater.id, outcome, leftIsA: rng() < 0.5 });
      }
    }
    const some = await db.vote.findMany({ where: { studyId: f.study.id }, select: { id: true } });
    await db.vote.deleteMany({ where: { id: { in: some.filter(() => rng() < 0.25).map((v) => v.id) } } });

    const votes = await db.vote.findMany({
      where: { studyId: f.study.id },
      select: { pairId: true, raterId: true, choice: true, winnerOutputId: true, pair: { select: { outputAId: true } } },
    });
    const labelOf = (v: (typeof votes)[number]) =>
      v.choice === "TIE" ? "T" : v.choice === "BOTH_BAD" ? "X" : v.winnerOutputId === v.pair.outputAId ? "A" : "B";
    const compare = async (excluded: string[]) => {
      const kept = votes.filter((v) => !excluded.includes(v.raterId));
      const rule = raterMajorityAgreement(f.pairs.map((pair) => kept.filter((v) => v.pairId === pair.id).map((v) => ({ rater: v.raterId, label: labelOf(v) }))));
      const stats = await raterStats({ studyId: f.study.id, excludeRaterIds: excluded });
      return {
        sql: stats.map((s) => ({ rater: s.raterId, agreed: s.agreed, compared: s.compared })).sort((x, y) => (x.rater < y.rater ? -1 : 1)),
        ts: rule.map(({ rater, agreed, compared }) => ({ rater, agreed, compared })),
      };
    };
    expect(votes.length).toBeGreaterThan(20);
    for (const excluded of [[], [raters[0]!.id], [raters[2]!.id, raters[5]!.id]]) {
      const { sql, ts } = await compare(excluded);
      expect(ts.some((r) => r.compared > 0)).toBe(true);
      expect(sql).toEqual(ts);
    }
  });
});

/** The TypeScript rule for one voter of `label` (a bit) on a pair with this tally. */
function agreementOf([a, b, t, x]: Tally, label: number): boolean | null {
  const item = LABELS.flatMap((l) => Array.from({ length: { A: a, B: b, T: t, X: x }[l] }, (_, k) => ({ rater: `${l}${k}`, label: l })));
  const voter = `${LABELS.find((l) => BIT[l] === label)}0`;
  const result = raterMajorityAgreement([item]).find((r) => r.rater === voter)!;
  return result.compared === 0 ? null : result.agreed === 1;
}

describe("a results scope that excludes raters: the kept tallies minus excludedVotesByPair", () => {
  it("equals a recount of the other raters' votes, for random vote sets and random exclusions", async () => {
    const rng = mulberry32(7);
    const f = await makeOpenStudy(5);
    const raters = await makeRaters(f.study.id, 6);
    for (const pair of f.pairs) {
      for (const rater of raters) {
        if (rng() < 0.35) continue;
        const outcome: Outcome = LABELS[randomInt(rng, 4)]!;
        await castVote(f.study.id, { pair, raterId: rater.id, outcome, leftIsA: rng() < 0.5 });
      }
    }
    for (let round = 0; round < 8; round++) {
      const excluded = raters.filter(() => rng() < 0.4).map((r) => r.id);
      const scope = { studyId: f.study.id, excludeRaterIds: excluded };
      const kept = await db.$queryRaw<Record<string, unknown>[]>`
        SELECT s."pairId", s.votes, s."winsA", s."winsB", s.ties, s."bothBad", s."leftWins", s."rightWins"
        FROM ${talliedPairs(scope)} s ORDER BY s."pairId"`;
      const recount = await db.$queryRaw<Record<string, unknown>[]>`
        SELECT p.id AS "pairId", count(v.id)::int AS votes,
          count(*) FILTER (WHERE v."winnerOutputId" = p."outputAId")::int AS "winsA",
          count(*) FILTER (WHERE v."winnerOutputId" = p."outputBId")::int AS "winsB",
          count(*) FILTER (WHERE v.choice = 'TIE')::int AS ties, count(*) FILTER (WHERE v.choice = 'BOTH_BAD')::int AS "bothBad",
          count(*) FILTER (WHERE v.choice = 'LEFT')::int AS "leftWins", count(*) FILTER (WHERE v.choice = 'RIGHT')::int AS "rightWins"
        FROM "Pair" p LEFT JOIN "Vote" v ON v."pairId" = p.id AND v."raterId" <> ALL(${excluded}::text[])
        WHERE p."studyId" = ${f.study.id} GROUP BY p.id ORDER BY p.id`;
      expect(kept).toEqual(recount);
    }
  });
});

describe("a settled majority (adaptive votes): pairMajority and pairwise_majority_decided", () => {
  it("agree on every tally of up to k votes, for k = 1 to 7", async () => {
    // The rule reads ties and "both bad" as one bloc: the tallies without "both bad" are every case.
    const rows = tallies(7).filter(([, , , x]) => x === 0);
    const cases = [1, 2, 3, 4, 5, 6, 7].flatMap((k) => rows.filter(([a, b, t]) => a + b + t <= k).map((tally) => ({ tally, k })));
    const sql = await db.$queryRaw<{ i: number; decided: boolean }[]>`
      SELECT c.i, "pairwise_majority_decided"(c.a, c.b, c.t, c.k) AS decided
      FROM unnest(${cases.map((_, i) => i)}::int[], ${cases.map((c) => c.tally[0])}::int[], ${cases.map((c) => c.tally[1])}::int[],
                  ${cases.map((c) => c.tally[2])}::int[], ${cases.map((c) => c.k)}::int[]) AS c(i, a, b, t, k)`;
    expect(sql).toHaveLength(cases.length);
    const statusOf = (i: number) => {
      const { tally: [winsA, winsB, ties], k } = cases[i]!;
      return pairMajority({ winsA, winsB, ties }, k).status;
    };
    const differ = sql.filter(({ i, decided }) => decided !== (statusOf(i) === "decided"));
    expect(differ).toEqual([]);
    // Not a rule that is always false: with k = 3, two votes that agree settle it, two that differ do not.
    const decidedAt3 = sql.filter(({ i, decided }) => decided && cases[i]!.k === 3).map(({ i }) => cases[i]!.tally.slice(0, 3).join(""));
    expect(decidedAt3.sort()).toEqual(["002", "020", "200"]);
  });

  it("Pair.decided, kept by the Vote triggers, equals pairMajority after random votes and deletions", async () => {
    const rng = mulberry32(20261202);
    const k = 4;
    const f = await makeOpenStudy(12, { adaptiveVotes: true, votesPerPair: k });
    const raters = await makeRaters(f.study.id, k);
    for (const pair of f.pairs) {
      for (const rater of raters.slice(0, randomInt(rng, k))) {
        await castVote(f.study.id, { pair, raterId: rater.id, outcome: LABELS[randomInt(rng, 4)]!, leftIsA: rng() < 0.5 });
      }
    }
    const compare = async () => {
      const pairs = await db.pair.findMany({
        where: { studyId: f.study.id }, select: { winsA: true, winsB: true, ties: true, bothBad: true, decided: true },
      });
      return {
        trigger: pairs.map((p) => p.decided),
        rule: pairs.map((p) => pairMajority({ winsA: p.winsA, winsB: p.winsB, ties: p.ties, bothBad: p.bothBad }, k).status === "decided"),
      };
    };
    const before = await compare();
    expect(before.trigger).toEqual(before.rule);
    expect(before.rule).toContain(true);
    const some = await db.vote.findMany({ where: { studyId: f.study.id }, select: { id: true } });
    await db.vote.deleteMany({ where: { id: { in: some.filter(() => rng() < 0.4).map((v) => v.id) } } });
    const after = await compare();
    expect(after.trigger).toEqual(after.rule);
  });
});
