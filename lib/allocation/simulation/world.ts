// The simulated world of the adaptive-votes study: models with known strengths, prompts that favour
// different models, a tie option and raters who sometimes answer at random. Its truths are computed
// exactly (by quadrature), so coverage is measured against known values, not estimates.

import { majorityOutcome } from "@/lib/stats/majority";
import type { Rng } from "@/lib/stats/rng";

export interface World {
  /** Model strengths on the logit scale. */
  strengths: readonly number[];
  /** Per prompt, each model's quality is strength + promptSpread * N(0, 1), independent across models. */
  promptSpread: number;
  /** A vote is a tie when the quality gap is within this band (ordered logit): P(A) = logistic(d - tieBand). */
  tieBand: number;
  /** Each rater answers uniformly at random (A, B or tie) with their own probability; a vote comes from a random rater. */
  raterNoise: readonly number[];
}

/** Twenty raters answering at random 0%, 2%, ..., 38% of the time (19% on average). */
export const RATER_NOISE: readonly number[] = Array.from({ length: 20 }, (_, r) => 0.02 * r);

export function world(strengths: readonly number[]): World {
  return { strengths, promptSpread: 0.7, tieBand: 0.5, raterNoise: RATER_NOISE };
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** Standard normal draw (Box-Muller); one of the pair is dropped to keep the stream simple. */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A prompt: each model's quality on it. */
export function drawPrompt(w: World, rng: Rng): Float64Array {
  return Float64Array.from(w.strengths, (s) => s + w.promptSpread * normal(rng));
}

/** Probabilities of A, B and tie for a quality gap d (A minus B), rater noise averaged over the pool. */
export function voteProbabilities(w: World, d: number): [number, number, number] {
  const noise = w.raterNoise.reduce((a, b) => a + b, 0) / w.raterNoise.length;
  const a = logistic(d - w.tieBand);
  const b = logistic(-d - w.tieBand);
  return [(1 - noise) * a + noise / 3, (1 - noise) * b + noise / 3, (1 - noise) * (1 - a - b) + noise / 3];
}

/** One vote's score (A 1, tie 1/2, B 0) on a gap d, from a random rater of the pool. */
export function drawVote(w: World, d: number, rng: Rng): number {
  const noise = w.raterNoise[Math.floor(rng() * w.raterNoise.length)] as number;
  if (rng() < noise) return [1, 0, 0.5][Math.floor(rng() * 3)] as number;
  const u = rng();
  const a = logistic(d - w.tieBand);
  if (u < a) return 1;
  return u < a + logistic(-d - w.tieBand) ? 0 : 0.5;
}

/** E[f(gap)] for the gap between models i and j over the prompt population: Simpson's rule on +-8 sd. */
function expectOverPrompts(w: World, i: number, j: number, f: (d: number) => number): number {
  const mean = (w.strengths[i] as number) - (w.strengths[j] as number);
  const sd = Math.SQRT2 * w.promptSpread;
  const steps = 1600;
  const h = 16 / steps;
  let sum = 0;
  for (let s = 0; s <= steps; s++) {
    const x = -8 + s * h;
    const weight = s === 0 || s === steps ? 1 : s % 2 === 1 ? 4 : 2;
    sum += weight * Math.exp(-0.5 * x * x) * f(mean + sd * x);
  }
  return ((sum * h) / 3) / Math.sqrt(2 * Math.PI);
}

/** The vote-level win rate of i over j (ties as half): the mean score of one vote on a random prompt. */
export function trueVoteRate(w: World, i: number, j: number): number {
  return expectOverPrompts(w, i, j, (d) => {
    const [a, , t] = voteProbabilities(w, d);
    return a + 0.5 * t;
  });
}

/** Majority score (A 1, tie 1/2, B 0) of k votes with these probabilities, over every way they can fall. */
export function majorityScoreOf(probs: readonly [number, number, number], k: number): number {
  const [pa, pb, pt] = probs;
  let score = 0;
  const logFact = (n: number) => { let s = 0; for (let i = 2; i <= n; i++) s += Math.log(i); return s; };
  for (let a = 0; a <= k; a++) {
    for (let b = 0; a + b <= k; b++) {
      const t = k - a - b;
      const p = Math.exp(logFact(k) - logFact(a) - logFact(b) - logFact(t)) * pa ** a * pb ** b * pt ** t;
      const outcome = majorityOutcome({ winsA: a, winsB: b, ties: t });
      score += p * (outcome === "A" ? 1 : outcome === "tie" ? 0.5 : 0);
    }
  }
  return score;
}

/** Variance of one vote's score (A 1, tie 1/2, B 0) on a random prompt, prompt effects included. */
export function trueVoteVariance(w: World, i: number, j: number): number {
  const mean = trueVoteRate(w, i, j);
  const square = expectOverPrompts(w, i, j, (d) => {
    const [a, , t] = voteProbabilities(w, d);
    return a + 0.25 * t;
  });
  return square - mean * mean;
}

/** The prompt-level win rate of i over j: the mean majority score of k votes on a random prompt. */
export function trueMajorityRate(w: World, i: number, j: number, k: number): number {
  return expectOverPrompts(w, i, j, (d) => majorityScoreOf(voteProbabilities(w, d), k));
}
