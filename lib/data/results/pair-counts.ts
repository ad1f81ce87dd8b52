// Per-pair vote counts (one row per study pair with votes): the base of the headline, win rates,
// bootstrap, majorities, agreement, position and length bias, categories and rankings; and, from
// the same rows, how many pairs put each model first (the comparisons' A/B orientation).
// Read from the tallies the Vote triggers keep, so a million votes cost one row per pair.
import "server-only";
import { bulkRows } from "@/lib/db";
import type { PairCountRow, PairOrderRow } from "@/lib/results/inputs";
import { Prisma } from "@/lib/generated/prisma/client";
import { talliedPairs, type ResultsScope } from "./scope";

export type PairCountsAndOrders = { pairs: PairCountRow[]; orders: PairOrderRow[] };

/**
 * One pass over the study's non-excluded pairs, read as arrays (a large study has 100,000). Counts
 * leave gold pairs out: they were chosen for having a known winner, so they are not a fair sample;
 * orders count every pair, voted or not, gold or not.
 */
export async function pairCountsAndOrders(scope: ResultsScope): Promise<PairCountsAndOrders> {
  const rows = await bulkRows(pairCountsSql(scope));
  const orders = new Map<string, PairOrderRow>();
  const pairs: PairCountRow[] = [];
  for (const r of rows) {
    // Columns in pairCountsSql's order.
    const [promptId, category, dataset, modelA, modelB, lengthA, lengthB, winsA, winsB, ties, bothBad, leftWins, rightWins, gold, votes] =
      r as [string, string | null, string | null, string, string, number, number, number, number, number, number, number, number, boolean, number];
    const key = `${modelA}\u0000${modelB}`;
    const order = orders.get(key);
    if (order) order.pairs += 1;
    else orders.set(key, { modelA, modelB, pairs: 1 });
    if (!gold && votes > 0) pairs.push({ promptId, category, dataset, modelA, modelB, lengthA, lengthB, winsA, winsB, ties, bothBad, leftWins, rightWins });
  }
  return { pairs, orders: [...orders.values()] };
}

// The outputs' models and lengths and the prompt's category come from the pair's own result facts:
// joining 100,000 pairs to their prompts and 200,000 outputs was two thirds of this query. No ORDER BY
// (sorting 100,000 text ids cost as much as the rest): nothing downstream depends on the row order.
export function pairCountsSql(scope: ResultsScope): Prisma.Sql {
  return Prisma.sql`
    SELECT src."promptId", src.category, src.dataset,
      ma.name AS "modelA", mb.name AS "modelB", src."lengthA", src."lengthB",
      src."winsA", src."winsB", src.ties, src."bothBad", src."leftWins", src."rightWins",
      src."goldOutputId" IS NOT NULL AS gold, src.votes
    FROM ${talliedPairs(scope)} src
    JOIN "LanguageModel" ma ON ma.id = src."modelAId"
    JOIN "LanguageModel" mb ON mb.id = src."modelBId"
    WHERE NOT src.excluded`;
}
