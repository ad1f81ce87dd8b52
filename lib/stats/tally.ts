// Shared shapes for the aggregated counts SQL hands to the stats functions.
// Everything in lib/stats works on counts (GROUP BY results), never raw vote rows.

/** Vote counts for one comparison of answer A against answer B. */
export interface Tally {
  winsA: number;
  winsB: number;
  ties: number;
  bothBad: number;
}

/** Per-prompt counts; bothBad is optional because some queries fold it into ties already. */
export interface PromptCounts {
  winsA: number;
  winsB: number;
  ties: number;
  bothBad?: number;
}

/** A closed interval [low, high]. */
export interface Interval {
  low: number;
  high: number;
}

/** Rejects negative, NaN or infinite counts early, where the mistake is easy to trace. */
export function assertCount(value: number, name: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite non-negative number, got ${value}`);
  }
}

export function assertTally(t: PromptCounts): void {
  assertCount(t.winsA, "winsA");
  assertCount(t.winsB, "winsB");
  assertCount(t.ties, "ties");
  assertCount(t.bothBad ?? 0, "bothBad");
}

/** All votes, decisive or not. */
export function tallyTotal(t: PromptCounts): number {
  return t.winsA + t.winsB + t.ties + (t.bothBad ?? 0);
}

/**
 * A's score with every non-decisive vote worth half a win. "Both bad" is a draw
 * for ranking purposes (as AlpacaEval treats draws); callers report it separately.
 */
export function tallyScore(t: PromptCounts): number {
  return t.winsA + 0.5 * (t.ties + (t.bothBad ?? 0));
}
