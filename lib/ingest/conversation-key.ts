// The key of a conversation's prompt: its user turns, each normalized as a single prompt is, in order.
// A one-turn conversation gets exactly the key of the same single instruction (promptKey), so it meets
// an Alpaca or AlpacaEval prompt with that text. The system prompt is not part of the key: it belongs to
// the prompt, and the same user turns under another system prompt are the same prompt, told apart by
// the import (a conflict), never silently by a different key.

import { normalizeText, promptKey } from "./prompt-key";
import { sha256Hex } from "./sha256";

/**
 * Normalized text never holds a newline (whitespace runs become one space), so joining the turns with
 * "\n" cannot make two different turn lists collide, nor a two-turn conversation meet a single prompt.
 */
export function conversationKey(userTurns: readonly string[]): string {
  if (userTurns.length === 1) return promptKey(userTurns[0] as string);
  return userTurns.map(normalizeText).join("\n");
}

/** Prompt.textHash of a conversation: sha256 of its key (the hash of the single prompt for one turn). */
export function conversationTextHash(userTurns: readonly string[]): string {
  return sha256Hex(conversationKey(userTurns));
}
