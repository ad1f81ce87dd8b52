// The two-model rule of adaptive votes: a prompt's pair stops getting votes once its majority over the
// planned k votes can no longer change. Votes are counted exactly as lib/stats/majority.ts counts them.

import { majorityOutcome, type MajorityOutcome } from "@/lib/stats/majority";
import { assertTally, tallyTotal, type PromptCounts } from "@/lib/stats/tally";

export type PairStatus = "open" | "decided" | "full";

export interface PairMajority {
  /** open: still needs votes; decided: its majority is settled before k votes; full: it has k votes. */
  status: PairStatus;
  /** The prompt's majority when not open (the majority k votes would give); null while open. */
  outcome: MajorityOutcome | null;
}

/**
 * Whether the remaining k - n votes could still change the pair's majority, by trying every way they
 * could fall (A, B or the tie bloc; "both bad" joins the tie bloc as in majorityOutcome). Since the
 * settled outcome is the one the full k votes would give, stopping early leaves each prompt's majority,
 * and so the prompt-level win rate, exactly what it would have been.
 */
export function pairMajority(votes: PromptCounts, k: number): PairMajority {
  assertTally(votes);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const n = tallyTotal(votes);
  if (n >= k) return { status: "full", outcome: majorityOutcome(votes) };
  if (n === 0) return { status: "open", outcome: null };
  const remaining = k - n;
  const ties = votes.ties + (votes.bothBad ?? 0);
  let settled: MajorityOutcome | null | undefined;
  for (let a = 0; a <= remaining; a++) {
    for (let b = 0; a + b <= remaining; b++) {
      const outcome = majorityOutcome({ winsA: votes.winsA + a, winsB: votes.winsB + b, ties: ties + remaining - a - b });
      if (settled === undefined) settled = outcome;
      else if (outcome !== settled) return { status: "open", outcome: null };
    }
  }
  return { status: "decided", outcome: settled ?? null };
}

/** A prompt's majority as a score for its win rate: A 1, tie 1/2, B 0. */
export function majorityScore(outcome: MajorityOutcome): number {
  return outcome === "A" ? 1 : outcome === "B" ? 0 : 0.5;
}

/**
 * The majority scores of the longest run of closed (decided or full) pairs at the start of `ordered`,
 * the prompts in an order fixed before any vote (e.g. a random key drawn when the study opens). Reading
 * only that prefix keeps the confidence sequence's observations independent draws in a fixed order:
 * taking prompts as they close would put the quickly agreed ones first.
 */
export function closedPrefixScores(ordered: readonly PromptCounts[], k: number): number[] {
  const scores: number[] = [];
  for (const votes of ordered) {
    const m = pairMajority(votes, k);
    if (m.status === "open" || m.outcome === null) break;
    scores.push(majorityScore(m.outcome));
  }
  return scores;
}
