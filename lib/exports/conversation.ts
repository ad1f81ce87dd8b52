// A conversation pair's messages in the exports (issue 21): the system prompt if any, the user turns and
// one model's assistant turns, up to the judged turn (turn 0: the whole conversation). Pure.
import type { ExportConversation, ExportVote } from "./types";

export type Message = { role: "system" | "user" | "assistant"; content: string };

/** How many user turns the pair's raters saw: the judged turn, or every turn for the whole conversation. */
export function turnsShown(c: ExportConversation, turn: number): number {
  return turn === 0 ? c.userTurns.length : Math.min(turn, c.userTurns.length);
}

/** One model's side: its assistant turns (the pair's output A or B), alternating with the user turns. */
export function conversationMessages(c: ExportConversation, side: "A" | "B", turn: number, withSystem: boolean): Message[] {
  const answers = side === "A" ? c.turnsA : c.turnsB;
  const messages: Message[] = withSystem && c.system ? [{ role: "system", content: c.system }] : [];
  for (let i = 0; i < turnsShown(c, turn); i++) {
    messages.push({ role: "user", content: c.userTurns[i] ?? "" }, { role: "assistant", content: answers[i] ?? "" });
  }
  return messages;
}

/** The JSONL fields of a conversation pair: the judged turn and each model's messages (model_a's: output A). */
export function conversationJson(v: ExportVote) {
  if (!v.conversation) return {};
  const turn = v.turn ?? 0;
  return {
    turn,
    messages_a: conversationMessages(v.conversation, "A", turn, true),
    messages_b: conversationMessages(v.conversation, "B", turn, true),
  };
}
