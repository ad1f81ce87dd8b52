// A model pair's anytime-valid win-rate interval in a 3+ model adaptive study: one centred, inverse-
// probability-weighted observation per prompt, prompts in the order they were opened.

import {
  createConfidenceSequence,
  csInterval,
  observe,
  weightedObservation,
  type ConfidenceSequenceOptions,
  type ConfidenceSequenceState,
} from "@/lib/stats/confidence-sequence";
import type { Interval } from "@/lib/stats/tally";

/** One prompt as seen by one model pair: the probability it was put to raters, and its votes' mean score if it was. */
export interface PromptDraw {
  probability: number;
  /** Mean score of the pair's votes on this prompt (A 1, tie or both bad 1/2, B 0); null when not sampled. */
  score: number | null;
}

export interface PairSequence {
  cs: ConfidenceSequenceState;
  /** Sampled prompts and their scores' sum: the centre for the next prompt is their mean. */
  sampled: number;
  scoreSum: number;
}

export function createPairSequence(options: ConfidenceSequenceOptions = {}): PairSequence {
  return { cs: createConfidenceSequence(options), sampled: 0, scoreSum: 0 };
}

/** The predictable centre: the pair's mean score over the prompts sampled so far, 1/2 before any (one virtual half-vote). */
export function pairCenter(s: PairSequence): number {
  return (0.5 + s.scoreSum) / (1 + s.sampled);
}

/**
 * Adds the next prompt (mutates `s`). Its conditional mean given the earlier prompts is the pair's win
 * rate over the prompt population when the prompts come in an order fixed in advance (a random key) and
 * the probability was fixed when the prompt opened, from earlier votes only.
 */
export function addPrompt(s: PairSequence, draw: PromptDraw): PairSequence {
  observe(s.cs, weightedObservation(draw.score, draw.probability, pairCenter(s)));
  if (draw.score !== null) {
    s.sampled++;
    s.scoreSum += draw.score;
  }
  return s;
}

/** The interval after the given prompts, in their opening order. */
export function pairSequenceInterval(draws: readonly PromptDraw[], options: ConfidenceSequenceOptions = {}): Interval {
  const s = createPairSequence(options);
  for (const d of draws) addPrompt(s, d);
  return csInterval(s.cs);
}
