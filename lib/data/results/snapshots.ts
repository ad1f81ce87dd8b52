// Stored results figures of large studies (see lib/results/results-cache.ts): one row per study
// and rater-exclusion scope, overwritten at each recomputation, dropped with the study.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type StoredFigures = { figures: unknown; computedAt: Date };

export async function loadSnapshot(studyId: string, scope: string): Promise<StoredFigures | null> {
  return db.resultsSnapshot.findUnique({
    where: { studyId_scope: { studyId, scope } },
    select: { figures: true, computedAt: true },
  });
}

/** Keeps the newer of two concurrent saves (computedAt decides), so an old result never replaces a new one. */
export async function saveSnapshot(studyId: string, scope: string, figures: unknown, computedAt: Date, computeMs: number): Promise<void> {
  const json = JSON.stringify(figures);
  await db.$executeRaw`
    INSERT INTO "ResultsSnapshot" ("studyId", scope, figures, "computedAt", "computeMs")
    SELECT ${studyId}, ${scope}, ${json}::jsonb, ${computedAt}, ${computeMs}
    WHERE EXISTS (SELECT 1 FROM "Study" WHERE id = ${studyId})
    ON CONFLICT ("studyId", scope) DO UPDATE
      SET figures = EXCLUDED.figures, "computedAt" = EXCLUDED."computedAt", "computeMs" = EXCLUDED."computeMs"
      WHERE "ResultsSnapshot"."computedAt" < EXCLUDED."computedAt"`;
}

/** One study's stored figures, or every study's (null). */
export async function deleteSnapshots(studyId: string | null): Promise<void> {
  const where: Prisma.ResultsSnapshotWhereInput = studyId === null ? {} : { studyId };
  await db.resultsSnapshot.deleteMany({ where });
}
