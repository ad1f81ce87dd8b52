// The key of a conversation's prompt: its user turns, each normalized as a single prompt is, in order.
// A one-turn conversation gets exactly the key of the same single instruction (promptKey), so it meets
// an Alpaca or AlpacaEval prompt with that text. The system prompt is not part of the key: it belongs to
// the prompt, and the same user turns under another system prompt are the same prompt, told apart by
// the import (a conflict), never silently by a different key.

import { promptKey } from "./prompt-key";
import { sha256Hex } from "./sha256";

// Between turns: NUL, which no uploaded text can hold, so a two-turn key never equals a single
// instruction's. The same rule as the ingest branch's prompt-key.ts (one of the two goes at merge).
const TURN_SEPARATOR = "\u0000";

export function conversationKey(userTurns: readonly string[]): string {
  return userTurns.map((turn) => promptKey(turn)).join(TURN_SEPARATOR);
}

/** Prompt.textHash of a conversation: sha256 of its key (the hash of the single prompt for one turn). */
export function conversationTextHash(userTurns: readonly string[]): string {
  return sha256Hex(conversationKey(userTurns));
}
