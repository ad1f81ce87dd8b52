// Per model pair, one mark per prompt in the order fixed before any vote (Pair.shuffle, the pair id
// breaking ties; in a study that samples model pairs, Pair.sampleRank, the prompts' opening order): what
// the anytime-valid intervals (lib/stats/anytime-win-rate.ts) and the stopping rule (lib/data/stopping.ts)
// read. One ordered pass over the pairs' tallies; a model pair's marks come back as one string (a character
// per prompt), so 100,000 pairs are a few rows.
import "server-only";
import { bulkRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PromptMarksRow } from "@/lib/results/inputs";
import { majoritySql, sourceOf, talliedPairs, type ResultsScope } from "./scope";

/** A model pair's marks with its models' ids: model A is the LEAST id, as the marks are oriented. */
export type ModelPairMarks = PromptMarksRow & { modelAId: string; modelBId: string };

/** What the marks depend on: the planned votes per pair, and whether the study samples model pairs (Study.samplingPrompts > 0). */
export type MarksStudy = { votesPerPair: number; sampling: boolean };

/**
 * A pair's mark (lib/stats/anytime-win-rate.ts, PromptMark) as SQL over a tallied-pairs source aliased
 * `src`, oriented to the pair's LEAST model id. A pair is closed when it has its planned votes, every vote
 * it got (an excluded rater's too: the pair was closed for the raters), or its majority is settled
 * (Pair.decided, adaptive studies). With sampling, a prompt not opened yet (no inclusion probability) is
 * open, and a pair its draw left out (held once opened) is closed without votes ('x').
 */
export function markSql(study: MarksStudy): Prisma.Sql {
  const lo = Prisma.sql`LEAST(src."modelAId", src."modelBId")`;
  const majority = majoritySql(Prisma.sql`src."winsA"`, Prisma.sql`src."winsB"`, Prisma.sql`(src.ties + src."bothBad")`);
  const sampled = study.sampling
    ? Prisma.sql`WHEN src.inclusion IS NULL THEN 'o' WHEN src.held THEN 'x'`
    : Prisma.empty;
  return Prisma.sql`CASE ${sampled}
    WHEN NOT (src."recordedVotes" >= ${study.votesPerPair} OR src.decided) THEN 'o'
    WHEN src.votes = 0 THEN '-'
    ELSE CASE ${majority} WHEN 'tie' THEN 'T'
      WHEN 'A' THEN CASE WHEN src."modelAId" = ${lo} THEN 'A' ELSE 'B' END
      ELSE CASE WHEN src."modelAId" = ${lo} THEN 'B' ELSE 'A' END END
  END`;
}

/**
 * The marks of the scope's counted pairs (gold and excluded pairs left out, as every figure does; excluded
 * raters' votes left out of each majority), as markSql reads them; with sampling the rows carry the
 * probabilities.
 */
export async function promptMarks(scope: ResultsScope, study: MarksStudy): Promise<ModelPairMarks[]> {
  const lo = Prisma.sql`LEAST(src."modelAId", src."modelBId")`;
  const order = study.sampling ? Prisma.sql`ORDER BY src."sampleRank", src."pairId"` : Prisma.sql`ORDER BY src.shuffle, src."pairId"`;
  const rows = await bulkRows(Prisma.sql`
    SELECT g.lo, g.hi, ma.name AS "modelA", mb.name AS "modelB", g.marks, g.inclusions
    FROM (
      SELECT ${lo} AS lo, GREATEST(src."modelAId", src."modelBId") AS hi,
        string_agg(${markSql(study)}, '' ${order}) AS marks,
        ${study.sampling ? Prisma.sql`array_agg(src.inclusion ${order})` : Prisma.sql`NULL::float8[]`} AS inclusions
      FROM ${talliedPairs(scope)} src
      WHERE NOT src.excluded AND src."goldOutputId" IS NULL
      GROUP BY 1, 2
    ) g
    JOIN "LanguageModel" ma ON ma.id = g.lo
    JOIN "LanguageModel" mb ON mb.id = g.hi`, sourceOf(scope));
  return rows.map((r) => {
    const [modelAId, modelBId, modelA, modelB, marks, inclusions] = r as [string, string, string, string, string, (number | null)[] | null];
    // The probability is the model pair's, whichever model is the pair's A: nothing to orient.
    return { modelAId, modelBId, modelA, modelB, marks, ...(inclusions && { inclusions }) };
  });
}
