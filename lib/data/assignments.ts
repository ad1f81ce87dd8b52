// Which pair a rater gets next, as a lease (an Assignment row) chosen under row locks so that
// any number of server processes never give a pair more raters than it still needs votes.
// Everything returned here is blinded: prompt and texts only, never models, outputs or pairs.
import "server-only";
import { randomInt } from "node:crypto";
import { drawGold } from "@/lib/assignment/gold";
import { newOpaqueId } from "@/lib/assignment/opaque-id";
import { orient } from "@/lib/assignment/orient";
import { type RaterError, raterErrors, studyStatusError } from "@/lib/assignment/rater-error";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
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

type Tx = Prisma.TransactionClient;
type Study = {
  status: "DRAFT" | "OPEN" | "CLOSED"; votesPerPair: number; leaseSeconds: number; goldRate: number;
  allowTie: boolean; allowBothBad: boolean; rationale: RatingOptions["rationale"];
  completionCode: string | null; completionUrl: string | null;
};
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
const ATTEMPTS = 6;
const RETRY = Symbol("retry");

/** The rater's current pair, or a new one, or why not. */
export async function nextAssignment(studyId: string, raterId: string): Promise<NextPair | RaterError> {
  // The rater's own count comes with their membership row (serve reads it anyway); the study's from studyVotes.
  const seen = { judgedByYou: 0 };
  const [outcome, study] = await Promise.all([serve(studyId, raterId, seen), studyVotes(studyId)]);
  const progress: Progress = { judgedByYou: seen.judgedByYou, studyVotes: study.studyVotes, studyVotesWanted: study.studyVotesWanted };
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

async function serve(studyId: string, raterId: string, seen: { judgedByYou: number }): Promise<Outcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const outcome = await db.$transaction((tx) => serveOnce(tx, studyId, raterId, seen), { maxWait: 10_000, timeout: 15_000 });
    if (outcome !== RETRY) return outcome;
  }
  return raterErrors.busy;
}

async function serveOnce(tx: Tx, studyId: string, raterId: string, seen: { judgedByYou: number }): Promise<Outcome | typeof RETRY> {
  // Locking the membership row serializes one rater's requests (two tabs get one lease, not two).
  const [member] = await tx.$queryRaw<(Study & Partial<Lease> & { judgedByYou: number })[]>`
    SELECT m.votes AS "judgedByYou", s.status::text AS status, s."votesPerPair", s."leaseSeconds", s."goldRate", s."allowTie", s."allowBothBad",
           s.rationale::text AS rationale, s."completionCode", s."completionUrl",
           a.id AS "assignmentId", a."leftIsA", a."expiresAt", pr.instruction, pr.input, oa.text AS "textA", ob.text AS "textB"
    FROM "StudyMember" m
    JOIN "Study" s ON s.id = m."studyId"
    LEFT JOIN LATERAL (
      SELECT x.id, x."pairId", x."leftIsA", x."expiresAt" FROM "Assignment" x
      WHERE x."studyId" = m."studyId" AND x."raterId" = m."userId"
        AND x."completedAt" IS NULL AND x."flaggedAt" IS NULL AND x."expiresAt" > ${DB_NOW}
      ORDER BY x."servedAt" DESC LIMIT 1
    ) a ON true
    LEFT JOIN "Pair" p ON p.id = a."pairId"
    LEFT JOIN "Prompt" pr ON pr.id = p."promptId"
    LEFT JOIN "Output" oa ON oa.id = p."outputAId"
    LEFT JOIN "Output" ob ON ob.id = p."outputBId"
    WHERE m."studyId" = ${studyId} AND m."userId" = ${raterId}
    FOR NO KEY UPDATE OF m`;
  if (!member) return raterErrors.studyNotFound;
  seen.judgedByYou = member.judgedByYou;
  const statusError = studyStatusError(member.status);
  if (statusError) return statusError;
  const options: RatingOptions = { allowTie: member.allowTie, allowBothBad: member.allowBothBad, rationale: member.rationale };
  if (member.assignmentId) return { lease: member as Lease, options };

  const pick = (window: number | null, gold: boolean, skipLocked: boolean) =>
    pickPair(tx, { studyId, raterId, votesPerPair: member.votesPerPair, window, gold, skipLocked });
  const pairId =
    (drawGold(member.goldRate) ? await pick(WINDOW, true, true) : null) ??
    (await pick(WINDOW, false, true)) ??
    (await pick(WIDE_WINDOW, false, true)) ??
    // The windows were used up or locked by other requests: look at every pair, waiting for locks.
    (await pick(null, false, false));
  if (!pairId) {
    if (await hasPendingPairs(tx, studyId, raterId, member.votesPerPair)) return { waiting: true };
    return { done: true, completion: completionOf(member.completionCode, member.completionUrl) };
  }
  const lease = await insertLease(tx, { studyId, raterId, pairId, votesPerPair: member.votesPerPair, leaseSeconds: member.leaseSeconds });
  return lease ? { lease, options } : RETRY;
}

export type PickParams = { studyId: string; raterId: string; votesPerPair: number; window: number | null; gold: boolean; skipLocked: boolean };

/**
 * Locks one pair this rater has never been given, with room for another vote, preferring the
 * fewest votes + live leases, random among equals. The lease count read here is from this
 * statement's snapshot; insertLease re-counts under the lock before writing.
 */
async function pickPair(tx: Tx, p: PickParams): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>(pickPairSql(p));
  return rows[0]?.id ?? null;
}

export function pickPairSql(p: PickParams): Prisma.Sql {
  return Prisma.sql`
    WITH win AS (
      SELECT c.id FROM "Pair" c
      WHERE c."studyId" = ${p.studyId} AND NOT c.excluded AND c."voteCount" < ${p.votesPerPair}::int
        ${p.gold ? Prisma.sql`AND c."goldOutputId" IS NOT NULL` : Prisma.empty}
        -- studyId lets the planner read only this rater's assignments in this study (an index), not all of them.
        AND NOT EXISTS (SELECT 1 FROM "Assignment" mine
                        WHERE mine."studyId" = ${p.studyId} AND mine."raterId" = ${p.raterId} AND mine."pairId" = c.id)
      ORDER BY c."voteCount"
      ${p.window === null ? Prisma.empty : Prisma.sql`LIMIT ${p.window}::int`}
    )
    SELECT pr.id FROM "Pair" pr
    JOIN win ON win.id = pr.id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n FROM "Assignment" l
      WHERE l."pairId" = pr.id AND l."expiresAt" > ${DB_NOW} AND l."completedAt" IS NULL AND l."flaggedAt" IS NULL
    ) live
    WHERE pr."voteCount" + live.n < ${p.votesPerPair}::int
    ORDER BY pr."voteCount" + live.n, random()
    LIMIT 1
    FOR NO KEY UPDATE OF pr ${p.skipLocked ? Prisma.sql`SKIP LOCKED` : Prisma.empty}`;
}

type LeaseParams = { studyId: string; raterId: string; pairId: string; votesPerPair: number; leaseSeconds: number };

/**
 * Under the pair's lock (a fresh snapshot, so leases committed meanwhile are counted): writes the
 * lease if votes + live leases are still below the wanted number. Sides are balanced per pair: the
 * output shown on the left less often (among voted and live assignments) goes left, a coin on a tie.
 */
async function insertLease(tx: Tx, p: LeaseParams): Promise<Lease | null> {
  const rows = await tx.$queryRaw<Lease[]>`
    WITH p AS (SELECT id, "voteCount", "promptId", "outputAId", "outputBId" FROM "Pair" WHERE id = ${p.pairId}),
    live AS (
      SELECT count(*)::int AS n FROM "Assignment"
      WHERE "pairId" = ${p.pairId} AND "expiresAt" > ${DB_NOW} AND "completedAt" IS NULL AND "flaggedAt" IS NULL
    ),
    sides AS (
      SELECT count(*) FILTER (WHERE "leftIsA")::int AS a_left, count(*) FILTER (WHERE NOT "leftIsA")::int AS b_left
      FROM "Assignment"
      WHERE "pairId" = ${p.pairId} AND ("completedAt" IS NOT NULL OR ("expiresAt" > ${DB_NOW} AND "flaggedAt" IS NULL))
    ),
    ins AS (
      INSERT INTO "Assignment" (id, "studyId", "pairId", "raterId", "leftIsA", "servedAt", "expiresAt")
      SELECT ${newOpaqueId()}, ${p.studyId}, p.id, ${p.raterId},
             CASE WHEN sides.a_left < sides.b_left THEN true WHEN sides.a_left > sides.b_left THEN false
                  ELSE ${randomInt(2) === 1}::boolean END,
             ${DB_NOW}, ${DB_NOW} + make_interval(secs => ${p.leaseSeconds}::int)
      FROM p, live, sides
      WHERE p."voteCount" + live.n < ${p.votesPerPair}::int
      RETURNING id, "pairId", "leftIsA", "expiresAt"
    )
    SELECT ins.id AS "assignmentId", ins."leftIsA", ins."expiresAt", pr.instruction, pr.input, oa.text AS "textA", ob.text AS "textB"
    FROM ins
    JOIN p ON p.id = ins."pairId"
    JOIN "Prompt" pr ON pr.id = p."promptId"
    JOIN "Output" oa ON oa.id = p."outputAId"
    JOIN "Output" ob ON ob.id = p."outputBId"`;
  return rows[0] ?? null;
}

/** Pairs still short of votes, new to this rater, but all held by other raters' live leases. */
async function hasPendingPairs(tx: Tx, studyId: string, raterId: string, votesPerPair: number): Promise<boolean> {
  const rows = await tx.$queryRaw<{ pending: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Pair" c
      WHERE c."studyId" = ${studyId} AND NOT c.excluded AND c."voteCount" < ${votesPerPair}::int
        AND NOT EXISTS (SELECT 1 FROM "Assignment" mine
                        WHERE mine."studyId" = ${studyId} AND mine."raterId" = ${raterId} AND mine."pairId" = c.id)
    ) AS pending`;
  return rows[0]?.pending ?? false;
}

/**
 * The rater flags the pair they hold (broken, unreadable, reveals its author…): the pair leaves
 * their queue for good and no longer counts as leased. A second flag of the same pair is a no-op.
 */
export async function flagAssignment(
  studyId: string, raterId: string, assignmentId: string, reason: string,
): Promise<RaterError | null> {
  const rows = await db.$queryRaw<{ id: string; status: Study["status"]; completed: boolean }[]>`
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
