// What raters marked on each answer (issue 20), per prompt and model: how often the answer was rated
// (the votes on the pairs that show it) and how often each issue was marked on it, in the results' scope
// (pairs not excluded, not gold, excluded raters' votes left out).
import "server-only";
import { bulkRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { notOnExcludedPair, raterFilter, type ResultsScope, sourceOf, talliedPairs } from "./scope";

/** One answer: its prompt, category and model, the votes that rated it, and the marks per issue key. */
export type AnswerRatingRow = { promptId: string; category: string | null; model: string; rated: number; marked: Record<string, number> };

/**
 * Every rated answer of the scope with its marks. The rating counts come from the pair tallies the Vote
 * triggers keep; the marks are read from the marks themselves (a mark is a rare event beside a vote).
 */
export async function answerRatings(scope: ResultsScope, issueKeys: readonly string[]): Promise<AnswerRatingRow[]> {
  if (issueKeys.length === 0) return [];
  const rows = await bulkRows(Prisma.sql`
    WITH shown AS (
      SELECT t."promptId", t.category, t."outputAId" AS "outputId", t."modelAId" AS "modelId", t.votes FROM ${talliedPairs(scope)} t
      WHERE NOT t.excluded AND t."goldOutputId" IS NULL AND t.votes > 0
      UNION ALL
      SELECT t."promptId", t.category, t."outputBId", t."modelBId", t.votes FROM ${talliedPairs(scope)} t
      WHERE NOT t.excluded AND t."goldOutputId" IS NULL AND t.votes > 0
    ), rated AS (
      SELECT "promptId", category, "outputId", "modelId", sum(votes)::int AS rated FROM shown GROUP BY 1, 2, 3, 4
    ), marks AS (
      SELECT vi."outputId", si.key, count(*)::int AS n
      FROM "VoteIssue" vi
      JOIN "Vote" v ON v.id = vi."voteId"
      JOIN "Pair" p ON p.id = v."pairId"
      JOIN "StudyIssue" si ON si.id = vi."issueId"
      WHERE vi."studyId" = ${scope.studyId} AND p."goldOutputId" IS NULL ${raterFilter(scope)} ${notOnExcludedPair(scope.studyId)}
      GROUP BY 1, 2
    )
    SELECT r."promptId", r.category, m.name, r.rated, coalesce(jsonb_object_agg(k.key, k.n) FILTER (WHERE k.key IS NOT NULL), '{}')
    FROM rated r
    JOIN "LanguageModel" m ON m.id = r."modelId"
    LEFT JOIN marks k ON k."outputId" = r."outputId"
    GROUP BY r."promptId", r.category, m.name, r.rated`, sourceOf(scope));
  return rows.map((row) => {
    const [promptId, category, model, rated, marked] = row as [string, string | null, string, number, Record<string, number>];
    return { promptId, category, model, rated, marked };
  });
}
