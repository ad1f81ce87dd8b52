// Which export formats can carry a conversation study: AlpacaEval's annotations hold one instruction and
// two answers, so a conversation's later turns (or a system prompt) have no place in them.
import type { ExportFormat } from "./types";

export type FormatRefusal = { code: "format_not_for_conversations"; message: string };

/** Null when the format can hold the study's votes; else why not, naming the formats that can. */
export function conversationRefusal(format: ExportFormat, hasConversations: boolean): FormatRefusal | null {
  if (format !== "alpaca_eval" || !hasConversations) return null;
  return {
    code: "format_not_for_conversations",
    message: "AlpacaEval's format holds one instruction and two answers, and this study judges conversations: " +
      "export format=jsonl (each side's messages) or format=battles (Chatbot Arena's conversation format).",
  };
}
