// Why a vote was not written: the vote write is one guarded statement, and when it changes
// nothing this decides, from a fresh read, whether it was a retry (answer the first vote) or an error.
import type { VoteChoice } from "@/lib/validation/vote";
import { type RaterError, raterErrors, studyStatusError } from "./rater-error";
import type { StudyStatus } from "@/lib/generated/prisma/enums";

export type RecordedVote = { assignmentId: string; choice: VoteChoice; createdAt: Date };
/** Issues marked with a vote, by the side the rater saw them on. */
export type SideIssues = { left: string[]; right: string[] };

/** Choices on the criteria other than the primary, by key, in the rater's left/right terms. */
export type CriterionChoices = Record<string, VoteChoice>;

export type VoteContext = {
  status: StudyStatus;
  allowTie: boolean;
  allowBothBad: boolean;
  rationale: "OFF" | "OPTIONAL" | "REQUIRED";
  assignment: { expired: boolean; flagged: boolean; completed: boolean } | null;
  vote: (RecordedVote & { issues: SideIssues; criteria: CriterionChoices }) | null;
  /** The keys of the issues this study asks about (none: it asks about none). */
  issueKeys: string[];
  /** The keys of the criteria besides the primary one that every vote must judge (none: one overall choice). */
  criterionKeys: string[];
  /** The assignment id named a vote its rater undid (the pair came back under a new id). */
  undone: boolean;
  /** The study has a consent page this member has not accepted. */
  consentMissing?: boolean;
};

export type VoteAttempt = { choice: VoteChoice; rationale?: string; issues?: SideIssues; criteria?: CriterionChoices };

const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));

/** A retry is the same vote only if it marked the same issues on the same sides and chose the same on every criterion. */
function sameVote(recorded: NonNullable<VoteContext["vote"]>, input: VoteAttempt): boolean {
  const marked = input.issues ?? { left: [], right: [] };
  const judged = Object.entries(input.criteria ?? {});
  return recorded.choice === input.choice && sameKeys(recorded.issues.left, marked.left) && sameKeys(recorded.issues.right, marked.right)
    && judged.length === Object.keys(recorded.criteria).length && judged.every(([key, choice]) => recorded.criteria[key] === choice);
}

/** Checks a vote against the study's options before anything is written. */
export function optionError(
  ctx: Pick<VoteContext, "allowTie" | "allowBothBad" | "rationale"> & { issueKeys?: string[]; criterionKeys?: string[] },
  input: VoteAttempt,
): RaterError | null {
  const judged = Object.keys(input.criteria ?? {});
  const choices = [input.choice, ...Object.values(input.criteria ?? {})];
  if (choices.includes("TIE") && !ctx.allowTie) return raterErrors.tieNotAllowed;
  const marked = [...(input.issues?.left ?? []), ...(input.issues?.right ?? [])];
  if (marked.some((key) => !ctx.issueKeys?.includes(key))) return raterErrors.unknownIssue;
  if (judged.some((key) => !ctx.criterionKeys?.includes(key))) return raterErrors.unknownCriterion;
  if ((ctx.criterionKeys ?? []).some((key) => !judged.includes(key))) return raterErrors.criteriaIncomplete;
  if (choices.includes("BOTH_BAD") && !ctx.allowBothBad) return raterErrors.bothBadNotAllowed;
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
  if (ctx.vote) return sameVote(ctx.vote, input) ? { vote: ctx.vote } : { error: raterErrors.alreadyVoted };
  const statusError = studyStatusError(ctx.status);
  if (statusError) return { error: statusError };
  if (ctx.consentMissing) return { error: raterErrors.consentRequired };
  if (ctx.assignment.completed) return { error: raterErrors.assignmentUsed };
  if (ctx.assignment.flagged) return { error: raterErrors.assignmentFlagged };
  if (ctx.assignment.expired) return { error: raterErrors.assignmentExpired };
  return { error: optionError(ctx, input) ?? raterErrors.voteNotRecorded };
}
