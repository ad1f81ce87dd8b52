// Per-rater aggregates (pseudonym only, never email): volume, speed, side preference, gold
// accuracy, flags, undone votes, and agreement with the plurality of the other raters on the same pairs.
// The statistics read each vote once, joined to its pair: its tally in the results' scope gives the
// agreement with the others (prisma/sql/agreement.sql) and the reference counts of
// lib/stats/rater-reliability, its flags gold and exclusion.
import "server-only";
import { dbFrom } from "@/lib/db";
import type { RaterStatsRow } from "@/lib/results/inputs";
import { Prisma } from "@/lib/generated/prisma/client";
import { excludedVotesByPair, hasExcludedPairs, notOnExcludedPair, raterFilter, sourceOf, type ResultsScope } from "./scope";

/**
 * Every non-excluded pair counts here, gold pairs included (they are what gold accuracy is made of);
 * agreement and the reference counts leave gold pairs out, as everywhere.
 * Counts come from one pass over the votes joined to their pairs; each rater's median time from a
 * second query, run at the same time (the database has a core for each).
 */
export async function raterStats(scope: ResultsScope): Promise<RaterStatsRow[]> {
  const excludedPairs = await hasExcludedPairs(scope);
  const db = dbFrom(sourceOf(scope));
  const [rows, medians] = await Promise.all([
    db.$queryRaw<Omit<RaterStatsRow, "medianMs">[]>(raterStatsSql(scope)),
    db.$queryRaw<{ raterId: string; medianMs: number }[]>(raterMediansSql(scope, excludedPairs)),
  ]);
  const medianOf = new Map(medians.map((m) => [m.raterId, m.medianMs] as const));
  // Sorted here: an ORDER BY pseudonym led the planner to walk User's pseudonym index in a nested loop (a million comparisons).
  return rows.map((r) => ({ ...r, medianMs: medianOf.get(r.raterId) ?? null }))
    .sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));
}

/**
 * Each rater's median time per vote (percentile_cont: the middle vote, or the mean of the two middle
 * ones), over the same votes as raterStats. The Vote(studyId, raterId, msTaken) index hands the votes
 * over grouped by rater, so the aggregate sorts each rater's votes alone (a few hundred ms at a
 * million votes; reading up to each rater's middle vote in that index, a thousand raters took twice that).
 */
export function raterMediansSql(scope: ResultsScope, hasExcludedPairs: boolean): Prisma.Sql {
  const pairFilter = hasExcludedPairs ? notOnExcludedPair(scope.studyId) : Prisma.empty;
  return Prisma.sql`
    SELECT v."raterId", (percentile_cont(0.5) WITHIN GROUP (ORDER BY v."msTaken"))::float8 AS "medianMs"
    FROM "Vote" v
    WHERE v."studyId" = ${scope.studyId} ${raterFilter(scope)} ${pairFilter}
    GROUP BY v."raterId"`;
}

/**
 * The study's counted pairs (not excluded) with what the agreement and reference rules need of them,
 * computed once per pair from its tally c (minus excluded raters' votes): `agree` and `compared`, the
 * outcome bits (A 1, B 2, tie 4, both bad 8) whose voters side with / can be compared to a strict
 * plurality of the others (agreement.sql); and, on a non-gold pair of n >= 3 votes, `allOf` the bit all n
 * votes share and `allBut` the one n - 1 share, else 0. A vote's other votes are then unanimous on
 * `allOf`, or on `allBut` when the vote is not that outcome (it is the one other vote). OFFSET 0 keeps the
 * rules from being re-evaluated per vote.
 */
function referencePairs(scope: ResultsScope): Prisma.Sql {
  const excluded = scope.excludeRaterIds.length > 0;
  const minus = (col: string) => (excluded ? Prisma.raw(` - coalesce(x.${col}, 0)`) : Prisma.empty);
  const bit = (n: Prisma.Sql) =>
    Prisma.sql`CASE WHEN p."goldOutputId" IS NOT NULL OR c.n < 3 THEN 0
      WHEN c.a = ${n} THEN 1 WHEN c.b = ${n} THEN 2 WHEN c.t = ${n} THEN 4 WHEN c.x = ${n} THEN 8 ELSE 0 END`;
  return Prisma.sql`(
    SELECT p.id, p."outputAId", p."goldOutputId", ${bit(Prisma.sql`c.n`)} AS "allOf", ${bit(Prisma.sql`c.n - 1`)} AS "allBut",
      "pairwise_agree_mask"(c.a, c.b, c.t, c.x) AS agree, "pairwise_compared_mask"(c.a, c.b, c.t, c.x) AS compared
    FROM "Pair" p ${excluded ? Prisma.sql`LEFT JOIN ${excludedVotesByPair(scope)} x ON x."pairId" = p.id` : Prisma.empty}
    CROSS JOIN LATERAL (
      SELECT t.a, t.b, t.t, t.x, t.a + t.b + t.t + t.x AS n
      FROM (SELECT p."winsA"${minus("a")} AS a, p."winsB"${minus("b")} AS b, p.ties${minus("t")} AS t, p."bothBad"${minus("x")} AS x) t
    ) c
    WHERE p."studyId" = ${scope.studyId} AND NOT p.excluded
    OFFSET 0)`;
}

/**
 * Grouped twice: first by rater and the per-vote facts the counts need (a million votes become some tens of
 * thousands of rows), then each count is a filtered sum over those groups; 19 filtered counts over every
 * vote cost more than the first grouping does.
 */
export function raterStatsSql(scope: ResultsScope): Prisma.Sql {
  return Prisma.sql`
    WITH k AS (
      SELECT v."raterId", "pairwise_label_bit"(v.choice, v."winnerOutputId", p."outputAId") AS own, v.choice, v."tooFast",
        coalesce(v."winnerOutputId" = p."goldOutputId", false) AS "goldRight", p."goldOutputId" IS NOT NULL AS gold,
        p.agree, p.compared, p."allOf", p."allBut", count(*)::int AS n
      FROM "Vote" v JOIN ${referencePairs(scope)} p ON p.id = v."pairId"
      WHERE v."studyId" = ${scope.studyId} ${raterFilter(scope)}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ), vote AS (
      SELECT k.*, CASE WHEN "allOf" <> 0 THEN "allOf" WHEN "allBut" <> own THEN "allBut" ELSE 0 END AS ref FROM k
    ), r AS (
      SELECT "raterId",
        sum(n)::int AS votes,
        coalesce(sum(n) FILTER (WHERE choice = 'LEFT'), 0)::int AS "left",
        coalesce(sum(n) FILTER (WHERE choice = 'RIGHT'), 0)::int AS "right",
        coalesce(sum(n) FILTER (WHERE choice = 'TIE'), 0)::int AS ties,
        coalesce(sum(n) FILTER (WHERE choice = 'BOTH_BAD'), 0)::int AS "bothBad",
        coalesce(sum(n) FILTER (WHERE "tooFast"), 0)::int AS "tooFast",
        coalesce(sum(n) FILTER (WHERE gold), 0)::int AS "goldVotes",
        coalesce(sum(n) FILTER (WHERE "goldRight"), 0)::int AS "goldCorrect",
        -- Agreement with the strict plurality of the pair's other votes, gold pairs left out.
        coalesce(sum(n) FILTER (WHERE agree & own <> 0 AND NOT gold), 0)::int AS agreed,
        coalesce(sum(n) FILTER (WHERE compared & own <> 0 AND NOT gold), 0)::int AS compared,
        -- Reference counts (lib/stats/rater-reliability): own outcomes and unanimous others, on counted pairs.
        coalesce(sum(n) FILTER (WHERE own = 1 AND NOT gold), 0)::int AS "ownA",
        coalesce(sum(n) FILTER (WHERE own = 2 AND NOT gold), 0)::int AS "ownB",
        coalesce(sum(n) FILTER (WHERE own = 4 AND NOT gold), 0)::int AS "ownTie",
        coalesce(sum(n) FILTER (WHERE own = 8 AND NOT gold), 0)::int AS "ownBothBad",
        coalesce(sum(n) FILTER (WHERE ref = 1), 0)::int AS "refA",
        coalesce(sum(n) FILTER (WHERE ref = 2), 0)::int AS "refB",
        coalesce(sum(n) FILTER (WHERE ref = 4), 0)::int AS "refTie",
        coalesce(sum(n) FILTER (WHERE ref = 8), 0)::int AS "refBothBad",
        coalesce(sum(n) FILTER (WHERE ref <> 0 AND ref = own), 0)::int AS "refAgreed"
      FROM vote GROUP BY "raterId"
    ), f AS (
      SELECT a."raterId", count(*)::int AS flagged FROM "Assignment" a
      WHERE a."studyId" = ${scope.studyId} AND a."flaggedAt" IS NOT NULL GROUP BY a."raterId"
    ), u AS (
      -- Votes taken back within the undo window: in no other figure, only counted here (UndoneVote(studyId, raterId)).
      SELECT x."raterId", count(*)::int AS undone FROM "UndoneVote" x WHERE x."studyId" = ${scope.studyId} GROUP BY x."raterId"
    )
    SELECT r.*, usr.pseudonym, COALESCE(f.flagged, 0)::int AS flagged, COALESCE(u.undone, 0)::int AS undone
    FROM r
    JOIN "User" usr ON usr.id = r."raterId"
    LEFT JOIN f ON f."raterId" = r."raterId"
    LEFT JOIN u ON u."raterId" = r."raterId"`;
}
