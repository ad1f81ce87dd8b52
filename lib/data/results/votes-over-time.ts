// Votes per hour (folded into days by lib/results when the study spans more than a few days).
import "server-only";
import { db } from "@/lib/db";
import type { HourBucketRow } from "@/lib/results/inputs";
import { Prisma } from "@/lib/generated/prisma/client";
import { hasExcludedPairs, notOnExcludedPair, raterFilter, type ResultsScope } from "./scope";

export async function votesPerHour(scope: ResultsScope): Promise<HourBucketRow[]> {
  return db.$queryRaw<HourBucketRow[]>(votesPerHourSql(scope, await hasExcludedPairs(scope)));
}

// The statistics object Vote_hour_stats (migration results_statistics) tells the planner how few
// hours there are, so it aggregates in parallel by hash instead of sorting every vote.
export function votesPerHourSql(scope: ResultsScope, excludedPairs: boolean): Prisma.Sql {
  return Prisma.sql`
    SELECT date_trunc('hour', v."createdAt") AS hour, count(*)::int AS votes
    FROM "Vote" v
    WHERE v."studyId" = ${scope.studyId} ${excludedPairs ? notOnExcludedPair(scope.studyId) : Prisma.empty} ${raterFilter(scope)}
    GROUP BY 1 ORDER BY 1`;
}
