// Per-rater aggregates (pseudonym only, never email): volume, speed, side preference, gold
// accuracy, flags, and agreement with the plurality of the other raters on the same pairs.
// Both read each vote once; pair facts come from small hashed sets or the pairs' tallies, not a join per vote.
import "server-only";
import { db } from "@/lib/db";
import type { RaterAgreementRow, RaterStatsRow } from "@/lib/results/inputs";
import { Prisma } from "@/lib/generated/prisma/client";
import { notOnExcludedPair, raterFilter, talliedPairs, type ResultsScope } from "./scope";

/**
 * Every non-excluded pair counts here, gold pairs included (they are what gold accuracy is made of).
 * Counts come from one parallel pass over the votes; each rater's median time from the
 * Vote(studyId, raterId, msTaken) index, reading only up to the middle of their votes there
 * (an ordered-set aggregate over a million votes sorted them all: 0.9 s against 0.1 s).
 */
export async function raterStats(scope: ResultsScope): Promise<RaterStatsRow[]> {
  const [{ excluded } = { excluded: false }] = await db.$queryRaw<{ excluded: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Pair" WHERE "studyId" = ${scope.studyId} AND excluded) AS excluded`;
  return db.$queryRaw<RaterStatsRow[]>(raterStatsSql(scope, excluded));
}

export function raterStatsSql(scope: ResultsScope, hasExcludedPairs: boolean): Prisma.Sql {
  // Only then does the median need each vote's pair, which the index does not hold.
  const medianFilter = hasExcludedPairs ? notOnExcludedPair(scope.studyId) : Prisma.empty;
  return Prisma.sql`
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
        count(*) FILTER (WHERE v."pairId" IN (SELECT id FROM gold))::int AS "goldVotes",
        count(*) FILTER (WHERE (v."pairId", v."winnerOutputId") IN (SELECT id, "goldOutputId" FROM gold))::int AS "goldCorrect"
      FROM "Vote" v
      WHERE v."studyId" = ${scope.studyId} ${notOnExcludedPair(scope.studyId)} ${raterFilter(scope)}
      GROUP BY v."raterId"
    )
    SELECT r.*, med."medianMs", u.pseudonym, COALESCE(f.flagged, 0)::int AS flagged
    FROM r
    -- The middle vote (odd count) or the mean of the two middle ones (even), as percentile_cont(0.5).
    CROSS JOIN LATERAL (
      SELECT avg(mid."msTaken")::float8 AS "medianMs" FROM (
        SELECT v."msTaken" FROM "Vote" v
        WHERE v."studyId" = ${scope.studyId} AND v."raterId" = r."raterId" ${medianFilter}
        ORDER BY v."msTaken" OFFSET (r.votes - 1) / 2 LIMIT 2 - r.votes % 2
      ) mid
    ) med
    JOIN "User" u ON u.id = r."raterId" LEFT JOIN f ON f."raterId" = r."raterId"
    ORDER BY u.pseudonym`;
}

/** True when the first term is strictly greater than the other three. */
function leads(first: string, ...rest: string[]): string {
  return rest.map((other) => `${first} > ${other}`).join(" AND ");
}

/** True when one of four counts is strictly greater than the other three (a plurality exists). */
function hasLeader(w: string, x: string, y: string, z: string): string {
  return `((${leads(w, x, y, z)}) OR (${leads(x, w, y, z)}) OR (${leads(y, w, x, z)}) OR (${leads(z, w, x, y)}))`;
}

// Per pair, for a voter of each label (bits A = 1, B = 2, tie = 4, both bad = 8), whether the
// other voters' counts (the tally minus that one vote) have a strict plurality, and whether it is
// that label. Computed once per pair from its tally, so each vote costs a bit test, not the rule.
const a1 = "(src.\"winsA\" - 1)", b1 = "(src.\"winsB\" - 1)", t1 = "(src.ties - 1)", x1 = "(src.\"bothBad\" - 1)";
const a = "src.\"winsA\"", b = "src.\"winsB\"", t = "src.ties", x = "src.\"bothBad\"";
const AGREE_MASK = Prisma.raw(`(${leads(a1, b, t, x)})::int + 2 * (${leads(b1, a, t, x)})::int
  + 4 * (${leads(t1, a, b, x)})::int + 8 * (${leads(x1, a, b, t)})::int`);
const COMPARED_MASK = Prisma.raw(`(${hasLeader(a1, b, t, x)})::int + 2 * (${hasLeader(a, b1, t, x)})::int
  + 4 * (${hasLeader(a, b, t1, x)})::int + 8 * (${hasLeader(a, b, t, x1)})::int`);

/**
 * Agreement with the others' plurality (same rule as lib/stats raterMajorityAgreement): per vote,
 * the other raters' label counts are the pair's tally minus the rater's own vote; a vote is compared
 * only when one label strictly leads among the others. Pairs with a single vote have no others.
 */
export async function raterAgreement(scope: ResultsScope): Promise<RaterAgreementRow[]> {
  return db.$queryRaw<RaterAgreementRow[]>(raterAgreementSql(scope));
}

export function raterAgreementSql(scope: ResultsScope): Prisma.Sql {
  return Prisma.sql`
    WITH pair AS (
      SELECT src."pairId", src."outputAId", ${AGREE_MASK} AS agree, ${COMPARED_MASK} AS compared
      FROM ${talliedPairs(scope)} src
      WHERE NOT src.excluded AND src."goldOutputId" IS NULL AND src.votes > 1
    ), vote AS (
      SELECT v."raterId", pair.agree, pair.compared,
        CASE v.choice WHEN 'TIE' THEN 4 WHEN 'BOTH_BAD' THEN 8
          ELSE CASE WHEN v."winnerOutputId" = pair."outputAId" THEN 1 ELSE 2 END END AS bit
      FROM "Vote" v JOIN pair ON pair."pairId" = v."pairId"
      WHERE v."studyId" = ${scope.studyId} ${raterFilter(scope)}
    )
    SELECT "raterId",
      count(*) FILTER (WHERE agree & bit <> 0)::int AS agreed,
      count(*) FILTER (WHERE compared & bit <> 0)::int AS compared
    FROM vote GROUP BY "raterId"`;
}
