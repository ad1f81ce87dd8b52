// After an upload: for each model that answers some of the uploaded prompts (the ones a study could
// pair with this file's), how many of those prompts it answers and how many it lacks.
import "server-only";
import type { MissingByModel } from "@/lib/admin/types";
import type { Prisma } from "@/lib/generated/prisma/client";

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
    HAVING count(o.id) > 0
    ORDER BY m.name`;
}
