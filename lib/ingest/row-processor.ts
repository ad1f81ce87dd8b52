// Runs rows from any container through validation, normalization and duplicate checks,
// collecting errors. Records are kept only while the file is clean: any error rejects it all.

import { createDuplicateTracker } from "./duplicates";
import { createErrorCollector, type IngestError } from "./ingest-error";
import type { Limits } from "./limits";
import type { SourceItem } from "./source-item";
import { createSystemTracker } from "./system-prompts";
import type { Converter } from "./to-record";
import type { OutputRecord, PromptRecord } from "./types";

export type Converted = { kind: "outputs"; records: OutputRecord[] } | { kind: "prompts"; records: PromptRecord[] };

export type ProcessOutcome = ({ ok: true } & Converted) | { ok: false; errors: IngestError[]; errorCount: number };

export type RowProcessor = {
  /** Returns false when reading should stop (row limit reached). */
  push(item: SourceItem): boolean;
  /** For problems found outside any row (e.g. the whole file is the wrong shape). */
  fail(error: IngestError): void;
  finish(): ProcessOutcome;
};

type Candidate = OutputRecord | PromptRecord;

export function createRowProcessor<R extends Candidate>(
  convert: Converter<R>,
  wrap: (records: R[]) => Converted,
  limits: Pick<Limits, "maxRows" | "maxErrors">,
): RowProcessor {
  const errors = createErrorCollector(limits.maxErrors);
  const duplicates = createDuplicateTracker();
  const systems = createSystemTracker();
  const records: R[] = [];
  let rows = 0;
  let lastRow = 0;
  return {
    push(item) {
      // A CSV record can arrive as several error items; count it once.
      if (item.row !== lastRow) rows += 1;
      lastRow = item.row;
      if (rows > limits.maxRows) {
        errors.add({ message: `the file has more than ${limits.maxRows.toLocaleString("en-US")} rows, the limit` });
        return false;
      }
      const problems = "error" in item ? [item.error] : accept(item.row, item.value);
      problems.forEach(errors.add);
      return true;
    },
    fail: errors.add,
    finish() {
      if (errors.count > 0) return { ok: false, errors: errors.errors, errorCount: errors.count };
      if (records.length === 0) return { ok: false, errors: [{ message: "the file has no rows" }], errorCount: 1 };
      return { ok: true, ...wrap(records) };
    },
  };

  function accept(row: number, value: unknown): IngestError[] {
    const result = convert(row, value);
    if (!result.ok) return result.errors;
    const clash = duplicates.check(result.record) ?? systems.check(result.record);
    if (clash) return [clash];
    // Once the file is known to be rejected, stop holding records: only errors matter now.
    if (errors.count === 0) records.push(result.record);
    return [];
  }
}
