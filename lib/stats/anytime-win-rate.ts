// A model pair's anytime-valid win rate over prompts, from one mark per prompt in an order fixed before
// any vote: the confidence sequence (confidence-sequence.ts) of the prompts' majority scores over the
// longest closed prefix of that order (lib/allocation/majority-decided.ts says why only the prefix).

import { confidenceSequence } from "./confidence-sequence";
import type { Interval } from "./tally";
import { intervalExcludes } from "./wilson";

/**
 * One prompt of a model pair, in the order fixed before any vote: a closed pair's majority, model A's
 * ("A"), model B's ("B") or the tie bloc ("T"); "-" a closed pair without counted votes (every vote was an
 * excluded rater's: no observation, the prefix goes on); "o" a pair still open, where the prefix ends.
 */
export type PromptMark = "A" | "B" | "T" | "-" | "o";

export interface AnytimeWinRate {
  /** Model A's win rate over the prefix's prompts (ties as half); null before the first. */
  estimate: number | null;
  /** The confidence sequence at `alpha`: [0, 1] before the first prompt. */
  interval: Interval;
  /** Prompts in the closed prefix (the CS's observations). */
  prompts: number;
  /** Prompts after the prefix (open, or closed behind an open one): not yet read. */
  waiting: number;
  /** Whether the interval excludes 1/2. */
  decided: boolean;
}

const SCORE: Record<string, number> = { A: 1, T: 0.5, B: 0 };

/** The scores of the closed prefix of `marks` (one character per prompt, see PromptMark), model A's side up or, flipped, model B's. */
export function prefixScores(marks: string, flipped = false): { scores: number[]; waiting: number } {
  const scores: number[] = [];
  let i = 0;
  for (; i < marks.length; i++) {
    const mark = marks[i]!;
    if (mark === "o") break;
    if (mark === "-") continue;
    const score = SCORE[mark];
    if (score === undefined) throw new RangeError(`unknown prompt mark ${JSON.stringify(mark)}`);
    scores.push(flipped ? 1 - score : score);
  }
  return { scores, waiting: marks.length - i };
}

/** The CS at `alpha` of the closed prefix of `marks`, oriented to model A (flipped: the marks are model B's side up). */
export function anytimeWinRate(marks: string, alpha: number, flipped = false): AnytimeWinRate {
  const { scores, waiting } = prefixScores(marks, flipped);
  const interval = confidenceSequence(scores, { alpha });
  const estimate = scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : null;
  return { estimate, interval, prompts: scores.length, waiting, decided: intervalExcludes(interval, 0.5) };
}
