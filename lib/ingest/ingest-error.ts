// The one error shape every ingest step reports, plus a collector that keeps the first N.
// Admins fix files from these messages, so each names the row and field when there is one.

export type IngestError = {
  /** 1-based data row: JSON array index + 1, JSONL line number, CSV record after the header. */
  row?: number;
  field?: string;
  message: string;
};

/** "row 17: output is empty"; file-level errors have no prefix. */
export function formatIngestError(error: IngestError): string {
  return error.row === undefined ? error.message : `row ${error.row}: ${error.message}`;
}

/** Renders a failure for display, mentioning the errors that were counted but not kept. */
export function formatIngestErrors(errors: readonly IngestError[], errorCount = errors.length): string[] {
  const lines = errors.map(formatIngestError);
  const hidden = errorCount - errors.length;
  if (hidden > 0) lines.push(`…and ${hidden.toLocaleString("en-US")} more`);
  return lines;
}

export type ErrorCollector = {
  add(error: IngestError): void;
  readonly errors: IngestError[];
  readonly count: number;
};

/** Keeps the first `max` errors but counts all, so the message can say how many were hidden. */
export function createErrorCollector(max: number): ErrorCollector {
  const errors: IngestError[] = [];
  let count = 0;
  return {
    add(error) {
      count += 1;
      if (errors.length < max) errors.push(error);
    },
    errors,
    get count() {
      return count;
    },
  };
}
