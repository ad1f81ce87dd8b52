// One row of a human-judgment file: MT-Bench's expert and author votes (lmsys/mt_bench_human_judgments)
// or Chatbot Arena's battles (lmsys/chatbot_arena_conversations). Both give question_id, model_a, model_b,
// winner, judge, turn and each model's conversation as OpenAI-style messages. Pure: no database.
//
// What a row judges: MT-Bench judges one assistant turn (turn 1 or 2, its conversations may carry the
// later turns too); Arena judges the whole conversation (its "turn" counts the turns), our turn 0.

import type { IngestError } from "./ingest-error";
import { cleanText, typeName } from "./text-fields";
import { MODEL_NAME_MAX_CHARS } from "../validation/upload";
import { UNSAFE_NAME_CHARS } from "../validation/names";

export type JudgmentFormat = "mt_bench_human_judgments" | "chatbot_arena_conversations";

/** Arena's "tie (bothbad)" is kept apart from a plain tie; agreement counts both as a tie (as FastChat does). */
export const JUDGMENT_WINNERS = ["model_a", "model_b", "tie", "tie (bothbad)"] as const;
export type JudgmentWinner = (typeof JUDGMENT_WINNERS)[number];

export type Conversation = { system: string | null; userTurns: string[]; assistantTurns: string[] };

export type JudgmentRow = {
  row: number;
  questionId: string;
  modelA: string;
  modelB: string;
  winner: JudgmentWinner;
  /** "expert_0", "author_2", an Arena user id; a list (["gpt-4", "pair-v2"]) is joined with "/". */
  judge: string;
  /** The assistant turn judged (1-based), or 0 for the whole conversation. */
  turn: number;
  conversationA: Conversation;
  conversationB: Conversation;
};

export type JudgmentRowResult = { ok: true; value: JudgmentRow } | { ok: false; errors: IngestError[] };

const REQUIRED = ["question_id", "model_a", "model_b", "winner", "conversation_a", "conversation_b"] as const;

/** Whether a row's field names are those of a human-judgment file. */
export function isJudgmentFields(fields: readonly string[]): boolean {
  return REQUIRED.every((f) => fields.includes(f));
}

/** Arena's battles carry their own metadata (anony, language, tstamp); MT-Bench's rows do not. */
export function judgmentFormat(fields: readonly string[]): JudgmentFormat {
  return ["anony", "language", "tstamp"].some((f) => fields.includes(f)) ? "chatbot_arena_conversations" : "mt_bench_human_judgments";
}

type Collect = (field: string, message: string) => void;

function text(value: unknown, field: string, maxChars: number, fail: Collect, allowEmpty = false): string | null {
  if (typeof value !== "string") {
    fail(field, value === undefined ? `${field} is missing` : `${field} must be text, got ${typeName(value)}`);
    return null;
  }
  if (value.length > maxChars) {
    fail(field, `${field} is too long (${value.length.toLocaleString("en-US")} characters; the limit is ${maxChars.toLocaleString("en-US")})`);
    return null;
  }
  if (value.includes("\u0000")) return fail(field, `${field} contains a NUL character`), null;
  const cleaned = cleanText(value);
  if (!allowEmpty && cleaned === "") return fail(field, `${field} is empty`), null;
  return cleaned;
}

function modelName(value: unknown, field: string, fail: Collect): string | null {
  const name = text(value, field, MODEL_NAME_MAX_CHARS, fail);
  if (name !== null && UNSAFE_NAME_CHARS.test(name)) return fail(field, `${field} must not contain control or text-direction characters`), null;
  return name;
}

function questionId(value: unknown, maxChars: number, fail: Collect): string | null {
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  if (typeof value === "string") return text(value, "question_id", maxChars, fail);
  fail("question_id", value === undefined ? "question_id is missing" : `question_id must be text or a whole number, got ${typeName(value)}`);
  return null;
}

function judgeName(value: unknown, maxChars: number, fail: Collect): string | null {
  if (Array.isArray(value) && value.length > 0 && value.every((part) => typeof part === "string")) {
    return text(value.join("/"), "judge", maxChars, fail);
  }
  return text(value, "judge", maxChars, fail);
}

const ROLE_ORDER = "a conversation is an optional system message, then user and assistant messages in turn, ending with the assistant";

/** OpenAI-style messages to turns, with the message's place in each error ("conversation_a[2].role"). */
export function parseConversation(value: unknown, field: string, maxChars: number, fail: Collect): Conversation | null {
  if (!Array.isArray(value)) {
    fail(field, value === undefined ? `${field} is missing` : `${field} must be a list of messages, got ${typeName(value)}`);
    return null;
  }
  const conversation: Conversation = { system: null, userTurns: [], assistantTurns: [] };
  let expected: "user" | "assistant" = "user";
  for (const [i, message] of (value as unknown[]).entries()) {
    const at = `${field}[${i}]`;
    if (typeof message !== "object" || message === null || Array.isArray(message)) {
      return fail(at, `${at} must be a message object, got ${typeName(message)}`), null;
    }
    const { role, content } = message as Record<string, unknown>;
    const body = text(content, `${at}.content`, maxChars, fail, role === "assistant");
    if (body === null) return null;
    if (role === "system" && i === 0) {
      conversation.system = body;
      continue;
    }
    if (role !== "user" && role !== "assistant" && role !== "system") {
      return fail(`${at}.role`, `${at}.role must be "system", "user" or "assistant", got ${typeof role === "string" ? `"${role}"` : typeName(role)}`), null;
    }
    if (role !== expected) return fail(`${at}.role`, `${at}.role is "${role}" where "${expected}" belongs (${ROLE_ORDER})`), null;
    (role === "user" ? conversation.userTurns : conversation.assistantTurns).push(body);
    expected = role === "user" ? "assistant" : "user";
  }
  if (conversation.userTurns.length === 0 || expected === "assistant") {
    fail(field, conversation.userTurns.length === 0 ? `${field} has no user message` : `${field} ends on a user message (${ROLE_ORDER})`);
    return null;
  }
  return conversation;
}

function judgedTurn(value: unknown, format: JudgmentFormat, a: Conversation | null, b: Conversation | null, fail: Collect): number | null {
  if (format === "chatbot_arena_conversations") return 0;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    fail("turn", value === undefined ? "turn is missing" : `turn must be a whole number from 1, got ${typeof value === "number" ? value : typeName(value)}`);
    return null;
  }
  const turns = Math.min(a?.assistantTurns.length ?? Infinity, b?.assistantTurns.length ?? Infinity);
  if (value > turns) return fail("turn", `turn is ${value} but the conversations have ${turns} assistant turn${turns === 1 ? "" : "s"}`), null;
  return value;
}

const sameTurns = (x: readonly string[], y: readonly string[]) => x.every((t, i) => i >= y.length || t === y[i]);

/** Validates one row; every problem of the row is reported, each naming its field. */
export function parseJudgmentRow(row: number, value: unknown, format: JudgmentFormat, maxChars: number): JudgmentRowResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, errors: [{ row, message: `expected an object, got ${typeName(value)}` }] };
  }
  const errors: IngestError[] = [];
  const fail: Collect = (field, message) => void errors.push({ row, field, message });
  const r = value as Record<string, unknown>;
  const id = questionId(r.question_id, maxChars, fail);
  const modelA = modelName(r.model_a, "model_a", fail);
  const modelB = modelName(r.model_b, "model_b", fail);
  if (modelA !== null && modelA === modelB) fail("model_b", `model_a and model_b are the same model ("${modelA}")`);
  const winner = JUDGMENT_WINNERS.find((w) => w === r.winner);
  if (winner === undefined) fail("winner", `winner must be one of ${JUDGMENT_WINNERS.map((w) => `"${w}"`).join(", ")}, got ${typeof r.winner === "string" ? `"${r.winner}"` : typeName(r.winner)}`);
  const judge = judgeName(r.judge, MODEL_NAME_MAX_CHARS, fail);
  const conversationA = parseConversation(r.conversation_a, "conversation_a", maxChars, fail);
  const conversationB = parseConversation(r.conversation_b, "conversation_b", maxChars, fail);
  // Both models answered the same prompt: the user turns they share, and the system prompt, must match.
  if (conversationA && conversationB && (!sameTurns(conversationA.userTurns, conversationB.userTurns) || conversationA.system !== conversationB.system)) {
    fail("conversation_b", "conversation_a and conversation_b are not the same prompt (their user turns or system prompts differ)");
  }
  const turn = judgedTurn(r.turn, format, conversationA, conversationB, fail);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      row, questionId: id!, modelA: modelA!, modelB: modelB!, winner: winner!, judge: judge!, turn: turn!,
      conversationA: conversationA!, conversationB: conversationB!,
    },
  };
}
