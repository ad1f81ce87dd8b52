// Undoing a rater's last vote: one database function (pairwise_undo_vote; definition, rules and
// writes in prisma/sql/undo-vote.sql) deletes the vote, keeps it in UndoneVote and gives the pair back
// under a new assignment id, serialized with the rater's other requests by their membership lock.
import "server-only";
import { newOpaqueId } from "@/lib/rater-api/opaque-id";
import { type RaterError, raterErrors, studyStatusError, undoExpiredError } from "@/lib/rater-api/rater-error";
import { preparedRows } from "@/lib/db";
import { type LeaseRow, raterCounts, servedPair } from "@/lib/data/assignments";
import { progressOf, studyVotes } from "@/lib/data/study-access";
import type { UndoReply } from "@/lib/rating/types";
import type { VoteChoice } from "@/lib/validation/vote";

type UndoOutcome =
  | "not_member" | "closed" | "undo_off" | "not_found" | "no_vote" | "after_completion" | "expired" | "not_last"
  | "already_undone" | "undone";

type UndoRow = LeaseRow & { outcome: UndoOutcome; undoneChoice: VoteChoice | null };

const UNDO_SQL = `SELECT * FROM "pairwise_undo_vote"($1, $2, $3, $4, $5)`;

const REFUSALS: Record<Exclude<UndoOutcome, "closed" | "expired" | "undone">, RaterError> = {
  not_member: raterErrors.studyNotFound,
  undo_off: raterErrors.undoOff,
  not_found: raterErrors.assignmentNotFound,
  no_vote: raterErrors.undoNoVote,
  after_completion: raterErrors.undoAfterCompletion,
  not_last: raterErrors.undoNotLast,
  already_undone: raterErrors.alreadyUndone,
};

/** Takes back the rater's vote cast under assignmentId and answers with its pair, or says why not. */
export async function undoVote(studyId: string, raterId: string, assignmentId: string): Promise<UndoReply | RaterError> {
  let row: UndoRow | undefined;
  try {
    [row] = await preparedRows<UndoRow>("undo_vote", UNDO_SQL, [studyId, raterId, assignmentId, newOpaqueId(), newOpaqueId()]);
  } catch (error) {
    // lock_not_available: a lock wait passed the function's 10 s.
    if ((error as { code?: unknown })?.code === "55P03") return raterErrors.busy;
    throw error;
  }
  if (!row) return raterErrors.studyNotFound;
  if (row.outcome === "closed") return studyStatusError(row.status!) ?? raterErrors.studyNotFound;
  if (row.outcome === "expired") return undoExpiredError(row.undoSeconds);
  if (row.outcome !== "undone") return REFUSALS[row.outcome];
  // Read after the undo committed, so the study's total no longer counts the vote (small studies).
  const progress = progressOf(raterCounts(row), await studyVotes(studyId));
  return { undone: { choice: row.undoneChoice! }, pair: servedPair(row, progress) };
}
