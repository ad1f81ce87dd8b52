// A model pair's anytime-valid win rate over prompts, from one mark per prompt in an order fixed before
// any vote: the confidence sequence (confidence-sequence.ts) of the prompts' majority scores over the
// longest closed prefix of that order (lib/allocation/majority-decided.ts says why only the prefix). In a
// study that samples model pairs (3+ models), over the prompts the pair was drawn on
// (lib/stats/pair-sequence.ts says why they need no weights).

import { confidenceSequence } from "./confidence-sequence";
import { pairSequenceInterval, type PromptDraw } from "./pair-sequence";
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
  /** Model A's win rate over the prefix's prompts (ties as half; in a sampling study, those drawn); null before the first. */
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
   * pair to raters; null where the prompt has not opened). Given: the CS over the prompts drawn.
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

const meanOf = (scores: readonly number[]) => (scores.length ? scores.reduce((sum, x) => sum + x, 0) / scores.length : null);


/**
 * The draws of the closed prefix of a sampling study's marks. A "-" (drawn, but every vote was an excluded
 * rater's) is skipped, as without sampling; the stop and the comparison decisions never see one: they
 * leave no rater out.
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
    if (!(probability > 0 && probability <= 1)) throw new RangeError(`prompt ${i}'s inclusion probability must be in (0, 1], got ${probability}`);
    draws.push({ probability, score: mark === "x" ? null : scoreOf(mark, flipped) });
  }
  return { draws, waiting: marks.length - i };
}

/** The CS at `alpha` of the closed prefix of `marks`, oriented to model A; over the prompts drawn when the study samples model pairs (`inclusions`). */
export function anytimeWinRate(marks: string, alpha: number, options: AnytimeOptions = {}): AnytimeWinRate {
  const { flipped = false, inclusions } = options;
  if (inclusions) {
    const { draws, waiting } = prefixDraws(marks, inclusions, flipped);
    const scores = draws.flatMap((d) => (d.score === null ? [] : [d.score]));
    const interval = pairSequenceInterval(draws, { alpha });
    return {
      estimate: meanOf(scores), interval, prompts: draws.length, waiting, decided: intervalExcludes(interval, 0.5),
      drawn: scores.length, notDrawn: draws.length - scores.length,
    };
  }
  const { scores, waiting } = prefixScores(marks, flipped);
  const interval = confidenceSequence(scores, { alpha });
  return { estimate: meanOf(scores), interval, prompts: scores.length, waiting, decided: intervalExcludes(interval, 0.5) };
}
