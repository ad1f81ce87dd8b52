// An upload from bytes to database: parse and validate every row (lib/ingest), then import in
// one transaction. Any bad row means nothing is imported and the errors name the rows.
import "server-only";
import { DEFAULT_LEAK_PHRASES, DEFAULT_LIMITS, formatIngestErrors, parseUpload, type ParseResult, type ParseSuccess } from "@/lib/ingest";
import { attachStoredQuestions, questionIdsNeeded } from "@/lib/ingest/stored-questions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { UploadForm } from "@/lib/validation/upload";
import { screenStoredOutputs } from "./leak-review";
import { storedQuestions } from "./stored-questions";
import type { ImportSummary } from "@/lib/admin/types";
import { importUpload } from "./uploads";

export type UploadOutcome =
  | { ok: true; status: "imported"; summary: ImportSummary }
  | { ok: true; status: "duplicate"; batchId: string; message: string }
  | { ok: false; errors: string[] };

function leakPhrases(): readonly string[] {
  const configured = env().LEAK_PHRASES;
  if (!configured) return DEFAULT_LEAK_PHRASES;
  return configured.split(",").map((p) => p.trim()).filter(Boolean);
}

export async function runUpload(bytes: Uint8Array, fileName: string, form: UploadForm, uploadedById: string | null): Promise<UploadOutcome> {
  const stored = (await db.languageModel.findMany({ select: { name: true } })).map((m) => m.name);
  const phrases = leakPhrases();
  const read = parseUpload(bytes, {
    modelName: form.modelName,
    outputField: form.outputField,
    allowEmptyOutputs: form.allowEmptyOutputs,
    leakPhrases: phrases,
    knownModels: stored,
    limits: { maxBytes: env().UPLOAD_MAX_BYTES, maxRows: env().UPLOAD_MAX_ROWS },
  });
  const parsed = read.ok ? await withStoredQuestions(read, { phrases, modelNames: stored }) : read;
  if (!parsed.ok) return { ok: false, errors: formatIngestErrors(parsed.errors, parsed.errorCount) };
  const result = await importUpload({ fileName, parsed, replace: form.replace, uploadedById });
  if (result.status === "rejected") return { ok: false, errors: result.errors };
  if (result.status === "duplicate") {
    return { ok: true, status: "duplicate", batchId: result.batchId,
      message: `This file (same sha256) was already imported on ${result.createdAt.toISOString().slice(0, 10)}; nothing changed.` };
  }
  const known = new Set(stored);
  const earlierFlagged = await screenStoredOutputs(result.summary.models.filter((m) => !known.has(m)));
  return { ok: true, status: "imported", summary: { ...result.summary, earlierFlagged } };
}

// MT-Bench answers name their prompt only by question_id: read those prompts, then check and fill the rows.
async function withStoredQuestions(parsed: ParseSuccess, leakOptions: { phrases: readonly string[]; modelNames: string[] }): Promise<ParseResult> {
  const ids = questionIdsNeeded(parsed);
  if (ids.length === 0) return parsed;
  return attachStoredQuestions(parsed, await storedQuestions(ids), { ...leakOptions, maxErrors: DEFAULT_LIMITS.maxErrors });
}
