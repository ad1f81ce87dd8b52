// An upload from bytes to database: parse and validate every row (lib/ingest), then import in
// one transaction. Any bad row means nothing is imported and the errors name the rows.
import "server-only";
import { DEFAULT_LEAK_PHRASES, formatIngestErrors, parseUpload } from "@/lib/ingest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { UploadForm } from "@/lib/validation/upload";
import { screenStoredOutputs } from "./leak-review";
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
  const parsed = parseUpload(bytes, {
    modelName: form.modelName,
    outputField: form.outputField,
    allowEmptyOutputs: form.allowEmptyOutputs,
    leakPhrases: leakPhrases(),
    knownModels: stored,
    limits: { maxBytes: env().UPLOAD_MAX_BYTES, maxRows: env().UPLOAD_MAX_ROWS },
  });
  if (!parsed.ok) return { ok: false, errors: formatIngestErrors(parsed.errors, parsed.errorCount) };
  const result = await importUpload({ fileName, parsed, replace: form.replace, uploadedById });
  if (result.status === "rejected") return { ok: false, errors: [result.message] };
  if (result.status === "duplicate") {
    return { ok: true, status: "duplicate", batchId: result.batchId,
      message: `This file (same sha256) was already imported on ${result.createdAt.toISOString().slice(0, 10)}; nothing changed.` };
  }
  const known = new Set(stored);
  const earlierFlagged = await screenStoredOutputs(result.summary.models.filter((m) => !known.has(m)));
  return { ok: true, status: "imported", summary: { ...result.summary, earlierFlagged } };
}
