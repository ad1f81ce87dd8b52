// When an adaptive study stops serving pairs, and why: every comparison decided at the chosen level
// (its anytime-valid interval excludes 1/2), or the vote budget spent, or nothing left to vote on.

import type { Interval } from "@/lib/stats/tally";
import { intervalExcludes } from "@/lib/stats/wilson";

export type StopReason = "decided" | "budget" | "exhausted";

export interface StoppingInput {
  /** Each comparison's confidence sequence now, computed at the study's level alpha. */
  intervals: readonly Interval[];
  /** Votes cast so far, and the most the study may use. */
  votes: number;
  budget: number;
  /** True when no pair is left open (every prompt closed), e.g. a two-model study at its planned size. */
  exhausted?: boolean;
}

export interface StoppingDecision {
  stop: boolean;
  /** Why it stopped; null while it runs. "decided" wins when several hold. */
  reason: StopReason | null;
  /** Comparisons whose interval excludes 1/2. */
  decided: number;
}

/**
 * A fixed-sample interval must not be used here: checked after every vote it would stop on noise far
 * more often than alpha. The confidence sequence holds at every time at once, so stopping the first
 * time it excludes 1/2 keeps its level. With several comparisons each holds at alpha on its own; pass
 * intervals computed at alpha / comparisons for a study-wide guarantee (Bonferroni).
 */
export function stoppingDecision(input: StoppingInput): StoppingDecision {
  const { intervals, votes, budget } = input;
  if (!(budget >= 0) || !(votes >= 0)) throw new RangeError("votes and budget must be non-negative");
  const decided = intervals.filter((i) => intervalExcludes(i, 0.5)).length;
  if (intervals.length > 0 && decided === intervals.length) return { stop: true, reason: "decided", decided };
  if (votes >= budget) return { stop: true, reason: "budget", decided };
  if (input.exhausted) return { stop: true, reason: "exhausted", decided };
  return { stop: false, reason: null, decided };
}
