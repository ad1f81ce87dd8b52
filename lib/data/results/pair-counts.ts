// Per-pair vote counts (one row per study pair with votes): the base of the headline, win rates,
// bootstrap, majorities, agreement, position and length bias, categories and rankings.
import "server-only";
import { db } from "@/lib/db";
import type { PairCountRow } from "@/lib/results/inputs";
import { Prisma } from "@/lib/generated/prisma/client";
import { raterFilter, type ResultsScope } from "./scope";

/** Gold pairs are left out: they were chosen for having a known winner, so they are not a fair sample. */
export async function pairCounts(scope: ResultsScope): Promise<PairCountRow[]> {
  return db.$queryRaw<PairCountRow[]>(Prisma.sql`
    WITH c AS (
      SELECT v."pairId",
        count(*) FILTER (WHERE v."winnerOutputId" = p."outputAId")::int AS "winsA",
        count(*) FILTER (WHERE v."winnerOutputId" = p."outputBId")::int AS "winsB",
        count(*) FILTER (WHERE v.choice = 'TIE')::int AS ties,
        count(*) FILTER (WHERE v.choice = 'BOTH_BAD')::int AS "bothBad",
        count(*) FILTER (WHERE v.choice = 'LEFT')::int AS "leftWins",
        count(*) FILTER (WHERE v.choice = 'RIGHT')::int AS "rightWins"
      FROM "Vote" v JOIN "Pair" p ON p.id = v."pairId"
      WHERE v."studyId" = ${scope.studyId} AND NOT p.excluded AND p."goldOutputId" IS NULL ${raterFilter(scope)}
      GROUP BY v."pairId"
    )
    SELECT p.id AS "pairId", p."promptId", pr.category, pr.dataset,
      ma.name AS "modelA", mb.name AS "modelB",
      length(oa.text)::int AS "lengthA", length(ob.text)::int AS "lengthB",
      c."winsA", c."winsB", c.ties, c."bothBad", c."leftWins", c."rightWins"
    FROM c
    JOIN "Pair" p ON p.id = c."pairId"
    JOIN "Prompt" pr ON pr.id = p."promptId"
    JOIN "Output" oa ON oa.id = p."outputAId"
    JOIN "Output" ob ON ob.id = p."outputBId"
    JOIN "LanguageModel" ma ON ma.id = oa."modelId"
    JOIN "LanguageModel" mb ON mb.id = ob."modelId"
    ORDER BY p.id`);
}
