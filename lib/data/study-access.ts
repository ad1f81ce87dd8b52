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

/** The database's clock in the columns' convention (UTC timestamps without time zone), as SQL text. */
export const DB_NOW_TEXT = "(now() AT TIME ZONE 'UTC')";
/** The same, as a fragment for Prisma's tagged queries. */
export const DB_NOW = Prisma.raw(DB_NOW_TEXT);

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

export type StudyVotes = { studyVotes: number; studyVotesWanted: number };

// A study-wide sum reads every pair (about 20 ms at 100,000 pairs), too slow to run on every
// request of every rater: in studies this large each server process shares a figure up to
// STUDY_VOTES_TTL_MS old. Smaller studies are summed fresh every time.
const LARGE_STUDY_PAIRS = 5_000;
const STUDY_VOTES_TTL_MS = 2_000;
const studyVotesCache = new Map<string, { at: number; value: Promise<StudyVotes & { pairs: number }> }>();

async function sumStudyVotes(studyId: string): Promise<StudyVotes & { pairs: number }> {
  const rows = await db.$queryRaw<(StudyVotes & { pairs: number })[]>(studyVotesSql(studyId));
  return rows[0] ?? { studyVotes: 0, studyVotesWanted: 0, pairs: 0 };
}

export function studyVotesSql(studyId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT coalesce(sum(least(p."voteCount", s."votesPerPair")), 0)::int AS "studyVotes",
      (count(p.id) * s."votesPerPair")::int AS "studyVotesWanted", count(p.id)::int AS pairs
    FROM "Study" s
    LEFT JOIN "Pair" p ON p."studyId" = s.id AND NOT p.excluded
    WHERE s.id = ${studyId}
    GROUP BY s.id, s."votesPerPair"`;
}

/** The study's capped vote total and the votes it wants (shared for STUDY_VOTES_TTL_MS in large studies). */
export async function studyVotes(studyId: string): Promise<StudyVotes> {
  const now = Date.now();
  const cached = studyVotesCache.get(studyId);
  if (cached && now - cached.at < STUDY_VOTES_TTL_MS) return cached.value;
  const value = sumStudyVotes(studyId);
  // A study already known to be large: the refresh is shared at once by concurrent requests.
  if (cached) studyVotesCache.set(studyId, { at: now, value });
  value.then((v) => {
    if (v.pairs >= LARGE_STUDY_PAIRS) studyVotesCache.set(studyId, { at: now, value });
    else studyVotesCache.delete(studyId);
  }, () => studyVotesCache.delete(studyId));
  return value;
}

/**
 * The rater's own vote count (kept on their membership by the Vote trigger) and the study's overall
 * progress: votes on live pairs (capped at the wanted number per pair, so extra votes never show
 * more than 100 %) against pairs × votesPerPair.
 */
export async function raterProgress(studyId: string, raterId: string): Promise<Progress> {
  const [member, study] = await Promise.all([
    db.studyMember.findUnique({ where: { studyId_userId: { studyId, userId: raterId } }, select: { votes: true } }),
    studyVotes(studyId),
  ]);
  return { judgedByYou: member?.votes ?? 0, studyVotes: study.studyVotes, studyVotesWanted: study.studyVotesWanted };
}
