// Everything the results need of the study's pairs, aggregated by PostgreSQL in one pass over them
// (hashed grouping sets): the comparisons' orientation, per model pair the distinct count patterns
// (tallies, bootstrap, majorities, agreement, rankings), the same patterns per length difference (the
// length-controlled win rate), per category and dataset the summed counts, position and length bias. A large study's 100,000 pairs become a few thousand rows: reading them
// all into JavaScript cost more than the query itself. Every grouping set also groups by the pair's judged
// turn (issue 21): one pass gives each turn's rows, and the study's are all turns' together.
import "server-only";
import { bulkRows } from "@/lib/db";
import type {
  CategoryCountRow, ExcludedTallyRow, LengthPatternRow, PairOrderRow, PairPatternRow, PromptPatternRow, SideCounts, TurnAggregates,
} from "@/lib/results/inputs";
import { emptyTurn } from "@/lib/results/turns";
import { Prisma } from "@/lib/generated/prisma/client";
import { promptPatterns } from "./prompt-patterns";
import { hasExcludedPairs, sourceOf, talliedPairs, type ResultsScope } from "./scope";

export type PairAggregates = {
  orders: PairOrderRow[];
  patterns: PairPatternRow[];
  /** Per prompt its votes on every model pair (the ranking's bootstrap); empty unless asked for (3+ models). */
  promptPatterns: PromptPatternRow[];
  lengths: LengthPatternRow[];
  categories: CategoryCountRow[];
  sides: SideCounts;
  /** Distinct prompts with a counted pair. */
  promptsVoted: number;
  /** The same rows per judged turn (0: pairs judging the whole conversation, or a single answer); excludedTallies left empty. */
  byTurn: Map<number, TurnAggregates>;
};

/** `byTurn`: the study judges turns one by one; `promptPatterns`: it ranks its models (3+), so the ranking's bootstrap needs them. */
export type PairAggregateOptions = { byTurn?: boolean; promptPatterns?: boolean };

/**
 * Counted pairs (voted, not gold, not excluded) make every figure; gold pairs were chosen for having
 * a known winner, so they are not a fair sample. Orders count every non-excluded pair, voted or not, gold or not.
 */
export async function pairAggregates(scope: ResultsScope, options: PairAggregateOptions = {}): Promise<PairAggregates> {
  const [aggregates, prompts] = await Promise.all([
    pairAggregatesFrom(scope, talliedPairs(scope), options), bulkRows(promptsVotedSql(scope, options.byTurn ?? false), sourceOf(scope)),
  ]);
  let promptsVoted = 0;
  for (const r of prompts) {
    const [turn, count] = r as [number | null, number];
    if (turn === null) promptsVoted = Number(count);
    else turnOf(aggregates.byTurn, turn).promptsVoted = Number(count);
  }
  return { ...aggregates, promptsVoted };
}

function turnOf(byTurn: Map<number, TurnAggregates>, turn: number): TurnAggregates {
  let t = byTurn.get(turn);
  if (!t) byTurn.set(turn, (t = emptyTurn(turn)));
  return t;
}

function addSides(into: SideCounts, add: SideCounts) {
  into.leftWins += add.leftWins;
  into.rightWins += add.rightWins;
  into.longerWins += add.longerWins;
  into.shorterWins += add.shorterWins;
}

/**
 * The aggregates of `pairs`, a FROM item with talliedPairs' columns: the Pair tallies, or another
 * choice's counts per pair (a criterion's, lib/data/results/criterion-counts.ts), so every figure reads both alike.
 * The prompt patterns (when asked for) come from a query of their own, run beside the grouping sets.
 */
export async function pairAggregatesFrom(
  scope: ResultsScope, pairs: Prisma.Sql, options: PairAggregateOptions = {},
): Promise<Omit<PairAggregates, "promptsVoted">> {
  const [rows, prompts] = await Promise.all([
    bulkRows(pairAggregatesSql(pairs), sourceOf(scope)),
    options.promptPatterns ? promptPatterns(scope, pairs, { byTurn: options.byTurn }) : null,
  ]);
  const orders = new Map<string, PairOrderRow>();
  const all: Omit<TurnAggregates, "turn" | "excludedTallies" | "promptsVoted"> = {
    patterns: [], promptPatterns: prompts?.all ?? [], lengths: [], categories: [], sides: { leftWins: 0, rightWins: 0, longerWins: 0, shorterWins: 0 },
  };
  const byTurn = new Map<number, TurnAggregates>();
  for (const [turn, patterns] of prompts?.byTurn ?? []) turnOf(byTurn, turn).promptPatterns = patterns;
  for (const r of rows) {
    // Columns in pairAggregatesSql's order.
    const [kind, modelA, modelB, counted, winsA, winsB, ties, bothBad, value, pairs, leftWins, rightWins, longerWins, shorterWins, lengthDiff, turn] =
      r as [string, string, string, boolean, number, number, number, number, string | null, number, number, number, number, number, number | null, number];
    if (kind === "order") {
      const key = `${modelA}\u0000${modelB}`;
      const order = orders.get(key);
      if (order) order.pairs += pairs;
      else orders.set(key, { modelA, modelB, pairs });
      continue;
    }
    if (!counted) continue;
    const t = turnOf(byTurn, turn);
    if (kind === "pattern") {
      const row = { modelA, modelB, winsA, winsB, ties, bothBad, pairs };
      all.patterns.push(row);
      t.patterns.push(row);
    } else if (kind === "length") {
      const row = { modelA, modelB, winsA, winsB, ties, bothBad, pairs, lengthDiff: lengthDiff ?? 0 };
      all.lengths.push(row);
      t.lengths.push(row);
    } else if (kind === "sides") {
      const sides = { leftWins, rightWins, longerWins, shorterWins };
      addSides(all.sides, sides);
      addSides(t.sides, sides);
    } else if (value !== null && value !== "") {
      const row = { field: kind as CategoryCountRow["field"], value, modelA, modelB, winsA, winsB, ties, bothBad, pairs };
      all.categories.push(row);
      t.categories.push(row);
    }
  }
  return { orders: [...orders.values()], ...all, byTurn };
}

const COUNTED = Prisma.sql`(src."goldOutputId" IS NULL AND src.votes > 0)`;
/**
 * A's length minus B's to within 1% (its log, rounded to fiftieths; every difference below 50
 * characters its own bucket), so a study's differences take at most about 900 values whatever its size;
 * each row carries its bucket's middle, exp(bucket / 50) - 1 with the sign.
 */
const LENGTH_BUCKET = Prisma.sql`(sign(src."lengthA" - src."lengthB") * round(50 * ln(1 + abs(src."lengthA" - src."lengthB"))))`;

/** `pairs`: a FROM item with talliedPairs' columns (talliedPairs(scope) for the figures of the vote's own choice). */
export function pairAggregatesSql(pairs: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT g.kind, ma.name AS "modelA", mb.name AS "modelB", g.counted, g."winsA", g."winsB", g.ties, g."bothBad", g.value,
      g.pairs, g."leftWins", g."rightWins", g."longerWins", g."shorterWins", g."lengthDiff", g.turn
    FROM (
      SELECT
        CASE WHEN GROUPING(src."modelAId") = 1 THEN 'sides' WHEN GROUPING(${LENGTH_BUCKET}) = 0 THEN 'length' WHEN GROUPING(src."winsA") = 0 THEN 'pattern'
             WHEN GROUPING(src.category) = 0 THEN 'category' WHEN GROUPING(src.dataset) = 0 THEN 'dataset' ELSE 'order' END AS kind,
        src."modelAId", src."modelBId", ${COUNTED} AS counted, src.turn,
        -- A pattern's own counts, or the sums of a category's.
        CASE WHEN GROUPING(src."winsA") = 0 THEN src."winsA" ELSE sum(src."winsA") END::int AS "winsA",
        CASE WHEN GROUPING(src."winsA") = 0 THEN src."winsB" ELSE sum(src."winsB") END::int AS "winsB",
        CASE WHEN GROUPING(src."winsA") = 0 THEN src.ties ELSE sum(src.ties) END::int AS ties,
        CASE WHEN GROUPING(src."winsA") = 0 THEN src."bothBad" ELSE sum(src."bothBad") END::int AS "bothBad",
        coalesce(src.category, src.dataset) AS value,
        count(*)::int AS pairs,
        sum(src."leftWins")::int AS "leftWins", sum(src."rightWins")::int AS "rightWins",
        sum(CASE WHEN src."lengthA" > src."lengthB" THEN src."winsA" WHEN src."lengthA" < src."lengthB" THEN src."winsB" ELSE 0 END)::int AS "longerWins",
        sum(CASE WHEN src."lengthA" > src."lengthB" THEN src."winsB" WHEN src."lengthA" < src."lengthB" THEN src."winsA" ELSE 0 END)::int AS "shorterWins",
        CASE WHEN GROUPING(${LENGTH_BUCKET}) = 0 THEN sign(${LENGTH_BUCKET}) * (exp(abs(${LENGTH_BUCKET}) / 50) - 1) END::float8 AS "lengthDiff"
      FROM ${pairs} src
      WHERE NOT src.excluded
      GROUP BY GROUPING SETS (
        (src."modelAId", src."modelBId", ${COUNTED}, src.turn),
        (src."modelAId", src."modelBId", ${COUNTED}, src.turn, src."winsA", src."winsB", src.ties, src."bothBad"),
        (src."modelAId", src."modelBId", ${COUNTED}, src.turn, ${LENGTH_BUCKET}, src."winsA", src."winsB", src.ties, src."bothBad"),
        (src."modelAId", src."modelBId", ${COUNTED}, src.turn, src.category),
        (src."modelAId", src."modelBId", ${COUNTED}, src.turn, src.dataset),
        (${COUNTED}, src.turn))
    ) g
    LEFT JOIN "LanguageModel" ma ON ma.id = g."modelAId"
    LEFT JOIN "LanguageModel" mb ON mb.id = g."modelBId"`;
}

/**
 * Distinct prompts with a counted pair over the study (turn NULL), and with `byTurn` per turn too (a second
 * sort of the prompt ids, paid only by studies that judge turns).
 */
function promptsVotedSql(scope: ResultsScope, byTurn: boolean): Prisma.Sql {
  const from = Prisma.sql`FROM ${talliedPairs(scope)} src WHERE NOT src.excluded AND ${COUNTED}`;
  if (!byTurn) return Prisma.sql`SELECT NULL::int AS turn, count(DISTINCT src."promptId")::int ${from}`;
  return Prisma.sql`SELECT CASE WHEN GROUPING(src.turn) = 0 THEN src.turn END AS turn, count(DISTINCT src."promptId")::int
    ${from} GROUP BY GROUPING SETS ((src.turn), ())`;
}

/**
 * The excluded pairs' votes per model pair (own A/B order), counted like every figure's pairs (voted, not
 * gold; excluded raters' votes left out): for the headline "with the excluded prompts" beside the normal one.
 * Excluded pairs are few and read through the partial Pair(studyId) WHERE excluded index; no query when the
 * study has none.
 */
export async function excludedPairTallies(scope: ResultsScope, pairs: Prisma.Sql = talliedPairs(scope)): Promise<(ExcludedTallyRow & { turn: number })[]> {
  if (!(await hasExcludedPairs(scope))) return [];
  const rows = await bulkRows(Prisma.sql`
    SELECT ma.name AS "modelA", mb.name AS "modelB", g."winsA", g."winsB", g.ties, g."bothBad", g.pairs, g.turn
    FROM (
      SELECT src."modelAId", src."modelBId", src.turn, sum(src."winsA")::int AS "winsA", sum(src."winsB")::int AS "winsB",
        sum(src.ties)::int AS ties, sum(src."bothBad")::int AS "bothBad", count(*)::int AS pairs
      FROM ${pairs} src
      WHERE src.excluded AND ${COUNTED}
      GROUP BY src."modelAId", src."modelBId", src.turn
    ) g
    JOIN "LanguageModel" ma ON ma.id = g."modelAId"
    JOIN "LanguageModel" mb ON mb.id = g."modelBId"`, sourceOf(scope));
  return rows.map((r) => {
    const [modelA, modelB, winsA, winsB, ties, bothBad, pairs, turn] = r as [string, string, number, number, number, number, number, number];
    return { modelA, modelB, winsA, winsB, ties, bothBad, pairs, turn };
  });
}
