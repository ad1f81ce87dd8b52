// Per prompt, its counted votes on every model pair, for the Bradley–Terry ranking's bootstrap, which
// resamples whole prompts (lib/stats/bradley-terry-bootstrap.ts): every model answers every prompt, so a
// prompt's votes on different model pairs are correlated. PostgreSQL groups the prompts that share exactly
// the same votes, so a study's prompts come back as their distinct patterns with how many share each.
import "server-only";
import { bulkRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PromptPatternRow } from "@/lib/results/inputs";
import type { PairRecord } from "@/lib/stats/pair-matrix";
import { sourceOf, type ResultsScope } from "./scope";

/** The study's prompt patterns (over all turns), and with `byTurn` each judged turn's, where a (prompt, turn) is one cluster. */
export type PromptPatterns = { all: PromptPatternRow[]; byTurn: Map<number, PromptPatternRow[]> };

const COUNTED = Prisma.sql`(src."goldOutputId" IS NULL AND src.votes > 0)`;

/**
 * `pairs`: a FROM item with talliedPairs' columns (lib/data/results/scope.ts), so the votes are the ones every
 * other figure counts: voted pairs, not gold, not excluded, excluded raters' votes left out. Each pair's counts
 * are put in the order of its models' ids (lo, hi), so a prompt's pattern does not depend on which model a pair
 * showed as A. Pairs are numbered k once for the study and a pattern is the text "k winsLo winsHi ties bothBad"
 * per pair, in k order, so equal patterns are equal texts. Rows: ('pair', k, names of lo and hi) and
 * ('pattern', turn (NULL: all turns), text, prompts).
 */
function promptPatternsSql(pairs: Prisma.Sql, byTurn: boolean): Prisma.Sql {
  const lo = Prisma.sql`least(src."modelAId", src."modelBId")`;
  const hi = Prisma.sql`greatest(src."modelAId", src."modelBId")`;
  const sets = byTurn ? Prisma.sql`GROUPING SETS ((src."promptId", src.turn, ${lo}, ${hi}), (src."promptId", ${lo}, ${hi}))` : Prisma.sql`src."promptId", ${lo}, ${hi}`;
  const turn = byTurn ? Prisma.sql`CASE WHEN GROUPING(src.turn) = 0 THEN src.turn END` : Prisma.sql`NULL::int`;
  return Prisma.sql`
    WITH cells AS MATERIALIZED (
      SELECT src."promptId" AS prompt, ${turn} AS turn, ${lo} AS lo, ${hi} AS hi,
        sum(CASE WHEN src."modelAId" <= src."modelBId" THEN src."winsA" ELSE src."winsB" END)::int AS "winsLo",
        sum(CASE WHEN src."modelAId" <= src."modelBId" THEN src."winsB" ELSE src."winsA" END)::int AS "winsHi",
        sum(src.ties)::int AS ties, sum(src."bothBad")::int AS "bothBad"
      FROM ${pairs} src
      WHERE NOT src.excluded AND ${COUNTED}
      GROUP BY ${sets}
    ),
    numbered AS (SELECT lo, hi, (row_number() OVER (ORDER BY lo, hi) - 1)::int AS k FROM cells GROUP BY lo, hi),
    clusters AS (
      SELECT c.turn, string_agg(concat_ws(' ', n.k, c."winsLo", c."winsHi", c.ties, c."bothBad"), ' ' ORDER BY n.k) AS pattern
      FROM cells c JOIN numbered n ON n.lo = c.lo AND n.hi = c.hi
      GROUP BY c.prompt, c.turn
    )
    SELECT 'pattern' AS kind, turn, pattern AS text, count(*)::int AS prompts, NULL AS "modelA", NULL AS "modelB"
    FROM clusters GROUP BY turn, pattern
    UNION ALL
    SELECT 'pair', NULL, n.k::text, NULL, ma.name, mb.name
    FROM numbered n JOIN "LanguageModel" ma ON ma.id = n.lo JOIN "LanguageModel" mb ON mb.id = n.hi`;
}

/** A pattern's text as records, the pairs' model names looked up by their number. */
function parsePattern(text: string, pairs: ReadonlyMap<number, { a: string; b: string }>): PairRecord[] {
  const numbers = text.split(" ").map(Number);
  const records: PairRecord[] = [];
  for (let at = 0; at + 4 < numbers.length; at += 5) {
    const pair = pairs.get(numbers[at] as number);
    if (!pair) throw new Error(`prompt pattern names pair ${numbers[at]}, which the query did not list`);
    const [winsA, winsB, ties, bothBad] = [numbers[at + 1], numbers[at + 2], numbers[at + 3], numbers[at + 4]] as number[];
    records.push({ a: pair.a, b: pair.b, winsA: winsA as number, winsB: winsB as number, ties: ties as number, bothBad: bothBad as number });
  }
  return records;
}

/**
 * The prompt patterns of `pairs` (talliedPairs(scope), or a criterion's criterionPairs). Only studies of 3+
 * models rank their models, so only they should ask. `byTurn`: a study judging turns one by one.
 */
export async function promptPatterns(scope: ResultsScope, pairs: Prisma.Sql, options: { byTurn?: boolean } = {}): Promise<PromptPatterns> {
  const rows = await bulkRows(promptPatternsSql(pairs, options.byTurn ?? false), sourceOf(scope));
  const names = new Map<number, { a: string; b: string }>();
  for (const r of rows) {
    const [kind, , text, , modelA, modelB] = r as [string, number | null, string, number | null, string | null, string | null];
    if (kind === "pair") names.set(Number(text), { a: modelA as string, b: modelB as string });
  }
  const result: PromptPatterns = { all: [], byTurn: new Map() };
  for (const r of rows) {
    const [kind, turn, text, prompts] = r as [string, number | null, string, number];
    if (kind !== "pattern") continue;
    const row: PromptPatternRow = { votes: parsePattern(text, names), prompts };
    if (turn === null) result.all.push(row);
    else {
      const list = result.byTurn.get(turn);
      if (list) list.push(row);
      else result.byTurn.set(turn, [row]);
    }
  }
  return result;
}
