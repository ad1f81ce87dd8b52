// Per prompt, its counted votes on every model pair, for the Bradley–Terry ranking's bootstrap, which
// resamples whole prompts (lib/stats/bradley-terry-bootstrap.ts): every model answers every prompt, so a
// prompt's votes on different model pairs are correlated. PostgreSQL groups the prompts that share exactly
// the same votes, so a study's prompts come back as their distinct patterns with how many share each. A
// study that samples model pairs weighs each vote by its pair's inverse inclusion probability (WEIGHT).
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
 * Each vote's weight is the inverse of its pair's inclusion probability where the study samples model pairs
 * (Horvitz–Thompson, as Chatbot Arena fits its leaderboard): a model pair drawn on a fraction q of the
 * prompts counts 1/q per vote, so the ranking estimates what every model pair on every prompt would give,
 * whichever pairs the rule favoured. Without sampling inclusion is null and every vote counts 1.
 * PostgreSQL prints a float8 in the shortest text that reads back exactly, so the weighted counts parse
 * back to the same numbers (and a whole one prints as "2").
 */
const WEIGHT = Prisma.sql`coalesce(src.inclusion, 1)::float8`;

/**
 * `pairs`: a FROM item with talliedPairs' columns (lib/data/results/scope.ts), so the votes are the ones every
 * other figure counts: voted pairs, not gold, not excluded, excluded raters' votes left out. Models are
 * numbered by their place among the study's models (StudyModel, ordered by id; 0 for a model not among them,
 * which the reader refuses), and a pattern is the text "i j winsI winsJ ties bothBad" per pair with i < j, in
 * (i, j) order, so prompts with equal votes have equal texts and are counted together. A model pair listed
 * twice in a prompt (over all turns, once per turn) is listed twice: the bootstrap adds them up. Rows:
 * ('model', number, name) and ('pattern', turn (NULL: all turns), text, prompts).
 */
function promptPatternsSql(studyId: string, pairs: Prisma.Sql, byTurn: boolean): Prisma.Sql {
  const sets = byTurn ? Prisma.sql`GROUPING SETS ((c.prompt, c.turn), (c.prompt))` : Prisma.sql`c.prompt`;
  const turn = byTurn ? Prisma.sql`CASE WHEN GROUPING(c.turn) = 0 THEN c.turn END` : Prisma.sql`NULL::int`;
  return Prisma.sql`
    WITH numbered AS (SELECT "modelId" AS id, (row_number() OVER (ORDER BY "modelId"))::int AS k FROM "StudyModel" WHERE "studyId" = ${studyId}),
    cells AS (
      SELECT src."promptId" AS prompt, src.turn, least(coalesce(na.k, 0), coalesce(nb.k, 0)) AS lo, greatest(coalesce(na.k, 0), coalesce(nb.k, 0)) AS hi,
        (CASE WHEN na.k < nb.k THEN src."winsA" ELSE src."winsB" END) / ${WEIGHT} AS "winsLo",
        (CASE WHEN na.k < nb.k THEN src."winsB" ELSE src."winsA" END) / ${WEIGHT} AS "winsHi",
        src.ties / ${WEIGHT} AS ties, src."bothBad" / ${WEIGHT} AS "bothBad"
      FROM ${pairs} src
      LEFT JOIN numbered na ON na.id = src."modelAId"
      LEFT JOIN numbered nb ON nb.id = src."modelBId"
      WHERE NOT src.excluded AND ${COUNTED}
    ),
    clusters AS (
      SELECT ${turn} AS turn, string_agg(concat_ws(' ', c.lo, c.hi, c."winsLo", c."winsHi", c.ties, c."bothBad"), ' ' ORDER BY c.lo, c.hi) AS pattern
      FROM cells c GROUP BY ${sets}
    )
    SELECT 'pattern' AS kind, turn, pattern AS text, count(*)::int AS prompts FROM clusters GROUP BY turn, pattern
    UNION ALL
    SELECT 'model', NULL, n.k::text || ' ' || lm.name, NULL FROM numbered n JOIN "LanguageModel" lm ON lm.id = n.id`;
}

/** A pattern's text as records, the models looked up by their number. */
function parsePattern(text: string, models: ReadonlyMap<number, string>): PairRecord[] {
  const fields = text.split(" ");
  const records: PairRecord[] = [];
  for (let at = 0; at + 5 < fields.length; at += 6) {
    const a = models.get(Number(fields[at]));
    const b = models.get(Number(fields[at + 1]));
    if (a === undefined || b === undefined) throw new Error("a counted pair's model is not among the study's models");
    records.push({ a, b, winsA: Number(fields[at + 2]), winsB: Number(fields[at + 3]), ties: Number(fields[at + 4]), bothBad: Number(fields[at + 5]) });
  }
  return records;
}

/**
 * The prompt patterns of `pairs` (talliedPairs(scope), or a criterion's criterionPairs). Only studies of 3+
 * models rank their models, so only they should ask. `byTurn`: a study judging turns one by one.
 */
export async function promptPatterns(scope: ResultsScope, pairs: Prisma.Sql, options: { byTurn?: boolean } = {}): Promise<PromptPatterns> {
  const rows = await bulkRows(promptPatternsSql(scope.studyId, pairs, options.byTurn ?? false), sourceOf(scope));
  const models = new Map<number, string>();
  for (const r of rows) {
    const [kind, , text] = r as [string, number | null, string];
    if (kind === "model") models.set(Number(text.slice(0, text.indexOf(" "))), text.slice(text.indexOf(" ") + 1));
  }
  const result: PromptPatterns = { all: [], byTurn: new Map() };
  for (const r of rows) {
    const [kind, turn, text, prompts] = r as [string, number | null, string, number];
    if (kind !== "pattern") continue;
    const row: PromptPatternRow = { votes: parsePattern(text, models), prompts };
    if (turn === null) result.all.push(row);
    else {
      const list = result.byTurn.get(turn);
      if (list) list.push(row);
      else result.byTurn.set(turn, [row]);
    }
  }
  return result;
}
