// Reads JSON Lines one line at a time (a generator), so a 50 MB file never exists as an
// array of parsed rows. Row numbers are line numbers; blank lines are skipped but counted.

import { scanJson, type JsonScan } from "./json-scan";
import type { SourceItem } from "./source-item";

export function* readJsonLines(text: string, maxDepth: number): Generator<SourceItem> {
  let start = 0;
  let lineNumber = 0;
  while (start < text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    lineNumber += 1;
    const line = text.slice(start, end);
    start = end + 1;
    if (!/\S/.test(line)) continue;
    yield parseLine(line, lineNumber, maxDepth, newline === -1);
  }
}

function parseLine(line: string, row: number, maxDepth: number, isLast: boolean): SourceItem {
  const scan = scanJson(line, maxDepth);
  if (scan.tooDeepAt !== null) {
    return { row, error: { row, message: `the JSON on this line is nested more than ${maxDepth} levels deep` } };
  }
  try {
    return { row, value: JSON.parse(line) as unknown };
  } catch (err) {
    return { row, error: { row, message: `invalid JSON on this line: ${describeLineError(err, scan, isLast)}` } };
  }
}

function describeLineError(err: unknown, scan: JsonScan, isLast: boolean): string {
  if (scan.openAtEnd > 0 || scan.endsInString) {
    return isLast
      ? "it ends unexpectedly — the file looks truncated"
      : "it ends before the JSON value is complete (each line must hold one whole JSON object)";
  }
  const message = err instanceof Error ? err.message : String(err);
  const match = /at position (\d+)/.exec(message);
  const shortMessage = message.length > 200 ? `${message.slice(0, 200)}…` : message;
  return match ? `${shortMessage} (column ${Number(match[1]) + 1})` : shortMessage;
}
