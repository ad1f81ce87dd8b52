// Parses a whole JSON document (the array-of-records formats) with errors an admin can act
// on: nesting too deep, a truncated file (with the last complete row), or a line and column.

import type { IngestError } from "./ingest-error";
import { scanJson, type JsonScan } from "./json-scan";
import { positionAt } from "./text-position";

export type JsonDocumentResult = { ok: true; value: unknown } | { ok: false; error: IngestError };

export function parseJsonDocument(text: string, maxDepth: number): JsonDocumentResult {
  const scan = scanJson(text, maxDepth);
  if (scan.tooDeepAt !== null) {
    const { line, column } = positionAt(text, scan.tooDeepAt);
    const message = `the JSON is nested too deeply (more than ${maxDepth} levels) at line ${line}, column ${column}`;
    return { ok: false, error: { message } };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, error: { message: describeJsonError(text, err, scan) } };
  }
}

export function describeJsonError(text: string, err: unknown, scan: JsonScan): string {
  const engineMessage = err instanceof Error ? err.message : String(err);
  // V8 says "… in JSON at position N" for most syntax errors; a line is easier to find.
  const match = /at position (\d+)/.exec(engineMessage);
  const position = match ? Number(match[1]) : null;
  if (looksTruncated(text, scan, position)) {
    const { line } = positionAt(text, text.length);
    const lastRow = scan.topLevelCommas > 0 ? `; the last complete row is row ${scan.topLevelCommas}` : "";
    return `the JSON ends unexpectedly at line ${line} — the file looks truncated${lastRow}`;
  }
  if (position === null) return `invalid JSON: ${shorten(engineMessage)}`;
  const { line, column } = positionAt(text, position);
  return `invalid JSON at line ${line}, column ${column}: ${shorten(engineMessage)}`;
}

// Unclosed brackets alone could also be a mismatched bracket mid-file; it is truncation only
// when the parser also gave up at the very end.
function looksTruncated(text: string, scan: JsonScan, position: number | null): boolean {
  if (scan.openAtEnd === 0 && !scan.endsInString) return false;
  return position === null || position >= text.trimEnd().length - 1;
}

// Some engine messages quote the input; keep a 50 MB file out of the error list.
function shorten(message: string): string {
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}
