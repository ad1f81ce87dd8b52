// MT-Bench answers carry no user turns, only question_id: once the stored prompts with those ids are
// read, each answer gets its prompt's turns (or a row error), and the leak screen runs again with them.

import { plural } from "./chat-messages";
import { findIdentityLeaks, type LeakScreenOptions } from "./identity-leaks";
import { createErrorCollector } from "./ingest-error";
import { conversationKey, promptKey } from "./prompt-key";
import type { OutputRecord, ParseResult, ParseSuccess } from "./types";

export type StoredQuestion = { instruction: string; input: string; userTurns: string[]; system: string | null };

/** The ids the database must be asked about: those of rows that name their prompt only by id. */
export function questionIdsNeeded(parsed: ParseSuccess): string[] {
  if (parsed.kind !== "outputs") return [];
  return [...new Set(parsed.records.flatMap((r) => (r.promptById && r.externalId !== null ? [r.externalId] : [])))];
}

/** A prompt's number of turns: a single instruction is a one-turn conversation. */
export function turnCount(prompt: { userTurns: readonly string[] }): number {
  return Math.max(prompt.userTurns.length, 1);
}

/**
 * Fills each id-only record from its stored prompt, by id. All-or-nothing like parsing: a missing
 * question or a turn count that differs from the question's is a row error and nothing is returned.
 */
export function attachStoredQuestions(
  parsed: ParseSuccess,
  stored: ReadonlyMap<string, StoredQuestion>,
  options: LeakScreenOptions & { maxErrors: number },
): ParseResult {
  if (parsed.kind !== "outputs" || !parsed.records.some((r) => r.promptById)) return parsed;
  const errors = createErrorCollector(options.maxErrors);
  const records = parsed.records.map((record) => {
    if (!record.promptById) return record;
    const id = record.externalId ?? "";
    const question = stored.get(id);
    if (question === undefined) {
      errors.add({ row: record.row, field: "question_id", message: `question ${id} is not uploaded; upload MT-Bench's question.jsonl first` });
      return record;
    }
    if (turnCount(question) !== record.turns.length) {
      const message = `question ${id} has ${plural(turnCount(question), "turn")} but this answer has ${record.turns.length}`;
      errors.add({ row: record.row, field: "choices[0].turns", message });
      return record;
    }
    return withQuestion(record, question);
  });
  if (errors.count > 0) return { ok: false, errors: errors.errors, errorCount: errors.count, format: parsed.format };
  const leaks = findIdentityLeaks(records, options);
  return { ...parsed, records, leaks };
}

function withQuestion(record: OutputRecord, question: StoredQuestion): OutputRecord {
  const conversation = question.userTurns.length > 0;
  return {
    ...record,
    instruction: question.instruction,
    input: question.input,
    userTurns: question.userTurns,
    system: question.system,
    promptKey: conversation ? conversationKey(question.userTurns) : promptKey(question.instruction, question.input),
    turns: conversation ? record.turns : [],
  };
}
