// Everything the results need of the study's pairs, aggregated by PostgreSQL in one pass over them
// (hashed grouping sets): the comparisons' orientation, per model pair the distinct count patterns
// (tallies, bootstrap, majorities, agreement, rankings), per category and dataset the summed counts,
// position and length bias. A large study's 100,000 pairs become a few thousand rows: reading them
// all into JavaScript cost more than the query itself.
import "server-only";
import { bulkRows } from "@/lib/db";
import type { CategoryCountRow, ExcludedTallyRow, PairOrderRow, PairPatternRow, SideCounts } from "@/lib/results/inputs";
import { Prisma } from "@/lib/generated/prisma/client";
import { hasExcludedPairs, sourceOf, talliedPairs, type ResultsScope } from "./scope";

export type PairAggregates = {
  orders: PairOrderRow[];
  patterns: PairPatternRow[];
  categories: CategoryCountRow[];
  sides: SideCounts;
  /** Distinct prompts with a counted pair. */
  promptsVoted: number;
};

/**
 * Counted pairs (voted, not gold, not excluded) make every figure; gold pairs were chosen for having
 * a known winner, so they are not a fair sample. Orders count every non-excluded pair, voted or not, gold or not.
 */
export async function pairAggregates(scope: ResultsScope): Promise<PairAggregates> {
  const [rows, [prompts]] = await Promise.all([
    bulkRows(pairAggregatesSql(scope), sourceOf(scope)), bulkRows(promptsVotedSql(scope), sourceOf(scope)),
  ]);
  const orders = new Map<string, PairOrderRow>();
  const patterns: PairPatternRow[] = [];
  const categories: CategoryCountRow[] = [];
  const sides: SideCounts = { leftWins: 0, rightWins: 0, longerWins: 0, shorterWins: 0 };
  for (const r of rows) {
    // Columns in pairAggregatesSql's order.
    const [kind, modelA, modelB, counted, winsA, winsB, ties, bothBad, value, pairs, leftWins, rightWins, longerWins, shorterWins] =
      r as [string, string, string, boolean, number, number, number, number, string | null, number, number, number, number, number];
    if (kind === "order") {
      const key = `${modelA}\u0000${modelB}`;
      const order = orders.get(key);
      if (order) order.pairs += pairs;
      else orders.set(key, { modelA, modelB, pairs });
    } else if (!counted) {
      continue;
    } else if (kind === "pattern") {
      patterns.push({ modelA, modelB, winsA, winsB, ties, bothBad, pairs });
    } else if (kind === "sides") {
      Object.assign(sides, { leftWins, rightWins, longerWins, shorterWins });
    } else if (value !== null && value !== "") {
      categories.push({ field: kind as CategoryCountRow["field"], value, modelA, modelB, winsA, winsB, ties, bothBad, pairs });
    }
  }
  return { orders: [...orders.values()], patterns, categories, sides, promptsVoted: Number(prompts?.[0] ?? 0) };
}

const COUNTED = Prisma.sql`(src."goldOutputId" IS NULL AND src.votes > 0)`;

export function pairAggregatesSql(scope: ResultsScope): Prisma.Sql {
  return Prisma.sql`
    SELECT g.kind, ma.name AS "modelA", mb.name AS "modelB", g.counted, g."winsA", g."winsB", g.ties, g."bothBad", g.value,
      g.pairs, g."leftWins", g."rightWins", g."longerWins", g."shorterWins"
    FROM (
      SELECT
        CASE WHEN GROUPING(src."modelAId") = 1 THEN 'sides' WHEN GROUPING(src."winsA") = 0 THEN 'pattern'
             WHEN GROUPING(src.category) = 0 THEN 'category' WHEN GROUPING(src.dataset) = 0 THEN 'dataset' ELSE 'order' END AS kind,
        src."modelAId", src."modelBId", ${COUNTED} AS counted,
        -- A pattern's own counts, or the sums of a category's.
        CASE WHEN GROUPING(src."winsA") = 0 THEN src."winsA" ELSE sum(src."winsA") END::int AS "winsA",
        CASE WHEN GROUPING(src."winsA") = 0 THEN src."winsB" ELSE sum(src."winsB") END::int AS "winsB",
        CASE WHEN GROUPING(src."winsA") = 0 THEN src.ties ELSE sum(src.ties) END::int AS ties,
        CASE WHEN GROUPING(src."winsA") = 0 THEN src."bothBad" ELSE sum(src."bothBad") END::int AS "bothBad",
        coalesce(src.category, src.dataset) AS value,
        count(*)::int AS pairs,
        sum(src."leftWins")::int AS "leftWins", sum(src."rightWins")::int AS "rightWins",
        sum(CASE WHEN src."lengthA" > src."lengthB" THEN src."winsA" WHEN src."lengthA" < src."lengthB" THEN src."winsB" ELSE 0 END)::int AS "longerWins",
        sum(CASE WHEN src."lengthA" > src."lengthB" THEN src."winsB" WHEN src."lengthA" < src."lengthB" THEN src."winsA" ELSE 0 END)::int AS "shorterWins"
      FROM ${talliedPairs(scope)} src
      WHERE NOT src.excluded
      GROUP BY GROUPING SETS (
        (src."modelAId", src."modelBId", ${COUNTED}),
        (src."modelAId", src."modelBId", ${COUNTED}, src."winsA", src."winsB", src.ties, src."bothBad"),
        (src."modelAId", src."modelBId", ${COUNTED}, src.category),
        (src."modelAId", src."modelBId", ${COUNTED}, src.dataset),
        (${COUNTED}))
    ) g
    LEFT JOIN "LanguageModel" ma ON ma.id = g."modelAId"
    LEFT JOIN "LanguageModel" mb ON mb.id = g."modelBId"`;
}

function promptsVotedSql(scope: ResultsScope): Prisma.Sql {
  return Prisma.sql`SELECT count(DISTINCT src."promptId")::int FROM ${talliedPairs(scope)} src WHERE NOT src.excluded AND ${COUNTED}`;
}

/**
 * The excluded pairs' votes per model pair (own A/B order), counted like every figure's pairs (voted, not
 * gold; excluded raters' votes left out): for the headline "with the excluded prompts" beside the normal one.
 * Excluded pairs are few and read through the partial Pair(studyId) WHERE excluded index; no query when the
 * study has none.
 */
export async function excludedPairTallies(scope: ResultsScope): Promise<ExcludedTallyRow[]> {
  if (!(await hasExcludedPairs(scope))) return [];
  const rows = await bulkRows(Prisma.sql`
    SELECT ma.name AS "modelA", mb.name AS "modelB", g."winsA", g."winsB", g.ties, g."bothBad", g.pairs
    FROM (
      SELECT src."modelAId", src."modelBId", sum(src."winsA")::int AS "winsA", sum(src."winsB")::int AS "winsB",
        sum(src.ties)::int AS ties, sum(src."bothBad")::int AS "bothBad", count(*)::int AS pairs
      FROM ${talliedPairs(scope)} src
      WHERE src.excluded AND ${COUNTED}
      GROUP BY src."modelAId", src."modelBId"
    ) g
    JOIN "LanguageModel" ma ON ma.id = g."modelAId"
    JOIN "LanguageModel" mb ON mb.id = g."modelBId"`, sourceOf(scope));
  return rows.map((r) => {
    const [modelA, modelB, winsA, winsB, ties, bothBad, pairs] = r as [string, string, number, number, number, number, number];
    return { modelA, modelB, winsA, winsB, ties, bothBad, pairs };
  });
}
