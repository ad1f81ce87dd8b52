// After an upload: for every model in the store, how many of the uploaded prompts it has no output for.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export type MissingByModel = { model: string; missing: number; present: number };

export async function missingPromptCounts(tx: Prisma.TransactionClient, promptIds: string[]): Promise<MissingByModel[]> {
  if (!promptIds.length) return [];
  return tx.$queryRaw<MissingByModel[]>`
    SELECT m.name AS model,
           count(*) FILTER (WHERE o.id IS NULL)::int AS missing,
           count(o.id)::int AS present
    FROM "LanguageModel" m
    CROSS JOIN unnest(${promptIds}::text[]) AS p(id)
    LEFT JOIN "Output" o ON o."modelId" = m.id AND o."promptId" = p.id
    GROUP BY m.name
    ORDER BY m.name`;
}
