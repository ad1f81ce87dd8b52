// Attaching a human-judgment file (MT-Bench's, Chatbot Arena's) to a study as an external panel: every row
// is validated (one bad row rejects the file), rows are matched to the study's pairs and the rest counted
// by reason; the votes are stored in one transaction.
import "server-only";
import { db } from "@/lib/db";
import { markFiguresChanged } from "@/lib/data/results/snapshots";
import { studyChanged } from "@/lib/data/study-changes";
import { formatIngestErrors } from "@/lib/ingest/ingest-error";
import { readJudgmentFile } from "@/lib/ingest/judgment-file";
import { matchPanelRows, type PanelPairKey, type Unmatched } from "@/lib/ingest/panel-match";
import { sha256Hex } from "@/lib/ingest/sha256";
import type { JudgmentFormat } from "@/lib/ingest/human-judgments";
import { JUDGE_MAX_BYTES, JUDGE_MAX_ROWS } from "@/lib/validation/results";

export type PanelImportResult =
  | { ok: true; run: { id: string; name: string; format: JudgmentFormat; rows: number; votes: number; judges: number; unmatched: Unmatched; repeated: number } }
  | { ok: false; status: 404 | 409 | 422; message: string; errors: string[] };

const DEFAULT_NAMES: Record<JudgmentFormat, string> = {
  mt_bench_human_judgments: "MT-Bench human judgments",
  chatbot_arena_conversations: "Chatbot Arena votes",
};

const fail = (status: 404 | 409 | 422, message: string, errors: string[] = []): PanelImportResult => ({ ok: false, status, message, errors });

async function studyPairs(studyId: string): Promise<PanelPairKey[]> {
  return db.$queryRaw<PanelPairKey[]>`
    SELECT p.id AS "pairId", p.turn, p."promptId", pr."externalId", pr."textHash", cardinality(pr."userTurns")::int AS "userTurns",
      ma.name AS "modelA", mb.name AS "modelB", p."outputAId", p."outputBId"
    FROM "Pair" p JOIN "Prompt" pr ON pr.id = p."promptId"
    JOIN "Output" oa ON oa.id = p."outputAId" JOIN "Output" ob ON ob.id = p."outputBId"
    JOIN "LanguageModel" ma ON ma.id = oa."modelId" JOIN "LanguageModel" mb ON mb.id = ob."modelId"
    WHERE p."studyId" = ${studyId}`;
}

const unmatchedText = (u: Unmatched) =>
  `${u.prompt} name a question this study does not have, ${u.models} a model pair it does not compare on that question, ${u.turn} a turn it does not judge`;

export async function importPanelRun(studyId: string, bytes: Uint8Array, meta: { fileName?: string; name?: string }): Promise<PanelImportResult> {
  const study = await db.study.findUnique({ where: { id: studyId }, select: { id: true } });
  if (!study) return fail(404, "No such study.");
  const file = readJudgmentFile(bytes, { maxBytes: JUDGE_MAX_BYTES, maxRows: JUDGE_MAX_ROWS });
  if (!file.ok) {
    const message = file.errorCount === 1 && file.errors[0]?.row === undefined ? `The file cannot be read: ${file.errors[0]!.message}.` : `${file.errorCount} problems in the file; nothing was imported.`;
    return fail(422, message, formatIngestErrors(file.errors, file.errorCount));
  }
  const match = matchPanelRows(file.rows, await studyPairs(studyId));
  if (match.votes.length === 0) return fail(422, `No row matches a pair of this study (of ${file.rows.length} rows, ${unmatchedText(match.unmatched)}); nothing was imported.`);
  const sha256 = sha256Hex(bytes);
  const existing = await db.panelRun.findUnique({ where: { studyId_sha256: { studyId, sha256 } }, select: { name: true } });
  if (existing) return fail(409, `This file was already attached to this study (as "${existing.name}").`);
  const name = meta.name ?? DEFAULT_NAMES[file.format];
  let runId: string;
  try {
    runId = await db.$transaction(async (tx) => {
      const run = await tx.panelRun.create({
        data: { studyId, name, fileName: meta.fileName ?? "judgments.json", sha256, format: file.format, rowCount: file.rows.length, unmatched: match.unmatched, repeated: match.repeated },
        select: { id: true },
      });
      await tx.panelVote.createMany({ data: match.votes.map((v) => ({ runId: run.id, pairId: v.pairId, judge: v.judge, winnerOutputId: v.winnerOutputId, bothBad: v.bothBad })) });
      await markFiguresChanged(studyId, tx);
      return run.id;
    }, { timeout: 60_000 });
  } catch (error) {
    // Two uploads of the same file at once: the unique (studyId, sha256) index lets one through.
    if ((error as { code?: string }).code === "P2002") return fail(409, "This file was already attached to this study.");
    throw error;
  }
  studyChanged(studyId);
  const judges = new Set(match.votes.map((v) => v.judge)).size;
  return { ok: true, run: { id: runId, name, format: file.format, rows: file.rows.length, votes: match.votes.length, judges, unmatched: match.unmatched, repeated: match.repeated } };
}
