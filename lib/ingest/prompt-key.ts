// The text key that identifies "the same prompt" across uploads and formats. Shared with the
// database layer, so changing it changes which stored prompts match: treat it as a format.
//
// Matching policy for the DB layer:
// - A record with an externalId (an explicit id from the file: `id`, MT-Bench's `question_id`) is
//   matched by that id first, when a stored prompt carries the same id: an id survives typo fixes in
//   the text. Ids are not namespaced by format, so a chat file's "id": 81 meets MT-Bench question 81.
// - Otherwise (no id, or no stored prompt with it) match by promptKey. This is what lets an
//   AlpacaEval file (no ids, input folded into the instruction) meet a Self-Instruct prompt set.
// - promptKey can be long (instruction + input); index a hash of it (e.g. sha256Hex from
//   ./sha256), not the text, because PostgreSQL B-tree entries are capped at ~2.7 kB.
//
// Conversations (issue 21): the key covers every user turn and only the user turns. A system
// prompt is part of the prompt but not of its key: the same user turns under another system prompt
// are refused as a row error (never matched, never overwritten), because one stored prompt holds one
// system prompt that every model's answer shares. A one-turn conversation without a system prompt
// is a single instruction: same key, and stored as one (Prompt.userTurns [] and Output.turns []).

import { sha256Hex } from "./sha256";

/**
 * Whitespace-insensitive form of a text: CRLF/CR to LF, Unicode NFC, then every run of
 * whitespace (spaces, tabs, newlines, NBSP…) to one space, trimmed. Case and punctuation
 * are kept: "Explain X." and "explain x" are different prompts.
 */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, "\n").normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * Key of a prompt. The input is appended the way AlpacaEval folds it (instruction + "\n\n" +
 * input), so { instruction: "A", input: "B" } and { instruction: "A\n\nB" } get the same key.
 * Because whitespace collapses, the "\n\n" joiner ends up as one space.
 */
export function promptKey(instruction: string, input = ""): string {
  const hasInput = input.trim() !== "";
  return normalizeText(hasInput ? `${instruction}\n\n${input}` : instruction);
}

// Between turns: NUL, which no uploaded text can hold (text-fields.ts refuses it), so a two-turn
// key can never equal a single instruction's, whatever its text.
const TURN_SEPARATOR = "\u0000";

/** Key of a conversation's user turns; one turn is keyed exactly like the same single instruction. */
export function conversationKey(userTurns: readonly string[]): string {
  if (userTurns.length === 0) throw new RangeError("a conversation has at least one user turn");
  return userTurns.map((turn) => promptKey(turn)).join(TURN_SEPARATOR);
}

/** Prompt.textHash of a key: its sha256, the fixed-size, indexable stand-in the database matches prompts by. */
export function keyTextHash(key: string): string {
  return sha256Hex(key);
}

/** Prompt.textHash of a single instruction (with its input). */
export function promptTextHash(instruction: string, input: string): string {
  return keyTextHash(promptKey(instruction, input));
}

/** Prompt.textHash of a conversation's user turns. */
export function conversationTextHash(userTurns: readonly string[]): string {
  return keyTextHash(conversationKey(userTurns));
}
