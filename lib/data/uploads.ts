// The upload import: one transaction that matches prompts, adds (or replaces) outputs and records
// the batch. All-or-nothing; set-based statements in batches, never a round trip per row.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit, SYSTEM } from "@/lib/data/audit";
import type { OutputRecord, ParseSuccess } from "@/lib/ingest";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportSummary } from "@/lib/admin/types";
import { missingPromptCounts } from "./upload-coverage";
import { chunks, ImportRejected, jsonLists, resolvePrompts, textListSql } from "./upload-prompts";

type Tx = Prisma.TransactionClient;

export type ImportInput = { fileName: string; parsed: ParseSuccess; replace: boolean; uploadedById: string | null };

export type ImportResult =
  | { status: "imported"; summary: ImportSummary }
  | { status: "duplicate"; batchId: string; createdAt: Date }
  | { status: "rejected"; errors: string[] };

async function insertOutputs(tx: Tx, rows: OutputRow[], uploadId: string) {
  await tx.$executeRaw`
    INSERT INTO "Output" (id, "promptId", "modelId", text, "leakPhrase", turns, "uploadId")
    SELECT v.id, v.prompt, v.model, v.text, v.leak, ${textListSql("v.turns")}, ${uploadId}
    FROM unnest(${rows.map(() => randomUUID())}::text[], ${rows.map((r) => r.promptId)}::text[],
                ${rows.map((r) => r.modelId)}::text[], ${rows.map((r) => r.text)}::text[],
                ${rows.map((r) => r.leakPhrase)}::text[], ${jsonLists(rows.map((r) => r.turns))}::text[])
      AS v(id, prompt, model, text, leak, turns)`;
}

async function modelIds(tx: Tx, names: string[]): Promise<Map<string, string>> {
  await tx.languageModel.createMany({ data: names.map((name) => ({ name })), skipDuplicates: true });
  const rows = await tx.languageModel.findMany({ where: { name: { in: names } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.name, r.id]));
}

type OutputRow = { promptId: string; modelId: string; text: string; turns: string[]; leakPhrase: string | null };

type Clash = { id: string; modelId: string; promptId: string; locked: boolean };

// Existing outputs for the same (model, prompt), and whether a non-draft study uses them.
async function clashingOutputs(tx: Tx, rows: OutputRow[]): Promise<Map<string, Clash>> {
  const clashes = new Map<string, Clash>();
  for (const part of chunks(rows)) {
    const found = await tx.$queryRaw<Clash[]>`
      SELECT o.id, o."modelId", o."promptId",
             EXISTS (SELECT 1 FROM "Pair" p JOIN "Study" s ON s.id = p."studyId"
                     WHERE s.status <> 'DRAFT' AND (p."outputAId" = o.id OR p."outputBId" = o.id)) AS locked
      FROM "Output" o
      JOIN unnest(${part.map((r) => r.modelId)}::text[], ${part.map((r) => r.promptId)}::text[]) AS v(m, p)
        ON o."modelId" = v.m AND o."promptId" = v.p`;
    for (const c of found) clashes.set(`${c.modelId}:${c.promptId}`, c);
  }
  return clashes;
}

async function replaceOutputs(tx: Tx, rows: (OutputRow & { id: string })[], uploadId: string) {
  for (const part of chunks(rows)) {
    await tx.$executeRaw`
      UPDATE "Output" o SET text = v.text, turns = ${textListSql("v.turns")}, "leakPhrase" = v.leak, "leakReview" = NULL, "leakReviewedAt" = NULL, "uploadId" = ${uploadId}
      FROM unnest(${part.map((r) => r.id)}::text[], ${part.map((r) => r.text)}::text[], ${part.map((r) => r.leakPhrase)}::text[],
                  ${jsonLists(part.map((r) => r.turns))}::text[])
        AS v(id, text, leak, turns)
      WHERE o.id = v.id`;
  }
}

async function writeOutputs(tx: Tx, rows: OutputRow[], replace: boolean, uploadId: string) {
  const clashes = await clashingOutputs(tx, rows);
  if (clashes.size && !replace) {
    throw new ImportRejected([
      `${clashes.size} of these outputs already exist (same model and prompt). Tick "replace existing outputs" to replace them, or upload only new prompts.`,
    ]);
  }
  if ([...clashes.values()].some((c) => c.locked)) {
    throw new ImportRejected(["Some outputs to replace are used by an open or closed study; raters have judged them, so they cannot change."]);
  }
  const fresh = rows.filter((r) => !clashes.has(`${r.modelId}:${r.promptId}`));
  for (const part of chunks(fresh)) await insertOutputs(tx, part, uploadId);
  const replaced = rows.flatMap((r) => {
    const clash = clashes.get(`${r.modelId}:${r.promptId}`);
    return clash ? [{ ...r, id: clash.id }] : [];
  });
  await replaceOutputs(tx, replaced, uploadId);
  return { added: fresh.length, replaced: replaced.length, replacedIds: replaced.map((r) => r.id) };
}

// Replaced outputs change the pairs of draft studies that use them (open and closed ones refuse above):
// one OUTPUTS_REPLACED row in each such study's audit trail.
async function auditReplaced(tx: Tx, outputIds: string[], input: ImportInput) {
  if (!outputIds.length) return;
  const studies = await tx.$queryRaw<{ studyId: string; outputs: number }[]>`
    SELECT p."studyId", count(DISTINCT o.id)::int AS outputs
    FROM unnest(${outputIds}::text[]) AS o(id)
    JOIN "Pair" p ON p."outputAId" = o.id OR p."outputBId" = o.id
    GROUP BY p."studyId"`;
  if (!studies.length) return;
  const uploader = input.uploadedById
    ? await tx.user.findUnique({ where: { id: input.uploadedById }, select: { id: true, email: true, pseudonym: true } })
    : null;
  const actor = uploader ? { id: uploader.id, label: uploader.email ?? uploader.pseudonym } : SYSTEM;
  await recordAudit(tx, studies.map((s) => ({
    studyId: s.studyId, actor, action: "OUTPUTS_REPLACED" as const, details: { outputs: s.outputs, fileName: input.fileName },
  })));
}

// Output.turns has an answer per user turn of its prompt, and none when the prompt is a single
// instruction (then text is the one answer): read from the prompt the row was matched to.
function storedTurns(record: OutputRecord, prompt: { userTurns: string[] }): string[] {
  if (prompt.userTurns.length === 0) return [];
  return record.turns.length > 0 ? record.turns : [record.output];
}

/** Rows by their number of turns, for conversations only (2 turns: 80 rows), fewest turns first. */
function conversationCounts(records: ParseSuccess["records"]): { turns: number; rows: number }[] {
  const byTurns = new Map<number, number>();
  for (const r of records) if (r.userTurns.length > 0) byTurns.set(r.userTurns.length, (byTurns.get(r.userTurns.length) ?? 0) + 1);
  return [...byTurns].sort(([a], [b]) => a - b).map(([turns, rows]) => ({ turns, rows }));
}

async function importInTransaction(tx: Tx, input: ImportInput): Promise<ImportSummary> {
  const { parsed } = input;
  const { prompts, promptsNew, promptsMatched } = await resolvePrompts(tx, parsed.records);
  const promptIds = prompts.map((p) => p.id);
  const batchId = randomUUID();
  await tx.uploadBatch.create({
    data: { id: batchId, fileName: input.fileName, sha256: parsed.sha256, format: parsed.format, rowCount: parsed.rowCount,
      promptsNew, promptsMatched, outputsAdded: 0, uploadedById: input.uploadedById },
  });
  let added = 0;
  let replaced = 0;
  if (parsed.kind === "outputs") {
    const models = await modelIds(tx, parsed.models);
    const leakByRow = new Map(parsed.leaks.map((l) => [l.row, l.phrase]));
    const rows = parsed.records.map((r, i) => ({
      promptId: promptIds[i]!, modelId: models.get(r.model)!, text: r.output, turns: storedTurns(r, prompts[i]!), leakPhrase: leakByRow.get(r.row) ?? null,
    }));
    const written = await writeOutputs(tx, rows, input.replace, batchId);
    ({ added, replaced } = written);
    await auditReplaced(tx, written.replacedIds, input);
  }
  const missing = await missingPromptCounts(tx, [...new Set(promptIds)]);
  const leaks = parsed.leaks.map(({ row, model, phrase, excerpt, turn }) => (turn ? { row, model, phrase, excerpt, turn } : { row, model, phrase, excerpt }));
  const summary: ImportSummary = {
    batchId, format: parsed.format, rowsRead: parsed.rowCount, promptsNew, promptsMatched, conversations: conversationCounts(parsed.records),
    outputsAdded: added, outputsReplaced: replaced, models: parsed.models, leaks, missing, earlierFlagged: 0,
  };
  await tx.uploadBatch.update({
    where: { id: batchId },
    data: { outputsAdded: added, outputsReplaced: replaced, summary: { leaks, missing } as unknown as Prisma.InputJsonValue },
  });
  return summary;
}

export async function importUpload(input: ImportInput): Promise<ImportResult> {
  const previous = await db.uploadBatch.findUnique({ where: { sha256: input.parsed.sha256 }, select: { id: true, createdAt: true } });
  if (previous) return { status: "duplicate", batchId: previous.id, createdAt: previous.createdAt };
  try {
    const summary = await db.$transaction((tx) => importInTransaction(tx, input), { timeout: 300_000, maxWait: 10_000 });
    return { status: "imported", summary };
  } catch (error) {
    if (error instanceof ImportRejected) return { status: "rejected", errors: error.errors };
    // The same file imported concurrently: the sha256 unique index decided the race.
    const again = await db.uploadBatch.findUnique({ where: { sha256: input.parsed.sha256 }, select: { id: true, createdAt: true } });
    if (again) return { status: "duplicate", batchId: again.id, createdAt: again.createdAt };
    throw error;
  }
}
