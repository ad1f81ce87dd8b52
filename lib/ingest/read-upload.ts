// Picks the container from the first non-blank character ("[" JSON array, "{" JSON Lines,
// anything else CSV) and feeds its rows to the processor; the format comes from the fields.

import { readCsvHeader, readCsvRows } from "./csv-rows";
import type { IngestError } from "./ingest-error";
import { parseJsonDocument } from "./json-document";
import { readJsonLines } from "./json-lines";
import type { ProcessOutcome } from "./row-processor";
import { startProcessing, type ReadSettings } from "./start-processing";
import { typeName } from "./text-fields";
import type { UploadFormat } from "./upload-format";

export type ReadOutcome = { format?: UploadFormat; outcome: ProcessOutcome };

/**
 * A file's text the reader may let go of: a JSON array is parsed in one piece, after which the
 * text (as large as the file) is no longer needed and `text` is emptied so it can be collected
 * while the rows are checked. Callers that pass a holder must not keep their own reference.
 */
export type ReleasableText = { text: string };

export function readUpload(source: string | ReleasableText, settings: ReadSettings): ReadOutcome {
  const holder = typeof source === "string" ? { text: source } : source;
  const text = holder.text;
  const first = text[text.search(/\S/)];
  if (first === "[") return readJsonArray(holder, settings);
  if (first === "{") return readJsonLinesUpload(text, settings);
  return readCsv(text, settings);
}

function failed(error: IngestError | string, format?: UploadFormat): ReadOutcome {
  const errors = [typeof error === "string" ? { message: error } : error];
  return { format, outcome: { ok: false, errors, errorCount: 1 } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readJsonArray(holder: ReleasableText, settings: ReadSettings): ReadOutcome {
  const { maxDepth, maxRows } = settings.limits;
  const document = parseJsonDocument(holder.text, maxDepth);
  if (!document.ok) return failed(document.error);
  holder.text = "";
  const rows = document.value;
  if (!Array.isArray(rows)) return failed("the file is JSON but not an array of rows");
  if (rows.length === 0) return failed("the file has no rows (an empty JSON array)");
  if (rows.length > maxRows) {
    return failed(
      `the file has ${rows.length.toLocaleString("en-US")} rows; the limit is ${maxRows.toLocaleString("en-US")}`,
    );
  }
  const head: unknown = rows[0];
  if (!isRecord(head)) return failed(`the JSON array must hold one object per row, but row 1 is ${typeName(head)}`);
  const started = startProcessing("json", Object.keys(head), settings);
  if (!started.ok) return failed(started.message, started.format);
  // Each parsed row is dropped once checked: the records keep what they need, the rest can go.
  for (let index = 0; index < rows.length; index++) {
    const value: unknown = rows[index];
    rows[index] = undefined;
    started.processor.push({ row: index + 1, value });
  }
  return { format: started.format, outcome: started.processor.finish() };
}

function readJsonLinesUpload(text: string, settings: ReadSettings): ReadOutcome {
  const items = readJsonLines(text, settings.limits.maxDepth);
  const head = items.next();
  if (head.done) return failed("the file has no rows");
  if ("error" in head.value) return failed(singleObjectMessage(text) ?? head.value.error);
  if (!isRecord(head.value.value)) {
    return failed(`each line must hold one JSON object, but row ${head.value.row} is ${typeName(head.value.value)}`);
  }
  const started = startProcessing("jsonl", Object.keys(head.value.value), settings);
  if (!started.ok) return failed(started.message, started.format);
  started.processor.push(head.value);
  for (const item of items) if (!started.processor.push(item)) break;
  return { format: started.format, outcome: started.processor.finish() };
}

// A pretty-printed single object also starts with "{"; say so instead of "bad JSON on line 1".
function singleObjectMessage(text: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const arrayKey = Object.keys(value).find((key) => Array.isArray(value[key]));
  const hint = arrayKey === undefined ? "" : ` (the rows may be the "${arrayKey}" list inside it)`;
  return `the file is one JSON object, not a list of rows; upload a JSON array of objects or JSON Lines${hint}`;
}

function readCsv(text: string, settings: ReadSettings): ReadOutcome {
  const header = readCsvHeader(text);
  if (!header.includes("instruction")) {
    const firstLine = text.trimStart().split("\n", 1)[0]?.slice(0, 80) ?? "";
    return failed(
      "unrecognized format: not a JSON array, not JSON Lines, and not a CSV whose header has an " +
        `"instruction" column (first line: "${firstLine.trim()}")`,
    );
  }
  const repeated = header.find((name, index) => header.indexOf(name) !== index);
  if (repeated !== undefined) return failed(`the CSV header has the column "${repeated}" twice`, "csv");
  const started = startProcessing("csv", header, settings);
  if (!started.ok) return failed(started.message, started.format);
  readCsvRows(text, (item) => started.processor.push(item));
  return { format: started.format, outcome: started.processor.finish() };
}
