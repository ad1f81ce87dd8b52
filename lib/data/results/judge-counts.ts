// An automatic judge's verdicts set beside the humans': per run and model pair, how the judge's
// label and the human majority on the same pair cross-tabulate (judge tally = row sums).
import "server-only";
import { dbFrom, type ReadSource } from "@/lib/db";
import type { JudgeCrossRow, JudgeRunRow } from "@/lib/results/inputs";
import { Prisma } from "@/lib/generated/prisma/client";
import { majoritySql, pairModelJoins, sourceOf, talliedPairs, type ResultsScope } from "./scope";

export async function judgeRuns(studyId: string, source: ReadSource = "replica"): Promise<JudgeRunRow[]> {
  const runs = await dbFrom(source).judgeRun.findMany({
    where: { studyId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, fileName: true, createdAt: true, _count: { select: { labels: true } } },
  });
  return runs.map(({ _count, ...run }) => ({ ...run, labels: _count.labels }));
}

/** Judge labels joined to the pairs' tallies, then the cross-tabulation (small). */
export async function judgeCrossCounts(scope: ResultsScope): Promise<JudgeCrossRow[]> {
  const human = majoritySql(Prisma.sql`src."winsA"`, Prisma.sql`src."winsB"`, Prisma.sql`(src.ties + src."bothBad")`);
  return dbFrom(sourceOf(scope)).$queryRaw<JudgeCrossRow[]>(Prisma.sql`
    SELECT l."runId", ma.name AS "modelA", mb.name AS "modelB",
      CASE WHEN l."winnerOutputId" IS NULL THEN 'tie' WHEN l."winnerOutputId" = src."outputAId" THEN 'A' ELSE 'B' END AS judge,
      ${human} AS human,
      count(*)::int AS pairs
    FROM "JudgeLabel" l
    JOIN "JudgeRun" r ON r.id = l."runId"
    JOIN ${talliedPairs(scope)} src ON src."pairId" = l."pairId"
    ${pairModelJoins}
    WHERE r."studyId" = ${scope.studyId} AND NOT src.excluded AND src."goldOutputId" IS NULL
    GROUP BY 1, 2, 3, 4, 5`);
}
