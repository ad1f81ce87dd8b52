// A model pair's anytime-valid win rate over prompts, from one mark per prompt in an order fixed before
// any vote: the confidence sequence (confidence-sequence.ts) of the prompts' majority scores over the
// longest closed prefix of that order (lib/allocation/majority-decided.ts says why only the prefix). In a
// study that samples model pairs (3+ models), each prompt's observation is inverse-probability weighted.

import { confidenceSequence, createConfidenceSequence, csInterval, observe, weightedObservation } from "./confidence-sequence";
import type { Interval } from "./tally";
import { intervalExcludes } from "./wilson";

/**
 * One prompt of a model pair, in the order fixed before any vote: a closed pair's majority, model A's
 * ("A"), model B's ("B") or the tie bloc ("T"); "-" a closed pair without counted votes (every vote was an
 * excluded rater's: no observation, the prefix goes on); "x" (sampling studies) a prompt that opened but
 * whose draw left this pair out: closed, an observation without a score; "o" a pair still open, or
 * (sampling studies) a prompt not opened yet, where the prefix ends.
 */
export type PromptMark = "A" | "B" | "T" | "-" | "x" | "o";

export interface AnytimeWinRate {
  /**
   * Model A's win rate over the prefix's prompts (ties as half); null before the first. In a sampling
   * study the Hájek estimate: scores weighted by 1 / inclusion probability over the prompts drawn.
   */
  estimate: number | null;
  /** The confidence sequence at `alpha`: [0, 1] before the first prompt. */
  interval: Interval;
  /** Prompts in the closed prefix (the CS's observations). */
  prompts: number;
  /** Prompts after the prefix (open, not opened yet, or closed behind an open one): not yet read. */
  waiting: number;
  /** Whether the interval excludes 1/2. */
  decided: boolean;
  /** Sampling studies only: of the prefix's prompts, those the draw put this pair to raters on (with counted votes) and those it left out. */
  drawn?: number;
  notDrawn?: number;
}

export interface AnytimeOptions {
  /** The marks are model B's side up: orient the scores to model A. */
  flipped?: boolean;
  /**
   * A sampling study's inclusion probabilities, one per mark (the probability the prompt's draw put this
   * pair to raters; null where the prompt has not opened). Given: the inverse-probability-weighted CS.
   */
  inclusions?: readonly (number | null)[];
}

const SCORE: Record<string, number> = { A: 1, T: 0.5, B: 0 };

function scoreOf(mark: string, flipped: boolean): number {
  const score = SCORE[mark];
  if (score === undefined) throw new RangeError(`unknown prompt mark ${JSON.stringify(mark)}`);
  return flipped ? 1 - score : score;
}

/** The scores of the closed prefix of `marks` (one character per prompt, see PromptMark), model A's side up or, flipped, model B's. */
export function prefixScores(marks: string, flipped = false): { scores: number[]; waiting: number } {
  const scores: number[] = [];
  let i = 0;
  for (; i < marks.length; i++) {
    const mark = marks[i]!;
    if (mark === "o") break;
    if (mark === "-") continue;
    scores.push(scoreOf(mark, flipped));
  }
  return { scores, waiting: marks.length - i };
}

/** One prompt of a sampling study as the weighted CS reads it: its inclusion probability, and its majority score when drawn (null: left out). */
export type PromptDraw = { probability: number; score: number | null };

/**
 * The draws of the closed prefix of a sampling study's marks. A "-" (drawn, but every vote was an excluded
 * rater's) is skipped, as without sampling: exact when its probability q is 1; below 1, skipping only drawn
 * prompts moves each observation's mean toward the running centre by the factor (1 − p)/(1 − qp), p the
 * chance a drawn prompt loses all its votes to the exclusion (treating it as not drawn would give 1 − p).
 * The stop and the comparison decisions never see one: they leave no rater out.
 */
export function prefixDraws(marks: string, inclusions: readonly (number | null)[], flipped = false): { draws: PromptDraw[]; waiting: number } {
  if (inclusions.length !== marks.length) throw new RangeError(`${inclusions.length} inclusion probabilities for ${marks.length} marks`);
  const draws: PromptDraw[] = [];
  let i = 0;
  for (; i < marks.length; i++) {
    const mark = marks[i]!;
    if (mark === "o") break;
    if (mark === "-") continue;
    const probability = inclusions[i];
    if (probability === null || probability === undefined) throw new RangeError(`closed prompt ${i} has no inclusion probability`);
    draws.push({ probability, score: mark === "x" ? null : scoreOf(mark, flipped) });
  }
  return { draws, waiting: marks.length - i };
}

/**
 * The centred inverse-probability-weighted CS of the draws, in their order: each prompt observes
 * m + 1{drawn}(score − m)/q with m the mean score of the earlier drawn prompts (one virtual half first),
 * fixed before the prompt, so its conditional mean is the win rate over prompts (augmented IPW). The same
 * sequence as lib/allocation/pair-sequence.ts's pairSequenceInterval, which this pure folder cannot import.
 */
export function weightedInterval(draws: readonly PromptDraw[], alpha: number): Interval {
  const cs = createConfidenceSequence({ alpha });
  let drawn = 0;
  let scoreSum = 0;
  for (const d of draws) {
    observe(cs, weightedObservation(d.score, d.probability, (0.5 + scoreSum) / (1 + drawn)));
    if (d.score !== null) {
      drawn++;
      scoreSum += d.score;
    }
  }
  return csInterval(cs);
}

/** The Hájek estimate: drawn prompts' scores weighted by 1/q over their weights (so flipping the sides gives 1 − it); null before the first drawn. */
export function hajekEstimate(draws: readonly PromptDraw[]): number | null {
  let weights = 0;
  let weighted = 0;
  for (const d of draws) {
    if (d.score === null) continue;
    weights += 1 / d.probability;
    weighted += d.score / d.probability;
  }
  return weights > 0 ? weighted / weights : null;
}

/** The CS at `alpha` of the closed prefix of `marks`, oriented to model A; weighted when the study samples model pairs (`inclusions`). */
export function anytimeWinRate(marks: string, alpha: number, options: AnytimeOptions = {}): AnytimeWinRate {
  const { flipped = false, inclusions } = options;
  if (inclusions) {
    const { draws, waiting } = prefixDraws(marks, inclusions, flipped);
    const interval = weightedInterval(draws, alpha);
    const drawn = draws.filter((d) => d.score !== null).length;
    return {
      estimate: hajekEstimate(draws), interval, prompts: draws.length, waiting, decided: intervalExcludes(interval, 0.5),
      drawn, notDrawn: draws.length - drawn,
    };
  }
  const { scores, waiting } = prefixScores(marks, flipped);
  const interval = confidenceSequence(scores, { alpha });
  const estimate = scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : null;
  return { estimate, interval, prompts: scores.length, waiting, decided: intervalExcludes(interval, 0.5) };
}
