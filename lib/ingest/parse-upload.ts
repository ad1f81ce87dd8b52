// Entry point: uploaded bytes in, a validated and normalized list of records (or the reasons
// the file was rejected) out. Pure apart from hashing; the database import happens elsewhere.

import { modelNameSchema, outputFieldSchema } from "../validation/upload";
import { decodeUpload } from "./decode-text";
import { findIdentityLeaks, DEFAULT_LEAK_PHRASES } from "./identity-leaks";
import type { IngestError } from "./ingest-error";
import { resolveLimits } from "./limits";
import { readUpload, type ReleasableText } from "./read-upload";
import { sha256Hex } from "./sha256";
import type { ParseFailure, ParseOptions, ParseResult } from "./types";
import type { UploadFormat } from "./upload-format";

/**
 * Detects the format from the content, validates every row and returns all records, or
 * rejects the whole file: one bad row means nothing is imported, so a half-imported model
 * can never be compared against a complete one.
 */
export function parseUpload(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  const limits = resolveLimits(options.limits);
  const form = checkFormOptions(options);
  if (!form.ok) return failure(form.errors);
  const sha256 = sha256Hex(bytes);
  const source = decodeToHolder(bytes, limits);
  if ("error" in source) return failure([source.error]);
  const settings = { ...form.values, allowEmptyOutputs: options.allowEmptyOutputs ?? false, limits };
  // Only the holder references the text, so the reader can release it once parsed (peak memory).
  const { format, outcome } = readUpload(source, settings);
  if (!outcome.ok) return failure(outcome.errors, format, outcome.errorCount);
  if (format === undefined) throw new Error("readUpload succeeded without a format");
  const base = { ok: true as const, format, rowCount: outcome.records.length, sha256 };
  if (outcome.kind === "prompts") {
    return { ...base, kind: "prompts" as const, records: outcome.records, models: [], leaks: [] };
  }
  const models = [...new Set(outcome.records.map((r) => r.model))].sort();
  const leaks = findIdentityLeaks(outcome.records, { phrases: options.leakPhrases ?? DEFAULT_LEAK_PHRASES, modelNames: options.knownModels });
  return { ...base, kind: "outputs" as const, records: outcome.records, models, leaks };
}

function decodeToHolder(bytes: Uint8Array, limits: ReturnType<typeof resolveLimits>): ReleasableText | { error: IngestError } {
  const decoded = decodeUpload(bytes, limits);
  return decoded.ok ? { text: decoded.text } : { error: decoded.error };
}

function failure(errors: IngestError[], format?: UploadFormat, errorCount = errors.length): ParseFailure {
  return format === undefined ? { ok: false, errors, errorCount } : { ok: false, errors, errorCount, format };
}

type FormValues = { modelName?: string; outputField?: string };

// The server may pass raw form values; apply the same rules as the form so both agree.
function checkFormOptions(
  options: ParseOptions,
): { ok: true; values: FormValues } | { ok: false; errors: IngestError[] } {
  const values: FormValues = {};
  const errors: IngestError[] = [];
  const checks = [
    ["modelName", modelNameSchema],
    ["outputField", outputFieldSchema],
  ] as const;
  for (const [field, schema] of checks) {
    const raw = options[field];
    if (raw === undefined || raw.trim() === "") continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success) values[field] = parsed.data;
    else errors.push({ field, message: parsed.error.issues[0]?.message ?? `invalid ${field}` });
  }
  return errors.length === 0 ? { ok: true, values } : { ok: false, errors };
}
