// Which pair a rater gets next, as a lease (an Assignment row) chosen under row locks so that
// any number of server processes never give a pair more raters than it still needs votes.
// Everything returned here is blinded: prompt and texts only, never models, outputs or pairs.
import "server-only";
import { randomInt } from "node:crypto";
import { newOpaqueId } from "@/lib/assignment/opaque-id";
import { orient } from "@/lib/assignment/orient";
import { type RaterError, raterErrors, studyStatusError } from "@/lib/assignment/rater-error";
import { db, preparedRows } from "@/lib/db";
import {
  type Completion, type Progress, type RatingOptions, completionOf, DB_NOW, studyVotes,
} from "@/lib/data/study-access";

export type ServedPair = {
  assignmentId: string;
  prompt: { instruction: string; input: string };
  left: { text: string };
  right: { text: string };
  expiresAt: string;
  options: RatingOptions;
  progress: Progress;
};
export type AllJudged = { done: true; progress: Progress; completion?: Completion };
/** Nothing free now, but pairs held by other raters' leases may come back when those expire. */
export type WaitForPairs = { done: false; waiting: true; retryAfterSeconds: number; progress: Progress };
export type NextPair = ServedPair | AllJudged | WaitForPairs;

type Lease = { assignmentId: string; leftIsA: boolean; expiresAt: Date; instruction: string; input: string; textA: string; textB: string };
type Served = { lease: Lease; options: RatingOptions };
type Outcome = Served | RaterError | { done: true; completion: Completion | null } | { waiting: true };

// Candidates come in vote-count order from the Pair(studyId, voteCount) index, WINDOW at a time, so
// a study of 100k pairs costs about what one of 100 does; a scan of all pairs is only the fallback.
// Random among equals means: random within the window (which equal-count pairs fill it follows index order).
// Near the end of a study most pairs are full or leased, so a wider window (a few ms) comes before
// the full scan (half a second at 100k pairs): 500 candidates cost about 10 ms.
const WINDOW = 50;
const WIDE_WINDOW = 500;
// Tries when another process leased the chosen pair's last place first.
const ATTEMPTS = 6;

/** The rater's current pair, or a new one, or why not. */
export async function nextAssignment(studyId: string, raterId: string): Promise<NextPair | RaterError> {
  const [row, study] = await Promise.all([leaseRow(studyId, raterId), studyVotes(studyId)]);
  const progress: Progress = { judgedByYou: row?.judgedByYou ?? 0, studyVotes: study.studyVotes, studyVotesWanted: study.studyVotesWanted };
  const outcome = outcomeOf(row);
  if ("status" in outcome) return outcome;
  if ("done" in outcome) return { done: true, progress, ...(outcome.completion ? { completion: outcome.completion } : {}) };
  if ("waiting" in outcome) return { done: false, waiting: true, retryAfterSeconds: 30, progress };
  const { lease, options } = outcome;
  const sides = orient(lease.leftIsA, lease.textA, lease.textB);
  return {
    assignmentId: lease.assignmentId,
    prompt: { instruction: lease.instruction, input: lease.input },
    left: { text: sides.left },
    right: { text: sides.right },
    expiresAt: lease.expiresAt.toISOString(),
    options,
    progress,
  };
}

type LeaseRow = {
  outcome: "not_member" | "closed" | "lease" | "waiting" | "done" | "busy";
  judgedByYou: number | null; status: "DRAFT" | "OPEN" | "CLOSED" | null;
  allowTie: boolean; allowBothBad: boolean; rationale: RatingOptions["rationale"];
  completionCode: string | null; completionUrl: string | null;
  assignmentId: string | null; leftIsA: boolean; expiresAtMs: number; instruction: string; input: string; textA: string; textB: string;
};

// The whole lease is one database function (its current definition and rules: migration
// next_lease_reads_after_rater_lock), so a request costs one round trip and the row locks are held
// for no network time.
const NEXT_LEASE_SQL = `SELECT * FROM "pairwise_next_lease"($1, $2, $3, $4, $5, $6, $7, $8)`;

async function leaseRow(studyId: string, raterId: string): Promise<LeaseRow | null> {
  try {
    const [row] = await preparedRows<LeaseRow>("next_lease", NEXT_LEASE_SQL, [
      studyId, raterId, Math.random(), WINDOW, WIDE_WINDOW, ATTEMPTS, newOpaqueId(), randomInt(2) === 1,
    ]);
    return row ?? null;
  } catch (error) {
    // lock_not_available: a lock wait passed the function's 10 s (a pile-up of requests).
    if ((error as { code?: unknown })?.code === "55P03") return { outcome: "busy" } as LeaseRow;
    throw error;
  }
}

function outcomeOf(row: LeaseRow | null): Outcome {
  if (!row || row.outcome === "not_member") return raterErrors.studyNotFound;
  if (row.outcome === "busy") return raterErrors.busy;
  if (row.outcome === "closed") return studyStatusError(row.status!) ?? raterErrors.studyNotFound;
  if (row.outcome === "done") return { done: true, completion: completionOf(row.completionCode, row.completionUrl) };
  if (row.outcome === "waiting") return { waiting: true };
  const options: RatingOptions = { allowTie: row.allowTie, allowBothBad: row.allowBothBad, rationale: row.rationale };
  const lease: Lease = {
    assignmentId: row.assignmentId!, leftIsA: row.leftIsA, expiresAt: new Date(row.expiresAtMs),
    instruction: row.instruction, input: row.input, textA: row.textA, textB: row.textB,
  };
  return { lease, options };
}

/**
 * The rater flags the pair they hold (broken, unreadable, reveals its author…): the pair leaves
 * their queue for good and no longer counts as leased. A second flag of the same pair is a no-op.
 */
export async function flagAssignment(
  studyId: string, raterId: string, assignmentId: string, reason: string,
): Promise<RaterError | null> {
  const rows = await db.$queryRaw<{ id: string; status: "DRAFT" | "OPEN" | "CLOSED"; completed: boolean }[]>`
    WITH target AS (
      SELECT a.id, s.status::text AS status, a."completedAt" IS NOT NULL AS completed
      FROM "Assignment" a
      JOIN "Study" s ON s.id = a."studyId"
      JOIN "StudyMember" m ON m."studyId" = a."studyId" AND m."userId" = a."raterId"
      WHERE a.id = ${assignmentId} AND a."studyId" = ${studyId} AND a."raterId" = ${raterId}
    ), flagged AS (
      UPDATE "Assignment" a SET "flaggedAt" = ${DB_NOW}, "flagReason" = ${reason}
      FROM target t
      WHERE a.id = t.id AND a."completedAt" IS NULL AND a."flaggedAt" IS NULL AND t.status = 'OPEN'
      RETURNING a.id
    )
    SELECT t.* FROM target t LEFT JOIN flagged f ON f.id = t.id`;
  const target = rows[0];
  if (!target) return (await isMember(studyId, raterId)) ? raterErrors.assignmentNotFound : raterErrors.studyNotFound;
  const statusError = studyStatusError(target.status);
  if (statusError) return statusError;
  if (target.completed) return raterErrors.assignmentCompleted;
  return null;
}

async function isMember(studyId: string, raterId: string): Promise<boolean> {
  const member = await db.studyMember.findUnique({ where: { studyId_userId: { studyId, userId: raterId } }, select: { userId: true } });
  return member !== null;
}
