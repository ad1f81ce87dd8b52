// Every vote of a study, de-blinded, read in keyset-paginated batches so exports stream in
// linear time and bounded memory whatever the study's size; from the read replica when there is one.
import "server-only";
import { dbRead } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ExportVote } from "@/lib/exports/types";
import { pairModelJoins } from "./scope";

const BATCH = 2000;

type Cursor = { votedAt: Date; voteId: string } | null;

// The issues marked on one of the vote's outputs, in the study's order.
const marksOn = (output: Prisma.Sql) => Prisma.sql`ARRAY(
  SELECT si.key FROM "VoteIssue" vi JOIN "StudyIssue" si ON si.id = vi."issueId"
  WHERE vi."voteId" = v.id AND vi."outputId" = ${output} ORDER BY si.position)`;

async function batch(studyId: string, after: Cursor, withOutputs: boolean, withIssues: boolean): Promise<ExportVote[]> {
  const outputs = withOutputs ? Prisma.sql`oa.text AS "outputA", ob.text AS "outputB"` : Prisma.sql`NULL AS "outputA", NULL AS "outputB"`;
  const issues = withIssues
    ? Prisma.sql`${marksOn(Prisma.sql`src."outputAId"`)} AS "issuesA", ${marksOn(Prisma.sql`src."outputBId"`)} AS "issuesB"`
    : Prisma.sql`'{}'::text[] AS "issuesA", '{}'::text[] AS "issuesB"`;
  return dbRead.$queryRaw<ExportVote[]>(Prisma.sql`
    SELECT v.id AS "voteId", v."studyId", v."pairId", src."promptId", pr.instruction, pr.input, pr.category, pr.dataset,
      ma.name AS "modelA", mb.name AS "modelB", a."leftIsA", v.choice,
      CASE WHEN v."winnerOutputId" IS NULL THEN NULL WHEN v."winnerOutputId" = src."outputAId" THEN ma.name ELSE mb.name END AS winner,
      u.pseudonym AS rater, a."servedAt", v."createdAt" AS "votedAt", v."msTaken", v."tooFast",
      a."flaggedAt" IS NOT NULL AS flagged, v.rationale, src."goldOutputId" IS NOT NULL AS gold, src.excluded, v."isDemo",
      ${outputs}, ${issues}
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

/** Yields the study's votes in voting order, BATCH at a time (keyset on the (studyId, createdAt) index). */
export async function* exportVoteBatches(studyId: string, withOutputs: boolean): AsyncGenerator<ExportVote[]> {
  let after: Cursor = null;
  // Marks are read only for studies that ask for them: a vote's look-up is then one index probe per output.
  const withIssues = (await dbRead.studyIssue.count({ where: { studyId } })) > 0;
  for (;;) {
    const rows = await batch(studyId, after, withOutputs, withIssues);
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1];
    if (!last || rows.length < BATCH) return;
    after = { votedAt: last.votedAt, voteId: last.voteId };
  }
}
