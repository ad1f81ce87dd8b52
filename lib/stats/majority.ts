// Per-prompt majority outcome from vote counts, for "prompts won" style summaries.
// Deliberately conservative: a prompt only counts as a win when one side clearly leads. Its SQL twin is
// majoritySql (lib/data/results/scope.ts); tests/rule-twins.int.test.ts holds them equal.

import { assertTally, type PromptCounts } from "./tally";

export type MajorityOutcome = "A" | "B" | "tie";

/**
 * Rule: non-decisive votes (ties + "both bad") form one "tie" bloc. The prompt goes to A or B
 * only when that side has strictly more votes than both the other side and the tie bloc;
 * otherwise (A = B, or the tie bloc is at least as large as the leader) it is a tie.
 * Returns null for a prompt without votes.
 */
export function majorityOutcome(c: PromptCounts): MajorityOutcome | null {
  assertTally(c);
  const tieBloc = c.ties + (c.bothBad ?? 0);
  if (c.winsA + c.winsB + tieBloc === 0) return null;
  if (c.winsA === c.winsB) return "tie";
  const leader = Math.max(c.winsA, c.winsB);
  if (tieBloc >= leader) return "tie";
  return c.winsA > c.winsB ? "A" : "B";
}

export interface MajorityCounts {
  A: number;
  B: number;
  tie: number;
  /** Prompts with no votes at all. */
  empty: number;
}

/** Counts how many prompts each outcome took. */
export function countMajorities(prompts: readonly PromptCounts[]): MajorityCounts {
  const result: MajorityCounts = { A: 0, B: 0, tie: 0, empty: 0 };
  for (const prompt of prompts) {
    const outcome = majorityOutcome(prompt);
    if (outcome === null) result.empty++;
    else result[outcome]++;
  }
  return result;
}
