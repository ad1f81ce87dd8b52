// The per-prompt view: one row per study pair with its vote counts and majority, paginated and
// filterable in SQL (model, category, winner, text search), so large studies page cheaply.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { majoritySql, raterFilter, type ResultsScope } from "./scope";

export type PromptListFilter = {
  page: number;
  pageSize: number;
  /** Only pairs that include this model. */
  model?: string;
  category?: string;
  /** "A", "B" (relative to the pair), "tie" or "none" (no votes yet). */
  outcome?: "A" | "B" | "tie" | "none";
  /** Case-insensitive substring of the instruction. */
  q?: string;
};

export type PromptListRow = {
  pairId: string;
  promptId: string;
  instruction: string;
  category: string | null;
  dataset: string | null;
  modelA: string;
  modelB: string;
  gold: boolean;
  winsA: number;
  winsB: number;
  ties: number;
  bothBad: number;
  majority: "A" | "B" | "tie" | null;
};

export type PromptListPage = { page: number; pageSize: number; total: number; items: PromptListRow[] };

function where(filter: PromptListFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.model) parts.push(Prisma.sql`("modelA" = ${filter.model} OR "modelB" = ${filter.model})`);
  if (filter.category) parts.push(Prisma.sql`(category = ${filter.category} OR dataset = ${filter.category})`);
  if (filter.q) parts.push(Prisma.sql`"fullInstruction" ILIKE ${`%${filter.q.replace(/[\\%_]/g, "\\$&")}%`}`);
  if (filter.outcome === "none") parts.push(Prisma.sql`majority IS NULL`);
  else if (filter.outcome) parts.push(Prisma.sql`majority = ${filter.outcome}`);
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

export async function listResultPrompts(scope: ResultsScope, filter: PromptListFilter): Promise<PromptListPage> {
  const rows = await promptRows(scope, filter);
  // Past the last page no row carries the window count: ask for the first row only.
  const total = rows[0]?.total ?? (filter.page > 1 ? ((await promptRows(scope, { ...filter, page: 1, pageSize: 1 }))[0]?.total ?? 0) : 0);
  return { page: filter.page, pageSize: filter.pageSize, total, items: rows.map(withoutTotal) };
}

function withoutTotal(row: PromptListRow & { total?: number }): PromptListRow {
  const item = { ...row };
  delete item.total;
  return item;
}

// One GROUP BY over pairs LEFT JOIN votes (not a join against an aggregated subquery: with LIMIT the
// planner picked a nested loop over two 100k-row inputs there), materialized before filtering.
async function promptRows(scope: ResultsScope, filter: PromptListFilter) {
  const majority = majoritySql(Prisma.sql`c."winsA"`, Prisma.sql`c."winsB"`, Prisma.sql`(c.ties + c."bothBad")`);
  return db.$queryRaw<(PromptListRow & { total: number })[]>(Prisma.sql`
    WITH c AS MATERIALIZED (
      SELECT p.id AS "pairId", p."promptId", p."outputAId", p."outputBId", p."goldOutputId", p."createdAt",
        count(v.id) FILTER (WHERE v."winnerOutputId" = p."outputAId")::int AS "winsA",
        count(v.id) FILTER (WHERE v."winnerOutputId" = p."outputBId")::int AS "winsB",
        count(v.id) FILTER (WHERE v.choice = 'TIE')::int AS ties,
        count(v.id) FILTER (WHERE v.choice = 'BOTH_BAD')::int AS "bothBad"
      FROM "Pair" p LEFT JOIN "Vote" v ON v."pairId" = p.id ${raterFilter(scope)}
      WHERE p."studyId" = ${scope.studyId} AND NOT p.excluded
      GROUP BY p.id
    ), rows AS (
      SELECT c."pairId", c."promptId", left(pr.instruction, 300) AS instruction, pr.category, pr.dataset,
        pr.instruction AS "fullInstruction", ma.name AS "modelA", mb.name AS "modelB", c."goldOutputId" IS NOT NULL AS gold,
        c."winsA", c."winsB", c.ties, c."bothBad", ${majority} AS majority, c."createdAt"
      FROM c
      JOIN "Prompt" pr ON pr.id = c."promptId"
      JOIN "Output" oa ON oa.id = c."outputAId"
      JOIN "Output" ob ON ob.id = c."outputBId"
      JOIN "LanguageModel" ma ON ma.id = oa."modelId"
      JOIN "LanguageModel" mb ON mb.id = ob."modelId"
    )
    SELECT "pairId", "promptId", instruction, category, dataset, "modelA", "modelB", gold,
      "winsA", "winsB", ties, "bothBad", majority, count(*) OVER ()::int AS total
    FROM rows
    ${where(filter)}
    ORDER BY "createdAt", "pairId"
    LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`);
}
