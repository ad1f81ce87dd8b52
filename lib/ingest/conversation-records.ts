// Converters for the conversation formats: a validated row becomes an OutputRecord or PromptRecord,
// a one-turn conversation without a system prompt becoming a single instruction (prompt-key.ts).

import type { z } from "zod";
import { createMessagesReader, type Conversation, type MessagesOptions } from "./chat-messages";
import type { IngestError } from "./ingest-error";
import { conversationKey } from "./prompt-key";
import type { AnswerRow, ChatRow, QuestionRow } from "./conversation-rows";
import { settleModel, zodErrors, type Converter } from "./to-record";
import type { OutputRecord, PromptRecord } from "./types";

/** The prompt fields of a conversation's user turns and system prompt. */
export function conversationPrompt(userTurns: string[], system: string | null) {
  const single = userTurns.length === 1 && system === null;
  return {
    instruction: userTurns[0] ?? "",
    input: "",
    promptKey: conversationKey(userTurns),
    userTurns: single ? [] : userTurns,
    system,
  };
}

/** The output fields of the model's assistant turns: `output` is the last, `turns` all of them (none for a single answer). */
export function conversationOutput(assistantTurns: string[], single: boolean): { output: string; turns: string[] } {
  return { output: assistantTurns[assistantTurns.length - 1] ?? "", turns: single ? [] : assistantTurns };
}

// "turns[1] is empty" rather than "turn is empty": the row error names the place in the file.
function rowErrors(row: number, error: z.ZodError): IngestError[] {
  return zodErrors(row, error, "output").map((e) => (e.field && /^turn\b/.test(e.message) ? { ...e, message: e.message.replace(/^turn\b/, e.field) } : e));
}

export function chatConverter(schema: z.ZodType<ChatRow>, options: MessagesOptions & { formModel?: string }): Converter<OutputRecord> {
  const readMessages = createMessagesReader(options);
  return (row, value) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return { ok: false, errors: rowErrors(row, parsed.error) };
    const { messages, model: fileModel, externalId, category } = parsed.data;
    const read = readMessages(messages);
    const model = settleModel(row, fileModel, options.formModel);
    if (!read.ok) return { ok: false, errors: read.errors.map((e) => ({ ...e, row })) };
    if (!model.ok) return model;
    return { ok: true, record: chatRecord(row, model.record, externalId, category, read.conversation) };
  };
}

function chatRecord(row: number, model: string, externalId: string | null, category: string | null, c: Conversation): OutputRecord {
  const prompt = conversationPrompt(c.userTurns, c.system);
  const single = prompt.userTurns.length === 0;
  return { row, model, category, externalId, ...prompt, ...conversationOutput(c.assistantTurns, single), promptById: false };
}

export function questionConverter(schema: z.ZodType<QuestionRow>): Converter<PromptRecord> {
  return (row, value) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return { ok: false, errors: rowErrors(row, parsed.error) };
    const { externalId, category, userTurns } = parsed.data;
    const record: PromptRecord = {
      row, model: null, output: null, turns: [], category, externalId, ...conversationPrompt(userTurns, null), promptById: false,
    };
    return { ok: true, record };
  };
}

/**
 * An answer carries no user turns: its prompt is found by question_id once the stored questions are
 * known (stored-questions.ts), which also decides whether its turns are kept (a conversation) or not.
 */
export function answerConverter(schema: z.ZodType<AnswerRow>, formModel?: string): Converter<OutputRecord> {
  return (row, value) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return { ok: false, errors: rowErrors(row, parsed.error) };
    const { externalId, model: fileModel, turns } = parsed.data;
    const model = settleModel(row, fileModel, formModel);
    if (!model.ok) return { ok: false, errors: model.errors.map((e) => ({ ...e, field: "model_id", message: e.message.replace('no "model" or "generator" value', 'no "model_id" value') })) };
    const record: OutputRecord = {
      row, model: model.record, instruction: "", input: "", promptKey: "", userTurns: [], system: null, category: null, externalId,
      output: turns[turns.length - 1] ?? "", turns, promptById: true,
    };
    return { ok: true, record };
  };
}
