// Errors the rater API answers with: an HTTP status and a stable code, never internals.
import type { StudyStatus } from "@/lib/generated/prisma/enums";
import { RATIONALE_REQUIRED_MESSAGE } from "@/lib/rating/limits";

export type RaterError = { status: 403 | 404 | 409 | 422 | 500 | 503; code: string; message: string };

export const raterErrors = {
  // Members of other studies, and strangers, get the same answer whether or not the study exists.
  studyNotFound: { status: 404, code: "study_not_found", message: "Study not found." },
  // The study has a consent page this member has not accepted: no pair and no vote before it.
  consentRequired: {
    status: 403,
    code: "consent_required",
    message: "Read and accept this study's information and consent page before rating.",
  },
  studyNotOpen: { status: 409, code: "study_not_open", message: "This study is not open for voting yet." },
  studyClosed: { status: 409, code: "study_closed", message: "This study is closed; no more votes are taken." },
  assignmentNotFound: { status: 404, code: "assignment_not_found", message: "This pair was not given to you in this study." },
  assignmentExpired: {
    status: 409,
    code: "assignment_expired",
    message: "Your time for this pair ran out, so the vote was not recorded. Load the next pair.",
  },
  assignmentFlagged: { status: 409, code: "assignment_flagged", message: "You flagged this pair, so it cannot be voted on." },
  assignmentCompleted: { status: 409, code: "already_voted", message: "You already voted on this pair, so it cannot be flagged." },
  alreadyVoted: { status: 409, code: "already_voted", message: "You already voted differently on this pair." },
  tieNotAllowed: { status: 422, code: "choice_not_allowed", message: "This study does not offer a tie." },
  bothBadNotAllowed: { status: 422, code: "choice_not_allowed", message: 'This study does not offer "both are bad".' },
  unknownIssue: { status: 422, code: "unknown_issue", message: "One of the marked issues is not one this study asks about." },
  unknownCriterion: { status: 422, code: "unknown_criterion", message: "One of the judged criteria is not one this study asks about." },
  criteriaIncomplete: { status: 422, code: "criteria_incomplete", message: "Choose an answer on every criterion before submitting." },
  rationaleRequired: { status: 422, code: "rationale_required", message: RATIONALE_REQUIRED_MESSAGE },
  busy: { status: 503, code: "busy", message: "Many raters are asking at once; try again in a moment." },
  // The vote statement refused for a reason explainUnwrittenVote does not know: a bug, logged as such.
  voteNotRecorded: {
    status: 500,
    code: "vote_not_recorded",
    message: "Your vote could not be recorded. Try again; if it keeps happening, tell the study's organisers.",
  },
  // Claimed but without a vote: nothing writes that any more (an undo frees its assignment), but the vote's WHERE checks it.
  assignmentUsed: { status: 409, code: "assignment_used", message: "This pair can no longer be voted on. Load the next pair." },
  voteUndone: { status: 409, code: "vote_undone", message: "This vote was undone; the pair is back on your screen." },
  undoOff: { status: 409, code: "undo_off", message: "This study does not let raters undo their votes." },
  undoNoVote: { status: 409, code: "undo_no_vote", message: "There is no vote on this pair to undo." },
  undoNotLast: { status: 409, code: "undo_not_last", message: "Only your last vote can be undone." },
  undoAfterCompletion: {
    status: 409,
    code: "undo_after_completion",
    message: "Your completion code has been shown, so your votes can no longer be undone.",
  },
  alreadyUndone: { status: 409, code: "already_undone", message: "This vote was already undone." },
} as const satisfies Record<string, RaterError>;

/** The undo window is over (its length in the message, as the study sets it). */
export function undoExpiredError(seconds: number): RaterError {
  return {
    status: 409,
    code: "undo_expired",
    message: `Too late to undo: votes can be undone for ${seconds} second${seconds === 1 ? "" : "s"}.`,
  };
}

export function isRaterError(value: unknown): value is RaterError {
  return typeof value === "object" && value !== null && "code" in value && "status" in value && "message" in value;
}

/** Rejects the study unless it is open: DRAFT and CLOSED get different messages. */
export function studyStatusError(status: StudyStatus): RaterError | null {
  if (status === "DRAFT") return raterErrors.studyNotOpen;
  if (status === "CLOSED") return raterErrors.studyClosed;
  return null;
}
