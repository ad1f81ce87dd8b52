// Per-rater aggregates (pseudonym only, never email): volume, speed, side preference, gold
// accuracy, flags, and agreement with the plurality of the other raters on the same pairs.
// Both read each vote once; pair facts come from small hashed sets or the pairs' tallies, not a join per vote.
import "server-only";
import { db } from "@/lib/db";
import type { RaterAgreementRow, RaterStatsRow } from "@/lib/results/inputs";
import { Prisma } from "@/lib/generated/prisma/client";
import { notOnExcludedPair, raterFilter, talliedPairs, type ResultsScope } from "./scope";

/** Every non-excluded pair counts here, gold pairs included (they are what gold accuracy is made of). */
export async function raterStats(scope: ResultsScope): Promise<RaterStatsRow[]> {
  return db.$queryRaw<RaterStatsRow[]>(Prisma.sql`
    WITH f AS (
      SELECT a."raterId", count(*)::int AS flagged FROM "Assignment" a
      WHERE a."studyId" = ${scope.studyId} AND a."flaggedAt" IS NOT NULL GROUP BY a."raterId"
    ), gold AS MATERIALIZED (
      SELECT g.id, g."goldOutputId" FROM "Pair" g
      WHERE g."studyId" = ${scope.studyId} AND g."goldOutputId" IS NOT NULL AND NOT g.excluded
    ), r AS (
      SELECT v."raterId",
        count(*)::int AS votes,
        count(*) FILTER (WHERE v.choice = 'LEFT')::int AS "left",
        count(*) FILTER (WHERE v.choice = 'RIGHT')::int AS "right",
        count(*) FILTER (WHERE v.choice = 'TIE')::int AS ties,
        count(*) FILTER (WHERE v.choice = 'BOTH_BAD')::int AS "bothBad",
        count(*) FILTER (WHERE v."tooFast")::int AS "tooFast",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY v."msTaken") AS "medianMs",
        count(*) FILTER (WHERE v."pairId" IN (SELECT id FROM gold))::int AS "goldVotes",
        count(*) FILTER (WHERE (v."pairId", v."winnerOutputId") IN (SELECT id, "goldOutputId" FROM gold))::int AS "goldCorrect"
      FROM "Vote" v
      WHERE v."studyId" = ${scope.studyId} ${notOnExcludedPair(scope.studyId)} ${raterFilter(scope)}
      GROUP BY v."raterId"
    )
    SELECT r.*, u.pseudonym, COALESCE(f.flagged, 0)::int AS flagged
    FROM r JOIN "User" u ON u.id = r."raterId" LEFT JOIN f ON f."raterId" = r."raterId"
    ORDER BY u.pseudonym`);
}

/**
 * Agreement with the others' plurality, computed in SQL (same rule as lib/stats raterMajorityAgreement):
 * per vote, the other raters' label counts are the pair's tally minus the rater's own vote; a vote is
 * compared only when one label strictly leads among the others. Labels: A, B, tie (T), both bad (X).
 * Pairs with a single vote have no others and are skipped up front.
 */
export async function raterAgreement(scope: ResultsScope): Promise<RaterAgreementRow[]> {
  return db.$queryRaw<RaterAgreementRow[]>(Prisma.sql`
    WITH v AS (
      SELECT v."raterId",
        CASE WHEN v.choice = 'TIE' THEN 'T' WHEN v.choice = 'BOTH_BAD' THEN 'X'
             WHEN v."winnerOutputId" = src."outputAId" THEN 'A' ELSE 'B' END AS label,
        src."winsA" AS a, src."winsB" AS b, src.ties AS t, src."bothBad" AS x
      FROM "Vote" v JOIN ${talliedPairs(scope)} src ON src."pairId" = v."pairId"
      WHERE v."studyId" = ${scope.studyId} AND NOT src.excluded AND src."goldOutputId" IS NULL AND src.votes > 1
        ${raterFilter(scope)}
    ), o AS (
      SELECT "raterId", label,
        a - (label = 'A')::int AS a, b - (label = 'B')::int AS b, t - (label = 'T')::int AS t, x - (label = 'X')::int AS x
      FROM v
    ), m AS (
      SELECT "raterId", label, a, b, t, x, GREATEST(a, b, t, x) AS top FROM o
    ), p AS (
      SELECT "raterId", label,
        CASE WHEN top = 0 OR (a = top)::int + (b = top)::int + (t = top)::int + (x = top)::int > 1 THEN NULL
             WHEN a = top THEN 'A' WHEN b = top THEN 'B' WHEN t = top THEN 'T' ELSE 'X' END AS plurality
      FROM m
    )
    SELECT "raterId",
      count(*) FILTER (WHERE plurality = label)::int AS agreed,
      count(plurality)::int AS compared
    FROM p GROUP BY "raterId"`);
}
