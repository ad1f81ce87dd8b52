// Turns one raw row into a normalized record: validates it with the format's zod schema,
// settles which model it belongs to, and computes its prompt key.

import type { z } from "zod";
import type { IngestError } from "./ingest-error";
import { promptKey } from "./prompt-key";
import { issueField, type OutputRow, type PromptRow } from "./row-schemas";
import type { OutputRecord, PromptRecord } from "./types";

export type RecordResult<R> = { ok: true; record: R } | { ok: false; errors: IngestError[] };

export type Converter<R> = (row: number, value: unknown) => RecordResult<R>;

export function zodErrors(row: number, error: z.ZodError, outputField: string): IngestError[] {
  return error.issues.map((issue) => {
    const field = issueField(issue.path, outputField);
    return field === undefined ? { row, message: issue.message } : { row, field, message: issue.message };
  });
}

/**
 * The row's own model name wins when the form gives none. When both are given and differ,
 * the row is rejected rather than silently renamed: a typo in the form must not relabel a file.
 */
export function settleModel(row: number, fileModel: string | null, formModel: string | undefined): RecordResult<string> {
  const model = fileModel ?? formModel;
  if (model === undefined) {
    const message = 'model is missing: no "model" or "generator" value on this row and no model name in the form';
    return { ok: false, errors: [{ row, field: "model", message }] };
  }
  if (fileModel !== null && formModel !== undefined && fileModel !== formModel) {
    const message = `the file names the model "${fileModel}" but the form says "${formModel}"; clear the form's model name or make them match`;
    return { ok: false, errors: [{ row, field: "model", message }] };
  }
  return { ok: true, record: model };
}

/** A single instruction's conversation fields: none (see types.ts). */
export function singleTurn(): { userTurns: string[]; system: null; turns: []; promptById: false } {
  return { userTurns: [], system: null, turns: [], promptById: false };
}

export function outputConverter(
  schema: z.ZodType<OutputRow>,
  outputField: string,
  formModel?: string,
): Converter<OutputRecord> {
  return (row, value) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return { ok: false, errors: zodErrors(row, parsed.error, outputField) };
    const r = parsed.data;
    const model = settleModel(row, r.model, formModel);
    if (!model.ok) return model;
    const { instruction, input, output, category, externalId } = r;
    const record: OutputRecord = {
      row,
      model: model.record,
      instruction,
      input,
      output,
      category,
      externalId,
      promptKey: promptKey(instruction, input),
      ...singleTurn(),
    };
    return { ok: true, record };
  };
}

export function promptConverter(schema: z.ZodType<PromptRow>): Converter<PromptRecord> {
  return (row, value) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return { ok: false, errors: zodErrors(row, parsed.error, "output") };
    const { instruction, input, category, externalId } = parsed.data;
    const key = promptKey(instruction, input);
    const record: PromptRecord = {
      row,
      model: null,
      instruction,
      input,
      output: null,
      category,
      externalId,
      promptKey: key,
      ...singleTurn(),
    };
    return { ok: true, record };
  };
}
