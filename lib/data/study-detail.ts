// One study as the admin sees it: settings, progress, raters, invitations and flags.
import "server-only";
import { db } from "@/lib/db";

type InviteState = "pending" | "expired" | "accepted";

// An invitation without a live link (expired, or made before links existed) needs a fresh one: "expired".
function inviteState(acceptedAt: Date | null, tokenHash: string | null, expiresAt: Date | null): InviteState {
  if (acceptedAt) return "accepted";
  return tokenHash && expiresAt && expiresAt > new Date() ? "pending" : "expired";
}

/**
 * Pairs that get no more votes (full, or decided under adaptive votes) and the votes the study wants:
 * all planned votes of each pair, but only those it has of a decided one.
 */
async function completion(studyId: string, votesPerPair: number): Promise<{ pairs: number; votesWanted: number }> {
  const [row] = await db.$queryRaw<{ pairs: number; votesWanted: number }[]>`
    SELECT count(*) FILTER (WHERE "voteCount" >= ${votesPerPair} OR decided)::int AS pairs,
           coalesce(sum(CASE WHEN decided THEN least("voteCount", ${votesPerPair}) ELSE ${votesPerPair} END), 0)::int AS "votesWanted"
    FROM "Pair" WHERE "studyId" = ${studyId}`;
  return row ?? { pairs: 0, votesWanted: 0 };
}

export async function getStudyForAdmin(studyId: string) {
  const study = await db.study.findUnique({
    where: { id: studyId },
    select: {
      id: true, name: true, description: true, guidelines: true, status: true, votesPerPair: true, allowTie: true,
      allowBothBad: true, rationale: true, sampleSize: true, seed: true, allModelPairs: true, minSecondsPerPair: true,
      revealAfterVote: true, completionCode: true, goldRate: true, judgedTurns: true, showSystemPrompt: true,
      adaptiveVotes: true, stopLevel: true, voteBudget: true, pairsPerPrompt: true, pairSamplingRule: true, samplingPrompts: true, openedPrompts: true,
      completionUrl: true, consentText: true, screenOutCode: true, screenOutUrl: true,
      voteSettleMs: true, requireSeenBoth: true, undoSeconds: true, maxVotesPerRater: true, minVotesForCompletion: true, excludedLeakPairs: true, excludedDegeneratePairs: true, crowdEnabled: true, crowdIdParam: true, inviteToken: true, crowdToken: true, isDemo: true, createdAt: true, openedAt: true, closedAt: true,
      models: { select: { model: { select: { name: true } } } },
      issues: { orderBy: { position: "asc" }, select: { key: true, label: true } },
      // The primary criterion is position 0 (the first listed); none: one overall choice.
      criteria: { orderBy: { position: "asc" }, select: { key: true, label: true, question: true } },
      members: { orderBy: { createdAt: "asc" }, select: { createdAt: true, user: { select: { email: true, pseudonym: true } } } },
      invites: { orderBy: { createdAt: "asc" }, select: { email: true, expiresAt: true, acceptedAt: true, tokenHash: true } },
      _count: { select: { pairs: true, votes: true } },
    },
  });
  if (!study) return null;
  const [complete, goldPairs, flags] = await Promise.all([
    completion(studyId, study.votesPerPair),
    db.pair.count({ where: { studyId, goldOutputId: { not: null } } }),
    db.assignment.findMany({
      where: { studyId, flaggedAt: { not: null } },
      orderBy: { flaggedAt: "desc" },
      take: 200,
      select: { flaggedAt: true, flagReason: true, rater: { select: { pseudonym: true } }, pair: { select: { prompt: { select: { instruction: true } } } } },
    }),
  ]);
  const { _count, models, invites, ...rest } = study;
  return {
    ...rest,
    models: models.map((m) => m.model.name),
    // The hash stays here: the admin sees only each invitation's state.
    invites: invites.map(({ tokenHash, ...i }) => ({ ...i, state: inviteState(i.acceptedAt, tokenHash, i.expiresAt) })),
    pairs: _count.pairs,
    votes: _count.votes,
    votesWanted: complete.votesWanted,
    pairsComplete: complete.pairs,
    goldPairs,
    flags: flags.map((f) => ({ at: f.flaggedAt!, reason: f.flagReason ?? "", rater: f.rater.pseudonym, instruction: f.pair.prompt.instruction })),
  };
}

export type StudyForAdmin = NonNullable<Awaited<ReturnType<typeof getStudyForAdmin>>>;
