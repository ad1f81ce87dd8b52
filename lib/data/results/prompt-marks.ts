// Per model pair, one mark per prompt in the order fixed before any vote (Pair.shuffle, the pair id
// breaking ties): what the anytime-valid intervals (lib/stats/anytime-win-rate.ts) and the stopping rule
// (lib/data/stopping.ts) read. One ordered pass over the pairs' tallies; a model pair's marks come back as
// one string (a character per prompt), so 100,000 pairs are a few rows.
import "server-only";
import { bulkRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PromptMarksRow } from "@/lib/results/inputs";
import { majoritySql, sourceOf, talliedPairs, type ResultsScope } from "./scope";

/**
 * The marks of the scope's counted pairs (gold and excluded pairs left out, as every figure does; excluded
 * raters' votes left out of each majority). A pair is closed when it has its planned votes, every vote it
 * got (an excluded rater's too: the pair was closed for the raters), or its majority is settled (Pair.decided,
 * adaptive studies); `votesPerPair` is the study's planned votes per pair.
 */
export async function promptMarks(scope: ResultsScope, votesPerPair: number): Promise<PromptMarksRow[]> {
  const lo = Prisma.sql`LEAST(src."modelAId", src."modelBId")`;
  const majority = majoritySql(Prisma.sql`src."winsA"`, Prisma.sql`src."winsB"`, Prisma.sql`(src.ties + src."bothBad")`);
  const rows = await bulkRows(Prisma.sql`
    SELECT ma.name AS "modelA", mb.name AS "modelB", g.marks
    FROM (
      SELECT ${lo} AS lo, GREATEST(src."modelAId", src."modelBId") AS hi,
        string_agg(CASE
          WHEN NOT (src."recordedVotes" >= ${votesPerPair} OR src.decided) THEN 'o'
          WHEN src.votes = 0 THEN '-'
          ELSE CASE ${majority} WHEN 'tie' THEN 'T'
            WHEN 'A' THEN CASE WHEN src."modelAId" = ${lo} THEN 'A' ELSE 'B' END
            ELSE CASE WHEN src."modelAId" = ${lo} THEN 'B' ELSE 'A' END END
        END, '' ORDER BY src.shuffle, src."pairId") AS marks
      FROM ${talliedPairs(scope)} src
      WHERE NOT src.excluded AND src."goldOutputId" IS NULL
      GROUP BY 1, 2
    ) g
    JOIN "LanguageModel" ma ON ma.id = g.lo
    JOIN "LanguageModel" mb ON mb.id = g.hi`, sourceOf(scope));
  return rows.map((r) => {
    const [modelA, modelB, marks] = r as [string, string, string];
    return { modelA, modelB, marks };
  });
}
