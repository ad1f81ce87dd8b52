// Which pair a rater gets next, as a lease (an Assignment row) chosen under row locks so that
// any number of server processes never give a pair more raters than it still needs votes.
// Everything returned here is blinded: prompt and texts only (a conversation's turns up to the judged
// one), never models, outputs or pairs.
import "server-only";
import { randomInt } from "node:crypto";
import { newOpaqueId } from "@/lib/rater-api/opaque-id";
import { type RaterError, raterErrors, studyStatusError } from "@/lib/rater-api/rater-error";
import { DB_NOW, db, preparedRows } from "@/lib/db";
import { liveSessionWithRoleSql } from "@/lib/data/auth-sessions";
import { Role, type StudyStatus } from "@/lib/generated/prisma/enums";
import { completionOf, progressOf, type RaterCounts, studyVotes } from "@/lib/data/study-access";
import type { Completion, NextPair, Progress, RatingOptions, ServedPair } from "@/lib/rating/types";
import { parseMarkdown } from "@/lib/markdown/parse";
import { pairShown } from "@/lib/rating/conversation-view";
import { openNextPrompts } from "@/lib/data/pair-opening";

// The rating components still import these from here until they move to lib/rating/types (branch rater-ui).
export type { AllJudged, NextPair, ServedPair, WaitForPairs } from "@/lib/rating/types";

type Done = { done: true; completion: Completion | null; screenOut: Completion | null; shortOfVotes: number | null };
type Outcome = { lease: LeaseRow } | RaterError | Done | { waiting: true };

// The lease's candidate windows (prisma/sql/next-lease.sql, rule 4): WINDOW pairs from a random point
// of the least-voted open pairs, so a study of 100k pairs costs about what one of 100 does and
// concurrent raters do not all read the same pairs; WIDE_WINDOW from the start of that order when
// those are full or locked; every open pair only after that.
const WINDOW = 50;
const WIDE_WINDOW = 500;
// Tries when another process leased the chosen pair's last place first.
const ATTEMPTS = 6;
// Sampling of model pairs: how often one request opens a block of prompts, or finds another request
// opening one and asks again OPENING_POLL_MS later, before the rater is told to wait (a block whose draws
// put none of its pairs to raters, or whose pairs this rater judged, is followed by another).
const OPENING_TRIES = 8;
const OPENING_POLL_MS = 250;
// A rater told to wait while prompts remain unopened asks again soon: the next block opens on demand.
const OPENING_RETRY_SECONDS = 5;

/** The rater's current pair, or a new one, or why not. */
export async function nextAssignment(studyId: string, raterId: string): Promise<NextPair | RaterError> {
  const [row, study] = await Promise.all([leaseOpening(studyId, raterId), studyVotes(studyId)]);
  return answerOf(row, study);
}

/**
 * The same for a cookie session, in one statement that runs the lease only if the session is live
 * and its user a rater: the next-pair route's fast path. Null when the session check fails (the lease
 * did not run); the caller then authenticates in full, which says why.
 */
export async function nextSessionAssignment(session: { sessionId: string; userId: string }, studyId: string): Promise<NextPair | RaterError | null> {
  const [row, study] = await Promise.all([leaseOpening(studyId, session.userId, session.sessionId), studyVotes(studyId)]);
  return row && answerOf(row, study);
}

function answerOf(row: NextLeaseRow | null, study: Awaited<ReturnType<typeof studyVotes>>): NextPair | RaterError {
  const outcome = outcomeOf(row);
  if ("status" in outcome) return outcome;
  const counts = raterCounts(row!);
  if ("done" in outcome) {
    return {
      done: true,
      progress: progressOf(counts, study, true),
      ...(outcome.completion ? { completion: outcome.completion } : {}),
      ...(outcome.screenOut ? { screenOut: outcome.screenOut } : {}),
      ...(outcome.shortOfVotes !== null ? { shortOfVotes: outcome.shortOfVotes } : {}),
    };
  }
  const progress = progressOf(counts, study);
  if ("waiting" in outcome) {
    return { done: false, waiting: true, retryAfterSeconds: typeof row!.openedPrompts === "number" ? OPENING_RETRY_SECONDS : 30, progress };
  }
  return servedPair(outcome.lease, progress);
}

/**
 * A row of pairwise_next_lease or pairwise_undo_vote: the rater's options and counts, and the leased
 * pair's prompt and texts in the pair's A/B order.
 */
export type LeaseRow = {
  judgedByYou: number | null; status: StudyStatus | null;
  allowTie: boolean; allowBothBad: boolean; rationale: RatingOptions["rationale"];
  settleMs: number; requireSeenBoth: boolean; undoSeconds: number; quota: number | null; medianMs: number | null;
  assignmentId: string | null; leftIsA: boolean; expiresAtMs: number; instruction: string; input: string; textA: string; textB: string;
  issues: RatingOptions["issues"] | null;
  criteria: RatingOptions["criteria"] | null;
  /** A conversation's turns (empty for a single instruction); system only where the study shows it. */
  userTurns: string[] | null; system: string | null; turnsA: string[] | null; turnsB: string[] | null; turn: number | null;
};

type NextLeaseRow = LeaseRow & {
  /** Sampling of model pairs: 'waiting' while prompts remain unopened carries the prompts open so far. */
  openedPrompts: number | null;
  outcome: "not_member" | "closed" | "consent_required" | "lease" | "waiting" | "done" | "busy";
  shortOfVotes: number | null; completionCode: string | null; completionUrl: string | null;
  screenOutCode: string | null; screenOutUrl: string | null;
};

export function raterCounts(row: LeaseRow): RaterCounts {
  return { judgedByYou: row.judgedByYou ?? 0, quota: row.quota, medianMs: row.medianMs };
}

/** The leased pair as the rater sees it: sides as shown, no ids but the assignment's (blinding). */
export function servedPair(row: LeaseRow, progress: Progress): ServedPair {
  const shown = pairShown(
    {
      userTurns: row.userTurns ?? [], system: row.system, turnsA: row.turnsA ?? [], turnsB: row.turnsB ?? [],
      textA: row.textA, textB: row.textB, turn: row.turn ?? 0, leftIsA: row.leftIsA,
    },
    (text) => ({ text, markdown: parseMarkdown(text) }),
  );
  const options: RatingOptions = {
    allowTie: row.allowTie, allowBothBad: row.allowBothBad, rationale: row.rationale,
    settleMs: row.settleMs, requireSeenBoth: row.requireSeenBoth, undoSeconds: row.undoSeconds, issues: row.issues ?? [],
    criteria: row.criteria ?? [],
  };
  return {
    assignmentId: row.assignmentId!,
    prompt: { instruction: row.instruction, input: row.input },
    left: shown.left,
    right: shown.right,
    ...(shown.conversation ? { conversation: shown.conversation } : {}),
    expiresAt: new Date(row.expiresAtMs).toISOString(),
    options,
    progress,
  };
}

// The whole lease is one database function (its definition, rules and writes: prisma/sql/next-lease.sql), so a request costs one round trip and the row locks are held
// for no network time.
const NEXT_LEASE_SQL = `SELECT * FROM "pairwise_next_lease"($1, $2, $3, $4, $5, $6, $7, $8)`;
// With $9, a session id: the session check does not depend on the function's rows, so PostgreSQL
// evaluates it once before the function scan (a one-time filter) and runs the lease only when the
// session is live and its user ($2) a rater.
const SESSION_NEXT_LEASE_SQL = `SELECT l.* FROM "pairwise_next_lease"($1, $2, $3, $4, $5, $6, $7, $8) l
  WHERE ${liveSessionWithRoleSql("$9", "$2", Role.RATER)}`;

/** The lease; while prompts remain unopened and nothing is left to judge, the next block opens and the lease is asked again. */
async function leaseOpening(studyId: string, raterId: string, sessionId?: string): Promise<NextLeaseRow | null> {
  let row = await leaseRow(studyId, raterId, sessionId);
  for (let i = 0; i < OPENING_TRIES && typeof row?.openedPrompts === "number"; i++) {
    if ((await openNextPrompts(studyId, row.openedPrompts)) === "busy") await new Promise((r) => setTimeout(r, OPENING_POLL_MS));
    row = await leaseRow(studyId, raterId, sessionId);
  }
  return row;
}

async function leaseRow(studyId: string, raterId: string, sessionId?: string): Promise<NextLeaseRow | null> {
  try {
    const values = [studyId, raterId, Math.random(), WINDOW, WIDE_WINDOW, ATTEMPTS, newOpaqueId(), randomInt(2) === 1];
    const [row] = sessionId === undefined
      ? await preparedRows<NextLeaseRow>("next_lease", NEXT_LEASE_SQL, values)
      : await preparedRows<NextLeaseRow>("session_next_lease", SESSION_NEXT_LEASE_SQL, [...values, sessionId]);
    return row ?? null;
  } catch (error) {
    // lock_not_available: a lock wait passed the function's 10 s (a pile-up of requests).
    if ((error as { code?: unknown })?.code === "55P03") return { outcome: "busy" } as NextLeaseRow;
    throw error;
  }
}

function outcomeOf(row: NextLeaseRow | null): Outcome {
  if (!row || row.outcome === "not_member") return raterErrors.studyNotFound;
  if (row.outcome === "busy") return raterErrors.busy;
  if (row.outcome === "closed") return studyStatusError(row.status!) ?? raterErrors.studyNotFound;
  if (row.outcome === "consent_required") return raterErrors.consentRequired;
  if (row.outcome === "done") {
    const completion = completionOf(row.completionCode, row.completionUrl);
    return { done: true, completion, screenOut: completionOf(row.screenOutCode, row.screenOutUrl), shortOfVotes: row.shortOfVotes };
  }
  if (row.outcome === "waiting") return { waiting: true };
  return { lease: row };
}

/**
 * The rater flags the pair they hold (broken, unreadable, reveals its author…): the pair leaves
 * their queue for good and no longer counts as leased. A second flag of the same pair is a no-op.
 */
export async function flagAssignment(
  studyId: string, raterId: string, assignmentId: string, reason: string,
): Promise<RaterError | null> {
  const rows = await db.$queryRaw<{ id: string; status: StudyStatus; completed: boolean }[]>`
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
