// What a rater may know about a study they belong to: settings for the rating page and progress.
// Non-members get null, the same as for a study that does not exist. Never selects model identity.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export type RatingOptions = { allowTie: boolean; allowBothBad: boolean; rationale: "OFF" | "OPTIONAL" | "REQUIRED" };
export type Completion = { code: string | null; url: string | null };
export type Progress = { judgedByYou: number; studyVotes: number; studyVotesWanted: number };

export type RaterStudy = {
  id: string;
  name: string;
  guidelines: string;
  status: "DRAFT" | "OPEN" | "CLOSED";
  options: RatingOptions;
  completion: Completion | null;
};

/** The database's clock in the columns' convention (UTC timestamps without time zone). */
export const DB_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

export function completionOf(code: string | null, url: string | null): Completion | null {
  return code || url ? { code, url } : null;
}

export async function findRaterStudy(studyId: string, raterId: string): Promise<RaterStudy | null> {
  const study = await db.study.findFirst({
    where: { id: studyId, members: { some: { userId: raterId } } },
    select: {
      id: true, name: true, guidelines: true, status: true, allowTie: true, allowBothBad: true, rationale: true,
      completionCode: true, completionUrl: true,
    },
  });
  if (!study) return null;
  return {
    id: study.id, name: study.name, guidelines: study.guidelines, status: study.status,
    options: { allowTie: study.allowTie, allowBothBad: study.allowBothBad, rationale: study.rationale },
    completion: completionOf(study.completionCode, study.completionUrl),
  };
}

/**
 * The rater's own vote count and the study's overall progress: votes on live pairs (capped at the
 * wanted number per pair, so extra votes never show more than 100 %) against pairs × votesPerPair.
 */
export async function raterProgress(studyId: string, raterId: string): Promise<Progress> {
  const rows = await db.$queryRaw<Progress[]>`
    SELECT
      (SELECT count(*)::int FROM "Vote" v WHERE v."raterId" = ${raterId} AND v."studyId" = s.id) AS "judgedByYou",
      coalesce(sum(least(p."voteCount", s."votesPerPair")), 0)::int AS "studyVotes",
      (count(p.id) * s."votesPerPair")::int AS "studyVotesWanted"
    FROM "Study" s
    LEFT JOIN "Pair" p ON p."studyId" = s.id AND NOT p.excluded
    WHERE s.id = ${studyId}
    GROUP BY s.id, s."votesPerPair"`;
  return rows[0] ?? { judgedByYou: 0, studyVotes: 0, studyVotesWanted: 0 };
}
