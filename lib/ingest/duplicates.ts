// Spots a prompt given twice for the same model within one file: blind comparison needs one
// answer per (model, prompt), and silently keeping either copy would hide a data problem.

import type { IngestError } from "./ingest-error";

export type DuplicateCandidate = { row: number; model: string | null; externalId: string | null; promptKey: string };

export type DuplicateTracker = { check(record: DuplicateCandidate): IngestError | null };

/** An explicit id identifies the prompt when present (matching policy in prompt-key.ts). */
export function createDuplicateTracker(): DuplicateTracker {
  const firstRow = new Map<string, number>();
  return {
    check(record) {
      const prompt = record.externalId === null ? `text\u0000${record.promptKey}` : `id\u0000${record.externalId}`;
      const key = `${record.model ?? ""}\u0000${prompt}`;
      const earlier = firstRow.get(key);
      if (earlier === undefined) {
        firstRow.set(key, record.row);
        return null;
      }
      return {
        row: record.row,
        field: record.externalId === null ? "instruction" : "id",
        message: describe(earlier, record),
      };
    },
  };
}

function describe(earlier: number, record: DuplicateCandidate): string {
  const what = record.externalId === null ? "the same prompt" : `the same id "${record.externalId}"`;
  const model = record.model === null ? "" : ` for model "${record.model}"`;
  return `rows ${earlier} and ${record.row} are duplicates: ${what}${model}`;
}
