// Per-rater aggregates (pseudonym only, never email): volume, speed, side preference, gold
// accuracy, flags, undone votes, and agreement with the plurality of the other raters on the same pairs.
// The statistics read each vote once; what they need of its pair comes from the Vote row itself (its
// agreement flag) or a small hashed set (gold, excluded pairs); with raters excluded, only the votes
// on the pairs those raters voted on are read again.
import "server-only";
import { db } from "@/lib/db";
import type { RaterAgreementRow, RaterStatsRow } from "@/lib/results/inputs";
import { Prisma } from "@/lib/generated/prisma/client";
import { excludedVotesByPair, hasExcludedPairs, notOnExcludedPair, raterFilter, type ResultsScope } from "./scope";

/**
 * Every non-excluded pair counts here, gold pairs included (they are what gold accuracy is made of);
 * agreement leaves gold pairs out, as everywhere.
 * Counts come from one parallel pass over the votes; each rater's median time from the
 * Vote(studyId, raterId, msTaken) index, reading only up to the middle of their votes there
 * (an ordered-set aggregate over a million votes sorted them all: 0.9 s against 0.1 s).
 */
export async function raterStats(scope: ResultsScope): Promise<RaterStatsRow[]> {
  const rows = await db.$queryRaw<RaterStatsRow[]>(raterStatsSql(scope, await hasExcludedPairs(scope)));
  // Sorted here: an ORDER BY pseudonym led the planner to walk User's pseudonym index in a nested loop (a million comparisons).
  return rows.sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));
}

export function raterStatsSql(scope: ResultsScope, hasExcludedPairs: boolean): Prisma.Sql {
  // Only with excluded pairs does a vote need its pair checked (a hashed set, but it keeps the scan serial).
  const pairFilter = hasExcludedPairs ? notOnExcludedPair(scope.studyId) : Prisma.empty;
  return Prisma.sql`
    WITH r AS (
      SELECT v."raterId",
        count(*)::int AS votes,
        count(*) FILTER (WHERE v.choice = 'LEFT')::int AS "left",
        count(*) FILTER (WHERE v.choice = 'RIGHT')::int AS "right",
        count(*) FILTER (WHERE v.choice = 'TIE')::int AS ties,
        count(*) FILTER (WHERE v.choice = 'BOTH_BAD')::int AS "bothBad",
        count(*) FILTER (WHERE v."tooFast")::int AS "tooFast",
        -- The trigger-kept flags; with raters excluded, raterAgreementChange corrects them.
        count(*) FILTER (WHERE v.agrees)::int AS agreed,
        count(v.agrees)::int AS compared
      FROM "Vote" v
      WHERE v."studyId" = ${scope.studyId} ${pairFilter} ${raterFilter(scope)}
      GROUP BY v."raterId"
    ), g AS (
      -- Gold pairs are few: their votes through the Vote(pairId, raterId) index. Agreement leaves them out.
      SELECT v."raterId", count(*)::int AS votes, count(*) FILTER (WHERE v."winnerOutputId" = p."goldOutputId")::int AS correct,
        count(*) FILTER (WHERE v.agrees)::int AS agreed, count(v.agrees)::int AS compared
      FROM "Pair" p JOIN "Vote" v ON v."pairId" = p.id
      WHERE p."studyId" = ${scope.studyId} AND p."goldOutputId" IS NOT NULL AND NOT p.excluded ${raterFilter(scope)}
      GROUP BY v."raterId"
    ), f AS (
      SELECT a."raterId", count(*)::int AS flagged FROM "Assignment" a
      WHERE a."studyId" = ${scope.studyId} AND a."flaggedAt" IS NOT NULL GROUP BY a."raterId"
    ), u AS (
      -- Votes taken back within the undo window: in no other figure, only counted here (UndoneVote(studyId, raterId)).
      SELECT x."raterId", count(*)::int AS undone FROM "UndoneVote" x WHERE x."studyId" = ${scope.studyId} GROUP BY x."raterId"
    )
    SELECT r."raterId", r.votes, r."left", r."right", r.ties, r."bothBad", r."tooFast",
      COALESCE(g.votes, 0)::int AS "goldVotes", COALESCE(g.correct, 0)::int AS "goldCorrect",
      (r.agreed - COALESCE(g.agreed, 0))::int AS agreed, (r.compared - COALESCE(g.compared, 0))::int AS compared,
      med."medianMs", usr.pseudonym, COALESCE(f.flagged, 0)::int AS flagged, COALESCE(u.undone, 0)::int AS undone
    FROM r
    -- The middle vote (odd count) or the mean of the two middle ones (even), as percentile_cont(0.5).
    CROSS JOIN LATERAL (
      SELECT avg(mid."msTaken")::float8 AS "medianMs" FROM (
        SELECT v."msTaken" FROM "Vote" v
        WHERE v."studyId" = ${scope.studyId} AND v."raterId" = r."raterId" ${pairFilter}
        ORDER BY v."msTaken" OFFSET (r.votes - 1) / 2 LIMIT 2 - r.votes % 2
      ) mid
    ) med
    JOIN "User" usr ON usr.id = r."raterId"
    LEFT JOIN g ON g."raterId" = r."raterId"
    LEFT JOIN f ON f."raterId" = r."raterId"
    LEFT JOIN u ON u."raterId" = r."raterId"`;
}

/**
 * How agreement changes when raters are excluded: their votes leave the "others" too, so the flags
 * the Vote trigger keeps are wrong, but only on the pairs they voted on (a few thousand at most).
 * There, each remaining vote's flag is replaced by the rule from the migration's SQL functions,
 * applied to the pair's tally minus the excluded votes; the rows are the per-rater differences, to
 * add to raterStats' flag counts (which leave out gold and excluded pairs, as this does).
 */
export async function raterAgreementChange(scope: ResultsScope): Promise<RaterAgreementRow[]> {
  if (scope.excludeRaterIds.length === 0) return [];
  return db.$queryRaw<RaterAgreementRow[]>(raterAgreementChangeSql(scope));
}

export function raterAgreementChangeSql(scope: ResultsScope): Prisma.Sql {
  const excluded = Prisma.join([...scope.excludeRaterIds]);
  return Prisma.sql`
    WITH pair AS (
      SELECT p.id, p."outputAId",
        "pairwise_agree_mask"(p."winsA" - x.a, p."winsB" - x.b, p.ties - x.t, p."bothBad" - x.x) AS agree,
        "pairwise_compared_mask"(p."winsA" - x.a, p."winsB" - x.b, p.ties - x.t, p."bothBad" - x.x) AS compared
      FROM ${excludedVotesByPair(scope)} x JOIN "Pair" p ON p.id = x."pairId"
      WHERE NOT p.excluded AND p."goldOutputId" IS NULL
    ), vote AS (
      SELECT v."raterId", v.agrees, pair.agree, pair.compared, "pairwise_label_bit"(v.choice, v."winnerOutputId", pair."outputAId") AS bit
      FROM pair JOIN "Vote" v ON v."pairId" = pair.id
      WHERE v."raterId" NOT IN (${excluded})
    )
    SELECT "raterId",
      (count(*) FILTER (WHERE agree & bit <> 0) - count(*) FILTER (WHERE agrees))::int AS agreed,
      (count(*) FILTER (WHERE compared & bit <> 0) - count(agrees))::int AS compared
    FROM vote GROUP BY "raterId"`;
}
