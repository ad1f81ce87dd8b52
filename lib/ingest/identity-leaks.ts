// Flags outputs that name their author ("As an AI language model developed by OpenAI…"):
// a rater who sees that is no longer blind. Flags are for admin review, not upload errors.
//
// Matching rules, chosen to catch real leaks without drowning the admin in noise:
// - Case-insensitive; inside a phrase, spaces, "-" and "_" are interchangeable and optional,
//   so "gpt-4" also finds "GPT 4" and "GPT4", and the model "text_davinci_003" finds "text-davinci-003".
// - "'" also matches the typographic "’" ("I’m ChatGPT").
// - Whole words: no letter or digit may come right before the phrase, nor right after it,
//   so the model "alpaca" does NOT flag "alpacas" (animals come up in ordinary answers).
// - Except after a trailing digit: "gpt-4" flags "gpt-4o" and "gpt-3" flags "gpt-35-turbo",
//   because version suffixes still name the model family.
// - Phrases shorter than 3 characters are ignored: a model called "v1" would flag everything.

import type { IdentityLeak, OutputRecord } from "./types";

export const DEFAULT_LEAK_PHRASES: readonly string[] = Object.freeze([
  "as an ai language model",
  "i am an ai",
  "developed by openai",
  "trained by openai",
  "created by openai",
  "i'm chatgpt",
  "i am chatgpt",
  "i am claude",
  "anthropic",
  "gpt-4",
  "gpt-3",
  "openai",
]);

export type LeakMatch = { phrase: string; index: number; length: number };
export type LeakMatcher = (text: string) => LeakMatch | null;

const EXCERPT_CONTEXT = 40;

/** One regular expression for all phrases, so each output is scanned once. */
export function buildLeakMatcher(phrases: readonly string[]): LeakMatcher {
  const cleaned = [...new Set(phrases.map((p) => p.trim().toLowerCase()).filter((p) => p.length >= 3))];
  // Longest first, so "developed by openai" is reported rather than the "openai" inside it.
  cleaned.sort((a, b) => b.length - a.length);
  if (cleaned.length === 0) return () => null;
  const alternatives = cleaned.map((phrase) => `(${phrasePattern(phrase)})`);
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})`, "iu");
  return (text) => {
    const match = regex.exec(text);
    if (!match) return null;
    const group = match.findIndex((value, i) => i > 0 && value !== undefined);
    return { phrase: cleaned[group - 1] ?? match[0], index: match.index, length: match[0].length };
  };
}

function phrasePattern(phrase: string): string {
  const words = phrase.split(/[\s_-]+/).filter(Boolean);
  const body = words.map((word) => escapeRegExp(word).replace(/['’]/g, "['’]")).join("[\\s_-]*");
  return /\p{N}$/u.test(phrase) ? body : `${body}(?![\\p{L}\\p{N}])`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Screens each output once, reporting its first match; model names in the upload are added. */
export function findIdentityLeaks(
  records: readonly OutputRecord[],
  phrases: readonly string[] = DEFAULT_LEAK_PHRASES,
): IdentityLeak[] {
  const models = new Set(records.map((r) => r.model));
  const match = buildLeakMatcher([...phrases, ...models]);
  const leaks: IdentityLeak[] = [];
  for (const record of records) {
    const found = match(record.output);
    if (!found) continue;
    const excerpt = excerptAround(record.output, found.index, found.length);
    leaks.push({ row: record.row, model: record.model, promptKey: record.promptKey, phrase: found.phrase, excerpt });
  }
  return leaks;
}

/** About 40 characters either side of the match, on one line, with "…" where cut. */
export function excerptAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - EXCERPT_CONTEXT);
  const end = Math.min(text.length, index + length + EXCERPT_CONTEXT);
  const body = text.slice(start, end).replace(/\s+/g, " ").trim();
  return `${start > 0 ? "…" : ""}${body}${end < text.length ? "…" : ""}`;
}
