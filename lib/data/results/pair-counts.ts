// Per-pair vote counts (one row per study pair with votes): the base of the headline, win rates,
// bootstrap, majorities, agreement, position and length bias, categories and rankings.
// Read from the tallies the Vote triggers keep, so a million votes cost one row per pair.
import "server-only";
import { db } from "@/lib/db";
import type { PairCountRow } from "@/lib/results/inputs";
import { Prisma } from "@/lib/generated/prisma/client";
import { pairModelJoins, talliedPairs, type ResultsScope } from "./scope";

/** Gold pairs are left out: they were chosen for having a known winner, so they are not a fair sample. */
export async function pairCounts(scope: ResultsScope): Promise<PairCountRow[]> {
  return db.$queryRaw<PairCountRow[]>(pairCountsSql(scope));
}

export function pairCountsSql(scope: ResultsScope): Prisma.Sql {
  return Prisma.sql`
    SELECT src."pairId", src."promptId", pr.category, pr.dataset,
      ma.name AS "modelA", mb.name AS "modelB", oa.chars AS "lengthA", ob.chars AS "lengthB",
      src."winsA", src."winsB", src.ties, src."bothBad", src."leftWins", src."rightWins"
    FROM ${talliedPairs(scope)} src
    ${pairModelJoins}
    WHERE NOT src.excluded AND src."goldOutputId" IS NULL AND src.votes > 0
    ORDER BY src."pairId"`;
}
