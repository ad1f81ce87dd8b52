// The rater API's answers with the contract's defaults filled in, for servers that do not send the
// newer fields yet (settle time, seen-both, undo, issues, criteria, the rater's own quota and pairs left).
import type { NextPair, Progress, RatingOptions, ServedPair } from "@/lib/rating/types";

/** A study's settle time when the server sends none (the schema's default). */
export const DEFAULT_SETTLE_MS = 300;

type OptionsIn = Pick<RatingOptions, "allowTie" | "allowBothBad" | "rationale"> & Partial<RatingOptions>;
type ProgressIn = Pick<Progress, "judgedByYou" | "studyVotes" | "studyVotesWanted"> & Partial<Progress>;

export function ratingOptionsOf(options: OptionsIn): RatingOptions {
  return {
    allowTie: options.allowTie,
    allowBothBad: options.allowBothBad,
    rationale: options.rationale,
    settleMs: options.settleMs ?? DEFAULT_SETTLE_MS,
    requireSeenBoth: options.requireSeenBoth ?? true,
    undoSeconds: options.undoSeconds ?? 0,
    issues: options.issues ?? [],
    criteria: options.criteria ?? [],
  };
}

export function progressOf(progress: ProgressIn): Progress {
  return {
    judgedByYou: progress.judgedByYou,
    studyVotes: progress.studyVotes,
    studyVotesWanted: progress.studyVotesWanted,
    yourQuota: progress.yourQuota ?? null,
    // Without a quota, what the study still needs is the most this rater can judge.
    leftForYou: progress.leftForYou ?? Math.max(0, progress.studyVotesWanted - progress.studyVotes),
    yourMedianMs: progress.yourMedianMs ?? null,
  };
}

export function servedPairOf(pair: ServedPair): ServedPair {
  return { ...pair, options: ratingOptionsOf(pair.options), progress: progressOf(pair.progress) };
}

export function nextPairOf(next: NextPair): NextPair {
  if ("assignmentId" in next) return servedPairOf(next);
  return { ...next, progress: progressOf(next.progress) };
}
