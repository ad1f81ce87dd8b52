// The choices on a study's criteria other than the primary (issue 20), in the results' scope. The
// primary's choice is the vote's own (the Pair tallies); the others have no tally trigger (a vote's write
// stays one statement, and only studies that ask them pay): their per-pair counts are grouped here from
// VoteCriterion at results time, with talliedPairs' columns, so pairAggregatesSql makes every figure of them.
import "server-only";
import { bulkRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CriterionAggregates, DisagreementCounts } from "@/lib/results/inputs";
import { excludedPairTallies, pairAggregatesFrom } from "./pair-counts";
import { notOnExcludedPair, pairFacts, raterFilter, sourceOf, type ResultsScope } from "./scope";

export type CriterionRef = { id: string; key: string; label: string; question: string };

/**
 * One criterion's votes per pair as a FROM item (alias it), with talliedPairs' columns, in the pair's A/B
 * terms: only pairs with a choice on it (the figures count voted pairs only), excluded raters' votes left
 * out, excluded and gold pairs kept (callers decide, as for talliedPairs). Read through VoteCriterion(studyId, criterionId).
 */
export function criterionPairs(scope: ResultsScope, criterionId: string): Prisma.Sql {
  return Prisma.sql`(SELECT ${pairFacts}, count(*)::int AS votes,
      count(*) FILTER (WHERE vc."winnerOutputId" = p."outputAId")::int AS "winsA",
      count(*) FILTER (WHERE vc."winnerOutputId" = p."outputBId")::int AS "winsB",
      count(*) FILTER (WHERE vc.choice = 'TIE')::int AS ties, count(*) FILTER (WHERE vc.choice = 'BOTH_BAD')::int AS "bothBad",
      count(*) FILTER (WHERE vc.choice = 'LEFT')::int AS "leftWins", count(*) FILTER (WHERE vc.choice = 'RIGHT')::int AS "rightWins"
    FROM "VoteCriterion" vc
    JOIN "Vote" v ON v.id = vc."voteId"
    JOIN "Pair" p ON p.id = v."pairId"
    WHERE vc."studyId" = ${scope.studyId} AND vc."criterionId" = ${criterionId} ${raterFilter(scope)}
    GROUP BY p.id)`;
}

/**
 * Every figure's aggregates for each given criterion (the study's others, in order), one query set per criterion, in parallel.
 * `promptPatterns`: the study ranks its models (3+), so each criterion's ranking needs its prompts' votes.
 */
export async function criteriaAggregates(
  scope: ResultsScope, criteria: readonly CriterionRef[], options: { promptPatterns?: boolean } = {},
): Promise<CriterionAggregates[]> {
  return Promise.all(criteria.map(async (c) => {
    const pairs = criterionPairs(scope, c.id);
    const [aggregates, excludedTallies] = await Promise.all([pairAggregatesFrom(scope, pairs, options), excludedPairTallies(scope, pairs)]);
    return {
      key: c.key, label: c.label, question: c.question, patterns: aggregates.patterns, promptPatterns: aggregates.promptPatterns,
      lengths: aggregates.lengths, categories: aggregates.categories, sides: aggregates.sides, excludedTallies,
    };
  }));
}

/**
 * Among the counted votes (on pairs not gold, not excluded; excluded raters left out): per other criterion,
 * the votes with a choice on it and how many differ from the vote's primary choice (in A/B terms: another
 * winner, or another kind of draw), and how many votes had any criterion differ. Both choices of a vote were
 * made on one screen, so comparing the resolved winner and the kind of choice is comparing A/B outcomes.
 */
export async function criteriaDisagreement(scope: ResultsScope): Promise<DisagreementCounts> {
  const rows = await bulkRows(Prisma.sql`
    WITH judged AS (
      SELECT vc."voteId", vc."criterionId",
        (vc."winnerOutputId" IS DISTINCT FROM v."winnerOutputId" OR vc.choice <> v.choice) AS differs
      FROM "VoteCriterion" vc
      JOIN "Vote" v ON v.id = vc."voteId"
      JOIN "Pair" p ON p.id = v."pairId"
      WHERE vc."studyId" = ${scope.studyId} AND p."goldOutputId" IS NULL ${raterFilter(scope)} ${notOnExcludedPair(scope.studyId)}
    )
    SELECT c.key, j.votes, j.differ
    FROM (SELECT "criterionId", count(*)::int AS votes, count(*) FILTER (WHERE differs)::int AS differ FROM judged GROUP BY 1) j
    JOIN "StudyCriterion" c ON c.id = j."criterionId"
    UNION ALL
    SELECT NULL, count(*)::int, count(*) FILTER (WHERE d)::int FROM (SELECT bool_or(differs) AS d FROM judged GROUP BY "voteId") x`, sourceOf(scope));
  const counts: DisagreementCounts = { byCriterion: {}, any: { votes: 0, differ: 0 } };
  for (const r of rows) {
    const [key, votes, differ] = r as [string | null, number, number];
    if (key === null) counts.any = { votes, differ };
    else counts.byCriterion[key] = { votes, differ };
  }
  return counts;
}
