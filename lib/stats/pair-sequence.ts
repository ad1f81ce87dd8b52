// A model pair's anytime-valid win-rate interval in a 3+ model study that samples model pairs: the
// confidence sequence of its scores over the prompts it was drawn on, prompts in the order they opened.
//
// Why no weights: whether a prompt puts the pair to raters is a coin whose probability was fixed from
// earlier prompts only, independent of the prompt itself, so the prompts the pair is drawn on are, one
// after another, fresh draws from the same prompt population (optional skipping, Doob 1936; predictable
// sampling of exchangeable sequences, Kallenberg 1988). Each drawn score's mean given everything before it
// is then the pair's win rate over prompts, which is all the CS needs (confidence-sequence.ts). Weighting
// by the inverse probability would estimate the same rate with more variance (docs/adaptive.md).

import {
  createConfidenceSequence,
  csInterval,
  observe,
  type ConfidenceSequenceOptions,
  type ConfidenceSequenceState,
} from "./confidence-sequence";
import type { Interval } from "./tally";

/** One prompt as seen by one model pair: the probability it was put to raters, and its votes' mean score if it was. */
export interface PromptDraw {
  probability: number;
  /** Mean score of the pair's votes on this prompt (A 1, tie or both bad 1/2, B 0); null when not drawn. */
  score: number | null;
}

export interface PairSequence {
  /** The CS over the drawn prompts' scores: its count and sum are the drawn prompts' (cs.t, cs.sumValue). */
  cs: ConfidenceSequenceState;
}

export function createPairSequence(options: ConfidenceSequenceOptions = {}): PairSequence {
  return { cs: createConfidenceSequence(options) };
}

/**
 * Adds the next prompt (mutates `s`): a drawn prompt's score is the CS's next observation, a prompt the
 * draw left the pair out of adds none. The probability, fixed when the prompt opened, must be in (0, 1].
 */
export function addPrompt(s: PairSequence, draw: PromptDraw): PairSequence {
  if (!(draw.probability > 0 && draw.probability <= 1)) throw new RangeError(`probability must be in (0, 1], got ${draw.probability}`);
  if (draw.score !== null) observe(s.cs, draw.score);
  return s;
}

/** The interval after the given prompts, in their opening order. */
export function pairSequenceInterval(draws: readonly PromptDraw[], options: ConfidenceSequenceOptions = {}): Interval {
  const s = createPairSequence(options);
  for (const d of draws) addPrompt(s, d);
  return csInterval(s.cs);
}
