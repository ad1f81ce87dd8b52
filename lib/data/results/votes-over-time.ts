// Votes per hour (folded into days by lib/results when the study spans more than a few days).
import "server-only";
import { db } from "@/lib/db";
import type { HourBucketRow } from "@/lib/results/inputs";
import { Prisma } from "@/lib/generated/prisma/client";
import { notOnExcludedPair, raterFilter, type ResultsScope } from "./scope";

export async function votesPerHour(scope: ResultsScope): Promise<HourBucketRow[]> {
  return db.$queryRaw<HourBucketRow[]>(votesPerHourSql(scope));
}

export function votesPerHourSql(scope: ResultsScope): Prisma.Sql {
  return Prisma.sql`
    SELECT date_trunc('hour', v."createdAt") AS hour, count(*)::int AS votes
    FROM "Vote" v
    WHERE v."studyId" = ${scope.studyId} ${notOnExcludedPair(scope.studyId)} ${raterFilter(scope)}
    GROUP BY 1 ORDER BY 1`;
}
