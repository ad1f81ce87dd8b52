// Which model pairs a prompt puts to raters when a study compares 3+ models: Chatbot Arena's active
// sampling rule (Chiang et al. 2024, section 5) turned into per-pair inclusion probabilities with a floor,
// or a rule aimed at the widest interval (each pair's share in proportion to its vote variance).

import { assertTally, tallyScore, tallyTotal, type Tally } from "@/lib/stats/tally";

/** A model pair's votes so far (SQL: GROUP BY model pair) and whether its comparison is decided. */
export interface ModelPairVotes extends Tally {
  decided?: boolean;
}

export interface PairSamplingOptions {
  /** Expected votes (sampled pairs) per prompt; at most the number of model pairs. */
  votesPerPrompt: number;
  /** Smallest inclusion probability any pair gets on any prompt, so every pair keeps coverage of every part of the prompt set. */
  floor: number;
  /** Decided comparisons get only the floor (default false: Arena's rule as published). */
  skipDecided?: boolean;
  /**
   * How the votes above the floor are shared: "arena" (default) by Arena's weight, what one more vote takes
   * off the pair's interval, which narrows the intervals on average; "variance" by each pair's vote
   * variance, the shares that reach a given widest interval with the fewest votes (n ∝ S; docs/adaptive.md,
   * "The bound"): the study setting VARIANCE and the simulation's by-variance design.
   */
  rule?: "arena" | "variance";
}

/**
 * A study's sampling rule (Study.pairSamplingRule) as pairProbabilities takes it. ARENA aims at deciding
 * each comparison, so a decided one drops to the floor (the simulation's arena-decide); VARIANCE aims at
 * the widest interval, which a decided comparison may still hold, so it keeps its share (by-variance).
 */
export const SAMPLING_RULES = {
  ARENA: { rule: "arena", skipDecided: true },
  VARIANCE: { rule: "variance", skipDecided: false },
} as const satisfies Record<string, Pick<PairSamplingOptions, "rule" | "skipDecided">>;

/**
 * Variance of one vote's score (A 1, tie or both bad 1/2, B 0), shrunk toward 1/4 by one virtual vote
 * so a pair with one or two votes is not treated as certain: (1/4 + n s^2) / (n + 1).
 */
export function voteVariance(t: Tally): number {
  assertTally(t);
  const n = tallyTotal(t);
  if (n === 0) return 0.25;
  const mean = tallyScore(t) / n;
  const draws = t.ties + t.bothBad;
  const sumSquares = t.winsA * (1 - mean) ** 2 + draws * (0.5 - mean) ** 2 + t.winsB * mean ** 2;
  return (0.25 + sumSquares) / (n + 1);
}

/**
 * Arena's weight: how much one more vote shrinks the pair's interval, sqrt(S / n) - sqrt(S / (n + 1)).
 * A pair without votes is weighed as if it had one (the formula has no value at n = 0).
 */
export function arenaWeight(variance: number, votes: number): number {
  const n = Math.max(votes, 1);
  return Math.sqrt(variance / n) - Math.sqrt(variance / (n + 1));
}

/**
 * Inclusion probability of each model pair on the next prompt: the floor, plus the rest of the expected
 * votes shared in proportion to the rule's weights (Arena's by default); a share above 1 is capped and its excess handed on to
 * the others in the same proportion. Random draws against these probabilities (not the largest weight)
 * keep the choice unpredictable to raters, and the floor keeps every comparison drawn on a share of the
 * prompts, so each interval keeps narrowing and an inverse-probability weight (the exports carry q) is bounded.
 */
export function pairProbabilities(pairs: readonly ModelPairVotes[], options: PairSamplingOptions): number[] {
  const { votesPerPrompt: budget, floor } = options;
  const m = pairs.length;
  if (!(floor > 0 && floor <= 1)) throw new RangeError(`floor must be in (0, 1], got ${floor}`);
  if (!(budget >= m * floor && budget <= m)) throw new RangeError(`votesPerPrompt must be in [pairs * floor, pairs], got ${budget}`);
  const weightOf = options.rule === "variance" ? voteVariance : (p: ModelPairVotes) => arenaWeight(voteVariance(p), tallyTotal(p));
  const weights = pairs.map((p) => (options.skipDecided && p.decided ? 0 : weightOf(p)));
  const q = pairs.map(() => floor);
  let spare = budget - m * floor;
  const capped = new Set<number>();
  while (spare > 1e-12) {
    let total = 0;
    weights.forEach((w, i) => (total += capped.has(i) ? 0 : w));
    if (total <= 0) break; // every remaining pair decided (or capped): the study is about to stop
    let overflow = 0;
    weights.forEach((w, i) => {
      if (capped.has(i)) return;
      const next = (q[i] as number) + (spare * w) / total;
      if (next >= 1) {
        overflow += next - 1;
        q[i] = 1;
        capped.add(i);
      } else q[i] = next;
    });
    spare = overflow;
  }
  return q;
}

/**
 * The floor the app draws with: a quarter of each model pair's even share of the prompt's sampled pairs
 * (the simulation's design: 4 of 10 pairs per prompt, floor 0.1), so no pair's weight exceeds four
 * times an even draw's.
 */
export function samplingFloor(pairsPerPrompt: number, modelPairs: number): number {
  return pairsPerPrompt / modelPairs / 4;
}

/**
 * Which of a prompt's pairs go to raters: each independently with its model pair's probability, against
 * a uniform draw in [0, 1) per pair (the caller's randomness, so raters cannot predict it).
 */
export function drawPairs(probabilities: readonly number[], uniforms: readonly number[]): boolean[] {
  if (probabilities.length !== uniforms.length) throw new RangeError("one uniform draw per pair");
  return probabilities.map((q, i) => (uniforms[i] as number) < q);
}
