// Every vote of a study, de-blinded, read in keyset-paginated batches so exports stream in
// linear time and bounded memory whatever the study's size; from the read replica when there is one.
import "server-only";
import { dbRead } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CriterionChoice, ExportConversation, ExportCriterion, ExportVote } from "@/lib/exports/types";
import { pairModelJoins } from "./scope";

const BATCH = 2000;

type Cursor = { votedAt: Date; voteId: string } | null;
type Row = Omit<ExportVote, "criteria" | "conversation"> & {
  otherCriteria: CriterionChoice[];
  /** Read for the formats that carry conversations (else empty and null). */
  userTurns: string[]; system: string | null; turnsA: string[]; turnsB: string[];
};

// The issues marked on one of the vote's outputs, in the study's order.
const marksOn = (output: Prisma.Sql) => Prisma.sql`ARRAY(
  SELECT si.key FROM "VoteIssue" vi JOIN "StudyIssue" si ON si.id = vi."issueId"
  WHERE vi."voteId" = v.id AND vi."outputId" = ${output} ORDER BY si.position)`;

// The vote's choice on every criterion but the primary, in the study's order, the winner by model name
// as the vote's own; from the study's list, so a row always has every column the CSV header names.
const otherCriteria = Prisma.sql`COALESCE((
  SELECT json_agg(json_build_object('key', sc.key, 'choice', vc.choice, 'winner',
    CASE WHEN vc."winnerOutputId" IS NULL THEN NULL WHEN vc."winnerOutputId" = src."outputAId" THEN ma.name ELSE mb.name END)
    ORDER BY sc.position)
  FROM "StudyCriterion" sc LEFT JOIN "VoteCriterion" vc ON vc."criterionId" = sc.id AND vc."voteId" = v.id
  WHERE sc."studyId" = v."studyId" AND sc.position > 0), '[]'::json)`;

type Reads = { withOutputs: boolean; withIssues: boolean; withCriteria: boolean; withConversations: boolean; withInclusion: boolean };

// The judged turn's answer of a conversation pair (issue 21), else the text (the last turn, or the one answer).
const judgedText = (o: Prisma.Sql) => Prisma.sql`CASE WHEN src.turn > 0 AND cardinality(${o}.turns) >= src.turn THEN ${o}.turns[src.turn] ELSE ${o}.text END`;
// An output's assistant turns; a single answer judged as turn 1 is a one-turn conversation (its text read only then).
const assistantTurns = (o: Prisma.Sql) => Prisma.sql`CASE WHEN src.turn > 0 AND cardinality(${o}.turns) = 0 THEN ARRAY[${o}.text] ELSE ${o}.turns END`;
const conversationColumns = Prisma.sql`pr."userTurns", pr.system, ${assistantTurns(Prisma.sql`oa`)} AS "turnsA", ${assistantTurns(Prisma.sql`ob`)} AS "turnsB"`;
const noConversation = Prisma.sql`'{}'::text[] AS "userTurns", NULL AS system, '{}'::text[] AS "turnsA", '{}'::text[] AS "turnsB"`;

async function batch(studyId: string, after: Cursor, reads: Reads): Promise<Row[]> {
  const outputs = reads.withOutputs
    ? Prisma.sql`${judgedText(Prisma.sql`oa`)} AS "outputA", ${judgedText(Prisma.sql`ob`)} AS "outputB"`
    : Prisma.sql`NULL AS "outputA", NULL AS "outputB"`;
  const issues = reads.withIssues
    ? Prisma.sql`${marksOn(Prisma.sql`src."outputAId"`)} AS "issuesA", ${marksOn(Prisma.sql`src."outputBId"`)} AS "issuesB"`
    : Prisma.sql`'{}'::text[] AS "issuesA", '{}'::text[] AS "issuesB"`;
  const criteria = reads.withCriteria ? otherCriteria : Prisma.sql`'[]'::json`;
  return dbRead.$queryRaw<Row[]>(Prisma.sql`
    SELECT v.id AS "voteId", v."studyId", v."pairId", src."promptId", pr.instruction, pr.input, pr.category, pr.dataset,
      ma.name AS "modelA", mb.name AS "modelB", a."leftIsA", v.choice,
      CASE WHEN v."winnerOutputId" IS NULL THEN NULL WHEN v."winnerOutputId" = src."outputAId" THEN ma.name ELSE mb.name END AS winner,
      u.pseudonym AS rater, a."servedAt", v."createdAt" AS "votedAt", v."msTaken", v."tooFast",
      a."flaggedAt" IS NOT NULL AS flagged, v.rationale, src."goldOutputId" IS NOT NULL AS gold, src.excluded, v."isDemo",
      ${outputs}, ${issues}, ${criteria} AS "otherCriteria", src.turn, ${reads.withConversations ? conversationColumns : noConversation}
      ${reads.withInclusion ? Prisma.sql`, src.inclusion` : Prisma.empty}
    FROM "Vote" v
    JOIN "Assignment" a ON a.id = v."assignmentId"
    JOIN "Pair" src ON src.id = v."pairId"
    ${pairModelJoins}
    JOIN "User" u ON u.id = v."raterId"
    WHERE v."studyId" = ${studyId}
      ${after ? Prisma.sql`AND (v."createdAt", v.id) > (${after.votedAt}, ${after.voteId})` : Prisma.empty}
    ORDER BY v."createdAt", v.id
    LIMIT ${BATCH}`);
}

/** The study's criteria, the primary first; none for a study that asks one overall choice. */
export function exportCriteria(studyId: string): Promise<ExportCriterion[]> {
  return dbRead.studyCriterion.findMany({ where: { studyId }, orderBy: { position: "asc" }, select: { key: true, label: true } });
}

/**
 * A conversation pair's conversation: a prompt with user turns, or a single instruction judged as turn 1
 * (a one-turn conversation, its instruction and input folded as AlpacaEval does). Null otherwise.
 */
function conversationOf(r: Row, withConversations: boolean): ExportConversation | null {
  if (!withConversations || (r.userTurns.length === 0 && (r.turn ?? 0) === 0)) return null;
  const userTurns = r.userTurns.length ? r.userTurns : [r.input.trim() === "" ? r.instruction : `${r.instruction}\n\n${r.input}`];
  return { system: r.system, userTurns, turnsA: r.turnsA, turnsB: r.turnsB };
}

// The primary criterion's choice is the vote's own (Vote.choice); the others come from VoteCriterion.
function exportVote(row: Row, primary: string | undefined, withConversations: boolean): ExportVote {
  const conversation = conversationOf(row, withConversations);
  const v: ExportVote & Partial<Row> = { ...row, criteria: primary === undefined ? [] : [{ key: primary, choice: row.choice, winner: row.winner }, ...row.otherCriteria] };
  for (const read of ["otherCriteria", "userTurns", "system", "turnsA", "turnsB"] as const) delete v[read];
  if (conversation) v.conversation = conversation;
  return v;
}

/**
 * Yields the study's votes in voting order, BATCH at a time (keyset on the (studyId, createdAt) index).
 * `criteria`: the study's keys when the caller has read them (exportCriteria), so they are read once.
 * `withInclusion`: each vote carries its pair's inclusion probability (studySamplesPairs).
 */
export async function* exportVoteBatches(
  studyId: string, withOutputs: boolean, criteria?: readonly string[], withConversations = false, withInclusion = false,
): AsyncGenerator<ExportVote[]> {
  let after: Cursor = null;
  const keys = criteria ?? (await exportCriteria(studyId)).map((c) => c.key);
  // Marks and criteria are read only for studies that ask for them: then one index probe per output or vote.
  const withIssues = (await dbRead.studyIssue.count({ where: { studyId } })) > 0;
  const reads = { withOutputs, withIssues, withCriteria: keys.length > 1, withConversations, withInclusion };
  for (;;) {
    const rows = await batch(studyId, after, reads);
    if (rows.length === 0) return;
    yield rows.map((row) => exportVote(row, keys[0], withConversations));
    const last = rows[rows.length - 1];
    if (!last || rows.length < BATCH) return;
    after = { votedAt: last.votedAt, voteId: last.voteId };
  }
}

/** Whether the study samples model pairs (issue 22): then its exports carry each vote's inclusion probability. */
export async function studySamplesPairs(studyId: string): Promise<boolean> {
  const study = await dbRead.study.findUnique({ where: { id: studyId }, select: { samplingPrompts: true } });
  return (study?.samplingPrompts ?? 0) > 0;
}

/** Whether any of the study's pairs is on a conversation (a prompt with user turns), not a single instruction. */
export async function studyHasConversations(studyId: string): Promise<boolean> {
  const [row] = await dbRead.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Pair" p JOIN "Prompt" pr ON pr.id = p."promptId" WHERE p."studyId" = ${studyId} AND cardinality(pr."userTurns") > 0) AS found`;
  return row?.found ?? false;
}

/**
 * Whether the study's exports carry turns (issue 21): it judges turns one by one, or one of its pairs
 * is a conversation. Single-answer studies' exports stay as they were.
 */
export async function studyHasTurns(studyId: string): Promise<boolean> {
  const [row] = await dbRead.$queryRaw<{ turns: boolean }[]>`
    SELECT cardinality(s."judgedTurns") > 0 OR EXISTS (
      SELECT 1 FROM "Pair" p JOIN "Prompt" pr ON pr.id = p."promptId" WHERE p."studyId" = s.id AND cardinality(pr."userTurns") > 0
    ) AS turns FROM "Study" s WHERE s.id = ${studyId}`;
  return row?.turns ?? false;
}
