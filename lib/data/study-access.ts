// What a rater may know about a study they belong to: settings for the rating page and progress.
// Non-members get null, the same as for a study that does not exist. Never selects model identity.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Completion, Progress, RatingOptions } from "@/lib/rating/types";
import type { StudyStatus } from "@/lib/generated/prisma/enums";
import { MACHINERY, machineryOn } from "@/lib/machinery";

// No completion here: it is given only with the 'done' answer, once the rater cast enough votes.
export type RaterStudy = {
  id: string;
  name: string;
  guidelines: string;
  status: StudyStatus;
  options: RatingOptions;
};

export function completionOf(code: string | null, url: string | null): Completion | null {
  return code || url ? { code, url } : null;
}

export async function findRaterStudy(studyId: string, raterId: string): Promise<RaterStudy | null> {
  const study = await db.study.findFirst({
    where: { id: studyId, members: { some: { userId: raterId } } },
    select: {
      id: true, name: true, guidelines: true, status: true, allowTie: true, allowBothBad: true, rationale: true,
      voteSettleMs: true, requireSeenBoth: true, undoSeconds: true, revealAfterVote: true,
      issues: { select: { key: true, label: true }, orderBy: { position: "asc" } },
      criteria: { select: { key: true, label: true, question: true }, orderBy: { position: "asc" } },
    },
  });
  if (!study) return null;
  return {
    id: study.id, name: study.name, guidelines: study.guidelines, status: study.status,
    options: {
      allowTie: study.allowTie, allowBothBad: study.allowBothBad, rationale: study.rationale,
      settleMs: study.voteSettleMs, requireSeenBoth: study.requireSeenBoth, undoSeconds: effectiveUndoSeconds(study),
      issues: study.issues,
      criteria: study.criteria,
    },
  };
}

/** No undo where the models are revealed after each vote: the rater could re-vote knowing them. */
export function effectiveUndoSeconds(study: { undoSeconds: number; revealAfterVote: boolean }): number {
  return study.revealAfterVote ? 0 : study.undoSeconds;
}

/**
 * The study's capped vote total, the votes it wants, its pairs and those still open to votes (excluded
 * ones left out). A decided pair (adaptive votes) wants only the votes it has: wanted = votes so far +
 * the open pairs' room; a held one (sampling of model pairs) none.
 */
export type StudyVotes = { studyVotes: number; studyVotesWanted: number; pairs: number; openPairs: number };

// A study-wide sum reads every pair (about 20 ms at 100,000 pairs), too slow to run on every
// request of every rater: in studies this large each server process shares a figure up to
// STUDY_VOTES_TTL_MS old. Smaller studies are summed fresh every time. Kept for target 1 of
// docs/benchmarks.md (capacity): without it 2,000 raters time out (switch: study-votes-cache).
const LARGE_STUDY_PAIRS = 5_000;
const STUDY_VOTES_TTL_MS = 2_000;
const studyVotesCache = new Map<string, { at: number; value: Promise<StudyVotes> }>();

async function sumStudyVotes(studyId: string): Promise<StudyVotes> {
  const rows = await db.$queryRaw<StudyVotes[]>(studyVotesSql(studyId));
  return rows[0] ?? { studyVotes: 0, studyVotesWanted: 0, pairs: 0, openPairs: 0 };
}

export function studyVotesSql(studyId: string): Prisma.Sql {
  // Sampling of model pairs: a pair the draw left out wants nothing, and the prompts not opened yet are
  // counted at the pairs they are expected to put to raters (pairsPerPrompt each).
  const toOpen = Prisma.sql`round(coalesce(s."pairsPerPrompt", 0) * (s."samplingPrompts" - s."openedPrompts"))`;
  return Prisma.sql`
    SELECT coalesce(sum(least(p."voteCount", s."votesPerPair")), 0)::int AS "studyVotes",
      (coalesce(sum(CASE WHEN p.held THEN 0 WHEN p.decided THEN least(p."voteCount", s."votesPerPair") ELSE s."votesPerPair" END), 0)
        + ${toOpen} * s."votesPerPair")::int AS "studyVotesWanted",
      (count(p.id) FILTER (WHERE NOT p.held) + ${toOpen})::int AS pairs,
      (count(p.id) FILTER (WHERE NOT p.decided AND NOT p.held AND p."voteCount" < s."votesPerPair") + ${toOpen})::int AS "openPairs"
    FROM "Study" s
    LEFT JOIN "Pair" p ON p."studyId" = s.id AND NOT p.excluded
    WHERE s.id = ${studyId}
    GROUP BY s.id`;
}

/** The study's capped vote total and the votes it wants (shared for STUDY_VOTES_TTL_MS in large studies). */
export async function studyVotes(studyId: string): Promise<StudyVotes> {
  if (!machineryOn(MACHINERY.studyVotes)) return sumStudyVotes(studyId);
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

/** What the lease and undo functions say of the rater: their votes, quota and median time. */
export type RaterCounts = { judgedByYou: number; quota: number | null; medianMs: number | null };

/**
 * About how many more pairs this rater can judge: what is left of their quota, and of the votes the
 * study still needs, never more than the pairs they have not judged nor than the pairs still open.
 * 0 once they are done.
 */
export function leftForRater(rater: RaterCounts, study: StudyVotes): number {
  const bounds = [study.studyVotesWanted - study.studyVotes, study.pairs - rater.judgedByYou, study.openPairs];
  if (rater.quota !== null) bounds.push(rater.quota - rater.judgedByYou);
  return Math.max(0, Math.min(...bounds));
}

export function progressOf(rater: RaterCounts, study: StudyVotes, done = false): Progress {
  return {
    judgedByYou: rater.judgedByYou,
    studyVotes: study.studyVotes,
    studyVotesWanted: study.studyVotesWanted,
    yourQuota: rater.quota,
    leftForYou: done ? 0 : leftForRater(rater, study),
    yourMedianMs: rater.medianMs,
  };
}

/**
 * The rater's own progress (their vote count is kept on their membership by the Vote trigger, their
 * median read from the Vote(studyId, raterId, msTaken) index) and the study's: votes on live pairs
 * (capped at the wanted number per pair, so extra votes never show more than 100 %) against pairs ×
 * votesPerPair, a decided pair counting only the votes it has.
 */
export async function raterProgress(studyId: string, raterId: string): Promise<Progress> {
  const [rows, study] = await Promise.all([
    db.$queryRaw<RaterCounts[]>`
      SELECT m.votes AS "judgedByYou", s."maxVotesPerRater" AS quota,
             "pairwise_rater_median"(m."studyId", m."userId", m.votes) AS "medianMs"
      FROM "StudyMember" m JOIN "Study" s ON s.id = m."studyId"
      WHERE m."studyId" = ${studyId} AND m."userId" = ${raterId}`,
    studyVotes(studyId),
  ]);
  return progressOf(rows[0] ?? { judgedByYou: 0, quota: null, medianMs: null }, study);
}
