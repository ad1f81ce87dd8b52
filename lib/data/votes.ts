// Recording a rater's vote: one guarded, prepared statement claims the assignment and writes the vote,
// so a happy vote costs a single SQL statement and a double submission records one vote. It writes
// "Assignment" (completedAt), "Vote", "VoteIssue" (the issues marked on each answer) and "VoteCriterion"
// (the choices on the study's other criteria); the Vote triggers (prisma/sql/vote-tally.sql) then write
// "StudyMember".votes, the "Pair" tallies and "VoteHour".
import "server-only";
import { randomBytes } from "node:crypto";
import { orient } from "@/lib/rater-api/orient";
import { type RaterError, raterErrors } from "@/lib/rater-api/rater-error";
import { explainUnwrittenVote, type RecordedVote, type VoteContext } from "@/lib/rater-api/vote-outcome";
import { DB_NOW, DB_NOW_TEXT, db, preparedRows } from "@/lib/db";
import type { VoteReply } from "@/lib/rating/types";
import type { VoteChoice, VoteInput } from "@/lib/validation/vote";

// undoSeconds: the study's undo window as the rater has it (0 when it reveals the models after the vote).
type Written = RecordedVote & { revealAfterVote: boolean; undoSeconds: number; leftIsA: boolean; outputAId: string; outputBId: string };

/** Records the vote, or answers a repeat of it like the first time, or says why not. */
export async function recordVote(studyId: string, raterId: string, input: VoteInput): Promise<VoteReply | RaterError> {
  let written: Written | undefined;
  try {
    written = await writeVote(studyId, raterId, input);
  } catch (error) {
    // Only a vote already stored for this assignment or pair can collide; the read below finds it.
    if (!isUniqueViolation(error)) throw error;
  }
  if (written) return reply(written);
  const ctx = await readVoteContext(studyId, raterId, input.assignmentId);
  if (!ctx) return raterErrors.studyNotFound;
  const outcome = explainUnwrittenVote(ctx, input);
  if ("error" in outcome && outcome.error === raterErrors.voteNotRecorded) {
    console.error(`[pairwise] BUG: the vote statement refused a vote for no reason explainUnwrittenVote knows (study ${studyId}, assignment ${input.assignmentId})`, ctx);
  }
  return "error" in outcome
    ? outcome.error
    : reply({ ...ctx.pair!, ...outcome.vote, revealAfterVote: ctx.revealAfterVote, undoSeconds: ctx.undoSeconds });
}

// $1 assignment, $2 study, $3 rater, $4 choice, $5 rationale, $6 new vote id, $7 seenBothMs,
// $8/$9 the marked issues as parallel arrays of side ('L'/'R') and issue key, $10/$11 the choices on the
// criteria other than the primary as parallel arrays of criterion key and choice.
// Claims the assignment (UPDATE … WHERE completedAt IS NULL takes its row lock, so a concurrent
// duplicate waits and then finds it completed), inserts the vote with the server-measured time and
// the winner resolved from the sides shown (a trigger adds it to the tallies). Nothing is written
// unless every check in the WHERE holds; each of them has its answer in explainUnwrittenVote.
const NOW = DB_NOW_TEXT;
const VOTE = `
  WITH claimed AS (
    UPDATE "Assignment" a SET "completedAt" = ${NOW}
    FROM "Study" s, "Pair" p
    WHERE a.id = $1 AND a."studyId" = $2 AND a."raterId" = $3
      AND s.id = a."studyId" AND p.id = a."pairId"
      AND a."completedAt" IS NULL AND a."flaggedAt" IS NULL AND a."expiresAt" > ${NOW}
      AND s.status = 'OPEN'
      AND ($4::text <> 'TIE' OR s."allowTie") AND ($4::text <> 'BOTH_BAD' OR s."allowBothBad")
      AND (s.rationale <> 'REQUIRED' OR $5::text IS NOT NULL)
      AND (SELECT count(*) FROM "StudyIssue" si WHERE si."studyId" = s.id AND si.key = ANY($9::text[]))
          = (SELECT count(DISTINCT k) FROM unnest($9::text[]) k)
      AND (SELECT count(*) FILTER (WHERE sc.key = ANY($10::text[])) = cardinality($10::text[]) AND count(*) = cardinality($10::text[])
           FROM "StudyCriterion" sc WHERE sc."studyId" = s.id AND sc.position > 0)
      AND ('TIE' <> ALL($11::text[]) OR s."allowTie") AND ('BOTH_BAD' <> ALL($11::text[]) OR s."allowBothBad")
      AND EXISTS (SELECT 1 FROM "StudyMember" m WHERE m."studyId" = a."studyId" AND m."userId" = a."raterId"
                  AND (m."consentedAt" IS NOT NULL OR s."consentText" = ''))
    RETURNING a.id, a."pairId", a."servedAt", a."leftIsA", p."outputAId", p."outputBId",
              s."minSecondsPerPair", s.rationale::text AS mode, s."revealAfterVote",
              CASE WHEN s."revealAfterVote" THEN 0 ELSE s."undoSeconds" END AS "undoSeconds"
  ), timed AS (
    -- The outputs shown on each side: every choice and mark the rater sent is resolved through them.
    SELECT c.*, greatest(0, round(extract(epoch FROM (${NOW} - c."servedAt")) * 1000))::int AS ms,
           CASE WHEN c."leftIsA" THEN c."outputAId" ELSE c."outputBId" END AS "leftId",
           CASE WHEN c."leftIsA" THEN c."outputBId" ELSE c."outputAId" END AS "rightId"
    FROM claimed c
  ), vote AS (
    INSERT INTO "Vote" (id, "assignmentId", "studyId", "pairId", "raterId", choice, "winnerOutputId", rationale, "msTaken", "tooFast", "seenBothMs", "createdAt")
    SELECT $6, t.id, $2, t."pairId", $3, $4::text::"Choice",
           CASE $4::text WHEN 'LEFT' THEN t."leftId" WHEN 'RIGHT' THEN t."rightId" END,
           CASE WHEN t.mode = 'OFF' THEN NULL ELSE $5::text END,
           t.ms, t.ms < t."minSecondsPerPair" * 1000, $7::int, ${NOW}
    FROM timed t
    RETURNING "assignmentId", "pairId", choice::text AS choice, "createdAt"
  ), marked AS (
    -- Each mark resolved from the side shown to the output there, as the winner is.
    INSERT INTO "VoteIssue" ("voteId", "outputId", "issueId", "studyId")
    SELECT $6, CASE m.side WHEN 'L' THEN t."leftId" ELSE t."rightId" END, si.id, $2
    FROM vote v JOIN timed t ON t.id = v."assignmentId"
    CROSS JOIN unnest($8::text[], $9::text[]) AS m(side, key)
    JOIN "StudyIssue" si ON si."studyId" = $2 AND si.key = m.key
  ), judged AS (
    -- Each other criterion's choice, its winner resolved as the vote's is.
    INSERT INTO "VoteCriterion" ("voteId", "criterionId", "studyId", choice, "winnerOutputId")
    SELECT $6, sc.id, $2, c.choice::"Choice", CASE c.choice WHEN 'LEFT' THEN t."leftId" WHEN 'RIGHT' THEN t."rightId" END
    FROM vote v JOIN timed t ON t.id = v."assignmentId"
    CROSS JOIN unnest($10::text[], $11::text[]) AS c(key, choice)
    JOIN "StudyCriterion" sc ON sc."studyId" = $2 AND sc.key = c.key AND sc.position > 0
  )
  SELECT v."assignmentId", v.choice, (extract(epoch FROM v."createdAt") * 1000)::float8 AS "createdAtMs",
         t."revealAfterVote", t."undoSeconds", t."leftIsA", t."outputAId", t."outputBId"
  FROM vote v JOIN timed t ON t.id = v."assignmentId"`;

type WrittenRow = Omit<Written, "createdAt"> & { createdAtMs: number };

async function writeVote(studyId: string, raterId: string, input: VoteInput): Promise<Written | undefined> {
  const issues = input.issues ?? { left: [], right: [] };
  const criteria = Object.entries(input.criteria ?? {});
  const values = [
    input.assignmentId, studyId, raterId, input.choice, input.rationale ?? null, randomBytes(16).toString("base64url"), input.seenBothMs ?? null,
    [...issues.left.map(() => "L"), ...issues.right.map(() => "R")], [...issues.left, ...issues.right],
    criteria.map(([key]) => key), criteria.map(([, choice]) => choice),
  ];
  const [row] = await preparedRows<WrittenRow>("vote", VOTE, values);
  if (!row) return undefined;
  const { createdAtMs, ...rest } = row;
  return { ...rest, createdAt: new Date(createdAtMs) };
}

type ContextRow = {
  status: VoteContext["status"]; allowTie: boolean; allowBothBad: boolean; rationale: VoteContext["rationale"];
  revealAfterVote: boolean; undoSeconds: number; assignmentId: string | null; expired: boolean | null; flagged: boolean | null;
  completed: boolean | null; leftIsA: boolean | null; outputAId: string | null; outputBId: string | null;
  voteChoice: VoteChoice | null; voteCreatedAt: Date | null; undone: boolean; consentMissing: boolean;
  issueKeys: string[]; voteIssues: string[]; criterionKeys: string[]; voteCriteria: string[];
};

type ReadContext = VoteContext & {
  revealAfterVote: boolean;
  undoSeconds: number;
  pair: { leftIsA: boolean; outputAId: string; outputBId: string } | null;
};

/** A fresh look at the assignment, only when the write changed nothing (exported for the rule's twin test). */
export async function readVoteContext(studyId: string, raterId: string, assignmentId: string): Promise<ReadContext | null> {
  const [row] = await db.$queryRaw<ContextRow[]>`
    SELECT s.status::text AS status, s."allowTie", s."allowBothBad", s.rationale::text AS rationale, s."revealAfterVote",
           CASE WHEN s."revealAfterVote" THEN 0 ELSE s."undoSeconds" END AS "undoSeconds",
           a.id AS "assignmentId", a."expiresAt" <= ${DB_NOW} AS expired, a."flaggedAt" IS NOT NULL AS flagged,
           a."completedAt" IS NOT NULL AS completed,
           a."leftIsA", p."outputAId", p."outputBId", v.choice::text AS "voteChoice", v."createdAt" AS "voteCreatedAt",
           EXISTS (SELECT 1 FROM "UndoneVote" u WHERE u."assignmentId" = ${assignmentId} AND u."studyId" = s.id AND u."raterId" = ${raterId}) AS undone,
           s."consentText" <> '' AND m."consentedAt" IS NULL AS "consentMissing",
           ARRAY(SELECT si.key FROM "StudyIssue" si WHERE si."studyId" = s.id) AS "issueKeys",
           ARRAY(SELECT CASE WHEN (vi."outputId" = p."outputAId") = a."leftIsA" THEN 'L:' ELSE 'R:' END || si.key
                 FROM "VoteIssue" vi JOIN "StudyIssue" si ON si.id = vi."issueId" WHERE vi."voteId" = v.id) AS "voteIssues",
           ARRAY(SELECT sc.key FROM "StudyCriterion" sc WHERE sc."studyId" = s.id AND sc.position > 0) AS "criterionKeys",
           ARRAY(SELECT sc.key || ':' || vc.choice::text
                 FROM "VoteCriterion" vc JOIN "StudyCriterion" sc ON sc.id = vc."criterionId" WHERE vc."voteId" = v.id) AS "voteCriteria"
    FROM "Study" s
    JOIN "StudyMember" m ON m."studyId" = s.id AND m."userId" = ${raterId}
    LEFT JOIN "Assignment" a ON a.id = ${assignmentId} AND a."studyId" = s.id AND a."raterId" = ${raterId}
    LEFT JOIN "Pair" p ON p.id = a."pairId"
    LEFT JOIN "Vote" v ON v."assignmentId" = a.id
    WHERE s.id = ${studyId}`;
  if (!row) return null;
  const hasAssignment = row.assignmentId !== null;
  return {
    status: row.status, allowTie: row.allowTie, allowBothBad: row.allowBothBad, rationale: row.rationale,
    revealAfterVote: row.revealAfterVote, undoSeconds: row.undoSeconds, undone: row.undone, consentMissing: row.consentMissing,
    issueKeys: row.issueKeys, criterionKeys: row.criterionKeys,
    assignment: hasAssignment ? { expired: row.expired === true, flagged: row.flagged === true, completed: row.completed === true } : null,
    vote: row.voteChoice && row.voteCreatedAt
      ? { assignmentId, choice: row.voteChoice, createdAt: row.voteCreatedAt, issues: sideIssues(row.voteIssues), criteria: keyedChoices(row.voteCriteria) }
      : null,
    pair: hasAssignment ? { leftIsA: row.leftIsA!, outputAId: row.outputAId!, outputBId: row.outputBId! } : null,
  };
}

function sideIssues(marks: string[]): { left: string[]; right: string[] } {
  const on = (prefix: string) => marks.filter((m) => m.startsWith(prefix)).map((m) => m.slice(2));
  return { left: on("L:"), right: on("R:") };
}

function keyedChoices(pairs: string[]): Record<string, VoteChoice> {
  return Object.fromEntries(pairs.map((p) => [p.slice(0, p.lastIndexOf(":")), p.slice(p.lastIndexOf(":") + 1) as VoteChoice]));
}

async function reply(w: Written): Promise<VoteReply> {
  const vote = { assignmentId: w.assignmentId, choice: w.choice, recordedAt: w.createdAt.toISOString() };
  // The database's clock decides an undo; this tells the page until when to offer it.
  const undo = w.undoSeconds > 0 ? { undoUntil: new Date(w.createdAt.getTime() + w.undoSeconds * 1000).toISOString() } : {};
  if (!w.revealAfterVote) return { vote, ...undo };
  // Model identity leaves the server only here, after the vote is stored, and only when the study allows it.
  const outputs = await db.output.findMany({
    where: { id: { in: [w.outputAId, w.outputBId] } },
    select: { id: true, model: { select: { name: true } } },
  });
  const nameOf = (id: string) => outputs.find((o) => o.id === id)?.model.name ?? "unknown";
  const sides = orient(w.leftIsA, nameOf(w.outputAId), nameOf(w.outputBId));
  return { vote, ...undo, reveal: { left: { model: sides.left }, right: { model: sides.right } } };
}

/** PostgreSQL's unique_violation (23505), however the driver adapter wraps it. */
function isUniqueViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const record = e as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } };
    if (record.code === "P2002" || record.code === "23505" || record.meta?.code === "23505") return true;
    const cause = record.meta?.driverAdapterError?.cause;
    if (cause?.originalCode === "23505" || cause?.kind === "UniqueConstraintViolation") return true;
  }
  return /\b23505\b|unique constraint/i.test(String((error as { message?: unknown })?.message ?? ""));
}
