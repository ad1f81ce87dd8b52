// Reads CSV with papaparse, one record at a time. Row 1 is the first record after the
// header (a record may span several lines when a quoted field contains line breaks).

import Papa from "papaparse";
import type { IngestError } from "./ingest-error";
import type { SourceItem } from "./source-item";
import { positionAt } from "./text-position";

/** Normalizes header names so "Instruction " and "instruction" are the same column. */
export function normalizeHeader(name: string): string {
  return name.trim().toLowerCase();
}

/** Column names of the first record, normalized; empty when there is no first record. */
export function readCsvHeader(text: string): string[] {
  const result = Papa.parse<string[]>(text, { preview: 1, delimiter: ",", skipEmptyLines: true });
  return (result.data[0] ?? []).map(normalizeHeader);
}

/**
 * Streams records to `onItem`; stops early when it returns false (row limit or similar).
 * The delimiter is fixed to "," because guessing can misread a valid file whose text is
 * full of tabs or semicolons; a TSV then fails on the header with a clear message.
 */
export function readCsvRows(text: string, onItem: (item: SourceItem) => boolean): void {
  let row = 0;
  Papa.parse<Record<string, unknown>>(text, {
    header: true,
    delimiter: ",",
    skipEmptyLines: true,
    transformHeader: normalizeHeader,
    step: (result, parser) => {
      row += 1;
      const items = toItems(text, row, result);
      for (const item of items) {
        if (!onItem(item)) {
          parser.abort();
          return;
        }
      }
    },
  });
}

// Errors arrive with the record they belong to, which is what makes row numbers reliable:
// papaparse's own error.row counts differently for quote errors and field-count errors.
function toItems(text: string, row: number, result: Papa.ParseStepResult<Record<string, unknown>>): SourceItem[] {
  if (result.errors.length === 0) return [{ row, value: result.data }];
  const seen = new Set<string>();
  const items: SourceItem[] = [];
  for (const error of result.errors) {
    if (seen.has(error.code)) continue;
    seen.add(error.code);
    items.push({ row, error: describeCsvError(text, row, error) });
  }
  return items;
}

function describeCsvError(text: string, row: number, error: Papa.ParseError): IngestError {
  const where = error.index === undefined ? "" : ` (line ${positionAt(text, error.index).line})`;
  switch (error.code) {
    case "MissingQuotes":
      return { row, message: `a quoted field is never closed${where}; everything after it was read as one field` };
    case "InvalidQuotes":
      return { row, message: `stray quote in a quoted field${where}; inside quotes, write a quote as ""` };
    default:
      return { row, message: `CSV: ${error.message}` };
  }
}
