// A human-judgment file uploaded as outputs: each distinct (question_id, model) conversation becomes
// that model's output for the question's prompt (its user turns and system prompt), its assistant turns
// the output's turns. Rows repeat a conversation (one per judge and turn): the copies must agree turn
// by turn where both have it (an MT-Bench turn-1 row may stop after turn 1), the longest is kept.

import { conversationKey } from "./prompt-key";
import { createErrorCollector, type IngestError } from "./ingest-error";
import { parseJudgmentRow, type Conversation, type JudgmentFormat } from "./human-judgments";
import type { Limits } from "./limits";
import type { RowProcessor } from "./row-processor";
import type { OutputRecord } from "./types";

/** A conversation's prompt and answer as the import stores them (Prompt.userTurns/system, Output.turns). */
export type ConversationOutputRecord = OutputRecord & { userTurns: string[]; system: string | null; turns: string[] };

type Seen = { row: number; conversation: Conversation };

/** The first turn where two turn lists differ (1-based), or 0 when one is the start of the other. */
function firstDifference(x: readonly string[], y: readonly string[]): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return i + 1;
  return 0;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export type JudgmentProcessorOptions = { format: JudgmentFormat; limits: Pick<Limits, "maxRows" | "maxErrors" | "maxFieldChars">; allowEmptyOutputs: boolean };

export function createJudgmentProcessor(options: JudgmentProcessorOptions): RowProcessor {
  const { format, limits } = options;
  const errors = createErrorCollector(limits.maxErrors);
  const questions = new Map<string, Seen>();
  const outputs = new Map<string, Seen & { questionId: string; model: string }>();
  let rows = 0;

  function acceptQuestion(row: number, questionId: string, conversation: Conversation, field: string): boolean {
    const seen = questions.get(questionId);
    if (!seen) return questions.set(questionId, { row, conversation }), true;
    const turn = firstDifference(seen.conversation.userTurns, conversation.userTurns);
    if (turn > 0 || seen.conversation.system !== conversation.system) {
      const what = turn > 0 ? `user turn ${turn}` : "the system prompt";
      errors.add({ row, field, message: `question ${questionId} differs from row ${seen.row} (${what})` });
      return false;
    }
    if (conversation.userTurns.length > seen.conversation.userTurns.length) seen.conversation = conversation;
    return true;
  }

  function acceptOutput(row: number, questionId: string, model: string, conversation: Conversation, field: string) {
    if (!acceptQuestion(row, questionId, conversation, field)) return;
    const key = `${questionId}\u0000${model}`;
    const seen = outputs.get(key);
    if (!seen) return void outputs.set(key, { row, conversation, questionId, model });
    const turn = firstDifference(seen.conversation.assistantTurns, conversation.assistantTurns);
    if (turn > 0) {
      errors.add({ row, field, message: `model "${model}"'s conversation on question ${questionId} differs from row ${seen.row}'s (assistant turn ${turn})` });
    } else if (conversation.assistantTurns.length > seen.conversation.assistantTurns.length) {
      seen.conversation = conversation;
    }
  }

  return {
    push(item) {
      if (++rows > limits.maxRows) {
        errors.add({ message: `the file has more than ${limits.maxRows.toLocaleString("en-US")} rows, the limit` });
        return false;
      }
      if ("error" in item) return errors.add(item.error), true;
      const parsed = parseJudgmentRow(item.row, item.value, format, limits.maxFieldChars);
      if (!parsed.ok) return parsed.errors.forEach(errors.add), true;
      const r = parsed.value;
      acceptOutput(r.row, r.questionId, r.modelA, r.conversationA, "conversation_a");
      acceptOutput(r.row, r.questionId, r.modelB, r.conversationB, "conversation_b");
      return true;
    },
    fail: errors.add,
    finish() {
      const records = errors.count === 0 ? toRecords() : [];
      if (errors.count > 0) return { ok: false, errors: errors.errors, errorCount: errors.count };
      if (records.length === 0) return { ok: false, errors: [{ message: "the file has no rows" }], errorCount: 1 };
      return { ok: true, kind: "outputs", records };
    },
  };

  function toRecords(): ConversationOutputRecord[] {
    const records: ConversationOutputRecord[] = [];
    // One answer per (model, prompt): two question ids with the same user turns would be one prompt.
    const byText = new Map<string, { row: number; questionId: string }>();
    const sorted = [...outputs.values()].sort((x, y) => x.row - y.row);
    for (const o of sorted) {
      const question = questions.get(o.questionId)!.conversation;
      const problem = checkOutput(o.row, o.model, o.questionId, question, o.conversation);
      if (problem) {
        errors.add(problem);
        continue;
      }
      const key = conversationKey(question.userTurns);
      const earlier = byText.get(`${o.model}\u0000${key}`);
      if (earlier && earlier.questionId !== o.questionId) {
        errors.add({ row: o.row, message: `rows ${earlier.row} and ${o.row} give model "${o.model}" two answers to the same conversation (questions ${earlier.questionId} and ${o.questionId})` });
        continue;
      }
      byText.set(`${o.model}\u0000${key}`, { row: o.row, questionId: o.questionId });
      const turns = o.conversation.assistantTurns.slice(0, question.userTurns.length);
      // A one-turn conversation without a system prompt is stored as the single instruction it is.
      const single = question.userTurns.length === 1 && question.system === null;
      records.push({
        row: o.row, model: o.model, instruction: question.userTurns[0]!, input: "", output: turns.at(-1)!, category: null,
        externalId: o.questionId, promptKey: key, userTurns: single ? [] : question.userTurns, system: question.system, turns: single ? [] : turns,
        promptById: false,
      });
    }
    return records;
  }

  function checkOutput(row: number, model: string, questionId: string, question: Conversation, own: Conversation): IngestError | null {
    const needed = question.userTurns.length;
    if (own.assistantTurns.length < needed) {
      return { row, message: `model "${model}"'s conversation on question ${questionId} has ${plural(own.assistantTurns.length, "assistant turn")} but the question has ${plural(needed, "user turn")}` };
    }
    const empty = own.assistantTurns.slice(0, needed).findIndex((t) => t === "");
    if (empty >= 0 && !options.allowEmptyOutputs) {
      return { row, message: `model "${model}"'s assistant turn ${empty + 1} on question ${questionId} is empty` };
    }
    return null;
  }
}
