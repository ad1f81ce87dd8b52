// Reads a whole human-judgment file (a JSON array, as FastChat's human_judgments.json, or JSON Lines,
// as a dataset export) into validated rows, for attaching it to a study as an external panel. Any bad
// row rejects the file, with errors naming the rows, as every upload format does. Pure.

import { decodeUpload } from "./decode-text";
import { createErrorCollector, type IngestError } from "./ingest-error";
import { isJudgmentFields, judgmentFormat, parseJudgmentRow, type JudgmentFormat, type JudgmentRow } from "./human-judgments";
import { parseJsonDocument } from "./json-document";
import { readJsonLines } from "./json-lines";
import { resolveLimits, type Limits } from "./limits";
import type { SourceItem } from "./source-item";

export type JudgmentFileResult =
  | { ok: true; format: JudgmentFormat; rows: JudgmentRow[] }
  | { ok: false; errors: IngestError[]; errorCount: number };

const EXPECTED = "expected MT-Bench human judgments or Chatbot Arena conversations (question_id, model_a, model_b, winner, judge, conversation_a, conversation_b, turn)";

const fatal = (message: string): JudgmentFileResult => ({ ok: false, errors: [{ message }], errorCount: 1 });

function* arrayItems(rows: unknown[]): Generator<SourceItem> {
  for (let i = 0; i < rows.length; i++) yield { row: i + 1, value: rows[i] };
}

function items(text: string, limits: Limits): { items: Iterable<SourceItem> } | { error: string } {
  if (text.trimStart().startsWith("[")) {
    const document = parseJsonDocument(text, limits.maxDepth);
    if (!document.ok) return { error: document.error.message };
    if (!Array.isArray(document.value) || document.value.length === 0) return { error: "the file has no rows (an empty JSON array)" };
    return { items: arrayItems(document.value) };
  }
  if (text.trimStart().startsWith("{")) return { items: readJsonLines(text, limits.maxDepth) };
  return { error: `the file is neither a JSON array nor JSON Lines; ${EXPECTED}` };
}

function fieldsOf(value: unknown): string[] {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
}

export function readJudgmentFile(bytes: Uint8Array, overrides: Partial<Limits> = {}): JudgmentFileResult {
  const limits = resolveLimits(overrides);
  const decoded = decodeUpload(bytes, limits);
  if (!decoded.ok) return fatal(decoded.error.message);
  const source = items(decoded.text, limits);
  if ("error" in source) return fatal(source.error);
  const errors = createErrorCollector(limits.maxErrors);
  const rows: JudgmentRow[] = [];
  let format: JudgmentFormat | null = null;
  let count = 0;
  for (const item of source.items) {
    if (++count > limits.maxRows) {
      errors.add({ message: `the file has more than ${limits.maxRows.toLocaleString("en-US")} rows, the limit` });
      break;
    }
    if ("error" in item) {
      errors.add(item.error);
      continue;
    }
    if (format === null) {
      const fields = fieldsOf(item.value);
      if (!isJudgmentFields(fields)) return fatal(`row ${item.row} is not a human judgment (fields found: ${fields.join(", ") || "(none)"}); ${EXPECTED}`);
      format = judgmentFormat(fields);
    }
    const parsed = parseJudgmentRow(item.row, item.value, format, limits.maxFieldChars);
    if (parsed.ok) rows.push(parsed.value);
    else parsed.errors.forEach(errors.add);
  }
  if (errors.count > 0) return { ok: false, errors: errors.errors, errorCount: errors.count };
  if (format === null) return fatal("the file has no rows");
  return { ok: true, format, rows };
}
