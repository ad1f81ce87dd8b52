// Why a vote was not written: the vote write is one guarded statement, and when it changes
// nothing this decides, from a fresh read, whether it was a retry (answer the first vote) or an error.
import type { VoteChoice } from "@/lib/validation/vote";
import { type RaterError, raterErrors, studyStatusError } from "./rater-error";
import type { StudyStatus } from "@/lib/generated/prisma/enums";

export type RecordedVote = { assignmentId: string; choice: VoteChoice; createdAt: Date };

export type VoteContext = {
  status: StudyStatus;
  allowTie: boolean;
  allowBothBad: boolean;
  rationale: "OFF" | "OPTIONAL" | "REQUIRED";
  assignment: { expired: boolean; flagged: boolean; completed: boolean } | null;
  vote: RecordedVote | null;
  /** The assignment id named a vote its rater undid (the pair came back under a new id). */
  undone: boolean;
  /** The study has a consent page this member has not accepted. */
  consentMissing?: boolean;
};

export type VoteAttempt = { choice: VoteChoice; rationale?: string };

/** Checks a vote against the study's options before anything is written. */
export function optionError(ctx: Omit<VoteContext, "assignment" | "vote" | "status" | "undone">, input: VoteAttempt): RaterError | null {
  if (input.choice === "TIE" && !ctx.allowTie) return raterErrors.tieNotAllowed;
  if (input.choice === "BOTH_BAD" && !ctx.allowBothBad) return raterErrors.bothBadNotAllowed;
  if (ctx.rationale === "REQUIRED" && !input.rationale) return raterErrors.rationaleRequired;
  return null;
}

/**
 * A retry of a recorded vote answers like the first one; everything else is an error. Every check in
 * the vote statement's WHERE has its answer here; one missing falls through to voteNotRecorded, which
 * the caller logs as a bug (tests/vote-refusals.int.test.ts runs the two against each other).
 */
export function explainUnwrittenVote(ctx: VoteContext, input: VoteAttempt): { vote: RecordedVote } | { error: RaterError } {
  if (!ctx.assignment) return { error: ctx.undone ? raterErrors.voteUndone : raterErrors.assignmentNotFound };
  if (ctx.vote) return ctx.vote.choice === input.choice ? { vote: ctx.vote } : { error: raterErrors.alreadyVoted };
  const statusError = studyStatusError(ctx.status);
  if (statusError) return { error: statusError };
  if (ctx.consentMissing) return { error: raterErrors.consentRequired };
  if (ctx.assignment.completed) return { error: raterErrors.assignmentUsed };
  if (ctx.assignment.flagged) return { error: raterErrors.assignmentFlagged };
  if (ctx.assignment.expired) return { error: raterErrors.assignmentExpired };
  return { error: optionError(ctx, input) ?? raterErrors.voteNotRecorded };
}
