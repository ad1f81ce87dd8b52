// The text key that identifies "the same prompt" across uploads and formats. Shared with the
// database layer, so changing it changes which stored prompts match: treat it as a format.
//
// Matching policy for the DB layer:
// - A record with an externalId (an explicit id from the file) is matched by that id first,
//   when a stored prompt carries the same id: an id survives typo fixes in the text.
// - Otherwise (no id, or no stored prompt with it) match by promptKey. This is what lets an
//   AlpacaEval file (no ids, input folded into the instruction) meet a Self-Instruct prompt set.
// - promptKey can be long (instruction + input); index a hash of it (e.g. sha256Hex from
//   ./sha256), not the text, because PostgreSQL B-tree entries are capped at ~2.7 kB.

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

/** Prompt.textHash: sha256 of promptKey, the fixed-size, indexable stand-in the database matches prompts by. */
export function promptTextHash(instruction: string, input: string): string {
  return sha256Hex(promptKey(instruction, input));
}
