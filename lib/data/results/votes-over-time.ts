// Votes per hour (folded into days by lib/results when the study spans more than a few days).
import "server-only";
import { dbFrom } from "@/lib/db";
import type { HourBucketRow } from "@/lib/results/inputs";
import { Prisma } from "@/lib/generated/prisma/client";
import { hasExcludedPairs, sourceOf, type ResultsScope } from "./scope";

export async function votesPerHour(scope: ResultsScope): Promise<HourBucketRow[]> {
  return dbFrom(sourceOf(scope)).$queryRaw<HourBucketRow[]>(votesPerHourSql(scope, await hasExcludedPairs(scope)));
}

/**
 * From the per-hour tallies the Vote triggers keep (VoteHour: a few rows per hour, not a million
 * votes), minus the votes the scope leaves out, which are few: those of excluded raters (through the
 * Vote(studyId, raterId) index) and the others' votes on excluded pairs (through Vote(pairId, raterId)).
 */
export function votesPerHourSql(scope: ResultsScope, excludedPairs: boolean): Prisma.Sql {
  const raters = scope.excludeRaterIds.length > 0 ? Prisma.join([...scope.excludeRaterIds]) : null;
  const leftOut: Prisma.Sql[] = [];
  if (raters) leftOut.push(Prisma.sql`SELECT v."createdAt" FROM "Vote" v WHERE v."studyId" = ${scope.studyId} AND v."raterId" IN (${raters})`);
  if (excludedPairs) {
    leftOut.push(Prisma.sql`SELECT v."createdAt" FROM "Pair" x JOIN "Vote" v ON v."pairId" = x.id
      WHERE x."studyId" = ${scope.studyId} AND x.excluded ${raters ? Prisma.sql`AND v."raterId" NOT IN (${raters})` : Prisma.empty}`);
  }
  const minus = leftOut.length === 0 ? Prisma.empty : Prisma.sql`
    UNION ALL
    SELECT date_trunc('hour', o."createdAt"), -count(*)::int FROM (${Prisma.join(leftOut, " UNION ALL ")}) o GROUP BY 1`;
  return Prisma.sql`
    SELECT t.hour, sum(t.votes)::int AS votes FROM (
      SELECT h.hour, h.votes FROM "VoteHour" h WHERE h."studyId" = ${scope.studyId}
      ${minus}
    ) t
    GROUP BY t.hour HAVING sum(t.votes) > 0 ORDER BY t.hour`;
}
