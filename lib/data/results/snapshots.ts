// Stored results figures of large studies (see lib/results/results-cache.ts): one row per study
// and rater-exclusion scope, overwritten at each recomputation, dropped with the study. A version
// string says whether stored figures are still exact, so an idle or closed study never recomputes.
// The figures may be computed on the read replica: their version must then be read there too (before
// them), so figures from a lagging replica are stored under the version they reflect, never the
// primary's newer one. The rows themselves are read and written on the primary.
import "server-only";
import { db, dbFrom, type ReadSource } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type StoredFigures = { figures: unknown; version: string; computedAt: Date };

/**
 * Changes whenever the figures could: a vote added (latest vote time) or removed (the members' vote
 * counts), an undo (the undone votes' count: a vote and its undo leave the other parts as they were),
 * the study's status, figuresChangedAt (gold answers, judge labels), or prompts opened in a study that
 * samples model pairs (openedPrompts: a drawn-out pair closes without a vote). Three small reads: the
 * members' counters, the newest entry of the Vote(studyId, createdAt) index and the study's entries
 * of the UndoneVote(studyId, raterId) index. Null: no such study.
 */
// The figures' own format: stored figures of an older format are never "still exact" (bump it when their shape or meaning changes).
const FIGURES_FORMAT = "f13";

export async function studyFiguresVersion(studyId: string, source: ReadSource = "primary"): Promise<string | null> {
  const [row] = await dbFrom(source).$queryRaw<{ version: string }[]>`
    SELECT concat_ws('|', ${FIGURES_FORMAT}::text, s.status::text, s."figuresChangedAt"::text, s."openedPrompts"::text,
      (SELECT coalesce(sum(m.votes), 0) FROM "StudyMember" m WHERE m."studyId" = s.id)::text,
      (SELECT max(v."createdAt") FROM "Vote" v WHERE v."studyId" = s.id)::text,
      (SELECT count(*) FROM "UndoneVote" u WHERE u."studyId" = s.id)::text) AS version
    FROM "Study" s WHERE s.id = ${studyId}`;
  return row?.version ?? null;
}

/** For changes the version cannot see otherwise (gold answers, judge labels); run it in the change's transaction when there is one. */
export async function markFiguresChanged(studyId: string, tx: Pick<typeof db, "$executeRaw"> = db): Promise<void> {
  await tx.$executeRaw`UPDATE "Study" SET "figuresChangedAt" = clock_timestamp() AT TIME ZONE 'UTC' WHERE id = ${studyId}`;
}

export async function loadSnapshot(studyId: string, scope: string): Promise<StoredFigures | null> {
  return db.resultsSnapshot.findUnique({
    where: { studyId_scope: { studyId, scope } },
    select: { figures: true, version: true, computedAt: true },
  });
}

/** Keeps the newer of two concurrent saves (computedAt decides), so an old result never replaces a new one. */
export async function saveSnapshot(
  studyId: string, scope: string, figures: unknown, version: string, computedAt: Date, computeMs: number,
): Promise<void> {
  const json = JSON.stringify(figures);
  await db.$executeRaw`
    INSERT INTO "ResultsSnapshot" ("studyId", scope, figures, version, "computedAt", "computeMs")
    SELECT ${studyId}, ${scope}, ${json}::jsonb, ${version}, ${computedAt}, ${computeMs}
    WHERE EXISTS (SELECT 1 FROM "Study" WHERE id = ${studyId})
    ON CONFLICT ("studyId", scope) DO UPDATE
      SET figures = EXCLUDED.figures, version = EXCLUDED.version, "computedAt" = EXCLUDED."computedAt", "computeMs" = EXCLUDED."computeMs"
      WHERE "ResultsSnapshot"."computedAt" < EXCLUDED."computedAt"`;
}

/** One study's stored figures, or every study's (null). */
export async function deleteSnapshots(studyId: string | null): Promise<void> {
  const where: Prisma.ResultsSnapshotWhereInput = studyId === null ? {} : { studyId };
  await db.resultsSnapshot.deleteMany({ where });
}
