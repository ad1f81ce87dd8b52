// The per-prompt view: one row per study pair with its vote counts and majority, paginated and
// filterable in SQL (model, category, winner, text search) over the pairs' tallies, so large studies page cheaply.
import "server-only";
import { dbFrom } from "@/lib/db";
import type { PromptListPage, PromptListRow } from "@/lib/results/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { majoritySql, pairModelJoins, sourceOf, talliedPairs, type ResultsScope } from "./scope";

export type PromptListFilter = {
  page: number;
  pageSize: number;
  /** Only pairs that include this model. */
  model?: string;
  category?: string;
  /**
   * "A", "B" (relative to the pair), "tie", "none" (put to raters, no votes yet) or "held" (a study that
   * samples model pairs has not put it to raters: not drawn, or its prompt not opened yet).
   */
  outcome?: "A" | "B" | "tie" | "none" | "held";
  /** Only pairs whose majority picked this model's answer (whichever output of the pair it is). */
  winner?: string;
  /** Case-insensitive substring of the instruction. */
  q?: string;
};

const MAJORITY = majoritySql(Prisma.sql`src."winsA"`, Prisma.sql`src."winsB"`, Prisma.sql`(src.ties + src."bothBad")`);

/** Filters on the tallied pairs; the second value says whether they need the prompt/model joins. */
function where(filter: PromptListFilter): { sql: Prisma.Sql; joins: boolean } {
  const parts: Prisma.Sql[] = [Prisma.sql`NOT src.excluded`];
  let joins = false;
  if (filter.model) {
    parts.push(Prisma.sql`(ma.name = ${filter.model} OR mb.name = ${filter.model})`);
    joins = true;
  }
  if (filter.category) {
    parts.push(Prisma.sql`(pr.category = ${filter.category} OR pr.dataset = ${filter.category})`);
    joins = true;
  }
  if (filter.q) {
    parts.push(Prisma.sql`pr.instruction ILIKE ${`%${filter.q.replace(/[\\%_]/g, "\\$&")}%`}`);
    joins = true;
  }
  if (filter.winner) {
    parts.push(Prisma.sql`((${MAJORITY} = 'A' AND ma.name = ${filter.winner}) OR (${MAJORITY} = 'B' AND mb.name = ${filter.winner}))`);
    joins = true;
  }
  // A held pair is not an unvoted one (raters never got it): "no votes" leaves it out.
  if (filter.outcome === "none") parts.push(Prisma.sql`${MAJORITY} IS NULL AND NOT src.held`);
  else if (filter.outcome === "held") parts.push(Prisma.sql`src.held`);
  else if (filter.outcome) parts.push(Prisma.sql`${MAJORITY} = ${filter.outcome}`);
  return { sql: Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}`, joins };
}

/** One page of rows and the total, two statements in parallel: the total needs no joins unless a filter does. */
export async function listResultPrompts(scope: ResultsScope, filter: PromptListFilter): Promise<PromptListPage> {
  const w = where(filter);
  const [items, [count]] = await Promise.all([
    dbFrom(sourceOf(scope)).$queryRaw<PromptListRow[]>(promptPageSql(scope, filter)),
    dbFrom(sourceOf(scope)).$queryRaw<{ total: number }[]>(Prisma.sql`
      SELECT count(*)::int AS total FROM ${talliedPairs(scope)} src ${w.joins ? pairModelJoins : Prisma.empty} ${w.sql}`),
  ]);
  return { page: filter.page, pageSize: filter.pageSize, total: count?.total ?? 0, items };
}

export function promptPageSql(scope: ResultsScope, filter: PromptListFilter): Prisma.Sql {
  const w = where(filter);
  return Prisma.sql`
      SELECT src."pairId", src."promptId", left(pr.instruction, 300) AS instruction, pr.category, pr.dataset,
        ma.name AS "modelA", mb.name AS "modelB", src."goldOutputId" IS NOT NULL AS gold,
        src."winsA", src."winsB", src.ties, src."bothBad", ${MAJORITY} AS majority, src.turn,
        CASE WHEN NOT src.held THEN NULL WHEN src.inclusion IS NULL THEN 'notOpened' ELSE 'notDrawn' END AS held
      FROM ${talliedPairs(scope)} src
      ${pairModelJoins}
      ${w.sql}
      ORDER BY src."createdAt", src."pairId"
      LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`;
}
