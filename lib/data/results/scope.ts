// The slice of a study's votes every results query reads: one study, pairs not excluded,
// minus the raters a researcher chose to leave out. Shared so every figure filters alike.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

export type ResultsScope = {
  studyId: string;
  /** User ids whose votes are left out of every figure. */
  excludeRaterIds: readonly string[];
};

/** `AND v."raterId" NOT IN (...)` for the vote alias `v`, or nothing. */
export function raterFilter(scope: ResultsScope): Prisma.Sql {
  if (scope.excludeRaterIds.length === 0) return Prisma.empty;
  return Prisma.sql`AND v."raterId" NOT IN (${Prisma.join([...scope.excludeRaterIds])})`;
}

/**
 * Prompt-level majority in SQL, the same rule as lib/stats majorityOutcome: ties and "both bad"
 * form one bloc; a side takes the prompt only with strictly more votes than the other side and the bloc.
 * NULL counts (a pair nobody voted on, via a LEFT JOIN) give NULL.
 */
export function majoritySql(a: Prisma.Sql, b: Prisma.Sql, draws: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN ${a} IS NULL OR ${a} + ${b} + ${draws} = 0 THEN NULL
    WHEN ${a} = ${b} THEN 'tie'
    WHEN ${draws} >= GREATEST(${a}, ${b}) THEN 'tie'
    WHEN ${a} > ${b} THEN 'A' ELSE 'B' END`;
}
