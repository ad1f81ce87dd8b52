// Flags outputs that reveal their author ("I'm Alpaca, a model fine-tuned from LLaMA", "As an AI
// developed by OpenAI…"): a rater who sees that is no longer blind. Flags are for admin review.
//
// What counts, chosen to catch real leaks without drowning the admin in noise:
// - Self-references naming a model or vendor: "I am X", "I'm X", "my name is X", "as X, I…",
//   "I was / as an AI … developed|created|trained|built|fine-tuned by V", and "trained by V", where X
//   and V come from known-models.ts plus every model name in the store. A name alone is not enough:
//   alpaca, llama, falcon, mistral, gemini and claude are ordinary words too.
// - Generic self-disclosures from a phrase list ("as an AI language model"; LEAK_PHRASES replaces it).
// - Not when the instruction names the same model or phrase ("Pretend you are ChatGPT"): an echo. In a
//   conversation, every user turn and the system prompt count as the instruction.
// - In a conversation every assistant turn is screened, not only the last: a rater reads them all.
// Names match case-insensitively; inside a name, spaces, "-" and "_" are interchangeable and optional,
// so "gpt-4" also finds "GPT 4" and "GPT4"; "'" also matches "’". Whole words, except after a trailing
// digit ("gpt-4" finds "gpt-4o"). Names and phrases shorter than 3 characters are ignored.

import { KNOWN_MODEL_NAMES, KNOWN_VENDORS } from "./known-models";
import { buildLeakScreen } from "./self-reference";
import type { IdentityLeak, OutputRecord } from "./types";

export const DEFAULT_LEAK_PHRASES: readonly string[] = Object.freeze([
  "as an ai language model",
  "as a large language model",
  "i am an ai language model",
  "i'm an ai language model",
  "i am an ai",
]);

const EXCERPT_CONTEXT = 40;

export type LeakScreenOptions = { phrases?: readonly string[]; modelNames?: readonly string[] };

/**
 * Screens each output once (each turn of a conversation), reporting its first self-reference. The names
 * looked for are the well-known ones, the upload's own models and `modelNames` (the store's); `phrases` replaces the generic list.
 */
export function findIdentityLeaks(records: readonly OutputRecord[], options: LeakScreenOptions = {}): IdentityLeak[] {
  const uploaded = records.map((r) => r.model);
  const screen = buildLeakScreen({
    phrases: options.phrases ?? DEFAULT_LEAK_PHRASES,
    names: [...KNOWN_MODEL_NAMES, ...(options.modelNames ?? []), ...new Set(uploaded)],
    vendors: KNOWN_VENDORS,
  });
  const leaks: IdentityLeak[] = [];
  for (const record of records) {
    const prompt = record.userTurns.length ? record.userTurns : [record.instruction, record.input];
    const context = [record.system ?? "", ...prompt].filter(Boolean).join("\n\n");
    const texts = record.turns.length ? record.turns : [record.output];
    for (const [index, text] of texts.entries()) {
      const found = screen(text, context);
      if (!found) continue;
      const excerpt = excerptAround(text, found.index, found.length);
      const leak: IdentityLeak = { row: record.row, model: record.model, promptKey: record.promptKey, phrase: found.phrase, excerpt };
      leaks.push(record.turns.length ? { ...leak, turn: index + 1 } : leak);
      break;
    }
  }
  return leaks;
}

/** About 40 characters (or `context`) either side of the match, on one line, with "…" where cut. */
export function excerptAround(text: string, index: number, length: number, context = EXCERPT_CONTEXT): string {
  const start = Math.max(0, index - context);
  const end = Math.min(text.length, index + length + context);
  const body = text.slice(start, end).replace(/\s+/g, " ").trim();
  return `${start > 0 ? "…" : ""}${body}${end < text.length ? "…" : ""}`;
}
