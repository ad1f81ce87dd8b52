// An automatic judge's verdicts set beside the humans': per run and model pair, how the judge's
// label and the human majority on the same pair cross-tabulate (judge tally = row sums).
import "server-only";
import { db } from "@/lib/db";
import type { JudgeCrossRow, JudgeRunRow } from "@/lib/results/inputs";
import { Prisma } from "@/lib/generated/prisma/client";
import { majoritySql, raterFilter, type ResultsScope } from "./scope";

export async function judgeRuns(studyId: string): Promise<JudgeRunRow[]> {
  const runs = await db.judgeRun.findMany({
    where: { studyId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, fileName: true, createdAt: true, _count: { select: { labels: true } } },
  });
  return runs.map(({ _count, ...run }) => ({ ...run, labels: _count.labels }));
}

/** One GROUP BY over judge labels LEFT JOIN votes, then the cross-tabulation (small). */
export async function judgeCrossCounts(scope: ResultsScope): Promise<JudgeCrossRow[]> {
  const human = majoritySql(Prisma.sql`per.a`, Prisma.sql`per.b`, Prisma.sql`per.d`);
  return db.$queryRaw<JudgeCrossRow[]>(Prisma.sql`
    WITH per AS MATERIALIZED (
      SELECT l."runId", l."winnerOutputId" AS "judgeWinner", p."outputAId", p."outputBId",
        count(v.id) FILTER (WHERE v."winnerOutputId" = p."outputAId")::int AS a,
        count(v.id) FILTER (WHERE v."winnerOutputId" = p."outputBId")::int AS b,
        count(v.id) FILTER (WHERE v.choice IN ('TIE', 'BOTH_BAD'))::int AS d
      FROM "JudgeLabel" l
      JOIN "JudgeRun" r ON r.id = l."runId"
      JOIN "Pair" p ON p.id = l."pairId"
      LEFT JOIN "Vote" v ON v."pairId" = l."pairId" ${raterFilter(scope)}
      WHERE r."studyId" = ${scope.studyId} AND NOT p.excluded AND p."goldOutputId" IS NULL
      GROUP BY l.id, p.id
    )
    SELECT per."runId", ma.name AS "modelA", mb.name AS "modelB",
      CASE WHEN per."judgeWinner" IS NULL THEN 'tie' WHEN per."judgeWinner" = per."outputAId" THEN 'A' ELSE 'B' END AS judge,
      ${human} AS human,
      count(*)::int AS pairs
    FROM per
    JOIN "Output" oa ON oa.id = per."outputAId"
    JOIN "Output" ob ON ob.id = per."outputBId"
    JOIN "LanguageModel" ma ON ma.id = oa."modelId"
    JOIN "LanguageModel" mb ON mb.id = ob."modelId"
    GROUP BY 1, 2, 3, 4, 5`);
}
