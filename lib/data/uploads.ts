// The upload import: one transaction that matches prompts, adds (or replaces) outputs and records
// the batch. All-or-nothing; set-based statements in batches, never a round trip per row.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit, SYSTEM } from "@/lib/data/audit";
import { promptTextHash } from "@/lib/ingest/prompt-key";
import type { OutputRecord, ParseSuccess, PromptRecord } from "@/lib/ingest";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportSummary } from "@/lib/admin/types";
import { missingPromptCounts } from "./upload-coverage";

type Tx = Prisma.TransactionClient;
type AnyRecord = OutputRecord | PromptRecord;

const BATCH = 2_000;

export type ImportInput = { fileName: string; parsed: ParseSuccess; replace: boolean; uploadedById: string | null };

export type ImportResult =
  | { status: "imported"; summary: ImportSummary }
  | { status: "duplicate"; batchId: string; createdAt: Date }
  | { status: "rejected"; message: string };

/** Thrown inside the transaction to roll it back with a message for the uploader. */
class ImportRejected extends Error {}

function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function existingPrompts(tx: Tx, hashes: string[], externalIds: string[]) {
  const byHash = new Map<string, string>();
  const byExternal = new Map<string, string>();
  for (const part of chunks(hashes)) {
    const rows = await tx.prompt.findMany({ where: { textHash: { in: part } }, select: { id: true, textHash: true } });
    for (const r of rows) byHash.set(r.textHash, r.id);
  }
  for (const part of chunks(externalIds)) {
    const rows = await tx.prompt.findMany({ where: { externalId: { in: part } }, select: { id: true, externalId: true } });
    for (const r of rows) if (r.externalId) byExternal.set(r.externalId, r.id);
  }
  return { byHash, byExternal };
}

/** Prompt id for every record: an explicit id wins, then the text; the rest are created. */
async function resolvePrompts(tx: Tx, records: AnyRecord[]) {
  const hashes = records.map((r) => promptTextHash(r.instruction, r.input));
  const externalIds = [...new Set(records.map((r) => r.externalId).filter((x): x is string => !!x))];
  const { byHash, byExternal } = await existingPrompts(tx, [...new Set(hashes)], externalIds);
  const created = new Map<string, Prisma.PromptCreateManyInput>();
  const ids = records.map((r, i) => {
    const hash = hashes[i]!;
    const found = (r.externalId && byExternal.get(r.externalId)) || byHash.get(hash);
    if (found) return found;
    if (!created.has(hash)) {
      const externalId = r.externalId && !byExternal.has(r.externalId) ? r.externalId : null;
      created.set(hash, { id: randomUUID(), instruction: r.instruction, input: r.input, category: r.category, externalId, textHash: hash });
    }
    return created.get(hash)!.id!;
  });
  // Two new records may carry the same external id under different texts; keep it on the first only.
  const seenExternal = new Set<string>();
  for (const p of created.values()) {
    if (p.externalId && seenExternal.has(p.externalId)) p.externalId = null;
    if (p.externalId) seenExternal.add(p.externalId);
  }
  for (const part of chunks([...created.values()])) await insertPrompts(tx, part);
  await fillPromptDetails(tx, records, ids, new Set([...created.values()].map((p) => p.id!)));
  const matched = new Set(ids).size - created.size;
  return { ids, promptsNew: created.size, promptsMatched: matched };
}

// Set-based inserts: one statement per batch with array parameters. Prisma's createMany builds
// every row in JavaScript first, which costs seconds and hundreds of MB on a 52,000-row file.
async function insertPrompts(tx: Tx, rows: Prisma.PromptCreateManyInput[]) {
  await tx.$executeRaw`
    INSERT INTO "Prompt" (id, instruction, input, category, "externalId", "textHash")
    SELECT * FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.instruction)}::text[], ${rows.map((r) => r.input ?? "")}::text[],
                         ${rows.map((r) => r.category ?? null)}::text[], ${rows.map((r) => r.externalId ?? null)}::text[], ${rows.map((r) => r.textHash)}::text[])`;
}

async function insertOutputs(tx: Tx, rows: OutputRow[], uploadId: string) {
  await tx.$executeRaw`
    INSERT INTO "Output" (id, "promptId", "modelId", text, "leakPhrase", "uploadId")
    SELECT v.*, ${uploadId} FROM unnest(${rows.map(() => randomUUID())}::text[], ${rows.map((r) => r.promptId)}::text[],
                                        ${rows.map((r) => r.modelId)}::text[], ${rows.map((r) => r.text)}::text[],
                                        ${rows.map((r) => r.leakPhrase)}::text[]) AS v`;
}

// A prompt set uploaded after the outputs (Self-Instruct's, say) brings categories and ids the
// outputs lacked: fill them in on matched prompts, never overwrite, never steal another prompt's id.
// Studies on those prompts show categories in their results, so their kept figures are marked changed.
async function fillPromptDetails(tx: Tx, records: AnyRecord[], ids: string[], createdIds: Set<string>) {
  const rows = records.flatMap((r, i) =>
    !createdIds.has(ids[i]!) && (r.category || r.externalId) ? [{ id: ids[i]!, category: r.category, externalId: r.externalId }] : []);
  for (const part of chunks(rows)) {
    await tx.$executeRaw`
      UPDATE "Prompt" p
      SET category = COALESCE(p.category, v.category),
          "externalId" = COALESCE(p."externalId",
            CASE WHEN EXISTS (SELECT 1 FROM "Prompt" o WHERE o."externalId" = v.ext) THEN NULL ELSE v.ext END)
      FROM unnest(${part.map((r) => r.id)}::text[], ${part.map((r) => r.category)}::text[], ${part.map((r) => r.externalId)}::text[])
        AS v(id, category, ext)
      WHERE p.id = v.id AND (p.category IS NULL OR p."externalId" IS NULL)`;
    await tx.$executeRaw`
      UPDATE "Study" s SET "figuresChangedAt" = clock_timestamp() AT TIME ZONE 'UTC'
      WHERE EXISTS (SELECT 1 FROM "Pair" p WHERE p."studyId" = s.id AND p."promptId" = ANY(${part.map((r) => r.id)}::text[]))`;
  }
}

async function modelIds(tx: Tx, names: string[]): Promise<Map<string, string>> {
  await tx.languageModel.createMany({ data: names.map((name) => ({ name })), skipDuplicates: true });
  const rows = await tx.languageModel.findMany({ where: { name: { in: names } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.name, r.id]));
}

type OutputRow = { promptId: string; modelId: string; text: string; leakPhrase: string | null };

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
      UPDATE "Output" o SET text = v.text, "leakPhrase" = v.leak, "leakReview" = NULL, "leakReviewedAt" = NULL, "uploadId" = ${uploadId}
      FROM unnest(${part.map((r) => r.id)}::text[], ${part.map((r) => r.text)}::text[], ${part.map((r) => r.leakPhrase)}::text[])
        AS v(id, text, leak)
      WHERE o.id = v.id`;
  }
}

async function writeOutputs(tx: Tx, rows: OutputRow[], replace: boolean, uploadId: string) {
  const clashes = await clashingOutputs(tx, rows);
  if (clashes.size && !replace) {
    throw new ImportRejected(
      `${clashes.size} of these outputs already exist (same model and prompt). Tick "replace existing outputs" to replace them, or upload only new prompts.`,
    );
  }
  if ([...clashes.values()].some((c) => c.locked)) {
    throw new ImportRejected("Some outputs to replace are used by an open or closed study; raters have judged them, so they cannot change.");
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

async function importInTransaction(tx: Tx, input: ImportInput): Promise<ImportSummary> {
  const { parsed } = input;
  const { ids: promptIds, promptsNew, promptsMatched } = await resolvePrompts(tx, parsed.records);
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
      promptId: promptIds[i]!, modelId: models.get(r.model)!, text: r.output, leakPhrase: leakByRow.get(r.row) ?? null,
    }));
    const written = await writeOutputs(tx, rows, input.replace, batchId);
    ({ added, replaced } = written);
    await auditReplaced(tx, written.replacedIds, input);
  }
  const missing = await missingPromptCounts(tx, [...new Set(promptIds)]);
  const leaks = parsed.leaks.map(({ row, model, phrase, excerpt }) => ({ row, model, phrase, excerpt }));
  const summary: ImportSummary = {
    batchId, format: parsed.format, rowsRead: parsed.rowCount, promptsNew, promptsMatched,
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
    if (error instanceof ImportRejected) return { status: "rejected", message: error.message };
    // The same file imported concurrently: the sha256 unique index decided the race.
    const again = await db.uploadBatch.findUnique({ where: { sha256: input.parsed.sha256 }, select: { id: true, createdAt: true } });
    if (again) return { status: "duplicate", batchId: again.id, createdAt: again.createdAt };
    throw error;
  }
}
